//! `gradeladder-prerender <shell> <out> [extra files…]`: assembles the default bundle (the seed
//! pages and the example pay model) from the app shell trunk and the widget build wrote, into
//! `out` (run natively by `cargo xtask dist`). Extra files (demo host pages) go to its root.

use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [shell, out, extra @ ..] = args.as_slice() else {
        eprintln!("usage: gradeladder-prerender <shell directory> <out directory> [extra files…]");
        std::process::exit(2);
    };
    if let Err(error) = run(shell, out, extra) {
        eprintln!("gradeladder-prerender: {error}");
        std::process::exit(1);
    }
}

fn run(shell: &Path, out: &Path, extra: &[PathBuf]) -> Result<(), String> {
    let shell = gradeladder_web::bundle::read_tree(shell)?;
    let extra = extra
        .iter()
        .map(|path| {
            let name = path
                .file_name()
                .ok_or_else(|| format!("{}: not a file", path.display()))?
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((name, bytes))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let site = gradeladder_core::seeds::site();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start a runtime: {e}"))?;
    let local = tokio::task::LocalSet::new();
    let assembled = local.block_on(
        &runtime,
        gradeladder_web::bundle::assemble(&shell, &extra, &site, out),
    )?;
    println!(
        "assembled {}: {} pages pre-rendered, {} files, data file {} bytes",
        out.display(),
        assembled.pages,
        assembled.files,
        assembled.data_bytes
    );
    Ok(())
}
