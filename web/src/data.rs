//! The embedded catalog and pay model, read once from the JSON the build script produced.

use std::rc::Rc;

use gradeladder_core::pay::PayModel;
use gradeladder_core::Catalog;

/// The catalog JSON produced by `build.rs` from `data/job-families/`.
const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));
/// The pay model JSON produced by `build.rs` from `data/pay/example.toml`.
const PAY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pay.json"));

thread_local! {
    static CATALOG: Rc<Catalog> = Rc::new(
        Catalog::from_json(CATALOG_JSON).expect("build.rs writes a catalog of the current schema"),
    );
    static PAY: Rc<PayModel> = Rc::new(
        serde_json::from_str(PAY_JSON).expect("build.rs writes a valid pay model"),
    );
}

/// The embedded catalog (parsed on first use, shared afterwards).
pub fn catalog() -> Rc<Catalog> {
    CATALOG.with(Rc::clone)
}

/// The embedded pay model.
pub fn pay_model() -> Rc<PayModel> {
    PAY.with(Rc::clone)
}
