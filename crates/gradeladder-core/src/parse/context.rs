//! What the reader knows of the page it reads (its page-wide phrases, the link base, the grade
//! scale) and where it writes what it finds wrong (a diagnostics sink that turns offsets into
//! lines). Two types, so a step that only reads the context cannot report, and the reverse.

use super::page_phrases::{self, PagePhrase, PhrasesFound};
use super::text::LineIndex;
use super::ParseOptions;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::scale::GradeScale;

/// Read-only facts about the page being read.
pub(crate) struct PageContext<'a> {
    /// The page-wide phrases the page says.
    phrases: PhrasesFound,
    base_url: &'a str,
    scale: &'a GradeScale,
}

/// A link target the reader refuses to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnsafeScheme(pub String);

impl<'a> PageContext<'a> {
    /// The context of the (normalised) page `text`.
    pub(crate) fn new(text: &str, options: &'a ParseOptions) -> Self {
        PageContext {
            phrases: page_phrases::scan(text),
            base_url: options.base_url.trim_end_matches('/'),
            scale: &options.scale,
        }
    }

    /// Whether the page text says `phrase` anywhere, in any case and however its words are spaced
    /// or wrapped.
    pub(crate) fn page_says(&self, phrase: PagePhrase) -> bool {
        self.phrases.has(phrase)
    }

    /// Every page-wide phrase the page says.
    pub(crate) fn phrases(&self) -> PhrasesFound {
        self.phrases
    }

    /// Whether the grade scale has this grade.
    pub(crate) fn scale_has(&self, grade: u8) -> bool {
        self.scale.contains(grade)
    }

    /// An absolute, safe link target (empty when the target leads nowhere the catalog can
    /// link to); a `javascript:`, `data:` or `vbscript:` target is refused.
    pub(crate) fn resolve_link(&self, href: &str) -> Result<String, UnsafeScheme> {
        let href = href.trim();
        // The common cases first: handbook-relative paths, anchors and web links.
        if href.starts_with('/') && !href.starts_with("//") {
            let mut absolute = String::with_capacity(self.base_url.len() + href.len());
            absolute.push_str(self.base_url);
            absolute.push_str(href);
            return Ok(absolute);
        }
        if href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://") {
            return Ok(href.to_owned());
        }
        let scheme: String = href
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .take_while(|&c| c != ':')
            .collect::<String>()
            .to_ascii_lowercase();
        let has_scheme = href.contains(':')
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.');
        if has_scheme && matches!(scheme.as_str(), "javascript" | "data" | "vbscript") {
            return Err(UnsafeScheme(scheme));
        }
        if has_scheme {
            return Ok(if matches!(scheme.as_str(), "http" | "https" | "mailto") {
                href.to_owned()
            } else {
                String::new()
            });
        }
        if href.is_empty() {
            return Ok(String::new());
        }
        if let Some(rest) = href.strip_prefix("//") {
            return Ok(format!("https://{rest}"));
        }
        let path = href.trim_start_matches("./");
        Ok(if path.starts_with('/') {
            format!("{}{path}", self.base_url)
        } else {
            format!("{}/{path}", self.base_url)
        })
    }
}

/// Collects the diagnostics of one page, placing each at a line and column of the file.
pub(crate) struct DiagnosticSink<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> DiagnosticSink<'a> {
    /// An empty sink for the page `file` whose (normalised) text is `text`.
    pub(crate) fn new(file: &'a str, text: &'a str) -> Self {
        DiagnosticSink {
            file,
            text,
            lines: LineIndex::new(text),
            diagnostics: Vec::new(),
        }
    }

    /// 1-based line of a byte offset into the page.
    pub(crate) fn line(&self, offset: usize) -> u32 {
        self.lines.line(offset)
    }

    /// Records a problem at a byte offset.
    pub(crate) fn report(&mut self, offset: usize, severity: Severity, code: Code, message: &str) {
        let (line, column) = self.lines.position(self.text, offset);
        self.push(line, column, severity, code, message);
    }

    /// Records a problem at the first non-blank column of a line.
    pub(crate) fn report_line(&mut self, line: u32, severity: Severity, code: Code, message: &str) {
        let start = self.lines.line_start(line);
        let indent = self.text[start..]
            .chars()
            .take_while(|c| *c != '\n' && c.is_whitespace())
            .count();
        self.push(line, indent as u32 + 1, severity, code, message);
    }

    /// Records that a link with an unsafe scheme was removed.
    pub(crate) fn unsafe_link(&mut self, offset: usize, scheme: &UnsafeScheme) {
        self.report(
            offset,
            Severity::Warning,
            Code::UnsafeLink,
            &format!(
                "a `{}:` link target was removed; links may only point to web pages",
                scheme.0
            ),
        );
    }

    fn push(&mut self, line: u32, column: u32, severity: Severity, code: Code, message: &str) {
        self.diagnostics.push(Diagnostic {
            file: self.file.to_owned(),
            line,
            column,
            severity,
            code: code.as_str().to_owned(),
            message: message.to_owned(),
        });
    }

    /// Everything recorded, in the order it was found.
    pub(crate) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
