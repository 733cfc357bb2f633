//! What a candidate does in the app, in real headless Chromium against the release bundle.

use std::time::Duration;

use gradeladder_e2e::Session;
use thirtyfour::prelude::*;

const SEM_EP: &str =
    "role/engineering-productivity-manager/senior-engineering-manager-engineering-productivity/";
const EM_EP: &str =
    "role/engineering-productivity-manager/engineering-manager-engineering-productivity/";

async fn type_in_search(session: &Session, text: &str) -> WebElement {
    let input = session.wait_for("#role-search").await;
    input.click().await.expect("focus search");
    input.send_keys(text).await.expect("type");
    input
}

async fn h1(session: &Session) -> String {
    // The page may replace its heading between finding it and reading it (a render after a
    // navigation): find it again then.
    let mut last_error = None;
    for _ in 0..20 {
        match session.wait_for("h1").await.text().await {
            Ok(text) => return text,
            Err(error) => last_error = Some(error),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("h1 text: {last_error:?}");
}

async fn wait_for_h1(session: &Session, expected: &str) {
    for _ in 0..100 {
        if h1(session).await == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "h1 never became {expected:?}; it is {:?}",
        h1(session).await
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn search_by_abbreviation_and_enter_opens_the_role() {
    let session = Session::start("/").await;
    session.open("").await;
    let input = type_in_search(&session, "tpm dir").await;
    session
        .wait_for("[role=option][id^=role-search-option]")
        .await;
    let first = session.texts("[role=option]").await;
    assert!(
        first[0].starts_with("Director, Technical Program Management"),
        "{first:?}"
    );
    input.send_keys(Key::Enter).await.expect("enter");
    wait_for_h1(&session, "Director, Technical Program Management").await;
    assert_eq!(
        session
            .wait_for("[data-testid=grade]")
            .await
            .text()
            .await
            .expect("grade"),
        "Grade 10"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_with_a_typo_and_arrow_keys_selects_a_result() {
    let session = Session::start("/").await;
    session.open("").await;
    let input = type_in_search(&session, "enginering productivty").await;
    session
        .wait_for("[role=option][id^=role-search-option]")
        .await;
    input.send_keys(Key::Down).await.expect("down");
    input.send_keys(Key::Down).await.expect("down");
    let active = input.attr("aria-activedescendant").await.expect("attr");
    assert_eq!(active.as_deref(), Some("role-search-option-1"));
    let live = session
        .driver
        .find(By::Css("[role=search] [role=status]"))
        .await
        .expect("live region");
    assert!(
        live.text()
            .await
            .unwrap_or_default()
            .contains("roles match")
            || live
                .inner_html()
                .await
                .expect("html")
                .contains("roles match")
    );
    input.send_keys(Key::Enter).await.expect("enter");
    wait_for_h1(
        &session,
        "Senior Engineering Manager, Engineering Productivity",
    )
    .await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn role_view_shows_inherited_items_hiring_total_and_not_hiring_status() {
    let session = Session::start("/").await;
    session.open(SEM_EP).await;
    wait_for_h1(
        &session,
        "Senior Engineering Manager, Engineering Productivity",
    )
    .await;
    let groups = session.texts("[data-testid=inherited] summary").await;
    assert_eq!(
        groups,
        ["Plus all 10 from Engineering Manager, Engineering Productivity"]
    );
    assert_eq!(
        session
            .driver
            .find_all(By::Css("[data-testid=inherited] li.inherited"))
            .await
            .expect("items")
            .len(),
        10
    );
    let total = session
        .wait_for("[data-testid=hiring-total]")
        .await
        .text()
        .await
        .expect("text");
    // 30 + 4 × 50 + 30 = 260 minutes.
    assert_eq!(total, "6 steps; 6 timed interviews add up to 4 h 20 min.");
    session.open("role/engineering-technical-program-management-leadership/senior-manager-technical-program-management/").await;
    wait_for_h1(&session, "Senior Manager, Technical Program Management").await;
    assert!(session
        .wait_for("[data-testid=not-hiring]")
        .await
        .is_displayed()
        .await
        .expect("visible"));
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ladder_edge_navigates_and_back_and_forward_work() {
    let session = Session::start("/").await;
    session.open(EM_EP).await;
    wait_for_h1(&session, "Engineering Manager, Engineering Productivity").await;
    let node = session.wait_for("a[data-testid=ladder-node]").await;
    node.click().await.expect("click ladder node");
    wait_for_h1(
        &session,
        "Senior Engineering Manager, Engineering Productivity",
    )
    .await;
    session.driver.back().await.expect("back");
    wait_for_h1(&session, "Engineering Manager, Engineering Productivity").await;
    session.driver.forward().await.expect("forward");
    wait_for_h1(
        &session,
        "Senior Engineering Manager, Engineering Productivity",
    )
    .await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn compare_with_next_level_lists_what_is_new() {
    let session = Session::start("/").await;
    session.open(EM_EP).await;
    wait_for_h1(&session, "Engineering Manager, Engineering Productivity").await;
    let link = session.wait_for("a[href*='compare/']").await;
    link.click().await.expect("compare");
    wait_for_h1(&session, "From Engineering Manager, Engineering Productivity to Senior Engineering Manager, Engineering Productivity").await;
    let headings = session
        .texts("[data-testid=diff-responsibilities] h3")
        .await;
    assert_eq!(
        headings,
        [
            "New at this level (8)",
            "No longer listed (0)",
            "Same at both levels (10)"
        ]
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn changing_location_and_currency_changes_the_range_and_the_link_keeps_it() {
    let session = Session::start("/").await;
    session
        .open("role/senior-engineering-manager/senior-engineering-manager/")
        .await;
    wait_for_h1(&session, "Senior Engineering Manager").await;
    let banner = session
        .wait_for("[data-testid=example-banner]")
        .await
        .text()
        .await
        .expect("banner");
    assert_eq!(banner, "Example figures, not real pay data.");
    let before = session
        .wait_for("[data-testid=pay-target]")
        .await
        .text()
        .await
        .expect("target");
    let location = session.wait_for("#pay-location").await;
    location.clear().await.expect("clear");
    location.send_keys("London").await.expect("type");
    location.send_keys(Key::Tab).await.expect("commit");
    let mut after = before.clone();
    for _ in 0..100 {
        after = session
            .wait_for("[data-testid=pay-target]")
            .await
            .text()
            .await
            .expect("target");
        if after != before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        after, "£90,300",
        "London in pounds: 140,000 × 1.2 × 0.68 × 0.79, rounded up"
    );
    let currency = session.wait_for("#pay-currency").await;
    currency.send_keys("EUR").await.expect("choose EUR");
    currency.send_keys(Key::Tab).await.expect("commit");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let euro = session
        .wait_for("[data-testid=pay-target]")
        .await
        .text()
        .await
        .expect("target");
    assert!(euro.contains('€'), "{euro}");
    let url = session.driver.current_url().await.expect("url").to_string();
    assert!(
        url.contains("loc=GB%2Flondon") && url.contains("cur=EUR"),
        "{url}"
    );
    // A new page opened at the copied address shows the same state.
    let copy = session.wait_for("[data-testid=copy-link]").await;
    copy.click().await.expect("copy");
    session.driver.goto("about:blank").await.expect("blank");
    session.driver.goto(&url).await.expect("reopen");
    wait_for_h1(&session, "Senior Engineering Manager").await;
    assert_eq!(
        session
            .wait_for("[data-testid=pay-target]")
            .await
            .text()
            .await
            .expect("target"),
        euro
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_location_keeps_what_was_typed_and_explains() {
    let session = Session::start("/").await;
    session.open("role/it-management/manager-it/").await;
    wait_for_h1(&session, "Manager, IT").await;
    let location = session.wait_for("#pay-location").await;
    location.clear().await.expect("clear");
    location.send_keys("Amsterdm").await.expect("type");
    location.send_keys(Key::Tab).await.expect("commit");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        location.value().await.expect("value").as_deref(),
        Some("Amsterdm")
    );
    let error = session
        .wait_for("#pay-location-error")
        .await
        .text()
        .await
        .expect("error");
    assert_eq!(
        error,
        "unknown location \"Amsterdm\"; try Amsterdam, Netherlands"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_role_address_shows_not_found_with_suggestions() {
    let session = Session::start("/").await;
    session.open("role/it-management/manager-of-it-old/").await;
    wait_for_h1(&session, "Role not found").await;
    let suggestions = session.texts("[data-testid=suggestions] a").await;
    assert!(
        suggestions.iter().any(|s| s == "Manager, IT"),
        "{suggestions:?}"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_only_reaches_search_and_opens_a_role() {
    let session = Session::start("/").await;
    session.open("").await;
    session.wait_for("h1").await;
    let body = session.driver.find(By::Css("body")).await.expect("body");
    let mut reached = false;
    for _ in 0..12 {
        body.send_keys(Key::Tab).await.expect("tab");
        let active = session.driver.active_element().await.expect("active");
        if active.id().await.expect("id").as_deref() == Some("role-search") {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the search box");
    let active = session.driver.active_element().await.expect("active");
    active.send_keys("manager it").await.expect("type");
    session
        .wait_for("[role=option][id^=role-search-option]")
        .await;
    active.send_keys(Key::Down).await.expect("down");
    active.send_keys(Key::Enter).await.expect("enter");
    wait_for_h1(&session, "Manager, IT").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn theme_toggle_switches_to_dark_and_is_remembered() {
    let session = Session::start("/").await;
    session.open("").await;
    let toggle = session.wait_for("[data-testid=theme-toggle]").await;
    toggle.click().await.expect("light");
    toggle.click().await.expect("dark");
    let theme = session
        .driver
        .execute("return document.documentElement.dataset.theme", vec![])
        .await
        .expect("js");
    assert_eq!(theme.json().as_str(), Some("dark"));
    let background = session
        .driver
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            vec![],
        )
        .await
        .expect("js");
    assert_eq!(background.json().as_str(), Some("rgb(20, 19, 26)"));
    session.driver.refresh().await.expect("reload");
    session.wait_for_app().await;
    session.wait_for("h1").await;
    let theme = session
        .driver
        .execute("return document.documentElement.dataset.theme", vec![])
        .await
        .expect("js");
    assert_eq!(theme.json().as_str(), Some("dark"));
    session.screenshot("home-dark-1280").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn print_media_hides_controls_and_keeps_the_role() {
    let session = Session::start("/").await;
    session.open(SEM_EP).await;
    wait_for_h1(
        &session,
        "Senior Engineering Manager, Engineering Productivity",
    )
    .await;
    session
        .driver
        .cdp()
        .send_raw(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "media": "print" }),
        )
        .await
        .expect("emulate print");
    let shown = |selector: &str| {
        format!("const e = document.querySelector('{selector}'); return e ? e.getClientRects().length > 0 : null;")
    };
    for hidden in [
        "#role-search",
        "[data-testid=theme-toggle]",
        "[data-testid=copy-link]",
        "#pay-location",
    ] {
        let visible = session
            .driver
            .execute(&shown(hidden), vec![])
            .await
            .expect("js");
        assert_eq!(
            visible.json().as_bool(),
            Some(false),
            "{hidden} is hidden in print"
        );
    }
    for kept in ["h1", "[data-testid=grade]", "[data-testid=pay-figures]"] {
        let visible = session
            .driver
            .execute(&shown(kept), vec![])
            .await
            .expect("js");
        assert_eq!(visible.json().as_bool(), Some(true), "{kept} is printed");
    }
    session.screenshot("role-print-1280").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn screenshots_at_three_widths() {
    let session = Session::start("/").await;
    for width in [320, 768, 1280] {
        session
            .driver
            .set_window_rect(0, 0, width, 900)
            .await
            .expect("resize");
        for (name, route, heading) in [
            ("home", "", "Job grades, expectations, ladders and pay"),
            ("role", SEM_EP, "Senior Engineering Manager, Engineering Productivity"),
            ("compare", "compare/engineering-productivity-manager.engineering-manager-engineering-productivity/engineering-productivity-manager.senior-engineering-manager-engineering-productivity/", "From Engineering Manager, Engineering Productivity to Senior Engineering Manager, Engineering Productivity"),
        ] {
            session.open(route).await;
            wait_for_h1(&session, heading).await;
            let overflow = session.driver.execute("return document.documentElement.scrollWidth - window.innerWidth", vec![]).await.expect("js");
            assert!(overflow.json().as_i64().unwrap_or(0) <= 0, "{name} at {width}px scrolls sideways");
            session.screenshot(&format!("{name}-{width}")).await;
        }
    }
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_the_jump_to_pay_button_brings_focus_and_view_to_the_pay_panel() {
    let session = Session::start("/").await;
    session
        .driver
        .set_window_rect(0, 0, 360, 800)
        .await
        .expect("resize");
    session.open(SEM_EP).await;
    wait_for_h1(
        &session,
        "Senior Engineering Manager, Engineering Productivity",
    )
    .await;
    let in_view = "const r = document.activeElement.getBoundingClientRect(); \
                   return document.activeElement.classList.contains('pay-section') \
                   && r.top > -2 && r.top < window.innerHeight";
    let before = session.driver.execute(in_view, vec![]).await.expect("js");
    assert_eq!(
        before.json().as_bool(),
        Some(false),
        "pay starts out of view"
    );
    session
        .wait_for("[data-testid=jump-to-pay]")
        .await
        .click()
        .await
        .expect("click jump to pay");
    let mut arrived = false;
    for _ in 0..40 {
        let after = session.driver.execute(in_view, vec![]).await.expect("js");
        if after.json().as_bool() == Some(true) {
            arrived = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(arrived, "focus and view moved to the pay panel");

    session
        .driver
        .set_window_rect(0, 0, 1280, 900)
        .await
        .expect("resize");
    let shown = session
        .wait_for("[data-testid=jump-to-pay]")
        .await
        .is_displayed()
        .await
        .expect("displayed?");
    assert!(
        !shown,
        "beside the role, where pay is already in view, the button is hidden"
    );
    session.close().await;
}

/// The distinct font size and weight pairs of the text shown under the document and every open
/// shadow root (SVG text included), sorted; text the host page styles itself is left out when
/// `shadow_only` is set.
const FONT_STRIKES: &str = "const shadowOnly = arguments[0]; const strikes = new Set();
  const visit = (root, inShadow) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) { if (node.shadowRoot) visit(node.shadowRoot, true); continue; }
      const element = node.parentElement;
      if (!node.textContent.trim() || !element || !element.checkVisibility() || (shadowOnly && !inShadow)) continue;
      const style = getComputedStyle(element);
      strikes.add(style.fontSize + ' ' + style.fontWeight);
    }
  };
  visit(document.body, false);
  return [...strikes].sort();";

#[tokio::test(flavor = "multi_thread")]
async fn pages_and_widgets_draw_text_only_in_the_four_sizes_and_two_weights_of_the_type_scale() {
    // Each size-and-weight pair costs a font lookup before the first paint (see `theme::global`).
    let sizes = ["13px", "16px", "19.2px", "25.6px"];
    let weights = ["400", "700"];
    let session = Session::start("/").await;
    let mut drawn = Vec::new();
    for page in ["", SEM_EP] {
        session.open(page).await;
        let strikes = session
            .driver
            .execute(FONT_STRIKES, vec![serde_json::json!(false)])
            .await
            .expect("js");
        drawn.push((format!("page `{page}`"), strikes.json().clone()));
    }
    session.open_widget_host("embed-demo.html").await;
    let widgets = session
        .eventually(&format!(
            "const mounted = document.querySelectorAll('[data-gradeladder]'); \
             if ([...mounted].some(e => !e.shadowRoot || e.shadowRoot.querySelector('[data-gl-reserve]'))) return null; \
             return (function() {{ {FONT_STRIKES} }}).call(null, true);"
        ))
        .await;
    drawn.push(("widgets of the embed demo".to_owned(), widgets));
    for (what, strikes) in &drawn {
        let strikes: Vec<&str> = strikes
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|strike| strike.as_str())
            .collect();
        let outside: Vec<&&str> = strikes
            .iter()
            .filter(|strike| {
                let (size, weight) = strike.split_once(' ').unwrap_or((strike, ""));
                !sizes.contains(&size) || !weights.contains(&weight)
            })
            .collect();
        assert!(
            outside.is_empty(),
            "the {what} draws text outside the type scale ({sizes:?} in {weights:?}): {outside:?} (all: {strikes:?})"
        );
    }
    session.close().await;
}
