//! Inline rich text as a small typed tree, so every view renders page text safely (no HTML strings).

use serde::{Deserialize, Serialize};

/// A run of inline content: the text of a bullet, a paragraph or a heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct RichText(pub Vec<Inline>);

/// One piece of inline content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "c", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Emphasised content (`*x*`).
    Emphasis(Vec<Inline>),
    /// Strong content (`**x**`).
    Strong(Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A link to an absolute, safe URL (relative targets are resolved by the reader).
    Link {
        /// Absolute `http(s)`, `mailto:` or in-page `#anchor` target.
        href: String,
        /// Link text.
        children: Vec<Inline>,
    },
}

impl RichText {
    /// Plain-text rendering: link text kept, markup dropped, whitespace collapsed.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        push_plain(&self.0, &mut out);
        collapse_whitespace(&out)
    }

    /// A rich text holding one plain string.
    pub fn from_plain(text: impl Into<String>) -> RichText {
        RichText(vec![Inline::Text(text.into())])
    }

    /// True when there is no visible text.
    pub fn is_blank(&self) -> bool {
        self.plain().is_empty()
    }
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emphasis(children) | Inline::Strong(children) => push_plain(children, out),
            Inline::Link { children, .. } => push_plain(children, out),
        }
    }
}

/// Trims and turns every run of whitespace into one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
