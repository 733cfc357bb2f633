//! The app shell: router, global styles, header with search and theme toggle, the page, footer.

use stylist::yew::{styled_component, Global};
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use super::compare::ComparePage;
use super::grades::GradesPage;
use super::home::Home;
use super::not_found::NotFound;
use super::role::RolePage;
use super::search::SearchBox;
use crate::data::{use_site, Site};
use crate::route::{query_value, PayParams, Route};
use crate::theme::{self, ThemeChoice};

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the app shows.
    pub site: Site,
}

/// The whole app, in the browser: routes are paths under the `<base href>` of the page.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    use_effect_with((), |_| {
        crate::mark(crate::MARK_RENDERED);
        crate::announce_started();
    });
    html! {
        <ContextProvider<Site> context={props.site.clone()}>
            <BrowserRouter>
                <Global css={theme::global()} />
                <Shell />
            </BrowserRouter>
        </ContextProvider<Site>>
    }
}

/// Properties of [`StaticApp`].
#[cfg(feature = "ssr")]
#[derive(Properties, PartialEq)]
pub struct StaticAppProps {
    /// The page to render.
    pub route: Route,
    /// Collects the page's styles for its `<head>`.
    pub styles: stylist::manager::StyleManager,
    /// What the page shows.
    pub site: Site,
}

/// The whole app at one route, as `gradeladder-prerender` writes it to static HTML.
#[cfg(feature = "ssr")]
#[function_component]
pub fn StaticApp(props: &StaticAppProps) -> Html {
    let history = yew_router::history::AnyHistory::from(yew_router::history::MemoryHistory::new());
    yew_router::history::History::push(&history, props.route.to_path());
    html! {
        <stylist::yew::ManagerProvider manager={props.styles.clone()}>
            <ContextProvider<Site> context={props.site.clone()}>
                <Router {history}>
                    <Global css={theme::global()} />
                    <Shell />
                </Router>
            </ContextProvider<Site>>
        </stylist::yew::ManagerProvider>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Role { family, level } => html! { <RolePage {family} {level} /> },
        Route::Compare { a, b } => html! { <ComparePage {a} {b} /> },
        Route::Grades => html! { <GradesPage /> },
        Route::NotFound => html! { <UnknownPage /> },
    }
}

/// The not-found page, with the words of the address asked for as the search hint (from
/// `?address=` when `404.html` sent it here, else from the path in the bar).
#[function_component]
fn UnknownPage() -> Html {
    let basename = use_navigator()
        .and_then(|navigator| navigator.basename().map(str::to_owned))
        .unwrap_or_default();
    let location = use_location();
    let asked = location
        .map(|location| {
            // Where `404.html` sends a missing address: `not-found/?address=<the path asked for>`.
            let sent = query_value(location.query_str(), "address").unwrap_or_default();
            if sent.is_empty() {
                let path = location.path();
                let path = path.strip_prefix(basename.as_str()).unwrap_or(path);
                if path == Route::NotFound.to_path() {
                    String::new()
                } else {
                    path.to_owned()
                }
            } else {
                sent
            }
        })
        .unwrap_or_default();
    let asked = asked.trim_start_matches('/');
    // A real role that was not pre-rendered (a catalog past `MAX_PRERENDERED_LEVELS`): open it.
    let site = use_site();
    let existing = Route::existing(asked, &site.catalog);
    {
        let navigator = use_navigator();
        let params = use_location()
            .map(|location| PayParams::from_query(location.query_str()))
            .unwrap_or_default();
        use_effect_with(existing.clone(), move |existing| {
            if let (Some(route), Some(navigator)) = (existing, navigator) {
                let _ = navigator.replace_with_query(route, Raw(params.to_query()));
            }
        });
    }
    let asked = ["role/", "compare/"]
        .iter()
        .find_map(|prefix| asked.strip_prefix(prefix))
        .unwrap_or(asked);
    let hint = asked.replace(['/', '-', '.'], " ").trim().to_owned();
    html! { <NotFound {hint} /> }
}

/// Where the pages and the pay figures come from, and that nothing is tracked.
fn footer_text(site: &Site) -> String {
    let pay = match &site.pay {
        Some(model) if model.meta.example => {
            "Pay figures are examples, not real pay data.".to_owned()
        }
        Some(model) => format!("Pay figures: {}.", model.meta.source.trim_end_matches('.')),
        None => "No pay ranges are published here.".to_owned(),
    };
    let source = if site.source.is_empty() {
        String::new()
    } else {
        format!("{} ", site.source)
    };
    format!("{source}{pay} Works offline; nothing is tracked. Made with Gradeladder.")
}

/// Header, main and footer around the routed page.
#[styled_component]
fn Shell() -> Html {
    let site = use_site();
    let theme = use_state(ThemeChoice::load);
    use_effect_with(*theme, |choice| choice.apply());
    let toggle = {
        let theme = theme.clone();
        Callback::from(move |_| theme.set(theme.next()))
    };
    let style = css!(
        r#"
        .skip { position: absolute; left: -999px; top: .5rem; background: var(--gl-surface); padding: .5rem; z-index: 20; }
        .skip:focus { left: .5rem; }
        header { background: var(--gl-surface); border-bottom: 1px solid var(--gl-border); }
        .bar { max-width: 68rem; margin: 0 auto; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: center; }
        .bar > [role="search"] { flex: 1 1 16rem; }
        .brand { font-weight: 700; font-size: var(--gl-text-heading); color: var(--gl-text); text-decoration: none; }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
        nav a { font-weight: 700; }
        .theme { font: inherit; font-size: var(--gl-text-small); padding: .35rem .7rem; border-radius: 8px; border: 1px solid var(--gl-border);
                 background: var(--gl-bg); color: var(--gl-text); cursor: pointer; }
        main { max-width: 68rem; margin: 0 auto; padding: 1rem 1rem 3rem; box-sizing: border-box; }
        .own { max-width: 68rem; margin: .75rem auto 0; padding: .5rem 1rem; box-sizing: border-box; background: var(--gl-accent-soft); border-radius: var(--gl-radius); }
        footer { max-width: 68rem; margin: 0 auto; padding: 1rem; color: var(--gl-muted); font-size: var(--gl-text-small); border-top: 1px solid var(--gl-border); }
        @media (max-width: 560px) { .bar > [role="search"] { order: 3; flex-basis: 100%; } }
        "#
    );
    // The page's own path with `#main`: a bare fragment would resolve against `<base href>`.
    let location = use_location();
    let skip_href = format!(
        "{}#main",
        location.map(|l| l.path().to_owned()).unwrap_or_default()
    );
    html! {
        <div class={style}>
            <a class="skip no-print" href={skip_href} onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                if let Some(main) = gloo::utils::document().get_element_by_id("main") {
                    let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            })}>{ "Skip to content" }</a>
            <header>
                <div class="bar">
                    <Link<Route> classes="brand" to={Route::Home}>{ &*site.title }</Link<Route>>
                    <nav aria-label="Main" class="no-print">
                        <ul>
                            <li><Link<Route> to={Route::Home}>{ "Roles" }</Link<Route>></li>
                            <li><Link<Route> to={Route::Grades}>{ "Grade scale" }</Link<Route>></li>
                            // A page of its own (the reader loads there, not here).
                            <li><a href="import/">{ "Use your own pages" }</a></li>
                        </ul>
                    </nav>
                    <button class="theme no-print" type="button" onclick={toggle} data-testid="theme-toggle"
                        aria-label={format!("{} (change theme)", theme.label())}>{ theme.label() }</button>
                    <SearchBox />
                </div>
            </header>
            if site.own {
                <p class="own no-print" role="status" data-testid="own-pages">
                    { "Showing your own pages, read in this browser. " }
                    <a href="import/">{ "Change them, or go back to the built-in pages" }</a>
                </p>
            }
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <footer>
                { footer_text(&site) }
            </footer>
        </div>
    }
}

use wasm_bindgen::JsCast;
