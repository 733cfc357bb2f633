//! Compare two levels: what the second adds, drops and keeps.

use gradeladder_core::compare::{diff, ListDiff};
use gradeladder_core::LevelId;
use stylist::yew::styled_component;
use yew::prelude::*;
use yew_router::prelude::*;

use super::grades::use_title;
use super::items::item_list;
use super::not_found::NotFound;
use crate::data::use_site;
use crate::route::Route;

/// Properties of [`ComparePage`].
#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// First level, `family.level`.
    pub a: String,
    /// Second level, `family.level`.
    pub b: String,
}

/// The diff between two levels, list by list.
#[styled_component]
pub fn ComparePage(props: &ComparePageProps) -> Html {
    let site = use_site();
    let catalog = &site.catalog;
    let find = |segment: &str| LevelId::parse_segment(segment).and_then(|id| catalog.get(&id));
    let title = match (find(&props.a), find(&props.b)) {
        (Some(a), Some(b)) => format!("{} → {}", a.level.title, b.level.title),
        _ => "Not found".to_owned(),
    };
    use_title(&title);
    let style = css!(
        r#"
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
        @media (max-width: 700px) { .pair { grid-template-columns: 1fr; } }
        section.card { background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: var(--gl-radius); padding: 1rem 1.2rem; margin: 1rem 0; }
        h3.added { color: var(--gl-good); }
        .muted { color: var(--gl-muted); }
        "#
    );
    let (Some(found_a), Some(found_b)) = (find(&props.a), find(&props.b)) else {
        return html! { <NotFound hint={format!("{} {}", props.a, props.b)} /> };
    };
    let (a, b) = (found_a.level, found_b.level);
    let d = diff(found_a, found_b);
    let grade = |g: Option<u8>| g.map_or("no grade".to_owned(), |g| format!("grade {g}"));
    html! {
        <div class={style} data-testid="compare">
            <h1>{ format!("From {} to {}", a.title, b.title) }</h1>
            <p>{ format!("{} ({}) → {} ({})", a.title, grade(d.grades.0), b.title, grade(d.grades.1)) }</p>
            <p>
                <Link<Route> to={Route::role(&found_a.id())}>{ format!("Open {}", a.title) }</Link<Route>>
                { " · " }
                <Link<Route> to={Route::role(&found_b.id())}>{ format!("Open {}", b.title) }</Link<Route>>
            </p>
            { for d.lists.iter().map(list) }
        </div>
    }
}

fn list(diff: &ListDiff) -> Html {
    let title = diff.kind.label();
    if diff.added.is_empty() && diff.removed.is_empty() && diff.common.is_empty() {
        return html! {};
    }
    html! {
        <section class="card" data-testid={format!("diff-{}", title.to_ascii_lowercase())}>
            <h2>{ title }</h2>
            <h3 class="added">{ format!("New at this level ({})", diff.added.len()) }</h3>
            if diff.added.is_empty() { <p class="muted">{ "Nothing new." }</p> } else { { item_list(&diff.added) } }
            <div class="pair">
                <div>
                    <h3>{ format!("No longer listed ({})", diff.removed.len()) }</h3>
                    if diff.removed.is_empty() { <p class="muted">{ "Nothing dropped." }</p> } else { { item_list(&diff.removed) } }
                </div>
                <div>
                    <h3>{ format!("Same at both levels ({})", diff.common.len()) }</h3>
                    if diff.common.is_empty() { <p class="muted">{ "None in common." }</p> } else { { item_list(&diff.common) } }
                </div>
            </div>
        </section>
    }
}
