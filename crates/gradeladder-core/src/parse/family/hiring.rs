//! Hiring: the steps of the hiring process (with durations and interviewers), which levels are
//! not being hired for, and the reporting line.

use crate::model::{HiringStatus, HiringStep, Item, Level};
use crate::parse::blocks::{Block, ListItem};
use crate::parse::page_phrases::PagePhrase;
use crate::parse::sections::Section;
use crate::rich::{Needle, RichText};

/// A hiring step with its duration and interviewer read from the text.
pub(super) fn hiring_step(item: Item) -> HiringStep {
    let plain = item.text.plain();
    HiringStep {
        minutes: minutes_in(&plain),
        interviewer: interviewer_in(&plain),
        text: item.text,
    }
}

/// "30 minute", "50-minute", "45 min" → minutes.
fn minutes_in(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(u8::is_ascii_digit) {
        let start = i + offset;
        i = start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        // A number too large for minutes is not a duration.
        let Ok(number) = text[start..i].parse::<u32>() else {
            continue;
        };
        let rest = text[i..].trim_start_matches([' ', '-']).as_bytes();
        let starts_with = |word: &str| {
            rest.get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
        };
        if starts_with("min") {
            return Some(number);
        }
        if starts_with("hour") || starts_with("hr") {
            if let Some(minutes) = number.checked_mul(60) {
                return Some(minutes);
            }
        }
    }
    None
}

/// The person met in a step: the words after " with ", up to the end of the clause.
fn interviewer_in(text: &str) -> Option<String> {
    const WITH: Needle = Needle::new(" with ");
    let start = WITH.find(text)? + " with ".len();
    let rest = &text[start..];
    let end = rest.find(['.', ';', '(']).unwrap_or(rest.len());
    let who = rest[..end].trim().trim_end_matches(',').trim();
    (!who.is_empty()).then(|| who.to_owned())
}

/// Phrases that mark a level as a future level or not hiring.
pub(super) const NOT_HIRING_PHRASES: [PagePhrase; 3] = [
    PagePhrase::FutureLevel,
    PagePhrase::NotCurrentlyHiring,
    PagePhrase::NotHiringForThis,
];

/// "This position reports to …".
const REPORTS_TO: Needle = PagePhrase::ReportsTo.needle();

pub(super) fn mark_hiring_status(levels: &mut [Level], tree: &[Section], owner: &[Option<usize>]) {
    let needles = NOT_HIRING_PHRASES.map(PagePhrase::needle);
    let says_not_hiring = |text: &RichText| needles.iter().any(|needle| text.mentions(needle));
    let mut not_hiring: Vec<bool> = levels
        .iter()
        .map(|level| {
            level.summary.iter().any(says_not_hiring)
                || level
                    .responsibilities
                    .iter()
                    .chain(&level.requirements)
                    .any(|i| says_not_hiring(&i.text))
        })
        .collect();
    for (index, section) in tree.iter().enumerate() {
        if let Some(l) = owner[index] {
            let mentions = section.blocks.iter().any(
                |block| matches!(block, Block::Paragraph { text, .. } if says_not_hiring(text)),
            );
            not_hiring[l] |= mentions;
        }
    }
    for (level, not_hiring) in levels.iter_mut().zip(not_hiring) {
        if not_hiring {
            level.hiring = HiringStatus::NotHiring;
        }
    }
}

/// "This position reports to …" anywhere on the page.
pub(super) fn find_reporting_line(tree: &[Section]) -> Option<RichText> {
    fn in_items(items: &[ListItem]) -> Option<RichText> {
        items.iter().find_map(|item| {
            if item.text.mentions(&REPORTS_TO) {
                Some(item.text.clone())
            } else {
                in_items(&item.children)
            }
        })
    }
    tree.iter()
        .flat_map(|s| &s.blocks)
        .find_map(|block| match block {
            Block::Paragraph { text, .. } if text.mentions(&REPORTS_TO) => Some(text.clone()),
            Block::List { items } => in_items(items),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_durations_are_read_in_minutes_and_hours() {
        assert_eq!(minutes_in("A 30 minute screening call"), Some(30));
        assert_eq!(minutes_in("50-minute interview"), Some(50));
        assert_eq!(minutes_in("45 MIN chat"), Some(45));
        assert_eq!(minutes_in("a 1 hour panel"), Some(60));
        assert_eq!(minutes_in("2hrs"), Some(120));
        assert_eq!(minutes_in("Round 2 with 3 people"), None);
        assert_eq!(minutes_in("Q3 45 minutes"), Some(45));
    }

    #[test]
    fn durations_too_large_for_minutes_are_not_durations() {
        assert_eq!(minutes_in("a 99999999 hours panel"), None);
        assert_eq!(minutes_in("99999999999999999999 minutes"), None);
        assert_eq!(minutes_in("99999999 hours, then 45 minutes"), Some(45));
    }

    #[test]
    fn the_interviewer_is_the_clause_after_with_in_any_case() {
        assert_eq!(
            interviewer_in("Interview WITH the Hiring Manager. Then more"),
            Some("the Hiring Manager".to_owned())
        );
        assert_eq!(
            interviewer_in("Call with a Recruiter (30 minutes)"),
            Some("a Recruiter".to_owned())
        );
        assert_eq!(interviewer_in("Take-home assessment"), None);
    }
}
