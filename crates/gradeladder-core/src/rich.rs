//! Inline rich text as a small typed tree, so every view renders page text safely (no HTML strings).

use serde::{Deserialize, Serialize};

/// A run of inline content: the text of a bullet, a paragraph or a heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct RichText(pub Vec<Inline>);

/// One piece of inline content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
        fn blank(inlines: &[Inline]) -> bool {
            inlines.iter().all(|inline| match inline {
                Inline::Text(text) | Inline::Code(text) => text.trim().is_empty(),
                Inline::Emphasis(children) | Inline::Strong(children) => blank(children),
                Inline::Link { children, .. } => blank(children),
            })
        }
        blank(&self.0)
    }

    /// Whether any text of this run contains `needle` (lower-case ASCII), ignoring ASCII case.
    pub fn mentions(&self, needle: &str) -> bool {
        fn search(inlines: &[Inline], needle: &str) -> bool {
            inlines.iter().any(|inline| match inline {
                Inline::Text(text) | Inline::Code(text) => contains_ignore_ascii_case(text, needle),
                Inline::Emphasis(children) | Inline::Strong(children) => search(children, needle),
                Inline::Link { children, .. } => search(children, needle),
            })
        }
        search(&self.0, needle)
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
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `haystack` contains `needle` (lower-case ASCII), ignoring ASCII case, without allocating.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    if haystack.len() < needle.len() {
        return false;
    }
    let upper = first.to_ascii_uppercase();
    let last_start = haystack.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        match haystack[i..=last_start]
            .iter()
            .position(|&b| b == first || b == upper)
        {
            Some(offset) => {
                let at = i + offset;
                if haystack[at..at + needle.len()].eq_ignore_ascii_case(needle) {
                    return true;
                }
                i = at + 1;
            }
            None => return false,
        }
    }
    false
}
