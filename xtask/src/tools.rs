//! Installing the tools the build needs, each step idempotent: a tool already present at the
//! right version is reported in one line and skipped.

use std::path::Path;

use crate::process::{output, run};

/// The trunk version this project builds with (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";
/// The binaryen release whose `wasm-opt` trunk is configured for (`version_132` in Trunk.toml).
pub const BINARYEN_VERSION: &str = "132";
/// Where Debian's Chromium and its driver live.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything `trunk build` needs: the wasm target, trunk, wasm-bindgen-cli and wasm-opt.
pub fn ensure_build_tools(root: &Path) -> Result<(), String> {
    ensure_wasm_target(root)?;
    ensure_trunk(root)?;
    ensure_wasm_bindgen(root)?;
    ensure_wasm_opt(root)
}

/// Compiler settings for the release wasm, as environment variables for cargo (directly or under
/// trunk): the nightly toolchain rebuilds the standard library with the bundle's size settings
/// (`build-std`), and a panic traps at once instead of formatting a message
/// (`panic=immediate-abort`); about 26 KB less gzip. Without a nightly toolchain, or if its
/// `rust-src` cannot be installed, the bundle is built on stable, works the same, and a note
/// says so. Flags the user set in `RUSTFLAGS` are kept, ahead of these.
pub fn release_wasm_env(root: &Path) -> Vec<(&'static str, String)> {
    const FLAGS: &str = "-Cpanic=immediate-abort -Zunstable-options";
    let rustflags = match std::env::var("RUSTFLAGS") {
        Ok(user) if !user.trim().is_empty() => format!("{} {FLAGS}", user.trim()),
        _ => FLAGS.to_owned(),
    };
    let env = vec![
        ("RUSTUP_TOOLCHAIN", "nightly".to_owned()),
        ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort".to_owned()),
        ("RUSTFLAGS", rustflags),
    ];
    let stable = |why: &str| {
        println!("note: {why}: the release wasm is built on stable, about 26 KB gzip larger");
        Vec::new()
    };
    let Some(version) = output("rustup", &["run", "nightly", "rustc", "--version"]) else {
        return stable("no nightly toolchain");
    };
    let components = output(
        "rustup",
        &["component", "list", "--toolchain", "nightly", "--installed"],
    )
    .unwrap_or_default();
    if components.lines().any(|l| l.trim() == "rust-src") {
        println!("ok: rust-src is installed for {}", version.trim());
    } else if run(
        root,
        "rustup",
        &["component", "add", "rust-src", "--toolchain", "nightly"],
        &[],
    )
    .is_err()
    {
        return stable("rust-src could not be installed for the nightly toolchain");
    }
    if let Err(why) = ensure_std_crates(root) {
        return stable(&why);
    }
    env
}

/// The crates the standard library's own build needs (its `library/Cargo.lock` in the nightly
/// `rust-src`), fetched into the cargo cache: `-Zbuild-std` builds offline under trunk, and a
/// fresh machine has none of them until something fetches them.
fn ensure_std_crates(root: &Path) -> Result<(), String> {
    let sysroot = output("rustup", &["run", "nightly", "rustc", "--print", "sysroot"])
        .ok_or("the nightly sysroot could not be found")?;
    let manifest = Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/Cargo.toml");
    let manifest = manifest.to_string_lossy();
    let fetch = [
        "run",
        "nightly",
        "cargo",
        "fetch",
        "--manifest-path",
        &manifest,
    ];
    let offline: Vec<&str> = fetch.iter().copied().chain(["--offline"]).collect();
    if output("rustup", &offline).is_some() {
        println!("ok: the standard library's crates are in the cargo cache");
        return Ok(());
    }
    run(root, "rustup", &fetch, &[])
        .map_err(|e| format!("the standard library's crates could not be fetched ({e})"))
}

fn ensure_wasm_target(root: &Path) -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("ok: rust target wasm32-unknown-unknown is installed");
        return Ok(());
    }
    run(
        root,
        "rustup",
        &["target", "add", "wasm32-unknown-unknown"],
        &[],
    )
}

fn ensure_trunk(root: &Path) -> Result<(), String> {
    let version = output("trunk", &["--version"]).unwrap_or_default();
    if version.split_whitespace().any(|w| w == TRUNK_VERSION) {
        println!("ok: trunk {TRUNK_VERSION} is installed");
        return Ok(());
    }
    println!("installing trunk {TRUNK_VERSION} (about 10 minutes on 2 cores)…");
    run(
        root,
        "cargo",
        &["install", "--locked", &format!("trunk@{TRUNK_VERSION}")],
        &[],
    )
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".to_owned())
}

fn ensure_wasm_bindgen(root: &Path) -> Result<(), String> {
    let wanted = locked_wasm_bindgen_version(root)?;
    let version = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if version.split_whitespace().any(|w| w == wanted) && runner.contains(&wanted) {
        println!("ok: wasm-bindgen-cli {wanted} is installed");
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {wanted} (about 4 minutes)…");
    run(
        root,
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={wanted}"),
            "--force",
        ],
        &[],
    )
}

fn ensure_wasm_opt(root: &Path) -> Result<(), String> {
    let version = output("wasm-opt", &["--version"]).unwrap_or_default();
    if version.contains(&format!("version {BINARYEN_VERSION}")) {
        println!("ok: wasm-opt version {BINARYEN_VERSION} is installed");
        return Ok(());
    }
    println!("installing wasm-opt (npm binaryen@{BINARYEN_VERSION})…");
    run(
        root,
        "npm",
        &["install", "-g", &format!("binaryen@{BINARYEN_VERSION}")],
        &[],
    )
}

/// Debian's Chromium and ChromeDriver, installed with apt-get when running as root.
pub fn ensure_chromium(root: &Path) -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        println!("ok: chromium and chromedriver are installed");
        return Ok(());
    }
    let is_root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err(format!(
            "headless Chromium is needed for the browser tests but {CHROMIUM} or {CHROMEDRIVER} is missing.\n\
             Install them with: sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
        ));
    }
    println!("installing chromium and chromium-driver from Debian's packages…");
    let env = [("DEBIAN_FRONTEND", "noninteractive")];
    run(root, "apt-get", &["update"], &env)?;
    run(
        root,
        "apt-get",
        // With recommends, as checked on these machines: fonts-liberation renders text in screenshots.
        &["install", "-y", "chromium", "chromium-driver"],
        &env,
    )
}

/// cargo-fuzz, for `cargo xtask fuzz`.
pub fn ensure_cargo_fuzz(root: &Path) -> Result<(), String> {
    if output("cargo", &["fuzz", "--version"]).is_some() {
        println!("ok: cargo-fuzz is installed");
        return Ok(());
    }
    run(root, "cargo", &["install", "cargo-fuzz"], &[])
}

/// axe-core from npm (pinned in `tests/package.json`), which the accessibility tests inject.
pub fn ensure_axe(root: &Path) -> Result<(), String> {
    ensure_npm_packages(root, "tests", "axe-core", "axe-core/axe.min.js")
}

/// mermaid and Lighthouse from npm (pinned in `tests/bench-tools/package.json`), which the
/// browser benchmark measures against and with.
pub fn ensure_bench_tools(root: &Path) -> Result<(), String> {
    ensure_npm_packages(
        root,
        "tests/bench-tools",
        "mermaid and lighthouse",
        "lighthouse/cli/index.js",
    )
}

/// terser from npm (pinned in `web/package.json`), which minifies the JS glue in `dist/`.
pub fn ensure_terser(root: &Path) -> Result<(), String> {
    ensure_npm_packages(root, "web", "terser", "terser/bin/terser")
}

/// `npm ci` in `dir` (from its lock file) unless `node_modules/<marker>` is already there.
fn ensure_npm_packages(root: &Path, dir: &str, name: &str, marker: &str) -> Result<(), String> {
    let path = root.join(dir);
    if path.join("node_modules").join(marker).is_file() {
        println!("ok: {name} is installed in {dir}/node_modules");
        return Ok(());
    }
    run(&path, "npm", &["ci", "--no-audit", "--no-fund"], &[])
}
