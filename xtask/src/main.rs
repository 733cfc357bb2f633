//! Project tasks, run as `cargo xtask <task>`:
//!
//! - `serve [--port N]`: install what is missing, then serve the app with trunk on 127.0.0.1.
//! - `test`: the one test command (fmt, clippy, native tests, wasm tests in Chromium, end-to-end).
//! - `dist`: release build into `dist/` with relative URLs.
//! - `cli`: the release `gradeladder` binary with the bundle inside (for `gradeladder serve`).
//! - `size`: raw and gzip size of every file in `dist/`.
//! - `bench`: parse throughput against bare pulldown-cmark iteration.
//! - `fuzz [SECONDS]`: fuzz the page reader with cargo-fuzz (nightly) for SECONDS (default 300).

mod csp;
mod files;
mod imports;
mod minify;
mod process;
mod size;
mod summary;
mod tasks;
mod tools;
mod widget;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <serve [--port N] | test | dist | size | bench | fuzz [SECONDS]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => port_arg(&args[1..]).and_then(tasks::serve),
        Some("test") => tasks::test(),
        Some("dist") => tasks::dist().map(|_| ()),
        Some("cli") => tasks::cli().map(|_| ()),
        Some("size") => size::report(&tasks::dist_dir()),
        Some("bench") => tasks::bench(),
        Some("fuzz") => seconds_arg(&args[1..]).and_then(tasks::fuzz),
        Some("-h" | "--help" | "help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown task `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--port N` (default 8080).
fn port_arg(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8080),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port {value}: not a port number")),
        _ => Err(format!("unexpected arguments {args:?}\n{USAGE}")),
    }
}

/// `SECONDS` (default 300).
fn seconds_arg(args: &[String]) -> Result<u64, String> {
    match args {
        [] => Ok(300),
        [value] => value
            .parse()
            .map_err(|_| format!("{value}: not a number of seconds")),
        _ => Err(format!("unexpected arguments {args:?}\n{USAGE}")),
    }
}
