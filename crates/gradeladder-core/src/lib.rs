//! Gradeladder's core: job-family pages (GitLab handbook markdown) read into a typed catalog of
//! families → levels → grades, with ladders, search, level diffs and pay ranges. Knows nothing of
//! browsers.

mod bytemask;
pub mod compare;
pub mod diagnostics;
pub mod ladder;
pub mod model;
#[cfg(feature = "parse")]
pub mod parse;
pub mod pay;
pub mod rich;
pub mod scale;
pub mod search;
#[cfg(feature = "parse")]
pub mod seeds;
pub mod words;

pub use diagnostics::{Diagnostic, Severity};
pub use model::*;
pub use rich::{Inline, RichText};
pub use scale::GradeScale;
