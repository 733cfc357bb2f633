//! The release bundle, served from a sub-path, in real headless Chromium.

use gradeladder_e2e::{BundleCopy, Session};

/// Level titles and grades of the seed data set, in the order of `shared/seeds/README.md`.
const SEED_LEVELS: &[(&str, u8)] = &[
    ("Open-source Outreach Engineering Manager", 8),
    ("Senior Engineering Manager", 9),
    ("Engineering Manager, Engineering Productivity", 8),
    ("Senior Engineering Manager, Engineering Productivity", 9),
    ("Senior Manager, Technical Program Management", 9),
    ("Director, Technical Program Management", 10),
    ("Manager, IT", 8),
];

#[tokio::test(flavor = "multi_thread")]
async fn bundle_served_from_a_sub_path_shows_every_seed_level_with_its_grade() {
    let session = Session::start("/careers/grades/").await;
    session.open("").await;
    session.wait_for("[data-testid=level]").await;
    let titles = session.texts("[data-testid=level] .title").await;
    let badges = session.texts("[data-testid=level] .badge").await;
    let shown: Vec<(String, String)> = titles.into_iter().zip(badges).collect();
    for (title, grade) in SEED_LEVELS {
        let (_, badge) = shown
            .iter()
            .find(|(shown_title, _)| shown_title == title)
            .unwrap_or_else(|| panic!("no row for \"{title}\" in {shown:?}"));
        assert_eq!(badge, &format!("Grade {grade}"), "grade of \"{title}\"");
    }
    assert_eq!(shown.len(), SEED_LEVELS.len(), "rows: {shown:?}");
    session.screenshot("home-1280").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn loading_indicator_is_replaced_once_the_app_starts() {
    let session = Session::start("/").await;
    session.open("").await;
    session.wait_for("h1").await;
    let boot = session.texts(".gl-boot").await;
    assert!(
        boot.is_empty(),
        "the loading indicator is still shown: {boot:?}"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_internal_error_shows_a_reload_message_that_returns_to_the_same_page() {
    let session = Session::start("/").await;
    let route = "role/it-management/manager-it/";
    session.open(route).await;
    session.wait_for("main h1").await;
    // What a trap in the app's WebAssembly raises (a panic aborts as `unreachable`).
    session
        .driver
        .execute(
            "window.dispatchEvent(new ErrorEvent('error', \
             { error: new WebAssembly.RuntimeError('unreachable'), message: 'unreachable' }))",
            vec![],
        )
        .await
        .expect("dispatch error");
    let alert = session.wait_for(".gl-fatal[role=alert]").await;
    let text = alert.text().await.expect("alert text");
    assert!(text.contains("internal error"), "{text}");
    session.screenshot("internal-error-1280").await;
    let reload = session.wait_for(".gl-fatal button").await;
    reload.click().await.expect("reload");
    session.wait_for("main h1").await;
    assert!(session.texts(".gl-fatal").await.is_empty());
    let url = session.driver.current_url().await.expect("url").to_string();
    assert!(url.ends_with("role/it-management/manager-it/"), "{url}");
    let h1 = session.texts("main h1").await;
    assert_eq!(h1, ["Manager, IT"]);
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bundle_whose_wasm_cannot_be_loaded_says_so_instead_of_loading_forever() {
    let bundle = BundleCopy::without_wasm("app-without-wasm");
    let session = Session::serve(bundle.dir.clone(), "/").await;
    session.open_page("").await;
    let alert = session.wait_for(".gl-fatal[role=alert]").await;
    let text = alert.text().await.expect("alert text");
    assert!(text.contains("could not start"), "{text}");
    assert!(
        session.texts(".gl-boot").await.is_empty(),
        "the loading indicator still spins beside the message"
    );
    session.screenshot("start-failure-1280").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_shared_before_pages_had_paths_opens_the_same_page_with_its_choices() {
    let session = Session::start("/careers/grades/").await;
    session
        .open("#/role/senior-engineering-manager/senior-engineering-manager?loc=GB%2Flondon")
        .await;
    session
        .eventually("return location.pathname.endsWith('/role/senior-engineering-manager/senior-engineering-manager/') ? true : null;")
        .await;
    let url = session.driver.current_url().await.expect("url").to_string();
    assert!(
        url.ends_with("/careers/grades/role/senior-engineering-manager/senior-engineering-manager/?loc=GB%2Flondon"),
        "{url}"
    );
    let h1 = session.wait_for("main h1").await.text().await.expect("h1");
    assert_eq!(h1, "Senior Engineering Manager");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_address_shows_the_not_found_page_with_roles_like_it() {
    let session = Session::start("/careers/grades/").await;
    session.open("role/it-management/manager-itt/").await;
    let h1 = session.wait_for("main h1").await.text().await.expect("h1");
    assert_eq!(h1, "Role not found");
    let suggestion = session
        .eventually("const s = document.querySelector('[data-testid=suggestions] a'); return s && !document.querySelector('#app[data-prerendered]') ? s.textContent : null;")
        .await;
    assert_eq!(suggestion.as_str(), Some("Manager, IT"));
    let url = session.driver.current_url().await.expect("url").to_string();
    assert!(
        url.contains("/careers/grades/not-found/?address=role%2Fit-management%2Fmanager-itt%2F"),
        "{url}"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deep_link_paints_from_html_before_any_wasm_and_reads_without_javascript() {
    let bundle = BundleCopy::without_wasm("deep-link-without-wasm");
    let session = Session::serve(bundle.dir.clone(), "/careers/grades/").await;
    session.open_page("role/it-management/manager-it/").await;
    let h1 = session.wait_for("main h1").await.text().await.expect("h1");
    assert_eq!(h1, "Manager, IT");
    let nodes = session.texts(".ladder svg .node").await;
    assert!(
        nodes.len() >= 2,
        "the ladder is in the page's HTML: {nodes:?}"
    );
    let pay = session.texts("[data-testid=pay-target]").await;
    assert!(
        pay.iter().any(|p| p.contains('$')),
        "the pay range is in the page's HTML: {pay:?}"
    );
    let home = session
        .driver
        .execute(
            "return document.querySelector('header a.brand').href",
            vec![],
        )
        .await
        .expect("brand link");
    assert!(
        home.json()
            .as_str()
            .is_some_and(|h| h.ends_with("/careers/grades/")),
        "links are relative to the sub-path: {home:?}"
    );
    session
        .driver
        .set_window_rect(0, 0, 360, 900)
        .await
        .expect("phone width");
    session.screenshot("role-from-html-without-wasm-360").await;
    session.close().await;
}

/// Counts, on every frame once the document is parsed (the app starts after that), the role
/// page's cards and whether the pre-rendered page was still being taken over
/// (`data-prerendered`); the app's takeover is checked against it afterwards.
const FRAME_RECORDER: &str = "
    window.framesSeen = [];
    const record = () => {
      const app = document.getElementById('app');
      if (app && document.readyState !== 'loading') {
        window.framesSeen.push({
          cards: app.querySelectorAll('section.card').length,
          prerendered: app.hasAttribute('data-prerendered'),
        });
      }
      requestAnimationFrame(record);
    };
    requestAnimationFrame(record);";

#[tokio::test(flavor = "multi_thread")]
async fn the_app_takes_a_pre_rendered_role_page_over_without_painting_a_part_missing() {
    let session = Session::start("/").await;
    session
        .driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": FRAME_RECORDER }),
        )
        .await
        .expect("record every frame");
    session.open("role/it-management/manager-it/").await;
    let frames = session
        .eventually(
            "const f = window.framesSeen; \
             return f && f.length && !f[f.length - 1].prerendered ? f : null;",
        )
        .await;
    let frames = frames.as_array().expect("frames");
    let cards = |f: &serde_json::Value| f["cards"].as_u64().unwrap_or(0);
    let last = frames.last().expect("a frame");
    assert!(cards(last) >= 5, "the role page has its cards: {last}");
    let painted: Vec<_> = frames.iter().filter(|f| cards(f) > 0).collect();
    assert!(
        painted.iter().all(|f| cards(f) == cards(last)),
        "every painted frame shows every card (pre-rendered or live): {frames:?}"
    );
    let styles = session
        .driver
        .execute(
            "return [document.querySelectorAll('style[data-gl-prerendered]').length, \
                     document.querySelectorAll('#app [data-later]').length, \
                     document.querySelectorAll('#app [class*=gl-pre]').length];",
            vec![],
        )
        .await
        .expect("what is left of the pre-rendered page");
    assert_eq!(
        styles.json(),
        &serde_json::json!([0, 2, 0]),
        "once taken over, the parts built later are live and the pre-rendered styles are gone"
    );
    session.close().await;
}
