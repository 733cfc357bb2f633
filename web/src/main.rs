//! Browser entry point: mounts the app on the page body.

fn main() {
    gradeladder_web::start();
}
