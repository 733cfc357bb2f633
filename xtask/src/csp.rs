//! After `trunk build`: trunk starts the app with an inline module script, which a page under
//! `script-src 'self' 'wasm-unsafe-eval'` may not run. It is replaced by a start-up script of our
//! own in a file beside the glue (named after it, so it changes when the glue does), which fetches
//! the wasm at once, side by side with the glue. It is not `async`: it runs after `errors.js`
//! (deferred, before it), whose listeners must be there when a missing wasm fails at once.
//! Trunk's `<link rel="preload">` of the wasm stays: the script's fetch of the wasm takes the
//! preloaded response.

use std::path::Path;

const OPEN: &str = "<script type=\"module\">";
const CLOSE: &str = "</script>";

/// Rewrites `index.html` in `shell` to start the app from `gradeladder-start-<hash>.js`, and
/// returns that file's path (for the minifier).
pub fn external_start_script(shell: &Path) -> Result<std::path::PathBuf, String> {
    let index = shell.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (html, name, script) = externalised(&html).ok_or_else(|| {
        format!(
            "{}: no inline start-up script of trunk's (`{OPEN}` importing ./gradeladder-web-*.js)",
            index.display()
        )
    })?;
    let file = shell.join(&name);
    std::fs::write(&file, script).map_err(|e| format!("{}: {e}", file.display()))?;
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    Ok(file)
}

/// `html` linking to the start-up script instead of holding it, the script's file name, and the
/// script.
fn externalised(html: &str) -> Option<(String, String, String)> {
    let start = html.find(OPEN)?;
    let body_start = start + OPEN.len();
    let end = body_start + html[body_start..].find(CLOSE)?;
    let inline = &html[body_start..end];
    let glue = inline.split("./gradeladder-web-").nth(1)?;
    let hash: String = glue
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    if hash.is_empty() {
        return None;
    }
    let name = format!("gradeladder-start-{hash}.js");
    let html = format!(
        "{}<script type=\"module\" src=\"./{name}\"></script>{}",
        &html[..start],
        &html[end + CLOSE.len()..]
    );
    // The flag's key is the one `web/static/import/store.js` (`flagKey`) writes; it is spelled
    // out here so a visit without an imported site loads nothing more.
    let script = format!(
        r#"// Starts Gradeladder: the wasm is fetched at once, side by side with its glue, and, when the
// pages were imported in this browser ("Use your own pages"), the kept site is read meanwhile.
const wasm = fetch("./gradeladder-web-{hash}_bg.wasm");
const root = new URL("./", document.baseURI).href;
let own = null;
try {{
  own = localStorage.getItem(`gradeladder-own-site:${{root}}`);
}} catch {{}}
window.gradeladderOwnSite = own
  ? import("./import/store.js").then((store) => store.loadSite(root)).catch(() => null)
  : null;
wasm.catch(() => {{}}); // a failed download is reported where the glue awaits it
// The page as its HTML has it paints first; the wasm is started after that frame (or after 100 ms
// in a background tab, which gets no frames), so its start-up does not hold the first paint.
await new Promise((resolve) => {{
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 100);
}});
const bindings = await import("./gradeladder-web-{hash}.js");
const instance = await bindings.default({{ module_or_path: wasm }});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm: instance }} }}));
"#
    );
    Some((html, name, script))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_start_script_gives_way_to_a_start_script_file() {
        let html = "<head><script src=\"boot.js\"></script>\n<script type=\"module\">\nimport init from './gradeladder-web-ab12.js';\nawait init();\n</script><link rel=\"modulepreload\" href=\"./gradeladder-web-ab12.js\"><link rel=\"preload\" href=\"./gradeladder-web-ab12_bg.wasm\" as=\"fetch\"><style></style></head>";
        let (page, name, script) = externalised(html).unwrap();
        assert_eq!(name, "gradeladder-start-ab12.js");
        assert_eq!(
            page,
            "<head><script src=\"boot.js\"></script>\n<script type=\"module\" src=\"./gradeladder-start-ab12.js\"></script><link rel=\"modulepreload\" href=\"./gradeladder-web-ab12.js\"><link rel=\"preload\" href=\"./gradeladder-web-ab12_bg.wasm\" as=\"fetch\"><style></style></head>"
        );
        assert!(
            script.contains("fetch(\"./gradeladder-web-ab12_bg.wasm\")"),
            "{script}"
        );
        assert!(
            script.contains("import(\"./gradeladder-web-ab12.js\")"),
            "{script}"
        );
        assert_eq!(externalised("<script type=\"module\">x</script>"), None);
    }
}
