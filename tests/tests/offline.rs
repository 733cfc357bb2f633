//! The bundle as an offline web app: after the first visit a service worker serves every file,
//! so the app opens with the server gone, from a sub-path.

use std::time::Duration;

use gradeladder_e2e::Session;

const ROLE: &str = "role/it-management/manager-it/";

async fn h1(session: &Session) -> String {
    session.wait_for("main h1").await.text().await.expect("h1")
}

#[tokio::test(flavor = "multi_thread")]
async fn after_the_first_visit_the_app_opens_with_the_server_gone() {
    let mut session = Session::start("/careers/grades/").await;
    session.open(ROLE).await;
    assert_eq!(h1(&session).await, "Manager, IT");
    let mut controlled = false;
    for _ in 0..100 {
        let value = session
            .driver
            .execute(
                "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
                vec![],
            )
            .await
            .expect("js");
        if value.json().as_bool() == Some(true) {
            controlled = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if !controlled {
        let registrations = session
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistrations().then(rs => done(JSON.stringify(rs.map(r => ({scope: r.scope, installing: !!r.installing, waiting: !!r.waiting, active: r.active && r.active.state}))))).catch(e => done('failed: ' + e));",
                vec![],
            )
            .await
            .expect("service worker registrations");
        panic!(
            "no service worker controls the page 10 s after the first visit; registrations: {}",
            registrations.json()
        );
    }

    session.stop_server();
    session.driver.refresh().await.expect("reload offline");
    assert_eq!(h1(&session).await, "Manager, IT");
    session.open("grades/").await;
    assert_eq!(h1(&session).await, "Grade scale");
    let manifest = session
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; fetch('manifest.webmanifest').then(r => r.json()).then(m => done(m.name + ' ' + m.start_url + ' ' + m.display)).catch(e => done('failed: ' + e));",
            vec![],
        )
        .await
        .expect("fetch manifest");
    assert_eq!(manifest.json().as_str(), Some("Gradeladder ./ standalone"));
    session.close().await;
}
