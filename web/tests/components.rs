//! Component tests: the app rendered by Yew in real headless Chromium (wasm-bindgen-test).

use std::time::Duration;

use gradeladder_web::views::app::App;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app on a fresh element and lets Yew render.
async fn mount_app() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create div");
    gloo::utils::body()
        .append_child(&root)
        .expect("append root");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    root
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn app_lists_every_seed_level_with_its_grade_badge() {
    let root = mount_app().await;
    let levels = texts(&root, "[data-testid=level]");
    assert_eq!(levels.len(), 7, "levels: {levels:?}");
    let grades = root
        .query_selector_all("[data-testid=level][data-grade]")
        .expect("selector");
    assert_eq!(grades.length(), 7);
    assert!(levels
        .iter()
        .any(|l| l.contains("Grade 10") && l.contains("Director, Technical Program Management")));
}

#[wasm_bindgen_test]
async fn app_has_exactly_one_h1_and_a_main_landmark() {
    let root = mount_app().await;
    assert_eq!(texts(&root, "h1").len(), 1);
    assert!(root.query_selector("main").expect("selector").is_some());
}
