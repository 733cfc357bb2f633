//! Property tests of the reader: any text parses without panicking, and the catalog's JSON form
//! reads back to the same catalog.

use gradeladder_core::parse::{parse_catalog, parse_page, ParseOptions, SourcePage};
use gradeladder_core::Catalog;
use proptest::prelude::*;

/// One line of markdown-ish text: headings, bullets, grade sentences (numbers of any size),
/// durations, inheritance phrases, front matter, shortcodes, HTML, mermaid.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---".to_owned()),
        Just("title: \"X\"".to_owned()),
        "#{1,6} [A-Za-z ,]{0,30}",
        "## (Levels|Job Grade|Responsibilities|Requirements|Nice-to-haves|Career Ladder|Hiring Process)",
        "[-*] [A-Za-z ]{0,40}",
        "  [-*] [a-z ]{0,20}",
        "1\\. [a-z ]{0,20} [0-9]{1,3} minute",
        "The [A-Z][a-z]+ is a \\[grade [0-9]{1,3}\\]\\(/handbook/x#gitlab-job-grades\\)\\.",
        "All of the (responsibilities|requirements) listed for [A-Za-z ]{0,20}\\.",
        "```mermaid",
        "```",
        "graph LR",
        "[a-z:]{1,8}\\([A-Za-z ]{0,10}\\) --> [a-z:]{1,8}",
        "\\{\\{[<%] [a-z]{0,8} [>%]\\}\\}",
        "<[a-z]{1,8}>",
        "\\[[a-z]{0,5}\\]\\((javascript|https|/handbook):[a-z]{0,5}\\)",
        "[-*] (A|a) [0-9]{1,20} (minute|hour|hr|min)s? (panel|call)",
        "The [A-Z][a-z]+ is a grade [0-9]{1,25}\\.",
        "Job Grade: [0-9]{1,25}",
        "[-*] Extends (that of )?the [A-Z][a-z]+ [A-Z][a-z]+ (responsibilities|requirements), plus:",
        "The [A-Z][a-z]+ role extends the [A-Z][a-z]+ role\\.",
        any::<String>(),
    ]
}

/// A page of up to 40 lines.
fn page_text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..40).prop_map(|lines| lines.join("\n"))
}

/// The largest page the reader is promised to read: 1 MB.
const MAX_PAGE: usize = 1 << 20;

/// A page of thousands of lines, cut to at most 1 MB.
fn large_page_text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 5_000..25_000).prop_map(|lines| {
        let mut text = lines.join("\n");
        if text.len() > MAX_PAGE {
            let mut end = MAX_PAGE;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn any_page_up_to_a_megabyte_is_read_without_panic_or_overflow(text in large_page_text()) {
        prop_assert!(text.len() <= MAX_PAGE);
        let page = SourcePage { path: "large.md".to_owned(), text };
        let (family, diagnostics) = parse_page(&page, &ParseOptions::default());
        prop_assert!(!family.levels.is_empty());
        for d in diagnostics {
            prop_assert!(d.line >= 1 && d.column >= 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_parses_without_panicking(text in page_text()) {
        let page = SourcePage { path: "p.md".to_owned(), text };
        let (family, diagnostics) = parse_page(&page, &ParseOptions::default());
        prop_assert!(!family.levels.is_empty());
        for d in diagnostics {
            prop_assert!(d.line >= 1 && d.column >= 1);
        }
    }

    #[test]
    fn arbitrary_unicode_parses_without_panicking(text in any::<String>()) {
        let page = SourcePage { path: "p.md".to_owned(), text };
        let _ = parse_page(&page, &ParseOptions::default());
    }

    #[test]
    fn catalog_json_round_trip_is_stable(texts in prop::collection::vec(page_text(), 1..4)) {
        let pages: Vec<SourcePage> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| SourcePage { path: format!("p{i}.md"), text })
            .collect();
        let catalog = parse_catalog(&pages, &ParseOptions::default());
        let json = catalog.to_json();
        let back = Catalog::from_json(&json).expect("reads back");
        prop_assert_eq!(&back, &catalog);
        prop_assert_eq!(back.to_json(), json);
    }
}

#[test]
fn deeply_nested_lists_and_quotes_do_not_overflow_the_stack() {
    let mut text = String::new();
    for depth in 0..2000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- item\n");
    }
    text.push_str(&">".repeat(10_000));
    text.push_str(&"*a ".repeat(5_000));
    let page = SourcePage {
        path: "deep.md".to_owned(),
        text,
    };
    let (family, _) = parse_page(&page, &ParseOptions::default());
    let json = serde_json::to_string(&family).expect("serialises");
    assert!(!json.is_empty());
}
