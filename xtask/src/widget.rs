//! Builds the embeddable widget into `dist/widget/`: the `gradeladder-widget` wasm (web crate with
//! the `widget` feature), bound with `wasm-bindgen --target web`, shrunk with `wasm-opt -Oz`, and
//! the loader `gradeladder.js` hosts include with one script tag. The glue is minified with terser.

use std::path::Path;

use crate::process::run;

/// wasm features rustc emits by default, which wasm-opt must accept.
pub const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the widget into `dist/widget/`, compiling with `env` (see `tools::release_wasm_env`).
pub fn build(root: &Path, dist: &Path, env: &[(&str, &str)]) -> Result<(), String> {
    // A target directory of its own, so switching the feature on does not rebuild the app.
    let target_dir = root.join("target/widget");
    let target = target_dir.to_string_lossy().into_owned();
    run(
        root,
        "cargo",
        &[
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "gradeladder-web",
            "--features",
            "widget",
            "--bin",
            "gradeladder-widget",
            "--target-dir",
            &target,
        ],
        env,
    )?;
    let out = dist.join("widget");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let wasm = target_dir.join("wasm32-unknown-unknown/release/gradeladder-widget.wasm");
    let out_dir = out.to_string_lossy().into_owned();
    run(
        root,
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            &out_dir,
            "--out-name",
            "gradeladder-widget",
            &wasm.to_string_lossy(),
        ],
        &[],
    )?;
    let bound = out
        .join("gradeladder-widget_bg.wasm")
        .to_string_lossy()
        .into_owned();
    let mut args: Vec<&str> = WASM_FEATURES.to_vec();
    args.extend(["-Oz", &bound, "-o", &bound]);
    run(root, "wasm-opt", &args, &[])?;
    crate::minify::minify_module(root, &out.join("gradeladder-widget.js"))?;
    let loader = root.join("web/static/widget/gradeladder.js");
    std::fs::copy(&loader, out.join("gradeladder.js"))
        .map_err(|e| format!("{}: {e}", loader.display()))?;
    Ok(())
}
