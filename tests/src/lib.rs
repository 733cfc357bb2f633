//! End-to-end test harness: serves a release bundle from a local static server under a sub-path
//! and drives it in headless Chromium through ChromeDriver (thirtyfour).
//!
//! Run through `cargo xtask test`, which builds `dist/` and sets `GRADELADDER_DIST`.

mod server;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub use server::StaticServer;
use thirtyfour::prelude::*;
use thirtyfour::ChromiumLikeCapabilities;

/// Chromium flags that work on these machines (no sandbox as root, no background network).
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
];

/// How long a page may take to reach its `load` event before `open_page` tries again.
const PAGE_LOAD_TIMEOUT: Duration = Duration::from_secs(20);

/// The release bundle to test, from `GRADELADDER_DIST`.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("GRADELADDER_DIST").expect(
        "GRADELADDER_DIST is not set: run the end-to-end tests with `cargo xtask test`, which builds dist/ first",
    );
    let dir = PathBuf::from(dir);
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: run `cargo xtask dist`",
        dir.display()
    );
    dir
}

/// A copy of a bundle in a fresh temporary directory, changed as a test needs; removed when
/// dropped.
pub struct BundleCopy {
    /// Root of the copy.
    pub dir: PathBuf,
}

impl BundleCopy {
    /// Copies `from` (every directory) into a fresh temporary directory named after `name`,
    /// leaving out the files `keep` refuses.
    pub fn of(
        from: &std::path::Path,
        name: &str,
        keep: impl Fn(&std::path::Path) -> bool,
    ) -> BundleCopy {
        fn copy(
            from: &std::path::Path,
            to: &std::path::Path,
            keep: &dyn Fn(&std::path::Path) -> bool,
        ) {
            std::fs::create_dir_all(to).expect("create bundle copy");
            for entry in std::fs::read_dir(from).expect("read bundle") {
                let path = entry.expect("bundle entry").path();
                let target = to.join(path.file_name().expect("file name"));
                if path.is_dir() {
                    copy(&path, &target, keep);
                } else if keep(&path) {
                    std::fs::copy(&path, &target).expect("copy bundle file");
                }
            }
        }
        let dir = std::env::temp_dir().join(format!("gradeladder-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy(from, &dir, &keep);
        BundleCopy { dir }
    }

    /// A copy of the release bundle without its `.wasm` files, as a host serves it when their
    /// download fails.
    pub fn without_wasm(name: &str) -> BundleCopy {
        BundleCopy::of(&dist_dir(), name, |path| {
            path.extension().is_none_or(|e| e != "wasm")
        })
    }

    /// A whole copy of the release bundle.
    pub fn of_dist(name: &str) -> BundleCopy {
        BundleCopy::of(&dist_dir(), name, |_| true)
    }
}

impl Drop for BundleCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Directory for screenshots and other artifacts the tests keep.
pub fn artifacts_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-artifacts");
    std::fs::create_dir_all(&dir).expect("create artifacts dir");
    dir
}

/// A browser session on a served bundle. Dropping it stops ChromeDriver.
pub struct Session {
    /// The WebDriver session.
    pub driver: WebDriver,
    /// URL of the app's `index.html` directory (ends with `/`).
    pub app_url: String,
    server: Option<StaticServer>,
    chromedriver: Child,
    /// The browser's fresh profile directory, removed when the session is dropped.
    profile: PathBuf,
}

impl Session {
    /// Serves `dist/` under `prefix` (such as `/careers/grades/`) and opens a browser on it.
    pub async fn start(prefix: &str) -> Session {
        Session::serve(dist_dir(), prefix).await
    }

    /// Serves the bundle in `root` under `prefix` and opens a browser on it.
    pub async fn serve(root: PathBuf, prefix: &str) -> Session {
        let server = StaticServer::start(root, prefix);
        let app_url = format!("{}{}", server.origin(), prefix);
        Session::browse(app_url, Some(server)).await
    }

    /// Opens a browser on an app already served at `app_url` (ends with `/`).
    pub async fn connect(app_url: String) -> Session {
        Session::browse(app_url, None).await
    }

    async fn browse(app_url: String, server: Option<StaticServer>) -> Session {
        let port = free_port();
        let chromedriver_path =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned());
        let chromedriver = Command::new(&chromedriver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {chromedriver_path}: {e}"));
        let driver_url = format!("http://127.0.0.1:{port}");
        let mut caps = DesiredCapabilities::chrome();
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
        caps.set_binary(&chromium).expect("binary capability");
        for arg in CHROMIUM_ARGS {
            caps.add_arg(arg).expect("chromium argument");
        }
        let profile = fresh_profile_dir();
        caps.add_arg(&format!("--user-data-dir={}", profile.display()))
            .expect("chromium argument");
        let mut last_error = None;
        for _ in 0..50 {
            match WebDriver::new(&driver_url, caps.clone()).await {
                Ok(driver) => {
                    driver
                        .set_page_load_timeout(PAGE_LOAD_TIMEOUT)
                        .await
                        .expect("page load timeout");
                    return Session {
                        driver,
                        app_url,
                        server,
                        chromedriver,
                        profile,
                    };
                }
                Err(error) => {
                    last_error = Some(error);
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
        panic!("ChromeDriver did not start a session: {last_error:?}");
    }

    /// Opens the app at a route such as `grades/` (empty for home; the older `#/grades` form
    /// works too) and waits until the app has taken over the pre-rendered page, so elements found
    /// afterwards are the live app's.
    pub async fn open(&self, route: &str) {
        self.open_page(route).await;
        self.wait_for_app().await;
    }

    /// Waits until the app has taken the pre-rendered page over (after a reload, say), so
    /// elements found afterwards are the live app's and are not replaced under the test.
    pub async fn wait_for_app(&self) {
        self.eventually("return document.querySelector('#app[data-prerendered]') ? null : true;")
            .await;
    }

    /// Opens a page of the bundle as served, without waiting for any script (a pre-rendered page
    /// as it reads before, or without, its wasm).
    ///
    /// A load that never reaches its `load` event (seen about twice in 300 loads in headless
    /// Chromium here, cause not found) is reported and tried once more.
    pub async fn open_page(&self, route: &str) {
        let url = format!("{}{route}", self.app_url);
        if let Err(error) = self.driver.goto(&url).await {
            eprintln!("warning: loading {url} did not finish in {PAGE_LOAD_TIMEOUT:?} ({error}); loading it again");
            self.driver.goto(&url).await.expect("navigate");
        }
    }

    /// Waits up to 10 s for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> WebElement {
        self.driver
            .query(By::Css(css))
            .wait(Duration::from_secs(10), Duration::from_millis(50))
            .first()
            .await
            .unwrap_or_else(|e| panic!("no element matches `{css}` within 10 s: {e}"))
    }

    /// Opens the host page `page` of the bundle (`embed-csp.html`, say) and waits until the
    /// widget's JS API, `window.Gradeladder`, is there.
    pub async fn open_widget_host(&self, page: &str) {
        self.driver
            .goto(format!("{}{page}", self.app_url))
            .await
            .expect("open host page");
        self.eventually("return window.Gradeladder ? true : null;")
            .await;
    }

    /// Runs `script` (a function body that returns a value) every 50 ms, up to 10 s, until it
    /// returns something other than null, and returns that.
    pub async fn eventually(&self, script: &str) -> serde_json::Value {
        for _ in 0..200 {
            // A page that is navigating (a redirect, a reload) answers with an error: try again.
            let value = match self.driver.execute(script, vec![]).await {
                Ok(value) => value.json().clone(),
                Err(_) => serde_json::Value::Null,
            };
            if !value.is_null() {
                return value;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("script never returned a value: {script}");
    }

    /// Text of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for element in self
            .driver
            .find_all(By::Css(css))
            .await
            .expect("find elements")
        {
            out.push(element.text().await.expect("element text"));
        }
        out
    }

    /// Saves a PNG screenshot under `target/e2e-artifacts/`.
    pub async fn screenshot(&self, name: &str) {
        let path = artifacts_dir().join(format!("{name}.png"));
        self.driver.screenshot(&path).await.expect("screenshot");
    }

    /// Waits up to 10 s until a service worker controls the page (it has precached the bundle),
    /// and fails naming the registrations when none does.
    pub async fn wait_for_service_worker(&self) {
        for _ in 0..100 {
            let value = self
                .driver
                .execute(
                    "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
                    vec![],
                )
                .await
                .expect("js");
            if value.json().as_bool() == Some(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let registrations = self
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistrations().then(rs => done(JSON.stringify(rs.map(r => ({scope: r.scope, installing: !!r.installing, waiting: !!r.waiting, active: r.active && r.active.state}))))).catch(e => done('failed: ' + e));",
                vec![],
            )
            .await
            .expect("service worker registrations");
        panic!(
            "no service worker controls the page 10 s after the first visit; registrations: {}",
            registrations.json()
        );
    }

    /// The URL of every request the test server has served (empty without one).
    pub fn requests_served(&self) -> Vec<String> {
        self.server
            .as_ref()
            .map(StaticServer::requests)
            .unwrap_or_default()
    }

    /// Picks `files` in the file input with id `input` (as a person choosing them in the dialog).
    pub async fn pick_files(&self, input: &str, files: &[PathBuf]) {
        let paths: Vec<String> = files
            .iter()
            .map(|path| {
                path.canonicalize()
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                    .display()
                    .to_string()
            })
            .collect();
        self.driver
            .find(By::Id(input))
            .await
            .unwrap_or_else(|e| panic!("file input #{input}: {e}"))
            .send_keys(paths.join("\n"))
            .await
            .expect("pick files");
    }

    /// Stops the static server: from now on the network has nothing to give the page.
    pub fn stop_server(&mut self) {
        self.server.take();
    }

    /// Ends the browser session.
    pub async fn close(self) {
        let _ = self.driver.clone().quit().await;
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        // Chromium keeps its single-instance socket in a directory of its own in the temporary
        // directory, which the profile's `SingletonSocket` link points into.
        if let Ok(socket) = std::fs::read_link(self.profile.join("SingletonSocket")) {
            if let Some(dir) = socket
                .parent()
                .filter(|d| d.starts_with(std::env::temp_dir()))
            {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A new empty directory for one browser profile. Given to Chromium explicitly so that the
/// session removes it: a profile left behind by every load fills the disk over a bench run.
fn fresh_profile_dir() -> PathBuf {
    static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("gradeladder-profile-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create browser profile directory");
    dir
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// One made-up job-family page of `levels` levels, each extending the one before (so a level
/// shows every item of the levels below it): the large page the tests read and build.
pub fn page_of_levels(levels: usize) -> String {
    let mut text = String::from("---\ntitle: Widgets\n---\n## Levels\n");
    for i in 0..levels {
        text.push_str(&format!(
            "### Widget Level {i}\n#### Job Grade\nThe Widget Level {i} is a grade {}.\n\n",
            5 + i % 8
        ));
        if i > 0 {
            text.push_str(&format!(
                "The Widget Level {i} role extends the Widget Level {} role.\n\n#### Responsibilities\n- Extends the Widget Level {} responsibilities, plus:\n",
                i - 1,
                i - 1
            ));
        } else {
            text.push_str("#### Responsibilities\n");
        }
        text.push_str(&format!("- Build widget {i}\n- Review widget {i}\n\n"));
    }
    text
}
