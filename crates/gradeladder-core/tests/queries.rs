//! Queries the app and CLI rely on: ranked search, ladder neighbours, next level, level diff.

use gradeladder_core::parse::{parse_catalog, ParseOptions, SourcePage};
use gradeladder_core::{compare, ladder, search, seeds, Catalog, LevelRef, ListKind};

fn seed_catalog() -> Catalog {
    seeds::catalog()
}

fn top_title(catalog: &Catalog, query: &str) -> Option<String> {
    let hit = search::search(catalog, query).into_iter().next()?;
    Some(hit.found.level.title.clone())
}

fn synthetic_catalog() -> Catalog {
    let page = |name: &str, title: &str, grade: u8| SourcePage {
        path: format!("{name}.md"),
        text: format!("---\ntitle: {title}\n---\n## Job Grade\nThe {title} is a grade {grade}.\n"),
    };
    parse_catalog(
        &[
            page("sre", "Site Reliability Engineer", 6),
            page("it", "IT Systems Engineer", 6),
            page("em", "Engineering Manager", 8),
            page("pm", "Product Manager", 7),
        ],
        &ParseOptions::default(),
    )
}

#[test]
fn abbreviations_find_their_roles() {
    let seeds = seed_catalog();
    assert!(top_title(&seeds, "TPM").is_some_and(|t| t.contains("Technical Program Management")));
    let synthetic = synthetic_catalog();
    assert_eq!(
        top_title(&synthetic, "sre").as_deref(),
        Some("Site Reliability Engineer")
    );
    assert_eq!(
        top_title(&synthetic, "EM").as_deref(),
        Some("Engineering Manager")
    );
    assert_eq!(
        top_title(&synthetic, "it").as_deref(),
        Some("IT Systems Engineer")
    );
}

#[test]
fn word_prefixes_and_typos_find_roles() {
    let catalog = seed_catalog();
    assert_eq!(
        top_title(&catalog, "direc tech").as_deref(),
        Some("Director, Technical Program Management")
    );
    assert_eq!(
        top_title(&catalog, "enginering productivty").as_deref(),
        Some("Engineering Manager, Engineering Productivity")
    );
    assert!(top_title(&catalog, "outreach").is_some_and(|t| t.starts_with("Open-source Outreach")));
}

#[test]
fn search_ranks_exact_title_words_above_family_words_and_needs_every_word() {
    let catalog = seed_catalog();
    let hits = search::search(&catalog, "senior engineering manager");
    let first = hits[0].found.level;
    assert_eq!(first.title, "Senior Engineering Manager");
    assert!(search::search(&catalog, "senior astronaut").is_empty());
    assert!(search::search(&catalog, "   ").is_empty());
}

#[test]
fn next_level_and_ladder_neighbours_follow_grades_and_page_edges() {
    let catalog = seed_catalog();
    let (family, manager) = catalog
        .level(
            "engineering-productivity-manager",
            "engineering-manager-engineering-productivity",
        )
        .expect("level");
    let next = ladder::next_level(family, manager).expect("next level");
    assert_eq!(next.grade, Some(9));
    let around = ladder::neighbours(family, next);
    assert_eq!(around.previous.len(), 1);
    assert!(around.next.is_empty());

    let (family, senior) = catalog
        .level("senior-engineering-manager", "senior-engineering-manager")
        .expect("level");
    let around = ladder::neighbours(family, senior);
    assert_eq!(around.previous.len(), 3);
    assert_eq!(
        around
            .next
            .iter()
            .map(|n| n.label.as_str())
            .collect::<Vec<_>>(),
        ["Director, Engineering"]
    );
}

#[test]
fn diff_between_levels_lists_added_removed_and_common_items() {
    let catalog = seed_catalog();
    let family = catalog
        .family("engineering-productivity-manager")
        .expect("family");
    let level = |l: usize| LevelRef {
        family,
        level: &family.levels[l],
    };
    let diff = compare::diff(level(0), level(1));
    assert_eq!(diff.grades, (Some(8), Some(9)));
    assert_eq!(
        diff.list(ListKind::Responsibilities).common.len(),
        10,
        "the senior level inherits all ten"
    );
    assert_eq!(diff.list(ListKind::Responsibilities).added.len(), 8);
    assert!(diff.list(ListKind::Responsibilities).removed.is_empty());
    assert_eq!(diff.list(ListKind::Requirements).added.len(), 7);
    assert_eq!(diff.list(ListKind::Requirements).removed.len(), 7);
}

#[test]
fn levels_listed_as_links_form_a_ladder_that_reaches_catalog_levels() {
    let pages = [
        SourcePage {
            path: "em.md".to_owned(),
            text: "---\ntitle: Engineering Manager\n---\n## Job Grade\nThe Engineering Manager is a grade 8.\n## Levels\n- [Senior Engineer](/job-families/senior/)\n- Engineering Manager\n- [Senior Engineering Manager](/job-families/sem/)\n".to_owned(),
        },
    ];
    let catalog = parse_catalog(&pages, &ParseOptions::default());
    let family = &catalog.families[0];
    let level = &family.levels[0];
    let around = ladder::neighbours(family, level);
    assert_eq!(
        around
            .previous
            .iter()
            .map(|n| n.label.as_str())
            .collect::<Vec<_>>(),
        ["Senior Engineer"]
    );
    assert_eq!(
        around
            .next
            .iter()
            .map(|n| n.label.as_str())
            .collect::<Vec<_>>(),
        ["Senior Engineering Manager"]
    );
}
