//! Content addresses: every archive file but the root is named after the
//! hash of its bytes, so that a host may cache it forever and a reader that
//! opened an older root still finds every file that root names.
//!
//! A name is `FOLDER/STEM.HASH.json`, `HASH` the 16 hex digits of the
//! xxh3-64 of the bytes. xxh3 is not a cryptographic hash: it guards
//! against truncated, stale or mixed-up files, not against a host that
//! forges them (a host that can do that serves the reader's code too).
//!
//! Names that a root, calendar or edition file gives are untrusted text
//! resolved against the archive's URL: [`is_archive_path`] admits only
//! plain relative paths inside the archive.

/// The content-addressed name of `bytes` under `folder`: `folder/stem.HASH.json`.
pub fn content_name(folder: &str, stem: &str, bytes: &[u8]) -> String {
    format!("{folder}/{stem}.{:016x}.json", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// The hash a folder of files is named after (a search partition's, an
/// edition's story texts): xxh3-64 of its files, by name, each its name,
/// its length (8 bytes, little-endian) and its bytes. The files in such a
/// folder carry no hash of their own: the folder's name changes with any
/// of them.
pub fn folder_hash<'a>(files: impl Iterator<Item = (&'a str, &'a [u8])>) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
    for (name, bytes) in files {
        hasher.update(name.as_bytes());
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    hasher.digest()
}

/// The hash a content-addressed name carries, if it is one.
pub fn hash_of_name(name: &str) -> Option<u64> {
    let stem = name.strip_suffix(".json")?;
    let (_, hash) = stem.rsplit_once('.')?;
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| u64::from_str_radix(hash, 16).ok())?
}

/// Whether `bytes` are what the content-addressed `name` promises.
pub fn matches_name(name: &str, bytes: &[u8]) -> bool {
    hash_of_name(name) == Some(xxhash_rust::xxh3::xxh3_64(bytes))
}

/// Whether `path` is a plain relative path inside the archive: segments of
/// ASCII letters, digits, `-`, `_` and `.`, none of them `.` or `..`, and
/// no scheme, host, query or leading slash.
pub fn is_archive_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 200
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && segment.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_carries_the_hash_of_its_bytes() {
        let name = content_name("pages/2024", "2024-09-12-p02", b"{}");
        assert!(name.starts_with("pages/2024/2024-09-12-p02.") && name.ends_with(".json"), "{name}");
        assert!(matches_name(&name, b"{}"));
        assert!(!matches_name(&name, b"{ }"));
        assert_eq!(hash_of_name("archive.json"), None);
        assert_eq!(hash_of_name("x.0123456789abcdeg.json"), None);
    }

    #[test]
    fn only_plain_relative_paths_inside_the_archive_are_admitted() {
        assert!(is_archive_path("editions/2024/2024-09-12.0123456789abcdef.json"));
        for bad in ["", "/etc/passwd", "../x.json", "a/../../x", "https://evil.example/x.json", "a//b", "a/./b", "a?b", "页/x.json", "a\\b"] {
            assert!(!is_archive_path(bad), "{bad}");
        }
    }
}
