//! The release bundle, served from a sub-path, in real headless Chromium.

use gradeladder_e2e::Session;

/// Level titles and grades of the seed data set, in the order of `shared/seeds/README.md`.
const SEED_LEVELS: &[(&str, u8)] = &[
    ("Open-source Outreach Engineering Manager", 8),
    ("Senior Engineering Manager", 9),
    ("Engineering Manager, Engineering Productivity", 8),
    ("Senior Engineering Manager, Engineering Productivity", 9),
    ("Senior Manager, Technical Program Management", 9),
    ("Director, Technical Program Management", 10),
    ("Manager, IT", 8),
];

#[tokio::test(flavor = "multi_thread")]
async fn bundle_served_from_a_sub_path_shows_every_seed_level_with_its_grade() {
    let session = Session::start("/careers/grades/").await;
    session.open("").await;
    session.wait_for("[data-testid=level]").await;
    let titles = session.texts("[data-testid=level] .title").await;
    let badges = session.texts("[data-testid=level] .badge").await;
    let shown: Vec<(String, String)> = titles.into_iter().zip(badges).collect();
    for (title, grade) in SEED_LEVELS {
        let (_, badge) = shown
            .iter()
            .find(|(shown_title, _)| shown_title == title)
            .unwrap_or_else(|| panic!("no row for \"{title}\" in {shown:?}"));
        assert_eq!(badge, &format!("Grade {grade}"), "grade of \"{title}\"");
    }
    assert_eq!(shown.len(), SEED_LEVELS.len(), "rows: {shown:?}");
    session.screenshot("home-1280").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn loading_indicator_is_replaced_once_the_app_starts() {
    let session = Session::start("/").await;
    session.open("").await;
    session.wait_for("h1").await;
    let boot = session.texts(".gl-boot").await;
    assert!(
        boot.is_empty(),
        "the loading indicator is still shown: {boot:?}"
    );
    session.close().await;
}
