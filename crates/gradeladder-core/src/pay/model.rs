//! The pay model: a checked, serialisable description of how pay is computed, for either a
//! formula (benchmark × factors) or bands (min / mid / max per grade and zone).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use super::date::{Date, Provenance};

/// A complete, checked pay model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PayModel {
    /// What the data is and where it comes from.
    pub meta: Meta,
    /// How a range is computed.
    pub method: Method,
    /// Exchange rates from the base currency.
    pub exchange: Exchange,
    /// Countries with their metros.
    pub locations: Vec<Country>,
}

/// Description of the data set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Short name shown beside results.
    pub name: String,
    /// True for illustration figures: every view must say "example figures, not real pay data".
    pub example: bool,
    /// Where the figures come from.
    pub source: String,
    /// ISO code of the currency benchmarks are written in.
    pub currency: String,
    /// The company's general description of benefits and other pay, for job postings.
    pub benefits: Option<String>,
    /// Data older than this many months is out of date (default 12).
    pub stale_after_months: u32,
}

/// The two ways of computing pay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// pay = benchmark × level factor × location factor × contract factor × exchange rate.
    Formula(Formula),
    /// Market ranges per grade and zone in a local currency.
    Bands(Bands),
}

/// The formula model's parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Formula {
    /// Half-width of the range around the target, as a fraction (0.20 = ±20 %).
    #[serde(with = "super::decimal_serde")]
    pub range_spread: Decimal,
    /// How results are rounded, once, at the end.
    pub rounding: Rounding,
    /// Contract type → factor (employee 1.0, contractor 1.17); empty when not used.
    pub contract_factors: Vec<NamedFactor>,
    /// The contract type used when the query names none.
    pub default_contract: Option<String>,
    /// Compa groups: named sub-ranges as fractions of the target.
    pub compa_groups: Vec<CompaGroup>,
    /// Named benchmarks (San Francisco pay for the reference level of a track).
    pub benchmarks: Vec<Benchmark>,
    /// Which benchmark and level factor a grade on a track uses.
    pub levels: Vec<LevelRule>,
    /// When and by whom the level factors, contract factors and range spread were set.
    pub provenance: Provenance,
}

/// A name with a factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedFactor {
    /// Name, such as `contractor`.
    pub name: String,
    /// Multiplier, > 0.
    #[serde(with = "super::decimal_serde")]
    pub factor: Decimal,
}

/// A named sub-range of the target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompaGroup {
    /// Name, such as `Thriving`.
    pub name: String,
    /// Lower bound as a fraction of the target.
    #[serde(with = "super::decimal_serde")]
    pub min: Decimal,
    /// Upper bound as a fraction of the target.
    #[serde(with = "super::decimal_serde")]
    pub max: Decimal,
}

/// A benchmark amount in the base currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// Name levels refer to (`individual`, `manager`, …).
    pub name: String,
    /// Yearly amount in the base currency.
    #[serde(with = "super::decimal_serde")]
    pub amount: Decimal,
    /// Share of total target cash paid as variable pay, if any.
    #[serde(default, with = "super::decimal_serde::option")]
    pub variable_share: Option<Decimal>,
    /// When and where the amount was taken.
    pub provenance: Provenance,
}

/// Career track of a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Individual contributor.
    Individual,
    /// People management.
    Management,
}

/// How a grade on a track is priced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelRule {
    /// The grade.
    pub grade: u8,
    /// The track.
    pub track: Track,
    /// Name of the benchmark used.
    pub benchmark: String,
    /// Level factor, > 0.
    #[serde(with = "super::decimal_serde")]
    pub factor: Decimal,
    /// Display name of the level ("Senior Manager").
    pub label: String,
}

/// A rounding rule, applied once to each final amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rounding {
    /// Step in local currency units (100 = to the nearest hundred).
    #[serde(with = "super::decimal_serde")]
    pub step: Decimal,
    /// Which way.
    pub direction: RoundingDirection,
}

/// Which way a rounding rule goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingDirection {
    /// Up to the next step.
    Up,
    /// To the nearest step (halves up).
    Nearest,
    /// Down to the previous step.
    Down,
}

/// The bands model's parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bands {
    /// How converted amounts are rounded.
    pub rounding: Rounding,
    /// Ranges per grade and zone.
    pub ranges: Vec<Band>,
}

/// One market range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// The grade.
    pub grade: u8,
    /// The zone the range applies to.
    pub zone: String,
    /// ISO currency code of the amounts.
    pub currency: String,
    /// Minimum.
    #[serde(with = "super::decimal_serde")]
    pub min: Decimal,
    /// Midpoint (the target).
    #[serde(with = "super::decimal_serde")]
    pub mid: Decimal,
    /// Maximum.
    #[serde(with = "super::decimal_serde")]
    pub max: Decimal,
    /// When and where the range was taken.
    pub provenance: Provenance,
}

/// Exchange rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exchange {
    /// When and where the rates were taken; `None` when the file has no rates.
    pub provenance: Option<Provenance>,
    /// Currency → units of it for one unit of the base currency.
    pub rates: Vec<NamedFactor>,
}

/// A country: its currency, default factor or zone, and metros.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// Name.
    pub country: String,
    /// ISO 3166 alpha-2 code.
    pub code: String,
    /// ISO currency code people there are paid in.
    pub currency: String,
    /// Location factor outside the listed metros (formula model).
    #[serde(default, with = "super::decimal_serde::option")]
    pub factor: Option<Decimal>,
    /// Zone outside the listed metros (bands model).
    pub zone: Option<String>,
    /// Metros with their own factor or zone.
    pub metros: Vec<Metro>,
    /// When and where the country's factor or zone (and its metros', unless they say) was taken.
    pub provenance: Provenance,
}

/// A metro area: applies within a 1h45 commute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metro {
    /// Name.
    pub name: String,
    /// Location factor (formula model).
    #[serde(default, with = "super::decimal_serde::option")]
    pub factor: Option<Decimal>,
    /// Zone (bands model).
    pub zone: Option<String>,
    /// When and where the metro's figure was taken, when not the country's.
    pub provenance: Option<Provenance>,
}

impl Exchange {
    /// Units of `currency` for one unit of the base currency.
    pub fn rate(&self, currency: &str) -> Option<Decimal> {
        self.rates
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(currency))
            .map(|r| r.factor)
    }
}

impl Track {
    /// The track a level title suggests: management for managers, directors, heads, VPs, chiefs.
    pub fn of_title(title: &str) -> Track {
        const MANAGEMENT: &[&str] = &[
            "manager",
            "management",
            "director",
            "head",
            "vp",
            "chief",
            "president",
            "cxo",
        ];
        let words = crate::words::words(title);
        if words.iter().any(|w| MANAGEMENT.contains(&w.as_str())) {
            Track::Management
        } else {
            Track::Individual
        }
    }
}
