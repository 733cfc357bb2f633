//! Recruiters' job postings in real headless Chromium: the app's posting panel (the posting
//! module, loaded when the panel is opened or a link names locations) copies its text to the
//! clipboard, the compared locations round-trip through the address, the widget's posting view
//! renders on the hostile demo page, and old pay data is flagged.

use gradeladder_e2e::Session;
use serde_json::json;
use thirtyfour::prelude::*;

/// The role page of Manager, IT, compared in San Francisco and London.
const TWO_PLACES: &str = "role/it-management/manager-it/?at=US%2Fsan-francisco%2CGB%2Flondon";

/// Runs `body` (JavaScript with `root`, the posting panel's shadow root) once the panel is
/// mounted and until it returns something other than null.
async fn in_panel(session: &Session, body: &str) -> serde_json::Value {
    session
        .eventually(&format!(
            "const host = document.querySelector('[data-testid=posting-host]'); const root = host && host.shadowRoot;
             if (!root || !root.querySelector('[data-testid=posting]')) return null; {body}"
        ))
        .await
}

/// The element matching `css` inside the posting panel, for real clicks and typing.
async fn panel_element(session: &Session, css: &str) -> WebElement {
    in_panel(session, "return true;").await;
    let host = session.wait_for("[data-testid=posting-host]").await;
    host.get_shadow_root()
        .await
        .expect("shadow root")
        .find(By::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} in the posting panel: {e}"))
}

/// Fires `change` on the panel's element `css` (as leaving a field does).
async fn changed(session: &Session, css: &str, value: Option<&str>) {
    let set = value.map_or(String::new(), |v| format!("e.value = {v:?};"));
    in_panel(
        session,
        &format!("const e = root.querySelector('{css}'); {set} e.dispatchEvent(new Event('change', {{ bubbles: true }})); return true;"),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_posting_panel_copies_the_posting_text_to_the_clipboard() {
    let session = Session::start("/").await;
    session.open(TWO_PLACES).await;
    let origin = session.app_url.trim_end_matches('/').to_owned();
    session
        .driver
        .cdp()
        .send_raw(
            "Browser.grantPermissions",
            json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
        )
        .await
        .expect("grant clipboard permissions");
    let shown = in_panel(
        &session,
        "return root.querySelector('[data-testid=posting-text]').textContent;",
    )
    .await;
    let shown = shown.as_str().unwrap_or_default().to_owned();
    assert!(
        shown.contains("San Francisco, United States: USD 112,000 – 168,000 a year"),
        "{shown}"
    );
    assert!(shown.contains("London, United Kingdom: GBP"), "{shown}");
    assert!(
        shown.contains(&format!("{origin}/role/it-management/manager-it/")),
        "the criteria link is absolute: {shown}"
    );
    panel_element(&session, "[data-testid=copy-posting-text]")
        .await
        .click()
        .await
        .expect("copy");
    in_panel(
        &session,
        "const s = root.querySelector('[data-testid=posting-copied]'); return s.textContent.includes('Copied as plain text') ? true : null;",
    )
    .await;
    let clipboard = session
        .driver
        .execute("return navigator.clipboard.readText();", vec![])
        .await
        .expect("read clipboard")
        .json()
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(clipboard.contains("Pay range by location:"), "{clipboard}");
    assert!(
        clipboard.contains("London, United Kingdom: GBP"),
        "{clipboard}"
    );
    assert!(
        clipboard.contains("Pay data as of 2024-01-02"),
        "{clipboard}"
    );
    // The example data is years old: the pay panel, the posting and its checks say so.
    assert!(session
        .wait_for("[data-testid=pay] [data-testid=stale-warning]")
        .await
        .text()
        .await
        .expect("warning")
        .contains("months old"));
    assert!(
        clipboard.contains("Warning: The pay data is from 2024-01-02"),
        "{clipboard}"
    );
    let colorado = in_panel(
        &session,
        "return root.querySelector('[data-testid=check-colorado] summary').textContent;",
    )
    .await;
    assert!(
        colorado
            .as_str()
            .unwrap_or_default()
            .starts_with("Colorado:"),
        "{colorado}"
    );
    session.screenshot("posting-panel").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_panel_loads_its_module_only_when_opened() {
    let session = Session::start("/").await;
    session.open("role/it-management/manager-it/").await;
    let loaded = session
        .driver
        .execute("return performance.getEntriesByType('resource').some((r) => r.name.includes('gradeladder-posting'));", vec![])
        .await
        .expect("resources");
    assert_eq!(
        loaded.json(),
        &json!(false),
        "a first visit does not load the posting module"
    );
    session
        .wait_for("[data-testid=open-posting]")
        .await
        .click()
        .await
        .expect("open");
    let rows = in_panel(&session, "const n = root.querySelectorAll('[data-testid=compare-locations] tbody tr').length; return n || null;").await;
    assert_eq!(rows, json!(1), "the pay panel's location");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn compared_locations_and_their_currency_round_trip_through_the_address() {
    let session = Session::start("/").await;
    session.open("role/it-management/manager-it/").await;
    session
        .wait_for("[data-testid=open-posting]")
        .await
        .click()
        .await
        .expect("open");
    panel_element(&session, "#posting-add")
        .await
        .send_keys("London")
        .await
        .expect("type");
    changed(&session, "#posting-add", None).await;
    in_panel(&session, "return root.querySelectorAll('[data-testid=compare-locations] tbody tr').length === 2 ? true : null;").await;
    changed(&session, "#posting-common", Some("EUR")).await;
    let read_common = "const cells = [...root.querySelectorAll('[data-testid=common-range]')].map(c => c.textContent); return cells.length === 2 ? cells : null;";
    let common = in_panel(&session, read_common).await;
    let common: Vec<String> = serde_json::from_value(common).expect("cells");
    assert!(common.iter().all(|c| c.contains('€')), "{common:?}");
    let url = session.driver.current_url().await.expect("url").to_string();
    assert!(
        url.contains("at=US%2CGB%2Flondon") && url.contains("in=EUR"),
        "{url}"
    );
    let read_local =
        "return [...root.querySelectorAll('[data-testid=local-range]')].map(c => c.textContent);";
    let local: Vec<String> =
        serde_json::from_value(in_panel(&session, read_local).await).expect("cells");
    assert!(
        local[0].contains('$') && local[1].contains('£'),
        "{local:?}"
    );
    // The address alone gives the same view.
    session.driver.goto("about:blank").await.expect("blank");
    session.driver.goto(&url).await.expect("reopen");
    session.wait_for_app().await;
    let again: Vec<String> =
        serde_json::from_value(in_panel(&session, read_common).await).expect("cells");
    assert_eq!(again, common);
    let local_again: Vec<String> =
        serde_json::from_value(in_panel(&session, read_local).await).expect("cells");
    assert_eq!(local_again, local);
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_widgets_posting_view_renders_on_the_hostile_demo_page() {
    let session = Session::start("/careers/").await;
    session
        .driver
        .goto(format!("{}embed-demo.html", session.app_url))
        .await
        .expect("open demo");
    let text = session
        .eventually(
            "const root = document.getElementById('widget-posting').shadowRoot; const e = root && root.querySelector('[data-testid=posting-text]'); return e ? e.textContent : null;",
        )
        .await;
    let text = text.as_str().unwrap_or_default();
    assert!(text.contains("San Francisco, United States: USD"), "{text}");
    assert!(text.contains("London, United Kingdom: GBP"), "{text}");
    assert!(
        text.contains("/careers/role/it-management/manager-it/"),
        "{text}"
    );
    let checks = session
        .eventually(
            "const root = document.getElementById('widget-posting').shadowRoot; const n = root && root.querySelectorAll('details.check').length; return n ? n : null;",
        )
        .await;
    assert_eq!(checks, json!(5));
    // The host's hostile CSS does not reach the posting text.
    let size = session
        .eventually(
            "const e = document.getElementById('widget-posting').shadowRoot.querySelector('[data-testid=posting-text]'); return e ? getComputedStyle(e).fontSize : null;",
        )
        .await;
    assert_ne!(size.as_str(), Some("30px"));
    session
        .driver
        .set_window_rect(0, 0, 360, 900)
        .await
        .expect("narrow");
    session.screenshot("widget-posting").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_location_the_pay_data_lacks_is_named_with_suggestions_and_the_rest_still_priced() {
    let session = Session::start("/").await;
    session
        .open("role/it-management/manager-it/?at=US%2CLondn")
        .await;
    let unknown = in_panel(&session, "const e = root.querySelector('[data-testid=posting-unknown]'); return e ? e.textContent : null;").await;
    let unknown = unknown.as_str().unwrap_or_default();
    assert!(
        unknown.contains("\"Londn\"") && unknown.contains("London, United Kingdom"),
        "{unknown}"
    );
    let rows = in_panel(
        &session,
        "return root.querySelectorAll('[data-testid=local-range]').length;",
    )
    .await;
    assert_eq!(rows, json!(1));
    // Typing one adds nothing and keeps what was typed, with the reason.
    panel_element(&session, "#posting-add")
        .await
        .send_keys("Atlantis")
        .await
        .expect("type");
    changed(&session, "#posting-add", None).await;
    let error = in_panel(&session, "const e = root.querySelector('#posting-add-error'); return e.textContent ? e.textContent : null;").await;
    assert!(
        error.as_str().unwrap_or_default().contains("Atlantis"),
        "{error}"
    );
    let typed = in_panel(&session, "return root.querySelector('#posting-add').value;").await;
    assert_eq!(typed, json!("Atlantis"));
    session.close().await;
}
