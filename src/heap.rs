//! The wasm build's memory allocator: the standard library's own
//! (dlmalloc), asking the browser for memory in steps of [`GRANULARITY`]
//! instead of one 64 KiB page at a time.
//!
//! Why: decoding a corpus and deriving its search index allocate hundreds
//! of megabytes for a large corpus, in millions of small pieces. With the
//! default step that is thousands of `memory.grow` calls, each of which
//! costs the browser far more than the allocation it serves: on the
//! 36 MB Chinese benchmark corpus the first decode took 1.8 s against
//! 0.3 s once memory had grown (`node bench/search-wasm.mjs`). A larger
//! step makes that a few dozen calls and wastes at most one step of
//! memory. Native builds keep the system allocator; nothing else about
//! allocation changes.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

use dlmalloc::Dlmalloc;

/// How much memory the heap asks for when it needs more: 4 MiB, small
/// beside a corpus worth searching, large enough that a big one needs few
/// requests.
pub const GRANULARITY: usize = 4 << 20;

/// The global allocator. See the module documentation.
pub struct Heap(UnsafeCell<Dlmalloc>);

// The widget's wasm is built without the `atomics` target feature, so it
// runs on one thread and the heap is never touched concurrently (a Web
// Worker gets its own instance and memory).
unsafe impl Sync for Heap {}

#[global_allocator]
static HEAP: Heap = Heap(UnsafeCell::new({
    let mut dlmalloc = Dlmalloc::new();
    assert!(dlmalloc.set_granularity(GRANULARITY), "the granularity is a power of two");
    dlmalloc
}));

impl Heap {
    /// The allocator itself: only ever borrowed for one call, on the one
    /// thread.
    #[allow(clippy::mut_from_ref)]
    unsafe fn dlmalloc(&self) -> &mut Dlmalloc {
        unsafe { &mut *self.0.get() }
    }
}

unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { self.dlmalloc().malloc(layout.size(), layout.align()) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { self.dlmalloc().calloc(layout.size(), layout.align()) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.dlmalloc().free(ptr, layout.size(), layout.align()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { self.dlmalloc().realloc(ptr, layout.size(), layout.align(), new_size) }
    }
}
