//! The choices a pay form offers for a model: locations (by id or name), currencies and compa
//! groups, so every front end offers and reads them the same way.

use super::compute::{LocationChoice, PayError};
use super::model::{Method, PayModel};

/// The location a pay panel shows until someone picks one.
pub const DEFAULT_LOCATION: &str = "US";

impl PayModel {
    /// The choice a location id or name resolves to (its stable id and its label), or the
    /// error with the nearest known locations.
    pub fn locate(&self, query: &str) -> Result<LocationChoice, PayError> {
        let (country, metro) = self.find_location(query)?;
        Ok(match metro {
            Some(metro) => LocationChoice {
                id: super::compute::metro_id(country, metro),
                label: format!("{}, {}", metro.name, country.country),
            },
            None => LocationChoice {
                id: country.code.clone(),
                label: format!("{} (elsewhere)", country.country),
            },
        })
    }

    /// Currencies amounts can be shown in, as the model lists them.
    pub fn currencies(&self) -> Vec<&str> {
        self.exchange
            .rates
            .iter()
            .map(|r| r.name.as_str())
            .collect()
    }

    /// Compa groups the model offers (none for a bands model).
    pub fn compa_groups(&self) -> Vec<&str> {
        match &self.method {
            Method::Formula(formula) => formula
                .compa_groups
                .iter()
                .map(|g| g.name.as_str())
                .collect(),
            Method::Bands(_) => Vec::new(),
        }
    }
}

#[cfg(all(test, feature = "parse"))]
mod tests {
    use super::*;

    #[test]
    fn a_location_name_or_id_resolves_to_its_id_and_label() {
        let model = crate::pay::example();
        let london = model.locate("London").expect("London is in the example");
        assert_eq!(london.id, "GB/london");
        assert_eq!(model.locate(&london.id), Ok(london.clone()));
        assert_eq!(model.locate("gb/LONDON"), Ok(london));
        let us = model
            .locate(DEFAULT_LOCATION)
            .expect("the default is in the example");
        assert_eq!(us.id, "US");
        assert!(model.locate("Atlantis").is_err());
    }

    #[test]
    fn the_example_offers_its_currencies_and_compa_groups() {
        let model = crate::pay::example();
        assert!(model.currencies().contains(&"EUR"));
        assert_eq!(
            model.compa_groups(),
            ["Learning", "Growing", "Thriving", "Expert"]
        );
    }
}
