//! An archive folder on disk: its files read by name and checked against
//! the hash the name carries, and new content-addressed files written once.
//!
//! A content-addressed file is written to a temporary file beside it and
//! renamed into place, so that a name in the folder always holds its whole
//! content: a publish killed midway leaves at worst a temporary file
//! (`.NAME.XXXXXX.tmp`, which `publish --prune` removes), and a later
//! publish that finds the name there may take it as written. The root is
//! [`super::atomic`]'s, and the lock [`super::lock`]'s.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::failure::Failure;
use crate::archive::{self, assemble_outline, attach_page, check_story, ArchiveError, EditionFile, Root, ROOT_FILE};
use crate::corpus::{self, Corpus, Edition};

/// The archive folder `SITE`.
pub struct Site {
    folder: PathBuf,
}

/// Why a file of the archive could not be read.
pub enum ReadFailure {
    Missing,
    Unreadable(std::io::Error),
    /// Its bytes are not what its name promises (cut short, or changed
    /// after it was published).
    HashMismatch,
}

impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadFailure::Missing => write!(f, "missing"),
            ReadFailure::Unreadable(error) => write!(f, "cannot read it: {error}"),
            ReadFailure::HashMismatch => {
                write!(f, "its bytes do not match the hash in its name (cut short, or changed after it was published)")
            }
        }
    }
}

impl Site {
    pub fn new(folder: &Path) -> Site {
        Site { folder: folder.to_owned() }
    }

    /// Where the archive's file `name` is.
    pub fn path(&self, name: &str) -> PathBuf {
        self.folder.join(name)
    }

    /// `SITE/name` as people see it in messages.
    pub fn shown(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    /// The root's text, or `None` when there is no archive here yet.
    pub fn root_text(&self) -> Result<Option<String>, String> {
        match std::fs::read(self.path(ROOT_FILE)) {
            Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| "not UTF-8: a root is JSON in UTF-8".to_owned()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(format!("cannot read it: {error}")),
        }
    }

    /// The root, or `None` when there is no archive here yet; the error is
    /// the lines to print.
    pub fn root(&self) -> Result<Option<Root>, Vec<String>> {
        let shown = self.shown(ROOT_FILE);
        let Some(text) = self.root_text().map_err(|error| vec![format!("{shown}: {error}")])? else {
            return Ok(None);
        };
        Root::decode(&text).map(Some).map_err(|error| error.lines().into_iter().map(|line| format!("{shown}: {line}")).collect())
    }

    /// The bytes of the content-addressed file `name`, checked against the
    /// hash in its name.
    pub fn read_named(&self, name: &str) -> Result<Vec<u8>, ReadFailure> {
        let bytes = std::fs::read(self.path(name)).map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => ReadFailure::Missing,
            _ => ReadFailure::Unreadable(error),
        })?;
        if archive::address::matches_name(name, &bytes) {
            Ok(bytes)
        } else {
            Err(ReadFailure::HashMismatch)
        }
    }

    /// Writes the content-addressed file `name` unless it is there already
    /// (same name, same length: same content); says whether it wrote it.
    pub fn write_named(&self, name: &str, bytes: &[u8]) -> Result<bool, String> {
        let target = self.path(name);
        if std::fs::metadata(&target).is_ok_and(|metadata| metadata.len() == bytes.len() as u64) {
            return Ok(false);
        }
        let folder = target.parent().unwrap_or(&self.folder);
        let failed = |what: &str, error: std::io::Error| format!("{}: cannot {what}: {error}", target.display());
        std::fs::create_dir_all(folder).map_err(|error| failed("create its folder", error))?;
        let file_name = target.file_name().unwrap_or_default().to_string_lossy();
        let prefix = format!(".{file_name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // A static host serves every file to everyone.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let mut file = builder
            .tempfile_in(folder)
            .map_err(|error| failed("create a temporary file beside it", error))?;
        file.write_all(bytes).map_err(|error| failed("write", error))?;
        file.persist(&target).map_err(|error| failed("rename it into place", error.error))?;
        Ok(true)
    }

    /// The archive's file `name`, read, checked against its name's hash and
    /// decoded by `decode` (`Calendar::decode`, `EditionFile::decode`…);
    /// the failure names the file.
    pub fn read_decoded<T>(&self, name: &str, decode: fn(&str) -> Result<T, ArchiveError>) -> Result<T, Failure> {
        let shown = self.shown(name);
        let bytes = self.read_named(name).map_err(|error| Failure::invalid(format!("{shown}: {error}")))?;
        let text = String::from_utf8(bytes).map_err(|_| Failure::invalid(format!("{shown}: not UTF-8")))?;
        decode(&text).map_err(|error| Failure {
            code: super::EXIT_INVALID,
            lines: error.lines().into_iter().map(|line| format!("{shown}: {line}")).collect(),
        })
    }

    /// The story text `file` ([`crate::archive::stories`]), checked to be
    /// the story of `outline` (an edition assembled from its outline) whose
    /// fragments are the articles `fragments`.
    pub fn read_story(&self, outline: &Edition, file: &str, fragments: &[u32]) -> Result<Corpus, Failure> {
        // A story text carries no hash in its name: its folder's name does.
        let story = self.corpus_file(file, std::fs::read(self.path(file)))?;
        check_story(outline, fragments, &story).map_err(|problems| self.not_as_promised(file, &problems))?;
        Ok(story)
    }

    /// The whole edition whose outline is the archive file `name`: its
    /// outline with every page's text attached.
    pub fn read_edition(&self, name: &str) -> Result<Edition, Failure> {
        self.read_outline_and_edition(name).map(|(_, edition)| edition)
    }

    /// The outline that the archive file `name` holds, and its whole
    /// edition ([`Site::read_edition`]).
    pub fn read_outline_and_edition(&self, name: &str) -> Result<(EditionFile, Edition), Failure> {
        let outline = self.read_decoded(name, EditionFile::decode)?;
        let mut edition = assemble_outline(&outline);
        for page in &outline.pages {
            let corpus = self.corpus_file(&page.text, self.read_named(&page.text))?;
            attach_page(&mut edition, page.page.number, corpus).map_err(|problems| self.not_as_promised(&page.text, &problems))?;
        }
        Ok((outline, edition))
    }

    /// The corpus in the archive file `name` (a page or story text), from
    /// its bytes as read.
    fn corpus_file(&self, name: &str, bytes: Result<Vec<u8>, impl std::fmt::Display>) -> Result<Corpus, Failure> {
        let shown = self.shown(name);
        let bytes = bytes.map_err(|error| Failure::invalid(format!("{shown}: {error}")))?;
        let text = String::from_utf8(bytes).map_err(|_| Failure::invalid(format!("{shown}: not UTF-8")))?;
        corpus::load(&text).map_err(|error| Failure::invalid(format!("{shown}: {}", error.lines().join("; "))))
    }

    /// The archive file `name` is not what its outline promises: `problems`.
    fn not_as_promised(&self, name: &str, problems: &[corpus::Problem]) -> Failure {
        Failure::invalid(format!("{}: {}", self.shown(name), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))
    }
}
