//! The app shell: router, global styles, header with search and theme toggle, the page, footer.

use stylist::yew::{styled_component, Global};
use yew::prelude::*;
use yew_router::prelude::*;

use super::compare::ComparePage;
use super::grades::GradesPage;
use super::home::Home;
use super::not_found::NotFound;
use super::role::RolePage;
use super::search::SearchBox;
use crate::route::Route;
use crate::theme::{self, ThemeChoice};

/// The whole app.
#[function_component]
pub fn App() -> Html {
    use_effect_with((), |_| crate::mark(crate::MARK_RENDERED));
    html! {
        <HashRouter>
            <Global css={theme::global()} />
            <Shell />
        </HashRouter>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Role { family, level } => html! { <RolePage {family} {level} /> },
        Route::Compare { a, b } => html! { <ComparePage {a} {b} /> },
        Route::Grades => html! { <GradesPage /> },
        Route::NotFound => {
            let hint = gloo::utils::window().location().hash().unwrap_or_default();
            html! { <NotFound {hint} /> }
        }
    }
}

/// Header, main and footer around the routed page.
#[styled_component]
fn Shell() -> Html {
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
        .brand { font-weight: 800; font-size: 1.2rem; color: var(--gl-text); text-decoration: none; }
        nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; }
        nav a { font-weight: 600; }
        .theme { font: inherit; font-size: .85rem; padding: .35rem .7rem; border-radius: 8px; border: 1px solid var(--gl-border);
                 background: var(--gl-bg); color: var(--gl-text); cursor: pointer; }
        main { max-width: 68rem; margin: 0 auto; padding: 1rem 1rem 3rem; box-sizing: border-box; }
        footer { max-width: 68rem; margin: 0 auto; padding: 1rem; color: var(--gl-muted); font-size: .85rem; border-top: 1px solid var(--gl-border); }
        @media (max-width: 560px) { .bar > [role="search"] { order: 3; flex-basis: 100%; } }
        "#
    );
    html! {
        <div class={style}>
            <a class="skip no-print" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                if let Some(main) = gloo::utils::document().get_element_by_id("main") {
                    let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            })}>{ "Skip to content" }</a>
            <header>
                <div class="bar">
                    <Link<Route> classes="brand" to={Route::Home}>{ "Gradeladder" }</Link<Route>>
                    <nav aria-label="Main" class="no-print">
                        <ul>
                            <li><Link<Route> to={Route::Home}>{ "Roles" }</Link<Route>></li>
                            <li><Link<Route> to={Route::Grades}>{ "Grade scale" }</Link<Route>></li>
                        </ul>
                    </nav>
                    <button class="theme no-print" type="button" onclick={toggle} data-testid="theme-toggle"
                        aria-label={format!("{} (change theme)", theme.label())}>{ theme.label() }</button>
                    <SearchBox />
                </div>
            </header>
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <footer>
                { "Job-family pages: GitLab handbook (CC BY-SA 4.0). Pay figures are examples, not real pay data. Works offline; nothing is tracked." }
            </footer>
        </div>
    }
}

use wasm_bindgen::JsCast;
