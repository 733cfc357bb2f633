//! Reads the seed pages at build time and embeds the catalog as JSON, so the browser bundle
//! carries data but not the markdown reader.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=../data/job-families");
    let catalog = gradeladder_core::seeds::catalog();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("catalog.json"),
        serde_json::to_string(&catalog).expect("catalog is JSON"),
    )
    .expect("OUT_DIR is writable");
}
