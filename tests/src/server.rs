//! A static file server on 127.0.0.1 that serves a directory under a URL prefix, like a
//! static host serving the bundle from a sub-path.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server};

/// A running server; stops when dropped.
pub struct StaticServer {
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
    port: u16,
}

impl StaticServer {
    /// Serves `root` under `prefix` (must start and end with `/`) on a free loopback port.
    pub fn start(root: PathBuf, prefix: &str) -> StaticServer {
        assert!(
            prefix.starts_with('/') && prefix.ends_with('/'),
            "prefix must start and end with /"
        );
        let server = Arc::new(Server::http("127.0.0.1:0").expect("bind static server"));
        let port = server.server_addr().to_ip().expect("ip address").port();
        let prefix = prefix.to_owned();
        let worker = Arc::clone(&server);
        let thread = std::thread::spawn(move || {
            for request in worker.incoming_requests() {
                let root = root.clone();
                let prefix = prefix.clone();
                // One thread per request, as a real host answers requests in parallel: a response
                // the browser reads slowly must not hold back the next one.
                std::thread::spawn(move || {
                    let gzip = accepts_gzip(&request);
                    let response = respond_to(&root, &prefix, request.url(), gzip);
                    let _ = request.respond(response);
                });
            }
        });
        StaticServer {
            server,
            thread: Some(thread),
            port,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Files gzip-compressed once per process, by path and contents (a fresh server per browser
/// session must not compress again on the first visit it serves: static hosts precompress).
static COMPRESSED: Mutex<Option<CompressedFiles>> = Mutex::new(None);

/// By file path: the contents compressed, and the gzip body (made again when the file changes).
type CompressedFiles = HashMap<PathBuf, (Vec<u8>, Vec<u8>)>;

/// The response to a request for `url`: the file under `root` it names after `prefix`
/// (gzip-compressed when the browser accepts that, as static hosts do), or the bundle's 404 page.
fn respond_to(
    root: &Path,
    prefix: &str,
    url: &str,
    gzip: bool,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let found = path
        .strip_prefix(prefix)
        .and_then(|rest| resolve(root, rest));
    // A missing address gets the bundle's 404.html, as static hosts serve it.
    let (file, status) = match found {
        Some(file) => (file, 200),
        None => (root.join("404.html"), 404),
    };
    let Ok(bytes) = std::fs::read(&file) else {
        return not_found();
    };
    let response = if gzip {
        let mut compressed = COMPRESSED.lock().expect("compressed files");
        let entry = compressed
            .get_or_insert_with(HashMap::new)
            .entry(file.clone())
            .or_default();
        if entry.0 != bytes || entry.1.is_empty() {
            *entry = (bytes.clone(), gzipped(&bytes));
        }
        Response::from_data(entry.1.clone()).with_header(
            Header::from_bytes(&b"Content-Encoding"[..], &b"gzip"[..]).expect("valid header"),
        )
    } else {
        Response::from_data(bytes)
    };
    response
        .with_header(content_type(&file))
        .with_status_code(status)
}

fn accepts_gzip(request: &tiny_http::Request) -> bool {
    request.headers().iter().any(|header| {
        header.field.equiv("Accept-Encoding") && header.value.as_str().contains("gzip")
    })
}

fn gzipped(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}

/// The file for a request path under `root`, refusing `..`; directories serve `index.html`.
fn resolve(root: &Path, relative: &str) -> Option<PathBuf> {
    let relative = Path::new(relative);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let path = root.join(relative);
    let path = if path.is_dir() {
        path.join("index.html")
    } else {
        path
    };
    path.is_file().then_some(path)
}

fn content_type(path: &Path) -> Header {
    let mime = match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    };
    Header::from_bytes("Content-Type", mime).expect("valid header")
}

fn not_found() -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string("not found").with_status_code(404)
}
