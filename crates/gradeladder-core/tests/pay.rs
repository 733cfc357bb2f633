//! Pay model: hand-computed cases for both models (the arithmetic is written out), properties
//! of every range, and each data error with its message and position.

use gradeladder_core::pay::model::{Method, Track};
use gradeladder_core::pay::{self, file, PayAnswer, PayError, PayModel, PayQuery, PayRange};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().expect("decimal literal")
}

fn range(model: &PayModel, query: PayQuery) -> PayRange {
    match model.estimate(&query).expect("answer") {
        PayAnswer::Range(range) => *range,
        PayAnswer::NoPayData { reason } => panic!("no pay data: {reason}"),
    }
}

fn query<'a>(title: &'a str, grade: u8, location: &'a str) -> PayQuery<'a> {
    PayQuery {
        title,
        grade: Some(grade),
        location,
        ..PayQuery::default()
    }
}

#[test]
fn formula_senior_manager_in_london_in_pounds() {
    // 140,000 × 1.2 (Senior Manager) × 0.68 (London) × 1.0 (employee) × 0.79 (USD→GBP) = 90,249.6
    // min = 90,249.6 × 0.8 = 72,199.68 → 72,200; max = 90,249.6 × 1.2 = 108,299.52 → 108,300;
    // target rounds up to 90,300.
    let r = range(
        &pay::example(),
        query("Senior Engineering Manager", 9, "London"),
    );
    assert_eq!(r.currency, "GBP");
    assert_eq!(
        (r.min, r.target, r.max),
        (d("72200"), d("90300"), d("108300"))
    );
    assert_eq!(r.steps[4].value, d("90249.6"));
    assert!(r.example);
}

#[test]
fn formula_director_splits_base_and_variable_and_shows_compa_group() {
    // 180,000 × 1.0 × 1.0 (San Francisco) = 180,000; variable 15 % = 27,000; base 153,000.
    // Thriving: 180,000 × 1.0 = 180,000 and 180,000 × 1.074 = 193,320 → 193,400.
    let r = range(
        &pay::example(),
        PayQuery {
            compa: Some("thriving"),
            ..query(
                "Director, Technical Program Management",
                10,
                "San Francisco",
            )
        },
    );
    assert_eq!(r.target, d("180000"));
    assert_eq!((r.base, r.variable), (Some(d("153000")), Some(d("27000"))));
    let compa = r.compa.expect("compa");
    assert_eq!(
        (compa.name.as_str(), compa.min, compa.max),
        ("Thriving", d("180000"), d("193400"))
    );
}

#[test]
fn formula_senior_individual_contractor_in_toronto_in_dollars_canadian() {
    // 100,000 × 1.2 × 0.66 × 1.17 × 1.33 = 123,243.12 → 123,300
    // min 123,243.12 × 0.8 = 98,594.496 → 98,600; max × 1.2 = 147,891.744 → 147,900
    let r = range(
        &pay::example(),
        PayQuery {
            contract: Some("contractor"),
            ..query("Senior Backend Engineer", 7, "Toronto")
        },
    );
    assert_eq!(r.currency, "CAD");
    assert_eq!(
        (r.min, r.target, r.max),
        (d("98600"), d("123300"), d("147900"))
    );
}

#[test]
fn currency_override_converts_from_the_benchmark_currency() {
    // 140,000 × 1.0 (Manager) × 0.70 (US elsewhere) × 1.0 × 0.91 (USD→EUR) = 89,180 → 89,200
    let r = range(
        &pay::example(),
        PayQuery {
            currency: Some("eur"),
            ..query("Manager, IT", 8, "US")
        },
    );
    assert_eq!((r.currency.as_str(), r.target), ("EUR", d("89200")));
}

const BANDS: &str = r#"
[meta]
name = "Bands test"
currency = "USD"
model = "bands"

[bands]
rounding = { step = 100, direction = "nearest" }
[[bands.ranges]]
grade = 8
zone = "A"
currency = "USD"
min = 100000
mid = 120000
max = 140000
as_of = 2025-03-01
source = "Test survey"

[exchange]
date = "2025-01-01"
rates = { EUR = 0.9 }

[[locations]]
country = "United States"
code = "US"
currency = "USD"
zone = "A"
as_of = "2025-02-01"
"#;

#[test]
fn bands_give_the_range_as_written_or_converted() {
    let model = file::read("bands.toml", BANDS).expect("valid");
    assert!(matches!(model.method, Method::Bands(_)));
    let r = range(&model, query("Staff Engineer", 8, "US"));
    assert_eq!(
        (r.min, r.target, r.max),
        (d("100000"), d("120000"), d("140000"))
    );
    // 100,000 × 0.9 = 90,000; 120,000 × 0.9 = 108,000; 140,000 × 0.9 = 126,000
    let r = range(
        &model,
        PayQuery {
            currency: Some("EUR"),
            ..query("Staff Engineer", 8, "US")
        },
    );
    assert_eq!(
        (r.min, r.target, r.max),
        (d("90000"), d("108000"), d("126000"))
    );
    assert!(!r.example);
    let answer = model
        .estimate(&query("Staff Engineer", 9, "US"))
        .expect("answer");
    assert!(matches!(answer, PayAnswer::NoPayData { ref reason } if reason.contains("grade 9")));
}

#[test]
fn role_without_grade_or_rule_gets_no_pay_data_never_a_number() {
    let model = pay::example();
    let ungraded = model.estimate(&PayQuery {
        title: "X",
        grade: None,
        location: "US",
        ..PayQuery::default()
    });
    assert!(matches!(ungraded, Ok(PayAnswer::NoPayData { .. })));
    let fellow = model.estimate(&query("Engineering Fellow", 12, "US"));
    assert!(
        matches!(fellow, Ok(PayAnswer::NoPayData { ref reason }) if reason.contains("no pay data for grade 12"))
    );
}

#[test]
fn unknown_location_suggests_the_nearest_names() {
    let error = pay::example()
        .estimate(&query("Manager", 8, "Londn"))
        .expect_err("unknown");
    assert_eq!(
        error,
        PayError::UnknownLocation {
            query: "Londn".to_owned(),
            suggestions: vec!["London, United Kingdom".to_owned()]
        }
    );
    assert_eq!(
        error.to_string(),
        "unknown location \"Londn\"; try London, United Kingdom"
    );
}

#[test]
fn an_unknown_location_suggests_at_most_three_names_nearest_first_then_by_name() {
    let model = pay::example();
    let Err(PayError::UnknownLocation { suggestions, .. }) =
        model.estimate(&query("Manager", 8, "S"))
    else {
        panic!("\"S\" is no location");
    };
    // Every label whose name starts with "s" is at distance 0: the first three by name.
    let mut starting: Vec<String> = model
        .location_choices()
        .into_iter()
        .map(|choice| choice.label)
        .filter(|label| label.to_ascii_lowercase().starts_with('s'))
        .collect();
    starting.sort();
    starting.truncate(3);
    assert!(!starting.is_empty());
    assert_eq!(suggestions, starting);
}

#[test]
fn currency_without_rate_and_unknown_compa_group_are_errors() {
    let model = pay::example();
    let error = model
        .estimate(&PayQuery {
            currency: Some("JPY"),
            ..query("Manager", 8, "US")
        })
        .expect_err("no rate");
    assert_eq!(
        error.to_string(),
        "no exchange rate for JPY in the pay data"
    );
    let error = model
        .estimate(&PayQuery {
            compa: Some("Wizard"),
            ..query("Manager", 8, "US")
        })
        .expect_err("no group");
    assert!(error
        .to_string()
        .starts_with("unknown compa group \"Wizard\"; known groups: Learning, Growing"));
}

/// Reads `text`, expecting exactly one error; returns (line, column, message).
fn single_error(text: &str) -> (u32, u32, String) {
    let errors = file::read("pay.toml", text).expect_err("invalid");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(
        (e.file.as_str(), e.code.as_str()),
        ("pay.toml", "GL100-pay-data")
    );
    (e.line, e.column, e.message.clone())
}

#[test]
fn zero_and_negative_factors_are_located() {
    let text = pay::EXAMPLE_TOML.replace(
        "factor = 1.2\nlabel = \"Senior\"",
        "factor = 0\nlabel = \"Senior\"",
    );
    let (line, column, message) = single_error(&text);
    let expected_line = text.lines().position(|l| l == "factor = 0").expect("line") as u32 + 1;
    assert_eq!((line, column), (expected_line, 10));
    assert_eq!(
        message,
        "level factor of Senior must be greater than 0, found 0"
    );

    let text = pay::EXAMPLE_TOML.replace(
        "{ name = \"London\", factor = 0.68 }",
        "{ name = \"London\", factor = -0.68 }",
    );
    let (line, _, message) = single_error(&text);
    assert!(text
        .lines()
        .nth(line as usize - 1)
        .expect("line")
        .contains("London"));
    assert_eq!(
        message,
        "location factor of London must be greater than 0, found -0.68"
    );
}

#[test]
fn band_with_min_above_max_is_located() {
    let text = BANDS.replace("min = 100000", "min = 150000");
    let (line, column, message) = single_error(&text);
    assert_eq!((line, column), (13, 7));
    assert_eq!(
        message,
        "band for grade 8 zone A: min 150000 is above max 140000"
    );
}

#[test]
fn missing_exchange_rate_is_located_at_the_currency() {
    let text = pay::EXAMPLE_TOML.replace("INR = 83.2", "JPY = 150");
    let (line, column, message) = single_error(&text);
    assert_eq!(
        text.lines().nth(line as usize - 1),
        Some("currency = \"INR\"")
    );
    assert_eq!(column, 12);
    assert_eq!(
        message,
        "missing exchange rate: India is paid in INR, but [exchange] rates has no INR"
    );
}

#[test]
fn level_naming_no_benchmark_is_located() {
    let text = pay::EXAMPLE_TOML.replace("benchmark = \"director\"", "benchmark = \"directr\"");
    let (line, _, message) = single_error(&text);
    assert_eq!(
        text.lines().nth(line as usize - 1),
        Some("benchmark = \"directr\"")
    );
    assert!(
        message.starts_with("no benchmark \"directr\" for grade 10 (Director); known benchmarks:"),
        "{message}"
    );
}

#[test]
fn toml_syntax_errors_are_located() {
    let (line, _, message) = single_error("[meta]\nname = \"x\"\ncurrency = \n");
    assert_eq!(line, 3);
    assert!(
        message.starts_with("not a valid pay data file:"),
        "{message}"
    );
}

#[test]
fn track_follows_the_title() {
    assert_eq!(
        Track::of_title("Senior Manager, Technical Program Management"),
        Track::Management
    );
    assert_eq!(
        Track::of_title("Staff Frontend Engineer"),
        Track::Individual
    );
    assert_eq!(Track::of_title("VP, People"), Track::Management);
}

fn every_location(model: &PayModel) -> Vec<String> {
    model.location_choices().into_iter().map(|c| c.id).collect()
}

proptest! {
    #[test]
    fn ranges_are_ordered_and_rounded_exactly_once(
        grade in 5u8..=11,
        location in 0usize..13,
        compa in prop::option::of(prop::sample::select(vec!["Learning", "Growing", "Thriving", "Expert"])),
        manager in any::<bool>(),
    ) {
        let model = pay::example();
        let locations = every_location(&model);
        let location = &locations[location % locations.len()];
        let title = if manager { "Engineering Manager" } else { "Backend Engineer" };
        let answer = model.estimate(&PayQuery { title, grade: Some(grade), location, compa, ..PayQuery::default() }).expect("answer");
        let PayAnswer::Range(r) = answer else { return Ok(()) };
        prop_assert!(r.min <= r.target && r.target <= r.max);
        let step = Decimal::ONE_HUNDRED;
        let exact = r.steps.iter().rev().find(|s| s.label.starts_with("Range minimum")).map(|s| s.value / (Decimal::ONE - d("0.2"))).expect("exact target");
        prop_assert_eq!(r.target % step, Decimal::ZERO);
        prop_assert!(r.target >= exact && r.target - exact < step, "rounded once, up: {} from {}", r.target, exact);
        if let Some(c) = r.compa {
            prop_assert!(c.min <= c.max);
        }
    }

    #[test]
    fn a_higher_level_factor_never_lowers_the_range(extra in 0u32..200, location in 0usize..13) {
        let base = pay::example();
        let mut raised = base.clone();
        let Method::Formula(formula) = &mut raised.method else { unreachable!("example is a formula") };
        let rule = formula.levels.iter_mut().find(|r| r.grade == 9).expect("grade 9 rule");
        rule.factor += Decimal::new(i64::from(extra), 2);
        let locations = every_location(&base);
        let location = &locations[location % locations.len()];
        let q = query("Senior Manager", 9, location);
        let (a, b) = (range(&base, q.clone()), range(&raised, q));
        prop_assert!(b.min >= a.min && b.target >= a.target && b.max >= a.max);
    }
}

#[test]
fn every_figure_of_a_range_carries_its_date_and_the_range_the_oldest() {
    let model = pay::example();
    let r = range(
        &model,
        PayQuery {
            currency: Some("EUR"),
            ..query("Director of Engineering", 10, "London")
        },
    );
    let dated: Vec<String> = r
        .steps
        .iter()
        .filter_map(|s| s.provenance.as_ref().map(|p| p.as_of.to_string()))
        .collect();
    assert!(
        dated.len() >= 5,
        "benchmark, level, location, exchange, spread: {dated:?}"
    );
    assert_eq!(r.as_of.to_string(), "2024-01-02");
    let bands = file::read("bands.toml", BANDS).expect("valid");
    let converted = range(
        &bands,
        PayQuery {
            currency: Some("EUR"),
            ..query("Staff Engineer", 8, "US")
        },
    );
    assert_eq!(converted.as_of.to_string(), "2025-01-01");
    assert_eq!(
        converted.steps[0]
            .provenance
            .as_ref()
            .map(|p| p.source.as_str()),
        Some("Test survey")
    );
    assert_eq!(
        range(&bands, query("Staff Engineer", 8, "US"))
            .as_of
            .to_string(),
        "2025-03-01"
    );
}

#[test]
fn a_pay_file_without_dates_is_refused_at_each_undated_figure() {
    let undated = BANDS
        .replace("as_of = 2025-03-01\n", "")
        .replace("as_of = \"2025-02-01\"\n", "")
        .replace("date = \"2025-01-01\"\n", "");
    let errors = file::read("bands.toml", &undated).expect_err("undated");
    let mut lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
    lines.sort();
    let lines_with = |needle: &str| -> Vec<u32> {
        (1..)
            .zip(undated.lines())
            .filter(|(_, l)| l.contains(needle))
            .map(|(n, _)| n)
            .collect()
    };
    let currencies = lines_with("currency = \"USD\"");
    let mut expected = vec![currencies[1], currencies[2], lines_with("rates = ")[0]];
    expected.sort();
    assert_eq!(
        lines, expected,
        "the band, the country and the rates: {errors:?}"
    );
    let dated_once = undated.replace("model = \"bands\"", "model = \"bands\"\nas_of = 2025-05-05");
    let model = file::read("bands.toml", &dated_once).expect("one date in [meta] dates all");
    assert_eq!(
        range(&model, query("Staff Engineer", 8, "US"))
            .as_of
            .to_string(),
        "2025-05-05"
    );
}

#[test]
fn a_date_that_is_no_day_is_located() {
    let (line, column, message) = single_error(&BANDS.replace("2025-03-01", "\"2025-02-30\""));
    assert_eq!((line, column), (16, 9));
    assert!(message.contains("YYYY-MM-DD"), "{message}");
}

#[test]
fn old_data_is_stale_by_the_files_threshold() {
    let model = pay::example();
    assert_eq!(model.meta.stale_after_months, 12);
    let r = range(&model, query("Senior Backend Engineer", 7, "US"));
    let today = pay::Date::parse("2026-12-01").unwrap();
    let stale = model
        .staleness(&r, today)
        .expect("2024 data is stale in 2026");
    assert_eq!(stale.months_old, 34);
    assert_eq!(
        model.staleness(&r, pay::Date::parse("2024-06-01").unwrap()),
        None
    );
    let (line, _, message) = single_error(&BANDS.replace(
        "model = \"bands\"",
        "model = \"bands\"\nstale_after_months = 0",
    ));
    assert_eq!(line, 6);
    assert!(message.contains("stale_after_months"), "{message}");
}

#[test]
fn the_example_describes_its_benefits_and_an_empty_line_is_refused() {
    assert!(pay::example()
        .meta
        .benefits
        .is_some_and(|b| b.contains("paid time off")));
    let (line, _, message) =
        single_error(&BANDS.replace("model = \"bands\"", "model = \"bands\"\nbenefits = \"  \""));
    assert_eq!(line, 6);
    assert!(message.contains("benefits is empty"), "{message}");
}
