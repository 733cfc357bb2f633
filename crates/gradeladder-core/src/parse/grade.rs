//! Finding a job grade in a sentence: "is a [grade 8](…)", "Job Grade: 8", "is a [9](…#gitlab-job-grades)",
//! "grades: [6, 7, 8]", "does not have a grade".

use crate::rich::{Inline, Needle, RichText};

/// What a piece of text says about a grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GradeStatement {
    /// The text names one or more grades, in order.
    Grades(Vec<u8>),
    /// The text says there is no grade.
    NoGrade,
}

/// Highest number read as a grade; larger numbers are years, counts, etc.
const MAX_GRADE: u32 = 20;

/// Reads a grade statement from `text`, or `None` when it states no grade.
pub fn find(text: &RichText) -> Option<GradeStatement> {
    // Every phrase and keyword read from the words has "grade" or "level" in it.
    const GRADE: Needle = Needle::new("grade");
    const LEVEL: Needle = Needle::new("level");
    let mut grades = if text.mentions(&GRADE) || text.mentions(&LEVEL) {
        let lower = text.plain().to_ascii_lowercase();
        if says_no_grade(&lower) {
            return Some(GradeStatement::NoGrade);
        }
        numbers_after_keyword(&lower)
    } else {
        Vec::new()
    };
    if grades.is_empty() {
        grades = numbers_in_grade_links(&text.0);
    }
    if grades.is_empty() {
        None
    } else {
        Some(GradeStatement::Grades(grades))
    }
}

/// Subject of a grade sentence ("The Senior X is a grade 8" → "Senior X"), to tell which role it names.
pub fn subject(text: &RichText) -> Option<String> {
    let plain = text.plain();
    let lower = plain.to_ascii_lowercase();
    let keyword = ["grade", "level"]
        .iter()
        .filter_map(|k| lower.find(k))
        .min()
        .unwrap_or(lower.len());
    let before = &lower[..keyword];
    let end = [" is a ", " is an ", " is ", " maps to ", " are "]
        .iter()
        .filter_map(|verb| before.rfind(verb))
        .max()?;
    let mut subject = plain[..end].trim();
    if let Some(i) = subject.to_ascii_lowercase().rfind(", the ") {
        subject = &subject[i + ", the ".len()..];
    }
    for article in ["The ", "the ", "A ", "An "] {
        if let Some(rest) = subject.strip_prefix(article) {
            subject = rest;
        }
    }
    let subject = subject.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    (!subject.is_empty() && subject.split_whitespace().count() <= 12).then(|| subject.to_owned())
}

fn says_no_grade(lower: &str) -> bool {
    // Every phrase says "no", "not" or "n't".
    if !lower.contains("no") && !lower.contains("n't") {
        return false;
    }
    [
        "does not have a grade",
        "does not have a job grade",
        "doesn't have a grade",
        "doesn't have a job grade",
        "has no grade",
        "has no job grade",
        "not have a grade",
        "is not graded",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
}

/// Numbers following the word `grade`/`grades` (and `level` right after "is a"): "grade 8", "grade: 8",
/// "grades: [6, 7, 8]", "job grade 6", "is a [level 10]".
fn numbers_after_keyword(lower: &str) -> Vec<u8> {
    let mut grades = Vec::new();
    let mut search_from = 0;
    for (start, end, allow_list) in keywords(lower) {
        if start < search_from {
            continue;
        }
        search_from = end;
        grades.extend(read_numbers(&lower[end..], allow_list));
    }
    grades
}

/// Every grade keyword of `lower` in order: its start, its end, and whether a list of numbers may
/// follow. Keywords are whole words: `grade`, `grades` (a list may follow), `is a level`,
/// `is a [level`. One scan finds the candidates by their rare letters ('g' of grade, 'v' of level).
fn keywords(lower: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let bytes = lower.as_bytes();
    let whole_word = move |start: usize, end: usize| {
        let before_ok = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = lower[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    };
    memchr::memchr2_iter(b'g', b'v', bytes).filter_map(move |at| {
        if bytes[at] == b'g' {
            if !bytes[at..].starts_with(b"grade") {
                return None;
            }
            let end = at + "grade".len();
            if bytes.get(end) == Some(&b's') && whole_word(at, end + 1) {
                return Some((at, end + 1, true));
            }
            return whole_word(at, end).then_some((at, end, false));
        }
        let level = at.checked_sub(2)?;
        if !bytes[level..].starts_with(b"level") {
            return None;
        }
        let before = &lower[..level];
        let start = ["is a ", "is a ["]
            .iter()
            .find(|lead| before.ends_with(*lead))
            .map(|lead| level - lead.len())?;
        let end = level + "level".len();
        whole_word(start, end).then_some((start, end, false))
    })
}

/// Reads `8`, `: 8`, `[8`, `(8`, or `[6, 7, 8]`/`6, 7 and 8` when `allow_list`.
fn read_numbers(rest: &str, allow_list: bool) -> Vec<u8> {
    let mut numbers = Vec::new();
    let mut chars = rest.char_indices().peekable();
    let mut skipped = 0;
    loop {
        while let Some(&(_, c)) = chars.peek() {
            if matches!(c, ' ' | ':' | '[' | '(' | '*' | '_' | '#')
                || (allow_list && !numbers.is_empty() && c == ',')
            {
                chars.next();
                skipped += 1;
                if skipped > 6 {
                    return numbers;
                }
            } else {
                break;
            }
        }
        let mut value: u32 = 0;
        let mut digits = 0;
        while let Some(&(_, c)) = chars.peek() {
            if let Some(d) = c.to_digit(10) {
                value = value.saturating_mul(10).saturating_add(d);
                digits += 1;
                chars.next();
            } else {
                break;
            }
        }
        let followed_by_word = chars
            .peek()
            .is_some_and(|&(_, c)| c.is_alphabetic() || c == '%' || c == '+');
        if digits == 0 || digits > 2 || value == 0 || value > MAX_GRADE || followed_by_word {
            return numbers;
        }
        numbers.push(value as u8);
        if !allow_list {
            return numbers;
        }
        // "6, 7 and 8": step over " and" (the space after it is skipped as a separator).
        if chars.clone().map(|(_, c)| c).take(5).eq(" and ".chars()) {
            chars.nth(3);
        }
        skipped = 0;
    }
}

/// Numbers that are the whole text of a link to the grade table: "is a [9](…#gitlab-job-grades)".
fn numbers_in_grade_links(inlines: &[Inline]) -> Vec<u8> {
    let mut grades = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Link { href, children } if is_grade_table_link(href) => {
                let text = crate::rich::plain_of(children);
                let numbers: Vec<u8> = text
                    .split(|c: char| !c.is_ascii_digit())
                    .filter_map(|n| n.parse::<u32>().ok())
                    .filter(|&n| (1..=MAX_GRADE).contains(&n))
                    .map(|n| n as u8)
                    .collect();
                grades.extend(numbers);
            }
            Inline::Emphasis(children) | Inline::Strong(children) => {
                grades.extend(numbers_in_grade_links(children));
            }
            _ => {}
        }
    }
    grades
}

/// Whether a link points at a job-grade table.
fn is_grade_table_link(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    href.contains("job-grade") || href.contains("compensation-calculator")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(markdown_like: RichText) -> Option<GradeStatement> {
        find(&markdown_like)
    }

    fn link(href: &str, text: &str) -> Inline {
        Inline::Link {
            href: href.to_owned(),
            children: vec![Inline::Text(text.to_owned())],
        }
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    const TABLE: &str = "https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    #[test]
    fn linked_grade_sentence() {
        let t = RichText(vec![text("The X is a "), link(TABLE, "grade 8"), text(".")]);
        assert_eq!(grades(t), Some(GradeStatement::Grades(vec![8])));
    }

    #[test]
    fn unlinked_grade_sentence_and_plain_line() {
        assert_eq!(
            grades(RichText::from_plain(
                "The SMB Advocate Team Lead is a grade 6."
            )),
            Some(GradeStatement::Grades(vec![6]))
        );
        assert_eq!(
            grades(RichText::from_plain("Job Grade: 8")),
            Some(GradeStatement::Grades(vec![8]))
        );
        assert_eq!(
            grades(RichText::from_plain("is a job grade 6")),
            Some(GradeStatement::Grades(vec![6]))
        );
    }

    #[test]
    fn number_only_link_to_grade_table() {
        let t = RichText(vec![text("The X is a "), link(TABLE, "9"), text(".")]);
        assert_eq!(grades(t), Some(GradeStatement::Grades(vec![9])));
    }

    #[test]
    fn plain_grade_list_with_and_reads_every_grade() {
        assert_eq!(
            grades(RichText::from_plain("These roles are grades 6, 7 and 8.")),
            Some(GradeStatement::Grades(vec![6, 7, 8]))
        );
    }

    #[test]
    fn level_link_and_grade_list() {
        let t = RichText(vec![
            text("The X is a "),
            link(TABLE, "Level 10"),
            text("."),
        ]);
        assert_eq!(grades(t), Some(GradeStatement::Grades(vec![10])));
        let t = RichText(vec![
            text("The roles described below are grades: "),
            link(TABLE, "6, 7, 8"),
        ]);
        assert_eq!(grades(t), Some(GradeStatement::Grades(vec![6, 7, 8])));
    }

    #[test]
    fn broken_link_syntax_still_reads_the_grade() {
        assert_eq!(
            grades(RichText::from_plain("is a grade 4 (/handbook/x)")),
            Some(GradeStatement::Grades(vec![4]))
        );
        assert_eq!(
            grades(RichText::from_plain("is a [Grade 5]/handbook/x")),
            Some(GradeStatement::Grades(vec![5]))
        );
    }

    #[test]
    fn explicit_no_grade_and_unrelated_numbers() {
        assert_eq!(
            grades(RichText::from_plain("This role does not have a grade.")),
            Some(GradeStatement::NoGrade)
        );
        assert_eq!(grades(RichText::from_plain("5+ years of experience")), None);
        assert_eq!(
            grades(RichText::from_plain("Read more about job grades.")),
            None
        );
        assert_eq!(grades(RichText::from_plain("grade 2024 review")), None);
    }

    #[test]
    fn subject_names_the_role_before_the_verb() {
        let t = RichText::from_plain("The Senior UX Engineer is a grade 7.");
        assert_eq!(subject(&t).as_deref(), Some("Senior UX Engineer"));
        let t = RichText::from_plain("Meltano is a separate company, but for Total Rewards, the General Manager of Meltano maps to a grade 10.");
        assert_eq!(subject(&t).as_deref(), Some("General Manager of Meltano"));
    }
}
