//! The search index files a reader read lately, kept for its next queries:
//! a shard holds the lists of many pairs, so the queries a reader types one
//! after another often need files an earlier one fetched. The files are
//! immutable (named by their partition's hash), so a kept copy is always
//! right; the oldest go once the kept bytes pass a bound, so a long session
//! does not grow without end. This module keeps bytes; it does not fetch or
//! decode them.

use std::collections::VecDeque;
use std::rc::Rc;

/// How many bytes of index files are kept: a phone's worth of shards.
pub const RECENT_BYTES: usize = 4 << 20;

/// Files by name, least recently used first.
#[derive(Debug, Default)]
pub struct RecentFiles {
    files: VecDeque<(String, Rc<[u8]>)>,
    bytes: usize,
}

impl RecentFiles {
    /// The file `name`, if kept; it becomes the most recently used.
    pub fn get(&mut self, name: &str) -> Option<Rc<[u8]>> {
        let at = self.files.iter().position(|(kept, _)| kept == name)?;
        let entry = self.files.remove(at)?;
        let bytes = entry.1.clone();
        self.files.push_back(entry);
        Some(bytes)
    }

    /// Keeps `bytes` as the file `name`, letting the least recently used go
    /// while more than `bound` bytes are kept (a file larger than the bound
    /// is not kept).
    pub fn put(&mut self, name: &str, bytes: Rc<[u8]>, bound: usize) {
        if bytes.len() > bound || self.files.iter().any(|(kept, _)| kept == name) {
            return;
        }
        self.bytes += bytes.len();
        self.files.push_back((name.to_owned(), bytes));
        while self.bytes > bound {
            let Some((_, gone)) = self.files.pop_front() else { break };
            self.bytes -= gone.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(len: usize) -> Rc<[u8]> {
        vec![0; len].into()
    }

    #[test]
    fn the_least_recently_used_go_first_once_the_bound_is_passed() {
        let mut recent = RecentFiles::default();
        recent.put("a", file(4), 10);
        recent.put("b", file(4), 10);
        assert!(recent.get("a").is_some(), "a is used again: b is now the oldest");
        recent.put("c", file(4), 10);
        assert!(recent.get("b").is_none() && recent.get("a").is_some() && recent.get("c").is_some());
        recent.put("huge", file(11), 10);
        assert!(recent.get("huge").is_none(), "a file over the bound is not kept");
        assert_eq!(recent.bytes, 8);
    }
}
