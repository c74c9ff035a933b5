//! Replacing a file so that readers see the old version or the new one,
//! never half of either: write a temporary file beside it, flush it to disk,
//! rename it over the target.
//!
//! A process killed before the rename leaves the target as it was, plus its
//! temporary file (`.corpus.json.XXXXXX.tmp`), named after the target so
//! that whoever finds it knows what it was and that it can go.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `target` atomically. The new file keeps the old file's
/// permissions, or, when it is new, is readable by all (a web server serves
/// corpora and indexes) and writable by its owner.
///
/// The error names the step that failed; the caller adds the file name.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), String> {
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if let Some(permissions) = permissions_for(target) {
        builder.permissions(permissions);
    }
    let mut file = builder
        .tempfile_in(folder)
        .map_err(|error| format!("cannot create a temporary file beside it: {error}"))?;
    file.write_all(bytes).map_err(|error| format!("cannot write: {error}"))?;
    file.as_file().sync_all().map_err(|error| format!("cannot write: {error}"))?;
    file.persist(target).map_err(|error| format!("cannot replace it: {}", error.error))?;
    Ok(())
}

fn permissions_for(target: &Path) -> Option<std::fs::Permissions> {
    if let Ok(metadata) = std::fs::metadata(target) {
        return Some(metadata.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::write_atomically;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("corpus.json");
        std::fs::write(&target, "old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_all() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("corpus.index");
        write_atomically(&target, b"x").unwrap();
        assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o644);
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let error = write_atomically(std::path::Path::new("/nonexistent-folder/x.json"), b"x").unwrap_err();
        assert!(error.starts_with("cannot create a temporary file beside it"), "{error}");
    }
}
