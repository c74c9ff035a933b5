//! The reader's comfort settings: text size and colour scheme, kept between
//! visits in `localStorage` (when the browser allows it).
//!
//! The types here are plain values with their CSS classes, so the rules are
//! tested natively; [`use_prefs`] adds the storage, which exists only in the
//! browser. Inline styles are never used: a strict CSP forbids them.

use yew::prelude::*;

use super::options::Theme;
use super::remembered::{store, stored};

/// One of five text sizes; the root carries its class `bs-size-N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSize(u8);

impl TextSize {
    const SMALLEST: u8 = 1;
    const LARGEST: u8 = 5;
    const STORAGE_KEY: &'static str = "broadsheet.text-size";

    pub fn class(self) -> String {
        format!("bs-size-{}", self.0)
    }

    pub fn can_shrink(self) -> bool {
        self.0 > Self::SMALLEST
    }

    pub fn can_grow(self) -> bool {
        self.0 < Self::LARGEST
    }

    pub fn smaller(self) -> TextSize {
        TextSize(self.0.saturating_sub(1).max(Self::SMALLEST))
    }

    pub fn larger(self) -> TextSize {
        TextSize((self.0 + 1).min(Self::LARGEST))
    }

    /// A stored size; anything else (an old or tampered value) is `None`.
    pub fn parse(stored: &str) -> Option<TextSize> {
        let step: u8 = stored.trim().parse().ok()?;
        (Self::SMALLEST..=Self::LARGEST).contains(&step).then_some(TextSize(step))
    }
}

impl Default for TextSize {
    fn default() -> Self {
        TextSize(3)
    }
}

impl Theme {
    const STORAGE_KEY: &'static str = "broadsheet.theme";

    pub fn class(self) -> &'static str {
        match self {
            Theme::Auto => "bs-theme-auto",
            Theme::Light => "bs-theme-light",
            Theme::Dark => "bs-theme-dark",
        }
    }

    fn stored_value(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Whether the reader is dark, given what the system prefers.
    pub fn is_dark(self, system_prefers_dark: bool) -> bool {
        match self {
            Theme::Auto => system_prefers_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

/// The settings in force and the controls that change them.
#[derive(Clone, PartialEq)]
pub struct Prefs {
    pub text_size: TextSize,
    pub theme: Theme,
    /// Whether the reader shows dark, after following the system in `auto`.
    pub dark: bool,
    pub on_smaller: Callback<()>,
    pub on_larger: Callback<()>,
    /// Switches between light and dark (leaving `auto` for good).
    pub on_toggle_dark: Callback<()>,
}

/// The settings: the reader's stored choice, else the host's `theme`
/// attribute, else the system's preference.
#[hook]
pub fn use_prefs(host_theme: Theme) -> Prefs {
    let text_size = use_state(|| stored(TextSize::STORAGE_KEY).and_then(|v| TextSize::parse(&v)).unwrap_or_default());
    let theme = use_state(move || {
        stored(Theme::STORAGE_KEY).map(|v| Theme::from_attribute(Some(&v))).filter(|&t| t != Theme::Auto).unwrap_or(host_theme)
    });
    let system_dark = use_state(system_prefers_dark);
    let resize = |change: fn(TextSize) -> TextSize| {
        let text_size = text_size.clone();
        Callback::from(move |()| {
            let size = change(*text_size);
            store(TextSize::STORAGE_KEY, &size.0.to_string());
            text_size.set(size);
        })
    };
    let dark = theme.is_dark(*system_dark);
    let on_toggle_dark = {
        let theme = theme.clone();
        Callback::from(move |()| {
            let next = if dark { Theme::Light } else { Theme::Dark };
            store(Theme::STORAGE_KEY, next.stored_value());
            theme.set(next);
        })
    };
    Prefs {
        text_size: *text_size,
        theme: *theme,
        dark,
        on_smaller: resize(TextSize::smaller),
        on_larger: resize(TextSize::larger),
        on_toggle_dark,
    }
}

#[cfg(target_arch = "wasm32")]
fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches())
}

#[cfg(not(target_arch = "wasm32"))]
fn system_prefers_dark() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_size_steps_stay_within_five_sizes() {
        let mut size = TextSize::default();
        assert_eq!(size.class(), "bs-size-3");
        for _ in 0..10 {
            size = size.larger();
        }
        assert_eq!(size.class(), "bs-size-5");
        assert!(!size.can_grow() && size.can_shrink());
        for _ in 0..10 {
            size = size.smaller();
        }
        assert_eq!(size.class(), "bs-size-1");
        assert!(!size.can_shrink());
    }

    #[test]
    fn stored_sizes_are_read_back_and_bad_ones_ignored() {
        assert_eq!(TextSize::parse("4"), Some(TextSize::default().larger()));
        for bad in ["0", "6", "-1", "large", ""] {
            assert_eq!(TextSize::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn auto_follows_the_system_and_a_choice_overrides_it() {
        assert!(Theme::Auto.is_dark(true));
        assert!(!Theme::Auto.is_dark(false));
        assert!(Theme::Dark.is_dark(false));
        assert!(!Theme::Light.is_dark(true));
        for theme in [Theme::Auto, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::from_attribute(Some(theme.stored_value())), theme);
        }
    }
}
