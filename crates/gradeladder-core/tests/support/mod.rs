//! Shared by the linearity test and the parse bench: a page of many levels, and an allocator
//! that counts what the reader allocates.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

/// One job-family page of `levels` levels, each with a Job Grade, a "role extends the …" line,
/// and responsibilities that extend the level before: the shape that made the reader quadratic.
pub fn page_of_levels(levels: usize) -> String {
    let mut text = String::from("---\ntitle: Widgets\n---\n## Levels\n");
    for i in 0..levels {
        let grade = 5 + i % 8;
        text.push_str(&format!(
            "### Widget Level {i}\n#### Job Grade\nThe Widget Level {i} is a grade {grade}.\n\n"
        ));
        if i > 0 {
            let before = i - 1;
            text.push_str(&format!(
                "The Widget Level {i} role extends the Widget Level {before} role.\n\n\
                 #### Responsibilities\n- Extends the Widget Level {before} responsibilities, plus:\n"
            ));
        } else {
            text.push_str("#### Responsibilities\n");
        }
        text.push_str(&format!("- Build widget {i}\n- Review widget {i}\n\n"));
    }
    text
}

/// The system allocator (or any other), counting allocations, bytes allocated, and the most
/// bytes live at once.
pub struct Counting<A> {
    inner: A,
    allocations: AtomicUsize,
    allocated: AtomicUsize,
    live: AtomicUsize,
    peak: AtomicUsize,
}

/// What a [`Counting`] allocator saw between two readings.
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    /// Calls to `alloc` (and `realloc`).
    pub allocations: usize,
    /// Bytes those calls asked for.
    pub allocated: usize,
    /// The most bytes live at once since [`Counting::reset_peak`].
    pub peak: usize,
}

impl<A> Counting<A> {
    /// Wraps `inner`.
    pub const fn new(inner: A) -> Self {
        Counting {
            inner,
            allocations: AtomicUsize::new(0),
            allocated: AtomicUsize::new(0),
            live: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    /// Starts a new peak from what is live now.
    pub fn reset_peak(&self) {
        self.peak
            .store(self.live.load(Ordering::Relaxed), Ordering::Relaxed);
    }

    /// The counts so far; the peak is the most live at once since the last reset.
    pub fn counts(&self) -> Counts {
        Counts {
            allocations: self.allocations.load(Ordering::Relaxed),
            allocated: self.allocated.load(Ordering::Relaxed),
            peak: self.peak.load(Ordering::Relaxed),
        }
    }

    fn grew(&self, bytes: usize) {
        self.allocations.fetch_add(1, Ordering::Relaxed);
        self.allocated.fetch_add(bytes, Ordering::Relaxed);
        let live = self.live.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.peak.fetch_max(live, Ordering::Relaxed);
    }
}

// SAFETY: every call is passed on to `inner` unchanged; only counters are updated beside it.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.grew(layout.size());
        unsafe { self.inner.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.live.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { self.inner.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.live.fetch_sub(layout.size(), Ordering::Relaxed);
        self.grew(new_size);
        unsafe { self.inner.realloc(ptr, layout, new_size) }
    }
}
