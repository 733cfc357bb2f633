//! `gradeladder-prerender <dist>`: writes every page of the built app as static HTML into `dist`
//! (run natively by `cargo xtask dist`, after trunk).

fn main() {
    let Some(dist) = std::env::args_os().nth(1) else {
        eprintln!("usage: gradeladder-prerender <dist directory>");
        std::process::exit(2);
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    match local.block_on(
        &runtime,
        gradeladder_web::prerender::write_pages(std::path::Path::new(&dist)),
    ) {
        Ok(pages) => println!("pre-rendered {pages} pages"),
        Err(error) => {
            eprintln!("gradeladder-prerender: {error}");
            std::process::exit(1);
        }
    }
}
