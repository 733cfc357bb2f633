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
pub fn search<'a>(catalog: &'a Catalog, query: &str) -> Vec<Hit<'a>> {
    let terms = words(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = Vec::new();
    for found in catalog.level_refs() {
        let (family, level) = (found.family, found.level);
        let title_words = words(&level.title);
        let family_words = words(&family.title);
        let mut total = 0;
        let mut all_matched = true;
        for term in &terms {
            let in_title = score_term(term, &title_words);
            let in_family = score_term(term, &family_words) / 2;
            let best = in_title.max(in_family);
            if best == 0 {
                all_matched = false;
                break;
            }
            total += best;
        }
        if all_matched {
            hits.push(Hit {
                found,
                score: total,
            });
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

/// How well one query word matches a title's words: 0 when it does not.
fn score_term(term: &str, title: &[String]) -> u32 {
    let mut best = 0;
    for word in title {
        let score = if word == term {
            12
        } else if word.starts_with(term) {
            8
        } else if typo_distance_ok(term, word) {
            4
        } else {
            0
        };
        best = best.max(score);
    }
    if best < 12 && is_initials_of(term, title) {
        best = 12;
    }
    if best < 10 {
        if let Some((_, expansion)) = ABBREVIATIONS.iter().find(|(abbr, _)| *abbr == term) {
            let expanded: Vec<&str> = expansion.split(' ').collect();
            if expanded
                .iter()
                .filter(|w| title.iter().any(|t| t == *w))
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
fn is_initials_of(term: &str, title: &[String]) -> bool {
    let n = term.chars().count();
    if n < 2 || n > title.len() {
        return false;
    }
    title.windows(n).any(|window| {
        window
            .iter()
            .zip(term.chars())
            .all(|(word, c)| word.starts_with(c))
    })
}

/// A small typo: one edit for words of 4–7 letters, two for longer ones.
fn typo_distance_ok(term: &str, word: &str) -> bool {
    let n = term.chars().count();
    if n < 4 {
        return false;
    }
    let allowed = if n >= 8 { 2 } else { 1 };
    // Compare against the word and against its prefix of similar length, so "managr" finds "management".
    let prefix: String = word.chars().take(n).collect();
    edit_distance(term, word, allowed) <= allowed
        || edit_distance(term, &prefix, allowed) <= allowed
}

/// Optimal-string-alignment distance between two words, stopping early once it exceeds `limit`.
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
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
        let title = words("Director, Technical Program Management");
        assert!(is_initials_of("tpm", &title));
        assert!(!is_initials_of("tmp", &title));
    }
}
