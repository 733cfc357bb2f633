//! Assembling a bundle: an app shell (what trunk and the widget build wrote: code, scripts, icon,
//! manifest, service worker template, the home page template) and one site's data become a
//! complete static site. `cargo xtask dist` assembles the default bundle (the seed pages) this way,
//! and `gradeladder build` a company's own, from the shell carried inside the binary.
//!
//! What it writes: the shell's files; the data file beside the app's wasm and beside the widget's,
//! and for widgets one per family (`widget/data/<family>.bin`);
//! every page of [`route::prerendered`] as its own `index.html`; `404.html`; `embed.html` (how to
//! put this site's roles on a career page, with live examples); the manifest under the site's
//! name; and the service worker with every file precached, its caches named by its own scope so
//! bundles on one origin keep theirs.

use std::path::Path;

use gradeladder_core::site::{fnv1a, fnv1a_continue, DATA_FILE_NAME};
use gradeladder_core::SiteData;

use crate::data::Site;
use crate::prerender::{self, escape};
use crate::route::{self, Route};

/// The service worker in a shell, with its placeholders.
const SERVICE_WORKER: &str = "sw.js";
/// The web app manifest in a shell.
const MANIFEST: &str = "manifest.webmanifest";
/// The widget's folder in a shell.
const WIDGET_DIR: &str = "widget";
/// The in-browser reader and its page, not precached by the service worker.
const IMPORT_DIR: &str = "import/";
/// Where the data file of each family goes, for widgets: `widget/data/<family slug>.bin`.
const FAMILY_DATA_DIR: &str = "widget/data/";
/// The page that shows how to embed this site's roles.
const EMBED_PAGE: &str = "embed.html";

/// What [`assemble`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assembled {
    /// Pre-rendered pages.
    pub pages: usize,
    /// Files in the bundle.
    pub files: usize,
    /// Bytes of the data file.
    pub data_bytes: usize,
}

/// Writes the bundle of `site` into `out` (which must exist and be empty) from `shell` (paths
/// relative to the shell's root, `/`-separated, and contents), with `extra` files (such as demo
/// host pages) added at the root before the service worker lists what to precache.
pub async fn assemble(
    shell: &[(String, Vec<u8>)],
    extra: &[(String, Vec<u8>)],
    site: &SiteData,
    out: &Path,
) -> Result<Assembled, String> {
    let template = shell_text(shell, "index.html")?;
    let worker = shell_text(shell, SERVICE_WORKER)?;
    let manifest = shell_text(shell, MANIFEST)?;
    let mut files: Vec<(String, Vec<u8>)> = shell
        .iter()
        .filter(|(name, _)| {
            // The shell's index.html is the template; the home page takes its place.
            name != "index.html"
                && name != SERVICE_WORKER
                && name != MANIFEST
                && !name.ends_with(DATA_FILE_NAME)
        })
        .cloned()
        .collect();
    files.extend(extra.iter().cloned());
    let data = site.encode();
    let data_bytes = data.len();
    files.push((DATA_FILE_NAME.to_owned(), data.clone()));
    if shell.iter().any(|(name, _)| name.starts_with("widget/")) {
        files.push((format!("{WIDGET_DIR}/{DATA_FILE_NAME}"), data));
        files.extend(family_data_files(site));
    }
    files.push((MANIFEST.to_owned(), named_manifest(&manifest, &site.title)?));
    let view = Site::from(site.clone());
    let routes = route::prerendered(&view.catalog);
    for route in &routes {
        let page = prerender::render(&view, route).await;
        let html = prerender::page_html(&template, &view, &page)?;
        files.push((
            format!("{}index.html", route.relative_path()),
            html.into_bytes(),
        ));
    }
    files.push((
        "404.html".to_owned(),
        prerender::not_found_redirect().into_bytes(),
    ));
    files.push((EMBED_PAGE.to_owned(), embed_page(&view).into_bytes()));
    files.sort();
    let worker = finished_worker(&worker, &files)?;
    files.push((SERVICE_WORKER.to_owned(), worker.into_bytes()));
    for (name, bytes) in &files {
        let path = out.join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(Assembled {
        pages: routes.len(),
        files: files.len(),
        data_bytes,
    })
}

/// One data file per family ([`SiteData::family_only`]), named by its slug: a widget whose role
/// names its family (`data-role="family/level"`) downloads that family's roles only, where the
/// whole site can be every page of a handbook.
fn family_data_files(site: &SiteData) -> Vec<(String, Vec<u8>)> {
    site.catalog
        .families
        .iter()
        .filter_map(|family| {
            let narrowed = site.family_only(&family.slug)?;
            Some((
                format!("{FAMILY_DATA_DIR}{}.bin", family.slug),
                narrowed.encode(),
            ))
        })
        .collect()
}

/// Every file under `dir` (dot-files skipped) as (`/`-separated path relative to `dir`, contents),
/// sorted by path: a shell or an extra folder read from disk.
pub fn read_tree(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
        for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                collect(root, &path, files)?;
            } else {
                let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                files.push((name, bytes));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.sort();
    Ok(files)
}

fn shell_text(shell: &[(String, Vec<u8>)], name: &str) -> Result<String, String> {
    let (_, bytes) = shell
        .iter()
        .find(|(path, _)| path == name)
        .ok_or_else(|| format!("the app shell has no {name}"))?;
    String::from_utf8(bytes.clone()).map_err(|_| format!("the app shell's {name} is not UTF-8"))
}

/// The manifest with the site's name, so an installed app is called what the site is.
fn named_manifest(manifest: &str, title: &str) -> Result<Vec<u8>, String> {
    const NAME: &str = r#""name": "Gradeladder""#;
    const SHORT_NAME: &str = r#""short_name": "Gradeladder""#;
    if !manifest.contains(NAME) || !manifest.contains(SHORT_NAME) {
        return Err(format!("the app shell's {MANIFEST} names no app"));
    }
    let quoted = json_string(title);
    Ok(manifest
        .replacen(NAME, &format!(r#""name": {quoted}"#), 1)
        .replacen(SHORT_NAME, &format!(r#""short_name": {quoted}"#), 1)
        .into_bytes())
}

fn json_string(text: &str) -> String {
    let mut quoted = String::from('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04x}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The service worker with the list of files to precache (each page by its directory, as links
/// name it) and a version derived from their contents.
fn finished_worker(template: &str, files: &[(String, Vec<u8>)]) -> Result<String, String> {
    const VERSION: &str = "\"dev\" /* __GRADELADDER_VERSION__ */";
    const PRECACHE: &str = "[] /* __GRADELADDER_PRECACHE__ */";
    if !template.contains(VERSION) || !template.contains(PRECACHE) {
        return Err(format!(
            "the app shell's {SERVICE_WORKER} has no precache placeholders"
        ));
    }
    let hash = files.iter().fold(fnv1a(b""), |hash, (name, bytes)| {
        fnv1a_continue(fnv1a_continue(hash, name.as_bytes()), bytes)
    });
    // The in-browser reader is for the few who import pages: every visitor would download it.
    // The families' data files are for widgets on other sites; the app reads its own data file.
    let mut urls: Vec<String> = files
        .iter()
        .filter(|(name, _)| !name.starts_with(IMPORT_DIR) && !name.starts_with(FAMILY_DATA_DIR))
        .map(|(name, _)| match name.strip_suffix("index.html") {
            Some(dir) => format!("\"./{dir}\""),
            None => format!("\"./{name}\""),
        })
        .collect();
    urls.sort();
    Ok(template
        .replacen(VERSION, &format!("\"{hash:016x}\""), 1)
        .replacen(PRECACHE, &format!("[{}]", urls.join(", ")), 1))
}

/// A page for recruiters: the one script tag, a live widget of the site's first role in each view,
/// and the tag for every role.
fn embed_page(site: &Site) -> String {
    let title = escape(&site.title);
    let first = site
        .catalog
        .levels()
        .next()
        .map(|(family, level)| gradeladder_core::LevelId::of(family, level).to_string());
    let mut examples = String::new();
    if let Some(role) = &first {
        let views: &[&str] = if site.pay.is_some() {
            &["card", "ladder", "pay", "posting"]
        } else {
            &["card", "ladder"]
        };
        for view in views {
            let tag = format!(
                r#"<div data-gradeladder data-role="{}" data-view="{view}" data-base-url="./"></div>"#,
                escape(role)
            );
            examples.push_str(&format!(
                "<h3>{view}</h3>\n<pre><code>{}</code></pre>\n{tag}\n",
                escape(&tag)
            ));
        }
    } else {
        examples.push_str("<p>This site has no roles yet.</p>\n");
    }
    let mut roles = String::new();
    for (family, level) in site.catalog.levels() {
        let id = gradeladder_core::LevelId::of(family, level).to_string();
        roles.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td><code>{}</code></td></tr>\n",
            escape(&family.title),
            escape(&level.title),
            escape(&id)
        ));
    }
    let route = Route::Home.relative_path();
    format!(
        r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Embed {title} on a career page</title>
    <meta name="description" content="How to show {title}'s job grades, ladders and pay ranges on a career page with one script tag." />
    <link rel="icon" href="icon.svg" type="image/svg+xml" />
    <script type="module" src="widget/gradeladder.js" blocking="render"></script>
    <style>
      body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.5; color: #1d1b26; }}
      pre {{ background: #f1f0f7; padding: .75rem; border-radius: 8px; overflow-x: auto; white-space: pre-wrap; }}
      table {{ border-collapse: collapse; width: 100%; }} td, th {{ text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #dcdae8; }}
      [data-gradeladder] {{ margin: .75rem 0 1.5rem; }}
    </style>
  </head>
  <body>
    <main>
      <h1>Embed {title} on a career page</h1>
      <p>Put this tag in the page's <code>&lt;head&gt;</code> once (with the address this site is served from), then one element per widget. Each widget lives in its own shadow root: the page's styles do not reach it and its styles do not leak out.</p>
      <pre><code>&lt;script type="module" src="widget/gradeladder.js" blocking="render"&gt;&lt;/script&gt;</code></pre>
      <p><code>data-view</code> is <code>card</code>, <code>ladder</code>, <code>pay</code> or <code>full</code>; <code>data-src</code> names another data file; <code>data-base-url</code> is where "View full details" leads (<a href="{route}">this site's app</a>).</p>
      <h2>Examples</h2>
      {examples}
      <h2>Every role</h2>
      <table><thead><tr><th scope="col">Family</th><th scope="col">Level</th><th scope="col"><code>data-role</code></th></tr></thead>
      <tbody>
{roles}      </tbody></table>
    </main>
  </body>
</html>
"#,
        route = if route.is_empty() {
            "./"
        } else {
            route.as_str()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_carries_the_site_name_escaped_as_json() {
        let manifest = r#"{ "name": "Gradeladder", "short_name": "Gradeladder" }"#;
        let named =
            String::from_utf8(named_manifest(manifest, "Acme \"careers\"").unwrap()).unwrap();
        assert_eq!(
            named,
            r#"{ "name": "Acme \"careers\"", "short_name": "Acme \"careers\"" }"#
        );
    }

    #[test]
    fn the_worker_precaches_pages_by_their_directory() {
        let template = "const VERSION = \"dev\" /* __GRADELADDER_VERSION__ */;\nconst PRECACHE = [] /* __GRADELADDER_PRECACHE__ */;";
        let files = vec![
            ("index.html".to_owned(), b"a".to_vec()),
            ("role/x/y/index.html".to_owned(), b"b".to_vec()),
            ("data.bin".to_owned(), b"c".to_vec()),
            ("import/index.html".to_owned(), b"d".to_vec()),
            ("widget/data/x.bin".to_owned(), b"e".to_vec()),
        ];
        let worker = finished_worker(template, &files).unwrap();
        assert!(
            worker.contains(r#"["./", "./data.bin", "./role/x/y/"]"#),
            "{worker}"
        );
        assert!(!worker.contains("dev"), "{worker}");
        assert!(
            !worker.contains("import/"),
            "the reader is not precached: {worker}"
        );
        assert!(
            !worker.contains("widget/data/"),
            "the families' files for widgets are not precached: {worker}"
        );
    }

    #[test]
    fn each_family_has_a_data_file_for_widgets_holding_that_family_alone() {
        let site = gradeladder_core::seeds::site();
        let files = family_data_files(&site);
        assert_eq!(files.len(), site.catalog.families.len());
        for ((name, bytes), family) in files.iter().zip(&site.catalog.families) {
            assert_eq!(name, &format!("widget/data/{}.bin", family.slug));
            let read = SiteData::decode(bytes).unwrap();
            assert_eq!(read.catalog.families, std::slice::from_ref(family));
        }
    }
}
