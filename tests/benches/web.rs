//! Browser figures for the release bundle in headless Chromium (a benchmark, not a test):
//! wasm start to role view painted, and role-to-role navigation. Run by `cargo xtask bench`.

use std::time::Duration;

use gradeladder_e2e::Session;

const ROLES: &[&str] = &[
    "#/role/engineering-productivity-manager/engineering-manager-engineering-productivity",
    "#/role/engineering-productivity-manager/senior-engineering-manager-engineering-productivity",
    "#/role/engineering-technical-program-management-leadership/director-technical-program-management",
    "#/role/it-management/manager-it",
    "#/role/senior-engineering-manager/senior-engineering-manager",
];

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

async fn number(session: &Session, script: &str) -> Option<f64> {
    session
        .driver
        .execute(script, vec![])
        .await
        .ok()?
        .json()
        .as_f64()
}

#[tokio::main]
async fn main() {
    let session = Session::start("/").await;
    let mut startup = Vec::new();
    for round in 0..15 {
        session.open(ROLES[round % ROLES.len()]).await;
        session.driver.refresh().await.expect("reload");
        for _ in 0..200 {
            let measured = number(
                &session,
                "const s = performance.getEntriesByName('gl-start')[0]; const p = performance.getEntriesByName('gl-role-painted')[0];
                 return (s && p) ? p.startTime - s.startTime : null;",
            )
            .await;
            if let Some(ms) = measured {
                startup.push(ms);
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    let mut navigation = Vec::new();
    for round in 0..30 {
        let target = ROLES[(round + 1) % ROLES.len()];
        let script = format!(
            "performance.clearMarks('gl-role-painted'); window.__navStart = performance.now(); location.hash = '{target}'; return 0;"
        );
        session
            .driver
            .execute(&script, vec![])
            .await
            .expect("navigate");
        for _ in 0..200 {
            let measured = number(
                &session,
                "const p = performance.getEntriesByName('gl-role-painted')[0]; return p ? p.startTime - window.__navStart : null;",
            )
            .await;
            if let Some(ms) = measured {
                navigation.push(ms);
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
    session.close().await;
    println!(
        "wasm start → role view painted: median {:.1} ms over {} loads (target ≤ 100 ms)",
        median(startup.clone()),
        startup.len()
    );
    println!(
        "role → role navigation painted: median {:.1} ms over {} moves (target ≤ 16 ms)",
        median(navigation.clone()),
        navigation.len()
    );
}
