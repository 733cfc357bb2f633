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
        let mut plain = PlainText {
            out: String::new(),
            space_pending: false,
        };
        plain.push_all(&self.0);
        plain.out
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
    #[cfg(feature = "parse")]
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
/// spaces, or, when `unicode`, any non-ASCII byte (which may start Unicode whitespace). Written
/// without early exits within a chunk so the compiler checks many bytes per instruction.
pub(crate) fn has_irregular_space(bytes: &[u8], unicode: bool) -> bool {
    const CHUNK: usize = 64;
    let mut previous_space = false;
    bytes.chunks(CHUNK).any(|chunk| {
        let odd_byte = chunk.iter().fold(false, |found, &b| {
            found | (b.wrapping_sub(b'\t') < 5) | (unicode & (b >= 0x80))
        });
        let double_space = chunk
            .iter()
            .zip(chunk.iter().skip(1))
            .fold(false, |found, (&a, &b)| found | ((a == b' ') & (b == b' ')));
        let across = previous_space && chunk.first() == Some(&b' ');
        previous_space = chunk.last() == Some(&b' ');
        odd_byte || double_space || across
    })
}

/// Whether `haystack` contains `needle` (lower-case ASCII), ignoring ASCII case, without allocating.
#[cfg(feature = "parse")]
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    let Some(last_start) = haystack.len().checked_sub(needle.len()) else {
        return false;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), &haystack[..=last_start])
        .any(|at| haystack[at..at + needle.len()].eq_ignore_ascii_case(needle))
}

/// Whether `lower` (text already lower-cased as ASCII) contains `phrase` (lower-case ASCII words
/// separated by single spaces), where each space of the phrase matches any run of ASCII whitespace.
#[cfg(feature = "parse")]
pub fn contains_phrase(lower: &str, phrase: &str) -> bool {
    let (lower, phrase) = (lower.as_bytes(), phrase.as_bytes());
    let mut words = phrase.split(|&b| b == b' ');
    let first = words.next().unwrap_or_default();
    let rest: Vec<&[u8]> = words.collect();
    memchr::memmem::find_iter(lower, first).any(|start| {
        let mut at = start + first.len();
        rest.iter().all(|word| {
            let spaces = lower[at..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            at += spaces;
            let found = spaces > 0 && lower[at..].starts_with(word);
            at += word.len();
            found
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
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
    #[test]
    fn case_insensitive_search_finds_needles_at_either_end_only() {
        assert!(contains_ignore_ascii_case(
            "Reports To the VP",
            "reports to"
        ));
        assert!(contains_ignore_ascii_case(
            "the VP, REPORTS TO",
            "reports to"
        ));
        assert!(!contains_ignore_ascii_case("reports t", "reports to"));
        assert!(!contains_ignore_ascii_case("", "x"));
        assert!(contains_ignore_ascii_case("é reports toé", "reports to"));
    }

    #[cfg(feature = "parse")]
    #[test]
    fn phrase_search_lets_a_space_match_any_run_of_whitespace() {
        assert!(contains_phrase("a future\n  level b", "future level"));
        assert!(contains_phrase(
            "not currently hiring",
            "not currently hiring"
        ));
        assert!(contains_phrase("future future level", "future level"));
        assert!(!contains_phrase("futurelevel", "future level"));
        assert!(!contains_phrase("future lev", "future level"));
    }
}
