//! How the pay model's decimals are serialised: as decimal strings in human-readable formats
//! (JSON, TOML), and as rust_decimal's 16-byte form in compact binary ones (the postcard data the
//! browser bundle embeds), so the bundle decodes them without carrying a decimal-string parser.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Serialises a decimal (see the module doc for the two forms).
pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        Serialize::serialize(value, serializer)
    } else {
        Serialize::serialize(&value.serialize(), serializer)
    }
}

/// Deserialises a decimal written by [`serialize`].
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    if deserializer.is_human_readable() {
        <Decimal as Deserialize>::deserialize(deserializer)
    } else {
        <[u8; 16] as Deserialize>::deserialize(deserializer).map(Decimal::deserialize)
    }
}

/// The same two forms for an optional decimal.
pub mod option {
    use super::*;

    /// Serialises an optional decimal.
    pub fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wrapped<'a>(#[serde(with = "super")] &'a Decimal);
        value.as_ref().map(Wrapped).serialize(serializer)
    }

    /// Deserialises an optional decimal written by [`serialize`].
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super")] Decimal);
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(value)| value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Factors {
        #[serde(with = "super")]
        factor: Decimal,
        #[serde(default, with = "super::option")]
        share: Option<Decimal>,
    }

    #[test]
    fn json_keeps_decimals_as_strings_with_their_scale() {
        let factors = Factors {
            factor: "1.10".parse().unwrap(),
            share: None,
        };
        let json = serde_json::to_string(&factors).unwrap();
        assert_eq!(json, r#"{"factor":"1.10","share":null}"#);
        assert_eq!(serde_json::from_str::<Factors>(&json).unwrap(), factors);
    }

    #[test]
    fn postcard_round_trips_decimals_exactly() {
        let factors = Factors {
            factor: "0.000000000000000000000000001".parse().unwrap(),
            share: Some("-123456789.1200".parse().unwrap()),
        };
        let bytes = postcard::to_stdvec(&factors).unwrap();
        let back: Factors = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, factors);
        assert_eq!(back.share.unwrap().to_string(), "-123456789.1200");
    }
}
