//! After `trunk build`: fills the service worker's precache list and version from the built files,
//! so every file of the bundle (content-hashed names) is available offline after the first visit.

use std::path::Path;

/// The service worker file in `dist/`.
const SERVICE_WORKER: &str = "sw.js";

/// Writes the list of `dist/` files and a version derived from their contents into `dist/sw.js`.
pub fn finish_service_worker(dist: &Path) -> Result<(), String> {
    let worker_path = dist.join(SERVICE_WORKER);
    let template = std::fs::read_to_string(&worker_path).map_err(|e| {
        format!(
            "{}: {e} (is web/static/sw.js copied by index.html?)",
            worker_path.display()
        )
    })?;
    let mut files = crate::files::read_tree(dist)?;
    files.retain(|(name, _)| name != SERVICE_WORKER);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, bytes) in &files {
        for byte in name.as_bytes().iter().chain(bytes) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // A page is asked for by its directory (`./role/it/manager/`), as links name it.
    let mut urls: Vec<String> = files
        .iter()
        .map(|(name, _)| match name.strip_suffix("index.html") {
            Some(dir) => format!("./{dir}"),
            None => format!("./{name}"),
        })
        .collect();
    urls.sort();
    let list = format!(
        "[{}]",
        urls.iter()
            .map(|u| format!("\"{u}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !template.contains("__GRADELADDER_PRECACHE__") {
        return Err(format!(
            "{} has no precache placeholder",
            worker_path.display()
        ));
    }
    let worker = template
        .replace(
            "\"dev\" /* __GRADELADDER_VERSION__ */",
            &format!("\"{hash:016x}\""),
        )
        .replace("[] /* __GRADELADDER_PRECACHE__ */", &list);
    std::fs::write(&worker_path, worker).map_err(|e| format!("{}: {e}", worker_path.display()))?;
    println!(
        "service worker precaches {} files (version {hash:016x})",
        urls.len()
    );
    Ok(())
}
