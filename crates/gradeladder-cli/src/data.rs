//! Where the CLI's data comes from: the embedded seeds or every `*.md` under a directory, and
//! the embedded example pay model or a pay file.

use std::path::Path;

use gradeladder_core::parse::source::read_files;
use gradeladder_core::parse::{parse_catalog, ParseOptions, SourcePage};
use gradeladder_core::pay::{self, PayModel};
use gradeladder_core::{seeds, Catalog, Diagnostic};

/// A catalog with the page texts it was read from (for showing source lines).
pub struct Loaded {
    /// The catalog.
    pub catalog: Catalog,
    /// The pages, by path.
    pub pages: Vec<SourcePage>,
    /// Files under the directory that are not markdown pages, left out.
    pub not_pages: usize,
}

/// Reads the pages under `dir` (recursively), or the embedded seeds when `dir` is `None`.
///
/// Every file is handed to the core's `read_files`: markdown pages are read (invalid UTF-8 and
/// oversized files each get a diagnostic, first in the list), other files are counted and left out.
pub fn load(dir: Option<&Path>) -> Result<Loaded, String> {
    let Some(dir) = dir else {
        let pages = seeds::source_pages();
        let catalog = parse_catalog(&pages, &ParseOptions::default());
        return Ok(Loaded {
            catalog,
            pages,
            not_pages: 0,
        });
    };
    if !dir.is_dir() {
        return Err(format!("--data {}: not a directory", dir.display()));
    }
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    let read = read_files(
        files
            .iter()
            .map(|(path, bytes)| (path.as_str(), bytes.as_slice())),
    );
    if read.pages.is_empty() && read.diagnostics.iter().all(|d| d.code == NOT_A_PAGE) {
        return Err(format!("--data {}: no *.md files found", dir.display()));
    }
    let not_pages = read
        .diagnostics
        .iter()
        .filter(|d| d.code == NOT_A_PAGE)
        .count();
    let mut catalog = parse_catalog(&read.pages, &ParseOptions::default());
    let mut diagnostics: Vec<_> = read
        .diagnostics
        .into_iter()
        .filter(|d| d.code != NOT_A_PAGE)
        .collect();
    diagnostics.append(&mut catalog.diagnostics);
    catalog.diagnostics = diagnostics;
    Ok(Loaded {
        catalog,
        pages: read.pages,
        not_pages,
    })
}

/// The code of a file left out for not being a markdown page (counted, not listed, here: a
/// folder of pages often holds images and notes too).
const NOT_A_PAGE: &str = "GL017-not-a-page";

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
        } else {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let relative = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            // Only pages are read whole: a large image or archive beside them costs nothing.
            let bytes = if gradeladder_core::parse::source::is_page(&relative) {
                std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?
            } else {
                Vec::new()
            };
            files.push((relative, bytes));
        }
    }
    Ok(())
}

/// Why a pay file could not be used.
pub enum PayFileError {
    /// It could not be read (a usage problem: wrong path, no permission).
    Unreadable(String),
    /// It was read and has errors; `text` is what was read, for showing the lines.
    Invalid {
        /// The path as given.
        name: String,
        /// The file's text.
        text: String,
        /// The errors, with lines and columns.
        errors: Vec<Diagnostic>,
    },
}

/// Reads a pay data file, or the embedded example figures when `path` is `None`.
pub fn load_pay(path: Option<&Path>) -> Result<PayModel, PayFileError> {
    let Some(path) = path else {
        return Ok(pay::example());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| PayFileError::Unreadable(format!("--pay {}: {e}", path.display())))?;
    let name = path.display().to_string();
    pay::file::read(&name, &text).map_err(|errors| PayFileError::Invalid { name, text, errors })
}
