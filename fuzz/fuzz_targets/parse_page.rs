//! Fuzzes the page reader: any bytes, read as text, must parse without panicking and produce
//! a catalog whose JSON reads back.
#![no_main]

use gradeladder_core::parse::{parse_catalog, ParseOptions, SourcePage};
use gradeladder_core::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let pages = [SourcePage { path: "fuzz.md".to_owned(), text }];
    let catalog = parse_catalog(&pages, &ParseOptions::default());
    assert!(!catalog.families[0].levels.is_empty());
    let json = catalog.to_json();
    assert_eq!(Catalog::from_json(&json).expect("round trip"), catalog);
});
