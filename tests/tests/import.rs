//! "Use your own pages": the corpus folder read in the browser through the file picker (by the
//! reader in a worker, with no request while it reads), its roles and problems listed, kept
//! across reloads, and the built-in pages back on request; bad input is named and changes nothing.

use std::path::{Path, PathBuf};

use gradeladder_e2e::Session;
use thirtyfour::prelude::*;

/// The levels the public corpus yields (hand-read in `crates/gradeladder-core/tests/corpus.rs`).
const CORPUS_LEVELS: usize = 31;
/// The seed pages' levels.
const SEED_LEVELS: usize = 7;

fn corpus_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/job-families");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus at {}: {e}", dir.display()))
        .map(|entry| entry.expect("corpus entry").path())
        .collect();
    files.sort();
    files
}

/// Opens the import page and waits until its reader has loaded.
async fn open_import(session: &Session) {
    session.open_page("import/").await;
    session
        .eventually("return document.body.dataset.reader === 'ready' ? true : null;")
        .await;
}

/// Picks `files` in the "Or files" input (and `pay` as the pay file), reads them, and returns the
/// summary once shown.
async fn read_files(session: &Session, files: &[PathBuf], pay: Option<&Path>) -> String {
    session.pick_files("files", files).await;
    if let Some(pay) = pay {
        session.pick_files("pay", &[pay.to_path_buf()]).await;
    }
    session
        .driver
        .find(By::Id("read"))
        .await
        .expect("read button")
        .click()
        .await
        .expect("read");
    let summary = session
        .eventually(
            "const s = document.getElementById('summary'); return s && s.textContent ? s.textContent : null;",
        )
        .await;
    summary.as_str().expect("summary").to_owned()
}

async fn home_summary(session: &Session) -> String {
    session.open("").await;
    session
        .wait_for("main p")
        .await
        .text()
        .await
        .expect("home summary")
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gradeladder-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn the_corpus_read_in_the_browser_replaces_the_pages_until_reset_with_no_request() {
    let session = Session::start("/careers/").await;
    open_import(&session).await;
    let now = session
        .wait_for("[data-testid=now]")
        .await
        .text()
        .await
        .expect("now");
    assert_eq!(now, "Its built-in pages.");
    let before = session.requests_served().len();
    let summary = read_files(&session, &corpus_files(), None).await;
    let during: Vec<String> = session.requests_served()[before..].to_vec();
    assert!(
        during.is_empty(),
        "reading the pages made requests: {during:?}"
    );
    assert!(
        summary.contains(&format!("{CORPUS_LEVELS} role(s)")),
        "{summary}"
    );
    let rows = session.texts("#problems tbody tr").await;
    assert!(
        rows.iter().any(|row| row.contains("GL001-missing-grade")
            && row.contains("engineering-frontend-engineer.md:")),
        "the problems name file, line and code: {rows:?}"
    );
    assert!(
        rows.iter().any(|row| row.contains("SOURCES.tsv")),
        "a file that is not a page is named: {rows:?}"
    );
    session.screenshot("import-corpus-1280").await;

    let home = home_summary(&session).await;
    assert!(home.contains(&format!("{CORPUS_LEVELS} roles")), "{home}");
    session.wait_for("[data-testid=own-pages]").await;
    session.driver.refresh().await.expect("reload");
    let home = home_summary(&session).await;
    assert!(
        home.contains(&format!("{CORPUS_LEVELS} roles")),
        "kept across reloads: {home}"
    );

    open_import(&session).await;
    session
        .driver
        .find(By::Id("reset"))
        .await
        .expect("reset")
        .click()
        .await
        .expect("reset");
    session
        .eventually("return document.querySelector('[data-testid=now]').textContent === 'Its built-in pages.' ? true : null;")
        .await;
    let home = home_summary(&session).await;
    assert!(home.contains(&format!("{SEED_LEVELS} roles")), "{home}");
    let banner = session
        .driver
        .execute(
            "return document.querySelector('[data-testid=own-pages]') === null;",
            vec![],
        )
        .await
        .expect("js");
    assert_eq!(banner.json().as_bool(), Some(true), "no banner once reset");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_named_and_changes_nothing() {
    let session = Session::start("/").await;
    open_import(&session).await;

    let notes = temp_file("notes.txt", b"not a page");
    let summary = read_files(&session, &[notes], None).await;
    assert!(
        summary.contains("None of the 1 file(s) is a markdown page"),
        "{summary}"
    );

    open_import(&session).await;
    session
        .driver
        .execute(
            "const input = document.getElementById('folder'); Object.defineProperty(input, 'files', { value: [] }); input.dispatchEvent(new Event('change'));",
            vec![],
        )
        .await
        .expect("pick an empty folder");
    let picked = session
        .wait_for("#picked")
        .await
        .text()
        .await
        .expect("picked");
    assert_eq!(picked, "The folder is empty.");

    let page = &corpus_files()[1];
    let pay = temp_file("pay.toml", b"[meta]\nname = 3\n");
    let summary = read_files(&session, std::slice::from_ref(page), Some(&pay)).await;
    assert!(summary.contains("nothing was changed"), "{summary}");
    let rows = session.texts("#problems tbody tr").await;
    assert!(
        rows.iter()
            .any(|row| row.contains("pay.toml:") && row.contains("error")),
        "the pay file's error has its line and column: {rows:?}"
    );

    open_import(&session).await;
    let huge = temp_file("export.md", &vec![b'x'; 50 * 1024 * 1024]);
    let latin1 = temp_file(
        "latin1.md",
        b"---\ntitle: Caf\xe9\n---\n## Levels\n### Widget Lead\nThe Widget Lead is a grade 7.\n",
    );
    let summary = read_files(&session, &[huge.clone(), latin1], None).await;
    assert!(summary.contains("nothing was changed"), "{summary}");
    let rows = session.texts("#problems tbody tr").await;
    assert!(
        rows.iter()
            .any(|row| row.contains("GL016-too-large") && row.contains("50.0 MB")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|row| row.contains("GL015-not-utf8") && row.contains("latin1.md:2:11")),
        "{rows:?}"
    );
    let _ = std::fs::remove_file(huge);

    let home = home_summary(&session).await;
    assert!(
        home.contains(&format!("{SEED_LEVELS} roles")),
        "the built-in pages still show: {home}"
    );
    session.close().await;
    let _ = std::fs::remove_dir_all(
        Path::new(&std::env::temp_dir()).join(format!("gradeladder-import-{}", std::process::id())),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn two_thousand_pages_read_in_the_browser() {
    let dir = std::env::temp_dir().join(format!("gradeladder-import-many-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let files: Vec<PathBuf> = (0..2000)
        .map(|p| {
            let path = dir.join(format!("widgets-{p}.md"));
            std::fs::write(
                &path,
                format!("---\ntitle: Widgets {p}\n---\n## Levels\n### Widget Engineer {p}\nThe Widget Engineer {p} is a grade 7.\n"),
            )
            .expect("page");
            path
        })
        .collect();
    let session = Session::start("/").await;
    open_import(&session).await;
    let summary = read_files(&session, &files, None).await;
    assert!(
        summary.contains("Read 2000 page(s): 2000 role(s)"),
        "{summary}"
    );
    let home = home_summary(&session).await;
    assert!(home.contains("2000 roles"), "{home}");
    session.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_of_twenty_thousand_levels_is_read_and_its_last_role_opens_with_a_drawn_ladder() {
    let page = temp_file(
        "widgets-20000.md",
        gradeladder_e2e::page_of_levels(20_000).as_bytes(),
    );
    let session = Session::start("/").await;
    open_import(&session).await;
    let summary = read_files(&session, &[page], None).await;
    assert!(
        summary.contains("Read 1 page(s): 20000 role(s)"),
        "{summary}"
    );
    let home = home_summary(&session).await;
    assert!(home.contains("20000 roles"), "{home}");
    // A late role, past every pre-rendered page, opens by its address with its ladder drawn
    // around it.
    session.open("role/widgets-20000/widget-level-19990/").await;
    let note = session
        .wait_for("[data-testid=ladder-window]")
        .await
        .text()
        .await
        .expect("ladder note");
    assert!(note.contains("24 of the family's 20000 steps"), "{note}");
    session.close().await;
}
