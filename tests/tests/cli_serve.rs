//! `gradeladder serve`: one binary carries the bundle and serves it on 127.0.0.1, offline.
//! `cargo xtask test` builds that binary and names it in `GRADELADDER_CLI`.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use gradeladder_e2e::{free_port, Session};

struct Served(Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cli_binary_serves_the_app_it_carries() {
    let cli = std::env::var("GRADELADDER_CLI").expect(
        "GRADELADDER_CLI is not set: run with `cargo xtask test`, which builds the bundled CLI",
    );
    let port = free_port();
    let _served = Served(
        Command::new(&cli)
            .args(["serve", "--port", &port.to_string()])
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{cli}: {e}")),
    );
    for _ in 0..50 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let session = Session::connect(format!("http://127.0.0.1:{port}/")).await;
    session.open("role/it-management/manager-it/").await;
    let h1 = session.wait_for("main h1").await.text().await.expect("h1");
    assert_eq!(h1, "Manager, IT");
    session.close().await;
}
