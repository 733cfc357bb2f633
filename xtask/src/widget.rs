//! Builds the wasm modules besides the app, each bound with `wasm-bindgen --target web`, shrunk
//! with `wasm-opt -Oz`, its glue minified with terser: the embeddable widget (`dist/widget/`: the
//! web crate built three times, with the card view alone (feature `embed`), with the ladder, pay
//! and full views (feature `widget`) and with the posting view too (feature `posting`), and the
//! loader `gradeladder.js` hosts include with one script tag, which loads for each element the
//! module of its view) and the in-browser reader (`dist/import/`: `gradeladder-import`, the import
//! page and its worker).

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

/// The widget's modules, smallest first, by the web crate's feature and bin that build each: the
/// card view alone (what most career pages show, and the first to paint); with the ladder, pay
/// and full views; with the posting view too (loaded only for posting views and the app's
/// posting panel, so neither a first visit nor the other views carry it).
const WIDGET_MODULES: [(&str, &str); 3] = [
    ("embed", "gradeladder-card"),
    ("widget", "gradeladder-widget"),
    ("posting", "gradeladder-posting"),
];

/// Builds the widget into `dist/widget/`, compiling with `env` (see `tools::release_wasm_env`).
pub fn build(root: &Path, dist: &Path, env: &[(&str, &str)]) -> Result<(), String> {
    let out = dist.join("widget");
    for (feature, name) in WIDGET_MODULES {
        let wasm = format!("{name}.wasm");
        let target_dir = format!("target/{}", name.trim_start_matches("gradeladder-"));
        build_module(
            root,
            env,
            &Module {
                args: &[
                    "-p",
                    "gradeladder-web",
                    "--features",
                    feature,
                    "--bin",
                    name,
                ],
                // A target directory of its own, so switching features does not rebuild the app.
                target_dir: &target_dir,
                wasm: &wasm,
                out: &out,
                out_name: name,
            },
        )?;
    }
    let loader = root.join("web/static/widget/gradeladder.js");
    std::fs::copy(&loader, out.join("gradeladder.js"))
        .map_err(|e| format!("{}: {e}", loader.display()))?;
    Ok(())
}

/// Builds the in-browser reader into `dist/import/` (loaded only when someone imports their
/// pages), with the import page and its scripts from `web/static/import/`.
pub fn build_import(root: &Path, dist: &Path, env: &[(&str, &str)]) -> Result<(), String> {
    let out = dist.join("import");
    build_module(
        root,
        env,
        &Module {
            args: &["-p", "gradeladder-import", "--lib"],
            target_dir: "target/import",
            wasm: "gradeladder_import.wasm",
            out: &out,
            out_name: "gradeladder-import",
        },
    )?;
    let pages = root.join("web/static/import");
    for entry in std::fs::read_dir(&pages).map_err(|e| format!("{}: {e}", pages.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().expect("a file name").to_owned();
        std::fs::copy(&path, out.join(&name)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for script in ["import.js", "store.js", "worker.js"] {
        crate::minify::minify_module(root, &out.join(script))?;
    }
    Ok(())
}

/// A wasm module bound for the browser with `wasm-bindgen --target web`.
struct Module<'a> {
    /// What `cargo build` builds (package, features, target).
    args: &'a [&'a str],
    /// Its own target directory, relative to the workspace.
    target_dir: &'a str,
    /// The file cargo writes.
    wasm: &'a str,
    /// Where the bound module goes.
    out: &'a Path,
    /// The bound module's name (`<name>.js`, `<name>_bg.wasm`).
    out_name: &'a str,
}

/// Compiles `module` for wasm32 with `env`, binds it, shrinks it with `wasm-opt -Oz`, shortens its
/// import names and minifies its glue.
fn build_module(root: &Path, env: &[(&str, &str)], module: &Module) -> Result<(), String> {
    let target_dir = root.join(module.target_dir);
    let target = target_dir.to_string_lossy().into_owned();
    let mut args = vec!["build", "--release", "--target", "wasm32-unknown-unknown"];
    args.extend_from_slice(module.args);
    args.extend(["--target-dir", &target]);
    run(root, "cargo", &args, env)?;
    std::fs::create_dir_all(module.out).map_err(|e| format!("{}: {e}", module.out.display()))?;
    let wasm = target_dir
        .join("wasm32-unknown-unknown/release")
        .join(module.wasm);
    let out_dir = module.out.to_string_lossy().into_owned();
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
            module.out_name,
            &wasm.to_string_lossy(),
        ],
        &[],
    )?;
    let bound = module
        .out
        .join(format!("{}_bg.wasm", module.out_name))
        .to_string_lossy()
        .into_owned();
    let mut args: Vec<&str> = WASM_FEATURES.to_vec();
    args.extend(["-Oz", &bound, "-o", &bound]);
    run(root, "wasm-opt", &args, &[])?;
    let glue = module.out.join(format!("{}.js", module.out_name));
    crate::imports::shorten(Path::new(&bound), &glue)?;
    crate::minify::minify_module(root, &glue)
}
