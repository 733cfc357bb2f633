//! Problems found in job-family pages, located by file, line and column, with a stable code.

use serde::{Deserialize, Serialize};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; the catalog is complete.
    Info,
    /// Something was dropped or left unresolved; the catalog is usable.
    Warning,
    /// Data is missing or wrong; `gradeladder check` fails.
    Error,
}

/// One problem found while reading a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Path of the page relative to the data directory.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// How bad it is.
    pub severity: Severity,
    /// Stable identifier of the kind of problem, see [`Code`].
    pub code: String,
    /// What is wrong and what to do, for a data maintainer.
    pub message: String,
}

/// The kinds of problem the reader reports. Codes are stable: tools may match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// A level has no job grade anywhere in its part of the page.
    MissingGrade,
    /// The page states explicitly that a level has no grade.
    NoGradeStated,
    /// A page yields no level at all.
    NoLevels,
    /// The YAML front matter could not be read.
    FrontMatter,
    /// The front matter has no title, or a template placeholder as title.
    MissingTitle,
    /// An inheritance phrase names nothing the reader could find.
    UnresolvedInheritance,
    /// A link target with a dangerous scheme was removed.
    UnsafeLink,
    /// Raw HTML was dropped.
    RawHtml,
    /// Template placeholder text (`{add …}`, `TBD`) is still on the page.
    Placeholder,
    /// A grade outside the company's grade scale.
    GradeOutOfScale,
    /// A mermaid ladder line the reader did not understand.
    LadderSyntax,
    /// Two levels of one family share a title.
    DuplicateLevel,
    /// Nesting deeper than the reader follows; the rest was flattened.
    TooDeep,
    /// A level's Job Grade section and the page's levels table give different grades.
    GradeConflict,
    /// A page's bytes are not valid UTF-8; they were read with replacement characters.
    NotUtf8,
    /// A file too large to be a job-family page; not read.
    TooLarge,
    /// A file that is not a markdown page; not read.
    NotAPage,
}

impl Code {
    /// The stable string form, such as `GL001`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::MissingGrade => "GL001-missing-grade",
            Code::NoGradeStated => "GL002-no-grade-stated",
            Code::NoLevels => "GL003-no-levels",
            Code::FrontMatter => "GL004-front-matter",
            Code::MissingTitle => "GL005-missing-title",
            Code::UnresolvedInheritance => "GL006-unresolved-inheritance",
            Code::UnsafeLink => "GL007-unsafe-link",
            Code::RawHtml => "GL008-raw-html",
            Code::Placeholder => "GL009-placeholder",
            Code::GradeOutOfScale => "GL010-grade-out-of-scale",
            Code::LadderSyntax => "GL011-ladder-syntax",
            Code::DuplicateLevel => "GL012-duplicate-level",
            Code::TooDeep => "GL013-too-deep",
            Code::GradeConflict => "GL014-grade-conflict",
            Code::NotUtf8 => "GL015-not-utf8",
            Code::TooLarge => "GL016-too-large",
            Code::NotAPage => "GL017-not-a-page",
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(
            f,
            "{}:{}:{}: {severity}[{}]: {}",
            self.file, self.line, self.column, self.code, self.message
        )
    }
}
