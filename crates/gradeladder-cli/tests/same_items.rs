//! `gradeladder show` lists exactly what the core's `expected_lists` gives for a level, for every
//! level of the seed pages and of both public corpus folders. The app's role page and the
//! widget's full view render the same function (their component tests check the seeds).

use std::path::{Path, PathBuf};
use std::process::Command;

use gradeladder_core::expectations::expected_lists;
use gradeladder_core::parse::{parse_catalog, ParseOptions, SourcePage};
use gradeladder_core::{seeds, Catalog, LevelId, Origin};

fn corpus(folder: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(folder)
}

fn pages_under(dir: &Path) -> Vec<SourcePage> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read corpus folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            let bytes = std::fs::read(&path).expect("read page");
            pages.push(SourcePage {
                path: path
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
            });
        }
    }
    pages
}

/// The list lines `show` prints: `Heading` then `  - text [note]` per top-level item.
fn expected_show_lines(catalog: &Catalog, id: &LevelId) -> Vec<String> {
    let found = catalog.get(id).expect("level of the catalog");
    let mut lines = Vec::new();
    for list in expected_lists(found.family, found.level) {
        lines.push(list.kind.label().to_owned());
        for (origin, item) in list.items() {
            let note = match origin {
                Origin::Own => String::new(),
                Origin::Family => " [all levels]".to_owned(),
                Origin::Level { title, .. } => format!(" [from {title}]"),
            };
            lines.push(format!("  - {}{note}", item.text.plain()));
        }
    }
    lines
}

fn shown_lines(data: Option<&Path>, id: &LevelId) -> Vec<String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gradeladder"));
    command.args(["show", &id.to_string()]);
    if let Some(dir) = data {
        command.arg("--data").arg(dir);
    }
    let output = command.output().expect("run gradeladder");
    assert!(
        output.status.success(),
        "show {id}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let labels = ["Responsibilities", "Requirements", "Nice-to-haves"];
    text.lines()
        .filter(|line| labels.contains(line) || line.starts_with("  - "))
        .map(str::to_owned)
        .collect()
}

fn assert_show_matches_core(data: Option<&Path>, catalog: &Catalog) {
    assert!(catalog.levels().count() > 0);
    for found in catalog.level_refs() {
        let id = found.id();
        assert_eq!(
            shown_lines(data, &id),
            expected_show_lines(catalog, &id),
            "items of {id}"
        );
    }
}

#[test]
fn show_lists_the_core_expected_items_for_every_seed_level() {
    assert_show_matches_core(None, &seeds::catalog());
}

#[test]
fn show_lists_the_core_expected_items_for_every_corpus_level() {
    for folder in ["job-families", "job-families-2"] {
        let dir = corpus(folder);
        let catalog = parse_catalog(&pages_under(&dir), &ParseOptions::default());
        assert_show_matches_core(Some(&dir), &catalog);
    }
}
