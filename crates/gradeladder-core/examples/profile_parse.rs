use gradeladder_core::parse::{parse_page, ParseOptions, SourcePage};
use pulldown_cmark::{Options, Parser};
fn main() {
    let mut pages = gradeladder_core::seeds::source_pages();
    for e in std::fs::read_dir("/work/shared/corpus/job-families")
        .unwrap()
        .flatten()
    {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "md") {
            pages.push(SourcePage {
                path: p.display().to_string(),
                text: String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned(),
            });
        }
    }
    let bare = std::env::args().nth(1).is_some();
    let o = ParseOptions::default();
    let passes: usize = std::env::var("PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(60);
    for _ in 0..passes {
        for page in &pages {
            if bare {
                std::hint::black_box(
                    Parser::new_ext(
                        &page.text,
                        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
                    )
                    .into_offset_iter()
                    .count(),
                );
            } else {
                std::hint::black_box(parse_page(page, &o));
            }
        }
    }
}
