//! The app's role page and the widget's full view list, for every seed level, the lists the
//! core's `expected_lists` gives (the CLI's `show` is checked against the same function).

use gradeladder_core::expectations::expected_lists;
use gradeladder_core::{seeds, Catalog, LevelId};
use gradeladder_e2e::Session;
use serde_json::{json, Value};

/// `[label, top-level item count]` per list, as the core lists them.
fn core_lists(catalog: &Catalog, id: &LevelId) -> Value {
    let found = catalog.get(id).expect("seed level");
    let lists: Vec<Value> = expected_lists(found.family, found.level)
        .iter()
        .map(|list| json!([list.kind.label(), list.items().count()]))
        .collect();
    Value::from(lists)
}

/// The same, read from a rendered page: `root` is a JS expression for the element to search.
fn lists_script(root: &str) -> String {
    format!(
        "const root = {root}; if (!root || !root.querySelector('[data-testid=grade]')) return null;
         return Array.from(root.querySelectorAll('[data-testid=expected-list]')).map(s =>
           [s.querySelector('h2').textContent, s.querySelectorAll(':scope ul.items > li').length]);"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn role_page_lists_the_core_expected_items_for_every_seed_level() {
    let catalog = seeds::catalog();
    let session = Session::start("/").await;
    for found in catalog.level_refs() {
        let id = found.id();
        session
            .open(&format!("role/{}/{}/", id.family, id.level))
            .await;
        // The page of the previous level may still be shown for a moment: wait for this one.
        let title = serde_json::to_string(&found.level.title).expect("title");
        let script = format!(
            "const h = document.querySelector('h1'); if (!h || h.textContent !== {title}) return null; {}",
            lists_script("document.querySelector('[data-testid=role]')")
        );
        assert_eq!(
            session.eventually(&script).await,
            core_lists(&catalog, &id),
            "{id}"
        );
    }
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn widget_full_view_lists_the_core_expected_items_for_every_seed_level() {
    let catalog = seeds::catalog();
    let session = Session::start("/").await;
    session.open_widget_host("embed-csp.html").await;
    for (n, found) in catalog.level_refs().enumerate() {
        let id = found.id();
        let mount = format!(
            "const el = document.createElement('div'); el.id = 'full-{n}'; document.body.append(el);
             Gradeladder.mount(el, {{ role: '{id}', view: 'full' }}); return true;"
        );
        session.driver.execute(&mount, vec![]).await.expect("mount");
        let script = lists_script(&format!("document.getElementById('full-{n}').shadowRoot"));
        assert_eq!(
            session.eventually(&script).await,
            core_lists(&catalog, &id),
            "{id}"
        );
    }
    session.close().await;
}
