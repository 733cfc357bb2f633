//! Job postings for the seed roles: the text a job ad carries (snapshots), its JSON tiers, the
//! checks per jurisdiction and the out-of-date warning on a fixed day.

use gradeladder_core::pay::{self, file, Date};
use gradeladder_core::posting::{check, Jurisdiction, Posting, PostingLinks, Status};
use gradeladder_core::{resolve::resolve_role, seeds, Catalog};

fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

fn links() -> PostingLinks {
    PostingLinks {
        expectations: Some("https://jobs.example.com/role/it-management/manager-it/".to_owned()),
        grade_scale: Some("https://jobs.example.com/grades/".to_owned()),
    }
}

fn posting_for(
    catalog: &Catalog,
    model: &pay::PayModel,
    role: &str,
    locations: &[&str],
    links: PostingLinks,
    today: &str,
) -> Posting {
    let found = resolve_role(catalog, role).expect("a seed role");
    let locations: Vec<String> = locations.iter().map(|l| l.to_string()).collect();
    Posting::new(
        model,
        found.family,
        found.level,
        &locations,
        links,
        day(today),
    )
    .expect("posting")
}

fn status(posting: &Posting, jurisdiction: Jurisdiction, rule_starts: &str) -> Status {
    check(posting)
        .into_iter()
        .find(|c| c.jurisdiction == jurisdiction)
        .and_then(|c| {
            c.requirements
                .into_iter()
                .find(|r| r.rule.starts_with(rule_starts))
        })
        .map(|r| r.status)
        .unwrap_or_else(|| panic!("no rule {rule_starts} for {jurisdiction:?}"))
}

#[test]
fn a_posting_in_two_locations_gives_a_closed_range_in_each_local_currency() {
    let catalog = seeds::catalog();
    let posting = posting_for(
        &catalog,
        &pay::example(),
        "it-management/manager-it",
        &["San Francisco", "GB/london"],
        links(),
        "2026-12-01",
    );
    insta::assert_snapshot!("manager_it_two_locations_text", posting.to_text());
    insta::assert_snapshot!("manager_it_two_locations_markdown", posting.to_markdown());
    insta::assert_snapshot!("manager_it_two_locations_html", posting.to_html());
    let json: serde_json::Value = serde_json::from_str(&posting.to_json()).expect("json");
    let tiers = json["tiers"].as_array().expect("tiers");
    assert_eq!(tiers.len(), 2);
    for tier in tiers {
        assert!(tier["min"].as_f64() <= tier["max"].as_f64());
        assert_eq!(tier["interval"], "year");
    }
    assert_eq!(tiers[0]["currency"], "USD");
    assert_eq!(tiers[1]["currency"], "GBP");
    assert_eq!(json["data_as_of"], "2024-01-02");
    assert_eq!(json["checks"].as_array().map(Vec::len), Some(5));
}

#[test]
fn a_role_with_variable_pay_states_its_base_range_and_share() {
    let catalog = seeds::catalog();
    let posting = posting_for(
        &catalog,
        &pay::example(),
        "director technical program management",
        &["US"],
        links(),
        "2024-06-01",
    );
    let text = posting.to_text();
    assert!(
        text.contains("in on-target earnings (base salary"),
        "{text}"
    );
    assert!(text.contains("15 % variable pay"), "{text}");
    assert!(
        !text.contains("months old"),
        "current data has no warning: {text}"
    );
    let tier = &posting.tiers[0];
    let base = tier.base.expect("a base range");
    assert!(base.min < tier.min && base.max < tier.max);
    assert_eq!(
        status(
            &posting,
            Jurisdiction::NewYorkCity,
            "The range is of base salary"
        ),
        Status::Met
    );
}

#[test]
fn data_older_than_the_threshold_warns_in_the_posting_and_fails_the_good_faith_check() {
    let catalog = seeds::catalog();
    let model = pay::example();
    let stale = posting_for(
        &catalog,
        &model,
        "manager-it",
        &["US"],
        links(),
        "2026-12-01",
    );
    assert_eq!(stale.stale.map(|s| s.months_old), Some(34));
    assert!(stale
        .to_text()
        .contains("Warning: The pay data is from 2024-01-02 (34 months old"));
    assert!(stale.to_html().contains("34 months old"));
    assert_eq!(
        status(&stale, Jurisdiction::Colorado, "A good-faith range"),
        Status::NotMet
    );
    let fresh = posting_for(
        &catalog,
        &model,
        "manager-it",
        &["US"],
        links(),
        "2024-12-01",
    );
    assert_eq!(fresh.stale, None);
    assert_eq!(
        status(&fresh, Jurisdiction::Colorado, "A good-faith range"),
        Status::Met
    );
}

#[test]
fn without_a_benefits_line_colorado_and_washington_are_not_met() {
    let catalog = seeds::catalog();
    let text = pay::EXAMPLE_TOML
        .lines()
        .filter(|l| !l.starts_with("benefits ="))
        .collect::<Vec<_>>()
        .join("\n");
    let model = file::read("pay.toml", &text).expect("valid without benefits");
    let posting = posting_for(
        &catalog,
        &model,
        "manager-it",
        &["US"],
        links(),
        "2024-06-01",
    );
    for jurisdiction in [Jurisdiction::Colorado, Jurisdiction::Washington] {
        let checked = check(&posting)
            .into_iter()
            .find(|c| c.jurisdiction == jurisdiction)
            .unwrap();
        assert!(!checked.passes(), "{jurisdiction:?}");
        assert_eq!(
            status(
                &posting,
                jurisdiction,
                "A general description of all benefits"
            ),
            Status::NotMet
        );
    }
    for jurisdiction in [Jurisdiction::NewYorkCity, Jurisdiction::California] {
        assert!(check(&posting)
            .into_iter()
            .find(|c| c.jurisdiction == jurisdiction)
            .unwrap()
            .passes());
    }
    assert!(!posting.to_text().contains("Benefits"));
}

#[test]
fn a_posting_without_criteria_links_fails_the_eu_criteria_rule() {
    let catalog = seeds::catalog();
    let posting = posting_for(
        &catalog,
        &pay::example(),
        "manager-it",
        &["NL"],
        PostingLinks::default(),
        "2024-06-01",
    );
    assert_eq!(
        status(
            &posting,
            Jurisdiction::Eu,
            "The criteria for pay and progression"
        ),
        Status::NotMet
    );
    assert_eq!(
        status(&posting, Jurisdiction::Eu, "The initial pay"),
        Status::Met
    );
    assert_eq!(
        status(&posting, Jurisdiction::Eu, "A gender-neutral"),
        Status::Review
    );
}

#[test]
fn a_location_without_pay_data_leaves_the_range_rule_unmet() {
    let catalog = seeds::catalog();
    let bands = r#"
[meta]
name = "Bands"
currency = "USD"
model = "bands"
as_of = 2025-01-01
[bands]
rounding = { step = 100, direction = "nearest" }
[[bands.ranges]]
grade = 8
zone = "A"
currency = "USD"
min = 100000
mid = 120000
max = 140000
[[locations]]
country = "United States"
code = "US"
currency = "USD"
zone = "A"
[[locations]]
country = "Mexico"
code = "MX"
currency = "USD"
zone = "B"
"#;
    let model = file::read("bands.toml", bands).expect("valid");
    let posting = posting_for(
        &catalog,
        &model,
        "manager-it",
        &["US", "MX"],
        links(),
        "2025-06-01",
    );
    assert_eq!(posting.tiers.len(), 1);
    assert_eq!(posting.unpriced.len(), 1);
    assert_eq!(
        status(&posting, Jurisdiction::NewYorkCity, "A good-faith minimum"),
        Status::NotMet
    );
    assert!(
        posting.to_text().contains("Mexico (elsewhere): no range"),
        "{}",
        posting.to_text()
    );
}

#[test]
fn an_unknown_location_is_an_error_with_suggestions() {
    let catalog = seeds::catalog();
    let found = resolve_role(&catalog, "manager-it").unwrap();
    let err = Posting::new(
        &pay::example(),
        found.family,
        found.level,
        &["Amsterdm".to_owned()],
        links(),
        day("2025-01-01"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("Amsterdam"), "{err}");
}

#[test]
fn a_gendered_title_is_flagged_for_the_eu() {
    let catalog = seeds::catalog();
    let found = resolve_role(&catalog, "manager-it").unwrap();
    let mut level = found.level.clone();
    level.title = "IT Foreman".to_owned();
    let posting = Posting::new(
        &pay::example(),
        found.family,
        &level,
        &["NL".to_owned()],
        links(),
        day("2025-01-01"),
    )
    .unwrap();
    assert_eq!(
        status(&posting, Jurisdiction::Eu, "A gender-neutral"),
        Status::NotMet
    );
}

#[test]
fn markup_in_a_title_is_escaped_in_html_and_markdown() {
    let catalog = seeds::catalog();
    let found = resolve_role(&catalog, "manager-it").unwrap();
    let mut level = found.level.clone();
    level.title = "<b>C# *Lead*</b> & co".to_owned();
    let posting = Posting::new(
        &pay::example(),
        found.family,
        &level,
        &["US".to_owned()],
        links(),
        day("2025-01-01"),
    )
    .unwrap();
    let html = posting.to_html();
    assert!(
        html.contains("&lt;b&gt;C# *Lead*&lt;/b&gt; &amp; co"),
        "{html}"
    );
    assert!(
        posting.to_markdown().contains("\\<b\\>C\\# \\*Lead\\*"),
        "{}",
        posting.to_markdown()
    );
}
