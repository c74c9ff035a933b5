//! Reading an archive (`src="SITE/"` or `src="SITE/archive.json"`): the
//! root first, then only the files the current view needs.
//!
//! [`state`] decides what is needed and holds what came; [`fetch`] brings
//! one file and checks it against the hash its name carries; [`location`]
//! tells an archive's URL from a corpus file's; [`reading`] runs them for
//! the reader's root component on every route. [`keep`] keeps the newest
//! editions whole for offline reading, in [`store`]. [`search`] searches the
//! whole archive with its index. The single-file corpus is read by
//! [`super::fetch`] as before.

#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod keep;
pub mod location;
#[cfg(target_arch = "wasm32")]
pub mod preload;
#[cfg(target_arch = "wasm32")]
pub mod reading;
pub mod recent;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod search;
#[cfg(target_arch = "wasm32")]
pub mod store;

pub use location::{archive_base, ArchiveLocation};
pub use state::{ArchiveState, Need};
