//! Files as a maintainer hands them over (a folder, a picked set, dropped files) → the pages the
//! reader takes, with a diagnostic for each file it cannot take as it is: not a markdown page,
//! too large to be one, or not UTF-8. The CLI and the in-browser import both read files here.

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::parse::SourcePage;

/// The largest file read as a page. Job-family pages run to tens of kilobytes; a file of many
/// megabytes is something else (an export, a log) and would only slow the reader down.
pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// What [`read_files`] made of a set of files.
#[derive(Debug, Default)]
pub struct ReadFiles {
    /// The pages to parse, in the order given.
    pub pages: Vec<SourcePage>,
    /// One diagnostic per file not read, or read with replacement characters.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether `path` names a markdown page (`.md` or `.markdown`, any case).
pub fn is_page(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    !name.starts_with('.') && (name.ends_with(".md") || name.ends_with(".markdown"))
}

/// Reads `files` (path with `/` separators, bytes): markdown pages of at most [`MAX_PAGE_BYTES`]
/// become pages (invalid UTF-8 replaced, with a warning at its line and column); other files
/// are left out, each with a note or an error saying why.
pub fn read_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> ReadFiles {
    let mut read = ReadFiles::default();
    for (path, bytes) in files {
        if !is_page(path) {
            read.diagnostics.push(file_diagnostic(
                path,
                1,
                1,
                Severity::Info,
                Code::NotAPage,
                "not a markdown page (.md); not read".to_owned(),
            ));
            continue;
        }
        if let Some(error) = too_large(path, bytes.len()) {
            read.diagnostics.push(error);
            continue;
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(error) => {
                let (line, column) = line_column(bytes, error.valid_up_to());
                read.diagnostics.push(file_diagnostic(
                    path,
                    line,
                    column,
                    Severity::Warning,
                    Code::NotUtf8,
                    "the page is not valid UTF-8 here; such bytes read as \u{fffd}: save it as UTF-8".to_owned(),
                ));
                String::from_utf8_lossy(bytes).into_owned()
            }
        };
        read.pages.push(SourcePage {
            path: path.to_owned(),
            text,
        });
    }
    read
}

/// The error for a page of `size` bytes when that is over [`MAX_PAGE_BYTES`] (for a caller that
/// knows a file's size without reading it).
pub fn too_large(path: &str, size: usize) -> Option<Diagnostic> {
    (size > MAX_PAGE_BYTES).then(|| {
        file_diagnostic(
            path,
            1,
            1,
            Severity::Error,
            Code::TooLarge,
            format!(
                "the file is {}, too large for a job-family page (at most {}); not read",
                megabytes(size),
                megabytes(MAX_PAGE_BYTES)
            ),
        )
    })
}

fn file_diagnostic(
    path: &str,
    line: u32,
    column: u32,
    severity: Severity,
    code: Code,
    message: String,
) -> Diagnostic {
    Diagnostic {
        file: path.to_owned(),
        line,
        column,
        severity,
        code: code.as_str().to_owned(),
        message,
    }
}

/// 1-based line and column (in characters) of byte `offset`, counting only the valid text before it.
fn line_column(bytes: &[u8], offset: usize) -> (u32, u32) {
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column =
        std::str::from_utf8(&before[line_start..]).map_or(1, |text| text.chars().count() + 1);
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// Megabytes to one decimal, rounded up (so a file just over the limit never reads as the limit).
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0;
    format!("{tenths:.1} MB")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_read_with_replacement_and_a_warning_at_its_place() {
        let bytes = b"---\ntitle: Caf\xe9\n---\n";
        let read = read_files([("a/page.md", &bytes[..])]);
        assert_eq!(read.pages.len(), 1);
        assert!(read.pages[0].text.contains("Caf\u{fffd}"));
        let warning = &read.diagnostics[0];
        assert_eq!(warning.code, "GL015-not-utf8");
        assert_eq!((warning.line, warning.column), (2, 11));
        assert_eq!(warning.severity, Severity::Warning);
    }

    #[test]
    fn a_file_over_the_limit_is_an_error_and_not_read() {
        let big = vec![b'a'; MAX_PAGE_BYTES + 1];
        let read = read_files([("big.md", big.as_slice())]);
        assert!(read.pages.is_empty());
        assert_eq!(read.diagnostics[0].code, "GL016-too-large");
        assert_eq!(read.diagnostics[0].severity, Severity::Error);
        assert!(
            read.diagnostics[0].message.contains("is 8.1 MB")
                && read.diagnostics[0].message.contains("at most 8.0 MB"),
            "{}",
            read.diagnostics[0].message
        );
    }

    #[test]
    fn files_that_are_not_markdown_pages_are_noted_and_left_out() {
        let read = read_files([
            ("notes.txt", &b"hello"[..]),
            ("image.png", &b"\x89PNG"[..]),
            (".hidden.md", &b"x"[..]),
            ("Page.MD", &b"# Page"[..]),
        ]);
        assert_eq!(read.pages.len(), 1);
        assert_eq!(read.pages[0].path, "Page.MD");
        assert_eq!(read.diagnostics.len(), 3);
        assert!(read
            .diagnostics
            .iter()
            .all(|d| d.code == "GL017-not-a-page" && d.severity == Severity::Info));
    }
}
