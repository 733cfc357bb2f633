//! The in-browser import: the core's reader behind a small wasm-bindgen surface, run in a Web
//! Worker (`web/static/import/worker.js`) so the page stays responsive. Files go in one at a time
//! (the worker reports progress between them); out come the site data file (the same bytes
//! `gradeladder build` writes) and a report of every problem with its file, line and text.
//!
//! Nothing here touches the network: the files come from the page, the result goes back to it.

use gradeladder_core::parse::source::{is_page, read_files, too_large, MAX_PAGE_BYTES};
use gradeladder_core::parse::{CatalogBuilder, ParseOptions};
use gradeladder_core::{pay, Diagnostic, Severity, SiteData};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The footer line of a site imported in the browser.
const SOURCE: &str = "Job-family pages: your own, read in this browser.";

/// Reads pages one at a time, then [`Reader::finish`] makes the site.
#[wasm_bindgen]
pub struct Reader {
    builder: CatalogBuilder,
    /// Each file's text (pages, and the pay file), for the lines a report quotes.
    texts: Vec<(String, String)>,
    /// Problems with files as files (not markdown, too large, not UTF-8).
    file_problems: Vec<Diagnostic>,
    files: usize,
    pages: usize,
}

impl Default for Reader {
    fn default() -> Reader {
        Reader::new()
    }
}

#[wasm_bindgen]
impl Reader {
    /// An empty reader.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Reader {
        Reader {
            builder: CatalogBuilder::new(ParseOptions::default()),
            texts: Vec::new(),
            file_problems: Vec::new(),
            files: 0,
            pages: 0,
        }
    }

    /// Reads one file (`path` with `/` separators, as picked or dropped) of `size` bytes: `bytes`
    /// are its contents, or empty when [`wants_bytes`] said they are not needed.
    pub fn add(&mut self, path: &str, bytes: &[u8], size: f64) {
        self.files += 1;
        if is_page(path) {
            if let Some(error) = too_large(path, size as usize) {
                self.file_problems.push(error);
                return;
            }
        }
        let read = read_files([(path, bytes)]);
        self.file_problems.extend(read.diagnostics);
        for page in read.pages {
            self.pages += 1;
            self.builder.add(&page);
            self.texts.push((page.path, page.text));
        }
    }

    /// The site called `title`, with the pay model in `pay_text` (a pay file named `pay_name`)
    /// when one was given.
    pub fn finish(
        self,
        title: &str,
        pay_name: Option<String>,
        pay_text: Option<String>,
    ) -> Imported {
        let Reader {
            builder,
            mut texts,
            file_problems,
            files,
            pages,
        } = self;
        let mut catalog = builder.finish();
        let mut diagnostics = file_problems;
        diagnostics.append(&mut catalog.diagnostics);
        let mut pay_model = None;
        if let (Some(name), Some(text)) = (pay_name, pay_text) {
            match pay::file::read(&name, &text) {
                Ok(model) => pay_model = Some(model),
                Err(mut problems) => diagnostics.append(&mut problems),
            }
            texts.push((name, text));
        }
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        let problem = if files == 0 {
            Some("No files were given.".to_owned())
        } else if pages == 0 {
            Some(format!(
                "None of the {files} file(s) is a markdown page (.md): pick the folder that holds the job-family pages."
            ))
        } else if errors > 0 {
            Some(format!(
                "{errors} error(s) below must be fixed first: nothing was changed."
            ))
        } else {
            None
        };
        let levels = catalog.levels().count();
        let families = catalog.families.len();
        let data = problem.is_none().then(|| {
            SiteData {
                title: title.trim().to_owned(),
                source: SOURCE.to_owned(),
                catalog,
                pay: pay_model,
            }
            .encode()
        });
        let report = Report {
            files,
            pages,
            families,
            levels,
            errors,
            warnings,
            problem,
            diagnostics: diagnostics.iter().map(|d| Problem::of(d, &texts)).collect(),
        };
        Imported {
            data,
            report: serde_json::to_string(&report).unwrap_or_else(|_| "{}".to_owned()),
        }
    }
}

/// Whether the reader needs the contents of a file at `path` of `size` bytes: a markdown page
/// small enough to be one (other files are noted by name alone, so a large image beside the
/// pages is never read).
#[wasm_bindgen]
pub fn wants_bytes(path: &str, size: f64) -> bool {
    is_page(path) && size <= MAX_PAGE_BYTES as f64
}

/// What an import made.
#[wasm_bindgen]
pub struct Imported {
    data: Option<Vec<u8>>,
    report: String,
}

#[wasm_bindgen]
impl Imported {
    /// The site data file, when the pages had no errors.
    pub fn data(&self) -> Option<Vec<u8>> {
        self.data.clone()
    }

    /// The report, as JSON: `{ files, pages, families, levels, errors, warnings, problem,
    /// diagnostics: [{ file, line, column, severity, code, message, excerpt }] }`.
    pub fn report(&self) -> String {
        self.report.clone()
    }
}

#[derive(Serialize)]
struct Report {
    files: usize,
    pages: usize,
    families: usize,
    levels: usize,
    errors: usize,
    warnings: usize,
    /// Why the import changed nothing, when it did not.
    problem: Option<String>,
    diagnostics: Vec<Problem>,
}

/// A diagnostic as the import page lists it, with the line it points at.
#[derive(Serialize)]
struct Problem {
    file: String,
    line: u32,
    column: u32,
    severity: &'static str,
    code: String,
    message: String,
    /// The text of the line, shortened to 160 characters; empty when the file was not read.
    excerpt: String,
}

impl Problem {
    fn of(diagnostic: &Diagnostic, texts: &[(String, String)]) -> Problem {
        let excerpt = texts
            .iter()
            .find(|(path, _)| *path == diagnostic.file)
            .and_then(|(_, text)| text.lines().nth(diagnostic.line.saturating_sub(1) as usize))
            .map(|line| {
                let line = line.trim_end();
                match line.char_indices().nth(160) {
                    Some((cut, _)) => format!("{}…", &line[..cut]),
                    None => line.to_owned(),
                }
            })
            .unwrap_or_default();
        Problem {
            file: diagnostic.file.clone(),
            line: diagnostic.line,
            column: diagnostic.column,
            severity: match diagnostic.severity {
                Severity::Info => "info",
                Severity::Warning => "warning",
                Severity::Error => "error",
            },
            code: diagnostic.code.clone(),
            message: diagnostic.message.clone(),
            excerpt,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &[u8] =
        b"---\ntitle: Widgets\n---\n## Levels\n### Widget Lead\nThe Widget Lead is a grade 7.\n";

    #[test]
    fn pages_become_a_data_file_that_reads_back_with_their_levels() {
        let mut reader = Reader::new();
        reader.add("acme/widgets.md", PAGE, PAGE.len() as f64);
        reader.add("acme/logo.png", b"", 4.0);
        let imported = reader.finish("Acme careers", None, None);
        let site = SiteData::decode(&imported.data().expect("data")).expect("site");
        assert_eq!(site.title, "Acme careers");
        assert_eq!(site.catalog.levels().count(), 1);
        assert!(site.pay.is_none());
        let report: serde_json::Value = serde_json::from_str(&imported.report()).unwrap();
        assert_eq!(report["levels"], 1);
        assert_eq!(report["files"], 2);
        assert_eq!(report["diagnostics"][0]["code"], "GL017-not-a-page");
    }

    #[test]
    fn an_error_in_the_pay_file_changes_nothing_and_names_line_column_and_text() {
        let mut reader = Reader::new();
        reader.add("widgets.md", PAGE, PAGE.len() as f64);
        let imported = reader.finish(
            "Acme",
            Some("pay.toml".to_owned()),
            Some("[meta]\nname = 3\n".to_owned()),
        );
        assert!(imported.data().is_none());
        let report: serde_json::Value = serde_json::from_str(&imported.report()).unwrap();
        assert!(report["errors"].as_u64().unwrap() > 0);
        assert!(report["problem"]
            .as_str()
            .unwrap()
            .contains("nothing was changed"));
        let problem = &report["diagnostics"][0];
        assert_eq!(problem["file"], "pay.toml");
        assert!(problem["line"].as_u64().unwrap() >= 1);
        assert!(
            !problem["excerpt"].as_str().unwrap().is_empty(),
            "{problem}"
        );
    }

    #[test]
    fn a_page_too_large_is_named_with_its_real_size_without_being_read() {
        let mut reader = Reader::new();
        reader.add("widgets.md", PAGE, PAGE.len() as f64);
        assert!(!wants_bytes("export.md", 50.0 * 1024.0 * 1024.0));
        reader.add("export.md", b"", 50.0 * 1024.0 * 1024.0);
        let imported = reader.finish("Acme", None, None);
        assert!(imported.data().is_none(), "an error changes nothing");
        let report: serde_json::Value = serde_json::from_str(&imported.report()).unwrap();
        let problem = &report["diagnostics"][0];
        assert_eq!(problem["code"], "GL016-too-large");
        assert!(
            problem["message"].as_str().unwrap().contains("50.0 MB"),
            "{problem}"
        );
    }

    #[test]
    fn a_set_without_pages_says_so() {
        let mut reader = Reader::new();
        reader.add("notes.txt", b"", 5.0);
        let imported = reader.finish("Acme", None, None);
        assert!(imported.data().is_none());
        let report: serde_json::Value = serde_json::from_str(&imported.report()).unwrap();
        assert!(report["problem"]
            .as_str()
            .unwrap()
            .contains("None of the 1 file(s) is a markdown page"));
    }
}
