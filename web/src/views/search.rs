//! The role search: a WAI-ARIA combobox over the core's ranked search (abbreviations, typos).

use stylist::yew::styled_component;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::data::{use_site, Site};
use crate::route::Route;

/// Most results shown at once.
const MAX_RESULTS: usize = 8;

/// One result: route and labels.
#[derive(Clone, PartialEq)]
struct Suggestion {
    route: Route,
    title: String,
    detail: String,
}

fn suggestions(site: &Site, query: &str) -> Vec<Suggestion> {
    site.search_index()
        .search(&site.catalog, query)
        .into_iter()
        .take(MAX_RESULTS)
        .map(|hit| {
            let (family, level) = (hit.found.family, hit.found.level);
            let grade = level
                .grade
                .map_or("no grade".to_owned(), |g| format!("grade {g}"));
            Suggestion {
                route: Route::role(&hit.found.id()),
                title: level.title.clone(),
                detail: format!("{} · {grade}", family.title),
            }
        })
        .collect()
}

/// Properties of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// Id prefix, so several boxes can share a page.
    #[prop_or_else(|| "role-search".to_owned())]
    pub id: String,
}

/// The search combobox: type, move with arrow keys, Enter opens, Escape closes.
#[styled_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let query = use_state(String::new);
    let active = use_state(|| None::<usize>);
    let expanded = use_state(|| false);
    let navigator = use_navigator();
    let site = use_site();
    // The search index is built just after the page is up, not on the first keystroke, which
    // it held past the 5 ms a keystroke may take at 5,000 levels.
    {
        let site = site.clone();
        use_effect_with((), move |_| {
            let build = gloo::timers::callback::Timeout::new(0, move || {
                site.search_index();
            });
            move || drop(build)
        });
    }
    let results = use_memo(((*query).clone(), site), |(q, site)| suggestions(site, q));

    let style = css!(
        r#"
        position: relative; max-width: 36rem; width: 100%;
        label { display: block; font-weight: 700; margin-bottom: .25rem; }
        input { width: 100%; box-sizing: border-box; font: inherit; padding: .6rem .8rem; border-radius: var(--gl-radius);
                border: 1px solid var(--gl-border); background: var(--gl-surface); color: var(--gl-text); }
        ul { position: absolute; z-index: 10; left: 0; right: 0; margin: .25rem 0 0; padding: .25rem; list-style: none;
             background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: var(--gl-radius);
             box-shadow: 0 8px 24px rgba(0,0,0,.18); }
        li { padding: .45rem .6rem; border-radius: 6px; cursor: pointer; }
        li[aria-selected="true"] { background: var(--gl-accent-soft); outline: 2px solid var(--gl-accent); }
        li .detail { display: block; font-size: var(--gl-text-small); color: var(--gl-muted); }
        .empty { color: var(--gl-muted); cursor: default; }
        "#
    );

    let go = {
        let navigator = navigator.clone();
        let query = query.clone();
        let expanded = expanded.clone();
        let active = active.clone();
        move |route: Route| {
            if let Some(navigator) = &navigator {
                navigator.push(&route);
            }
            query.set(String::new());
            expanded.set(false);
            active.set(None);
        }
    };

    let oninput = {
        let query = query.clone();
        let expanded = expanded.clone();
        let active = active.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            expanded.set(!input.value().trim().is_empty());
            active.set(None);
        })
    };

    let onkeydown = {
        let results = results.clone();
        let active = active.clone();
        let expanded = expanded.clone();
        let query = query.clone();
        let go = go.clone();
        Callback::from(move |e: KeyboardEvent| {
            let count = results.len();
            match e.key().as_str() {
                "ArrowDown" if count > 0 => {
                    e.prevent_default();
                    expanded.set(true);
                    active.set(Some(active.map_or(0, |i| (i + 1) % count)));
                }
                "ArrowUp" if count > 0 => {
                    e.prevent_default();
                    expanded.set(true);
                    active.set(Some(active.map_or(count - 1, |i| (i + count - 1) % count)));
                }
                "Enter" => {
                    if let Some(choice) = results.get(active.unwrap_or(0)) {
                        e.prevent_default();
                        go(choice.route.clone());
                    }
                }
                "Escape" => {
                    if *expanded {
                        expanded.set(false);
                        active.set(None);
                    } else {
                        query.set(String::new());
                    }
                }
                _ => {}
            }
        })
    };

    let onblur = {
        let expanded = expanded.clone();
        Callback::from(move |_| {
            let expanded = expanded.clone();
            gloo::timers::callback::Timeout::new(150, move || expanded.set(false)).forget();
        })
    };

    let listbox_id = format!("{}-results", props.id);
    let option_id = |i: usize| format!("{}-option-{i}", props.id);
    let show = *expanded && !query.trim().is_empty();
    let count_text = if query.trim().is_empty() {
        String::new()
    } else {
        match results.len() {
            0 => "No roles match.".to_owned(),
            1 => "1 role matches.".to_owned(),
            n => format!("{n} roles match."),
        }
    };

    html! {
        <div class={classes!(style, "no-print")} role="search">
            <label class="visually-hidden" for={props.id.clone()}>{ "Find a role" }</label>
            <input
                id={props.id.clone()}
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                placeholder="Find a role: “TPM”, “senior manager”…"
                aria-autocomplete="list"
                aria-expanded={show.to_string()}
                aria-controls={listbox_id.clone()}
                aria-activedescendant={active.filter(|_| show).map(option_id)}
                value={(*query).clone()}
                {oninput}
                {onkeydown}
                {onblur}
            />
            <ul id={listbox_id} role="listbox" aria-label="Matching roles" hidden={!show}>
                { for results.iter().enumerate().map(|(i, s)| {
                    let go = go.clone();
                    let route = s.route.clone();
                    let onmousedown = Callback::from(move |e: MouseEvent| { e.prevent_default(); go(route.clone()); });
                    html! {
                        <li id={option_id(i)} role="option" aria-selected={(Some(i) == *active).to_string()} {onmousedown}>
                            { &s.title }
                            <span class="detail">{ &s.detail }</span>
                        </li>
                    }
                }) }
                if results.is_empty() {
                    <li class="empty" role="option" aria-disabled="true" aria-selected="false">{ "No roles match." }</li>
                }
            </ul>
            <div class="visually-hidden" role="status" aria-live="polite">{ count_text }</div>
        </div>
    }
}

/// The search box under `root` (a pre-rendered one, or the app's).
fn search_input(root: &web_sys::Element) -> Option<HtmlInputElement> {
    use wasm_bindgen::JsCast;
    root.query_selector("input[role=combobox]")
        .ok()
        .flatten()?
        .dyn_into::<HtmlInputElement>()
        .ok()
}

/// What was typed into the pre-rendered search box under `root` before the app started, and
/// whether it has focus (`None` when neither).
pub fn typed_before_start(root: &web_sys::Element) -> Option<(String, bool)> {
    let input = search_input(root)?;
    let text = input.value();
    let focused = gloo::utils::document()
        .active_element()
        .is_some_and(|active| active == *input.as_ref());
    (!text.is_empty() || focused).then_some((text, focused))
}

/// Puts `text` (typed into the pre-rendered page before the app started) into the search box
/// under `root`, as if typed there, and gives it focus again if it had it.
pub fn restore_typed(root: &web_sys::Element, text: &str, focused: bool) {
    let Some(input) = search_input(root) else {
        return;
    };
    if !text.is_empty() {
        input.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = input.dispatch_event(&event);
        }
    }
    if focused {
        let _ = input.focus();
    }
}
