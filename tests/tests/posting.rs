//! Recruiters' job postings in real headless Chromium: the posting panel copies its text to the
//! clipboard, the compared locations round-trip through the address, the widget's posting view
//! renders on the hostile demo page, and old pay data is flagged.

use gradeladder_e2e::Session;
use serde_json::json;
use thirtyfour::extensions::cdp::ChromeDevTools;

/// The role page of Manager, IT, compared in San Francisco and London.
const TWO_PLACES: &str = "role/it-management/manager-it/?at=US%2Fsan-francisco%2CGB%2Flondon";

#[tokio::test(flavor = "multi_thread")]
async fn the_posting_panel_copies_the_posting_text_to_the_clipboard() {
    let session = Session::start("/").await;
    session.open(TWO_PLACES).await;
    let origin = session.app_url.trim_end_matches('/').to_owned();
    ChromeDevTools::new(session.driver.handle().clone())
        .execute_cdp_with_params(
            "Browser.grantPermissions",
            json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
        )
        .await
        .expect("grant clipboard permissions");
    let shown = session
        .wait_for("[data-testid=posting-text]")
        .await
        .text()
        .await
        .expect("posting text");
    assert!(
        shown.contains("San Francisco, United States: USD 112,000 – 168,000 a year"),
        "{shown}"
    );
    assert!(shown.contains("London, United Kingdom: GBP"), "{shown}");
    assert!(
        shown.contains(&format!("{origin}/role/it-management/manager-it/")),
        "the criteria link is absolute: {shown}"
    );
    session
        .wait_for("[data-testid=copy-posting-text]")
        .await
        .click()
        .await
        .expect("copy");
    session
        .eventually(
            "const s = document.querySelector('[data-testid=posting-copied]'); return s && s.textContent.includes('Copied as plain text') ? true : null;",
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
    let colorado = session
        .wait_for("[data-testid=check-colorado] summary")
        .await
        .text()
        .await
        .expect("summary");
    assert!(colorado.starts_with("Colorado:"), "{colorado}");
    session.screenshot("posting-panel").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn compared_locations_and_their_currency_round_trip_through_the_address() {
    let session = Session::start("/").await;
    session.open("role/it-management/manager-it/").await;
    let add = session.wait_for("#posting-add").await;
    add.send_keys("London").await.expect("type");
    session
        .driver
        .execute(
            "document.querySelector('#posting-add').dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("change");
    session
        .eventually("return document.querySelectorAll('[data-testid=compare-locations] tbody tr').length === 2 ? true : null;")
        .await;
    session
        .driver
        .execute(
            "const s = document.querySelector('#posting-common'); s.value = 'EUR'; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("choose EUR");
    let common = session
        .eventually(
            "const cells = [...document.querySelectorAll('[data-testid=common-range]')].map(c => c.textContent); return cells.length === 2 ? cells : null;",
        )
        .await;
    let common: Vec<String> = serde_json::from_value(common).expect("cells");
    assert!(common.iter().all(|c| c.contains('€')), "{common:?}");
    let url = session.driver.current_url().await.expect("url").to_string();
    assert!(
        url.contains("at=US%2CGB%2Flondon") && url.contains("in=EUR"),
        "{url}"
    );
    let local = session.texts("[data-testid=local-range]").await;
    assert!(
        local[0].contains('$') && local[1].contains('£'),
        "{local:?}"
    );
    // The address alone gives the same view.
    session.driver.goto("about:blank").await.expect("blank");
    session.driver.goto(&url).await.expect("reopen");
    session.wait_for_app().await;
    let again = session
        .eventually(
            "const cells = [...document.querySelectorAll('[data-testid=common-range]')].map(c => c.textContent); return cells.length === 2 ? cells : null;",
        )
        .await;
    assert_eq!(
        serde_json::from_value::<Vec<String>>(again).expect("cells"),
        common
    );
    assert_eq!(session.texts("[data-testid=local-range]").await, local);
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
    let unknown = session
        .wait_for("[data-testid=posting-unknown]")
        .await
        .text()
        .await
        .expect("message");
    assert!(
        unknown.contains("\"Londn\"") && unknown.contains("London, United Kingdom"),
        "{unknown}"
    );
    assert_eq!(session.texts("[data-testid=local-range]").await.len(), 1);
    // Typing one adds nothing and keeps what was typed, with the reason.
    let add = session.wait_for("#posting-add").await;
    add.send_keys("Atlantis").await.expect("type");
    session
        .driver
        .execute(
            "document.querySelector('#posting-add').dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("change");
    let error = session
        .eventually("const e = document.querySelector('#posting-add-error'); return e && e.textContent ? e.textContent : null;")
        .await;
    assert!(
        error.as_str().unwrap_or_default().contains("Atlantis"),
        "{error}"
    );
    assert_eq!(
        session
            .wait_for("#posting-add")
            .await
            .prop("value")
            .await
            .expect("value")
            .as_deref(),
        Some("Atlantis")
    );
    session.close().await;
}
