//! Reads the seed pages and the example pay data at build time and embeds them as JSON, so the
//! browser bundle carries data but neither the markdown reader nor the TOML reader.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=../data");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let catalog = gradeladder_core::seeds::catalog();
    std::fs::write(out.join("catalog.json"), catalog.to_json()).expect("OUT_DIR is writable");
    let pay = gradeladder_core::pay::example();
    let pay = serde_json::to_string(&pay).expect("pay model is JSON");
    std::fs::write(out.join("pay.json"), pay).expect("OUT_DIR is writable");
}
