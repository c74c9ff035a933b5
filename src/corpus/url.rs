//! Which URLs from a corpus may reach the page: http(s) and relative only.
//!
//! Corpus text is untrusted. A figure `src` of `javascript:` or `data:` must
//! never be handed to the browser, so every URL the reader renders passes
//! [`is_safe_url`] first, and `broadsheet validate` rejects the rest.

/// True for `http:` and `https:` URLs and for relative references
/// (`img/1.jpg`, `/img/1.jpg`, `//cdn.example/1.jpg`).
///
/// The check reads the URL the way a browser does: leading and trailing
/// control characters and spaces are dropped and tabs and newlines anywhere
/// are ignored, so `" java\tscript:"` is still seen as a `javascript:` URL.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return false;
    }
    match scheme(&cleaned) {
        Some(scheme) => scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"),
        None => !cleaned.starts_with('\\'),
    }
}

/// The scheme of an absolute URL (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::is_safe_url;

    #[test]
    fn accepts_web_and_relative_urls() {
        for url in ["https://example.com/a.jpg", "HTTP://x/y", "img/1.jpg", "/img/1.jpg", "//cdn.example/1.jpg", "a.jpg?x=1:2"] {
            assert!(is_safe_url(url), "{url}");
        }
    }

    #[test]
    fn rejects_script_data_and_disguised_schemes() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "java\tscript:x", "data:image/png;base64,AA", "vbscript:x", "file:///etc/passwd", "", "  ", "\\\\evil/x"] {
            assert!(!is_safe_url(url), "{url:?}");
        }
    }
}
