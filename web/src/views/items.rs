//! Lists of responsibilities, requirements and the like, as the core groups them: a level's own
//! items, then one collapsible group per level it inherits from, then what the family expects
//! of every level.

use gradeladder_core::expectations::{group_by_origin, ExpectedList, ItemGroup};
use gradeladder_core::words::slugify;
use gradeladder_core::{Item, Origin};
use yew::prelude::*;

use super::rich::rich;

/// One card per list of a level (`expected_lists` of the core), in order.
pub fn expected_list_sections(lists: &[ExpectedList]) -> Html {
    html! {
        { for lists.iter().map(|list| {
            let title = list.kind.label();
            let id = format!("{}-heading", slugify(title));
            html! {
                <section class="card" aria-labelledby={id.clone()} data-testid="expected-list">
                    <h2 id={id}>{ title }</h2>
                    { item_groups(&list.groups) }
                </section>
            }
        }) }
    }
}

/// Items of any origin: grouped as [`item_groups`] shows them.
pub fn item_list(items: &[Item]) -> Html {
    item_groups(&group_by_origin(items))
}

/// Own items as a bullet list, each level's inherited items behind a "Plus all N from X"
/// disclosure, and the family's items under their own heading.
pub fn item_groups(groups: &[ItemGroup]) -> Html {
    html! {
        { for groups.iter().map(|group| match group.origin {
            Origin::Own => html! {
                <ul class="items">{ for group.items.iter().map(|i| item(i, false)) }</ul>
            },
            Origin::Family => html! {
                <>
                    <h3>{ "Expected at every level of this family" }</h3>
                    <ul class="items" data-testid="family-items">{ for group.items.iter().map(|i| item(i, true)) }</ul>
                </>
            },
            Origin::Level { title, .. } => html! {
                <details class="inherited-group" data-testid="inherited">
                    <summary>{ format!("Plus all {} from {title}", group.items.len()) }</summary>
                    <ul class="items">{ for group.items.iter().map(|i| item(i, true)) }</ul>
                </details>
            },
        }) }
    }
}

/// One item; `inherited` when the level takes it over from elsewhere (its group says so: the
/// item itself is stored where the page wrote it).
fn item(item: &Item, inherited: bool) -> Html {
    let class = if inherited { "inherited" } else { "own" };
    html! {
        <li class={class}>
            { rich(&item.text) }
            if !item.children.is_empty() {
                <ul>{ for item.children.iter().map(|child| self::item(child, false)) }</ul>
            }
        </li>
    }
}
