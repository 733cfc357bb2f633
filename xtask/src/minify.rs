//! Minifies the wasm-bindgen JavaScript glue of the app and the widget with terser (npm, pinned in
//! `web/package.json`), and keeps trunk's subresource-integrity hashes in `index.html` true to the
//! minified files (and to the app's wasm, whose import names `imports` shortens).

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::process::run;

/// terser's command-line entry, installed by `tools::ensure_terser`.
fn terser(root: &Path) -> std::path::PathBuf {
    root.join("web/node_modules/terser/bin/terser")
}

/// Minifies one ES module in place (compress and mangle; exported names are kept).
pub fn minify_module(root: &Path, file: &Path) -> Result<(), String> {
    minify(root, file, &["--module"])
}

/// The app's classic (non-module) scripts, copied as written by trunk: their comments are for
/// the repository, not for every visitor's download.
const CLASSIC_SCRIPTS: [&str; 3] = ["boot.js", "errors.js", "register-sw.js"];

/// Minifies the app's classic scripts in `dist` in place (global names are kept).
pub fn app_scripts(root: &Path, dist: &Path) -> Result<(), String> {
    CLASSIC_SCRIPTS
        .iter()
        .try_for_each(|name| minify(root, &dist.join(name), &[]))
}

fn minify(root: &Path, file: &Path, extra: &[&str]) -> Result<(), String> {
    let file = file.to_string_lossy();
    let terser = terser(root);
    let terser = terser.to_string_lossy();
    let mut args: Vec<&str> = vec![&terser, &file];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--compress", "--mangle", "--output", &file]);
    run(root, "node", &args, &[])
}

/// Gives the app's wasm imports short names (see `imports`), minifies its glue
/// (`gradeladder-web-<hash>.js` in `dist`) and rewrites the integrity attributes of both in
/// `dist/index.html`.
pub fn app_glue(root: &Path, dist: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let glue: Vec<String> = entries
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("gradeladder-web-") && name.ends_with(".js"))
        .collect();
    let [name] = glue.as_slice() else {
        return Err(format!(
            "expected one gradeladder-web-*.js in {}, found {glue:?}",
            dist.display()
        ));
    };
    let wasm = format!("{}_bg.wasm", name.trim_end_matches(".js"));
    let path = dist.join(name);
    crate::imports::shorten(&dist.join(&wasm), &path)?;
    minify_module(root, &path)?;
    let index = dist.join("index.html");
    let mut html =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    for file in [name.as_str(), wasm.as_str()] {
        let path = dist.join(file);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        html = with_integrity(&html, file, &integrity(&bytes)).ok_or_else(|| {
            format!(
                "{}: no integrity attribute on the link to {file}",
                index.display()
            )
        })?;
    }
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}

/// The `integrity` value trunk writes: `sha384-` and the base64 of the SHA-384 digest.
fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `html` with the integrity attribute of the tag linking `./<file>` set to `value`, or `None`
/// when no such tag carries one.
fn with_integrity(html: &str, file: &str, value: &str) -> Option<String> {
    let link = html.find(&format!("href=\"./{file}\""))?;
    let tag_end = link + html[link..].find('>')?;
    let attribute = "integrity=\"";
    let start = link + html[link..tag_end].find(attribute)? + attribute.len();
    let end = start + html[start..tag_end].find('"')?;
    Some(format!("{}{value}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_sha384_in_base64_as_browsers_check_it() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn only_the_integrity_of_the_named_file_changes() {
        let html = r#"<link rel="modulepreload" href="./app-1.js" integrity="sha384-OLD"><link rel="preload" href="./app-1_bg.wasm" integrity="sha384-WASM" as="fetch">"#;
        let changed = with_integrity(html, "app-1.js", "sha384-NEW").unwrap();
        assert_eq!(
            changed,
            r#"<link rel="modulepreload" href="./app-1.js" integrity="sha384-NEW"><link rel="preload" href="./app-1_bg.wasm" integrity="sha384-WASM" as="fetch">"#
        );
        assert_eq!(with_integrity(html, "other.js", "x"), None);
    }
}
