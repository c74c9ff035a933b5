//! `broadsheet search CORPUS QUERY`: search a corpus as the reader does.
//! CORPUS may be an archive folder (or its `archive.json`) that
//! `broadsheet publish` wrote: then its search index is used, reading only
//! the files the query needs, and `--newest` orders newest edition first
//! ([`crate::search::archive`]).
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
use std::path::{Path, PathBuf};

use super::failure::Failure;
use super::site::Site;
use super::terminal::{eprintln_inert, inert, json_controls_escaped};
use crate::archive::index_files::SearchIndex;
use crate::archive::{assemble_outline, EditionFile, ROOT_FILE};
use crate::corpus::Edition;
use crate::search::archive::{hit, search_files, story_hit, SearchError};
use crate::search::{Filter, Hit, Index, Order, Query, SearchResults};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The corpus JSON file, or an archive folder (or its archive.json).
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
    /// Only editions of the publication of this title (exactly as the
    /// corpus or archive names it).
    #[arg(long)]
    pub publication: Option<String>,
    /// Only articles printed (in part) on this page.
    #[arg(long)]
    pub page: Option<u32>,
    /// Newest edition first, best first within an edition.
    #[arg(long)]
    pub newest: bool,
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
    let filter = Filter { from: args.from.clone(), to: args.to.clone(), publication: args.publication.clone(), page: args.page };
    let order = if args.newest { Order::Newest } else { Order::Relevance };
    let query = Query::parse(&args.query).with_filter(filter).with_order(order);
    if let Some(site) = archive_folder(&args.corpus) {
        return match search_archive(&site, query, args.limit) {
            Ok(results) => print(args, &results),
            Err(failure) => {
                failure.lines.iter().for_each(|line| eprintln_inert!("{line}"));
                failure.code
            }
        };
    }
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
    print(args, &index.search(&loaded.corpus, &query, args.limit))
}

/// The archive folder `path` names: a folder, or its root file.
fn archive_folder(path: &Path) -> Option<PathBuf> {
    if path.is_dir() {
        return Some(path.to_owned());
    }
    (path.file_name()? == ROOT_FILE).then(|| path.parent().map_or_else(|| PathBuf::from("."), Path::to_owned))
}

/// Searches the archive in `folder` with its search index; the best
/// `limit` hits, their text read from their story texts (or, for editions
/// published without them, from their pages).
fn search_archive(folder: &Path, query: Query, limit: usize) -> Result<SearchResults, Failure> {
    let site = Site::new(folder);
    let root = site.root().map_err(|lines| Failure { code: super::EXIT_INVALID, lines })?;
    let root = root.ok_or_else(|| Failure::io(format!("{}: no archive here (no {ROOT_FILE})", folder.display())))?;
    let Some(index_name) = &root.search else {
        return Err(Failure::invalid(format!(
            "{}: this archive has no search index; publish into it with this version of broadsheet to add one",
            site.shown(ROOT_FILE)
        )));
    };
    let index = site.read_decoded(index_name, SearchIndex::decode)?;
    let mut read = |name: &str| std::fs::read(site.path(name)).map_err(|error| error.to_string());
    let failed = |error: SearchError| Failure::invalid(format!("{}: {}", site.shown(&error.file), error.reason));
    let mut search = search_files(&index, query, &mut read).map_err(failed)?;
    let all = search.ranked().map_or(Vec::new(), |ranked| ranked.stories.clone());
    let stories = &all[..limit.min(all.len())];
    let wanted = search.wanted_for(stories);
    search.read_files(&wanted, &mut read).map_err(failed)?;
    let mut hits = Vec::new();
    // Outlines (for story texts) or whole editions (for editions without them), by file.
    let mut editions: Vec<(String, Edition)> = Vec::new();
    for story in stories {
        let edition_ref = search.edition_of(story).ok_or_else(|| Failure::invalid(format!("{}: a story's edition is not in its head", site.shown(index_name))))?;
        let fragments = search.fragments(story).ok_or_else(|| Failure::invalid(format!("{}: a story is not in its chunk", site.shown(index_name))))?;
        let story_file = search.story_file(story);
        if !editions.iter().any(|(name, _)| *name == edition_ref.edition) {
            let edition = match story_file {
                Some(_) => assemble_outline(&site.read_decoded(&edition_ref.edition, EditionFile::decode)?),
                None => site.read_edition(&edition_ref.edition)?,
            };
            editions.push((edition_ref.edition.clone(), edition));
        }
        let edition = &editions.iter().find(|(name, _)| *name == edition_ref.edition).expect("read above").1;
        let found = match &story_file {
            Some(file) => {
                story_hit(&site.read_story(edition, file, &fragments.articles())?, story.score, search.query())
            }
            None => hit(fragments, story.score, edition, &edition_ref.publication, search.query()),
        };
        let mismatch = story_file.as_ref().unwrap_or(&edition_ref.edition);
        hits.push(found.ok_or_else(|| Failure::invalid(format!("{}: the index does not match this text; publish again", site.shown(mismatch))))?);
    }
    Ok(SearchResults { total: all.len(), hits })
}

fn print(args: &Args, results: &SearchResults) -> u8 {
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
