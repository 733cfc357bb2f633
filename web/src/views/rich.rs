//! Rich text from the catalog rendered as DOM nodes: never as HTML strings.

use gradeladder_core::{Inline, RichText};
use yew::prelude::*;

/// Properties of [`Rich`].
#[derive(Properties, PartialEq)]
pub struct RichProps {
    /// The text to render.
    pub text: RichText,
}

/// Renders inline rich text; links open the handbook in a new tab.
#[function_component]
pub fn Rich(props: &RichProps) -> Html {
    html! { <>{ for props.text.0.iter().map(inline) }</> }
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
