//! Lists of responsibilities, requirements and the like. A level's own items come first; items
//! it inherits are grouped under where they come from.

use gradeladder_core::{Item, Origin};
use yew::prelude::*;

use super::rich::rich;

/// Own items as a bullet list, then one collapsible group per source of inherited items.
pub fn item_list(items: &[Item]) -> Html {
    let mut own: Vec<&Item> = Vec::new();
    let mut groups: Vec<(&Origin, Vec<&Item>)> = Vec::new();
    for item in items {
        if item.origin.is_own() {
            own.push(item);
            continue;
        }
        match groups
            .iter_mut()
            .find(|(origin, _)| **origin == item.origin)
        {
            Some((_, items)) => items.push(item),
            None => groups.push((&item.origin, vec![item])),
        }
    }
    html! {
        <>
            if !own.is_empty() {
                <ul class="items">{ for own.into_iter().map(item) }</ul>
            }
            { for groups.into_iter().map(|(origin, items)| {
                let source = match origin {
                    Origin::Family => "the family's list".to_owned(),
                    Origin::Level { title, .. } => title.clone(),
                    Origin::Own => String::new(),
                };
                html! {
                    <details class="inherited-group" data-testid="inherited">
                        <summary>{ format!("Plus all {} from {source}", items.len()) }</summary>
                        <ul class="items">{ for items.into_iter().map(item) }</ul>
                    </details>
                }
            }) }
        </>
    }
}

fn item(item: &Item) -> Html {
    let class = if item.origin.is_own() {
        "own"
    } else {
        "inherited"
    };
    html! {
        <li class={class}>
            { rich(&item.text) }
            if !item.children.is_empty() {
                <ul>{ for item.children.iter().map(self::item) }</ul>
            }
        </li>
    }
}
