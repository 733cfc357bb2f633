//! The embedded catalog, read once from the JSON the build script produced.

use std::rc::Rc;

use gradeladder_core::Catalog;

/// The catalog JSON produced by `build.rs` from `data/job-families/`.
const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

thread_local! {
    static CATALOG: Rc<Catalog> = Rc::new(
        Catalog::from_json(CATALOG_JSON).expect("build.rs writes a catalog of the current schema"),
    );
}

/// The embedded catalog (parsed on first use, shared afterwards).
pub fn catalog() -> Rc<Catalog> {
    CATALOG.with(Rc::clone)
}
