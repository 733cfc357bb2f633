//! The public corpus of real, irregular job-family pages (`shared/corpus/job-families/` and
//! `job-families-2/`, beside the repository; `GRADELADDER_CORPUS` overrides the first folder): no
//! panic, at least one level per page, and the levels and grades a careful reader finds, written
//! down by reading each page.

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

/// The second public folder, `job-families-2/`, beside the first.
fn corpus_2_dir() -> PathBuf {
    corpus_dir().with_file_name("job-families-2")
}

fn corpus_pages() -> Vec<SourcePage> {
    pages_in(&corpus_dir())
}

fn pages_in(dir: &std::path::Path) -> Vec<SourcePage> {
    let mut pages: Vec<SourcePage> = std::fs::read_dir(dir)
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

/// Levels and grades of the pages in `job-families-2/`, read by hand (the judgment calls are
/// noted in `docs/dev/corpus-2-reading.md`).
const EXPECTED_2: &[PageLevels] = &[
    (
        "alliances-alliances-manager.md",
        &[
            ("Associate Technology Partner Manager", Some(5)),
            ("Technology Partner Manager (Intermediate)", Some(6)),
            ("Senior Technology Partner Manager", Some(7)),
            ("Manager, Technology Partner Managers", Some(8)),
            ("Senior Manager, Technology Partner Managers", Some(9)),
        ],
    ),
    (
        "chief-executive-officer-strategy-and-operations.md",
        &[
            ("Senior Strategy and Operations Manager", Some(7)),
            ("Staff Strategy and Operations", Some(8)),
            ("Principal Strategy and Operations", Some(9)),
            ("Director of Strategy and Operations", Some(10)),
            ("Senior Director of Strategy and Operations", Some(11)),
        ],
    ),
    (
        "chief-information-security-officer-chief-information-security-officer.md",
        &[("Chief Information Security Officer", None)],
    ),
    (
        "engineering-fullstack-index.md",
        &[
            ("Fullstack Engineer", Some(6)),
            ("Senior Fullstack Engineer", Some(7)),
            ("Staff Fullstack Engineer", Some(8)),
        ],
    ),
    (
        "engineering-management-index.md",
        &[
            ("Senior Engineering Manager, Development", Some(9)),
            ("Director, Development", Some(10)),
            ("Distinguished Engineer", Some(10)),
            ("Senior Director, Development", Some(11)),
            ("Engineering Fellow", Some(12)),
            ("VP of Development", Some(12)),
            ("Executive VP of Engineering", Some(12)),
        ],
    ),
    (
        "engineering-support-operations-management.md",
        &[("Support Operations Specialist", Some(8))],
    ),
    (
        "engineering-technical-program-management-index.md",
        &[
            ("Technical Program Manager", Some(6)),
            ("Senior Technical Program Manager", Some(7)),
            ("Staff Technical Program Manager", Some(8)),
            ("Principle Technical Program Manager", Some(9)),
            ("Manager, Technical Program Management", Some(8)),
            ("Senior Manager, Technical Program Management", Some(9)),
            ("Director, Technical Program Management", Some(10)),
        ],
    ),
    (
        "finance-accounting-operations.md",
        &[
            ("Director, Accounting Operations", Some(10)),
            ("VP, Accounting Operations", Some(12)),
        ],
    ),
    (
        "finance-internal-audit-index.md",
        &[
            ("Internal Auditor", Some(6)),
            ("Sr Internal Auditor", Some(7)),
            ("Sr Compliance Analyst", Some(7)),
            ("Internal Audit Manager", Some(8)),
            ("IT Staff Auditor", Some(8)),
            ("Sr Manager, Internal Audit", Some(9)),
            ("Sr Audit Manager, IT and Security", Some(9)),
            ("Audit Principal, IT and Security", Some(9)),
            ("Director, Internal Audit", Some(10)),
            ("Director, IT Audit", Some(10)),
            ("VP, Internal Audit", Some(12)),
        ],
    ),
    (
        "finance-investor-relations.md",
        &[
            ("Investor Relations Analyst", Some(6)),
            ("Senior Investor Relations Analyst", Some(7)),
            ("Investor Relations Manager", Some(8)),
            ("Vice President, Investor Relations", Some(12)),
        ],
    ),
    (
        "finance-it-entapps-admin-index.md",
        &[
            (
                "Associate IT Enterprise Applications Administrator",
                Some(5),
            ),
            ("IT Enterprise Applications Administrator", Some(6)),
            ("Senior IT Enterprise Applications Administrator", Some(7)),
            ("Staff IT Enterprise Applications Administrator", Some(8)),
        ],
    ),
    (
        "legal-and-corporate-affairs-legal-counsel.md",
        &[
            ("Associate Legal Counsel", Some(5)),
            ("Legal Counsel", Some(6)),
            ("Senior Legal Counsel", Some(7)),
            ("Senior Legal Counsel, Litigation", Some(7)),
            ("Lead Legal Counsel", Some(8)),
            ("Managing Legal Counsel", Some(8)),
            ("Principal Legal Counsel", Some(9)),
            ("Senior Managing Legal Counsel", Some(9)),
        ],
    ),
    (
        "legal-and-corporate-affairs-public-policy.md",
        &[("Senior Director of Public Policy", Some(11))],
    ),
    (
        "marketing-brand-leadership.md",
        &[
            ("Senior Manager, Video", Some(9)),
            ("Director, Brand", Some(10)),
            ("Sr. Director, Brand", Some(11)),
        ],
    ),
    (
        "marketing-contributor-success-management.md",
        &[
            ("Manager, Contributor Success", Some(8)),
            ("Senior Manager, Contributor Success", Some(9)),
            ("Director, Contributor Success", Some(10)),
        ],
    ),
    (
        "people-group-people-strategy.md",
        &[("Principal Program Manager, People Strategy", Some(9))],
    ),
    (
        "people-group-talent-acquisition-leadership.md",
        &[
            ("Associate Recruiting Manager", Some(7)),
            ("Manager", Some(8)),
            ("Senior Manager", Some(9)),
            ("Director", Some(10)),
            ("Senior Director, Talent Acquisition", Some(11)),
            ("VP, Talent Acquisition", Some(12)),
        ],
    ),
    (
        "product-pricing.md",
        &[
            ("Pricing Analyst", Some(6)),
            ("Senior Pricing Analyst", Some(7)),
            ("Senior Pricing Manager", Some(8)),
            ("Principal Pricing Manager", Some(9)),
            ("Director of Pricing", Some(10)),
        ],
    ),
    (
        "product-technical-program-manager-index.md",
        &[
            ("Technical Program Manager", Some(6)),
            ("Senior Technical Program Manager", Some(7)),
            ("Staff Technical Program Manager", Some(8)),
        ],
    ),
    (
        "sales-comm-area-vp-index.md",
        &[("Area Vice President, Commercial Sales", None)],
    ),
    (
        "sales-partner-technical-enablement-specialist.md",
        &[
            (
                "Intermediate Partner Technical Enablement Specialist",
                Some(6),
            ),
            ("Senior Partner Technical Enablement Specialist", Some(7)),
        ],
    ),
    (
        "sales-professional-services-program-manager-index.md",
        &[
            ("Professional Services Program Manager", Some(6)),
            ("Senior Professional Services Program Manager", Some(7)),
            ("Manager, Professional Services Program Delivery", Some(9)),
        ],
    ),
    (
        "security-field-ciso.md",
        &[("Field CISO (Senior Director)", Some(11))],
    ),
    (
        "security-trust-and-safety.md",
        &[
            ("Security Analyst, Trust and Safety (Intermediate)", Some(6)),
            ("Senior Security Analyst, Trust and Safety", Some(7)),
            ("Staff Security Analyst, Trust and Safety", Some(8)),
            (
                "Security Engineer, Trust and Safety (Intermediate)",
                Some(6),
            ),
            ("Senior Security Engineer, Trust and Safety", Some(7)),
            ("Staff Security Engineer, Trust and Safety", Some(8)),
            ("Manager, Trust and Safety", Some(8)),
            ("Senior Manager, Trust and Safety", Some(9)),
        ],
    ),
];

/// Both public folders with their hand-read expectations.
fn both_folders() -> [(Vec<SourcePage>, &'static [PageLevels]); 2] {
    [
        (corpus_pages(), EXPECTED),
        (pages_in(&corpus_2_dir()), EXPECTED_2),
    ]
}

#[test]
fn every_corpus_page_parses_to_at_least_one_level() {
    let options = ParseOptions::default();
    for (pages, _) in both_folders() {
        for page in pages {
            let (family, _) = parse_page(&page, &options);
            assert!(!family.levels.is_empty(), "{} yields no level", page.path);
        }
    }
}

#[test]
fn corpus_levels_and_grades_match_a_careful_reading() {
    let options = ParseOptions::default();
    for (pages, expectations) in both_folders() {
        assert_eq!(
            pages.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
            expectations
                .iter()
                .map(|(path, _)| *path)
                .collect::<Vec<_>>(),
            "the folder and the expectations list the same pages"
        );
        let (mut graded, mut total) = (0, 0);
        for (page, (path, expected)) in pages.iter().zip(expectations) {
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
}

#[test]
fn every_ungraded_corpus_level_has_a_missing_grade_diagnostic() {
    for (pages, _) in both_folders() {
        let catalog = parse_catalog(&pages, &ParseOptions::default());
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
}

#[test]
fn every_inheritance_phrase_in_both_corpus_folders_resolves() {
    for pages in [corpus_pages(), pages_in(&corpus_2_dir())] {
        let catalog = parse_catalog(&pages, &ParseOptions::default());
        let unresolved: Vec<String> = catalog
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("GL006"))
            .map(|d| format!("{}:{}: {}", d.file, d.line, d.message))
            .collect();
        assert!(unresolved.is_empty(), "{unresolved:#?}");
    }
}

#[test]
fn no_corpus_text_shows_raw_shortcodes_or_html() {
    let mut pages = corpus_pages();
    pages.extend(pages_in(&corpus_2_dir()));
    let catalog = parse_catalog(&pages, &ParseOptions::default());
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
