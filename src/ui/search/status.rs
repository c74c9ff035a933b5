//! Where the reader's search stands: still opening its index, ready, or
//! out of order. Plain values, for the views to show and the host to hear.

/// The state of one reader's search engine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SearchStatus {
    /// The corpus is not loaded yet, or its index is being read or built.
    #[default]
    Preparing,
    Ready,
    /// The engine could not open or stopped: the reason, in technical English.
    Failed(String),
}
