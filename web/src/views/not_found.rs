//! The not-found page, with the nearest roles as suggestions.

use gradeladder_core::search::search;
use yew::prelude::*;
use yew_router::prelude::*;

use super::grades::use_title;
use crate::data::catalog;
use crate::route::Route;

/// Properties of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// Words from the address that was not found, used to suggest roles.
    #[prop_or_default]
    pub hint: String,
}

/// "No such role", with suggestions.
#[function_component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    use_title("Not found · Gradeladder");
    let catalog = catalog();
    let mut hits = Vec::new();
    for word in props
        .hint
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
    {
        for hit in search(&catalog, word) {
            if !hits.iter().any(|h: &gradeladder_core::search::Hit| {
                h.family == hit.family && h.level == hit.level
            }) {
                hits.push(hit);
            }
        }
    }
    let suggestions: Vec<_> = hits
        .iter()
        .take(5)
        .filter_map(|h| catalog.level(&h.family, &h.level))
        .map(|(f, l)| {
            (
                Route::Role {
                    family: f.slug.clone(),
                    level: l.slug.clone(),
                },
                l.title.clone(),
            )
        })
        .collect();
    html! {
        <>
            <h1>{ "Role not found" }</h1>
            <p>{ "There is no page at this address. It may have been renamed." }</p>
            if !suggestions.is_empty() {
                <h2>{ "Did you mean" }</h2>
                <ul data-testid="suggestions">
                    { for suggestions.into_iter().map(|(route, title)| html! {
                        <li><Link<Route> to={route}>{ title }</Link<Route>></li>
                    }) }
                </ul>
            }
            <p><Link<Route> to={Route::Home}>{ "All roles" }</Link<Route>></p>
        </>
    }
}
