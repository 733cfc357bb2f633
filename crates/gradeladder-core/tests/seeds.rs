//! The five seed pages: a snapshot of each full parse, and every count and grade that
//! `shared/seeds/README.md` states.

use gradeladder_core::expectations::full_list;
use gradeladder_core::{
    seeds, Catalog, Family, HiringStatus, Item, ListKind, NodeTarget, Origin, Severity,
};

fn catalog() -> Catalog {
    seeds::catalog()
}

fn family<'a>(catalog: &'a Catalog, slug: &str) -> &'a Family {
    catalog
        .family(slug)
        .unwrap_or_else(|| panic!("no family {slug}"))
}

fn own(items: &[Item]) -> usize {
    items.iter().filter(|i| i.origin.is_own()).count()
}

#[test]
fn each_seed_page_parses_to_its_snapshot() {
    let catalog = catalog();
    for family in &catalog.families {
        insta::assert_json_snapshot!(family.slug.clone(), family);
    }
}

#[test]
fn seed_catalog_has_the_seven_levels_and_grades_in_readme_order() {
    let catalog = catalog();
    let order = [
        "open-source-outreach-engineering-manager",
        "senior-engineering-manager",
        "engineering-productivity-manager",
        "engineering-technical-program-management-leadership",
        "it-management",
    ];
    let levels: Vec<(String, Option<u8>)> = order
        .iter()
        .flat_map(|slug| {
            family(&catalog, slug)
                .levels
                .iter()
                .map(|l| (l.title.clone(), l.grade))
        })
        .collect();
    let expected = [
        ("Open-source Outreach Engineering Manager", 8),
        ("Senior Engineering Manager", 9),
        ("Engineering Manager, Engineering Productivity", 8),
        ("Senior Engineering Manager, Engineering Productivity", 9),
        ("Senior Manager, Technical Program Management", 9),
        ("Director, Technical Program Management", 10),
        ("Manager, IT", 8),
    ];
    let expected: Vec<(String, Option<u8>)> = expected
        .iter()
        .map(|(t, g)| (t.to_string(), Some(*g)))
        .collect();
    assert_eq!(levels, expected);
}

#[test]
fn seed_pages_read_without_errors_or_warnings() {
    let catalog = catalog();
    let problems: Vec<String> = catalog
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn open_source_outreach_counts_match_the_readme() {
    let catalog = catalog();
    let f = family(&catalog, "open-source-outreach-engineering-manager");
    assert_eq!(
        (
            f.responsibilities.len(),
            f.requirements.len(),
            f.nice_to_haves.len()
        ),
        (7, 12, 4)
    );
    assert_eq!(f.levels.len(), 1);
    assert_eq!(f.levels[0].responsibilities.len(), 15);
    assert_eq!(f.performance_indicators.len(), 4);
    let minutes: Vec<Option<u32>> = f.hiring_process.iter().map(|s| s.minutes).collect();
    assert_eq!(
        minutes,
        [Some(30), Some(60), Some(45), Some(45), Some(45), None]
    );
    assert!(
        f.ladder.edges.is_empty(),
        "no career ladder: {:?}",
        f.ladder.edges
    );
}

#[test]
fn senior_engineering_manager_page_is_one_level_with_a_mermaid_ladder() {
    let catalog = catalog();
    let f = family(&catalog, "senior-engineering-manager");
    assert_eq!(f.levels.len(), 1);
    let level = &f.levels[0];
    assert_eq!(
        (level.title.as_str(), level.grade),
        ("Senior Engineering Manager", Some(9))
    );
    assert_eq!(
        (
            level.responsibilities.len(),
            level.requirements.len(),
            level.nice_to_haves.len()
        ),
        (15, 14, 15)
    );
    assert_eq!(f.performance_indicators.len(), 3);
    assert_eq!(f.hiring_process.len(), 8);
    let label = |id: &str| {
        f.ladder
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.label.clone())
            .unwrap_or_default()
    };
    let mut edges: Vec<(String, String)> = f
        .ladder
        .edges
        .iter()
        .map(|e| (label(&e.from), label(&e.to)))
        .collect();
    edges.sort();
    assert_eq!(
        edges,
        [
            ("Backend Engineering Manager", "Senior Engineering Manager"),
            ("Frontend Engineering Manager", "Senior Engineering Manager"),
            (
                "Fullstack Engineering Manager",
                "Senior Engineering Manager"
            ),
            ("Senior Engineering Manager", "Director, Engineering"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    assert!(
        f.ladder
            .nodes
            .iter()
            .all(|n| !n.label.contains("Distinguished")),
        "commented-out nodes stay out"
    );
    let selected: Vec<&str> = f
        .ladder
        .nodes
        .iter()
        .filter(|n| n.selected)
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(
        selected,
        ["senior-engineering-manager/senior-engineering-manager"]
    );
    let external = f
        .ladder
        .nodes
        .iter()
        .filter(|n| matches!(n.target, NodeTarget::External { .. }))
        .count();
    assert_eq!(external, 4);
    let director = f
        .ladder
        .nodes
        .iter()
        .find(|n| n.label == "Director, Engineering")
        .expect("director node");
    assert_eq!(
        director.target,
        NodeTarget::External {
            href: Some("https://about.gitlab.com/job-families/engineering/development/management/director/".to_owned())
        }
    );
}

#[test]
fn engineering_productivity_senior_level_inherits_the_managers_responsibilities() {
    let catalog = catalog();
    let f = family(&catalog, "engineering-productivity-manager");
    assert_eq!(f.levels.len(), 2);
    let (manager, senior) = (&f.levels[0], &f.levels[1]);
    assert_eq!(
        (manager.responsibilities.len(), manager.requirements.len()),
        (10, 7)
    );
    // 9 bullets on the page: the inheritance phrase resolves to the manager's 10 items, plus 8 own.
    let responsibilities = full_list(f, senior, ListKind::Responsibilities);
    assert_eq!(own(&responsibilities), 8);
    let inherited: Vec<&Item> = responsibilities
        .iter()
        .filter(|i| !i.origin.is_own())
        .collect();
    assert_eq!(inherited.len(), 10);
    assert!(inherited.iter().all(|i| i.origin
        == Origin::Level {
            slug: manager.slug.clone(),
            title: manager.title.clone()
        }));
    assert_eq!(full_list(f, senior, ListKind::Requirements).len(), 7);
    assert_eq!(f.performance_indicators.len(), 4);
    assert_eq!(
        f.performance_indicators
            .iter()
            .filter(|i| i.children.len() == 1)
            .count(),
        2
    );
    assert_eq!(f.hiring_process.len(), 6);
    assert_eq!(f.hiring_process[1].minutes, Some(50));
    assert_eq!(
        f.description.as_deref(),
        Some("Driving Engineering Efficiency and Productivity")
    );
    let edge = f
        .ladder
        .edges
        .iter()
        .any(|e| e.from.ends_with(&manager.slug) && e.to.ends_with(&senior.slug));
    assert!(
        edge,
        "grade order 8 → 9 forms the ladder: {:?}",
        f.ladder.edges
    );
}

#[test]
fn tpm_leadership_marks_the_future_level_and_inherits_family_requirements() {
    let catalog = catalog();
    let f = family(
        &catalog,
        "engineering-technical-program-management-leadership",
    );
    assert_eq!((f.responsibilities.len(), f.requirements.len()), (12, 6));
    let (senior, director) = (&f.levels[0], &f.levels[1]);
    assert_eq!(senior.hiring, HiringStatus::NotHiring);
    assert_eq!(director.hiring, HiringStatus::Open);
    assert_eq!(full_list(f, director, ListKind::Responsibilities).len(), 10);
    let requirements = full_list(f, director, ListKind::Requirements);
    assert_eq!(own(&requirements), 3);
    let inherited: Vec<&Item> = requirements
        .iter()
        .filter(|i| i.origin == Origin::Family)
        .collect();
    assert_eq!(inherited.len(), 6);
    assert!(
        f.specialties.is_empty(),
        "\"Currently no specialties defined\" means none"
    );
    assert_eq!(f.performance_indicators.len(), 3);
    assert_eq!(
        f.performance_indicators
            .iter()
            .filter(|i| !i.children.is_empty())
            .count(),
        2
    );
    assert!(
        f.performance_indicators[0].text.plain().contains("TPM’s"),
        "mojibake repaired"
    );
    assert_eq!(f.hiring_process.len(), 6);
}

#[test]
fn it_management_has_nested_items_reporting_line_and_an_undefined_next_step() {
    let catalog = catalog();
    let f = family(&catalog, "it-management");
    let level = &f.levels[0];
    assert_eq!(
        (level.title.as_str(), level.grade),
        ("Manager, IT", Some(8))
    );
    assert_eq!(level.responsibilities.len(), 11);
    assert_eq!(level.responsibilities[1].children.len(), 4);
    assert!(
        level
            .responsibilities
            .iter()
            .any(|i| i.text.plain().contains("1:1’s")),
        "mojibake repaired"
    );
    assert_eq!(level.requirements.len(), 18);
    assert_eq!(f.performance_indicators.len(), 5);
    assert_eq!(f.hiring_process.len(), 5);
    assert_eq!(
        f.reports_to.as_ref().map(|r| r.plain()),
        Some("This position reports to the Director of Business Operations".to_owned())
    );
    let undefined: Vec<&str> = f
        .ladder
        .nodes
        .iter()
        .filter(|n| n.target == NodeTarget::Undefined)
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(undefined, ["Leadership position"]);
    assert_eq!(f.ladder.edges.len(), 1);
}

#[test]
fn catalog_json_round_trips_and_carries_schema_2() {
    let catalog = catalog();
    let json = catalog.to_json();
    assert!(json.starts_with("{\"schema\":2,"), "{}", &json[..40]);
    assert_eq!(Catalog::from_json(&json).expect("reads back"), catalog);
}

#[test]
fn catalog_and_pay_model_round_trip_through_postcard_as_the_web_app_embeds_them() {
    let catalog = catalog();
    let bytes = postcard::to_stdvec(&catalog).expect("encode catalog");
    assert_eq!(
        postcard::from_bytes::<Catalog>(&bytes).expect("decode catalog"),
        catalog
    );
    let pay = gradeladder_core::pay::example();
    let bytes = postcard::to_stdvec(&pay).expect("encode pay");
    assert_eq!(
        postcard::from_bytes::<gradeladder_core::pay::PayModel>(&bytes).expect("decode pay"),
        pay
    );
}
