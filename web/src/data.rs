//! The embedded catalog and pay model, decoded once from what the build script produced.

use std::rc::Rc;

use gradeladder_core::pay::PayModel;
use gradeladder_core::{Catalog, SCHEMA_VERSION};

/// The catalog from `data/job-families/`, postcard-encoded by `build.rs`.
const CATALOG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard"));
/// The pay model from `data/pay/example.toml`, postcard-encoded by `build.rs`.
const PAY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pay.postcard"));

thread_local! {
    static CATALOG_DATA: Rc<Catalog> = {
        let catalog: Catalog = postcard::from_bytes(CATALOG).expect("build.rs encodes the catalog with the same types");
        assert_eq!(catalog.schema, SCHEMA_VERSION);
        Rc::new(catalog)
    };
    static PAY_DATA: Rc<PayModel> = Rc::new(
        postcard::from_bytes(PAY).expect("build.rs encodes the pay model with the same types"),
    );
}

/// The embedded catalog (decoded on first use, shared afterwards).
pub fn catalog() -> Rc<Catalog> {
    CATALOG_DATA.with(Rc::clone)
}

/// The embedded pay model.
pub fn pay_model() -> Rc<PayModel> {
    PAY_DATA.with(Rc::clone)
}
