//! The public corpus of real, irregular job-family pages (`shared/corpus/job-families/`, beside the
//! repository; `GRADELADDER_CORPUS` overrides the path): no panic, at least one level per page, and
//! the levels and grades a careful reader finds, written down by reading each page.

use std::path::PathBuf;

use gradeladder_core::parse::{parse_catalog, parse_page, ParseOptions, SourcePage};

fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("GRADELADDER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/job-families")
        });
    assert!(
        dir.is_dir(),
        "corpus not found at {}: check out `shared/` beside the repository or set GRADELADDER_CORPUS",
        dir.display()
    );
    dir
}

fn corpus_pages() -> Vec<SourcePage> {
    let mut pages: Vec<SourcePage> = std::fs::read_dir(corpus_dir())
        .expect("read corpus dir")
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .map(|path| SourcePage {
            path: path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned(),
            text: String::from_utf8_lossy(&std::fs::read(&path).expect("read page")).into_owned(),
        })
        .collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages
}

/// A page's file name and its (level title, grade) pairs in page order.
type PageLevels = (&'static str, &'static [(&'static str, Option<u8>)]);

/// Levels and grades per page, in page order, as read by hand.
const EXPECTED: &[PageLevels] = &[
    (
        "alliances-technology-partner-manager-index.md",
        &[("Technology Partner Manager", None)],
    ),
    (
        "engineering-cloud-native-engineer.md",
        &[("Cloud Native Engineer", None)],
    ),
    (
        "engineering-distinguished-engineer-secure.md",
        &[("Distinguished Engineer - Secure", None)],
    ),
    (
        "engineering-engineering-manager.md",
        &[("Engineering Manager", Some(8))],
    ),
    ("engineering-fellow.md", &[("Engineering Fellow", Some(12))]),
    (
        "engineering-frontend-engineer.md",
        &[
            ("Intern Frontend Engineer", None),
            ("Associate Frontend Engineer", None),
            ("Intermediate Frontend Engineer", None),
            ("Senior Frontend Engineer", None),
            ("Staff Frontend Engineer", None),
        ],
    ),
    (
        "engineering-fullstack-associate-erb.md",
        &[("Associate Fullstack Engineer", Some(5))],
    ),
    (
        "engineering-general-manager-meltano.md",
        &[("General Manager of Meltano", Some(10))],
    ),
    (
        "marketing-chief-of-staff-cmso.md",
        &[(
            "Chief of Staff to the Chief Marketing & Strategy Officer",
            Some(10),
        )],
    ),
    (
        "marketing-demand-generation-specialist.md",
        &[("Demand Generation Specialist", None)],
    ),
    (
        "people-people-leadership.md",
        &[
            ("Senior Director, People Strategy & Engagement", Some(11)),
            ("VP, People", Some(12)),
        ],
    ),
    (
        "product-ux-engineer.md",
        &[("UX Engineer", Some(6)), ("Senior UX Engineer", Some(7))],
    ),
    (
        "sales-country-manager-for-italy.md",
        &[("Country Sales Manager for Italy", Some(9))],
    ),
    (
        "sales-federal-advisory-board-member.md",
        &[("Federal Advisory Board Member", None)],
    ),
    (
        "sales-regional-sales-director.md",
        &[("Director, Regional Sales", Some(10))],
    ),
    (
        "sales-smb-account-executive.md",
        &[
            ("SMB Advocate", Some(6)),
            ("SMB Advocate Team Lead", Some(6)),
            ("New Logo Account Executive", Some(6)),
            ("New Logo Sales Manager", Some(8)),
        ],
    ),
    (
        "security-security-analyst.md",
        &[
            ("Analyst", Some(6)),
            ("Senior Analyst", Some(7)),
            ("Staff Analyst", Some(8)),
        ],
    ),
    (
        "security-threat-intelligence-engineer.md",
        &[
            ("Threat Intelligence Engineer", Some(6)),
            ("Senior Threat Intelligence Engineer", Some(7)),
            ("Staff Threat Intelligence Engineer", Some(8)),
        ],
    ),
];

#[test]
fn every_corpus_page_parses_to_at_least_one_level() {
    let options = ParseOptions::default();
    for page in corpus_pages() {
        let (family, _) = parse_page(&page, &options);
        assert!(!family.levels.is_empty(), "{} yields no level", page.path);
    }
}

#[test]
fn corpus_levels_and_grades_match_a_careful_reading() {
    let pages = corpus_pages();
    assert_eq!(
        pages.len(),
        EXPECTED.len(),
        "the corpus and the expectations list the same pages"
    );
    let options = ParseOptions::default();
    let (mut graded, mut total) = (0, 0);
    for (page, (path, expected)) in pages.iter().zip(EXPECTED) {
        assert_eq!(&page.path, path);
        let (family, _) = parse_page(page, &options);
        let found: Vec<(&str, Option<u8>)> = family
            .levels
            .iter()
            .map(|l| (l.title.as_str(), l.grade))
            .collect();
        assert_eq!(found, *expected, "levels of {path}");
        total += found.len();
        graded += found.iter().filter(|(_, g)| g.is_some()).count();
    }
    println!("corpus: {graded} of {total} levels have a grade on the page");
}

#[test]
fn every_ungraded_corpus_level_has_a_missing_grade_diagnostic() {
    let catalog = parse_catalog(&corpus_pages(), &ParseOptions::default());
    for family in &catalog.families {
        let ungraded = family.levels.iter().filter(|l| l.grade.is_none()).count();
        let reported = catalog
            .diagnostics
            .iter()
            .filter(|d| {
                d.file == family.source
                    && (d.code.starts_with("GL001") || d.code.starts_with("GL002"))
            })
            .count();
        assert_eq!(reported, ungraded, "{}", family.source);
    }
}

#[test]
fn no_corpus_text_shows_raw_shortcodes_or_html() {
    let catalog = parse_catalog(&corpus_pages(), &ParseOptions::default());
    let json = catalog.to_json();
    for raw in [
        "{{<",
        "{{%",
        "<a id",
        "<details",
        "<iframe",
        "<script",
        "javascript:",
    ] {
        assert!(!json.contains(raw), "catalog JSON contains {raw}");
    }
}
