//! Long work in the page cut into slices (wasm only): the clock that says
//! when a slice has run its time, and the yield that lets the page paint
//! and answer input before the next one. Used to download and read the
//! corpus and to open the search engine in the page; it does no work
//! itself.

/// The longest a slice runs before the page gets its turn: well under the
/// 50 ms that make a long task, so that typing and scrolling stay smooth
/// while a corpus of many megabytes opens.
pub const SLICE_MS: f64 = 30.0;

/// The clock of the current slice of work.
pub(crate) struct Slices {
    started: f64,
}

impl Slices {
    /// Starts the first slice now.
    pub(crate) fn new() -> Self {
        Slices { started: now() }
    }

    /// Whether the slice has run its time: the caller then shows its
    /// progress, if any, and awaits [`Slices::yield_to_page`].
    pub(crate) fn due(&self) -> bool {
        now() - self.started > SLICE_MS
    }

    /// Lets the page paint and handle input (a task of its own), then
    /// starts a new slice.
    ///
    /// A zero timeout, though the browser holds it back to 4 ms from its
    /// fifth nesting on: `scheduler.yield()` wastes no time, but Chromium
    /// then ran the slices back to back without painting, and the reader
    /// never saw the progress of a large corpus's reading.
    pub(crate) async fn yield_to_page(&mut self) {
        gloo_timers::future::TimeoutFuture::new(0).await;
        self.started = now();
    }
}

/// The wall clock's milliseconds are fine enough to cut 30 ms slices.
fn now() -> f64 {
    js_sys::Date::now()
}
