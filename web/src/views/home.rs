//! Home: search, the families with their levels, and the grade scale.

use gradeladder_core::{Family, LevelId};
use stylist::yew::styled_component;
use yew::prelude::*;
use yew_router::prelude::*;

use super::grades::{use_title, GradeScaleView};
use crate::data::use_site;
use crate::route::Route;

/// The home page.
#[styled_component]
pub fn Home() -> Html {
    use_title("");
    let site = use_site();
    let catalog = &site.catalog;
    let style = css!(
        r#"
        .families { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; }
        .family-card { background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: var(--gl-radius); padding: 1rem 1.1rem; }
        .family-card h3 { font-size: var(--gl-text-heading); margin: 0 0 .5rem; }
        details.family-card summary { cursor: pointer; }
        details.family-card summary .name { font-weight: 700; }
        details.family-card summary .count { color: var(--gl-muted); }
        details.family-card[open] summary { margin-bottom: .5rem; }
        h3.folder { text-transform: capitalize; margin: 1.25rem 0 .5rem; }
        .family-card ul { list-style: none; margin: 0; padding: 0; }
        .family-card li { display: flex; align-items: center; gap: .6rem; padding: .35rem 0; border-top: 1px solid var(--gl-border); }
        .family-card li:first-child { border-top: none; }
        .family-card .badge { min-width: 4.6rem; text-align: center; font-weight: 700; font-size: var(--gl-text-small); background: var(--gl-accent);
                 color: var(--gl-accent-text); border-radius: 999px; padding: .1rem .5rem; }
        .family-card .badge.none { background: transparent; color: var(--gl-muted); border: 1px dashed var(--gl-border); }
        "#
    );
    html! {
        <div class={style}>
            <h1>{ if site.pay.is_some() { "Job grades, expectations, ladders and pay" } else { "Job grades, expectations and ladders" } }</h1>
            <p>{ format!("{} roles in {} job families. Pick a role to see its grade, what is expected{}.",
                catalog.levels().count(), catalog.families.len(),
                if site.pay.is_some() { ", what the next step requires and an estimated pay range" } else { " and what the next step requires" }) }</p>
            <h2>{ "Job families" }</h2>
            if catalog.families.len() > COLLAPSE_ABOVE {
                { for by_folder(&catalog.families).into_iter().map(|(folder, families)| html! {
                    <>
                        if !folder.is_empty() {
                            <h3 class="folder">{ folder.replace(['-', '_'], " ") }</h3>
                        }
                        <div class="families">
                            { for families.into_iter().map(collapsed_family) }
                        </div>
                    </>
                }) }
            } else {
                <div class="families">
                    { for catalog.families.iter().map(family_card) }
                </div>
            }
            <h2>{ "Grade scale" }</h2>
            <GradeScaleView compact=true />
        </div>
    }
}

/// Above this many families, each shows as its title and count until opened, under the folder
/// its page is in (a whole handbook has hundreds).
const COLLAPSE_ABOVE: usize = 12;

/// Families by the folder of their page (`""` for the top), in path order.
fn by_folder(families: &[Family]) -> Vec<(&str, Vec<&Family>)> {
    let mut groups: Vec<(&str, Vec<&Family>)> = Vec::new();
    for family in families {
        let folder = family.source.rsplit_once('/').map_or("", |(dir, _)| dir);
        match groups.last_mut() {
            Some((last, members)) if *last == folder => members.push(family),
            _ => groups.push((folder, vec![family])),
        }
    }
    groups
}

/// A family as a disclosure: its title and number of roles, the levels once opened.
fn collapsed_family(family: &Family) -> Html {
    html! {
        <details class="family-card">
            <summary>
                <span class="name">{ &family.title }</span>
                <span class="count">{ format!(" · {} role{}", family.levels.len(), if family.levels.len() == 1 { "" } else { "s" }) }</span>
            </summary>
            { level_list(family) }
        </details>
    }
}

/// One family with its levels and grades (styled by [`Home`]).
fn family_card(family: &Family) -> Html {
    html! {
        <section class="family-card" aria-labelledby={format!("family-{}", family.slug)}>
            <h3 id={format!("family-{}", family.slug)}>{ &family.title }</h3>
            { level_list(family) }
        </section>
    }
}

/// A family's levels with their grade badges.
fn level_list(family: &Family) -> Html {
    html! {
            <ul>
                { for family.levels.iter().map(|level| html! {
                    <li data-testid="level" data-grade={level.grade.map(|g| g.to_string())}>
                        { match level.grade {
                            Some(g) => html! { <span class="badge">{ format!("Grade {g}") }</span> },
                            None => html! { <span class="badge none">{ "No grade" }</span> },
                        } }
                        <Link<Route> classes="title" to={Route::role(&LevelId::of(family, level))}>{ &level.title }</Link<Route>>
                    </li>
                }) }
            </ul>
    }
}
