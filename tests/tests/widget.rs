//! The embeddable widget on host pages, in real headless Chromium: hostile host CSS, several
//! widgets, the JS API, events, and a strict Content-Security-Policy.

use gradeladder_e2e::{BundleCopy, Session};
use serde_json::Value;

/// Runs `script` until it returns something other than null (see [`Session::eventually`]).
async fn eventually(session: &Session, script: &str) -> Value {
    session.eventually(script).await
}

/// Text inside a widget's shadow root, once rendered.
async fn widget_text(session: &Session, id: &str, selector: &str) -> String {
    let script = format!(
        "const root = document.getElementById('{id}').shadowRoot; const e = root && root.querySelector('{selector}'); return e ? e.textContent : null;"
    );
    eventually(session, &script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn two_widgets_render_intact_on_a_page_with_hostile_css_and_leave_the_page_alone() {
    let session = Session::start("/careers/").await;
    session
        .driver
        .goto(format!("{}embed-demo.html", session.app_url))
        .await
        .expect("open demo");
    assert_eq!(
        widget_text(&session, "widget-card", "[data-testid=grade]").await,
        "Grade 9"
    );
    assert_eq!(
        widget_text(&session, "widget-full", "[data-testid=grade]").await,
        "Grade 10"
    );
    assert!(
        widget_text(&session, "widget-full", "[data-testid=pay-target]")
            .await
            .contains('£')
    );
    // The host's `div { color: red !important; font-size: 30px !important }` and `.grade { … lime … }`
    // do not reach inside; the widget's own styles do.
    let styles = eventually(
        &session,
        "const root = document.getElementById('widget-card').shadowRoot; const grade = root.querySelector('.grade');
         const body = root.querySelector('[data-testid=widget]');
         if (!grade || !body) return null;
         const g = getComputedStyle(grade), b = getComputedStyle(body);
         return [g.color, g.backgroundColor, b.fontSize, b.color].join(' | ');",
    )
    .await;
    assert_eq!(
        styles.as_str(),
        Some("rgb(255, 255, 255) | rgb(84, 51, 201) | 16px | rgb(29, 27, 38)")
    );
    // The dark widget uses its own palette.
    let dark = eventually(
        &session,
        "const b = document.getElementById('widget-full').shadowRoot.querySelector('[data-testid=widget]'); return b ? getComputedStyle(b).backgroundColor : null;",
    )
    .await;
    assert_eq!(dark.as_str(), Some("rgb(31, 29, 41)"));
    // The widget's styles do not leak into the page: the page's own `div` rule still applies.
    let host_div = session
        .driver
        .execute("return getComputedStyle(document.querySelector('section.job p') || document.body).fontFamily", vec![])
        .await
        .expect("js");
    assert!(host_div
        .json()
        .as_str()
        .unwrap_or_default()
        .contains("Georgia"));
    let page_styles = session
        .driver
        .execute(
            "return document.head.querySelectorAll('style').length",
            vec![],
        )
        .await
        .expect("js");
    assert_eq!(
        page_styles.json().as_i64(),
        Some(0),
        "no style element was added to the host page"
    );
    // Every widget told the page what it shows.
    let events = eventually(&session, "const items = [...document.querySelectorAll('#events li')].map(l => l.textContent); return items.length >= 3 ? items.sort() : null;").await;
    assert_eq!(
        events,
        serde_json::json!([
            "engineering-productivity-manager/senior-engineering-manager-engineering-productivity (grade 9)",
            "engineering-technical-program-management-leadership/director-technical-program-management (grade 10)",
            "it-management/manager-it (grade 8)"
        ])
    );
    session.screenshot("embed-demo-1280").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn js_api_mounts_updates_and_unmounts_without_leaking_nodes() {
    let session = Session::start("/").await;
    session.open_widget_host("embed-csp.html").await;
    let script = r#"const done = arguments[arguments.length - 1];
        (async () => {
          const el = document.createElement('div');
          el.id = 'api';
          document.body.append(el);
          const handle = await Gradeladder.mount(el, { role: 'it-management/manager-it', view: 'card' });
          await new Promise(r => setTimeout(r, 100));
          const first = el.shadowRoot.querySelector('.title').textContent;
          // A ladder is served by another module than a card: the widget is drawn anew by that one.
          await handle.update({ role: 'senior-engineering-manager/senior-engineering-manager', view: 'ladder' });
          for (let i = 0; i < 100 && !el.shadowRoot.querySelector('svg'); i++) {
            await new Promise(r => setTimeout(r, 50));
          }
          const second = el.shadowRoot.querySelector('.title').textContent;
          const ladder = !!el.shadowRoot.querySelector('svg');
          handle.unmount();
          await new Promise(r => setTimeout(r, 50));
          done([first, second, ladder, el.shadowRoot.childNodes.length, el.childNodes.length]);
        })().catch(e => done(['error', String(e)]));"#;
    let result = session
        .driver
        .execute_async(script, vec![])
        .await
        .expect("api");
    assert_eq!(
        result.json(),
        &serde_json::json!(["Manager, IT", "Senior Engineering Manager", true, 0, 0])
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_of_cards_downloads_the_card_module_alone() {
    let bundle = BundleCopy::of_dist("widget-cards");
    std::fs::write(
        bundle.dir.join("cards.html"),
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cards</title>
<script type="module" src="widget/gradeladder.js" blocking="render"></script></head>
<body><h1>Open roles</h1>
<div id="one" data-gradeladder data-role="it-management/manager-it"></div>
<div id="two" data-gradeladder data-role="it-management/manager-it" data-view="card"></div>
</body></html>"#,
    )
    .expect("write the cards page");
    let session = Session::serve(bundle.dir.clone(), "/").await;
    session.open_widget_host("cards.html").await;
    assert_eq!(
        widget_text(&session, "one", "[data-testid=grade]").await,
        "Grade 8"
    );
    assert_eq!(
        widget_text(&session, "two", "[data-testid=grade]").await,
        "Grade 8"
    );
    let modules = session
        .driver
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.endsWith('.wasm'));",
            vec![],
        )
        .await
        .expect("resource list");
    assert_eq!(
        modules.json(),
        &serde_json::json!(["/widget/gradeladder-card_bg.wasm"]),
        "cards load the card module, once, and no other"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_widget_whose_role_names_its_family_downloads_that_familys_data_alone() {
    let session = Session::start("/").await;
    session.open_widget_host("embed-csp.html").await;
    let script = r#"const done = arguments[arguments.length - 1];
        (async () => {
          const fetched = () => performance.getEntriesByType('resource')
            .map(e => new URL(e.name).pathname)
            .filter(p => p.endsWith('.bin'));
          const mount = async (role) => {
            const el = document.createElement('div');
            document.body.append(el);
            await Gradeladder.mount(el, { role, view: 'card' });
            await new Promise(r => setTimeout(r, 100));
            const title = el.shadowRoot.querySelector('.title') || el.shadowRoot.querySelector('p');
            return title ? title.textContent : null;
          };
          const byFamily = await mount('it-management/manager-it');
          const afterFamily = fetched();
          const bySearch = await mount('senior engineering manager');
          const afterSearch = fetched();
          const unknownFamily = await mount('no-such-family/manager');
          done([byFamily, afterFamily, bySearch, afterSearch, unknownFamily, fetched()]);
        })().catch(e => done(['error', String(e)]));"#;
    let result = session
        .driver
        .execute_async(script, vec![])
        .await
        .expect("mount widgets");
    let result = result.json();
    let paths = |i: usize| -> Vec<String> {
        result[i]
            .as_array()
            .unwrap_or_else(|| panic!("{result}"))
            .iter()
            .map(|p| p.as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let ends = |paths: &[String], file: &str| paths.iter().filter(|p| p.ends_with(file)).count();
    assert_eq!(result[0], "Manager, IT", "{result}");
    let after_family = paths(1);
    assert_eq!(
        ends(&after_family, "/widget/data/it-management.bin"),
        1,
        "{result}"
    );
    assert_eq!(
        ends(&after_family, "/widget/data.bin"),
        0,
        "the whole catalog is not fetched: {result}"
    );
    // Search words name no family: the whole catalog, once.
    assert_eq!(result[2], "Senior Engineering Manager", "{result}");
    assert_eq!(ends(&paths(3), "/widget/data.bin"), 1, "{result}");
    // A family with no file of its own falls back to the whole catalog (already there).
    let unknown = result[4].as_str().unwrap_or_default();
    assert!(unknown.contains("no role matches"), "{result}");
    assert_eq!(ends(&paths(5), "/widget/data.bin"), 1, "{result}");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn widget_works_under_a_strict_content_security_policy() {
    let session = Session::start("/").await;
    session
        .driver
        .goto(format!("{}embed-csp.html", session.app_url))
        .await
        .expect("open CSP page");
    assert_eq!(
        widget_text(&session, "widget", "[data-testid=grade]").await,
        "Grade 8"
    );
    let target = widget_text(&session, "widget", "[data-testid=pay-target]").await;
    assert!(target.starts_with('$'), "{target}");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn elements_added_later_are_mounted_and_take_the_hosts_theme_properties() {
    let session = Session::start("/").await;
    session.open_widget_host("embed-csp.html").await;
    session
        .driver
        .execute(
            "const el = document.createElement('div');
             el.id = 'later';
             el.dataset.gradeladder = '';
             el.dataset.role = 'it-management/manager-it';
             el.style.setProperty('--gl-accent', 'rgb(0, 128, 0)');
             document.body.append(el);
             return 0;",
            vec![],
        )
        .await
        .expect("add element");
    assert_eq!(
        widget_text(&session, "later", "[data-testid=grade]").await,
        "Grade 8"
    );
    let badge = eventually(
        &session,
        "const g = document.getElementById('later').shadowRoot.querySelector('.grade'); return g ? getComputedStyle(g).backgroundColor : null;",
    )
    .await;
    assert_eq!(
        badge.as_str(),
        Some("rgb(0, 128, 0)"),
        "a custom property set by the host themes the widget"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn widgets_whose_wasm_cannot_be_loaded_say_so_in_place() {
    let bundle = BundleCopy::without_wasm("widget-without-wasm");
    let session = Session::serve(bundle.dir.clone(), "/").await;
    session.open("embed-demo.html").await;
    let text = eventually(
        &session,
        "const e = document.getElementById('widget-card'); return e.textContent || null;",
    )
    .await;
    assert_eq!(text, "Job grade details could not be loaded.");
    session.close().await;
}

/// The layout shift the host page has seen, summed as cumulative layout shift counts it, once
/// both demo widgets have been painted with their roles.
async fn layout_shift_after_mount(width: u32) -> f64 {
    let session = Session::start("/").await;
    session
        .driver
        .set_window_rect(0, 0, width, 900)
        .await
        .expect("window size");
    session
        .driver
        .goto(format!("{}embed-demo.html", session.app_url))
        .await
        .expect("open demo");
    eventually(
        &session,
        "return performance.getEntriesByName('gl-widget-painted').length >= 2 ? true : null;",
    )
    .await;
    let shift = session
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             let sum = 0;
             new PerformanceObserver((list) => {
               for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
             }).observe({ type: 'layout-shift', buffered: true });
             setTimeout(() => done(sum), 300);",
            vec![],
        )
        .await
        .expect("layout shift");
    session.close().await;
    shift.json().as_f64().expect("a number")
}

#[tokio::test(flavor = "multi_thread")]
async fn widgets_keep_their_space_so_the_host_page_does_not_jump_when_they_mount() {
    for width in [360, 1280] {
        let shift = layout_shift_after_mount(width).await;
        assert!(
            shift <= 0.05,
            "the demo page shifted by {shift:.3} at {width} px (cumulative layout shift; good is ≤ 0.05)"
        );
    }
}
