//! `cargo xtask size`: raw and gzip bytes of every file of the bundle.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

/// Prints a table of `dir`'s files with raw and gzip (level 9) sizes and the totals.
pub fn report(dir: &Path) -> Result<(), String> {
    let files = crate::files::read_tree(dir)?;
    if files.is_empty() {
        return Err(format!(
            "{} is empty: run `cargo xtask dist` first",
            dir.display()
        ));
    }
    let (mut raw_total, mut gzip_total) = (0usize, 0usize);
    println!("{:>10} {:>10}  file", "raw", "gzip");
    for (name, bytes) in &files {
        let gzip = gzip_len(bytes)?;
        raw_total += bytes.len();
        gzip_total += gzip;
        println!("{:>10} {:>10}  {name}", bytes.len(), gzip);
    }
    println!(
        "{raw_total:>10} {gzip_total:>10}  total ({} files)",
        files.len()
    );
    let mut app = 0;
    let mut widget = 0;
    for (name, bytes) in &files {
        let gzip = gzip_len(bytes)?;
        if name.starts_with("widget/") {
            widget += gzip;
        } else if !name.starts_with("embed-") {
            app += gzip;
        }
    }
    println!("\n{app:>21}  gzip bytes of the app (everything but the widget and its demo pages)");
    println!("{widget:>21}  gzip bytes a host page downloads for one or more widgets (widget/*)");
    println!(
        "{:>21}  gzip bytes of mermaid.min.js, which the handbook loads to draw one ladder",
        975_709
    );
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(encoder.finish().map_err(|e| e.to_string())?.len())
}
