//! `broadsheet ingest`: plain-text pages (or ALTO layout files, told by
//! their content) into a corpus file.
//!
//! Three ways to name the pages: one file with its `--date` and `--page`; a
//! folder of page files named with their page numbers (one edition); or a
//! `--manifest` TSV listing many files of many editions. Every page is read
//! and merged in memory first; the corpus file is written only when all of
//! them were taken and the result passes validation, atomically (a temporary
//! file in the same folder, renamed over the old one). On failure the old
//! file is untouched and the message names the file and line. Concurrent
//! ingests into one corpus take turns ([`super::lock`]).
//!
//! Reading the text is [`crate::ingest`]'s job; this module does the files.
//! Its messages quote manifest cells, file names and corpus titles, so each
//! is printed [`inert`].

mod folder;
mod manifest;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::corpus_file::ReadError;
use super::failure::Failure;
use super::terminal::{eprintln_inert, inert};
use crate::corpus::{self, Corpus, Publication};
use crate::ingest::{self, Lang, PageOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A page's text or ALTO file (with --page), or a folder of page files
    /// whose names carry their page numbers (`01.txt`, `page-12.xml`).
    #[arg(required_unless_present = "manifest", conflicts_with = "manifest")]
    pub input: Option<PathBuf>,
    /// The edition's date, YYYY-MM-DD.
    #[arg(long, required_unless_present = "manifest")]
    pub date: Option<String>,
    /// The page number of a single file.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub page: Option<u32>,
    /// The printed page name of a single file, when it is not `第N版` (Chinese)
    /// or the plain number (English), e.g. `A6`.
    #[arg(long, requires = "page")]
    pub label: Option<String>,
    /// The paper's name; defaults to the corpus's publication.
    #[arg(long)]
    pub publication: Option<String>,
    /// The language of the text (`zh-CN`, `en`); detected from the text when
    /// left out.
    #[arg(long)]
    pub lang: Option<String>,
    /// A TSV file listing pages of many editions: a header line, then the
    /// columns `file date page publication lang` (file relative to the
    /// manifest).
    #[arg(long, conflicts_with_all = ["date", "page", "label", "publication", "lang"])]
    pub manifest: Option<PathBuf>,
    /// The corpus's own publication, when the output is created: its title…
    #[arg(long, requires = "corpus_lang")]
    pub corpus_title: Option<String>,
    /// …and its language.
    #[arg(long, requires = "corpus_title")]
    pub corpus_lang: Option<String>,
    /// The corpus file to add the pages to; created when missing.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// One page to read: where it is and which page of which edition it is.
struct PageJob {
    file: PathBuf,
    date: String,
    page: u32,
    label: Option<String>,
    publication: Option<String>,
    lang: Option<String>,
}

pub fn run(args: &Args) -> u8 {
    super::failure::report(ingest_all(args), || format!("{}: not written", args.output.display()))
}

/// Ingests every page asked for; the summary's lines: the pages whose
/// article boundaries were guessed (and how), then the counts.
fn ingest_all(args: &Args) -> Result<Vec<String>, Failure> {
    for tag in [&args.lang, &args.corpus_lang].into_iter().flatten() {
        known_lang(tag).map_err(Failure::invalid)?;
    }
    if let Some(date) = &args.date {
        check_date(date).map_err(Failure::invalid)?;
    }
    let jobs = jobs(args)?;
    if jobs.is_empty() {
        return Err(Failure::invalid("no pages to ingest"));
    }
    // Held until the corpus is written: a concurrent ingest waits, then adds
    // its pages to this one's result instead of overwriting it.
    let _lock = super::lock::CorpusLock::acquire(&args.output)
        .map_err(|error| Failure::io(format!("{}: {error}", args.output.display())))?;
    let mut corpus = existing_corpus(&args.output)?;
    if let (Some(title), Some(lang)) = (&args.corpus_title, &args.corpus_lang) {
        let wanted = Publication { title: title.clone(), lang: lang.clone() };
        let corpus = corpus.get_or_insert_with(|| Corpus::new(wanted.clone()));
        if corpus.publication != wanted {
            return Err(Failure::invalid(format!(
                "{}: the corpus is already \"{}\" ({}); leave out --corpus-title and --corpus-lang, or write to a new file",
                args.output.display(),
                corpus.publication.title,
                corpus.publication.lang
            )));
        }
    }
    let progress = progress_bar(jobs.len());
    let mut lines = Vec::new();
    for job in &jobs {
        progress.set_message(inert(&job.file.file_name().unwrap_or_default().to_string_lossy()).into_owned());
        if let Boundaries::Guessed(how) = ingest_page(job, args, &mut corpus)? {
            lines.push(format!("{}: {how}", job.file.display()));
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    let corpus = corpus.ok_or_else(|| Failure::invalid("no pages to ingest"))?;
    let text = corpus::to_json(&corpus);
    if let Err(error) = corpus::load(&text) {
        let mut failure =
            Failure::invalid(format!("{}: the result would not be a valid corpus:", args.output.display()));
        failure.lines.extend(error.lines().into_iter().map(|line| format!("  {line}")));
        return Err(failure);
    }
    write_atomically(&args.output, &text)?;
    lines.push(summary(&args.output, &corpus, jobs.len()));
    Ok(lines)
}

/// How a page's article boundaries were found.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Boundaries {
    /// By its blank-line layout, or by the conventions of English pages.
    Read,
    /// Guessed, as this says: a Chinese page without the blank-line layout
    /// (from its head lines), an ALTO page without METS (by type size).
    Guessed(String),
}

fn known_lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| {
        format!("language \"{tag}\": the ingest reads Chinese (zh, zh-CN, …) and English (en, en-US, …) pages")
    })
}

/// The shape `YYYY-MM-DD`; the corpus validation checks the calendar.
fn check_date(date: &str) -> Result<(), String> {
    let shaped = date.len() == 10
        && date.bytes().enumerate().all(|(at, b)| if at == 4 || at == 7 { b == b'-' } else { b.is_ascii_digit() });
    if shaped {
        Ok(())
    } else {
        Err(format!("date \"{date}\": write it as YYYY-MM-DD"))
    }
}

fn jobs(args: &Args) -> Result<Vec<PageJob>, Failure> {
    if let Some(path) = &args.manifest {
        let text = std::fs::read_to_string(path)
            .map_err(|error| Failure::io(format!("{}: cannot read the manifest: {error}", path.display())))?;
        let entries = manifest::parse(path, &text).map_err(Failure::invalid)?;
        let mut jobs = Vec::with_capacity(entries.len());
        for entry in entries {
            let at_entry = |message: String| Failure::invalid(format!("{}: {message}", entry.origin));
            check_date(&entry.date).map_err(at_entry)?;
            if let Some(tag) = &entry.lang {
                known_lang(tag).map_err(at_entry)?;
            }
            jobs.push(PageJob {
                file: entry.file,
                date: entry.date,
                page: entry.page,
                label: None,
                publication: entry.publication,
                lang: entry.lang,
            });
        }
        return Ok(jobs);
    }
    let (Some(input), Some(date)) = (&args.input, &args.date) else {
        return Err(Failure::invalid("name a page file or folder with --date, or a --manifest"));
    };
    let job = |file: PathBuf, page: u32, label: Option<String>| PageJob {
        file,
        date: date.clone(),
        page,
        label,
        publication: args.publication.clone(),
        lang: args.lang.clone(),
    };
    if !input.exists() {
        return Err(Failure::io(format!("{}: no such file or folder", input.display())));
    }
    if input.is_dir() {
        if args.page.is_some() || args.label.is_some() {
            return Err(Failure::invalid(format!(
                "{}: a folder's pages are numbered by their file names; --page and --label are for a single file",
                input.display()
            )));
        }
        let (pages, skipped) = folder::page_files(input).map_err(Failure::invalid)?;
        for path in skipped {
            eprintln_inert!("{}: skipped, its name carries no page number", path.display());
        }
        if pages.is_empty() {
            return Err(Failure::invalid(format!(
                "{}: no page files (.txt or ALTO .xml files named with their page number)",
                input.display()
            )));
        }
        return Ok(pages.into_iter().map(|file| job(file.path, file.page, None)).collect());
    }
    let Some(page) = args.page else {
        return Err(Failure::invalid(format!("{}: which page is it? Give --page", input.display())));
    };
    Ok(vec![job(input.clone(), page, args.label.clone())])
}

/// The corpus already in `output`, or `None` when there is no such file.
fn existing_corpus(output: &Path) -> Result<Option<Corpus>, Failure> {
    let text = match super::corpus_file::read(output) {
        Ok(text) => text,
        Err(ReadError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            let line = format!("{}{error}", output.display());
            return Err(Failure { code: error.exit_code(), lines: vec![line] });
        }
    };
    corpus::load(&text).map(Some).map_err(|error| {
        let name = output.display();
        let mut failure =
            Failure::invalid(format!("{name}: the existing corpus is not valid; fix it or write to a new file:"));
        failure.lines.extend(error.lines().into_iter().map(|line| format!("{name}: {line}")));
        failure
    })
}

fn ingest_page(job: &PageJob, args: &Args, corpus: &mut Option<Corpus>) -> Result<Boundaries, Failure> {
    let name = job.file.display();
    let bytes =
        std::fs::read(&job.file).map_err(|error| Failure::io(format!("{name}: cannot read the page: {error}")))?;
    let failed = |error: ingest::IngestError| Failure::invalid(format!("{name}:{}: {}", error.line, error.problem));
    let text = ingest::page_text(&bytes).map_err(failed)?;
    let convention = job.lang.as_deref().map(known_lang).transpose().map_err(Failure::invalid)?;
    let options = PageOptions { date: job.date.clone(), page: job.page, label: job.label.clone(), lang: convention };
    let (page, boundaries) = if ingest::is_alto(text.as_bytes()) {
        let alto = ingest::parse_alto_page(text, &options)
            .map_err(|error| Failure::invalid(format!("{name}:{}:{}: {}", error.line, error.column, error.message)))?;
        let mut how = format!(
            "{} in {}, without METS: {} grouped by type size (a guess)",
            alto.version,
            alto.unit,
            count(alto.page.articles.len(), "article")
        );
        if alto.illustrations > 0 {
            how.push_str(&format!("; {} not kept (the corpus has no page images yet)", count(alto.illustrations, "illustration")));
        }
        (alto.page, Boundaries::Guessed(how))
    } else {
        let page = ingest::parse_page(text, &options).map_err(failed)?;
        let boundaries = if page.lang == Lang::Chinese && !page.laid_out {
            Boundaries::Guessed("no blank-line layout (articles two blank lines apart), so its article boundaries were guessed from its head lines".to_owned())
        } else {
            Boundaries::Read
        };
        (page, boundaries)
    };
    let publication = publication_of(job, page.lang, corpus.as_ref()).ok_or_else(|| {
        Failure::invalid(format!(
            "{name}: which paper is it? {} is a new corpus: give --publication",
            args.output.display()
        ))
    })?;
    let corpus = corpus.get_or_insert_with(|| Corpus::new(publication.clone()));
    ingest::merge_page(corpus, &publication, page);
    Ok(boundaries)
}

/// The publication a page belongs to: its named title (or the corpus's), in
/// the named language, else the language the corpus already records for
/// that title, else the language read from the text.
fn publication_of(job: &PageJob, read_as: Lang, corpus: Option<&Corpus>) -> Option<Publication> {
    let title = job.publication.clone().or_else(|| corpus.map(|corpus| corpus.publication.title.clone()))?;
    let known = corpus.and_then(|corpus| {
        let editions = corpus.editions.iter().map(|edition| corpus.publication_of(edition));
        std::iter::once(&corpus.publication)
            .chain(editions)
            .find(|publication| publication.title == title)
            .map(|publication| publication.lang.clone())
    });
    let lang = job.lang.clone().or(known).unwrap_or_else(|| read_as.tag().to_owned());
    Some(Publication { title, lang })
}

fn progress_bar(pages: usize) -> ProgressBar {
    if pages < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(pages as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} pages {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// Writes the corpus so that a reader never sees half of it.
fn write_atomically(output: &Path, text: &str) -> Result<(), Failure> {
    super::atomic::write_atomically(output, text.as_bytes())
        .map_err(|error| Failure::io(format!("{}: {error}", output.display())))
}

fn summary(output: &Path, corpus: &Corpus, pages: usize) -> String {
    let articles: usize = corpus.editions.iter().map(|edition| edition.articles.len()).sum();
    let jumps = corpus
        .editions
        .iter()
        .flat_map(|edition| &edition.articles)
        .flat_map(|article| [&article.continued_from, &article.continued_on]);
    let (mut linked, mut waiting) = (0, 0);
    for jump in jumps.flatten() {
        if jump.article.is_some() {
            linked += 1;
        } else {
            waiting += 1;
        }
    }
    format!(
        "{}: ingested {}; the corpus holds {}, {}, {} linked, {} waiting for their page",
        output.display(),
        count(pages, "page"),
        count(corpus.editions.len(), "edition"),
        count(articles, "article"),
        count(linked, "jump"),
        count(waiting, "jump"),
    )
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
