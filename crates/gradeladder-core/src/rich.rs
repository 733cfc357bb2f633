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
///
/// Most texts given to it are short (one line of a paragraph, a word between two links), so the
/// part shorter than a chunk is checked as two overlapping machine words, not byte by byte.
pub(crate) fn has_irregular_space(bytes: &[u8], unicode: bool) -> bool {
    use crate::bytemask::CHUNK;
    if bytes.len() >= CHUNK {
        let mut chunks = bytes.chunks_exact(CHUNK);
        let mut previous_space = false;
        for chunk in &mut chunks {
            let chunk = chunk.try_into().expect("exact chunk");
            let (odd, spaces) = crate::bytemask::irregular_space_flags(chunk, unicode);
            if odd || spaces & (spaces >> 1) != 0 || (previous_space && spaces & 1 != 0) {
                return true;
            }
            previous_space = spaces >> (CHUNK - 1) != 0;
        }
        if chunks.remainder().is_empty() {
            return false;
        }
        // The last chunk overlaps the one before it, so a pair of spaces across their edge is
        // inside it.
        let (odd, spaces) = crate::bytemask::irregular_space_flags(
            bytes[bytes.len() - CHUNK..].try_into().expect("last chunk"),
            unicode,
        );
        return odd || spaces & (spaces >> 1) != 0;
    }
    let n = bytes.len();
    if n >= 8 {
        // Two overlapping words cover every pair of neighbouring bytes.
        let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
        return word_is_irregular(word(0), unicode) || word_is_irregular(word(n - 8), unicode);
    }
    if n >= 4 {
        let word = |at: usize| {
            u64::from(u32::from_le_bytes(
                bytes[at..at + 4].try_into().expect("4 bytes"),
            ))
        };
        return word_is_irregular(word(0), unicode) || word_is_irregular(word(n - 4), unicode);
    }
    let mut padded = [0u8; 8];
    padded[..n].copy_from_slice(bytes);
    word_is_irregular(u64::from_le_bytes(padded), unicode)
}

/// [`has_irregular_space`] for eight bytes in one word (zero bytes pad shorter input: they are
/// neither spaces nor whitespace). Each test below sets a byte's high bit exactly where it holds.
fn word_is_irregular(word: u64, unicode: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let ascii = !word & HIGH;
    // A byte below `n` (for n ≤ 128): adding 128 − n to its low seven bits leaves the high bit clear.
    let below = |n: u64| !((word & LOW) + (0x80 - n) * ONES) & ascii;
    // `\t`, `\n`, vertical tab, form feed and `\r` are the bytes 9 to 13.
    let control = below(14) & !below(9);
    let not_space = word ^ (u64::from(b' ') * ONES);
    let spaces = !(((not_space & LOW) + LOW) | not_space | LOW);
    let pair = spaces & (spaces >> 8);
    let non_ascii = if unicode { word & HIGH } else { 0 };
    control | pair | non_ascii != 0
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
        // Candidate starts are where the rarest letter sits, in either case.
        let window = &haystack[self.rare..=last_start + self.rare];
        crate::bytemask::find_either(window, rare, rare.to_ascii_uppercase(), |start| {
            haystack[start..start + needle.len()].eq_ignore_ascii_case(needle)
        })
    }
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
    fn irregular_space_agrees_with_a_byte_by_byte_reading_for_every_byte_value() {
        fn reference(bytes: &[u8], unicode: bool) -> bool {
            bytes.windows(2).any(|w| w == b"  ")
                || bytes
                    .iter()
                    .any(|&b| (9..=13).contains(&b) || (unicode && b >= 0x80))
        }
        for len in 1..40 {
            for at in 0..len {
                for value in 0..=255u8 {
                    for neighbour in [b'a', b' '] {
                        let mut bytes = vec![b'x'; len];
                        bytes[at] = value;
                        if at + 1 < len {
                            bytes[at + 1] = neighbour;
                        }
                        for unicode in [false, true] {
                            assert_eq!(
                                has_irregular_space(&bytes, unicode),
                                reference(&bytes, unicode),
                                "{bytes:?} {unicode}"
                            );
                        }
                    }
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
}
