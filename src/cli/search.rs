//! `broadsheet search CORPUS QUERY`: search a corpus as the reader does.
//!
//! Uses the index beside the corpus ([`super::index::index_path`]) when it
//! was built from this very corpus, and otherwise builds one in memory
//! (saying why on stderr when an index file was there but unusable). Prints
//! the total and each hit with its snippets, hits marked `«…»`; with
//! `--json`, prints the hits as a JSON array of
//! `{article, page, date, publication, headline, score, snippets: [{text, highlights}]}`
//! (highlights in chars of `text`) and the total on stderr. Exits 0 whether
//! or not anything matched, 1 on an invalid corpus, 2 when the corpus
//! cannot be read or the command line is wrong (a malformed date).
//!
//! The human-readable lines show corpus text [`inert`] (control and bidi
//! characters as escapes); `--json` holds the exact text, every control
//! character in it a JSON escape ([`json_controls_escaped`]).

use std::io::Write;
use std::path::PathBuf;

use super::terminal::{eprintln_inert, inert, json_controls_escaped};
use crate::search::{Filter, Hit, Index, Query};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The corpus JSON file.
    pub corpus: PathBuf,
    /// What to find: terms separated by spaces must all occur; "quoted
    /// words" are one term.
    pub query: String,
    /// Print the hits as JSON.
    #[arg(long)]
    pub json: bool,
    /// How many hits to print.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Only editions on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<String>,
    /// Only editions on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<String>,
    /// Only articles printed (in part) on this page.
    #[arg(long)]
    pub page: Option<u32>,
}

fn parse_date(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if shape {
        Ok(text.to_owned())
    } else {
        Err(format!("\"{text}\" is not a date of the form YYYY-MM-DD"))
    }
}

pub fn run(args: &Args) -> u8 {
    let loaded = match super::index::load_corpus(&args.corpus) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let index_file = super::index::index_path(&args.corpus);
    let stored = match std::fs::read(&index_file) {
        Ok(bytes) => match Index::decode(&bytes, loaded.hash) {
            Ok(index) => Some(index),
            Err(error) => {
                eprintln_inert!("{}: {error}; searching with an index built in memory", index_file.display());
                None
            }
        },
        Err(_) => None,
    };
    let index = stored.unwrap_or_else(|| Index::build(&loaded.corpus));
    let filter = Filter { from: args.from.clone(), to: args.to.clone(), page: args.page };
    let query = Query::parse(&args.query).with_filter(filter);
    let results = index.search(&loaded.corpus, &query, args.limit);
    if args.json {
        let json = match serde_json::to_string_pretty(&results.hits) {
            Ok(json) => json,
            Err(error) => {
                eprintln!("cannot write the results as JSON: {error}");
                return super::EXIT_INVALID;
            }
        };
        let printed = super::stdout::print(|out| writeln!(out, "{}", json_controls_escaped(&json)));
        eprintln!("{} matching articles", results.total);
        printed.err().unwrap_or(0)
    } else {
        let printed = super::stdout::print(|out| {
            writeln!(out, "{} matching articles", results.total)?;
            results.hits.iter().try_for_each(|hit| print_hit(out, hit))
        });
        printed.err().unwrap_or(0)
    }
}

fn print_hit(out: &mut impl Write, hit: &Hit) -> std::io::Result<()> {
    writeln!(out)?;
    let (date, publication, article) = (inert(&hit.date), inert(&hit.publication), inert(&hit.article));
    writeln!(out, "{date}  {publication}  page {}  {article}  (score {:.2})", hit.page, hit.score)?;
    if let Some(headline) = &hit.headline {
        writeln!(out, "  {}", inert(headline))?;
    }
    for snippet in &hit.snippets {
        let chars: Vec<char> = snippet.text.chars().collect();
        let mut marked = String::new();
        let mut at = 0;
        for &[start, end] in &snippet.highlights {
            // Ranges are sorted and within the text (the engine's promise,
            // fuzzed); one that is not is left unmarked, not a panic.
            let (Some(before), Some(hit)) = (chars.get(at..start), chars.get(start..end)) else { continue };
            marked.extend(before);
            marked.push('«');
            marked.extend(hit);
            marked.push('»');
            at = end;
        }
        marked.extend(chars.get(at..).unwrap_or_default());
        writeln!(out, "    {}", inert(&marked))?;
    }
    Ok(())
}
