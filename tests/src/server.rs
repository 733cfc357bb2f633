//! A static file server on 127.0.0.1 that serves a directory under a URL prefix, like a
//! static host serving the bundle from a sub-path.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
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
                    let response = respond_to(&root, &prefix, request.url());
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

/// The response to a request for `url`: the file under `root` it names after `prefix`, or 404.
fn respond_to(root: &Path, prefix: &str, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    match path
        .strip_prefix(prefix)
        .and_then(|rest| resolve(root, rest))
    {
        Some(file) => match std::fs::read(&file) {
            Ok(bytes) => Response::from_data(bytes).with_header(content_type(&file)),
            Err(_) => not_found(),
        },
        None => not_found(),
    }
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
