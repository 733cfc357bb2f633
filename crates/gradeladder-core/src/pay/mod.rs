//! Pay: from a role's grade and a location to a pay range, with the math shown. Two models
//! (formula and bands), exact decimal arithmetic, one rounding where the model's rule says.

mod choices;
pub mod compute;
mod date;
mod decimal_serde;
#[cfg(feature = "parse")]
pub mod file;
pub mod model;
mod places;

pub use choices::DEFAULT_LOCATION;
pub use compute::{LocationChoice, PayAnswer, PayError, PayQuery, PayRange, Step};
pub use date::{Date, Provenance, Staleness};
pub use model::PayModel;
pub use places::{split_locations, LocationPay};

/// The embedded example pay data (`data/pay/example.toml`): figures from the handbook's examples,
/// marked `example = true`.
#[cfg(feature = "parse")]
pub const EXAMPLE_TOML: &str = include_str!("../../../../data/pay/example.toml");

/// The embedded example pay model.
#[cfg(feature = "parse")]
pub fn example() -> PayModel {
    file::read("data/pay/example.toml", EXAMPLE_TOML)
        .expect("the embedded example pay data is valid")
}
