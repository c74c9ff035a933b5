//! Which image URL a figure may load, and from where.
//!
//! Corpus text is untrusted: a `src` reaches the page only when
//! [`is_safe_url`] allows it (http, https or relative). A relative `src`
//! is relative to the corpus file, the way a stylesheet's `url()` is
//! relative to the stylesheet, so a corpus and its images can move together.

use crate::corpus::url::is_safe_url;

/// The URL to load for a figure's `src`, resolved against `corpus_url`
/// (an absolute URL); `None` when the `src` must not be loaded.
pub fn image_url(corpus_url: &str, src: &str) -> Option<String> {
    if !is_safe_url(src) {
        return None;
    }
    let src = src.trim();
    let has_scheme = src.split_once(':').is_some_and(|(scheme, _)| !scheme.contains(['/', '?', '#']));
    if has_scheme || src.starts_with("//") || !corpus_url.contains("://") {
        return Some(src.to_owned());
    }
    // Only the path of the corpus URL matters: drop its query and fragment.
    let base = corpus_url.split(['?', '#']).next().unwrap_or(corpus_url);
    let origin_end = base.find("://").map(|at| at + 3).and_then(|host| base[host..].find('/').map(|p| host + p));
    let resolved = match (src.starts_with('/'), origin_end) {
        (true, Some(end)) => format!("{}{src}", &base[..end]),
        (true, None) => format!("{base}{src}"),
        (false, Some(_)) => format!("{}{src}", &base[..base.rfind('/').map_or(base.len(), |slash| slash + 1)]),
        (false, None) => format!("{base}/{src}"),
    };
    Some(resolved)
}

#[cfg(test)]
mod tests {
    use super::image_url;

    const CORPUS: &str = "https://news.example/archive/2024/corpus.json?v=3";

    #[test]
    fn relative_images_sit_next_to_the_corpus() {
        assert_eq!(image_url(CORPUS, "img/p2.jpg").as_deref(), Some("https://news.example/archive/2024/img/p2.jpg"));
        assert_eq!(image_url(CORPUS, "/img/p2.jpg").as_deref(), Some("https://news.example/img/p2.jpg"));
        assert_eq!(image_url("https://news.example", "img/p2.jpg").as_deref(), Some("https://news.example/img/p2.jpg"));
    }

    #[test]
    fn absolute_images_are_kept() {
        for src in ["https://cdn.example/p2.jpg", "//cdn.example/p2.jpg"] {
            assert_eq!(image_url(CORPUS, src).as_deref(), Some(src));
        }
    }

    #[test]
    fn unsafe_images_are_never_loaded() {
        for src in ["javascript:alert(1)", "data:image/png;base64,AA", " java\tscript:x", ""] {
            assert_eq!(image_url(CORPUS, src), None, "{src:?}");
        }
    }
}
