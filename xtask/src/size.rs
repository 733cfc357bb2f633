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
    // A visit downloads one page: the app's code and data, plus the largest pre-rendered page.
    let mut app = 0;
    let mut loader = 0;
    let mut card = 0;
    let mut widget = 0;
    let mut whole_data = 0;
    let mut largest_family = (0usize, String::new());
    let mut import = 0;
    let mut posting = 0;
    let (mut pages, mut pages_gzip, mut largest_page) = (0usize, 0usize, (0usize, String::new()));
    for (name, bytes) in &files {
        let gzip = gzip_len(bytes)?;
        if name.starts_with("widget/gradeladder-posting") {
            posting += gzip;
        } else if name.starts_with("widget/gradeladder-card") {
            card += gzip;
        } else if name == "widget/gradeladder.js" {
            loader += gzip;
        } else if name.starts_with("widget/data/") {
            if gzip > largest_family.0 {
                largest_family = (gzip, name.clone());
            }
        } else if name == "widget/data.bin" {
            whole_data = gzip;
        } else if name.starts_with("widget/") {
            widget += gzip;
        } else if name.starts_with("import/") {
            import += gzip;
        } else if name.starts_with("embed") {
        } else if name.ends_with(".html") {
            pages += 1;
            pages_gzip += gzip;
            if gzip > largest_page.0 {
                largest_page = (gzip, name.clone());
            }
        } else {
            app += gzip;
        }
    }
    let (largest, largest_name) = largest_page;
    println!(
        "\n{app:>21}  gzip bytes of the app's code and data (wasm, glue, scripts, manifest, icon)"
    );
    println!(
        "{:>21}  gzip bytes a visit downloads: those, and its largest page ({largest_name}, {largest})",
        app + largest
    );
    println!("{pages_gzip:>21}  gzip bytes of all {pages} pages, 404.html included (a visit opens one; the service worker fetches the rest afterwards)");
    let (family, family_name) = largest_family;
    println!("{:>21}  gzip bytes a host page downloads for cards of one family, as embed.html writes them (data-role=\"family/level\"): the loader ({loader}), the card module ({card}) and the largest family data file ({family_name}, {family})", loader + card + family);
    println!("{:>21}  gzip bytes for ladder, pay or full views of one family: the loader, the widget module ({widget}) and that data file", loader + widget + family);
    println!("{:>21}  gzip bytes for cards with the whole catalog's data file instead (widget/data.bin, {whole_data}), for widgets given a level alone or search words", loader + card + whole_data);
    println!(
        "{:>21}  gzip bytes for ladder, pay or full views with the whole catalog's data file",
        loader + widget + whole_data
    );
    println!("{posting:>21}  gzip bytes of the posting module (widget/gradeladder-posting*), downloaded only for posting views and the app's posting panel");
    println!("{import:>21}  gzip bytes of the in-browser reader and its page (import/*), downloaded only by \"Use your own pages\"");
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
