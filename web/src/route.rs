//! The app's routes: paths relative to the app's root (read from `<base href>`), each one a page
//! that `gradeladder-prerender` writes as its own `index.html`, so any static host and sub-path
//! serves a deep link. Links from before (`#/role/…`) are sent to their path by `boot.js`.

use gradeladder_core::LevelId;
use std::collections::HashMap;
use yew_router::prelude::*;

/// Every page of the app. Its paths are read and written by hand ([`Routable`] below) rather than
/// by yew-router's derive, whose pattern matcher added about 4 KB gzip to the app for five fixed
/// patterns.
#[derive(Clone, PartialEq, Debug)]
pub enum Route {
    /// Search, families and the grade scale: `/`.
    Home,
    /// One level of a family: `/role/:family/:level/`.
    Role {
        /// Family slug.
        family: String,
        /// Level slug.
        level: String,
    },
    /// Two levels side by side; each is `family.level`: `/compare/:a/:b/`.
    Compare {
        /// First level, `family.level`.
        a: String,
        /// Second level, `family.level`.
        b: String,
    },
    /// All grades with the catalog's roles placed on them: `/grades/`.
    Grades,
    /// Anything else: `/not-found/`.
    NotFound,
}

impl Routable for Route {
    fn from_path(path: &str, params: &HashMap<&str, &str>) -> Option<Self> {
        let param = |name: &str| params.get(name).map(|value| (*value).to_owned());
        match path {
            "/" => Some(Route::Home),
            "/role/:family/:level/" => Some(Route::Role {
                family: param("family")?,
                level: param("level")?,
            }),
            "/compare/:a/:b/" => Some(Route::Compare {
                a: param("a")?,
                b: param("b")?,
            }),
            "/grades/" => Some(Route::Grades),
            "/not-found/" => Some(Route::NotFound),
            _ => None,
        }
    }

    fn to_path(&self) -> String {
        let encode = |segment: &str| urlencoding::encode(segment).into_owned();
        match self {
            Route::Home => "/".to_owned(),
            Route::Role { family, level } => {
                format!("/role/{}/{}/", encode(family), encode(level))
            }
            Route::Compare { a, b } => format!("/compare/{}/{}/", encode(a), encode(b)),
            Route::Grades => "/grades/".to_owned(),
            Route::NotFound => "/not-found/".to_owned(),
        }
    }

    fn routes() -> Vec<&'static str> {
        vec![
            "/",
            "/role/:family/:level/",
            "/compare/:a/:b/",
            "/grades/",
            "/not-found/",
        ]
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound)
    }

    /// The route of `pathname` (one trailing `/` optional, each parameter one non-empty,
    /// percent-decoded segment; the empty path is home), else [`Route::NotFound`].
    fn recognize(pathname: &str) -> Option<Self> {
        let path = pathname.strip_suffix('/').unwrap_or(pathname);
        if path.is_empty() {
            return Some(Route::Home);
        }
        let Some(path) = path.strip_prefix('/') else {
            return Some(Route::NotFound);
        };
        let decode = |segment: &str| {
            (!segment.is_empty())
                .then(|| urlencoding::decode(segment).ok())
                .flatten()
                .map(|decoded| decoded.into_owned())
        };
        let segments: Vec<&str> = path.split('/').collect();
        let route = match segments.as_slice() {
            ["grades"] => Some(Route::Grades),
            ["not-found"] => Some(Route::NotFound),
            ["role", family, level] => decode(family)
                .zip(decode(level))
                .map(|(family, level)| Route::Role { family, level }),
            ["compare", a, b] => decode(a)
                .zip(decode(b))
                .map(|(a, b)| Route::Compare { a, b }),
            _ => None,
        };
        route.or(Some(Route::NotFound))
    }
}

/// Pay choices kept in the URL's query so a link reproduces them. Read and written with
/// `form_urlencoded` (see [`PayParams::from_query`]), not serde, whose query (de)serializer
/// cost the app about 1.5 KB gzip for these five keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PayParams {
    /// Location id (`GB/london`): `loc=`.
    pub loc: Option<String>,
    /// Currency code: `cur=`.
    pub cur: Option<String>,
    /// Compa group name: `compa=`.
    pub compa: Option<String>,
    /// Locations compared side by side and carried by the job posting, comma-separated ids
    /// (`US,GB/london`): `at=`.
    pub at: Option<String>,
    /// The one currency the compared locations are also shown in: `in=`.
    pub common: Option<String>,
}

impl PayParams {
    /// The choices in a query string (`loc=GB%2Flondon&cur=EUR`, with or without its `?`). Other
    /// keys are left alone; a key given twice counts once, as first given; an empty value is no
    /// choice.
    pub fn from_query(query: &str) -> PayParams {
        let value = |key: &str| query_value(query, key);
        PayParams {
            loc: value("loc"),
            cur: value("cur"),
            compa: value("compa"),
            at: value("at"),
            common: value("in"),
        }
    }

    /// The choices as a query string without its `?`, keys in a fixed order, those not made
    /// left out: what [`PayParams::from_query`] reads back.
    pub fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("loc", &self.loc),
            ("cur", &self.cur),
            ("compa", &self.compa),
            ("at", &self.at),
            ("in", &self.common),
        ] {
            if let Some(value) = value {
                query.append_pair(key, value);
            }
        }
        query.finish()
    }
}

/// The first non-empty value of `key` in a query string (with or without its `?`), decoded.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == key)
        .map(|(_, value)| value.into_owned())
        .filter(|value| !value.is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_is_read_from_its_path_with_or_without_the_trailing_slash() {
        let role = Route::Role {
            family: "it".into(),
            level: "manager".into(),
        };
        assert_eq!(Route::recognize("/"), Some(Route::Home));
        assert_eq!(Route::recognize(""), Some(Route::Home));
        assert_eq!(Route::recognize("/role/it/manager/"), Some(role.clone()));
        assert_eq!(Route::recognize("/role/it/manager"), Some(role));
        assert_eq!(Route::recognize("/grades"), Some(Route::Grades));
        assert_eq!(Route::recognize("/not-found/"), Some(Route::NotFound));
        assert_eq!(
            Route::recognize("/compare/it.manager/it.director/"),
            Some(Route::Compare {
                a: "it.manager".into(),
                b: "it.director".into()
            })
        );
    }

    #[test]
    fn any_other_path_is_the_not_found_page() {
        for path in [
            "/role/it/",
            "/role//manager/",
            "/role/it/manager/extra/",
            "/role/it/manager//",
            "/Grades/",
            "/compare/a/",
            "/role/%FF/manager/",
            "role/it/manager/",
        ] {
            assert_eq!(Route::recognize(path), Some(Route::NotFound), "{path}");
        }
    }

    #[test]
    fn a_path_written_for_a_route_reads_back_as_that_route() {
        for route in [
            Route::Home,
            Route::Grades,
            Route::NotFound,
            Route::Role {
                family: "ux research".into(),
                level: "lead/principal?".into(),
            },
            Route::Compare {
                a: "it.manager".into(),
                b: "café.chef".into(),
            },
        ] {
            let path = route.to_path();
            assert_eq!(Route::recognize(&path), Some(route.clone()), "{path}");
        }
        assert_eq!(
            Route::Role {
                family: "ux research".into(),
                level: "a/b".into()
            }
            .to_path(),
            "/role/ux%20research/a%2Fb/"
        );
    }

    #[test]
    fn pay_choices_read_back_from_the_query_they_are_written_to() {
        let params = PayParams {
            loc: Some("GB/london".into()),
            cur: Some("EUR".into()),
            compa: None,
            at: Some("US,GB/london & more".into()),
            common: Some("USD".into()),
        };
        let query = params.to_query();
        assert_eq!(
            query,
            "loc=GB%2Flondon&cur=EUR&at=US%2CGB%2Flondon+%26+more&in=USD"
        );
        assert_eq!(PayParams::from_query(&query), params);
        assert_eq!(PayParams::from_query(&format!("?{query}")), params);
        assert_eq!(PayParams::default().to_query(), "");
    }

    #[test]
    fn an_empty_unknown_or_repeated_key_in_the_query_is_read_as_people_mean_it() {
        let params = PayParams::from_query("?loc=&cur=EUR&cur=GBP&utm_source=ad&in=%E2%82%AC");
        assert_eq!(params.loc, None);
        assert_eq!(params.cur.as_deref(), Some("EUR"));
        assert_eq!(params.common.as_deref(), Some("€"));
        assert_eq!(
            query_value("address=role%2Fit%2Fboss%2F", "address").as_deref(),
            Some("role/it/boss/")
        );
        assert_eq!(query_value("", "address"), None);
    }

    #[test]
    fn each_listed_pattern_names_its_route() {
        let params = HashMap::from([
            ("family", "it"),
            ("level", "manager"),
            ("a", "x"),
            ("b", "y"),
        ]);
        for pattern in Route::routes() {
            let route = Route::from_path(pattern, &params).expect(pattern);
            assert_eq!(Route::recognize(&route.to_path()), Some(route), "{pattern}");
        }
    }
}
