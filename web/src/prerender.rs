//! Pre-rendering: every page of [`route::prerendered`] rendered to static HTML at build time (Yew's
//! server renderer, natively), written into the bundle as its own `index.html`. A deep link then
//! paints from HTML before any wasm has run, reads without JavaScript, and can be indexed; when the
//! wasm starts, the app renders the same page in its place ([`crate::start`]).

use std::cell::RefCell;

use stylist::manager::{render_static, StyleManager};

use crate::data::Site;
use crate::route::Route;
use crate::views::app::{StaticApp, StaticAppProps};
use crate::{PRERENDERED_PAGE, PRERENDERED_STYLE};

thread_local! {
    /// The title the page being rendered asked for (see `use_title`).
    static TITLE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records the document title a view sets, for the pre-rendered page's `<title>`.
pub fn record_title(title: &str) {
    TITLE.with(|t| *t.borrow_mut() = Some(title.to_owned()));
}

/// Where in `dist/index.html` (as trunk wrote it) each part of a page goes.
const BASE: &str = r#"<base href="./" />"#;
const APP_ROOT: &str =
    r#"<div id="app"><div class="gl-boot" role="status">Loading Gradeladder…</div></div>"#;
const TITLE_TAG: &str = "<title>Gradeladder</title>";
const DESCRIPTION: &str = r#"<meta name="description" content="Job grades, expectations, career ladders and pay ranges for every role." />"#;
const HEAD_END: &str = "</head>";

/// One page as static HTML parts.
pub struct Page {
    /// The page's route.
    pub route: Route,
    /// Its `<title>`.
    pub title: String,
    /// Its `<style>` elements.
    pub styles: String,
    /// What goes inside `<div id="app">`, links relative to the app's root.
    pub body: String,
}

/// Renders `route` of `site` as the app would show it on a first visit (no query, theme from the
/// system).
pub async fn render(site: &Site, route: &Route) -> Page {
    let (writer, reader) = render_static();
    let styles = StyleManager::builder()
        .prefix("gl-pre".into())
        .writer(writer)
        .build()
        .expect("a style manager that writes to memory");
    TITLE.with(|t| t.borrow_mut().take());
    let body = yew::LocalServerRenderer::<StaticApp>::with_props(StaticAppProps {
        route: route.clone(),
        styles,
        site: site.clone(),
    })
    .hydratable(false)
    .render()
    .await;
    let mut css = String::new();
    reader
        .read_style_data()
        .write_static_markup(&mut css)
        .expect("styles written to a string");
    Page {
        route: route.clone(),
        title: TITLE
            .with(|t| t.borrow_mut().take())
            .unwrap_or_else(|| site.title.to_string()),
        styles: css.replace(
            "<style data-style=",
            &format!("<style {PRERENDERED_STYLE} data-style="),
        ),
        // The router renders links from the root (`/role/…`); the page's `<base>` is the root.
        body: without_component_state(&body).replace("href=\"/", "href=\""),
    }
}

/// `body` without the component state Yew writes for hydration (the style manager's, ~4 KB of
/// base64 per page): the app renders each page afresh in place of the pre-rendered one.
fn without_component_state(body: &str) -> String {
    const OPEN: &str = r#"<script type="application/x-yew-comp-state">"#;
    let mut rest = body;
    let mut kept = String::with_capacity(body.len());
    while let Some(start) = rest.find(OPEN) {
        kept.push_str(&rest[..start]);
        match rest[start..].find("</script>") {
            Some(end) => rest = &rest[start + end + "</script>".len()..],
            None => {
                rest = "";
            }
        }
    }
    kept.push_str(rest);
    kept
}

/// The `index.html` of `page` of `site`, from `template` (the app's `index.html` as trunk built it).
pub fn page_html(template: &str, site: &Site, page: &Page) -> Result<String, String> {
    let depth = page.route.relative_path().matches('/').count();
    let base = if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    };
    let base_tag = format!(r#"<base href="{base}" />"#);
    for marker in [BASE, APP_ROOT, TITLE_TAG, DESCRIPTION, HEAD_END] {
        if !template.contains(marker) {
            return Err(format!(
                "the app's index.html has no `{marker}`: it is where pre-rendering puts part of each page"
            ));
        }
    }
    let path = page.route.relative_path();
    Ok(template
        .replacen(BASE, &base_tag, 1)
        .replacen(
            TITLE_TAG,
            &format!("<title>{}</title>", escape(&page.title)),
            1,
        )
        .replacen(
            DESCRIPTION,
            &format!(
                r#"<meta name="description" content="{}" />"#,
                escape(&description(site, &page.route))
            ),
            1,
        )
        .replacen(HEAD_END, &format!("{}{HEAD_END}", page.styles), 1)
        .replacen(
            APP_ROOT,
            &format!(
                r#"<div id="app" {PRERENDERED_PAGE}="{path}">{}</div>"#,
                page.body
            ),
            1,
        ))
}

/// The bundle's `404.html`, which a host serves at any missing address (at any depth, so it can
/// name nothing relative): it finds the app's root in the address (the path before the last
/// `role/` or `compare/` segment, or before a closing `grades/`, else the address's directory) and
/// opens the not-found page there with the address asked for, where the app suggests roles.
pub fn not_found_redirect() -> String {
    let route = Route::NotFound.relative_path();
    format!(
        r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Not found · Gradeladder</title>
    <script>
      (function () {{
        var path = location.pathname;
        var found = path.match(/^(.*\/)(role|compare)\//) || path.match(/^(.*\/)(grades|{route_name})\/?$/);
        var root = found ? found[1] : path.replace(/[^\/]*$/, "");
        var query = location.search ? "&" + location.search.slice(1) : "";
        location.replace(root + "{route}?address=" + encodeURIComponent(path.slice(root.length)) + query);
      }})();
    </script>
  </head>
  <body>
    <p>There is no Gradeladder page at this address.</p>
  </body>
</html>
"#,
        route_name = route.trim_end_matches('/'),
    )
}

/// What a search result says of the page.
fn description(site: &Site, route: &Route) -> String {
    let pay = match &site.pay {
        Some(model) if model.meta.example => " and an example pay range with the math shown",
        Some(_) => " and its pay range with the math shown",
        None => "",
    };
    match route {
        Route::Role { family, level } => site
            .catalog
            .get(&gradeladder_core::LevelId::new(family, level))
            .map(|found| {
                let grade = found
                    .level
                    .grade
                    .map_or_else(|| "no job grade yet".to_owned(), |g| format!("job grade {g}"));
                format!(
                    "{} ({}): {grade}, what is expected, what the next level adds, the career ladder{pay}.",
                    found.level.title, found.family.title
                )
            })
            .unwrap_or_default(),
        Route::Grades => "Every job grade with the roles placed on it.".to_owned(),
        Route::Compare { .. } => "Two levels side by side: what the next one adds.".to_owned(),
        _ => "Job grades, expectations, career ladders and pay ranges for every role.".to_owned(),
    }
}

/// `text` escaped for HTML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
