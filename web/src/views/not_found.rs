//! The not-found page, with the nearest roles as suggestions.

use gradeladder_core::resolve::suggestions;
use yew::prelude::*;
use yew_router::prelude::*;

use super::grades::use_title;
use crate::data::use_site;
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
    use_title("Not found");
    let site = use_site();
    let catalog = &site.catalog;
    let suggestions: Vec<(Route, String)> = suggestions(catalog, &props.hint)
        .iter()
        .filter_map(|id| catalog.get(id))
        .map(|found| (Route::role(&found.id()), found.level.title.clone()))
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
