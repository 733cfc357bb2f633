//! Job postings: the pay a job ad can legally carry for a role in one or more locations (a closed
//! range per location, with currency, interval, the base/variable split, the benefits line, the
//! criteria and the data's date), the checks per jurisdiction, and the posting as text, markdown,
//! HTML and JSON. Every front end (app, widget, CLI) shows this one posting.

pub mod checks;
mod render;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Family, Level};
use crate::pay::{Date, LocationPay, PayAnswer, PayError, PayModel, Staleness};

pub use checks::{check, Jurisdiction, JurisdictionCheck, Requirement, Status};

/// Where a posting points for the criteria behind the range: the level's expectations and the
/// grade scale. Absolute addresses, as a job ad needs; `None` when the front end has none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PostingLinks {
    /// The role page (what the level is expected to do).
    pub expectations: Option<String>,
    /// The grade scale (how levels and grades are set).
    pub grade_scale: Option<String>,
}

/// The period a range covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PayInterval {
    /// A yearly amount, as every pay model here gives.
    Year,
}

impl PayInterval {
    /// "a year", as a posting says it.
    pub fn phrase(self) -> &'static str {
        match self {
            PayInterval::Year => "a year",
        }
    }
}

/// One location's range in a posting, in that location's currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayTier {
    /// Location id (`GB/london`).
    pub location_id: String,
    /// Location label ("London, United Kingdom").
    pub location: String,
    /// ISO currency code.
    pub currency: String,
    /// The period of the amounts.
    pub interval: PayInterval,
    /// Lowest pay offered (total target cash when pay has a variable part).
    #[serde(serialize_with = "number")]
    pub min: Decimal,
    /// Highest pay offered.
    #[serde(serialize_with = "number")]
    pub max: Decimal,
    /// The base-pay part of the range, when pay has a variable part.
    pub base: Option<BaseRange>,
    /// Share of the pay that is variable (0.15), when there is one.
    #[serde(serialize_with = "optional_number")]
    pub variable_share: Option<Decimal>,
}

/// The base-pay part of a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BaseRange {
    /// Lowest base pay.
    #[serde(serialize_with = "number")]
    pub min: Decimal,
    /// Highest base pay.
    #[serde(serialize_with = "number")]
    pub max: Decimal,
}

/// An amount as a JSON number, as job-board APIs take it (whole amounts without a fraction).
fn number<S: serde::Serializer>(amount: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    use rust_decimal::prelude::ToPrimitive;
    match amount.normalize() {
        whole if whole.fract().is_zero() && whole.to_i64().is_some() => {
            serializer.serialize_i64(whole.to_i64().unwrap_or_default())
        }
        other => serializer.serialize_f64(other.to_f64().unwrap_or_default()),
    }
}

fn optional_number<S: serde::Serializer>(
    amount: &Option<Decimal>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match amount {
        Some(amount) => number(amount, serializer),
        None => serializer.serialize_none(),
    }
}

/// A location the posting asked for where the model has no range, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unpriced {
    /// Location label.
    pub location: String,
    /// Why there is no range.
    pub reason: String,
}

/// A job posting's pay section for one level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Posting {
    /// The level's title.
    pub role: String,
    /// The family's title.
    pub family: String,
    /// The level's grade.
    pub grade: Option<u8>,
    /// A closed range per location.
    pub tiers: Vec<PayTier>,
    /// Locations asked for that have no range.
    pub unpriced: Vec<Unpriced>,
    /// The company's description of benefits and other pay (`benefits` in the pay file).
    pub benefits: Option<String>,
    /// The criteria behind the range.
    pub links: PostingLinks,
    /// The oldest date of the figures behind the ranges.
    pub data_as_of: Option<Date>,
    /// The out-of-date warning, when the data is older than the pay file's threshold today.
    pub stale: Option<Staleness>,
    /// True when the figures are examples, not real pay data.
    pub example: bool,
    /// The pay data set's name.
    pub data_name: String,
}

impl Posting {
    /// The posting for `level` of `family` in `locations` (ids or names), on `today`: an unknown
    /// location is an error with the nearest names.
    pub fn new(
        model: &PayModel,
        family: &Family,
        level: &Level,
        locations: &[String],
        links: PostingLinks,
        today: Date,
    ) -> Result<Posting, PayError> {
        let priced = model.price_in_locations(&level.title, level.grade, locations, None)?;
        Ok(Posting::from_priced(
            model, family, level, &priced, links, today,
        ))
    }

    /// The posting from ranges already priced (the side-by-side view's), on `today`.
    pub fn from_priced(
        model: &PayModel,
        family: &Family,
        level: &Level,
        priced: &[LocationPay],
        links: PostingLinks,
        today: Date,
    ) -> Posting {
        let mut tiers = Vec::new();
        let mut unpriced = Vec::new();
        let mut data_as_of: Option<Date> = None;
        for pay in priced {
            match &pay.local {
                PayAnswer::Range(range) => {
                    data_as_of = Some(data_as_of.map_or(range.as_of, |d| d.min(range.as_of)));
                    tiers.push(PayTier {
                        location_id: pay.place.id.clone(),
                        location: range.location.clone(),
                        currency: range.currency.clone(),
                        interval: PayInterval::Year,
                        min: range.min,
                        max: range.max,
                        base: range.base_range.map(|(min, max)| BaseRange { min, max }),
                        variable_share: range.variable_share,
                    });
                }
                PayAnswer::NoPayData { reason } => unpriced.push(Unpriced {
                    location: pay.place.label.clone(),
                    reason: reason.clone(),
                }),
            }
        }
        Posting {
            role: level.title.clone(),
            family: family.title.clone(),
            grade: level.grade,
            tiers,
            unpriced,
            benefits: model.meta.benefits.clone(),
            links,
            data_as_of,
            stale: data_as_of
                .and_then(|as_of| Staleness::of(as_of, today, model.meta.stale_after_months)),
            example: model.meta.example,
            data_name: model.meta.name.clone(),
        }
    }

    /// Plain text, for a job board's text box.
    pub fn to_text(&self) -> String {
        render::text(self)
    }

    /// Markdown, for a careers site written in it.
    pub fn to_markdown(&self) -> String {
        render::markdown(self)
    }

    /// An HTML fragment, for a careers page or a rich-text editor.
    pub fn to_html(&self) -> String {
        render::html(self)
    }

    /// JSON for job-board APIs: a list of pay tiers, each with min, max, currency and interval,
    /// with the checks per jurisdiction beside it.
    pub fn to_json(&self) -> String {
        render::json(self)
    }
}

/// An amount with its currency code and thousands separators, as a posting writes it
/// ("USD 96,000"; cents only when there are some).
pub fn money(amount: Decimal, currency: &str) -> String {
    let amount = amount.round_dp(2).normalize();
    let text = amount.abs().to_string();
    let (whole, cents) = match text.split_once('.') {
        Some((whole, cents)) => (whole, format!(".{cents:0<2}")),
        None => (text.as_str(), String::new()),
    };
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if amount.is_sign_negative() { "-" } else { "" };
    format!("{currency} {sign}{grouped}{cents}")
}

/// A share as a whole or decimal percentage ("15 %").
pub fn percent(share: Decimal) -> String {
    format!("{} %", (share * Decimal::ONE_HUNDRED).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands_and_keeps_cents_only_when_there_are_some() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(money(d("96000"), "USD"), "USD 96,000");
        assert_eq!(money(d("1234567.5"), "EUR"), "EUR 1,234,567.50");
        assert_eq!(money(d("999"), "GBP"), "GBP 999");
        assert_eq!(money(d("100000.00"), "INR"), "INR 100,000");
        assert_eq!(percent(d("0.15")), "15 %");
    }
}
