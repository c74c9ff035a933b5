//! The `broadsheet` command-line tool: one module per subcommand.
//!
//! Each subcommand module exposes its clap arguments and a `run` function
//! returning the process exit code; `src/bin/broadsheet.rs` only dispatches.
//! Native only: nothing here is compiled into the widget.

pub mod atomic;
pub mod corpus_file;
pub mod failure;
pub mod index;
pub mod ingest;
pub mod lock;
pub mod publish;
pub mod search;
pub mod site;
pub mod stdout;
pub mod terminal;
pub mod validate;

use clap::{Parser, Subcommand};

/// Build and check Broadsheet corpora.
#[derive(Debug, Parser)]
#[command(name = "broadsheet", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a corpus file or an archive folder and list every problem with its path.
    Validate(validate::Args),
    /// Read plain-text newspaper pages into a corpus file.
    Ingest(ingest::Args),
    /// Build the search index of a corpus and write it beside the corpus.
    Index(index::Args),
    /// Search a corpus and print the matching articles with snippets.
    Search(search::Args),
    /// Add corpora's editions to a static archive folder that any host serves.
    Publish(publish::Args),
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Index(args) => index::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Publish(args) => publish::run(&args),
    }
}

/// Exit code for a corpus or input that has problems.
pub const EXIT_INVALID: u8 = 1;
/// Exit code for a file that could not be read or written.
pub const EXIT_IO: u8 = 2;
