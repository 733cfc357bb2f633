//! Reads the seed pages and the example pay data at build time and embeds them in postcard's
//! compact binary form, so the browser bundle carries the data but neither the markdown reader,
//! the TOML reader nor a JSON parser.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=../data");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let catalog = gradeladder_core::seeds::catalog();
    let bytes = postcard::to_stdvec(&catalog).expect("the catalog serialises");
    std::fs::write(out.join("catalog.postcard"), bytes).expect("OUT_DIR is writable");
    let pay = gradeladder_core::pay::example();
    let bytes = postcard::to_stdvec(&pay).expect("the pay model serialises");
    std::fs::write(out.join("pay.postcard"), bytes).expect("OUT_DIR is writable");
}
