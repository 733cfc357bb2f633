//! One role priced in several locations at once: each in its local currency and, when asked, all
//! in one currency, for the side-by-side view and for job postings.

use super::compute::{LocationChoice, PayAnswer, PayError, PayQuery};
use super::model::PayModel;

/// A role's pay in one location.
#[derive(Debug, Clone, PartialEq)]
pub struct LocationPay {
    /// The location, by id and label.
    pub place: LocationChoice,
    /// The answer in the location's own currency.
    pub local: PayAnswer,
    /// The answer in the chosen common currency, when one was asked for and differs.
    pub common: Option<PayAnswer>,
}

/// Splits a list of locations as an address or a command line writes it (`US,GB/london`).
pub fn split_locations(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl PayModel {
    /// The role (`title`, `grade`) priced in each of `locations` (ids or names; repeats are
    /// dropped), each in its local currency and, with `common`, also in that currency. An unknown
    /// location or currency is an error naming it, with the nearest known names.
    pub fn price_in_locations(
        &self,
        title: &str,
        grade: Option<u8>,
        locations: &[String],
        common: Option<&str>,
    ) -> Result<Vec<LocationPay>, PayError> {
        let mut out: Vec<LocationPay> = Vec::new();
        for location in locations {
            let place = self.locate(location)?;
            if out.iter().any(|p| p.place.id == place.id) {
                continue;
            }
            let query = PayQuery {
                title,
                grade,
                location: &place.id,
                ..PayQuery::default()
            };
            let local = self.estimate(&query)?;
            let local_currency = match &local {
                PayAnswer::Range(range) => Some(range.currency.clone()),
                PayAnswer::NoPayData { .. } => None,
            };
            let common = match common {
                Some(currency)
                    if local_currency
                        .as_deref()
                        .is_some_and(|c| !c.eq_ignore_ascii_case(currency)) =>
                {
                    Some(self.estimate(&PayQuery {
                        currency: Some(currency),
                        ..query
                    })?)
                }
                Some(currency) => {
                    // Checked even where nothing is converted, so a wrong code is never ignored.
                    if !currency.eq_ignore_ascii_case(&self.meta.currency)
                        && self.exchange.rate(currency).is_none()
                    {
                        return Err(PayError::MissingRate {
                            currency: currency.to_ascii_uppercase(),
                        });
                    }
                    None
                }
                None => None,
            };
            out.push(LocationPay {
                place,
                local,
                common,
            });
        }
        Ok(out)
    }
}

#[cfg(all(test, feature = "parse"))]
mod tests {
    use super::*;

    fn ids(list: &[LocationPay]) -> Vec<&str> {
        list.iter().map(|p| p.place.id.as_str()).collect()
    }

    #[test]
    fn a_role_is_priced_in_each_location_once_locally_and_in_the_common_currency() {
        let model = crate::pay::example();
        let places = split_locations("US, GB/london,London,, nl");
        let priced = model
            .price_in_locations("Senior Backend Engineer", Some(7), &places, Some("EUR"))
            .expect("known locations");
        assert_eq!(ids(&priced), ["US", "GB/london", "NL"]);
        let currency = |answer: &PayAnswer| match answer {
            PayAnswer::Range(r) => r.currency.clone(),
            PayAnswer::NoPayData { reason } => reason.clone(),
        };
        assert_eq!(currency(&priced[1].local), "GBP");
        assert_eq!(
            priced[1].common.as_ref().map(currency).as_deref(),
            Some("EUR")
        );
        assert_eq!(priced[2].common, None, "already in euros");
    }

    #[test]
    fn an_unknown_location_or_currency_is_named() {
        let model = crate::pay::example();
        let err = model
            .price_in_locations("Engineer", Some(6), &split_locations("US,Londn"), None)
            .unwrap_err();
        assert!(err.to_string().contains("London"), "{err}");
        let err = model
            .price_in_locations("Engineer", Some(6), &split_locations("NL"), Some("XYZ"))
            .unwrap_err();
        assert_eq!(err.to_string(), "no exchange rate for XYZ in the pay data");
    }
}
