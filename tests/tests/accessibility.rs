//! axe-core (from npm, pinned in tests/package.json) on every route, in light and dark: no
//! WCAG 2.x A/AA violations.

use std::time::Duration;

use gradeladder_e2e::Session;
use serde_json::Value;

const ROUTES: &[(&str, &str)] = &[
    ("home", ""),
    ("role", "role/engineering-productivity-manager/senior-engineering-manager-engineering-productivity/"),
    ("role-future-level", "role/engineering-technical-program-management-leadership/senior-manager-technical-program-management/"),
    ("compare", "compare/engineering-productivity-manager.engineering-manager-engineering-productivity/engineering-productivity-manager.senior-engineering-manager-engineering-productivity/"),
    ("grades", "grades/"),
    ("role-with-posting", "role/it-management/manager-it/?at=US%2Fsan-francisco%2CGB%2Flondon&in=EUR"),
    ("not-found", "role/nope/nothing/"),
];

fn axe_source() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/axe-core/axe.min.js"
    );
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}; `cargo xtask test` installs axe-core with npm"))
}

async fn violations(session: &Session) -> Vec<String> {
    violations_in(session, "document").await
}

/// axe's WCAG 2.x A/AA rules, plus label-in-name (an accessible name that contains the visible
/// text, as speech input needs), on `context` (a JavaScript expression for axe's context).
async fn violations_in(session: &Session, context: &str) -> Vec<String> {
    session
        .driver
        .execute(&axe_source(), vec![])
        .await
        .expect("inject axe");
    let result = session
        .driver
        .execute_async(
            &format!(
                r#"const done = arguments[arguments.length - 1];
               axe.run({context}, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }},
                                      rules: {{ 'label-content-name-mismatch': {{ enabled: true }} }} }})
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' → ' + v.nodes.map(n => n.target.join(' ') + ' (' + n.failureSummary + ')').join(', '))))
                  .catch(e => done(['axe failed: ' + e]));"#
            ),
            vec![],
        )
        .await
        .expect("run axe");
    match result.json() {
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect(),
        other => vec![format!("unexpected axe result {other}")],
    }
}

async fn check_all(theme: &str) {
    let session = Session::start("/").await;
    session.open("").await;
    session.wait_for("h1").await;
    let set = format!("localStorage.setItem('gradeladder.theme', '{theme}')");
    session
        .driver
        .execute(&set, vec![])
        .await
        .expect("set theme");
    let mut failures = Vec::new();
    for (name, route) in ROUTES {
        session.open(route).await;
        session.driver.refresh().await.expect("reload");
        session.wait_for_app().await;
        session.wait_for("main h1").await;
        if route.contains("at=") {
            // The posting module mounts its panel after the page.
            session
                .eventually("const h = document.querySelector('[data-testid=posting-host]'); return h && h.shadowRoot && h.shadowRoot.querySelector('[data-testid=posting-text]') ? true : null;")
                .await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let applied = session
            .driver
            .execute(
                "return document.documentElement.dataset.theme || ''",
                vec![],
            )
            .await
            .expect("theme");
        assert_eq!(applied.json().as_str(), Some(theme));
        for violation in violations(&session).await {
            failures.push(format!("{name} ({theme}): {violation}"));
        }
    }
    session.close().await;
    assert!(
        failures.is_empty(),
        "accessibility violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_has_no_axe_violations_in_light() {
    check_all("light").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_has_no_axe_violations_in_dark() {
    check_all("dark").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn widgets_on_a_host_page_have_no_axe_violations() {
    let session = Session::start("/").await;
    session.open_widget_host("embed-demo.html").await;
    session
        .eventually("return document.querySelectorAll('[data-gradeladder]').length > 0 && [...document.querySelectorAll('[data-gradeladder]')].every(e => e.shadowRoot && e.shadowRoot.querySelector('[data-testid=widget]')) ? true : null;")
        .await;
    let failures = violations_in(
        &session,
        "{ include: [['#widget-card'], ['#widget-full'], ['#widget-posting']] }",
    )
    .await;
    session.close().await;
    assert!(
        failures.is_empty(),
        "accessibility violations in the widgets:\n{}",
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_import_and_embed_pages_have_no_axe_violations() {
    let session = Session::start("/").await;
    let mut failures = Vec::new();
    for theme in ["light", "dark"] {
        session.open_page("import/").await;
        let set = format!("localStorage.setItem('gradeladder.theme', '{theme}')");
        session
            .driver
            .execute(&set, vec![])
            .await
            .expect("set theme");
        session.driver.refresh().await.expect("reload");
        session
            .eventually("return document.body.dataset.reader === 'ready' ? true : null;")
            .await;
        for violation in violations(&session).await {
            failures.push(format!("import ({theme}): {violation}"));
        }
    }
    session.open_page("embed.html").await;
    session
        .eventually("return [...document.querySelectorAll('[data-gradeladder]')].every(e => e.shadowRoot && e.shadowRoot.querySelector('[data-testid=widget]')) ? true : null;")
        .await;
    for violation in violations(&session).await {
        failures.push(format!("embed: {violation}"));
    }
    session.close().await;
    assert!(
        failures.is_empty(),
        "accessibility violations:\n{}",
        failures.join("\n")
    );
}
