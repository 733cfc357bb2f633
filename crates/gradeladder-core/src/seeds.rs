//! The embedded default data set: the five seed job-family pages from `data/job-families/`.

use crate::model::Catalog;
use crate::parse::{parse_catalog, ParseOptions, SourcePage};

/// The seed pages as (file name, text), in file-name order.
pub const PAGES: &[(&str, &str)] = &[
    (
        "engineering-productivity-manager.md",
        include_str!("../../../data/job-families/engineering-productivity-manager.md"),
    ),
    (
        "engineering-technical-program-management-leadership.md",
        include_str!(
            "../../../data/job-families/engineering-technical-program-management-leadership.md"
        ),
    ),
    (
        "it-management.md",
        include_str!("../../../data/job-families/it-management.md"),
    ),
    (
        "open-source-outreach-engineering-manager.md",
        include_str!("../../../data/job-families/open-source-outreach-engineering-manager.md"),
    ),
    (
        "senior-engineering-manager.md",
        include_str!("../../../data/job-families/senior-engineering-manager.md"),
    ),
];

/// The seed pages as parser input.
pub fn source_pages() -> Vec<SourcePage> {
    PAGES
        .iter()
        .map(|(path, text)| SourcePage {
            path: (*path).to_owned(),
            text: (*text).to_owned(),
        })
        .collect()
}

/// The default catalog, read from the seed pages with default options.
pub fn catalog() -> Catalog {
    parse_catalog(&source_pages(), &ParseOptions::default())
}

/// Where the seed pages come from, as the default bundle's footer says.
pub const SOURCE: &str = "Job-family pages: GitLab handbook (CC BY-SA 4.0).";

/// The default bundle's data: the seed pages and the example pay model.
pub fn site() -> crate::SiteData {
    crate::SiteData {
        title: "Gradeladder".to_owned(),
        source: SOURCE.to_owned(),
        catalog: catalog(),
        pay: Some(crate::pay::example()),
    }
}
