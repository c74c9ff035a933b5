//! What a host page chooses for one reader: the attributes of
//! `<broadsheet-reader>`, parsed once when the widget mounts.

/// Where the reader keeps its current view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Routing {
    /// In the page URL's hash (`#/2024-09-12/2`): deep links, back and forward.
    #[default]
    Hash,
    /// In memory only: the host's URL is never touched.
    Memory,
}

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Routing {
    /// Parses the `routing` attribute; anything unknown falls back to hash routing.
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("memory") => Routing::Memory,
            _ => Routing::Hash,
        }
    }
}

impl Theme {
    /// Parses the `theme` attribute; anything unknown means `auto`.
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_parse_with_safe_fallbacks() {
        assert_eq!(Routing::from_attribute(Some("memory")), Routing::Memory);
        assert_eq!(Routing::from_attribute(Some(" MEMORY ")), Routing::Memory);
        assert_eq!(Routing::from_attribute(Some("history")), Routing::Hash);
        assert_eq!(Routing::from_attribute(None), Routing::Hash);
        assert_eq!(Theme::from_attribute(Some("Dark")), Theme::Dark);
        assert_eq!(Theme::from_attribute(Some("light")), Theme::Light);
        assert_eq!(Theme::from_attribute(Some("sepia")), Theme::Auto);
    }
}
