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
        plain_of(&self.0)
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

    /// Whether any text of this run contains `needle`, ignoring ASCII case.
    #[cfg(feature = "parse")]
    pub fn mentions(&self, needle: &Needle) -> bool {
        fn search(inlines: &[Inline], needle: &Needle) -> bool {
            inlines.iter().any(|inline| match inline {
                Inline::Text(text) | Inline::Code(text) => needle.is_in(text),
                Inline::Emphasis(children) | Inline::Strong(children) => search(children, needle),
                Inline::Link { children, .. } => search(children, needle),
            })
        }
        search(&self.0, needle)
    }
}

/// [`RichText::plain`] of a run of inline nodes (the children of a link, say).
pub fn plain_of(inlines: &[Inline]) -> String {
    fn text_len(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|inline| match inline {
                Inline::Text(text) | Inline::Code(text) => text.len() + 1,
                Inline::Emphasis(children) | Inline::Strong(children) => text_len(children),
                Inline::Link { children, .. } => text_len(children),
            })
            .sum()
    }
    let mut plain = PlainText {
        out: String::with_capacity(text_len(inlines)),
        space_pending: false,
    };
    plain.push_all(inlines);
    plain.out
}

/// A plain string being built from inline runs: trimmed, one space for each run of whitespace.
struct PlainText {
    out: String,
    space_pending: bool,
}

impl PlainText {
    fn push_all(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(text) | Inline::Code(text) => self.push_str(text),
                Inline::Emphasis(children) | Inline::Strong(children) => self.push_all(children),
                Inline::Link { children, .. } => self.push_all(children),
            }
        }
    }

    fn push_str(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if has_irregular_space(text.as_bytes(), true) {
            self.push_words(text);
            return;
        }
        // Single spaces only (the usual case: the reader collapses whitespace as it goes).
        let leading = text.starts_with(' ');
        let trailing = text.ends_with(' ');
        let inner = text.trim_matches(' ');
        self.space_pending |= leading;
        if !inner.is_empty() {
            if self.space_pending && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.out.push_str(inner);
            self.space_pending = trailing;
        }
    }

    fn push_words(&mut self, text: &str) {
        self.space_pending |= text.starts_with(char::is_whitespace);
        for word in text.split_whitespace() {
            if self.space_pending && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.out.push_str(word);
            self.space_pending = true;
        }
        self.space_pending = text.ends_with(char::is_whitespace);
    }
}

/// Whether `bytes` holds whitespace other than single ASCII spaces: control whitespace, a run of
/// spaces, or, when `unicode`, any non-ASCII byte (which may start Unicode whitespace).
pub(crate) fn has_irregular_space(bytes: &[u8], unicode: bool) -> bool {
    bytes.windows(2).any(|pair| pair == b"  ")
        || bytes
            .iter()
            .any(|&b| (9..=13).contains(&b) || (unicode && b >= 0x80))
}

/// A lower-case ASCII string to find in text regardless of ASCII case. Build them as constants.
#[cfg(feature = "parse")]
#[derive(Debug, Clone, Copy)]
pub struct Needle(&'static str);

#[cfg(feature = "parse")]
impl Needle {
    /// A needle for `text` (lower-case ASCII).
    pub const fn new(text: &'static str) -> Needle {
        Needle(text)
    }

    /// Whether `haystack` contains the needle, ignoring ASCII case, without allocating.
    pub fn is_in(&self, haystack: &str) -> bool {
        self.find(haystack).is_some()
    }

    /// Byte offset of the needle's first occurrence in `haystack`, ignoring ASCII case.
    pub fn find(&self, haystack: &str) -> Option<usize> {
        let (haystack, needle) = (haystack.as_bytes(), self.0.as_bytes());
        let Some(&first) = needle.first() else {
            return Some(0);
        };
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), haystack).find(|&start| {
            haystack
                .get(start..start + needle.len())
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(needle))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn irregular_space_is_found_anywhere_in_a_text() {
        let long = "a".repeat(37);
        for (text, unicode, expected) in [
            ("plain words only here", false, false),
            ("two  spaces", false, true),
            ("tab\there", false, true),
            ("line\nbreak", false, true),
            ("café", false, false),
            ("café", true, true),
            ("ends with one ", false, false),
            ("abcdefg  hijk", false, true),
            ("abcdefgh ijklmno  ", false, true),
            ("\u{1}", false, false),
        ] {
            for padded in [
                text.to_owned(),
                format!("{long}{text}"),
                format!("{text}{long}"),
            ] {
                assert_eq!(
                    has_irregular_space(padded.as_bytes(), unicode),
                    expected,
                    "{padded:?}"
                );
            }
        }
    }

    #[test]
    fn plain_joins_adjacent_runs_without_inventing_spaces() {
        let rich = RichText(vec![
            text("foo"),
            Inline::Strong(vec![text("bar")]),
            text("."),
        ]);
        assert_eq!(rich.plain(), "foobar.");
    }

    #[test]
    fn plain_collapses_whitespace_across_runs_and_trims_the_ends() {
        let rich = RichText(vec![
            text("  a \n"),
            Inline::Code(" b ".to_owned()),
            Inline::Link {
                href: "#x".to_owned(),
                children: vec![text("\tc")],
            },
            text("   "),
            text("d  "),
        ]);
        assert_eq!(rich.plain(), "a b c d");
    }

    #[cfg(feature = "parse")]
    fn has(haystack: &str, needle: &'static str) -> bool {
        Needle::new(needle).is_in(haystack)
    }

    #[cfg(feature = "parse")]
    #[test]
    fn case_insensitive_search_finds_needles_at_either_end_only() {
        assert!(has("Reports To the VP", "reports to"));
        assert!(has("the VP, REPORTS TO", "reports to"));
        assert!(!has("reports t", "reports to"));
        assert!(!has("", "x"));
        assert!(has("é reports toé", "reports to"));
        assert!(has("qq", "q"));
        assert!(has("x", ""));
        assert!(!has("requiremen", "requirement"));
        assert!(has("See the REQUIREMENTS", "requirement"));
    }
}
