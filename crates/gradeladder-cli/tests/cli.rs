//! The `gradeladder` binary as a data maintainer uses it: exit codes, output shapes, diagnostics.

use std::path::PathBuf;
use std::process::{Command, Output};

fn gradeladder(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradeladder"))
        .args(args)
        .output()
        .expect("run gradeladder")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gradeladder-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("nested")).expect("create temp dir");
    dir
}

#[test]
fn roles_lists_the_seven_seed_levels_with_grades() {
    let output = gradeladder(&["roles", "--json"]);
    assert!(output.status.success());
    let roles: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let grades: Vec<u64> = roles
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["grade"].as_u64().expect("grade"))
        .collect();
    assert_eq!(grades.len(), 7);
    assert_eq!(grades.iter().sum::<u64>(), 8 + 9 + 8 + 9 + 9 + 10 + 8);
}

#[test]
fn export_has_the_documented_shape() {
    let output = gradeladder(&["export"]);
    assert!(output.status.success());
    let catalog: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(catalog["schema"], 2);
    let family = &catalog["families"][0];
    for key in ["source", "slug", "title", "levels", "ladder"] {
        assert!(!family[key].is_null(), "family.{key}");
    }
    assert!(family["levels"][0]["grade"].is_u64());
    assert!(family["ladder"]["edges"].is_array());
    assert!(catalog["diagnostics"].is_array());
}

#[test]
fn show_finds_a_role_by_abbreviation_and_prints_its_grade() {
    let output = gradeladder(&["show", "tpm director"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Director, Technical Program Management"),
        "{text}"
    );
    assert!(text.contains("Grade 10 (Distinguished / Director)"));
    assert!(
        text.contains("[all levels]"),
        "inherited requirements are marked"
    );
}

#[test]
fn unknown_role_is_a_usage_error_with_suggestions() {
    let output = gradeladder(&["show", "zzzz qqqq"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no role matches \"zzzz qqqq\"; try one of:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn ladder_prints_mermaid_and_dot() {
    let mermaid = stdout(&gradeladder(&[
        "ladder",
        "senior-engineering-manager",
        "--format",
        "mermaid",
    ]));
    assert!(mermaid.starts_with("graph LR"));
    assert_eq!(mermaid.matches("-->").count(), 4, "{mermaid}");
    let dot = stdout(&gradeladder(&[
        "ladder",
        "senior-engineering-manager",
        "--format",
        "dot",
    ]));
    assert!(dot.starts_with("digraph ladder {"));
}

#[test]
fn check_passes_on_the_seeds() {
    let output = gradeladder(&[
        "check",
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/job-families"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("checked 5 page(s), 7 level(s): 0 error(s)"));
}

#[test]
fn check_reports_file_line_and_caret_of_each_problem() {
    let dir = temp_dir("check");
    std::fs::write(
        dir.join("nested/broken.md"),
        "---\ntitle: Broken\n---\n## Levels\n### Lonely Level\nNo grade here.\n",
    )
    .expect("write");
    let output = gradeladder(&["check", "--data", dir.to_str().expect("utf-8 path")]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "an ungraded level is a warning"
    );
    let report = stderr(&output);
    assert!(report.contains("warning[GL001-missing-grade]"), "{report}");
    assert!(report.contains("nested/broken.md:5:1"), "{report}");
    assert!(
        report.contains("### Lonely Level"),
        "the source line is shown: {report}"
    );
    assert!(report.contains('^'), "a caret marks the place: {report}");
}

#[test]
fn data_dir_that_does_not_exist_is_a_usage_error() {
    let output = gradeladder(&["roles", "--data", "/no/such/dir"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--data /no/such/dir: not a directory"));
}

#[test]
fn pay_prints_the_example_banner_the_range_and_every_step() {
    let output = gradeladder(&["pay", "senior engineering manager", "--location", "London"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("EXAMPLE FIGURES, NOT REAL PAY DATA\n"),
        "{text}"
    );
    assert!(text.contains("range   72,200 – 108,300 GBP"), "{text}");
    assert!(
        text.contains("× 0.68   Location factor: London, United Kingdom"),
        "{text}"
    );
    assert!(text.contains("Rounded up to the nearest 100 GBP"), "{text}");
}

#[test]
fn pay_json_has_range_and_steps() {
    let output = gradeladder(&[
        "pay",
        "tpm director",
        "--location",
        "US/san-francisco",
        "--compa",
        "Expert",
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let answer: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(answer["kind"], "range");
    assert_eq!(answer["target"], "180000");
    assert_eq!(answer["compa"]["name"], "Expert");
    assert!(answer["steps"].as_array().is_some_and(|s| s.len() >= 5));
}

#[test]
fn pay_for_unknown_location_is_a_usage_error_with_suggestions() {
    let output = gradeladder(&["pay", "manager it", "--location", "Amsterdm"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "error: unknown location \"Amsterdm\"; try Amsterdam, Netherlands"
    );
}

#[test]
fn pay_file_errors_are_data_errors_with_file_line_and_caret() {
    let dir = temp_dir("pay");
    let path = dir.join("pay.toml");
    let text = gradeladder_core_example().replace("factor = 0.70", "factor = 0");
    std::fs::write(&path, text).expect("write");
    let output = gradeladder(&[
        "pay",
        "manager it",
        "--location",
        "US",
        "--pay",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains("location factor of United States must be greater than 0, found 0"),
        "{report}"
    );
    assert!(report.contains("pay.toml:"), "{report}");
    assert!(report.contains('^'), "{report}");
}

/// The example pay file shipped with the project.
fn gradeladder_core_example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/pay/example.toml"
    ))
    .expect("example pay file")
}

/// A page whose front matter is not YAML: an error (its title is lost).
const BROKEN_PAGE: &str =
    "---\ntitle: [unclosed\n---\n## Levels\n### Widget Lead\nThe Widget Lead is a grade 7.\n";

#[test]
fn check_exits_1_when_a_page_has_an_error() {
    let dir = temp_dir("check-error");
    std::fs::write(dir.join("broken.md"), BROKEN_PAGE).expect("write");
    let output = gradeladder(&["check", "--data", dir.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(report.contains("error[GL004-front-matter]"), "{report}");
    assert!(report.contains("broken.md:3:1"), "{report}");
}

#[test]
fn build_with_an_error_in_the_pages_reports_it_and_writes_nothing() {
    let dir = temp_dir("build-error");
    std::fs::write(dir.join("broken.md"), BROKEN_PAGE).expect("write");
    let out = dir.join("site");
    let output = gradeladder(&[
        "build",
        "--data",
        dir.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(report.contains("broken.md:3:1"), "{report}");
    assert!(report.contains("nothing was written"), "{report}");
    assert!(!out.exists(), "no half-written site");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn build_with_an_error_in_the_pay_file_shows_line_and_column_and_writes_nothing() {
    let dir = temp_dir("build-pay");
    let pay = dir.join("pay.toml");
    std::fs::write(
        &pay,
        gradeladder_core_example().replace("factor = 0.70", "factor = 0"),
    )
    .expect("write");
    let out = dir.join("site");
    let output = gradeladder(&[
        "build",
        "--pay",
        pay.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(report.contains("pay.toml:"), "{report}");
    assert!(report.contains('^'), "{report}");
    assert!(!out.exists());
}

#[test]
fn build_leaves_a_folder_that_is_not_a_site_alone() {
    let dir = temp_dir("build-out");
    let out = dir.join("nested");
    std::fs::write(out.join("notes.txt"), "mine").expect("write");
    let output = gradeladder(&["build", "--out", out.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2));
    let report = stderr(&output);
    assert!(report.contains("not a Gradeladder bundle"), "{report}");
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).expect("kept"),
        "mine"
    );
}

#[test]
fn check_reads_invalid_utf8_with_a_warning_and_leaves_out_oversized_and_other_files() {
    let dir = temp_dir("bad-files");
    std::fs::write(
        dir.join("latin1.md"),
        b"---\ntitle: Caf\xe9 Lead\n---\n## Levels\n### Widget Lead\nThe Widget Lead is a grade 7.\n",
    )
    .expect("write");
    std::fs::write(dir.join("notes.txt"), "not a page").expect("write");
    let big = vec![b'a'; 8 * 1024 * 1024 + 1];
    std::fs::write(dir.join("nested/export.md"), big).expect("write");
    let output = gradeladder(&["check", "--data", dir.to_str().expect("utf-8 path")]);
    let report = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("warning[GL015-not-utf8]"), "{report}");
    assert!(report.contains("latin1.md:2:11"), "{report}");
    assert!(report.contains("error[GL016-too-large]"), "{report}");
    assert!(report.contains("nested/export.md"), "{report}");
    assert!(
        report.contains("checked 1 page(s), 1 level(s): 1 error(s)"),
        "{report}"
    );
    assert!(
        report.contains("1 file(s) that are not markdown pages left out"),
        "{report}"
    );
}

#[test]
fn posting_prints_a_closed_range_per_location_and_the_checks_on_stderr() {
    let out = gradeladder(&[
        "posting",
        "it-management/manager-it",
        "--location",
        "US",
        "--location",
        "London",
        "--today",
        "2024-06-01",
        "--site",
        "https://jobs.example.com/careers",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("- United States: USD 78,400 – 117,600 a year"),
        "{text}"
    );
    assert!(
        text.contains("- London, United Kingdom: GBP 60,200 – 90,300 a year"),
        "{text}"
    );
    assert!(text.contains("https://jobs.example.com/careers/role/it-management/manager-it/"));
    assert!(text.contains("Pay data as of 2024-01-02"), "{text}");
    assert!(
        !text.contains("months old"),
        "current on 2024-06-01: {text}"
    );
    let checks = stderr(&out);
    assert!(checks.contains("help, not legal advice"), "{checks}");
    assert!(
        checks.contains("Colorado: no requirement unmet"),
        "{checks}"
    );
}

#[test]
fn posting_json_has_tiers_with_min_max_currency_and_interval() {
    let out = gradeladder(&[
        "posting",
        "senior-engineering-manager",
        "--location",
        "US,NL",
        "--format",
        "json",
        "--today",
        "2024-06-01",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let tiers = json["tiers"].as_array().expect("tiers");
    assert_eq!(tiers.len(), 2);
    assert_eq!(tiers[1]["currency"], "EUR");
    for tier in tiers {
        assert!(tier["min"].is_number() && tier["max"].is_number(), "{tier}");
        assert!(tier["min"].as_f64() < tier["max"].as_f64());
        assert_eq!(tier["interval"], "year");
    }
    let eu = &json["checks"][0];
    assert_eq!(eu["jurisdiction"], "eu");
    let criteria = eu["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"].as_str().unwrap().starts_with("The criteria"))
        .unwrap();
    assert_eq!(
        criteria["status"], "not_met",
        "no --site, no criteria links"
    );
}

#[test]
fn posting_and_pay_warn_when_the_data_is_older_than_the_threshold() {
    for args in [
        &[
            "posting",
            "manager-it",
            "--location",
            "US",
            "--today",
            "2026-12-01",
        ][..],
        &[
            "pay",
            "manager-it",
            "--location",
            "US",
            "--today",
            "2026-12-01",
        ][..],
    ] {
        let out = gradeladder(args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("The pay data is from 2024-01-02 (34 months old"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
    let out = gradeladder(&[
        "pay",
        "manager-it",
        "--location",
        "US",
        "--today",
        "2024-12-01",
    ]);
    assert!(!stdout(&out).contains("months old"), "{}", stdout(&out));
}

#[test]
fn posting_for_an_unknown_location_is_a_usage_error_with_suggestions() {
    let out = gradeladder(&["posting", "manager-it", "--location", "US,Amsterdm"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Amsterdam, Netherlands"),
        "{}",
        stderr(&out)
    );
    let out = gradeladder(&[
        "posting",
        "manager-it",
        "--location",
        "US",
        "--today",
        "2024-13-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));
}

#[test]
fn a_pay_file_without_dates_is_refused_with_line_and_column() {
    let dir = temp_dir("undated-pay");
    let undated: String = gradeladder_core_example()
        .lines()
        .filter(|l| !l.starts_with("as_of ="))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = dir.join("undated.toml");
    std::fs::write(&file, &undated).unwrap();
    let out = gradeladder(&[
        "posting",
        "manager-it",
        "--location",
        "US",
        "--pay",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("has no date"), "{err}");
    assert!(err.contains("undated.toml:"), "{err}");
}

#[test]
fn check_with_a_pay_file_reports_each_undated_figure_at_its_line() {
    let dir = temp_dir("check-pay");
    let undated: String = gradeladder_core_example()
        .lines()
        .filter(|l| !l.starts_with("as_of ="))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = dir.join("pay.toml");
    std::fs::write(&file, &undated).unwrap();
    let out = gradeladder(&["check", "--pay", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let benchmark_line = undated
        .lines()
        .position(|l| l.starts_with("[formula.benchmarks.individual]"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("pay.toml:{benchmark_line}:")),
        "the benchmark is named at its line {benchmark_line}: {err}"
    );
    assert!(err.contains("benchmark individual has no date"), "{err}");
    let good = dir.join("good.toml");
    std::fs::write(&good, gradeladder_core_example()).unwrap();
    let out = gradeladder(&["check", "--pay", good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("no problem"), "{}", stderr(&out));
}

#[test]
fn check_reads_a_page_of_twenty_thousand_levels() {
    let dir = temp_dir("twenty-thousand");
    let mut text = String::from("---\ntitle: Widgets\n---\n## Levels\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "### Widget Level {i}\nThe Widget Level {i} is a grade {}.\n\n",
            5 + i % 8
        ));
        if i > 0 {
            text.push_str(&format!(
                "#### Responsibilities\n- Extends the Widget Level {} responsibilities, plus:\n",
                i - 1
            ));
        }
        text.push_str(&format!("- Build widget {i}\n\n"));
    }
    std::fs::write(dir.join("widgets.md"), text).unwrap();
    let out = gradeladder(&["check", "--data", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("checked 1 page(s), 20000 level(s): 0 error(s)"),
        "{}",
        stderr(&out)
    );
    let out = gradeladder(&[
        "show",
        "widget-level-19999",
        "--data",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Build widget 1 [from Widget Level 1]"),
        "every level below is spelled out"
    );
}
