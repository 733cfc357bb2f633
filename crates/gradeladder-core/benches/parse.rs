//! Parse throughput over the corpus and seeds, with bare pulldown-cmark event iteration over the
//! same text for scale (a reference, not a target: no user waits on the reader today), a
//! linearity check, and one page of 1,000 / 8,000 / 64,000 levels (time per level, peak memory
//! against the page's size). Run with `cargo xtask bench`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use gradeladder_core::parse::{parse_page, ParseOptions, SourcePage};
use gradeladder_core::seeds;
use pulldown_cmark::{Options, Parser};

#[path = "../tests/support/mod.rs"]
mod support;

use support::{page_of_levels, Counting};

/// The allocator the `gradeladder` binary ships with, so the figures are the CLI's; counted, for
/// the peak memory of one read.
#[global_allocator]
static ALLOCATOR: Counting<mimalloc::MiMalloc> = Counting::new(mimalloc::MiMalloc);

fn pages() -> Vec<SourcePage> {
    let mut pages = seeds::source_pages();
    let corpus = std::env::var_os("GRADELADDER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/job-families")
        });
    if let Ok(entries) = std::fs::read_dir(&corpus) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md") {
                let text =
                    String::from_utf8_lossy(&std::fs::read(&path).expect("read page")).into_owned();
                pages.push(SourcePage {
                    path: path.display().to_string(),
                    text,
                });
            }
        }
    } else {
        eprintln!(
            "note: corpus not found at {}; measuring the seeds only",
            corpus.display()
        );
    }
    pages
}

/// Rounds of the alternating bare/parse measurement.
const ROUNDS: usize = 5;

/// How many times longer the full parse takes than bare iteration.
fn ratio(bare: Duration, full: Duration) -> f64 {
    full.as_secs_f64() / bare.as_secs_f64()
}

/// Median time of one pass of `work`, over repeated runs of about 2 s in all.
fn measure(mut work: impl FnMut()) -> Duration {
    work();
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) || samples.len() < 10 {
        let t = Instant::now();
        work();
        samples.push(t.elapsed());
    }
    samples.sort();
    samples[samples.len() / 2]
}

/// Median times of one pass of `a` and of `b`, run alternately for about 2 s in all.
fn measure_pair(a: impl Fn(), b: impl Fn()) -> (Duration, Duration) {
    a();
    b();
    let (mut a_samples, mut b_samples) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) || a_samples.len() < 10 {
        let t = Instant::now();
        a();
        a_samples.push(t.elapsed());
        let t = Instant::now();
        b();
        b_samples.push(t.elapsed());
    }
    a_samples.sort();
    b_samples.sort();
    (
        a_samples[a_samples.len() / 2],
        b_samples[b_samples.len() / 2],
    )
}

/// Rounds of alternating bare iteration and full parse over `pages` (alternating, so drift in the
/// machine's speed hits both alike), sorted by ratio; `ROUNDS` of them show how much the ratio
/// itself moves on this machine.
fn ratio_rounds(
    pages: &[SourcePage],
    options: &ParseOptions,
    print: bool,
) -> Vec<(Duration, Duration)> {
    let markdown_options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let bare_pass = || {
        for page in pages {
            black_box(
                Parser::new_ext(black_box(&page.text), markdown_options)
                    .into_offset_iter()
                    .count(),
            );
        }
    };
    let full_pass = || {
        for page in pages {
            black_box(parse_page(black_box(page), options));
        }
    };
    let mut rounds: Vec<(Duration, Duration)> = Vec::new();
    for round in 1..=ROUNDS {
        let (bare, full) = measure_pair(bare_pass, full_pass);
        if print {
            println!(
                "round {round}: bare {:.3} ms, parse {:.3} ms, ratio {:.2}x",
                bare.as_secs_f64() * 1e3,
                full.as_secs_f64() * 1e3,
                ratio(bare, full)
            );
        }
        rounds.push((bare, full));
    }
    rounds.sort_by(|a, b| ratio(a.0, a.1).total_cmp(&ratio(b.0, b.1)));
    rounds
}

fn main() {
    let pages = pages();
    let bytes: usize = pages.iter().map(|p| p.text.len()).sum();
    let options = ParseOptions::default();
    let mb_per_s = |d: Duration| bytes as f64 / d.as_secs_f64() / 1_000_000.0;

    println!(
        "pages: {}, bytes: {bytes}, allocator: mimalloc (as in the gradeladder binary)",
        pages.len()
    );
    let rounds = ratio_rounds(&pages, &options, true);
    let (bare, full) = rounds[rounds.len() / 2];
    println!(
        "bare pulldown-cmark iteration: {:>9.3} ms/pass  {:>7.1} MB/s",
        bare.as_secs_f64() * 1e3,
        mb_per_s(bare)
    );
    println!(
        "gradeladder parse_page:        {:>9.3} ms/pass  {:>7.1} MB/s",
        full.as_secs_f64() * 1e3,
        mb_per_s(full)
    );
    println!(
        "ratio parse / bare iteration:  {:>9.2}x (median round; rounds {:.2}x to {:.2}x)",
        ratio(bare, full),
        ratio(rounds[0].0, rounds[0].1),
        ratio(rounds[ROUNDS - 1].0, rounds[ROUNDS - 1].1),
    );
    // The pages come seeds first.
    let corpus = &pages[seeds::source_pages().len()..];
    if !corpus.is_empty() {
        let rounds = ratio_rounds(corpus, &options, false);
        let (bare, full) = rounds[rounds.len() / 2];
        println!(
            "corpus pages only ({}):        {:>9.2}x (median round; rounds {:.2}x to {:.2}x)",
            corpus.len(),
            ratio(bare, full),
            ratio(rounds[0].0, rounds[0].1),
            ratio(rounds[ROUNDS - 1].0, rounds[ROUNDS - 1].1),
        );
    }

    let all: String = pages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    for factor in [1usize, 4, 16] {
        let page = SourcePage {
            path: "big.md".to_owned(),
            text: all.repeat(factor),
        };
        let time = measure(|| {
            black_box(parse_page(black_box(&page), &options));
        });
        println!(
            "linearity: {:>3}x input ({:>8} bytes): {:>9.3} ms, {:>6.1} ns/byte",
            factor,
            page.text.len(),
            time.as_secs_f64() * 1e3,
            time.as_secs_f64() * 1e9 / page.text.len() as f64
        );
    }

    many_levels(&options);
}

/// One page of many levels, each graded and extending the one before: time per level should stay
/// flat, 8,000 levels should read in under a second, and memory stay under 20× the page.
fn many_levels(options: &ParseOptions) {
    let mut first_per_level = None;
    for levels in [1_000usize, 8_000, 64_000] {
        let page = SourcePage {
            path: "widgets.md".to_owned(),
            text: page_of_levels(levels),
        };
        // Five reads; the fastest is quoted, the read least disturbed by the rest of this shared
        // machine (the first read also pays for memory the system hands out for the first time).
        let mut times = Vec::new();
        let (mut peak, mut allocations, mut allocated) = (0, 0, 0);
        for _ in 0..5 {
            ALLOCATOR.reset_peak();
            let before = ALLOCATOR.counts();
            let start = Instant::now();
            let (family, _) = parse_page(black_box(&page), options);
            times.push(start.elapsed());
            let after = ALLOCATOR.counts();
            peak = after.peak - before.peak;
            allocations = after.allocations - before.allocations;
            allocated = after.allocated - before.allocated;
            assert_eq!(family.levels.len(), levels);
        }
        let time = times.iter().min().copied().unwrap_or_default();
        let per_level = time.as_secs_f64() * 1e6 / levels as f64;
        let flat = per_level / *first_per_level.get_or_insert(per_level);
        println!(
            "one page of {levels:>6} levels ({:>9} bytes): {:>8.1} ms, {per_level:>5.2} µs/level ({flat:.2}× the 1,000-level page), {:>5.1} allocations and {:>6.0} bytes/level, peak {:>5.1}× the page",
            page.text.len(),
            time.as_secs_f64() * 1e3,
            allocations as f64 / levels as f64,
            allocated as f64 / levels as f64,
            peak as f64 / page.text.len() as f64,
        );
    }
}
