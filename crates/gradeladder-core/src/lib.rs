//! Gradeladder's core: job-family pages (GitLab handbook markdown) read into a typed catalog of
//! families → levels → grades, with ladders, search, level diffs and pay ranges. Knows nothing of
//! browsers.

#![forbid(unsafe_code)]

pub mod compare;
pub mod diagnostics;
pub mod expectations;
pub mod ladder;
pub mod level_id;
pub mod model;
#[cfg(feature = "parse")]
pub mod parse;
pub mod pay;
pub mod posting;
pub mod resolve;
pub mod rich;
pub mod scale;
pub mod search;
#[cfg(feature = "parse")]
pub mod seeds;
pub mod site;
pub mod words;

pub use diagnostics::{Diagnostic, Severity};
pub use level_id::{LevelId, LevelRef};
pub use model::*;
pub use rich::{Inline, RichText};
pub use scale::GradeScale;
pub use site::{DataFileError, SiteData};
