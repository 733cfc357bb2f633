//! Phrases looked for anywhere on a page ("reports to", "not currently hiring", …): all of them
//! found in one pass over the page text, whatever the letter case and however the words are
//! spaced or wrapped ("reports\nto" counts).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::rich::Needle;

/// A phrase that gates a page-wide reading: when the page never says it, the reader skips
/// looking for it sentence by sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagePhrase {
    /// "This position reports to …".
    ReportsTo,
    /// "This is a future level".
    FutureLevel,
    /// "We are not currently hiring for this role".
    NotCurrentlyHiring,
    /// "We are not hiring for this level".
    NotHiringForThis,
    /// "… has all the same requirements as …": an inheritance phrase inside a sentence.
    HasAllTheSame,
    /// "This role extends the [X](#requirements) role".
    RoleExtendsThe,
    /// "In addition to the same requirements … defined above for the X".
    InAdditionToTheSame,
}

impl PagePhrase {
    /// Every phrase; its place here is its pattern number in the page scan.
    pub const ALL: [PagePhrase; 7] = [
        PagePhrase::ReportsTo,
        PagePhrase::FutureLevel,
        PagePhrase::NotCurrentlyHiring,
        PagePhrase::NotHiringForThis,
        PagePhrase::HasAllTheSame,
        PagePhrase::RoleExtendsThe,
        PagePhrase::InAdditionToTheSame,
    ];

    /// The phrase as lower-case ASCII words separated by single spaces.
    pub const fn words(self) -> &'static str {
        match self {
            PagePhrase::ReportsTo => "reports to",
            PagePhrase::FutureLevel => "future level",
            PagePhrase::NotCurrentlyHiring => "not currently hiring",
            PagePhrase::NotHiringForThis => "not hiring for this",
            PagePhrase::HasAllTheSame => "has all the same",
            PagePhrase::RoleExtendsThe => "role extends the",
            PagePhrase::InAdditionToTheSame => "in addition to the same",
        }
    }

    /// The phrase as written, for finding it inside one sentence (spaced as written).
    pub const fn needle(self) -> Needle {
        Needle::new(self.words())
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Which [`PagePhrase`]s a page says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhrasesFound(u8);

impl PhrasesFound {
    /// Whether the page says `phrase`.
    pub fn has(self, phrase: PagePhrase) -> bool {
        self.0 & phrase.bit() != 0
    }
}

/// The longest word of each phrase, which the scan looks for; the rest of the phrase is then
/// checked around it.
static ANCHORS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(PagePhrase::ALL.map(|phrase| anchor_word(phrase.words()).1))
        .expect("a few short ASCII words always build")
});

/// Index and text of the longest word of `phrase` (the first of equally long ones).
fn anchor_word(phrase: &str) -> (usize, &str) {
    phrase
        .split(' ')
        .enumerate()
        .fold((0, ""), |longest, (i, word)| {
            if word.len() > longest.1.len() {
                (i, word)
            } else {
                longest
            }
        })
}

/// Every [`PagePhrase`] that `text` contains, in one pass.
pub fn scan(text: &str) -> PhrasesFound {
    // A lower-cased copy lets the anchors be found by the fast case-sensitive search: a
    // case-insensitive automaton steps through every byte.
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let everything = PhrasesFound(PagePhrase::ALL.iter().fold(0, |all, p| all | p.bit()));
    let mut found = PhrasesFound::default();
    for candidate in ANCHORS.find_iter(&lower) {
        let phrase = PagePhrase::ALL[candidate.pattern().as_usize()];
        if found.has(phrase) || !phrase_around(bytes, candidate.start(), phrase.words()) {
            continue;
        }
        found.0 |= phrase.bit();
        if found == everything {
            break;
        }
    }
    found
}

/// Whether `phrase` occurs in `bytes` with its anchor word at `start`, where each space of the
/// phrase matches any run of ASCII whitespace, ignoring ASCII case.
fn phrase_around(bytes: &[u8], start: usize, phrase: &str) -> bool {
    let (anchor, anchor_text) = anchor_word(phrase);
    let word_count = phrase.split(' ').count();
    let mut end = start + anchor_text.len();
    let after = phrase.split(' ').skip(anchor + 1).all(|word| {
        let spaces = count_spaces(bytes[end..].iter());
        end += spaces;
        let found = spaces > 0
            && bytes[end..]
                .get(..word.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()));
        end += word.len();
        found
    });
    let mut begin = start;
    after
        && phrase
            .split(' ')
            .rev()
            .skip(word_count - anchor)
            .all(|word| {
                let spaces = count_spaces(bytes[..begin].iter().rev());
                begin -= spaces;
                let found = spaces > 0
                    && begin >= word.len()
                    && bytes[begin - word.len()..begin].eq_ignore_ascii_case(word.as_bytes());
                begin = begin.saturating_sub(word.len());
                found
            })
}

fn count_spaces<'a>(bytes: impl Iterator<Item = &'a u8>) -> usize {
    bytes.take_while(|b| b.is_ascii_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(text: &str, phrase: PagePhrase) -> bool {
        scan(text).has(phrase)
    }

    #[test]
    fn a_space_of_a_phrase_matches_any_run_of_whitespace_in_any_case() {
        use PagePhrase::*;
        assert!(says("a future\n  level b", FutureLevel));
        assert!(says("we are NOT\tcurrently  Hiring.", NotCurrentlyHiring));
        assert!(says("future future level", FutureLevel));
        assert!(says(
            "currently hiring; not currently hiring",
            NotCurrentlyHiring
        ));
        assert!(says("This position Reports\r\n  to the VP", ReportsTo));
        assert!(says("We are not hiring for this level", NotHiringForThis));
        assert!(says("It has all\nthe SAME requirements", HasAllTheSame));
        assert!(says("This role  extends the [X](#a) role", RoleExtendsThe));
        assert!(says(
            "In addition to the same requirements",
            InAdditionToTheSame
        ));
        assert!(!says("the same role extends", RoleExtendsThe));
        assert!(!says("in addition to the other", InAdditionToTheSame));
    }

    #[test]
    fn a_phrase_needs_every_word_and_the_spaces_between_them() {
        use PagePhrase::*;
        assert!(!says("futurelevel", FutureLevel));
        assert!(!says("future lev", FutureLevel));
        assert!(!says("currently hiring", NotCurrentlyHiring));
        assert!(!says("ot currently hiring", NotCurrentlyHiring));
        assert!(!says("reports", ReportsTo));
        assert!(!says("", ReportsTo));
    }

    #[test]
    fn every_phrase_on_a_page_is_found_in_one_scan() {
        let found = scan(
            "Reports to X. A future level. Not currently hiring. Not hiring for this one. It \
             has all the same items; the role extends the base; in addition to the same lists.",
        );
        assert!(PagePhrase::ALL.iter().all(|&p| found.has(p)));
        let found = scan("This position reports to the VP.");
        assert!(found.has(PagePhrase::ReportsTo));
        assert!(!found.has(PagePhrase::FutureLevel));
    }
}
