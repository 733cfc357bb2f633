//! Small pages, one per irregularity seen in real job-family pages: heading layouts, grade
//! phrasings, inheritance phrases, ladders, text clean-up and links.

use gradeladder_core::expectations::full_list;
use gradeladder_core::parse::{parse_page, ParseOptions, SourcePage};
use gradeladder_core::{Diagnostic, Family, Inline, Item, ListKind, NodeTarget, Origin, RichText};

fn read(text: &str) -> (Family, Vec<Diagnostic>) {
    parse_page(
        &SourcePage {
            path: "page.md".to_owned(),
            text: text.to_owned(),
        },
        &ParseOptions::default(),
    )
}

fn levels(text: &str) -> Vec<(String, Option<u8>)> {
    read(text)
        .0
        .levels
        .iter()
        .map(|l| (l.title.clone(), l.grade))
        .collect()
}

/// Level `l`'s responsibilities with what it takes over from other levels, as compared and
/// shown: taken-over items first, marked with where they come from, then its own.
fn responsibilities(family: &Family, l: usize) -> Vec<Item> {
    full_list(family, &family.levels[l], ListKind::Responsibilities)
}

fn level(title: &str, grade: Option<u8>) -> (String, Option<u8>) {
    (title.to_owned(), grade)
}

const GRADE_LINK: &str =
    "(/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)";

#[test]
fn a_heading_inside_a_level_with_its_own_grade_and_named_lists_is_a_level_of_its_own() {
    let text = format!(
        "## Lead X\n### Lead X Job Grade\nThe Lead X is a [grade 8]{GRADE_LINK}.\n### Lead X Responsibilities\n- Lead\n\
         ### Managing X\nThe Managing X is a [grade 9]{GRADE_LINK}.\n### Managing X Responsibilities\n- Manage\n\
         ### Notes on Lead X\nThe Lead X is a [grade 8]{GRADE_LINK}.\n"
    );
    let (family, _) = read(&text);
    let found: Vec<_> = family
        .levels
        .iter()
        .map(|l| (l.title.as_str(), l.grade))
        .collect();
    assert_eq!(found, [("Lead X", Some(8)), ("Managing X", Some(9))]);
    let items: Vec<String> = family.levels[1]
        .responsibilities
        .iter()
        .map(|i| i.text.plain())
        .collect();
    assert_eq!(items, ["Manage"]);
}

#[test]
fn a_one_level_page_takes_its_grade_and_title_from_a_grade_sentence_under_any_heading() {
    let text = format!(
        "---\ntitle: Widgets\n---\n## Widget Policy\n### An overview of this role\nSome words.\n\nThe Senior Director of Widgets is a [grade 11]{GRADE_LINK}.\n### What you'll do\n- Things\n"
    );
    assert_eq!(
        levels(&text),
        [level("Senior Director of Widgets", Some(11))]
    );
}

#[test]
fn levels_heading_with_title_and_job_grade_subheadings() {
    let text = format!("## Levels\n### Senior X\n#### Job Grade\nThe Senior X is a [grade 7]{GRADE_LINK}.\n### Staff X\n#### Job Grade\nThe Staff X is a [grade 8]{GRADE_LINK}.\n");
    assert_eq!(
        levels(&text),
        [level("Senior X", Some(7)), level("Staff X", Some(8))]
    );
}

#[test]
fn level_as_h2_with_job_grade_h3() {
    let text =
        "## Manager, IT\n### Job Grade\nThe Manager, IT is a grade 8.\n### Responsibilities\n* a\n";
    assert_eq!(levels(text), [level("Manager, IT", Some(8))]);
}

#[test]
fn page_without_levels_is_one_level_named_by_its_grade_sentence() {
    let text = "---\ntitle: Fellow\n---\n## Job Grade\nThe Engineering Fellow is a [grade 12](/x#gitlab-job-grades).\n## Responsibilities\n- a\n- b\n";
    let (family, _) = read(text);
    assert_eq!(family.levels.len(), 1);
    assert_eq!(
        (family.levels[0].title.as_str(), family.levels[0].grade),
        ("Engineering Fellow", Some(12))
    );
    assert_eq!(family.levels[0].responsibilities.len(), 2);
}

#[test]
fn level_name_inside_the_sub_heading() {
    let text = "## Levels\n### Director, X\n#### Director, X Job Grade\nThe role is a [grade 10](/x#gitlab-job-grades).\n#### Director, X Responsibilities\n- own\n";
    let (family, _) = read(text);
    assert_eq!(
        (family.levels[0].title.as_str(), family.levels[0].grade),
        ("Director, X", Some(10))
    );
    assert_eq!(family.levels[0].responsibilities.len(), 1);
}

#[test]
fn headings_nested_the_wrong_way_round_attach_by_name() {
    let text = "## Senior Director, People\n### Job Grade\nThe Senior Director, People is a grade 11.\n## Sr Director, People Responsibilities\n- lead\n## VP, People\n### Job Grade\nThe VP, People is a grade 12.\n## Responsibilities\n- set direction\n";
    let (family, _) = read(text);
    assert_eq!(family.levels.len(), 2);
    assert_eq!(
        family.levels[0].responsibilities.len(),
        1,
        "Sr → Senior by meaning"
    );
    assert_eq!(
        family.levels[1].responsibilities.len(),
        1,
        "unnamed list after a level belongs to it"
    );
}

#[test]
fn prefixed_job_grade_heading_beside_its_level() {
    let text = "## Country Manager\nIntro.\n## Country Manager Job Grade\nThe Country Manager is a grade 9.\n";
    assert_eq!(levels(text), [level("Country Manager", Some(9))]);
}

#[test]
fn plain_job_grade_line_and_duplicate_levels_sections() {
    let text = "## Levels\n### A\nJob Grade: 8\n## Levels\n### B\nJob Grade: 9\n";
    assert_eq!(levels(text), [level("A", Some(8)), level("B", Some(9))]);
}

#[test]
fn grade_phrasings_seen_in_real_pages() {
    let cases = [
        (format!("is a [Grade 7]{GRADE_LINK}"), Some(7)),
        (format!("is a job [grade 6]{GRADE_LINK}"), Some(6)),
        ("is a grade 8.".to_owned(), Some(8)),
        (
            "is a [9](/handbook/x/#gitlab-job-grades).".to_owned(),
            Some(9),
        ),
        (
            format!("maps to a [grade 10]{GRADE_LINK} in the grading structure"),
            Some(10),
        ),
        (format!("is a [Level 10]{GRADE_LINK}."), Some(10)),
        (
            "is a [grade 5]({{% ref \"handbook/total-rewards\" %}}#gitlab-job-grades).".to_owned(),
            Some(5),
        ),
        (
            "is a grade 4 (/handbook/total-rewards/).".to_owned(),
            Some(4),
        ),
        ("is a [Grade 5]/handbook/total-rewards/".to_owned(), Some(5)),
    ];
    for (sentence, grade) in cases {
        let text = format!("## Levels\n### X\n#### Job Grade\nThe X {sentence}\n");
        assert_eq!(levels(&text), [level("X", grade)], "{sentence}");
    }
}

#[test]
fn grade_list_assigns_one_grade_per_level_in_order() {
    let text = "## Job Grade\nThe roles described below are grades: [6, 7, 8](/x#gitlab-job-grades)\n## Levels\n### A\n### B\n### C\n";
    assert_eq!(
        levels(text),
        [
            level("A", Some(6)),
            level("B", Some(7)),
            level("C", Some(8))
        ]
    );
}

#[test]
fn two_levels_may_share_a_grade() {
    let text =
        "## A\n### Job Grade\nThe A is a grade 6.\n## B\n### Job Grade\nThe B is a grade 6.\n";
    assert_eq!(levels(text), [level("A", Some(6)), level("B", Some(6))]);
}

#[test]
fn missing_grade_is_null_with_an_error_and_stated_absence_is_info() {
    let (family, diagnostics) = read("## Levels\n### A\nText.\n");
    assert_eq!(family.levels[0].grade, None);
    let d = diagnostics
        .iter()
        .find(|d| d.code.starts_with("GL001"))
        .expect("missing-grade diagnostic");
    assert_eq!((d.line, d.column), (2, 1));
    assert!(
        d.message.contains("\"A\" has no job grade"),
        "{}",
        d.message
    );

    let (family, diagnostics) =
        read("## Levels\n### A\n#### Job Grade\nThis role does not have a grade.\n");
    assert_eq!(family.levels[0].grade, None);
    assert!(diagnostics.iter().any(|d| d.code.starts_with("GL002")));
    assert!(!diagnostics.iter().any(|d| d.code.starts_with("GL001")));
}

#[test]
fn inheritance_phrases_resolve_to_levels_or_family_lists() {
    let phrases = [
        (
            "All of the responsibilities listed for Team Lead X.",
            "level",
        ),
        ("Extends that of the Lead X responsibilities", "level"),
        ("All responsibilities for a Lead X; plus:", "level"),
        (
            "Includes [base-level responsibilities](#responsibilities)",
            "family",
        ),
        (
            "has all the same responsibilities as the ones outlined above plus the following",
            "family",
        ),
    ];
    for (phrase, source) in phrases {
        let text = format!("## Responsibilities\n- f1\n## Levels\n### Lead X\n#### Job Grade\nis a grade 7\n#### Responsibilities\n- l1\n- l2\n### Senior Lead X\n#### Job Grade\nis a grade 8\n#### Responsibilities\n- {phrase}\n- own\n");
        let (family, diagnostics) = read(&text);
        let items = &responsibilities(&family, 1);
        let origins: Vec<&Origin> = items.iter().map(|i| &i.origin).collect();
        match source {
            "level" => assert_eq!(
                origins
                    .iter()
                    .filter(|o| matches!(o, Origin::Level { .. }))
                    .count(),
                2,
                "{phrase}: {origins:?}"
            ),
            _ => assert_eq!(
                origins
                    .iter()
                    .filter(|o| matches!(o, Origin::Family))
                    .count(),
                1,
                "{phrase}: {origins:?}"
            ),
        }
        assert_eq!(items.last().map(|i| i.text.plain()), Some("own".to_owned()));
        assert!(
            !diagnostics.iter().any(|d| d.code.starts_with("GL006")),
            "{phrase}"
        );
    }
}

#[test]
fn inheritance_names_with_commas_initials_or_previous_roles_resolve_to_that_level() {
    let phrases = [
        (
            "Extends Lead X, Trust and Safety responsibilities, plus;",
            "Lead X, Trust and Safety",
        ),
        (
            "All responsibilities of previous roles plus:",
            "Staff Technical Program Manager",
        ),
        (
            "All responsibilities of Level 8 Staff TPM role plus:",
            "Staff Technical Program Manager",
        ),
    ];
    for (phrase, source) in phrases {
        let text = format!("## Levels\n### Lead X, Trust and Safety\n#### Job Grade\nis a grade 7\n#### Responsibilities\n- l1\n\
            ### Staff Technical Program Manager\n#### Job Grade\nis a grade 8\n#### Responsibilities\n- t1\n\
            ### Senior Y\n#### Job Grade\nis a grade 9\n#### Responsibilities\n- {phrase}\n- own\n");
        let (family, diagnostics) = read(&text);
        let items = responsibilities(&family, 2);
        let from: Vec<&str> = items
            .iter()
            .filter_map(|i| match &i.origin {
                Origin::Level { title, .. } => Some(title.as_str()),
                _ => None,
            })
            .collect();
        assert!(from.first() == Some(&source), "{phrase}: {from:?}");
        assert!(
            !diagnostics.iter().any(|d| d.code.starts_with("GL006")),
            "{phrase}"
        );
    }
}

#[test]
fn role_extends_phrase_in_level_prose_inherits_from_that_level() {
    let text = "## Levels\n### Senior X\nJob Grade: 7\n#### Responsibilities\n- s1\n### Staff X\nThe Staff X role extends the [Senior X](#senior-x) role.\n\nJob Grade: 8\n#### Responsibilities\n- t1\n";
    let (family, _) = read(text);
    let plain: Vec<String> = responsibilities(&family, 1)
        .iter()
        .map(|i| i.text.plain())
        .collect();
    assert_eq!(plain, ["s1", "t1"]);
}

#[test]
fn unresolvable_inheritance_keeps_the_sentence_and_warns() {
    let text = "## Levels\n### A\nJob Grade: 7\n#### Responsibilities\n- All of the responsibilities listed for Astronaut Pilot.\n- own\n";
    let (family, diagnostics) = read(text);
    assert_eq!(family.levels[0].responsibilities.len(), 2);
    let d = diagnostics
        .iter()
        .find(|d| d.code.starts_with("GL006"))
        .expect("unresolved diagnostic");
    assert_eq!(d.line, 5);
}

#[test]
fn text_clean_up_bom_crlf_mojibake_entities_shortcodes_and_html() {
    let text = "\u{feff}---\r\ntitle: X\r\n---\r\n## Levels\r\n### A\r\nJob Grade: 8\r\n#### Responsibilities\r\n- It\u{e2}\u{20ac}\u{2122}s &amp; more {{< note >}}\r\n- <details>hidden</details> shown\r\n<!-- a comment -->\r\n";
    let (family, _) = read(text);
    let items: Vec<String> = family.levels[0]
        .responsibilities
        .iter()
        .map(|i| i.text.plain())
        .collect();
    assert_eq!(items[0], "It’s & more");
    assert!(
        !items.iter().any(|i| i.contains('<') || i.contains("{{")),
        "{items:?}"
    );
}

#[test]
fn relative_links_resolve_against_the_base_url_and_scripts_are_dropped() {
    let text = "## Levels\n### A\nJob Grade: 8\n#### Responsibilities\n- [values](/handbook/values/) and [x](javascript:alert(1))\n";
    let (family, diagnostics) = read(text);
    let item = &family.levels[0].responsibilities[0].text;
    let hrefs: Vec<&str> = item
        .0
        .iter()
        .filter_map(|i| {
            if let Inline::Link { href, .. } = i {
                Some(href.as_str())
            } else {
                None
            }
        })
        .collect();
    assert_eq!(hrefs, ["https://about.gitlab.com/handbook/values/"]);
    assert_eq!(item.plain(), "values and x");
    assert!(diagnostics
        .iter()
        .any(|d| d.code.starts_with("GL007") && d.line == 5));
}

#[test]
fn placeholder_items_are_dropped_and_flagged() {
    let text = "## Levels\n### A\nJob Grade: 8\n#### Requirements\n- {add a bulleted list of requirements}\n- TBD\n- real\n";
    let (family, diagnostics) = read(text);
    assert_eq!(family.levels[0].requirements.len(), 1);
    assert_eq!(
        diagnostics
            .iter()
            .filter(|d| d.code.starts_with("GL009"))
            .count(),
        2
    );
}

#[test]
fn front_matter_variants_and_template_titles() {
    let (family, diagnostics) =
        read("---\ntitle: \"{Title}\"\n---\n# Real Title\n## Job Grade\nis a grade 6\n");
    assert_eq!(family.title, "Real Title");
    assert!(diagnostics.iter().any(|d| d.code.starts_with("GL005")));
    let (family, diagnostics) = read("---\ntitle: [unclosed\n---\nBody\n");
    assert!(diagnostics
        .iter()
        .any(|d| d.code.starts_with("GL004") && d.line >= 1));
    assert_eq!(family.levels.len(), 1);
}

#[test]
fn mermaid_ladder_nodes_link_out_and_prose_ladder_links_become_next_steps() {
    let text = "## Job Grade\nThe X is a grade 7.\n## Career Ladder\n```mermaid\nflowchart TD\n  a[X] --> b{Y} --- c((Z))\n  click b \"/job-families/y/\"\n```\nThe next step is to move to the [Lead](/job-families/lead/) job family.\n";
    let (family, _) = read(text);
    let y = family
        .ladder
        .nodes
        .iter()
        .find(|n| n.label == "Y")
        .expect("Y");
    assert_eq!(
        y.target,
        NodeTarget::External {
            href: Some("https://about.gitlab.com/job-families/y/".to_owned())
        }
    );
    assert!(family.ladder.nodes.iter().any(|n| n.label == "Lead"));
    assert!(family.ladder.edges.len() >= 3, "{:?}", family.ladder.edges);
}

#[test]
fn future_level_is_marked_not_hiring() {
    let text = "## Levels\n### A\nThis is a future level.\n\nJob Grade: 9\n";
    let (family, _) = read(text);
    assert_eq!(
        family.levels[0].hiring,
        gradeladder_core::HiringStatus::NotHiring
    );
}

#[test]
fn not_hiring_phrase_is_found_in_any_case_and_across_a_line_break() {
    let text = "## Levels\n### A\nWe are NOT currently\nhiring for this role.\n\nJob Grade: 9\n";
    let (family, _) = read(text);
    assert_eq!(
        family.levels[0].hiring,
        gradeladder_core::HiringStatus::NotHiring
    );
}

#[test]
fn reporting_line_is_found_when_the_page_wraps_it() {
    let text = "## Levels\n### A\nJob Grade: 9\n\nThis position Reports\nto the VP of Things.\n";
    let (family, _) = read(text);
    assert_eq!(
        family.reports_to.map(|r| r.plain()).as_deref(),
        Some("This position Reports to the VP of Things.")
    );
}

#[test]
fn nested_bullets_stay_nested() {
    let text = "## Levels\n### A\nJob Grade: 8\n#### Responsibilities\n* parent\n    * child one\n    * child two\n- sibling\n";
    let (family, _) = read(text);
    let items = &family.levels[0].responsibilities;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].children.len(), 2);
    assert_eq!(items[0].text, RichText::from_plain("parent"));
}

#[test]
fn text_whose_lower_case_is_longer_does_not_break_phrase_slicing() {
    // "İ" lower-cases to three bytes; offsets found in a lower-cased copy must still fit the original.
    let text = "## Levels\n### İİİ Lead\nJob Grade: 7\n#### Responsibilities\n- All of the responsibilities listed for İİİ Lead İİİ.\n### B\nJob Grade: 8\n#### Responsibilities\n- All of the responsibilities listed for İİİ Lead.\n- The İİİ X is a grade 8\n";
    let (family, _) = read(text);
    assert_eq!(family.levels.len(), 2);
}

#[test]
fn levels_with_the_same_title_get_numbered_slugs_and_a_warning() {
    let text = "## Levels\n### Analyst\nJob Grade: 6\n### Analyst\nJob Grade: 7\n### Analyst\nJob Grade: 8\n";
    let (family, diagnostics) = read(text);
    let slugs: Vec<&str> = family.levels.iter().map(|l| l.slug.as_str()).collect();
    assert_eq!(slugs, ["analyst", "analyst-2", "analyst-3"]);
    let warnings: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.code.starts_with("GL") && d.message.contains("same slug"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warnings.len(), 2, "{diagnostics:?}");
    assert!(
        warnings[1].ends_with("its slug is \"analyst-3\""),
        "{}",
        warnings[1]
    );
}

#[test]
fn pages_with_the_same_file_name_get_numbered_family_slugs_in_path_order() {
    let page = |path: &str| SourcePage {
        path: path.to_owned(),
        text: "## Job Grade\nThe Analyst is a grade 6.\n".to_owned(),
    };
    let catalog = gradeladder_core::parse::parse_catalog(
        &[
            page("b/analyst.md"),
            page("analyst-2.md"),
            page("a/analyst.md"),
        ],
        &ParseOptions::default(),
    );
    let slugs: Vec<(&str, &str)> = catalog
        .families
        .iter()
        .map(|f| (f.source.as_str(), f.slug.as_str()))
        .collect();
    assert_eq!(
        slugs,
        [
            ("a/analyst.md", "analyst"),
            ("analyst-2.md", "analyst-2"),
            ("b/analyst.md", "analyst-3")
        ]
    );
}
