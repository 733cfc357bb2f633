//! Reading a pay data file (TOML, documented in `docs/pay-data.md`) into a checked [`PayModel`],
//! with every problem located by file, line and column.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::model::{
    Band, Bands, Benchmark, CompaGroup, Country, Exchange, Formula, LevelRule, Meta, Method, Metro,
    NamedFactor, PayModel, Rounding, RoundingDirection, Track,
};
use crate::diagnostics::{Diagnostic, Severity};
use crate::parse::text::LineIndex;

/// Stable code of every pay-file problem.
const CODE: &str = "GL100-pay-data";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    meta: RawMeta,
    formula: Option<RawFormula>,
    bands: Option<RawBands>,
    #[serde(default)]
    exchange: Option<RawExchange>,
    #[serde(default)]
    locations: Vec<RawCountry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    name: String,
    #[serde(default)]
    example: bool,
    #[serde(default)]
    source: String,
    currency: Spanned<String>,
    model: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormula {
    range_spread: Spanned<TomlDecimal>,
    rounding: RawRounding,
    #[serde(default)]
    default_contract: Option<Spanned<String>>,
    #[serde(default)]
    contract_factors: BTreeMap<String, Spanned<TomlDecimal>>,
    #[serde(default)]
    compa_groups: Vec<RawCompaGroup>,
    benchmarks: BTreeMap<String, RawBenchmark>,
    levels: Vec<RawLevelRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRounding {
    step: Spanned<TomlDecimal>,
    direction: RoundingDirection,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompaGroup {
    name: String,
    min: Spanned<TomlDecimal>,
    max: Spanned<TomlDecimal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBenchmark {
    amount: Spanned<TomlDecimal>,
    #[serde(default)]
    variable_share: Option<Spanned<TomlDecimal>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevelRule {
    grade: u8,
    track: Track,
    benchmark: Spanned<String>,
    factor: Spanned<TomlDecimal>,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBands {
    rounding: RawRounding,
    ranges: Vec<RawBand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    grade: u8,
    zone: String,
    currency: Spanned<String>,
    min: Spanned<TomlDecimal>,
    mid: Spanned<TomlDecimal>,
    max: Spanned<TomlDecimal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExchange {
    date: String,
    #[serde(default)]
    source: String,
    rates: BTreeMap<String, Spanned<TomlDecimal>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    country: String,
    code: String,
    currency: Spanned<String>,
    #[serde(default)]
    factor: Option<Spanned<TomlDecimal>>,
    #[serde(default)]
    zone: Option<String>,
    #[serde(default)]
    metros: Vec<RawMetro>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetro {
    name: String,
    #[serde(default)]
    factor: Option<Spanned<TomlDecimal>>,
    #[serde(default)]
    zone: Option<String>,
}

/// A number as written in TOML (integer or float), read exactly: a float is read through its
/// shortest decimal form, so `0.7` is 0.7, not 0.69999….
struct TomlDecimal(Decimal);

impl<'de> Deserialize<'de> for TomlDecimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = TomlDecimal;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<TomlDecimal, E> {
                Ok(TomlDecimal(Decimal::from(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<TomlDecimal, E> {
                Ok(TomlDecimal(Decimal::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<TomlDecimal, E> {
                v.to_string().parse().map(TomlDecimal).map_err(|_| {
                    E::custom(format!("{v} is not a number Gradeladder can use exactly"))
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Collects located errors while checking a file.
struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, offset: usize, message: String) {
        let (line, column) = self.lines.position(self.text, offset);
        self.errors.push(Diagnostic {
            file: self.file.to_owned(),
            line,
            column,
            severity: Severity::Error,
            code: CODE.to_owned(),
            message,
        });
    }

    /// A factor that must be greater than zero.
    fn positive(&mut self, value: &Spanned<TomlDecimal>, what: &str) -> Decimal {
        let v = value.get_ref().0;
        if v <= Decimal::ZERO {
            self.error(
                value.span().start,
                format!("{what} must be greater than 0, found {v}"),
            );
        }
        v
    }

    /// A fraction in 0..1 (range spread, variable share).
    fn fraction(&mut self, value: &Spanned<TomlDecimal>, what: &str) -> Decimal {
        let v = value.get_ref().0;
        if v < Decimal::ZERO || v >= Decimal::ONE {
            self.error(
                value.span().start,
                format!("{what} must be at least 0 and below 1, found {v}"),
            );
        }
        v
    }
}

/// Reads and checks a pay data file. `file` names it in errors.
pub fn read(file: &str, text: &str) -> Result<PayModel, Vec<Diagnostic>> {
    let mut checker = Checker {
        file,
        text,
        lines: LineIndex::new(text),
        errors: Vec::new(),
    };
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let offset = error.span().map_or(0, |s| s.start);
            checker.error(
                offset,
                format!("not a valid pay data file: {}", error.message()),
            );
            return Err(checker.errors);
        }
    };
    let base_currency = raw.meta.currency.get_ref().to_ascii_uppercase();
    let exchange = match raw.exchange {
        Some(exchange) => Exchange {
            date: exchange.date,
            source: exchange.source,
            rates: exchange
                .rates
                .iter()
                .map(|(name, rate)| NamedFactor {
                    name: name.to_ascii_uppercase(),
                    factor: checker.positive(rate, &format!("exchange rate {name}")),
                })
                .collect(),
        },
        None => Exchange {
            date: String::new(),
            source: String::new(),
            rates: Vec::new(),
        },
    };
    let has_rate = |currency: &str| {
        currency.eq_ignore_ascii_case(&base_currency) || exchange.rate(currency).is_some()
    };

    let mut locations = Vec::new();
    for raw_country in &raw.locations {
        let currency = raw_country.currency.get_ref().to_ascii_uppercase();
        if !has_rate(&currency) {
            checker.error(
                raw_country.currency.span().start,
                format!("missing exchange rate: {} is paid in {currency}, but [exchange] rates has no {currency}", raw_country.country),
            );
        }
        let factor = raw_country
            .factor
            .as_ref()
            .map(|f| checker.positive(f, &format!("location factor of {}", raw_country.country)));
        let metros = raw_country
            .metros
            .iter()
            .map(|m| Metro {
                name: m.name.clone(),
                factor: m
                    .factor
                    .as_ref()
                    .map(|f| checker.positive(f, &format!("location factor of {}", m.name))),
                zone: m.zone.clone(),
            })
            .collect();
        locations.push(Country {
            country: raw_country.country.clone(),
            code: raw_country.code.to_ascii_uppercase(),
            currency,
            factor,
            zone: raw_country.zone.clone(),
            metros,
        });
    }

    let method = match raw.meta.model.get_ref().as_str() {
        "formula" => match raw.formula {
            Some(formula) => Some(Method::Formula(check_formula(&mut checker, formula))),
            None => {
                checker.error(
                    raw.meta.model.span().start,
                    "model = \"formula\" needs a [formula] table".to_owned(),
                );
                None
            }
        },
        "bands" => match raw.bands {
            Some(bands) => Some(Method::Bands(check_bands(&mut checker, bands, &has_rate))),
            None => {
                checker.error(
                    raw.meta.model.span().start,
                    "model = \"bands\" needs a [bands] table".to_owned(),
                );
                None
            }
        },
        other => {
            checker.error(
                raw.meta.model.span().start,
                format!("model must be \"formula\" or \"bands\", found \"{other}\""),
            );
            None
        }
    };
    if let (Some(Method::Formula(_)), false) =
        (&method, locations.iter().all(|c| c.factor.is_some()))
    {
        for raw_country in raw.locations.iter().filter(|c| c.factor.is_none()) {
            checker.error(
                raw_country.currency.span().start,
                format!(
                    "{} has no location factor (`factor = …`)",
                    raw_country.country
                ),
            );
        }
    }
    match method {
        Some(method) if checker.errors.is_empty() => Ok(PayModel {
            meta: Meta {
                name: raw.meta.name,
                example: raw.meta.example,
                source: raw.meta.source,
                currency: base_currency,
            },
            method,
            exchange,
            locations,
        }),
        _ => Err(checker.errors),
    }
}

fn check_rounding(checker: &mut Checker, raw: &RawRounding) -> Rounding {
    Rounding {
        step: checker.positive(&raw.step, "rounding step"),
        direction: raw.direction,
    }
}

fn check_formula(checker: &mut Checker, raw: RawFormula) -> Formula {
    let benchmarks: Vec<Benchmark> = raw
        .benchmarks
        .iter()
        .map(|(name, b)| Benchmark {
            name: name.clone(),
            amount: checker.positive(&b.amount, &format!("benchmark {name}")),
            variable_share: b
                .variable_share
                .as_ref()
                .map(|s| checker.fraction(s, &format!("variable share of {name}"))),
        })
        .collect();
    let levels = raw
        .levels
        .iter()
        .map(|rule| {
            let name = rule.benchmark.get_ref();
            if !benchmarks.iter().any(|b| &b.name == name) {
                let known: Vec<&str> = benchmarks.iter().map(|b| b.name.as_str()).collect();
                checker.error(
                    rule.benchmark.span().start,
                    format!(
                        "no benchmark \"{name}\" for grade {} ({}); known benchmarks: {}",
                        rule.grade,
                        rule.label,
                        known.join(", ")
                    ),
                );
            }
            LevelRule {
                grade: rule.grade,
                track: rule.track,
                benchmark: name.clone(),
                factor: checker.positive(&rule.factor, &format!("level factor of {}", rule.label)),
                label: rule.label.clone(),
            }
        })
        .collect();
    let compa_groups = raw
        .compa_groups
        .iter()
        .map(|g| {
            let (min, max) = (
                checker.positive(&g.min, &format!("compa group {} min", g.name)),
                checker.positive(&g.max, &format!("compa group {} max", g.name)),
            );
            if min > max {
                checker.error(
                    g.min.span().start,
                    format!("compa group {}: min {min} is above max {max}", g.name),
                );
            }
            CompaGroup {
                name: g.name.clone(),
                min,
                max,
            }
        })
        .collect();
    let contract_factors: Vec<NamedFactor> = raw
        .contract_factors
        .iter()
        .map(|(name, f)| NamedFactor {
            name: name.clone(),
            factor: checker.positive(f, &format!("contract factor {name}")),
        })
        .collect();
    if let Some(default) = &raw.default_contract {
        if !contract_factors
            .iter()
            .any(|c| &c.name == default.get_ref())
        {
            checker.error(
                default.span().start,
                format!(
                    "default_contract \"{}\" is not in [formula.contract_factors]",
                    default.get_ref()
                ),
            );
        }
    }
    Formula {
        range_spread: checker.fraction(&raw.range_spread, "range_spread"),
        rounding: check_rounding(checker, &raw.rounding),
        contract_factors,
        default_contract: raw.default_contract.map(|d| d.into_inner()),
        compa_groups,
        benchmarks,
        levels,
    }
}

fn check_bands(checker: &mut Checker, raw: RawBands, has_rate: &dyn Fn(&str) -> bool) -> Bands {
    let ranges = raw
        .ranges
        .iter()
        .map(|band| {
            let currency = band.currency.get_ref().to_ascii_uppercase();
            if !has_rate(&currency) {
                checker.error(
                    band.currency.span().start,
                    format!(
                        "missing exchange rate for {currency} (grade {} zone {})",
                        band.grade, band.zone
                    ),
                );
            }
            let what = format!("grade {} zone {}", band.grade, band.zone);
            let min = checker.positive(&band.min, &format!("min of {what}"));
            let mid = checker.positive(&band.mid, &format!("mid of {what}"));
            let max = checker.positive(&band.max, &format!("max of {what}"));
            if min > max {
                checker.error(
                    band.min.span().start,
                    format!("band for {what}: min {min} is above max {max}"),
                );
            } else if mid < min || mid > max {
                checker.error(
                    band.mid.span().start,
                    format!("band for {what}: mid {mid} is outside {min}–{max}"),
                );
            }
            Band {
                grade: band.grade,
                zone: band.zone.clone(),
                currency,
                min,
                mid,
                max,
            }
        })
        .collect();
    Bands {
        rounding: check_rounding(checker, &raw.rounding),
        ranges,
    }
}
