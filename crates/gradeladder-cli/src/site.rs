//! `gradeladder build`: job-family pages (and a pay file) → a complete static bundle, assembled
//! from the app shell carried inside this binary (no cargo, no node, no network). The bundle is
//! written beside `--out` and moved into place only when whole, so a failed build leaves `--out` as
//! it was.

use std::path::{Path, PathBuf};

use gradeladder_core::pay::PayModel;
use gradeladder_core::site::DATA_FILE_NAME;
use gradeladder_core::{Catalog, SiteData};
use gradeladder_web::bundle::{self, Assembled};

/// The app shell carried inside this binary (see `build.rs`).
mod shell {
    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));
}

/// The shell's files, or why this binary has none.
fn shell_files() -> Result<Vec<(String, Vec<u8>)>, String> {
    if shell::FILES.is_empty() {
        return Err("this gradeladder binary carries no app; build one with `cargo xtask cli` (release binaries carry it)".to_owned());
    }
    Ok(shell::FILES
        .iter()
        .map(|(name, bytes)| ((*name).to_owned(), bytes.to_vec()))
        .collect())
}

/// The site a bundle shows.
pub fn site_data(
    title: String,
    source: String,
    catalog: Catalog,
    pay: Option<PayModel>,
) -> SiteData {
    SiteData {
        title,
        source,
        catalog,
        pay,
    }
}

/// Writes the bundle of `site` into a new folder `out` (replacing an earlier bundle there; an
/// existing folder that is neither empty nor a bundle is refused).
pub fn write_bundle(site: &SiteData, out: &Path) -> Result<Assembled, String> {
    check_replaceable(out)?;
    let shell = shell_files()?;
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .ok_or_else(|| format!("--out {}: not a folder name", out.display()))?
        .to_string_lossy()
        .into_owned();
    std::fs::create_dir_all(&parent).map_err(|e| format!("--out {}: {e}", parent.display()))?;
    let staging = parent.join(format!(".{name}.partial-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    let assembled = match assemble(&shell, site, &staging) {
        Ok(assembled) => assembled,
        Err(error) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(error);
        }
    };
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| format!("--out {}: {e}", out.display()))?;
    }
    if let Err(error) = std::fs::rename(&staging, out) {
        if old.exists() {
            let _ = std::fs::rename(&old, out);
        }
        let _ = std::fs::remove_dir_all(&staging);
        return Err(format!("--out {}: {error}", out.display()));
    }
    if old.exists() {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(assembled)
}

/// Writes the bundle of `site` into `dir` (existing, empty).
pub fn assemble(
    shell: &[(String, Vec<u8>)],
    site: &SiteData,
    dir: &Path,
) -> Result<Assembled, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start: {e}"))?;
    tokio::task::LocalSet::new().block_on(&runtime, bundle::assemble(shell, &[], site, dir))
}

/// The app shell, for `serve`.
pub fn shell() -> Result<Vec<(String, Vec<u8>)>, String> {
    shell_files()
}

/// `out` may be written: it does not exist, is an empty folder, or holds an earlier bundle.
fn check_replaceable(out: &Path) -> Result<(), String> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(format!("--out {}: is a file, not a folder", out.display()));
    }
    let empty = std::fs::read_dir(out)
        .map_err(|e| format!("--out {}: {e}", out.display()))?
        .next()
        .is_none();
    if empty || out.join(DATA_FILE_NAME).is_file() {
        Ok(())
    } else {
        Err(format!(
            "--out {}: the folder has other files and is not a Gradeladder bundle (it has no {DATA_FILE_NAME}); choose a new or empty folder",
            out.display()
        ))
    }
}
