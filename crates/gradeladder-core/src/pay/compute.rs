//! From a role, grade and location to a pay range, with every step of the math recorded.
//! Amounts are exact decimals until the one rounding the model's rule asks for.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::date::{Date, Provenance};
use super::model::{
    Band, Bands, Country, Formula, Method, Metro, PayModel, Rounding, RoundingDirection, Track,
};

/// What is asked: a level (by title and grade) at a location, optionally in another currency.
#[derive(Debug, Clone, Default)]
pub struct PayQuery<'a> {
    /// Level title, used to tell the track (individual or management).
    pub title: &'a str,
    /// The level's grade.
    pub grade: Option<u8>,
    /// A location id (`US`, `US/san-francisco`) or name (`San Francisco`, `London, United Kingdom`).
    pub location: &'a str,
    /// Currency to show amounts in; the location's currency when `None`.
    pub currency: Option<&'a str>,
    /// Compa group whose sub-range to show.
    pub compa: Option<&'a str>,
    /// Contract type (`employee`, `contractor`).
    pub contract: Option<&'a str>,
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PayAnswer {
    /// A computed range.
    Range(Box<PayRange>),
    /// The model has nothing for this role; never a made-up number.
    NoPayData {
        /// Why, for the reader.
        reason: String,
    },
}

/// A computed pay range and how it was computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PayRange {
    /// ISO currency code of every amount.
    pub currency: String,
    /// Lower end.
    pub min: Decimal,
    /// Target (total target cash).
    pub target: Decimal,
    /// Upper end.
    pub max: Decimal,
    /// Base part of the target, when the model splits it.
    pub base: Option<Decimal>,
    /// Variable part of the target, when the model splits it.
    pub variable: Option<Decimal>,
    /// Share of the pay that is variable (0.15), when the model splits it.
    pub variable_share: Option<Decimal>,
    /// The base-pay part of min and max (rounded like them), when the model splits pay.
    pub base_range: Option<(Decimal, Decimal)>,
    /// The oldest date of the figures this range was computed from: the date of the range.
    pub as_of: Date,
    /// The requested compa group's sub-range.
    pub compa: Option<CompaRange>,
    /// The math, in order.
    pub steps: Vec<Step>,
    /// True when the model's figures are examples, not real pay data.
    pub example: bool,
    /// Name of the model's data set.
    pub source: String,
    /// Label of the location used ("London, United Kingdom").
    pub location: String,
}

/// A compa group's part of the range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompaRange {
    /// Group name.
    pub name: String,
    /// Lower end.
    pub min: Decimal,
    /// Upper end.
    pub max: Decimal,
}

/// One line of the math.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// What happens ("Location factor: London, United Kingdom").
    pub label: String,
    /// The factor applied, for multiplications.
    pub factor: Option<Decimal>,
    /// The running value after this step.
    pub value: Decimal,
    /// When and where the step's figure was taken, for figures of the pay data.
    pub provenance: Option<Provenance>,
}

/// The oldest date among `steps`' figures.
fn oldest(steps: &[Step]) -> Date {
    steps
        .iter()
        .filter_map(|s| s.provenance.as_ref().map(|p| p.as_of))
        .min()
        .unwrap_or(Date::EPOCH_FOR_ERRORS)
}

/// A query that cannot be answered as asked, with what would work instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayError {
    /// No location matches; nearest names given.
    UnknownLocation {
        /// What was asked.
        query: String,
        /// Closest known locations.
        suggestions: Vec<String>,
    },
    /// No exchange rate for the currency.
    MissingRate {
        /// The currency.
        currency: String,
    },
    /// No compa group of that name.
    UnknownCompaGroup {
        /// What was asked.
        name: String,
        /// Known groups.
        known: Vec<String>,
    },
    /// No contract type of that name.
    UnknownContract {
        /// What was asked.
        name: String,
        /// Known types.
        known: Vec<String>,
    },
}

impl std::fmt::Display for PayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PayError::UnknownLocation { query, suggestions } if suggestions.is_empty() => {
                write!(f, "unknown location \"{query}\"")
            }
            PayError::UnknownLocation { query, suggestions } => write!(
                f,
                "unknown location \"{query}\"; try {}",
                suggestions.join(", ")
            ),
            PayError::MissingRate { currency } => {
                write!(f, "no exchange rate for {currency} in the pay data")
            }
            PayError::UnknownCompaGroup { name, known } => write!(
                f,
                "unknown compa group \"{name}\"; known groups: {}",
                known.join(", ")
            ),
            PayError::UnknownContract { name, known } => write!(
                f,
                "unknown contract type \"{name}\"; known types: {}",
                known.join(", ")
            ),
        }
    }
}

impl std::error::Error for PayError {}

/// A place a location query can resolve to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationChoice {
    /// Stable id for URLs: `US` or `US/san-francisco`.
    pub id: String,
    /// Display label: "San Francisco, United States", or "United States (elsewhere)" for the
    /// country outside its listed metros.
    pub label: String,
}

impl PayModel {
    /// Every place a query can name, countries first then their metros.
    pub fn location_choices(&self) -> Vec<LocationChoice> {
        let mut out = Vec::new();
        for country in &self.locations {
            out.push(LocationChoice {
                id: country.code.clone(),
                label: format!("{} (elsewhere)", country.country),
            });
            for metro in &country.metros {
                out.push(LocationChoice {
                    id: metro_id(country, metro),
                    label: format!("{}, {}", metro.name, country.country),
                });
            }
        }
        out
    }

    /// Resolves a location id or name to a country and maybe a metro.
    pub fn find_location(&self, query: &str) -> Result<(&Country, Option<&Metro>), PayError> {
        let wanted = query.trim();
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        for country in &self.locations {
            if same(&country.code, wanted) || same(&country.country, wanted) {
                return Ok((country, None));
            }
            for metro in &country.metros {
                let full = format!("{}, {}", metro.name, country.country);
                if same(&metro_id(country, metro), wanted)
                    || same(&metro.name, wanted)
                    || same(&full, wanted)
                    || same(&format!("{}, {}", metro.name, country.code), wanted)
                {
                    return Ok((country, Some(metro)));
                }
            }
        }
        Err(PayError::UnknownLocation {
            query: wanted.to_owned(),
            suggestions: self.nearest_locations(wanted),
        })
    }

    /// Up to three known location labels closest to `query`.
    fn nearest_locations(&self, query: &str) -> Vec<String> {
        let query = query.to_ascii_lowercase();
        let mut scored: Vec<(usize, String)> = self
            .location_choices()
            .into_iter()
            .map(|choice| {
                let name = choice.label.to_ascii_lowercase();
                let head = name
                    .split([',', '('])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_owned();
                let distance = crate::search::edit_distance(&query, &head, 64).min(
                    if head.starts_with(&query) {
                        0
                    } else {
                        usize::MAX
                    },
                );
                (distance, choice.label)
            })
            .collect();
        let limit = query.chars().count() / 3 + 1;
        scored.retain(|(distance, _)| *distance <= limit);
        // The three nearest, nearest first (ties by name): picked, not sorted, which keeps a sort
        // of these pairs out of the app's wasm.
        let mut close: Vec<String> = Vec::new();
        while close.len() < 3 {
            let Some(best) = (0..scored.len()).min_by(|&a, &b| scored[a].cmp(&scored[b])) else {
                break;
            };
            close.push(scored.swap_remove(best).1);
        }
        if close.is_empty() {
            self.locations.iter().map(|c| c.country.clone()).collect()
        } else {
            close
        }
    }

    /// Computes the pay range for a query.
    pub fn estimate(&self, query: &PayQuery) -> Result<PayAnswer, PayError> {
        let (country, metro) = self.find_location(query.location)?;
        let location = match metro {
            Some(metro) => format!("{}, {}", metro.name, country.country),
            None => country.country.clone(),
        };
        let currency = query
            .currency
            .unwrap_or(&country.currency)
            .to_ascii_uppercase();
        let Some(grade) = query.grade else {
            return Ok(PayAnswer::NoPayData {
                reason: "the role has no job grade, so no range can be computed".to_owned(),
            });
        };
        let place = Place {
            grade,
            country,
            metro,
            location,
            currency,
        };
        match &self.method {
            Method::Formula(formula) => self.estimate_formula(formula, query, place),
            Method::Bands(bands) => self.estimate_bands(bands, place),
        }
    }

    fn estimate_formula(
        &self,
        formula: &Formula,
        query: &PayQuery,
        place: Place,
    ) -> Result<PayAnswer, PayError> {
        let Place {
            grade,
            country,
            metro,
            location,
            currency,
        } = place;
        let currency = currency.as_str();
        let track = Track::of_title(query.title);
        let rule = formula
            .levels
            .iter()
            .find(|r| r.grade == grade && r.track == track)
            .or_else(|| formula.levels.iter().find(|r| r.grade == grade));
        let Some(rule) = rule else {
            return Ok(PayAnswer::NoPayData {
                reason: format!("no pay data for grade {grade} in \"{}\"", self.meta.name),
            });
        };
        let Some(benchmark) = formula.benchmarks.iter().find(|b| b.name == rule.benchmark) else {
            return Ok(PayAnswer::NoPayData {
                reason: format!(
                    "no benchmark \"{}\" in \"{}\"",
                    rule.benchmark, self.meta.name
                ),
            });
        };
        let location_factor = metro.and_then(|m| m.factor).or(country.factor);
        let Some(location_factor) = location_factor else {
            return Ok(PayAnswer::NoPayData {
                reason: format!("no location factor for {location}"),
            });
        };
        let rate = self.rate_to(currency)?;
        let compa = match query.compa {
            Some(name) => Some(
                find_named(&formula.compa_groups, name, |g| &g.name).map_err(|known| {
                    PayError::UnknownCompaGroup {
                        name: name.to_owned(),
                        known,
                    }
                })?,
            ),
            None => None,
        };
        let contract = match query.contract.or(formula.default_contract.as_deref()) {
            Some(name) if !formula.contract_factors.is_empty() => Some(
                find_named(&formula.contract_factors, name, |c| &c.name).map_err(|known| {
                    PayError::UnknownContract {
                        name: name.to_owned(),
                        known,
                    }
                })?,
            ),
            _ => None,
        };

        let mut steps = Vec::new();
        let mut value = benchmark.amount;
        steps.push(Step {
            label: format!(
                "San Francisco benchmark ({}), {}",
                benchmark.name.replace('_', " "),
                self.meta.currency
            ),
            factor: None,
            value,
            provenance: Some(benchmark.provenance.clone()),
        });
        let mut multiply =
            |label: String, factor: Decimal, provenance: &Provenance, steps: &mut Vec<Step>| {
                value *= factor;
                steps.push(Step {
                    label,
                    factor: Some(factor),
                    value,
                    provenance: Some(provenance.clone()),
                });
            };
        multiply(
            format!("Level factor: {}", rule.label),
            rule.factor,
            &formula.provenance,
            &mut steps,
        );
        let location_provenance = metro
            .filter(|m| m.factor.is_some())
            .and_then(|m| m.provenance.as_ref())
            .unwrap_or(&country.provenance);
        multiply(
            format!("Location factor: {location}"),
            location_factor,
            location_provenance,
            &mut steps,
        );
        if let Some(contract) = contract {
            multiply(
                format!("Contract factor: {}", contract.name),
                contract.factor,
                &formula.provenance,
                &mut steps,
            );
        }
        if currency != self.meta.currency {
            if let Some(provenance) = &self.exchange.provenance {
                multiply(
                    format!("Exchange rate {} → {currency}", self.meta.currency),
                    rate,
                    provenance,
                    &mut steps,
                );
            }
        }
        let exact_target = value;
        let spread = formula.range_spread;
        let exact_min = exact_target * (Decimal::ONE - spread);
        let exact_max = exact_target * (Decimal::ONE + spread);
        let round = |amount: Decimal| round_once(amount, &formula.rounding);
        let target = round(exact_target);
        let (min, max) = (round(exact_min), round(exact_max));
        let percent = (spread * Decimal::ONE_HUNDRED).normalize();
        steps.push(Step {
            label: format!("Range minimum: target − {percent}%"),
            factor: Some(Decimal::ONE - spread),
            value: exact_min,
            provenance: Some(formula.provenance.clone()),
        });
        steps.push(Step {
            label: format!("Range maximum: target + {percent}%"),
            factor: Some(Decimal::ONE + spread),
            value: exact_max,
            provenance: Some(formula.provenance.clone()),
        });
        steps.push(Step {
            label: format!(
                "{} (target; min and max alike)",
                rounding_label(&formula.rounding, currency)
            ),
            factor: None,
            value: target,
            provenance: None,
        });
        let (base, variable) = match benchmark.variable_share {
            Some(share) => {
                let variable = (target * share)
                    .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                    .normalize();
                (Some(target - variable), Some(variable))
            }
            None => (None, None),
        };
        let base_range = benchmark.variable_share.map(|share| {
            let base = Decimal::ONE - share;
            (round(exact_min * base), round(exact_max * base))
        });
        let as_of = oldest(&steps);
        Ok(PayAnswer::Range(Box::new(PayRange {
            currency: currency.to_owned(),
            min,
            target,
            max,
            base,
            variable,
            variable_share: benchmark.variable_share,
            base_range,
            as_of,
            compa: compa.map(|group| CompaRange {
                name: group.name.clone(),
                min: round(exact_target * group.min),
                max: round(exact_target * group.max),
            }),
            steps,
            example: self.meta.example,
            source: self.meta.name.clone(),
            location,
        })))
    }

    fn estimate_bands(&self, bands: &Bands, place: Place) -> Result<PayAnswer, PayError> {
        let Place {
            grade,
            country,
            metro,
            location,
            currency,
        } = place;
        let currency = currency.as_str();
        let zone = metro
            .and_then(|m| m.zone.as_deref())
            .or(country.zone.as_deref());
        let Some(zone) = zone else {
            return Ok(PayAnswer::NoPayData {
                reason: format!("no pay zone for {location}"),
            });
        };
        let Some(band) = bands
            .ranges
            .iter()
            .find(|b| b.grade == grade && b.zone == zone)
        else {
            return Ok(PayAnswer::NoPayData {
                reason: format!("no pay band for grade {grade} in zone {zone}"),
            });
        };
        let Band { min, mid, max, .. } = band;
        let mut steps = vec![Step {
            label: format!(
                "Band for grade {grade}, zone {zone} ({location}), midpoint in {}",
                band.currency
            ),
            factor: None,
            value: *mid,
            provenance: Some(band.provenance.clone()),
        }];
        let (min, mid, max) = if band.currency.eq_ignore_ascii_case(currency) {
            (*min, *mid, *max)
        } else {
            let factor = self.rate_to(currency)? / self.rate_to(&band.currency)?;
            steps.push(Step {
                label: format!("Exchange rate {} → {currency}", band.currency),
                factor: Some(factor),
                value: *mid * factor,
                provenance: self.exchange.provenance.clone(),
            });
            let round = |amount: Decimal| round_once(amount, &bands.rounding);
            steps.push(Step {
                label: rounding_label(&bands.rounding, currency),
                factor: None,
                value: round(*mid * factor),
                provenance: None,
            });
            (
                round(*min * factor),
                round(*mid * factor),
                round(*max * factor),
            )
        };
        Ok(PayAnswer::Range(Box::new(PayRange {
            currency: currency.to_owned(),
            min,
            target: mid,
            max,
            base: None,
            variable: None,
            variable_share: None,
            base_range: None,
            as_of: oldest(&steps),
            compa: None,
            steps,
            example: self.meta.example,
            source: self.meta.name.clone(),
            location,
        })))
    }

    /// Units of `currency` per unit of the base currency.
    fn rate_to(&self, currency: &str) -> Result<Decimal, PayError> {
        if currency.eq_ignore_ascii_case(&self.meta.currency) {
            return Ok(Decimal::ONE);
        }
        self.exchange
            .rate(currency)
            .ok_or_else(|| PayError::MissingRate {
                currency: currency.to_owned(),
            })
    }
}

/// Where and for what grade a query asks, once its location is resolved.
struct Place<'a> {
    grade: u8,
    country: &'a Country,
    metro: Option<&'a Metro>,
    /// Display label of the location.
    location: String,
    /// ISO code amounts are shown in.
    currency: String,
}

impl PayModel {
    /// The out-of-date warning due for `range` on `today`, by the model's threshold.
    pub fn staleness(&self, range: &PayRange, today: Date) -> Option<super::Staleness> {
        super::Staleness::of(range.as_of, today, self.meta.stale_after_months)
    }
}

/// The item named `name` (ignoring ASCII case), or every known name.
fn find_named<'a, T>(
    items: &'a [T],
    name: &str,
    name_of: impl Fn(&T) -> &String,
) -> Result<&'a T, Vec<String>> {
    items
        .iter()
        .find(|item| name_of(item).eq_ignore_ascii_case(name))
        .ok_or_else(|| items.iter().map(|item| name_of(item).clone()).collect())
}

/// `US/san-francisco`.
pub(super) fn metro_id(country: &Country, metro: &Metro) -> String {
    format!("{}/{}", country.code, crate::words::slugify(&metro.name))
}

/// Applies the rounding rule; the only rounding an amount goes through.
pub fn round_once(amount: Decimal, rounding: &Rounding) -> Decimal {
    let steps = amount / rounding.step;
    let whole = match rounding.direction {
        RoundingDirection::Up => steps.ceil(),
        RoundingDirection::Down => steps.floor(),
        RoundingDirection::Nearest => {
            steps.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        }
    };
    (whole * rounding.step).normalize()
}

fn rounding_label(rounding: &Rounding, currency: &str) -> String {
    let how = match rounding.direction {
        RoundingDirection::Up => "up to",
        RoundingDirection::Down => "down to",
        RoundingDirection::Nearest => "to",
    };
    format!(
        "Rounded {how} the nearest {} {currency}",
        rounding.step.normalize()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nearest(step: u32) -> Rounding {
        Rounding {
            step: Decimal::from(step),
            direction: RoundingDirection::Nearest,
        }
    }

    #[test]
    fn nearest_rounding_takes_halves_up_as_documented_not_to_even() {
        assert_eq!(
            round_once(Decimal::from(250), &nearest(100)),
            Decimal::from(300)
        );
        assert_eq!(
            round_once(Decimal::from(350), &nearest(100)),
            Decimal::from(400)
        );
        assert_eq!(
            round_once(Decimal::from(249), &nearest(100)),
            Decimal::from(200)
        );
    }
}
