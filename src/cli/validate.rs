//! `broadsheet validate FILE`: check a corpus against the format; or
//! `broadsheet validate SITE`, an archive folder ([`site`]).
//!
//! Prints nothing and exits 0 on a good corpus. On a bad one, prints one line
//! per problem, `FILE: json.path: what is wrong` (or `FILE:line:column: …`
//! for JSON syntax errors), and exits 1. Problems quote corpus values, so
//! each line is printed [`inert`]: a control character in a value is shown
//! as an escape, and a newline in one cannot make a line of its own.

mod site;

use std::io::Write;
use std::path::PathBuf;

use super::terminal::{eprintln_inert, inert};
use crate::corpus;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The corpus JSON file, or an archive folder (or its `archive.json`).
    pub file: PathBuf,
}

pub fn run(args: &Args) -> u8 {
    if args.file.is_dir() {
        return run_site(&args.file);
    }
    if args.file.file_name().is_some_and(|name| name == crate::archive::ROOT_FILE) {
        return run_site(args.file.parent().unwrap_or(std::path::Path::new(".")));
    }
    let name = args.file.display();
    let text = match super::corpus_file::read(&args.file) {
        Ok(text) => text,
        Err(error) => {
            eprintln_inert!("{name}{error}");
            return error.exit_code();
        }
    };
    match corpus::load(&text) {
        Ok(corpus) => {
            let articles: usize = corpus.editions.iter().map(|e| e.articles.len()).sum();
            eprintln_inert!("{name}: valid ({} editions, {articles} articles)", corpus.editions.len());
            0
        }
        Err(error) => {
            let lines = error.lines();
            let separator = if matches!(error, corpus::DecodeError::Syntax { .. }) { ":" } else { ": " };
            let printed = super::stdout::print(|out| {
                for line in &lines {
                    writeln!(out, "{}", inert(&format!("{name}{separator}{line}")))?;
                }
                Ok(())
            });
            eprintln_inert!("{name}: {} problem{}", lines.len(), if lines.len() == 1 { "" } else { "s" });
            printed.err().unwrap_or(super::EXIT_INVALID)
        }
    }
}

fn run_site(folder: &std::path::Path) -> u8 {
    let name = folder.display();
    match site::check(&super::site::Site::new(folder)) {
        Ok(totals) => {
            eprintln_inert!(
                "{name}: valid archive ({} publication{}, {} editions, {} articles, {})",
                totals.publications,
                if totals.publications == 1 { "" } else { "s" },
                totals.editions,
                totals.articles,
                crate::units::size(totals.bytes)
            );
            0
        }
        Err(lines) => {
            let printed = super::stdout::print(|out| {
                for line in &lines {
                    writeln!(out, "{}", inert(line))?;
                }
                Ok(())
            });
            eprintln_inert!("{name}: {} problem{}", lines.len(), if lines.len() == 1 { "" } else { "s" });
            printed.err().unwrap_or(super::EXIT_INVALID)
        }
    }
}
