//! Word-level text helpers shared by the reader and the search: slugs and normalised titles.

/// Lower-case ASCII slug: letters and digits, words joined by `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut push = |c: char| {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    };
    if text.is_ascii() {
        text.bytes()
            .for_each(|b| push(char::from(b.to_ascii_lowercase())));
    } else {
        text.chars().flat_map(char::to_lowercase).for_each(push);
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("untitled");
    }
    slug
}

/// Lower-case words of a title, with common abbreviations spelled out (`sr` → `senior`).
pub fn words(text: &str) -> Vec<String> {
    let spelled_out = |w: String| match w.as_str() {
        "sr" => "senior".to_owned(),
        "jr" => "junior".to_owned(),
        "mgr" => "manager".to_owned(),
        "eng" => "engineering".to_owned(),
        "dir" => "director".to_owned(),
        _ => w,
    };
    if text.is_ascii() {
        return text
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| spelled_out(String::from_utf8(w.to_ascii_lowercase()).unwrap_or_default()))
            .collect();
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| spelled_out(w.chars().flat_map(fold_case).collect()))
        .collect()
}

/// A character folded for caseless matching: lower-cased one character at a time, with the
/// final sigma `ς` folded to `σ` so "ΟΔΟΣ" and "οδος" agree. Character by character rather than
/// `str::to_lowercase`, which would bring its context tables into the browser bundle.
fn fold_case(c: char) -> std::char::ToLowercase {
    if c == 'ς' { 'σ' } else { c }.to_lowercase()
}

/// Words that carry no meaning when matching role titles.
const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "of", "for", "and", "to", "in", "at", "role",
];

/// The set of meaningful words in a title, sorted, for order-insensitive matching.
pub fn title_key(text: &str) -> Vec<String> {
    key_of_words(words(text))
}

/// [`title_key`] of a title already split by [`words`].
pub fn key_of_words(mut words: Vec<String>) -> Vec<String> {
    words.retain(|w| !STOP_WORDS.contains(&w.as_str()));
    words.sort_unstable();
    words.dedup();
    words
}

/// Jaccard similarity of two word sets (such as two [`title_key`]s): shared words over all words.
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    similarity_by(a, b, |x, y| x == y)
}

/// [`similarity`] where two words of five letters or more one typo apart count as the same
/// ("Manger" and "Manager").
pub fn similarity_with_typos(a: &[String], b: &[String]) -> f64 {
    similarity_by(a, b, |x, y| {
        x == y || (x.len() >= 5 && y.len() >= 5 && crate::search::edit_distance(x, y, 1) <= 1)
    })
}

fn similarity_by(a: &[String], b: &[String], same: impl Fn(&str, &str) -> bool) -> f64 {
    let common = a.iter().filter(|x| b.iter().any(|y| same(x, y))).count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_without_regard_to_case_in_any_script() {
        assert_eq!(words("ΟΔΟΣ Ingénieur"), words("οδος INGÉNIEUR"));
        assert_eq!(words("Straße"), ["straße"]);
    }

    #[test]
    fn similarity_counts_shared_words_and_typos_only_when_asked() {
        let key = |t: &str| title_key(t);
        assert_eq!(
            similarity(&key("Senior Widget Manager"), &key("Widget Manager")),
            2.0 / 3.0
        );
        assert_eq!(
            similarity(&key("Program Manger"), &key("Program Manager")),
            1.0 / 3.0
        );
        assert_eq!(
            similarity_with_typos(&key("Program Manger"), &key("Program Manager")),
            1.0
        );
        assert_eq!(
            similarity_with_typos(&key("Lead"), &key("Load")),
            0.0,
            "short words are exact"
        );
    }

    #[test]
    fn words_spell_out_abbreviations_and_split_on_punctuation() {
        assert_eq!(words("Sr. Eng—Mgr"), ["senior", "engineering", "manager"]);
    }
}
