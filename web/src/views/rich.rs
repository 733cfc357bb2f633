//! Rich text from the catalog rendered as DOM nodes: never as HTML strings.

use gradeladder_core::{Inline, RichText};
use yew::prelude::*;

/// Renders inline rich text; links open the handbook in a new tab. A plain function, not a
/// component: it keeps no state, and borrowing the text spares a clone per paragraph.
pub fn rich(text: &RichText) -> Html {
    html! { <>{ for text.0.iter().map(inline) }</> }
}

fn inline(node: &Inline) -> Html {
    match node {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Code(text) => html! { <code>{ text.clone() }</code> },
        Inline::Emphasis(children) => html! { <em>{ for children.iter().map(inline) }</em> },
        Inline::Strong(children) => html! { <strong>{ for children.iter().map(inline) }</strong> },
        Inline::Link { href, children } if href.starts_with('#') => {
            html! { <>{ for children.iter().map(inline) }</> }
        }
        Inline::Link { href, children } => html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ for children.iter().map(inline) }</a>
        },
    }
}
