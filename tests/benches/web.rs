//! Browser figures for the release bundle in headless Chromium (a benchmark, not a test), run by
//! `cargo xtask bench`:
//! - the first visit, as a candidate following a link meets it: a fresh browser profile per load
//!   in a browser started a moment before (the visitor's was already running), navigation start →
//!   role view with its ladder painted, against mermaid.js drawing the same ladder, and the
//!   widget's first card on a host page, the deep link's page with its scripts taken out (what
//!   its content costs) and a blank page (the browser's own floor), the cold loads taken in turn
//!   (A B C D E A B C D E …) so drift falls on all alike; warm figures (same profile, reloaded)
//!   beside them; the app and mermaid again with the browser started with the navigation; the
//!   longest task;
//! - where the cold path goes (document, wasm fetched, wasm started, view built, painted);
//! - the same first visits over Lighthouse's mobile network, and a career page of one card;
//! - wasm start → role view painted and role-to-role navigation, in one hot profile;
//! - Lighthouse (mobile defaults) on the role deep link and the embed demo;
//! - "Use your own pages": the corpus, a handbook-sized set made from it (~430 pages) and 5,000
//!   made-up levels read in the browser (time to the report, longest main-thread task meanwhile),
//!   then search over the 5,000 levels, one keystroke at a time.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use gradeladder_e2e::{dist_dir, BundleCopy, Session, StaticServer};

/// The deep link timed cold and warm, and drawn by mermaid for the ratio.
const DEEP_LINK: &str = "role/it-management/manager-it/";
const DEEP_LINK_FAMILY: &str = "it-management";
/// Loads per figure (the medians are over these).
const LOADS: usize = 7;
/// Rounds of the interleaved cold first visits on loopback (one load of each page a round): the
/// targets are judged on these, so they get more loads than the other figures.
const COLD_ROUNDS: usize = 11;
/// The widget's host page in the bundle.
const WIDGET_HOST: &str = "embed-demo.html";
/// A host page with one card, written beside a copy of the bundle (see [`cards_host`]).
const CARDS_HOST: &str = "cards.html";

const ROLES: &[&str] = &[
    "role/engineering-productivity-manager/engineering-manager-engineering-productivity/",
    "role/engineering-productivity-manager/senior-engineering-manager-engineering-productivity/",
    "role/engineering-technical-program-management-leadership/director-technical-program-management/",
    "role/it-management/manager-it/",
    "role/senior-engineering-manager/senior-engineering-manager/",
];

/// Milliseconds from navigation start of one load's milestones (`None` where a page has none).
#[derive(Clone, Copy, Debug, Default)]
struct Load {
    document: f64,
    /// First contentful paint: on a pre-rendered page, the page as its HTML has it (title, grade,
    /// ladder, lists, pay), before any wasm has run.
    html_painted: Option<f64>,
    wasm_fetched: Option<f64>,
    wasm_started: Option<f64>,
    rendered: Option<f64>,
    /// `painted_mark`: the live app (or mermaid, or a widget) painted.
    painted: f64,
    /// The longest main-thread task (of 50 ms or more) until the page was the app's alone, on
    /// this machine's processor, not slowed; 0 when there was none.
    longest_task: f64,
}

/// Reads a load's milestones once `painted_mark` (the first argument) is there, else `null`.
const MILESTONES: &str = "
    const done = arguments[arguments.length - 1];
    const mark = (name) => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : null; };
    const painted = mark(arguments[0]);
    if (painted === null) { done(null); return; }
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    done([performance.getEntriesByType('navigation')[0].responseEnd, mark('first-contentful-paint'),
          wasm ? wasm.responseEnd : null, mark('gl-start'), mark('gl-rendered'), painted]);";

async fn milestones(session: &Session, painted_mark: &str) -> Load {
    for _ in 0..2000 {
        let value = session
            .driver
            .execute_async(MILESTONES, vec![serde_json::json!(painted_mark)])
            .await
            .expect("read performance entries");
        if let Some(values) = value.json().as_array() {
            let at = |i: usize| values[i].as_f64();
            return Load {
                document: at(0).unwrap_or_default(),
                html_painted: at(1),
                wasm_fetched: at(2),
                wasm_started: at(3),
                rendered: at(4),
                painted: at(5).expect("painted mark"),
                longest_task: longest_task_so_far(session).await,
            };
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("`{painted_mark}` was never marked");
}

/// Reads the page's long tasks (the browser keeps them for an observer asking for past entries).
const LONG_TASKS: &str = "
    const done = arguments[arguments.length - 1];
    const seen = [];
    new PerformanceObserver((list) => seen.push(...list.getEntries()))
      .observe({ type: 'longtask', buffered: true });
    setTimeout(() => done(Math.max(0, ...seen.map((t) => t.duration))), 50);";

/// The longest task of the page so far, once the app has taken its pre-rendered page over (a
/// page without one, or without scripts to take it over, at once).
async fn longest_task_so_far(session: &Session) -> f64 {
    session
        .eventually(
            "return document.querySelector('[data-prerendered]') && document.scripts.length ? null : true;",
        )
        .await;
    let value = session
        .driver
        .execute_async(LONG_TASKS, vec![])
        .await
        .expect("read long tasks");
    value.json().as_f64().unwrap_or_default()
}

/// How long a fresh browser idles on its blank page before a first visit: the visitor's browser
/// was already running (reading the job ad), so its own start-up is not part of the visit.
const BROWSER_SETTLED: Duration = Duration::from_millis(1500);

/// The network a first visit goes over.
#[derive(Clone, Copy, PartialEq)]
enum Network {
    /// The bench's own server on this machine.
    Loopback,
    /// Lighthouse's mobile preset: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (the
    /// processor is not slowed).
    Mobile,
}

/// Has the browser of `session` go over `network` from now on.
async fn emulate(session: &Session, network: Network) {
    if network == Network::Loopback {
        return;
    }
    let cdp = session.driver.cdp();
    cdp.send_raw("Network.enable", ())
        .await
        .expect("enable network emulation");
    cdp.send_raw(
        "Network.emulateNetworkConditions",
        serde_json::json!({
            "offline": false,
            "latency": 150,
            "downloadThroughput": 1_638_400 / 8,
            "uploadThroughput": 750_000 / 8,
        }),
    )
    .await
    .expect("emulate a mobile network");
}

/// One page a first visit opens: the directory it is served from, its path there, and the
/// performance mark that says it is painted.
#[derive(Clone, Copy)]
struct Visit<'a> {
    root: &'a Path,
    page: &'a str,
    painted_mark: &'a str,
}

impl<'a> Visit<'a> {
    fn new(root: &'a Path, page: &'a str, painted_mark: &'a str) -> Self {
        Self {
            root,
            page,
            painted_mark,
        }
    }
}

/// `rounds` rounds of first visits, each round opening every one of `visits` once in turn (A B C
/// A B C …), each load in a fresh browser profile (nothing cached, nothing compiled) of a browser
/// that idled `settle` after its start. Interleaved, the machine's drift (another process, a
/// warmer cache) falls on every page alike, so their ratios compare the same moments. One list of
/// loads per visit, in the order of `visits`.
async fn first_visits(
    visits: &[Visit<'_>],
    rounds: usize,
    network: Network,
    settle: Duration,
) -> Vec<Vec<Load>> {
    let mut loads = vec![Vec::new(); visits.len()];
    for _ in 0..rounds {
        for (visit, loads) in visits.iter().zip(&mut loads) {
            let session = Session::serve(visit.root.to_path_buf(), "/").await;
            emulate(&session, network).await;
            tokio::time::sleep(settle).await;
            // Not `open`: a page without scripts is never taken over; the mark says when it is done.
            session.open_page(visit.page).await;
            loads.push(milestones(&session, visit.painted_mark).await);
            session.close().await;
        }
    }
    loads
}

/// `LOADS` reloads in one profile after a first visit (HTTP cache, compiled code, service worker).
async fn warm(visit: Visit<'_>) -> Vec<Load> {
    let session = Session::serve(visit.root.to_path_buf(), "/").await;
    session.open(visit.page).await;
    milestones(&session, visit.painted_mark).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut loads = Vec::new();
    for _ in 0..LOADS {
        session.driver.refresh().await.expect("reload");
        loads.push(milestones(&session, visit.painted_mark).await);
    }
    session.close().await;
    loads
}

/// Reads one milestone of a load.
type Milestone = fn(&Load) -> Option<f64>;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn median_of(loads: &[Load], field: impl Fn(&Load) -> Option<f64>) -> Option<f64> {
    let values: Vec<f64> = loads.iter().filter_map(field).collect();
    (!values.is_empty()).then(|| median(values))
}

fn painted(loads: &[Load]) -> f64 {
    median_of(loads, |l| Some(l.painted)).expect("loads")
}

/// Where the installed bench tools (`tests/bench-tools/node_modules`) are.
fn bench_tools() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-tools/node_modules");
    assert!(
        dir.is_dir(),
        "{} is missing: run `cargo xtask bench`, which installs it",
        dir.display()
    );
    dir
}

/// The installed version of an npm package.
fn npm_version(package: &str) -> String {
    let manifest = std::fs::read_to_string(bench_tools().join(package).join("package.json"))
        .expect("package.json of a bench tool");
    let manifest: serde_json::Value = serde_json::from_str(&manifest).expect("package.json");
    manifest["version"].as_str().unwrap_or("?").to_owned()
}

/// A copy of the bundle with a career page of one card (`cards.html`), as most job ads would
/// embed it.
fn cards_host() -> BundleCopy {
    let bundle = BundleCopy::of_dist("bench-cards");
    std::fs::write(
        bundle.dir.join(CARDS_HOST),
        format!(
            r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Open roles</title>
<script type="module" src="widget/gradeladder.js" blocking="render"></script></head>
<body><h1>Open roles at Example Corp</h1><p>Manager, IT: lead our IT team.</p>
<div data-gradeladder data-role="{DEEP_LINK_FAMILY}/manager-it"></div></body></html>"#
        ),
    )
    .expect("write the cards page");
    bundle
}

/// A page that has mermaid.js draw the deep link's ladder, as the seed catalog has it.
fn mermaid_page() -> PathBuf {
    let catalog = gradeladder_core::seeds::catalog();
    let family = catalog
        .families
        .iter()
        .find(|f| f.slug == DEEP_LINK_FAMILY)
        .expect("the deep link's family is a seed");
    let chart = gradeladder_core::ladder::to_mermaid(&family.ladder)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-mermaid");
    std::fs::create_dir_all(&dir).expect("create mermaid page dir");
    std::fs::copy(
        bench_tools().join("mermaid/dist/mermaid.min.js"),
        dir.join("mermaid.min.js"),
    )
    .expect("copy mermaid.min.js");
    let page = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mermaid: the same ladder</title></head>
<body><pre class="mermaid">{chart}</pre>
<script src="mermaid.min.js"></script>
<script>
  mermaid.initialize({{ startOnLoad: false }});
  mermaid.run().then(() => requestAnimationFrame(() => performance.mark("mermaid-painted")));
</script></body></html>"#
    );
    std::fs::write(dir.join("index.html"), page).expect("write mermaid page");
    dir
}

/// The deep link's pre-rendered page with its scripts and preloads taken out (styles, text and
/// ladder as they are): what the page's content costs a first paint before any of the app's code
/// is fetched or run.
fn html_alone_page(dist: &Path) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-html-alone");
    let page_dir = dir.join(DEEP_LINK);
    std::fs::create_dir_all(&page_dir).expect("create html-alone page dir");
    for linked in ["icon.svg", "manifest.webmanifest"] {
        std::fs::copy(dist.join(linked), dir.join(linked)).expect("copy a file the page links");
    }
    let html = std::fs::read_to_string(dist.join(DEEP_LINK).join("index.html"))
        .expect("read the deep link's page");
    let page = without_scripts(&html);
    assert!(
        !page.contains("<script") && !page.contains("preload\""),
        "the deep link's page still has a script or a preload"
    );
    std::fs::write(page_dir.join("index.html"), page).expect("write html-alone page");
    dir
}

/// `html` without its `<script>` elements and its `preload` and `modulepreload` links.
fn without_scripts(html: &str) -> String {
    let mut rest = html;
    let mut kept = String::with_capacity(html.len());
    loop {
        let next = [
            "<script",
            "<link rel=\"preload\"",
            "<link rel=\"modulepreload\"",
        ]
        .iter()
        .filter_map(|tag| rest.find(tag).map(|at| (at, *tag)))
        .min();
        let Some((at, tag)) = next else {
            kept.push_str(rest);
            return kept;
        };
        kept.push_str(&rest[..at]);
        let end = if tag == "<script" { "</script>" } else { ">" };
        let close = rest[at..]
            .find(end)
            .expect("a script or link the page closes");
        rest = &rest[at + close + end.len()..];
    }
}

/// The browser's own floor for a first visit: a page of one heading and a line of text, no style
/// and no script, painted when its first contentful paint is.
fn blank_page() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-blank");
    std::fs::create_dir_all(&dir).expect("create blank page dir");
    std::fs::write(
        dir.join("index.html"),
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Manager, IT</title></head>
<body><h1>Manager, IT</h1><p>Grade 8</p></body></html>"#,
    )
    .expect("write blank page");
    dir
}

fn ms(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.0} ms"))
}

/// The cold loads of the two pages that show how much of the app's first paint is its own: its
/// page without scripts, and a blank page.
struct Floors<'a> {
    html_alone: &'a [Load],
    blank: &'a [Load],
}

fn print_first_visit(
    app: (&[Load], &[Load]),
    mermaid: (&[Load], &[Load]),
    widget: (&[Load], &[Load]),
    floors: Floors<'_>,
    at_launch: (&[Load], &[Load]),
) {
    let mermaid_version = npm_version("mermaid");
    println!(
        "\nfirst visit: navigation start → painted (cold: median of {COLD_ROUNDS} loads, a fresh browser profile per load, the browser started {} s before, the pages taken in turn A B C D E A B C D E …; warm: median of {LOADS} reloads in one profile)",
        BROWSER_SETTLED.as_secs_f64()
    );
    println!("{:<52} {:>8} {:>8}", "", "cold", "warm");
    let row = |name: &str, cold: Option<f64>, warm: Option<f64>, target: &str| {
        println!("{name:<52} {:>8} {:>8}   {target}", ms(cold), ms(warm));
    };
    let html = |loads: &[Load]| median_of(loads, |l| l.html_painted);
    row(
        "app: role deep link, painted from its HTML",
        html(app.0),
        html(app.1),
        "(target: cold ≤ 150 ms)",
    );
    row(
        "app: the live app painted over it (interactive)",
        Some(painted(app.0)),
        Some(painted(app.1)),
        "",
    );
    row(
        &format!("mermaid {mermaid_version}: the same ladder alone"),
        Some(painted(mermaid.0)),
        Some(painted(mermaid.1)),
        "",
    );
    row(
        "widget: host page, first widget painted",
        Some(painted(widget.0)),
        Some(painted(widget.1)),
        "(target: cold ≤ 150 ms)",
    );
    row(
        "app: the same page, scripts and preloads taken out",
        Some(painted(floors.html_alone)),
        None,
        "(what its content costs)",
    );
    row(
        "a blank page: one heading, no style, no script",
        Some(painted(floors.blank)),
        None,
        "(the browser's own floor)",
    );
    let first_paint = |loads: &[Load]| html(loads).unwrap_or_else(|| painted(loads));
    println!(
        "mermaid ÷ app (the ladder on screen), cold: {:.1}× (target ≥ 5×); warm: {:.1}×",
        painted(mermaid.0) / first_paint(app.0),
        painted(mermaid.1) / first_paint(app.1)
    );
    println!(
        "mermaid ÷ the blank page, cold: {:.1}× (the most any page could reach on this machine: the browser's floor is in both)",
        painted(mermaid.0) / painted(floors.blank)
    );
    println!(
        "the app's first paint, cold, over the blank page: {:.0} ms for its content, {:.0} ms for its scripts and preloads",
        painted(floors.html_alone) - painted(floors.blank),
        first_paint(app.0) - painted(floors.html_alone)
    );
    println!(
        "the browser started with the navigation, cold, median of {COLD_ROUNDS} loads taken in turn: app painted from its HTML {}, mermaid {}: {:.1}×",
        ms(html(at_launch.0)),
        ms(Some(painted(at_launch.1))),
        painted(at_launch.1) / first_paint(at_launch.0)
    );
    let longest = |loads: &[Load]| median(loads.iter().map(|l| l.longest_task).collect());
    println!(
        "longest main-thread task until the app has taken its page over, cold, this processor: median {:.0} ms (0: none of 50 ms or more); mermaid: {:.0} ms",
        longest(app.0),
        longest(mermaid.0)
    );
    println!("\nwhere the app's cold path goes (medians, ms from navigation start):");
    let cold = app.0;
    let steps: [(&str, Milestone); 6] = [
        ("document received", |l| Some(l.document)),
        ("first paint, from the HTML", |l| l.html_painted),
        ("wasm fetched", |l| l.wasm_fetched),
        ("wasm compiled and started", |l| l.wasm_started),
        ("live view built in the page", |l| l.rendered),
        ("live view painted", |l| Some(l.painted)),
    ];
    for (name, field) in steps {
        println!("  {name:<30} {:>8}", ms(median_of(cold, field)));
    }
}

/// The cold first visits of `loads` (app, mermaid, widget demo, a page of one card) over
/// Lighthouse's mobile network.
fn print_mobile_network(loads: &[Vec<Load>; 4]) {
    let [app, mermaid, demo, cards] = loads;
    println!("\nfirst visit over a mobile network (150 ms round trip, 1.6 Mbit/s down, as Lighthouse's mobile preset; the processor not slowed), cold, median of {LOADS} loads taken in turn:");
    let row = |name: &str, value: Option<f64>| println!("  {name:<50} {:>8}", ms(value));
    row(
        "app: role deep link, painted from its HTML",
        median_of(app, |l| l.html_painted),
    );
    row("app: the live app painted over it", Some(painted(app)));
    row("mermaid: the same ladder alone", Some(painted(mermaid)));
    row(
        "widget: demo host page, first widget painted",
        Some(painted(demo)),
    );
    row(
        "widget: a page of one card, card painted",
        Some(painted(cards)),
    );
}

/// wasm start → role view painted over 15 reloads of one profile, then role-to-role moves.
async fn hot(root: &Path) {
    let session = Session::serve(root.to_path_buf(), "/").await;
    let mut startup = Vec::new();
    for round in 0..15 {
        session.open(ROLES[round % ROLES.len()]).await;
        session.driver.refresh().await.expect("reload");
        let load = milestones(&session, "gl-role-painted").await;
        if let Some(started) = load.wasm_started {
            startup.push(load.painted - started);
        }
    }
    let mut navigation = Vec::new();
    for round in 0..30 {
        let target = ROLES[(round + 1) % ROLES.len()];
        let script = format!(
            "performance.clearMarks('gl-role-painted'); window.__navStart = performance.now(); history.pushState(null, '', document.baseURI + '{target}'); dispatchEvent(new PopStateEvent('popstate')); return 0;"
        );
        session
            .driver
            .execute(&script, vec![])
            .await
            .expect("navigate");
        for _ in 0..200 {
            let measured = session
                .driver
                .execute(
                    "const p = performance.getEntriesByName('gl-role-painted')[0]; return p ? p.startTime - window.__navStart : null;",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.json().as_f64());
            if let Some(ms) = measured {
                navigation.push(ms);
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
    session.close().await;
    println!("\nin one hot profile:");
    println!(
        "wasm start → role view painted: median {:.1} ms over {} loads (target ≤ 100 ms)",
        median(startup.clone()),
        startup.len()
    );
    println!(
        "role → role navigation painted: median {:.1} ms over {} moves (target ≤ 16 ms)",
        median(navigation.clone()),
        navigation.len()
    );
}

/// Lighthouse's report (JSON) for `url`, mobile defaults plus the experimental audits.
fn lighthouse(url: &str, name: &str) -> serde_json::Value {
    let out =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../target/lighthouse-{name}.json"));
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let status = Command::new("node")
        .arg(bench_tools().join("lighthouse/cli/index.js"))
        .arg(url)
        .args([
            "--preset=experimental",
            "--output=json",
            "--quiet",
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run",
        ])
        .arg(format!("--output-path={}", out.display()))
        .env("CHROME_PATH", chromium)
        .status()
        .expect("run lighthouse (node)");
    assert!(status.success(), "lighthouse failed on {url}");
    let report = std::fs::read_to_string(&out).expect("lighthouse report");
    serde_json::from_str(&report).expect("lighthouse JSON")
}

fn audit_value(report: &serde_json::Value, audit: &str) -> String {
    let audit = &report["audits"][audit];
    match (audit["displayValue"].as_str(), audit["score"].as_f64()) {
        (Some(shown), _) => shown.to_owned(),
        (None, Some(score)) if score >= 1.0 => "pass".to_owned(),
        (None, Some(_)) => "fail".to_owned(),
        (None, None) => "not applicable".to_owned(),
    }
}

/// Console errors Lighthouse saw, by source and text.
fn console_errors(report: &serde_json::Value) -> Vec<String> {
    report["audits"]["errors-in-console"]["details"]["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|i| {
                    format!(
                        "{} ({})",
                        i["description"].as_str().unwrap_or("?"),
                        i["sourceLocation"]["url"].as_str().unwrap_or("?")
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The longest main-thread task Lighthouse saw, in ms.
fn longest_task(report: &serde_json::Value) -> f64 {
    report["audits"]["long-tasks"]["details"]["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["duration"].as_f64())
                .fold(0.0, f64::max)
        })
        .unwrap_or(0.0)
}

fn print_lighthouse(root: &Path) {
    let server = StaticServer::start(root.to_path_buf(), "/");
    let origin = server.origin();
    let role = lighthouse(&format!("{origin}/{DEEP_LINK}"), "role");
    let embed = lighthouse(&format!("{origin}/{WIDGET_HOST}"), "embed");
    println!(
        "\nLighthouse {} (mobile defaults: throttled network and CPU; the bundle served gzip-compressed, as static hosts do):",
        npm_version("lighthouse")
    );
    let score =
        |r: &serde_json::Value, c: &str| r["categories"][c]["score"].as_f64().unwrap_or(0.0);
    for (name, report) in [("role deep link", &role), ("embed demo", &embed)] {
        println!(
            "  {name}: performance {:.2} (target ≥ 0.95 on the role), accessibility {:.2}, best practices {:.2}, SEO {:.2}",
            score(report, "performance"),
            score(report, "accessibility"),
            score(report, "best-practices"),
            score(report, "seo"),
        );
        println!(
            "    largest contentful paint {}, total blocking time {}, longest task {:.0} ms (target ≤ 200), cumulative layout shift {} (target ≤ 0.05 on the demo), label-in-name {}",
            audit_value(report, "largest-contentful-paint"),
            audit_value(report, "total-blocking-time"),
            longest_task(report),
            audit_value(report, "cumulative-layout-shift"),
            audit_value(report, "label-content-name-mismatch"),
        );
        let errors = console_errors(report);
        if errors.is_empty() {
            println!("    console errors: none");
        } else {
            println!("    console errors: {}", errors.join("; "));
        }
    }
}

/// The public corpus pages (both folders), as a handbook's pages come.
fn corpus_pages() -> Vec<PathBuf> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let mut pages = Vec::new();
    for folder in ["job-families", "job-families-2"] {
        let dir = shared.join(folder);
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("corpus entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

/// A folder of `count` pages made by copying the corpus pages into numbered folders (the size
/// of the whole GitLab handbook's job families: ~430 pages).
fn handbook_sized(count: usize) -> Vec<PathBuf> {
    let dir =
        std::env::temp_dir().join(format!("gradeladder-bench-handbook-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let pages = corpus_pages();
    let mut files = Vec::new();
    for i in 0..count {
        let source = &pages[i % pages.len()];
        let folder = dir.join(format!("copy-{}", i / pages.len()));
        std::fs::create_dir_all(&folder).expect("bench folder");
        let target = folder.join(source.file_name().expect("name"));
        std::fs::copy(source, &target).expect("copy page");
        files.push(target);
    }
    files
}

/// `pages` made-up pages of `levels_per_page` graded levels each.
fn made_up(pages: usize, levels_per_page: usize) -> Vec<PathBuf> {
    let dir =
        std::env::temp_dir().join(format!("gradeladder-bench-made-up-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench folder");
    const WORDS: &[&str] = &[
        "Widget", "Platform", "Data", "Security", "Billing", "Search", "Mobile", "Growth",
    ];
    const RANKS: &[&str] = &[
        "Associate",
        "Intermediate",
        "Senior",
        "Staff",
        "Principal",
        "Manager",
        "Senior Manager",
        "Director",
        "Senior Director",
        "Vice President",
    ];
    (0..pages)
        .map(|p| {
            let area = format!("{} {}", WORDS[p % WORDS.len()], p);
            let mut text = format!("---\ntitle: {area} Engineering\n---\n## Levels\n");
            for l in 0..levels_per_page {
                let title = format!("{} {area} Engineer", RANKS[l % RANKS.len()]);
                text.push_str(&format!(
                    "### {title}\n#### Job Grade\nThe {title} is a grade {}.\n#### Responsibilities\n- Own the {area} roadmap at level {l}.\n- Mentor engineers.\n",
                    5 + l % 8
                ));
            }
            let path = dir.join(format!("page-{p}.md"));
            std::fs::write(&path, text).expect("write page");
            path
        })
        .collect()
}

/// Reads `files` on the import page of a fresh session: milliseconds from "Read" to the report,
/// the longest main-thread task meanwhile (ms), and the report's summary.
async fn import_once(session: &Session, files: &[PathBuf]) -> (f64, f64, String) {
    session.open_page("import/").await;
    session
        .eventually("return document.body.dataset.reader === 'ready' ? true : null;")
        .await;
    session.pick_files("files", files).await;
    let result = session
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             let longest = 0;
             new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); })
               .observe({ type: 'longtask' });
             const summary = document.getElementById('summary');
             summary.textContent = '';
             const start = performance.now();
             document.getElementById('read').click();
             const poll = () => summary.textContent ? done([performance.now() - start, longest, summary.textContent]) : setTimeout(poll, 5);
             poll();",
            vec![],
        )
        .await
        .expect("import");
    let values = result.json().as_array().cloned().unwrap_or_default();
    (
        values.first().and_then(|v| v.as_f64()).unwrap_or(f64::NAN),
        values.get(1).and_then(|v| v.as_f64()).unwrap_or(f64::NAN),
        values
            .get(2)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned(),
    )
}

/// Milliseconds from each keystroke of `words` in the search box to its results on screen.
async fn keystrokes(session: &Session, words: &str) -> Vec<f64> {
    session.open("").await;
    let result = session
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const words = arguments[0];
             const input = document.querySelector('[role=combobox]');
             const times = [];
             const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
             (async () => {
               for (let i = 1; i <= words.length; i++) {
                 const start = performance.now();
                 input.value = words.slice(0, i);
                 input.dispatchEvent(new Event('input', { bubbles: true }));
                 await new Promise((r) => setTimeout(r, 0));
                 times.push(performance.now() - start);
                 await frame();
               }
               done(times);
             })();",
            vec![serde_json::Value::String(words.to_owned())],
        )
        .await
        .expect("keystrokes");
    result
        .json()
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|v| v.as_f64())
        .collect()
}

async fn own_pages(root: &Path) {
    println!("\nuse your own pages (in the browser, fresh profile per set; reader in a worker):");
    let sets = [
        ("public corpus", corpus_pages()),
        (
            "handbook-sized (430 corpus-made pages)",
            handbook_sized(430),
        ),
        ("5,000 made-up levels (500 pages)", made_up(500, 10)),
    ];
    for (name, files) in &sets {
        let session = Session::serve(root.to_path_buf(), "/").await;
        let (ms, longest, summary) = import_once(&session, files).await;
        println!(
            "  {name}: {ms:.0} ms to the report, longest main-thread task {longest:.0} ms: {}",
            summary.split(" The app").next().unwrap_or(&summary)
        );
        if name.starts_with("5,000") {
            let mut times = keystrokes(&session, "senior widget engineer").await;
            times.sort_by(f64::total_cmp);
            let median = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
            let max = times.last().copied().unwrap_or(f64::NAN);
            println!(
                "  search over those levels, {} keystrokes: median {median:.1} ms, slowest {max:.1} ms (keystroke to results in the page)",
                times.len()
            );
        }
        session.close().await;
    }
}

#[tokio::main]
async fn main() {
    let dist = dist_dir();
    let mermaid = mermaid_page();
    let blank = blank_page();
    let app_visit = Visit::new(&dist, DEEP_LINK, "gl-role-painted");
    let mermaid_visit = Visit::new(&mermaid, "", "mermaid-painted");
    let widget_visit = Visit::new(&dist, WIDGET_HOST, "gl-widget-painted");
    let blank_visit = Visit::new(&blank, "", "first-contentful-paint");
    let html_alone = html_alone_page(&dist);
    let html_alone_visit = Visit::new(&html_alone, DEEP_LINK, "first-contentful-paint");
    let [app_cold, mermaid_cold, widget_cold, html_alone_cold, blank_cold]: [Vec<Load>; 5] =
        first_visits(
            &[
                app_visit,
                mermaid_visit,
                widget_visit,
                html_alone_visit,
                blank_visit,
            ],
            COLD_ROUNDS,
            Network::Loopback,
            BROWSER_SETTLED,
        )
        .await
        .try_into()
        .expect("one list per visit");
    let app_warm = warm(app_visit).await;
    let mermaid_warm = warm(mermaid_visit).await;
    let widget_warm = warm(widget_visit).await;
    let [app_at_launch, mermaid_at_launch]: [Vec<Load>; 2] = first_visits(
        &[app_visit, mermaid_visit],
        COLD_ROUNDS,
        Network::Loopback,
        Duration::ZERO,
    )
    .await
    .try_into()
    .expect("one list per visit");
    print_first_visit(
        (&app_cold, &app_warm),
        (&mermaid_cold, &mermaid_warm),
        (&widget_cold, &widget_warm),
        Floors {
            html_alone: &html_alone_cold,
            blank: &blank_cold,
        },
        (&app_at_launch, &mermaid_at_launch),
    );
    let cards = cards_host();
    let cards_visit = Visit::new(&cards.dir, CARDS_HOST, "gl-widget-painted");
    let mobile: [Vec<Load>; 4] = first_visits(
        &[app_visit, mermaid_visit, widget_visit, cards_visit],
        LOADS,
        Network::Mobile,
        BROWSER_SETTLED,
    )
    .await
    .try_into()
    .expect("one list per visit");
    print_mobile_network(&mobile);
    hot(&dist).await;
    own_pages(&dist).await;
    print_lighthouse(&dist);
}
