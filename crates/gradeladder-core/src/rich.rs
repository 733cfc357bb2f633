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
            out: String::with_capacity(text_len(&self.0)),
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
    const CHUNK: usize = 16;
    let mut chunks = bytes.chunks_exact(CHUNK);
    let mut previous_space = false;
    for chunk in &mut chunks {
        // Branch-free within the chunk, so the compiler compares it as one vector.
        let mut odd = false;
        let mut spaces: u32 = 0;
        for (i, &b) in chunk.iter().enumerate() {
            // `\t`, `\n`, vertical tab, form feed and `\r` are the bytes 9 to 13.
            odd |= (b.wrapping_sub(b'\t') < 5) | (unicode & (b >= 0x80));
            spaces |= u32::from(b == b' ') << i;
        }
        if odd || spaces & (spaces >> 1) != 0 || (previous_space && spaces & 1 != 0) {
            return true;
        }
        previous_space = spaces >> (CHUNK - 1) != 0;
    }
    let rest = chunks.remainder();
    let boundary = previous_space && rest.first() == Some(&b' ');
    boundary || has_irregular_space_bytewise(rest, unicode)
}

fn has_irregular_space_bytewise(bytes: &[u8], unicode: bool) -> bool {
    let mut previous_space = false;
    bytes.iter().any(|&b| {
        let space = b == b' ';
        // `\t`, `\n`, vertical tab, form feed and `\r` are the bytes 9 to 13.
        let odd = (space && previous_space) || b.wrapping_sub(b'\t') < 5 || (unicode && b >= 0x80);
        previous_space = space;
        odd
    })
}

/// A lower-case ASCII string to find in text regardless of ASCII case, with the position of its
/// rarest letter: candidates are found by that letter, so common letters do not stop the scan at
/// every word. Build them as constants.
#[cfg(feature = "parse")]
#[derive(Debug, Clone, Copy)]
pub struct Needle {
    bytes: &'static [u8],
    rare: usize,
}

#[cfg(feature = "parse")]
impl Needle {
    /// A needle for `text` (lower-case ASCII).
    pub const fn new(text: &'static str) -> Needle {
        let bytes = text.as_bytes();
        let mut rare = 0;
        let mut i = 1;
        while i < bytes.len() {
            if RARITY[bytes[i] as usize] > RARITY[bytes[rare] as usize] {
                rare = i;
            }
            i += 1;
        }
        Needle { bytes, rare }
    }

    /// Whether `haystack` contains the needle, ignoring ASCII case, without allocating.
    pub fn is_in(&self, haystack: &str) -> bool {
        self.find(haystack).is_some()
    }

    /// Byte offset of the needle's first occurrence in `haystack`, ignoring ASCII case.
    pub fn find(&self, haystack: &str) -> Option<usize> {
        let (haystack, needle) = (haystack.as_bytes(), self.bytes);
        let Some(&rare) = needle.get(self.rare) else {
            return Some(0);
        };
        let last_start = haystack.len().checked_sub(needle.len())?;
        let window = &haystack[self.rare..=last_start + self.rare];
        memchr::memchr2_iter(rare, rare.to_ascii_uppercase(), window)
            .find(|&start| haystack[start..start + needle.len()].eq_ignore_ascii_case(needle))
    }
}

/// Whether `lower` (text lower-cased as ASCII) contains `phrase` (lower-case ASCII words separated
/// by single spaces), where each space of the phrase matches any run of ASCII whitespace.
#[cfg(feature = "parse")]
pub fn contains_phrase(lower: &str, phrase: &str) -> bool {
    let lower = lower.as_bytes();
    let words: Vec<&[u8]> = phrase.as_bytes().split(|&b| b == b' ').collect();
    // Candidates come from the longest word; the words around it are then checked backwards
    // and forwards.
    let anchor = (0..words.len())
        .max_by_key(|&w| words[w].len())
        .unwrap_or(0);
    memchr::memmem::find_iter(lower, words[anchor]).any(|start| {
        let mut end = start + words[anchor].len();
        let after = words[anchor + 1..].iter().all(|word| {
            let spaces = count_spaces(lower[end..].iter());
            end += spaces;
            let found = spaces > 0 && lower[end..].starts_with(word);
            end += word.len();
            found
        });
        let mut begin = start;
        after
            && words[..anchor].iter().rev().all(|word| {
                let spaces = count_spaces(lower[..begin].iter().rev());
                begin -= spaces;
                let found = spaces > 0 && lower[..begin].ends_with(word);
                begin = begin.saturating_sub(word.len());
                found
            })
    })
}

#[cfg(feature = "parse")]
fn count_spaces<'a>(bytes: impl Iterator<Item = &'a u8>) -> usize {
    bytes.take_while(|b| b.is_ascii_whitespace()).count()
}

/// How rarely a byte occurs in English prose: letters (either case) by their frequency, every
/// other byte between the rarest and the most common letters.
#[cfg(feature = "parse")]
const RARITY: [u8; 256] = {
    const BY_FREQUENCY: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";
    let mut table = [(BY_FREQUENCY.len() / 2) as u8; 256];
    let mut rank = 0;
    while rank < BY_FREQUENCY.len() {
        let b = BY_FREQUENCY[rank];
        table[b as usize] = rank as u8;
        table[b.to_ascii_uppercase() as usize] = rank as u8;
        rank += 1;
    }
    table
};

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
    fn irregular_space_is_found_at_every_offset_and_across_chunk_edges() {
        for len in 1..50 {
            for at in 0..len {
                let mut single = vec![b'a'; len];
                single[at] = b' ';
                assert!(!has_irregular_space(&single, true), "{len} {at}");
                let mut tab = single.clone();
                tab[at] = b'\t';
                assert!(has_irregular_space(&tab, false), "{len} {at}");
                if at + 1 < len {
                    let mut pair = single.clone();
                    pair[at + 1] = b' ';
                    assert!(has_irregular_space(&pair, false), "{len} {at}");
                }
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

    #[cfg(feature = "parse")]
    #[test]
    fn phrase_search_lets_a_space_match_any_run_of_whitespace() {
        let found = contains_phrase;
        assert!(found("a future\n  level b", "future level"));
        assert!(found(
            "we are not\tcurrently  hiring.",
            "not currently hiring"
        ));
        assert!(found("future future level", "future level"));
        assert!(found(
            "currently hiring; not currently hiring",
            "not currently hiring"
        ));
        assert!(!found("futurelevel", "future level"));
        assert!(!found("future lev", "future level"));
        assert!(!found("currently hiring", "not currently hiring"));
        assert!(found("reports\r\n  to", "reports to"));
        assert!(!found("ot currently hiring", "not currently hiring"));
    }
}
