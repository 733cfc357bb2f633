//! `gradeladder serve`: the web app of a site (the seed pages, or the pages of `--data`),
//! assembled from the app carried inside this binary, on 127.0.0.1.

use gradeladder_core::SiteData;

/// The file a request path maps to (`/` and directories serve `index.html`).
pub fn lookup<'a>(files: &'a [(&'a str, &'a [u8])], url: &str) -> Option<(&'a str, &'a [u8])> {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    };
    files
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(name, bytes)| (*name, *bytes))
}

/// Content type by file extension.
pub fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Serves the bundle of `site` until the process is stopped.
pub fn serve(site: &SiteData, port: u16, open: bool) -> Result<(), String> {
    let shell = crate::site::shell()?;
    let dir = std::env::temp_dir().join(format!("gradeladder-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let assembled = crate::site::assemble(&shell, site, &dir);
    let tree = assembled.and_then(|_| gradeladder_web::bundle::read_tree(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    let tree = tree?;
    let files: Vec<(&str, &[u8])> = tree
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .collect();
    let files = files.as_slice();
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(port);
    let url = format!("http://127.0.0.1:{address}/");
    println!("Gradeladder is at {url} (Ctrl-C stops). It works offline: nothing is fetched from the network.");
    if open {
        open_browser(&url);
    }
    for request in server.incoming_requests() {
        let response = match lookup(files, request.url()) {
            Some((name, bytes)) => {
                let header = tiny_http::Header::from_bytes("Content-Type", content_type(name))
                    .expect("valid header");
                tiny_http::Response::from_data(bytes.to_vec()).with_header(header)
            }
            // A missing address gets the bundle's not-found page, which suggests roles.
            None => match lookup(files, "/404.html") {
                Some((name, bytes)) => {
                    let header = tiny_http::Header::from_bytes("Content-Type", content_type(name))
                        .expect("valid header");
                    tiny_http::Response::from_data(bytes.to_vec())
                        .with_header(header)
                        .with_status_code(404)
                }
                None => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
            },
        };
        let _ = request.respond(response);
    }
    Ok(())
}

/// Opens `url` in the desktop's browser, saying so when it cannot.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(error) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("could not open a browser ({opener}: {error}); open {url} yourself");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, &[u8])] = &[("index.html", b"<html>"), ("app_bg.wasm", b"\0asm")];

    #[test]
    fn root_and_query_strings_serve_index_and_files_keep_their_type() {
        assert_eq!(lookup(FILES, "/").map(|f| f.0), Some("index.html"));
        assert_eq!(lookup(FILES, "/?x=1").map(|f| f.0), Some("index.html"));
        assert_eq!(
            lookup(FILES, "/app_bg.wasm").map(|f| f.1),
            Some(&b"\0asm"[..])
        );
        assert_eq!(lookup(FILES, "/../etc/passwd"), None);
        assert_eq!(content_type("app_bg.wasm"), "application/wasm");
    }
}
