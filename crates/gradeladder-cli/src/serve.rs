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
    let tree = std::sync::Arc::new(tree?);
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    let url = format!("http://127.0.0.1:{address}/");
    println!("Gradeladder is at {url} (Ctrl-C stops). It works offline: nothing is fetched from the network.");
    if open {
        open_browser(&url);
    }
    // One request per connection, each on its own thread: with kept-alive connections (tiny_http
    // before), Chromium at times never received a response that had been sent.
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let tree = std::sync::Arc::clone(&tree);
        std::thread::spawn(move || {
            let files: Vec<(&str, &[u8])> = tree
                .iter()
                .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
                .collect();
            answer(stream, &files);
        });
    }
    Ok(())
}

/// Reads one request from `stream`, answers it from `files` and closes the connection.
fn answer(stream: std::net::TcpStream, files: &[(&str, &[u8])]) {
    use std::io::{BufRead, Write};

    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(10)));
    let mut reader = std::io::BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers are read and not needed.
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => return,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let url = request_line.split_whitespace().nth(1).unwrap_or("/");
    // A missing address gets the bundle's not-found page, which suggests roles.
    let (status, name, body): (&str, &str, &[u8]) = match lookup(files, url) {
        Some((name, bytes)) => ("200 OK", name, bytes),
        None => match lookup(files, "/404.html") {
            Some((name, bytes)) => ("404 Not Found", name, bytes),
            None => ("404 Not Found", "404.txt", b"not found"),
        },
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        content_type(name),
        body.len()
    );
    let mut stream = &stream;
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body))
        .and_then(|()| stream.flush());
    let _ = stream.shutdown(std::net::Shutdown::Write);
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
