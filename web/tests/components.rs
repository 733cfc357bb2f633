//! Component tests: the app rendered by Yew in real headless Chromium (wasm-bindgen-test).

use std::time::Duration;

use gradeladder_web::data::Site;
use gradeladder_web::views::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted app and the element it renders into.
struct Mounted {
    root: Element,
    handle: yew::AppHandle<App>,
}

/// Opens `path` (a route from the root, such as `/role/…/`), mounts the app on a fresh element and
/// lets Yew render.
async fn mount_at(path: &str) -> Mounted {
    gloo::utils::window()
        .history()
        .expect("history")
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("push the route");
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create div");
    gloo::utils::body()
        .append_child(&root)
        .expect("append root");
    let site = Site::from(gradeladder_core::seeds::site());
    let handle =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { site }).render();
    settle().await;
    Mounted { root, handle }
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(60)).await;
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn unmount(mounted: Mounted) {
    mounted.handle.destroy();
    mounted.root.remove();
}

#[wasm_bindgen_test]
async fn home_lists_every_seed_level_with_its_grade_badge() {
    let app = mount_at("/").await;
    let root = app.root.clone();
    let levels = texts(&root, "[data-testid=level]");
    assert_eq!(levels.len(), 7, "levels: {levels:?}");
    assert!(levels
        .iter()
        .any(|l| l.contains("Grade 10") && l.contains("Director, Technical Program Management")));
    assert_eq!(texts(&root, "h1").len(), 1);
    assert!(root.query_selector("main").expect("selector").is_some());
    unmount(app);
}

#[wasm_bindgen_test]
async fn role_view_shows_grade_scale_titles_and_groups_inherited_items() {
    let app = mount_at("/role/engineering-productivity-manager/senior-engineering-manager-engineering-productivity/").await;
    let root = app.root.clone();
    assert_eq!(
        texts(&root, "h1"),
        ["Senior Engineering Manager, Engineering Productivity"]
    );
    assert_eq!(texts(&root, "[data-testid=grade]"), ["Grade 9"]);
    assert!(texts(&root, ".scale-title")
        .iter()
        .any(|t| t == "Principal / Senior Manager"));
    assert_eq!(
        texts(&root, "[data-testid=inherited] summary"),
        ["Plus all 10 from Engineering Manager, Engineering Productivity"]
    );
    assert_eq!(
        texts(&root, "tr.current th"),
        ["9"],
        "the grade scale highlights the role's grade"
    );
    unmount(app);
}

#[wasm_bindgen_test]
async fn pay_panel_flags_example_figures_and_shows_every_step() {
    let app =
        mount_at("/role/senior-engineering-manager/senior-engineering-manager/?loc=GB%2Flondon")
            .await;
    let root = app.root.clone();
    assert_eq!(
        texts(&root, "[data-testid=example-banner]"),
        ["Example figures, not real pay data."]
    );
    let steps = texts(&root, "[data-testid=pay-math] li");
    assert_eq!(steps.len(), 8, "{steps:?}");
    assert!(
        steps[2].contains("Location factor: London, United Kingdom"),
        "{steps:?}"
    );
    assert_eq!(texts(&root, "[data-testid=pay-target]"), ["£90,300"]);
    unmount(app);
}

#[wasm_bindgen_test]
async fn search_combobox_moves_with_arrow_keys_and_announces_the_count() {
    let app = mount_at("/").await;
    let root = app.root.clone();
    let input: HtmlInputElement = root
        .query_selector("#role-search")
        .expect("selector")
        .expect("search box")
        .unchecked_into();
    input.set_value("manager");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").expect("input event"))
        .expect("dispatch");
    settle().await;
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let options = texts(&root, "[role=option]");
    assert!(options.len() >= 5, "{options:?}");
    let down = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("ArrowDown");
        init
    })
    .expect("key event");
    input.dispatch_event(&down).expect("dispatch");
    settle().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("role-search-option-0")
    );
    let status = texts(&root, "[role=search] [role=status]");
    assert_eq!(status, [format!("{} roles match.", options.len())]);
    unmount(app);
}

#[wasm_bindgen_test]
async fn compare_view_counts_new_dropped_and_common_items() {
    let app = mount_at("/compare/engineering-productivity-manager.engineering-manager-engineering-productivity/engineering-productivity-manager.senior-engineering-manager-engineering-productivity/").await;
    let root = app.root.clone();
    let headings = texts(&root, "[data-testid=diff-requirements] h3");
    assert_eq!(
        headings,
        [
            "New at this level (7)",
            "No longer listed (7)",
            "Same at both levels (0)"
        ]
    );
    unmount(app);
}
