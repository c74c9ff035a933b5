//! `broadsheet index CORPUS`: build the search index and write it beside the
//! corpus, as `CORPUS` with the extension `.index` (`corpus.json` →
//! `corpus.index`).
//!
//! The index records the hash of the corpus file, so readers ignore it once
//! the corpus changes. The file is written atomically (a temporary file in
//! the same directory, then renamed). Exits 1 on an invalid corpus, 2 when a
//! file cannot be read or written.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::terminal::eprintln_inert;
use crate::corpus::{self, Corpus};
use crate::search::{corpus_hash, Index};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The corpus JSON file.
    pub corpus: PathBuf,
}

/// Where the index of the corpus at `corpus` lives.
pub fn index_path(corpus: &Path) -> PathBuf {
    corpus.with_extension("index")
}

/// A corpus read from disk: its bytes' hash and the decoded, valid corpus.
pub struct LoadedCorpus {
    pub hash: u64,
    pub corpus: Corpus,
}

/// Reads and loads the corpus at `path`, reporting problems on stderr and
/// returning the exit code on failure.
pub fn load_corpus(path: &Path) -> Result<LoadedCorpus, u8> {
    let name = path.display();
    let text = super::corpus_file::read(path).map_err(|error| {
        eprintln_inert!("{name}{error}");
        error.exit_code()
    })?;
    match corpus::load(&text) {
        Ok(corpus) => Ok(LoadedCorpus { hash: corpus_hash(text.as_bytes()), corpus }),
        Err(error) => {
            let lines = error.lines();
            for line in lines.iter().take(5) {
                eprintln_inert!("{name}: {line}");
            }
            eprintln_inert!("{name}: not a valid corpus ({} problems); `broadsheet validate {name}` lists them all", lines.len());
            Err(super::EXIT_INVALID)
        }
    }
}

pub fn run(args: &Args) -> u8 {
    let loaded = match load_corpus(&args.corpus) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let started = Instant::now();
    let index = Index::build(&loaded.corpus);
    let bytes = index.encode(loaded.hash);
    let target = index_path(&args.corpus);
    if let Err(error) = super::atomic::write_atomically(&target, &bytes) {
        eprintln_inert!("{}: cannot write the index: {error}", target.display());
        return super::EXIT_IO;
    }
    eprintln_inert!(
        "{}: {} stories, {} bytes, built in {} ms",
        target.display(),
        index.story_count(),
        bytes.len(),
        started.elapsed().as_millis()
    );
    0
}

