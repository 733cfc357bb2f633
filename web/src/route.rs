//! The app's routes: paths relative to the app's root (read from `<base href>`), each one a page
//! that `gradeladder-prerender` writes as its own `index.html`, so any static host and sub-path
//! serves a deep link. Links from before (`#/role/…`) are sent to their path by `boot.js`.

use gradeladder_core::LevelId;
use serde::{Deserialize, Serialize};
use yew_router::prelude::*;

/// Every page of the app.
#[derive(Routable, Clone, PartialEq, Debug)]
pub enum Route {
    /// Search, families and the grade scale.
    #[at("/")]
    Home,
    /// One level of a family.
    #[at("/role/:family/:level/")]
    Role {
        /// Family slug.
        family: String,
        /// Level slug.
        level: String,
    },
    /// Two levels side by side; each is `family.level`.
    #[at("/compare/:a/:b/")]
    Compare {
        /// First level, `family.level`.
        a: String,
        /// Second level, `family.level`.
        b: String,
    },
    /// All grades with the catalog's roles placed on them.
    #[at("/grades/")]
    Grades,
    /// Anything else.
    #[not_found]
    #[at("/not-found/")]
    NotFound,
}

/// Pay choices kept in the URL's query so a link reproduces them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PayParams {
    /// Location id (`GB/london`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loc: Option<String>,
    /// Currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cur: Option<String>,
    /// Compa group name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compa: Option<String>,
    /// Locations compared side by side and carried by the job posting, comma-separated ids
    /// (`US,GB/london`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The one currency the compared locations are also shown in.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub common: Option<String>,
}

impl Route {
    /// The role page of `id`.
    pub fn role(id: &LevelId) -> Route {
        Route::Role {
            family: id.family.clone(),
            level: id.level.clone(),
        }
    }

    /// The page comparing `from` with `to`.
    pub fn compare(from: &LevelId, to: &LevelId) -> Route {
        Route::Compare {
            a: from.to_segment(),
            b: to.to_segment(),
        }
    }
}

impl Route {
    /// The page `path` (from the app's root, `role/it/manager/`) names, when it is a role or a
    /// comparison of levels `catalog` has: where the not-found page sends an address that was not
    /// pre-rendered.
    pub fn existing(path: &str, catalog: &gradeladder_core::Catalog) -> Option<Route> {
        let route = Route::recognize(&format!("/{}", path.trim_start_matches('/')))?;
        let has = |segment: &str| {
            LevelId::parse_segment(segment).is_some_and(|id| catalog.get(&id).is_some())
        };
        let exists = match &route {
            Route::Role { family, level } => catalog.get(&LevelId::new(family, level)).is_some(),
            Route::Compare { a, b } => has(a) && has(b),
            _ => false,
        };
        exists.then_some(route)
    }

    /// The route's path from the app's root, without the leading `/` (`role/it/manager/`; empty
    /// for the home page): what a link relative to the root says.
    pub fn relative_path(&self) -> String {
        self.to_path().trim_start_matches('/').to_owned()
    }
}

/// The most levels whose pages are written at build time. A catalog beyond it (a page of 20,000
/// levels) would make a bundle of that many files; its other levels open through `404.html`,
/// whose not-found page sends a real role's address on to the role.
pub const MAX_PRERENDERED_LEVELS: usize = 2_000;

/// The most list items the pre-rendered pages show in all. Each level's page spells out what it
/// takes over from the levels before it, so a page of thousands of levels that each extend the
/// last would otherwise write pages whose total grows with the square of its levels; past this
/// budget the remaining levels open through `404.html` like those past the level cap.
pub const MAX_PRERENDERED_ITEMS: usize = 250_000;

/// Every page written to static HTML at build time: home, the grade scale, the not-found page
/// (where `404.html` sends a missing address), each role, and each role compared with its next
/// level (the comparisons the app links to), for the first [`MAX_PRERENDERED_LEVELS`] levels and
/// while their pages show at most [`MAX_PRERENDERED_ITEMS`] items.
pub fn prerendered(catalog: &gradeladder_core::Catalog) -> Vec<Route> {
    let mut routes = vec![Route::Home, Route::Grades, Route::NotFound];
    let mut items = 0;
    for (family, level) in catalog.levels().take(MAX_PRERENDERED_LEVELS) {
        let shown = shown_items(family, level);
        let next = gradeladder_core::ladder::next_level(family, level);
        let compared = next.map_or(0, |next| shown + shown_items(family, next));
        items += shown + compared;
        if items > MAX_PRERENDERED_ITEMS {
            break;
        }
        let id = LevelId::of(family, level);
        routes.push(Route::role(&id));
        if let Some(next) = next {
            routes.push(Route::compare(&id, &LevelId::of(family, next)));
        }
    }
    routes
}

/// How many list items a level's page shows.
fn shown_items(family: &gradeladder_core::Family, level: &gradeladder_core::Level) -> usize {
    gradeladder_core::expectations::expected_lists(family, level)
        .iter()
        .map(|list| list.items().count())
        .sum()
}
