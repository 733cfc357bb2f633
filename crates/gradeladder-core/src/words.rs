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
    if text.is_ascii() {
        return ascii_words(&text.to_ascii_lowercase())
            .map(str::to_owned)
            .collect();
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let folded: String = w.chars().flat_map(fold_case).collect();
            match spell_out(&folded) {
                same if same == folded => folded,
                spelled => spelled.to_owned(),
            }
        })
        .collect()
}

/// Calls `f` with [`words`] of `text`, borrowed from one lower-cased copy when the text is ASCII
/// (the usual case) rather than a string per word.
pub fn with_words<R>(text: &str, f: impl FnOnce(&[&str]) -> R) -> R {
    if text.is_ascii() {
        let lower = text.to_ascii_lowercase();
        let words: Vec<&str> = ascii_words(&lower).collect();
        return f(&words);
    }
    let owned = words(text);
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    f(&words)
}

/// The words of lower-case ASCII text, abbreviations spelled out.
fn ascii_words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(spell_out)
}

/// A word with a common abbreviation spelled out (`sr` → `senior`), or the word itself.
fn spell_out(word: &str) -> &str {
    match word {
        "sr" => "senior",
        "jr" => "junior",
        "mgr" => "manager",
        "eng" => "engineering",
        "dir" => "director",
        _ => word,
    }
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
    with_words(text, key_of)
}

/// [`title_key`] of a title already split by [`words`] (or [`with_words`]).
pub fn key_of(words: &[&str]) -> Vec<String> {
    let mut key: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !STOP_WORDS.contains(w))
        .collect();
    key.sort_unstable();
    key.dedup();
    key.into_iter().map(str::to_owned).collect()
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
    fn borrowed_words_and_keys_match_the_owned_ones() {
        for title in [
            "Sr. Engineering Mgr, the Role of IT",
            "Sr. Eng—Mgr",
            "ΟΔΟΣ Ingénieur jr",
            "",
        ] {
            with_words(title, |borrowed| {
                assert_eq!(borrowed, words(title), "{title}")
            });
        }
        assert_eq!(
            title_key("The Senior Manager of the Manager Role"),
            ["manager", "senior"]
        );
    }

    #[test]
    fn words_spell_out_abbreviations_and_split_on_punctuation() {
        assert_eq!(words("Sr. Eng—Mgr"), ["senior", "engineering", "manager"]);
    }
}
