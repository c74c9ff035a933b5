//! One writer at a time per corpus file: an exclusive advisory lock on a
//! `.lock` file beside it (`corpus.json` → `corpus.json.lock`), held from
//! reading the corpus to replacing it.
//!
//! Without it, two ingests into one corpus would each read the old corpus
//! and the second rename would silently drop the pages of the first. With
//! it, the second ingest waits, then reads the first one's result and adds
//! its own pages to it. The lock is on a file of its own because the corpus
//! itself is replaced by a rename, which a lock on its old inode would not
//! survive. The operating system releases the lock when the process ends,
//! even when it is killed, so no stale lock ever blocks a later ingest; the
//! empty `.lock` file stays, since removing it would let a third process lock
//! a new file while the second still holds the old one.
//!
//! This is not a guard against readers: they never see a half-written corpus
//! anyway ([`super::atomic`]).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Holds the lock on a corpus file until dropped.
#[derive(Debug)]
pub struct CorpusLock {
    _file: File,
}

/// The lock file of the corpus at `corpus`.
pub fn lock_path(corpus: &Path) -> PathBuf {
    let mut name = corpus.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl CorpusLock {
    /// Takes the lock on `corpus`, waiting while another process holds it
    /// and saying so on stderr. The error names the step that failed; the
    /// caller adds the file name.
    pub fn acquire(corpus: &Path) -> Result<CorpusLock, String> {
        let waiting = format!("{}: another ingest is writing this corpus; waiting for it to finish", corpus.display());
        Self::acquire_file(&lock_path(corpus), &waiting)
    }

    /// Takes the lock on the lock file `path` itself, saying `waiting` on
    /// stderr while another process holds it (an archive folder's lock,
    /// `SITE/.broadsheet.lock`).
    pub fn acquire_file(path: &Path, waiting: &str) -> Result<CorpusLock, String> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|error| format!("cannot create the lock file {}: {error}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                super::terminal::eprintln_inert!("{waiting}");
                file.lock().map_err(|error| format!("cannot lock {}: {error}", path.display()))?;
            }
            Err(TryLockError::Error(error)) => return Err(format!("cannot lock {}: {error}", path.display())),
        }
        Ok(CorpusLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_sits_beside_the_corpus() {
        assert_eq!(lock_path(Path::new("build/corpus.json")), Path::new("build/corpus.json.lock"));
    }

    #[test]
    fn a_second_holder_waits_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus.json");
        let first = CorpusLock::acquire(&corpus).unwrap();
        let waiter = {
            let corpus = corpus.clone();
            std::thread::spawn(move || CorpusLock::acquire(&corpus).map(|_| std::time::Instant::now()))
        };
        std::thread::sleep(std::time::Duration::from_millis(200));
        let released = std::time::Instant::now();
        drop(first);
        let acquired = waiter.join().unwrap().unwrap();
        assert!(acquired >= released, "the second lock was taken while the first was held");
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let error = CorpusLock::acquire(Path::new("/nonexistent-folder/corpus.json")).unwrap_err();
        assert!(error.starts_with("cannot create the lock file /nonexistent-folder/corpus.json.lock"), "{error}");
    }
}
