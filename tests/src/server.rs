//! A static file server on 127.0.0.1 that serves a directory under a URL prefix, like a
//! static host serving the bundle from a sub-path.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A running server; stops when dropped.
///
/// One request per connection (`Connection: close`), each on its own thread, on std's
/// `TcpListener`: with tiny_http's kept-alive connections, Chromium at times never received a
/// response the server had sent (a page's wasm, a widget's 404), about one page load in four.
pub struct StaticServer {
    port: u16,
    stopping: Arc<AtomicBool>,
    /// Every request's URL, in the order they came.
    log: Arc<Mutex<Vec<String>>>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` under `prefix` (must start and end with `/`) on a free loopback port.
    pub fn start(root: PathBuf, prefix: &str) -> StaticServer {
        assert!(
            prefix.starts_with('/') && prefix.ends_with('/'),
            "prefix must start and end with /"
        );
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind static server");
        let port = listener.local_addr().expect("local address").port();
        let stopping = Arc::new(AtomicBool::new(false));
        let log = Arc::new(Mutex::new(Vec::new()));
        let prefix = prefix.to_owned();
        let thread = {
            let stopping = Arc::clone(&stopping);
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (root, prefix, log) = (root.clone(), prefix.clone(), Arc::clone(&log));
                    // One thread per request, as a real host answers requests in parallel.
                    std::thread::spawn(move || serve_connection(stream, &root, &prefix, &log));
                }
            })
        };
        StaticServer {
            port,
            stopping,
            log,
            thread: Some(thread),
        }
    }

    /// The URL of every request served so far.
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().expect("request log").clone()
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees it is stopping.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads one request from `stream` and answers it, then closes the connection.
fn serve_connection(stream: TcpStream, root: &Path, prefix: &str, log: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || request_line.is_empty() {
        return;
    }
    let mut gzip = false;
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => return,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {
                let lower = header.to_ascii_lowercase();
                if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
                    gzip = true;
                }
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, url) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    log.lock().expect("request log").push(url.to_owned());
    let response = if method == "GET" {
        respond_to(root, prefix, url, gzip)
    } else {
        Response::text(405, "only GET is served")
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        response.status,
        if response.status == 200 {
            "OK"
        } else {
            "Not Found"
        },
        response.body.len()
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = &stream;
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&response.body))
        .and_then(|()| stream.flush());
    let _ = stream.shutdown(std::net::Shutdown::Write);
}

/// A response: status, headers, body.
struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
            body: text.as_bytes().to_vec(),
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
fn respond_to(root: &Path, prefix: &str, url: &str, gzip: bool) -> Response {
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
        return Response::text(404, "not found");
    };
    let mut headers = vec![("Content-Type", content_type(&file).to_owned())];
    let body = if gzip {
        let mut compressed = COMPRESSED.lock().expect("compressed files");
        let entry = compressed
            .get_or_insert_with(HashMap::new)
            .entry(file.clone())
            .or_default();
        if entry.0 != bytes || entry.1.is_empty() {
            *entry = (bytes.clone(), gzipped(&bytes));
        }
        headers.push(("Content-Encoding", "gzip".to_owned()));
        entry.1.clone()
    } else {
        bytes
    };
    Response {
        status,
        headers,
        body,
    }
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

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}
