//! The page shapes a reader meets on job-family pages it has never seen, one made-up page each:
//! where levels hide, how they are grouped, where grades are stated. Each rule is one a careful
//! reader of any handbook page would agree with.

use gradeladder_core::parse::{parse_page, ParseOptions, SourcePage};
use gradeladder_core::{Diagnostic, Family};

fn read(text: &str) -> (Family, Vec<Diagnostic>) {
    parse_page(
        &SourcePage {
            path: "widgets.md".to_owned(),
            text: format!("---\ntitle: Widgets\n---\n{text}"),
        },
        &ParseOptions::default(),
    )
}

fn levels(text: &str) -> Vec<(String, Option<u8>)> {
    titles_and_grades(&read(text).0)
}

fn titles_and_grades(family: &Family) -> Vec<(String, Option<u8>)> {
    family
        .levels
        .iter()
        .map(|l| (l.title.clone(), l.grade))
        .collect()
}

fn pairs(expected: &[(&str, Option<u8>)]) -> Vec<(String, Option<u8>)> {
    expected
        .iter()
        .map(|(t, g)| ((*t).to_owned(), *g))
        .collect()
}

#[test]
fn a_heading_with_its_own_job_grade_under_specialties_is_a_level_and_the_others_stay_specialties() {
    let text = "## Widget Manager\n### Job Grade\nThe Widget Manager is a grade 8.\n### Responsibilities\n- Manage widgets\n\
                ## Specialties\n### Director, Widgets\n#### Director, Widgets Job Grade\nThe Director, Widgets is a grade 10.\n\
                #### Director, Widgets Responsibilities\n- Direct widgets\n### Gadgets\nGadgets are widgets too.\n";
    let (family, _) = read(text);
    assert_eq!(
        titles_and_grades(&family),
        pairs(&[("Widget Manager", Some(8)), ("Director, Widgets", Some(10))])
    );
    let specialties: Vec<&str> = family
        .specialties
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(specialties, ["Gadgets"]);
    let director = &family.levels[1];
    assert_eq!(
        director.responsibilities.len(),
        1,
        "its lists are its own, not a specialty's"
    );
}

#[test]
fn a_sibling_of_a_level_with_its_own_lists_is_a_level_without_a_grade() {
    let text = "## Widget Manager\n### Job Grade\nThe Widget Manager is a grade 8.\n### Responsibilities\n- Manage widgets\n\
                ## Director of Widgets\nThe Director of Widgets role extends the Widget Manager role.\n\
                ### Responsibilities\n- Direct widgets\n";
    let (family, diagnostics) = read(text);
    assert_eq!(
        titles_and_grades(&family),
        pairs(&[("Widget Manager", Some(8)), ("Director of Widgets", None)])
    );
    assert!(diagnostics
        .iter()
        .any(|d| d.code.starts_with("GL001") && d.message.contains("Director of Widgets")));
}

#[test]
fn headings_that_each_have_responsibilities_and_requirements_are_levels_without_grades() {
    let text = "Widget leadership.\n\n## Widget CTO\n### Responsibilities\n- Lead\n### Requirements\n- Vision\n\
                ## Director, Widget CTO\n### Responsibilities\n- Direct\n### Requirements\n- Focus\n\
                ## VP, Widget CTO\n### Responsibilities\n- Steer\n### Requirements\n- Scale\n";
    assert_eq!(
        levels(text),
        pairs(&[
            ("Widget CTO", None),
            ("Director, Widget CTO", None),
            ("VP, Widget CTO", None)
        ])
    );
}

#[test]
fn a_heading_that_groups_levels_is_not_a_level_and_its_children_with_grade_sentences_are() {
    let text = "## Leadership\nOur widget leaders.\n\n### Director, Widgets\nThe Director, Widgets is a grade 10.\n\n\
                #### Responsibilities\n- Direct\n### VP, Widgets\nThe VP, Widgets is a grade 12.\n\n#### Responsibilities\n- Steer\n\
                ## Benefits\nSee the benefits page.\n";
    assert_eq!(
        levels(text),
        pairs(&[("Director, Widgets", Some(10)), ("VP, Widgets", Some(12))])
    );
}

#[test]
fn an_empty_job_grade_section_takes_the_grade_from_the_levels_table() {
    let text = "| Title | Grade |\n| --- | --- |\n| [Widget Analyst](#widget-analyst) | [Grade 6](/handbook/x#gitlab-job-grades) |\n\
                | Senior Widget Analyst | [Grade 7](/handbook/x#gitlab-job-grades) |\n\n\
                ## Widget Analyst\n### Job Grade\n\n### Responsibilities\n- Analyse\n\
                ## Senior Widget Analyst\n### Job Grade\n\n### Responsibilities\n- Analyse more\n";
    assert_eq!(
        levels(text),
        pairs(&[
            ("Widget Analyst", Some(6)),
            ("Senior Widget Analyst", Some(7))
        ])
    );
}

#[test]
fn a_levels_table_alone_gives_one_level_per_title() {
    let text = "Widget audit roles.\n\n| Role | Grade |\n|---|---|\n| [Widget Auditor](/job-families/a/) <br> | 6 |\n\
                | [Senior Widget Auditor](/job-families/b/) <br> [Widget Compliance Analyst](/job-families/c/) | 7 |\n\
                | [Widget Audit Director](/job-families/d/) | 10 |\n";
    assert_eq!(
        levels(text),
        pairs(&[
            ("Widget Auditor", Some(6)),
            ("Senior Widget Auditor", Some(7)),
            ("Widget Compliance Analyst", Some(7)),
            ("Widget Audit Director", Some(10)),
        ])
    );
}

#[test]
fn a_table_and_a_job_grade_section_that_disagree_keep_the_section_and_warn() {
    let text = "| Title | Grade |\n| --- | --- |\n| Widget Analyst | 6 |\n\n\
                ## Widget Analyst\n### Job Grade\nThe Widget Analyst is a grade 7.\n### Responsibilities\n- Analyse\n";
    let (family, diagnostics) = read(text);
    assert_eq!(family.levels[0].grade, Some(7));
    assert!(
        diagnostics.iter().any(|d| d.message.contains("table")),
        "{diagnostics:?}"
    );
}

#[test]
fn several_grade_sentences_under_one_job_grade_heading_are_several_levels() {
    let text = "Widget engineers build widgets.\n\n### Job Grade\n\nThe Widget Engineer is a [grade 6](/handbook/x#gitlab-job-grades).\n\
                The Senior Widget Engineer is a [grade 7](/handbook/x#gitlab-job-grades).\n\
                The Staff Widget Engineer is a [grade 8](/handbook/x#gitlab-job-grades).\n\n## Responsibilities\n- Build\n";
    assert_eq!(
        levels(text),
        pairs(&[
            ("Widget Engineer", Some(6)),
            ("Senior Widget Engineer", Some(7)),
            ("Staff Widget Engineer", Some(8)),
        ])
    );
}

#[test]
fn a_generic_level_heading_takes_its_title_from_the_grade_sentence() {
    let text = "## Role\nThe Audit Principal, Widgets is a grade 9.\n\n### Responsibilities\n- Audit\n### Requirements\n- Care\n";
    assert_eq!(
        levels(text),
        pairs(&[("Audit Principal, Widgets", Some(9))])
    );
}

#[test]
fn a_level_whose_grade_sentence_names_its_sub_heading_takes_that_title() {
    let text = "## Widget Strategy\n### Principal Program Manager, Widgets\nLeads the widget strategy.\n\
                ### Job Grade\nThe Principal Program Manager, Widgets is a grade 9.\n### Responsibilities\n- Plan\n";
    assert_eq!(
        levels(text),
        pairs(&[("Principal Program Manager, Widgets", Some(9))])
    );
}

#[test]
fn a_missing_grade_on_a_page_without_a_job_grade_heading_points_at_the_body_not_the_front_matter() {
    let text =
        "Intro.\n\n## Widget CTO\n### Responsibilities\n- Lead\n### Requirements\n- Vision\n";
    let (_, diagnostics) = read(text);
    let missing = diagnostics
        .iter()
        .find(|d| d.code.starts_with("GL001"))
        .expect("missing grade");
    assert_eq!(
        missing.line, 4,
        "the body's first line, after 3 lines of front matter"
    );
}
