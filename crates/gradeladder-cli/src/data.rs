//! Where the CLI's data comes from: the embedded seeds or every `*.md` under a directory, and
//! the embedded example pay model or a pay file.

use std::path::Path;

use gradeladder_core::parse::{parse_catalog, ParseOptions, SourcePage};
use gradeladder_core::pay::{self, PayModel};
use gradeladder_core::{seeds, Catalog, Diagnostic};

/// A catalog with the page texts it was read from (for showing source lines).
pub struct Loaded {
    /// The catalog.
    pub catalog: Catalog,
    /// The pages, by path.
    pub pages: Vec<SourcePage>,
}

/// Reads the pages under `dir` (recursively), or the embedded seeds when `dir` is `None`.
pub fn load(dir: Option<&Path>) -> Result<Loaded, String> {
    let pages = match dir {
        None => seeds::source_pages(),
        Some(dir) => {
            if !dir.is_dir() {
                return Err(format!("--data {}: not a directory", dir.display()));
            }
            let mut pages = Vec::new();
            collect(dir, dir, &mut pages)?;
            if pages.is_empty() {
                return Err(format!("--data {}: no *.md files found", dir.display()));
            }
            pages
        }
    };
    let catalog = parse_catalog(&pages, &ParseOptions::default());
    Ok(Loaded { catalog, pages })
}

fn collect(root: &Path, dir: &Path, pages: &mut Vec<SourcePage>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect(root, &path, pages)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let relative = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            pages.push(SourcePage {
                path: relative,
                text,
            });
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
