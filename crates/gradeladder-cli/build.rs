//! Embeds the web app's shell (`target/shell`: what trunk and the widget build wrote) when
//! `GRADELADDER_BUNDLE` names it, as `cargo xtask cli` does, so `gradeladder build` and `serve`
//! need no other file.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=GRADELADDER_BUNDLE");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut entries = String::from("/// Files of the embedded app shell: path relative to its root, and contents.\npub const FILES: &[(&str, &[u8])] = &[\n");
    if let Some(dir) = std::env::var_os("GRADELADDER_BUNDLE") {
        let dir = PathBuf::from(dir);
        let mut files = Vec::new();
        collect(&dir, &dir, &mut files);
        files.sort();
        for (name, path) in files {
            println!("cargo:rerun-if-changed={}", path.display());
            entries.push_str(&format!(
                "    ({name:?}, include_bytes!({:?})),\n",
                path.display().to_string()
            ));
        }
    }
    entries.push_str("];\n");
    std::fs::write(out.join("bundle.rs"), entries).expect("OUT_DIR is writable");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("GRADELADDER_BUNDLE {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let absolute = path.canonicalize().unwrap_or(path);
            files.push((name, absolute));
        }
    }
}
