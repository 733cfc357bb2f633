//! The reader's work grows linearly with the number of levels on one page: counted in
//! allocations and bytes allocated (deterministic, unlike time), for pages whose every level
//! has a Job Grade and extends the level before.

mod support;

use gradeladder_core::parse::{parse_page, ParseOptions, SourcePage};
use support::{page_of_levels, Counting, Counts};

#[global_allocator]
static ALLOCATOR: Counting<std::alloc::System> = Counting::new(std::alloc::System);

/// What reading a page of `levels` levels allocates.
fn reading(levels: usize) -> (usize, Counts) {
    let page = SourcePage {
        path: "widgets.md".to_owned(),
        text: page_of_levels(levels),
    };
    let options = ParseOptions::default();
    let before = ALLOCATOR.counts();
    ALLOCATOR.reset_peak();
    let (family, _) = parse_page(&page, &options);
    let after = ALLOCATOR.counts();
    assert_eq!(family.levels.len(), levels);
    assert!(!family.levels[levels - 1].inherits.is_empty());
    let counts = Counts {
        allocations: after.allocations - before.allocations,
        allocated: after.allocated - before.allocated,
        peak: after.peak,
    };
    drop(family);
    (page.text.len(), counts)
}

#[test]
fn allocations_and_bytes_per_level_stay_flat_from_500_to_4000_levels() {
    let (small_len, small) = reading(500);
    let (large_len, large) = reading(4000);
    let per_level = |count: usize, levels: usize| count as f64 / levels as f64;
    let growth = |a: usize, b: usize| per_level(b, 4000) / per_level(a, 500);
    assert!(
        growth(small.allocations, large.allocations) <= 1.25,
        "allocations per level grew from {:.1} to {:.1}",
        per_level(small.allocations, 500),
        per_level(large.allocations, 4000)
    );
    assert!(
        growth(small.allocated, large.allocated) <= 1.25,
        "bytes per level grew from {:.0} to {:.0}",
        per_level(small.allocated, 500),
        per_level(large.allocated, 4000)
    );
    assert!(
        large.peak <= 20 * large_len,
        "{} bytes live at most for a {large_len}-byte page ({small_len} bytes: {})",
        large.peak,
        small.peak
    );
}
