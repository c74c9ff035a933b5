//! Where the stored search index of a corpus is: beside it, named as
//! `broadsheet index` names it (`corpus.json` → `corpus.index`).
//!
//! Only the location: whether the file there may be used is the engine's
//! decision ([`super::engine::Opening::new`]), against the corpus bytes.

/// The URL of the index stored beside the corpus at `corpus_url`: the last
/// path segment's extension replaced by `index` (added when it has none),
/// the query kept. `None` when the URL names no file (it ends in `/`).
pub fn index_url(corpus_url: &str) -> Option<String> {
    let end = corpus_url.find(['?', '#']).unwrap_or(corpus_url.len());
    let (path, rest) = corpus_url.split_at(end);
    let rest = rest.split('#').next().unwrap_or_default();
    let name_start = path.rfind('/').map_or(0, |slash| slash + 1);
    let name = &path[name_start..];
    if name.is_empty() || path[..name_start].ends_with("://") {
        return None;
    }
    // As Path::with_extension: a leading dot starts a name, not an extension.
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    Some(format!("{}{stem}.index{rest}", &path[..name_start]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_sits_beside_the_corpus_under_its_name() {
        assert_eq!(index_url("https://example.com/papers/corpus.json").as_deref(), Some("https://example.com/papers/corpus.index"));
        assert_eq!(index_url("chronam.json").as_deref(), Some("chronam.index"));
        assert_eq!(index_url("https://example.com/a.b/qd").as_deref(), Some("https://example.com/a.b/qd.index"));
        assert_eq!(index_url("https://example.com/.corpus").as_deref(), Some("https://example.com/.corpus.index"));
    }

    #[test]
    fn the_query_is_kept_and_the_fragment_dropped() {
        assert_eq!(index_url("https://example.com/corpus.json?v=2#top").as_deref(), Some("https://example.com/corpus.index?v=2"));
        assert_eq!(index_url("https://example.com/corpus.json#a?b").as_deref(), Some("https://example.com/corpus.index"));
    }

    #[test]
    fn a_url_that_names_no_file_has_no_index() {
        assert_eq!(index_url("https://example.com/papers/"), None);
        assert_eq!(index_url("https://example.com"), None);
        assert_eq!(index_url(""), None);
    }
}
