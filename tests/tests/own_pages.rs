//! A company's own pages: `gradeladder build` (the binary alone, with only `/usr/bin:/bin` on
//! PATH) writes a bundle whose app, served from a sub-path, lists their roles; two bundles on one
//! origin keep their own offline caches; the app runs under `script-src 'self' 'wasm-unsafe-eval'`;
//! a data file that cannot be used is said so in the app and in the widget, and a widget can show
//! another catalog through `data-src`.

use std::path::{Path, PathBuf};
use std::process::Command;

use gradeladder_e2e::{dist_dir, BundleCopy, Session};

/// The levels the public corpus yields (hand-read in `crates/gradeladder-core/tests/corpus.rs`).
const CORPUS_LEVELS: usize = 31;

fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/job-families");
    assert!(
        dir.is_dir(),
        "corpus not found at {}: check out `shared/` beside the repository",
        dir.display()
    );
    dir
}

/// Runs the bundled `gradeladder build` on the corpus into `out`, as a site maintainer would with
/// nothing but the binary (no cargo, no node on PATH).
fn build_corpus(out: &Path, title: &str) -> String {
    build(&corpus_dir(), out, title)
}

/// Runs the bundled `gradeladder build` on the pages under `data` into `out`, with only
/// `/usr/bin:/bin` on PATH.
fn build(data: &Path, out: &Path, title: &str) -> String {
    let cli = std::env::var("GRADELADDER_CLI").expect(
        "GRADELADDER_CLI is not set: run with `cargo xtask test`, which builds the bundled CLI",
    );
    let output = Command::new(&cli)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .args(["build", "--data"])
        .arg(data)
        .arg("--out")
        .arg(out)
        .args(["--title", title])
        .output()
        .unwrap_or_else(|e| panic!("{cli}: {e}"));
    let report = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "gradeladder build failed: {report}"
    );
    report
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gradeladder-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bundle_built_from_the_corpus_lists_its_roles_from_a_sub_path() {
    let root = fresh_dir("own-site");
    let site = root.join("site");
    let report = build_corpus(&site, "Acme careers");
    assert!(
        report.contains(&format!("{CORPUS_LEVELS} level(s)")),
        "{report}"
    );
    assert!(
        report.contains("warning[GL001-missing-grade]"),
        "problems are reported as check reports them: {report}"
    );
    let session = Session::serve(site.clone(), "/jobs/acme/").await;
    session.open("").await;
    let brand = session
        .wait_for("header .brand")
        .await
        .text()
        .await
        .expect("brand");
    assert_eq!(brand, "Acme careers");
    let summary = session.wait_for("main").await.text().await.expect("main");
    assert!(
        summary.contains(&format!("{CORPUS_LEVELS} roles")),
        "the home page counts the corpus levels: {summary}"
    );
    assert!(summary.contains("Frontend Engineer"), "{summary}");
    let title = session.driver.title().await.expect("title");
    assert!(title.starts_with("Acme careers"), "{title}");
    // A role of theirs by its deep link, and the note that this site publishes no pay ranges.
    session
        .open("role/engineering-frontend-engineer/senior-frontend-engineer/")
        .await;
    let h1 = session.wait_for("main h1").await.text().await.expect("h1");
    assert_eq!(h1, "Senior Frontend Engineer");
    session.wait_for("[data-testid=no-pay]").await;
    session.screenshot("own-pages-role-1280").await;
    session.close().await;
    let _ = std::fs::remove_dir_all(&root);
}

#[tokio::test(flavor = "multi_thread")]
async fn two_bundles_on_one_origin_keep_their_own_offline_caches() {
    let root = fresh_dir("two-bundles");
    let seeds = BundleCopy::of_dist("two-bundles-seeds");
    std::fs::rename(&seeds.dir, root.join("seeds")).expect("move the seed bundle");
    build_corpus(&root.join("corpus"), "Corpus careers");
    let mut session = Session::serve(root.clone(), "/").await;
    session.open("seeds/role/it-management/manager-it/").await;
    session.wait_for_service_worker().await;
    session
        .open("corpus/role/engineering-frontend-engineer/senior-frontend-engineer/")
        .await;
    session.wait_for_service_worker().await;
    let caches = session
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done, e => done('failed: ' + e));",
            vec![],
        )
        .await
        .expect("cache names");
    let caches: Vec<String> = serde_json::from_value(caches.json().clone()).expect("names");
    assert_eq!(caches.len(), 2, "one cache per bundle: {caches:?}");
    session.stop_server();
    session.open("seeds/role/it-management/manager-it/").await;
    let h1 = session.wait_for("main h1").await.text().await.expect("h1");
    assert_eq!(h1, "Manager, IT");
    session
        .open("corpus/role/engineering-frontend-engineer/senior-frontend-engineer/")
        .await;
    let h1 = session.wait_for("main h1").await.text().await.expect("h1");
    assert_eq!(h1, "Senior Frontend Engineer");
    session.close().await;
    let _ = std::fs::remove_dir_all(&root);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_runs_under_a_policy_that_allows_only_its_own_scripts_and_wasm() {
    let bundle = BundleCopy::of_dist("app-csp");
    let page = bundle.dir.join("role/it-management/manager-it/index.html");
    let html = std::fs::read_to_string(&page).expect("role page");
    let policy = r#"<head><meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'" />"#;
    let html = html.replacen("<head>", policy, 1);
    assert!(html.contains("Content-Security-Policy"));
    std::fs::write(&page, html).expect("write role page");
    let session = Session::serve(bundle.dir.clone(), "/careers/").await;
    // `open` waits until the app has taken the pre-rendered page over: its scripts ran.
    session.open("role/it-management/manager-it/").await;
    session.wait_for("[data-testid=pay] input").await;
    let fatal = session
        .driver
        .execute(
            "return document.querySelector('.gl-fatal') === null;",
            vec![],
        )
        .await
        .expect("js");
    assert_eq!(fatal.json().as_bool(), Some(true), "no error notice");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_data_file_is_named_above_the_page_which_stays_readable() {
    let bundle = BundleCopy::of_dist("damaged-data");
    let data = bundle.dir.join("data.bin");
    let mut bytes = std::fs::read(&data).expect("data file");
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&data, bytes).expect("write data file");
    let session = Session::serve(bundle.dir.clone(), "/careers/").await;
    session.open_page("role/it-management/manager-it/").await;
    let notice = session
        .wait_for("[data-testid=data-problem]")
        .await
        .text()
        .await
        .expect("notice");
    assert!(notice.contains("data.bin"), "{notice}");
    assert!(notice.contains("damaged"), "{notice}");
    assert!(notice.contains("The page below is complete"), "{notice}");
    let h1 = session.wait_for("main h1").await.text().await.expect("h1");
    assert_eq!(h1, "Manager, IT", "the pre-rendered page stays");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_widget_shows_another_catalog_through_data_src_and_says_when_one_is_missing() {
    let bundle = BundleCopy::of_dist("widget-data-src");
    build_corpus(&bundle.dir.join("corpus"), "Corpus careers");
    std::fs::write(
        bundle.dir.join("two-catalogs.html"),
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two catalogs</title>
<script type="module" src="widget/gradeladder.js"></script></head><body>
<div id="seed" data-gradeladder data-role="it-management/manager-it"></div>
<div id="corpus" data-gradeladder data-role="senior frontend engineer" data-src="corpus/data.bin"></div>
<div id="missing" data-gradeladder data-role="anything" data-src="nowhere/data.bin"></div>
</body></html>"#,
    )
    .expect("write host page");
    let session = Session::serve(bundle.dir.clone(), "/").await;
    session.open_widget_host("two-catalogs.html").await;
    let texts = session
        .eventually(
            "const t = id => { const r = document.getElementById(id).shadowRoot; const e = r && r.querySelector('.title, p[role=status]'); return e ? e.textContent : null; };
             const all = ['seed', 'corpus', 'missing'].map(t);
             return all.every(Boolean) ? all : null;",
        )
        .await;
    let texts: Vec<String> = serde_json::from_value(texts).expect("texts");
    assert_eq!(texts[0], "Manager, IT");
    assert_eq!(texts[1], "Senior Frontend Engineer");
    assert!(texts[2].contains("nowhere/data.bin"), "{texts:?}");
    assert!(texts[2].contains("404"), "{texts:?}");
    session.close().await;
    assert!(dist_dir().join("widget/data.bin").is_file());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_site_of_2050_pages_builds_and_a_role_past_the_pre_rendered_ones_opens_by_its_address() {
    let root = fresh_dir("many-pages");
    let pages = root.join("pages");
    for p in 0..2050 {
        let folder = pages.join(format!("area-{}", p / 100));
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::write(
            folder.join(format!("widgets-{p}.md")),
            format!("---\ntitle: Widgets {p}\n---\n## Levels\n### Widget Engineer {p}\nThe Widget Engineer {p} is a grade {}.\n", 5 + p % 6),
        )
        .expect("page");
    }
    let site = root.join("site");
    let report = build(&pages, &site, "Widgets Inc");
    assert!(report.contains("2050 level(s)"), "{report}");
    // Pages are read in path order: `area-9/widgets-999.md` comes last.
    let last = "role/widgets-999/widget-engineer-999/";
    assert!(
        !site.join(last).join("index.html").exists(),
        "past the first 2,000 levels, no page is written"
    );
    let session = Session::serve(site.clone(), "/jobs/").await;
    session.open("").await;
    let families = session
        .eventually("return document.querySelectorAll('details.family-card').length || null;")
        .await;
    assert_eq!(families.as_u64(), Some(2050), "each family a disclosure");
    // The address goes through 404.html and the not-found page, which opens the role.
    session.open_page(last).await;
    session
        .eventually(&format!(
            "return location.pathname.endsWith('/{last}') && document.querySelector('main h1') && document.querySelector('main h1').textContent === 'Widget Engineer 999' ? true : null;"
        ))
        .await;
    session.close().await;
    let _ = std::fs::remove_dir_all(&root);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_of_twenty_thousand_levels_builds_in_seconds_and_its_last_role_opens() {
    let root = fresh_dir("long-page");
    let pages = root.join("pages");
    std::fs::create_dir_all(&pages).expect("folder");
    std::fs::write(
        pages.join("widgets.md"),
        gradeladder_e2e::page_of_levels(20_000),
    )
    .expect("page");
    let site = root.join("site");
    let started = std::time::Instant::now();
    let report = build(&pages, &site, "Widgets Inc");
    assert!(report.contains("20000 level(s)"), "{report}");
    // Not a timing test: a build that wrote every level's inherited lists took minutes.
    eprintln!("built 20,000 levels in {:?}", started.elapsed());
    let last = "role/widgets/widget-level-19999/";
    assert!(!site.join(last).join("index.html").exists());
    let session = Session::serve(site.clone(), "/jobs/").await;
    session.open_page(last).await;
    session
        .eventually(&format!(
            "return location.pathname.endsWith('/{last}') && document.querySelector('[data-testid=ladder-window]') ? true : null;"
        ))
        .await;
    session.close().await;
    let _ = std::fs::remove_dir_all(&root);
}
