//! The bundle as an offline web app: after the first visit a service worker serves every file,
//! so the app opens with the server gone, from a sub-path.

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
    session.wait_for_service_worker().await;

    session.stop_server();
    session.driver.refresh().await.expect("reload offline");
    session.wait_for_app().await;
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

#[tokio::test(flavor = "multi_thread")]
async fn the_service_worker_registers_only_once_the_app_has_started() {
    let session = Session::start("/careers/grades/").await;
    session.open(ROLE).await;
    session.wait_for_service_worker().await;
    let marks = session
        .driver
        .execute(
            "const at = (n) => { const m = performance.getEntriesByName(n)[0]; return m ? m.startTime : null; };
             return [at('gl-rendered'), at('gl-sw-registered')];",
            vec![],
        )
        .await
        .expect("read marks");
    let marks = marks.json().as_array().cloned().expect("two marks");
    let rendered = marks[0]
        .as_f64()
        .expect("the app marked its first view built");
    let registered = marks[1]
        .as_f64()
        .expect("register-sw.js marked its registration");
    assert!(
        registered > rendered,
        "the service worker was registered at {registered} ms, before the app had built its first view at {rendered} ms"
    );
    session.close().await;
}
