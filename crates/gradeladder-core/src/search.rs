//! Free-text search over levels, ranked for people: whole words, word prefixes, abbreviations
//! (TPM, EM, SRE, IT) and small typos all find a role.

use crate::level_id::LevelRef;
use crate::model::Catalog;
use crate::words::words;

/// One search result: the level found, with its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    /// The level and its family.
    pub found: LevelRef<'a>,
    /// Higher is better.
    pub score: u32,
}

/// Common abbreviations and what they stand for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("tpm", "technical program manager management"),
    ("em", "engineering manager"),
    ("sem", "senior engineering manager"),
    ("sre", "site reliability engineer"),
    ("it", "it information technology"),
    ("ae", "account executive"),
    ("pm", "product manager"),
    ("ux", "user experience"),
    ("vp", "vice president"),
    ("ic", "individual contributor"),
];

/// Levels matching every word of `query`, best first. An empty query matches nothing.
///
/// Builds the catalog's [`SearchIndex`] for this one query; a front end that searches on every
/// keystroke keeps one index instead.
pub fn search<'a>(catalog: &'a Catalog, query: &str) -> Vec<Hit<'a>> {
    SearchIndex::new(catalog).search(catalog, query)
}

/// The words of every level and family title, split and folded once, for searching a catalog
/// keystroke after keystroke. Titles hold numbers into one vocabulary of distinct words, so a
/// query word is compared with each distinct word once per search (a catalog of 5,000 levels has
/// a few hundred), not once per title.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchIndex {
    /// Every distinct word of every title.
    vocabulary: Vec<Word>,
    /// Per family: its title's words, and per level its title's words (numbers into `vocabulary`).
    families: Vec<(Vec<u32>, Vec<Vec<u32>>)>,
}

/// A folded word and its characters (for typo distances).
#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    chars: Vec<char>,
}

fn indexed(title: &str) -> Vec<Word> {
    words(title)
        .into_iter()
        .map(|text| Word {
            chars: text.chars().collect(),
            text,
        })
        .collect()
}

/// Builds the vocabulary while titles are split.
#[derive(Default)]
struct VocabularyBuilder {
    words: Vec<Word>,
    numbers: std::collections::HashMap<String, u32>,
}

impl VocabularyBuilder {
    fn title(&mut self, title: &str) -> Vec<u32> {
        words(title)
            .into_iter()
            .map(|text| {
                if let Some(&n) = self.numbers.get(&text) {
                    return n;
                }
                let n = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
                self.words.push(Word {
                    chars: text.chars().collect(),
                    text: text.clone(),
                });
                self.numbers.insert(text, n);
                n
            })
            .collect()
    }
}

/// A title during one search: its words, with each query word's score against each.
struct Title<'a> {
    words: &'a [u32],
    vocabulary: &'a [Word],
}

impl SearchIndex {
    /// The index of `catalog`.
    pub fn new(catalog: &Catalog) -> SearchIndex {
        let mut vocabulary = VocabularyBuilder::default();
        let families = catalog
            .families
            .iter()
            .map(|family| {
                (
                    vocabulary.title(&family.title),
                    family
                        .levels
                        .iter()
                        .map(|l| vocabulary.title(&l.title))
                        .collect(),
                )
            })
            .collect();
        SearchIndex {
            vocabulary: vocabulary.words,
            families,
        }
    }

    /// Levels of `catalog` (the one the index was made from) matching every word of `query`,
    /// best first. An empty query matches nothing.
    pub fn search<'a>(&self, catalog: &'a Catalog, query: &str) -> Vec<Hit<'a>> {
        let terms: Vec<Word> = indexed(query);
        if terms.is_empty() {
            return Vec::new();
        }
        // Each query word against each distinct word, once.
        let word_scores: Vec<Vec<u8>> = terms
            .iter()
            .map(|term| {
                self.vocabulary
                    .iter()
                    .map(|word| word_score(term, word))
                    .collect()
            })
            .collect();
        let vocabulary = &self.vocabulary;
        let mut hits: Vec<Hit> = Vec::new();
        for (family, (family_words, levels)) in catalog.families.iter().zip(&self.families) {
            // A term scores against the family's title once, not once per level.
            let in_family: Vec<u32> = terms
                .iter()
                .zip(&word_scores)
                .map(|(term, scores)| {
                    score_term(
                        term,
                        scores,
                        &Title {
                            words: family_words,
                            vocabulary,
                        },
                    ) / 2
                })
                .collect();
            for (level, title_words) in family.levels.iter().zip(levels) {
                let mut total = 0;
                let mut all_matched = true;
                for ((term, scores), in_family) in terms.iter().zip(&word_scores).zip(&in_family) {
                    let best = score_term(
                        term,
                        scores,
                        &Title {
                            words: title_words,
                            vocabulary,
                        },
                    )
                    .max(*in_family);
                    if best == 0 {
                        all_matched = false;
                        break;
                    }
                    total += best;
                }
                if all_matched {
                    hits.push(Hit {
                        found: LevelRef { family, level },
                        score: total,
                    });
                }
            }
        }
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.found.level.grade.cmp(&b.found.level.grade))
                .then(a.found.level.title.cmp(&b.found.level.title))
        });
        hits
    }
}

/// How well one query word matches one title word: 12 the same, 8 a prefix, 4 a small typo.
fn word_score(term: &Word, word: &Word) -> u8 {
    if word.text == term.text {
        12
    } else if word.text.starts_with(&term.text) {
        8
    } else if typo_distance_ok(term, word) {
        4
    } else {
        0
    }
}

/// How well one query word matches a title: 0 when it does not. `scores` are the word's scores
/// against the vocabulary.
fn score_term(term: &Word, scores: &[u8], title: &Title) -> u32 {
    let mut best = title
        .words
        .iter()
        .map(|&n| u32::from(scores[n as usize]))
        .max()
        .unwrap_or(0);
    let text = |n: u32| title.vocabulary[n as usize].text.as_str();
    if best < 12 && is_initials_of(&term.text, title.words, title.vocabulary) {
        best = 12;
    }
    if best < 10 {
        if let Some((_, expansion)) = ABBREVIATIONS.iter().find(|(abbr, _)| *abbr == term.text) {
            let expanded: Vec<&str> = expansion.split(' ').collect();
            if expanded
                .iter()
                .filter(|w| title.words.iter().any(|&t| text(t) == **w))
                .count()
                >= 2.min(expanded.len())
            {
                best = 10;
            }
        }
    }
    best
}

/// Whether `term` spells the first letters of consecutive title words ("tpm" in "Technical Program Management").
fn is_initials_of(term: &str, title: &[u32], vocabulary: &[Word]) -> bool {
    let n = term.chars().count();
    if n < 2 || n > title.len() {
        return false;
    }
    title.windows(n).any(|window| {
        window
            .iter()
            .zip(term.chars())
            .all(|(&word, c)| vocabulary[word as usize].text.starts_with(c))
    })
}

/// A small typo: one edit for words of 4–7 letters, two for longer ones.
fn typo_distance_ok(term: &Word, word: &Word) -> bool {
    let n = term.chars.len();
    if n < 4 {
        return false;
    }
    let allowed = if n >= 8 { 2 } else { 1 };
    // Compare against the word and against its prefix of similar length, so "managr" finds "management".
    let prefix = &word.chars[..n.min(word.chars.len())];
    chars_distance(&term.chars, &word.chars, allowed) <= allowed
        || chars_distance(&term.chars, prefix, allowed) <= allowed
}

/// Optimal-string-alignment distance between two words, stopping early once it exceeds `limit`.
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    chars_distance(&a, &b, limit)
}

/// [`edit_distance`] of two words as characters.
fn chars_distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (prev[j] + 1)
                .min(current[j - 1] + 1)
                .min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(prev2[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut current);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_a_transposition_as_one() {
        assert_eq!(edit_distance("manger", "manager", 2), 1);
        assert_eq!(edit_distance("mangaer", "manager", 2), 1);
        assert_eq!(edit_distance("abc", "xyz", 1), 2);
    }

    #[test]
    fn initials_match_consecutive_words() {
        let mut vocabulary = VocabularyBuilder::default();
        let title = vocabulary.title("Director, Technical Program Management");
        assert!(is_initials_of("tpm", &title, &vocabulary.words));
        assert!(!is_initials_of("tmp", &title, &vocabulary.words));
    }
}
