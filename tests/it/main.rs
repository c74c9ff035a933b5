//! Broadsheet's integration tests, one binary with a module per area (one
//! link instead of one per file): the CLI driven as users drive it, search
//! against brute force, archives, ingest on real and generated pages, and
//! hostile or huge inputs. What they share with the benchmarks and fuzz
//! targets is the `broadsheet-dev` crate (dev/).
//!
//! `cargo test --test it MODULE` runs one area, e.g. `cargo test --test it
//! publish::`; `make hardening` runs the huge inputs that `cargo test` skips.

mod archive_search;
mod chronam_jumps;
mod dailies;
mod hardening_huge;
mod hardening_index;
mod hardening_ingest;
mod hardening_inputs;
mod ingest_alto;
mod ingest_cli;
mod ingest_nothing_lost;
mod ingest_pages;
mod publish;
mod search;
mod search_cli;
mod search_variants;
mod terminal_safety;
mod validate;
