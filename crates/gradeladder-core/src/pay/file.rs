//! Reading a pay data file (TOML, documented in `docs/pay-data.md`) into a checked [`PayModel`],
//! with every problem located by file, line and column.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::date::{Date, Provenance};
use super::model::{
    Band, Bands, Benchmark, CompaGroup, Country, Exchange, Formula, LevelRule, Meta, Method, Metro,
    NamedFactor, PayModel, Rounding, RoundingDirection, Track,
};
use crate::diagnostics::{Diagnostic, Severity};
use crate::parse::text::LineIndex;

/// Stable code of every pay-file problem.
const CODE: &str = "GL100-pay-data";

/// Months after which pay data is out of date when the file does not say (`stale_after_months`).
pub const DEFAULT_STALE_AFTER_MONTHS: u32 = 12;

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
    #[serde(default)]
    as_of: Option<Spanned<RawDate>>,
    #[serde(default)]
    benefits: Option<Spanned<String>>,
    #[serde(default)]
    stale_after_months: Option<Spanned<i64>>,
}

/// A date as written: a TOML date (`as_of = 2024-01-02`) or a string (`"2024-01-02"`).
#[derive(Deserialize)]
#[serde(untagged)]
enum RawDate {
    Toml(toml::value::Datetime),
    Text(String),
}

/// `as_of` and `source`, as any dated table of the file may give them.
struct RawProvenance<'a> {
    as_of: &'a Option<Spanned<RawDate>>,
    source: &'a Option<String>,
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
    benchmarks: BTreeMap<Spanned<String>, RawBenchmark>,
    levels: Vec<RawLevelRule>,
    #[serde(default)]
    as_of: Option<Spanned<RawDate>>,
    #[serde(default)]
    source: Option<String>,
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
    #[serde(default)]
    as_of: Option<Spanned<RawDate>>,
    #[serde(default)]
    source: Option<String>,
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
    #[serde(default)]
    as_of: Option<Spanned<RawDate>>,
    #[serde(default)]
    source: Option<String>,
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
    #[serde(default)]
    as_of: Option<Spanned<RawDate>>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExchange {
    #[serde(default, alias = "date")]
    as_of: Option<Spanned<RawDate>>,
    #[serde(default)]
    source: Option<String>,
    rates: Spanned<BTreeMap<String, Spanned<TomlDecimal>>>,
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
    #[serde(default)]
    as_of: Option<Spanned<RawDate>>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetro {
    name: Spanned<String>,
    #[serde(default)]
    factor: Option<Spanned<TomlDecimal>>,
    #[serde(default)]
    zone: Option<String>,
    #[serde(default)]
    as_of: Option<Spanned<RawDate>>,
    #[serde(default)]
    source: Option<String>,
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

    /// A date as written, or an error at it.
    fn date(&mut self, raw: &Spanned<RawDate>, what: &str) -> Option<Date> {
        let text = match raw.get_ref() {
            RawDate::Toml(datetime) => match (datetime.date, datetime.time, datetime.offset) {
                (Some(date), None, None) => Date::new(date.year, date.month, date.day),
                _ => None,
            },
            RawDate::Text(text) => Date::parse(text.trim()),
        };
        if text.is_none() {
            self.error(
                raw.span().start,
                format!("{what}: as_of must be a day written YYYY-MM-DD, such as 2025-01-31"),
            );
        }
        text
    }

    /// The provenance of a dated table: its own `as_of` and `source`, else `inherited`'s. A table
    /// with no date of its own and none to inherit is an error at `at`: a figure is never given a
    /// date it was not given.
    fn provenance(
        &mut self,
        own: RawProvenance,
        inherited: Option<&Provenance>,
        at: usize,
        what: &str,
    ) -> Provenance {
        let as_of = match own.as_of {
            Some(raw) => self.date(raw, what),
            None => match inherited {
                Some(parent) => Some(parent.as_of),
                None => {
                    self.error(
                        at,
                        format!("{what} has no date: add `as_of = YYYY-MM-DD` (the day the figure describes) to its table, or once in [meta]"),
                    );
                    None
                }
            },
        };
        // A missing or bad date has been reported, so the model is refused and this day is never shown.
        let as_of = as_of.unwrap_or(Date::EPOCH_FOR_ERRORS);
        let source = own
            .source
            .clone()
            .or_else(|| inherited.map(|p| p.source.clone()))
            .unwrap_or_default();
        Provenance { as_of, source }
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
    let meta_provenance = raw.meta.as_of.as_ref().and_then(|as_of| {
        checker.date(as_of, "[meta]").map(|as_of| Provenance {
            as_of,
            source: raw.meta.source.clone(),
        })
    });
    let stale_after_months = match &raw.meta.stale_after_months {
        None => DEFAULT_STALE_AFTER_MONTHS,
        Some(months) => match u32::try_from(*months.get_ref()) {
            Ok(months @ 1..=1200) => months,
            _ => {
                checker.error(
                    months.span().start,
                    format!(
                        "stale_after_months must be a whole number of months from 1 to 1200, found {}",
                        months.get_ref()
                    ),
                );
                DEFAULT_STALE_AFTER_MONTHS
            }
        },
    };
    let benefits = match &raw.meta.benefits {
        Some(text) if text.get_ref().trim().is_empty() => {
            checker.error(
                text.span().start,
                "benefits is empty: describe the benefits and other pay in a sentence, or leave the key out".to_owned(),
            );
            None
        }
        Some(text) => Some(text.get_ref().trim().to_owned()),
        None => None,
    };
    let exchange = match raw.exchange {
        Some(exchange) => Exchange {
            provenance: if exchange.rates.get_ref().is_empty() && exchange.as_of.is_none() {
                None
            } else {
                let at = exchange.rates.span().start;
                Some(checker.provenance(
                    RawProvenance {
                        as_of: &exchange.as_of,
                        source: &exchange.source,
                    },
                    meta_provenance.as_ref(),
                    at,
                    "[exchange] rates",
                ))
            },
            rates: exchange
                .rates
                .get_ref()
                .iter()
                .map(|(name, rate)| NamedFactor {
                    name: name.to_ascii_uppercase(),
                    factor: checker.positive(rate, &format!("exchange rate {name}")),
                })
                .collect(),
        },
        None => Exchange {
            provenance: None,
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
        let provenance = checker.provenance(
            RawProvenance {
                as_of: &raw_country.as_of,
                source: &raw_country.source,
            },
            meta_provenance.as_ref(),
            raw_country.currency.span().start,
            &format!("the location factor of {}", raw_country.country),
        );
        let metros = raw_country
            .metros
            .iter()
            .map(|m| Metro {
                name: m.name.get_ref().clone(),
                factor: m.factor.as_ref().map(|f| {
                    checker.positive(f, &format!("location factor of {}", m.name.get_ref()))
                }),
                zone: m.zone.clone(),
                provenance: (m.as_of.is_some() || m.source.is_some()).then(|| {
                    checker.provenance(
                        RawProvenance {
                            as_of: &m.as_of,
                            source: &m.source,
                        },
                        Some(&provenance),
                        m.name.span().start,
                        &format!("the location factor of {}", m.name.get_ref()),
                    )
                }),
            })
            .collect();
        locations.push(Country {
            country: raw_country.country.clone(),
            code: raw_country.code.to_ascii_uppercase(),
            currency,
            factor,
            zone: raw_country.zone.clone(),
            metros,
            provenance,
        });
    }

    let method = match raw.meta.model.get_ref().as_str() {
        "formula" => match raw.formula {
            Some(formula) => Some(Method::Formula(check_formula(
                &mut checker,
                formula,
                meta_provenance.as_ref(),
                raw.meta.model.span().start,
            ))),
            None => {
                checker.error(
                    raw.meta.model.span().start,
                    "model = \"formula\" needs a [formula] table".to_owned(),
                );
                None
            }
        },
        "bands" => match raw.bands {
            Some(bands) => Some(Method::Bands(check_bands(
                &mut checker,
                bands,
                &has_rate,
                meta_provenance.as_ref(),
            ))),
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
                benefits,
                stale_after_months,
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

fn check_formula(
    checker: &mut Checker,
    raw: RawFormula,
    meta: Option<&Provenance>,
    at: usize,
) -> Formula {
    let provenance = checker.provenance(
        RawProvenance {
            as_of: &raw.as_of,
            source: &raw.source,
        },
        meta,
        at,
        "[formula] (its level factors, contract factors and range spread)",
    );
    let benchmarks: Vec<Benchmark> = raw
        .benchmarks
        .iter()
        .map(|(name, b)| Benchmark {
            name: name.get_ref().clone(),
            amount: checker.positive(&b.amount, &format!("benchmark {}", name.get_ref())),
            variable_share: b
                .variable_share
                .as_ref()
                .map(|s| checker.fraction(s, &format!("variable share of {}", name.get_ref()))),
            provenance: checker.provenance(
                RawProvenance {
                    as_of: &b.as_of,
                    source: &b.source,
                },
                // The table's date and source, when it has a date to give; else each benchmark
                // reports its own missing date.
                (raw.as_of.is_some() || meta.is_some()).then_some(&provenance),
                name.span().start,
                &format!("benchmark {}", name.get_ref()),
            ),
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
        provenance,
    }
}

fn check_bands(
    checker: &mut Checker,
    raw: RawBands,
    has_rate: &dyn Fn(&str) -> bool,
    meta: Option<&Provenance>,
) -> Bands {
    // The table's date and source for its bands, when it has a date to give (its own or
    // [meta]'s); else each band reports its own missing date.
    let table = (raw.as_of.is_some() || meta.is_some()).then(|| {
        let at = raw.ranges.first().map_or(0, |b| b.currency.span().start);
        checker.provenance(
            RawProvenance {
                as_of: &raw.as_of,
                source: &raw.source,
            },
            meta,
            at,
            "[bands]",
        )
    });
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
            let provenance = checker.provenance(
                RawProvenance {
                    as_of: &band.as_of,
                    source: &band.source,
                },
                table.as_ref().or(meta),
                band.currency.span().start,
                &format!("the band for {what}"),
            );
            Band {
                grade: band.grade,
                zone: band.zone.clone(),
                currency,
                min,
                mid,
                max,
                provenance,
            }
        })
        .collect();
    Bands {
        rounding: check_rounding(checker, &raw.rounding),
        ranges,
    }
}
