//! The character-level normalization behind every comparison search makes.
//!
//! Each character of the input is mapped on its own, in this order:
//! 1. its compatibility form, NFKC of the single character for the blocks
//!    news text meets compatibility characters in ([`super::compat`]):
//!    full-width `Ａ１，` becomes `A1,`, the ideographic space becomes a
//!    space, compatibility ideographs become unified ones;
//! 2. lowercase (Unicode's full lowercase mapping, which may yield several
//!    characters);
//! 3. Traditional to Simplified Chinese ([`super::t2s`]);
//!
//! and then every run of whitespace in the output becomes a single space.
//!
//! Working per character (rather than NFKC over whole strings) keeps a map
//! from every output character back to the input character it came from,
//! which is what highlights need, and makes the mapping the same for a query
//! and for the text it is found in. The one thing it gives up is composition
//! across characters: `e` followed by a combining acute accent is not equal
//! to a precomposed `é`. News text is precomposed in practice.
//!
//! This module neither splits text into words nor builds grams: see
//! [`super::analyzer`].

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use super::compat::compatibility_form;
use super::t2s::simplify;

/// Calls `emit` with each normalized character of `c` (whitespace not yet
/// collapsed).
#[inline]
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
    } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        // CJK Unified Ideographs are NFKC-stable and caseless: only the
        // Traditional table applies. This is the hot path for Chinese text.
        emit(simplify(c));
    } else if let Ok(code) = u16::try_from(c as u32) {
        fold_remembered(c, code, emit);
    } else {
        fold_general(c, emit);
    }
}

/// What a BMP character outside the fast paths folds to when that is one
/// character, as its code plus one; [`UNKNOWN`] until first met;
/// [`SEVERAL`] when it folds to none or several. CJK punctuation is a tenth
/// of Chinese text, and each of these characters costs a few table searches
/// to fold.
fn memo() -> &'static [AtomicU32] {
    static MEMO: OnceLock<Box<[AtomicU32]>> = OnceLock::new();
    MEMO.get_or_init(|| (0..0x1_0000).map(|_| AtomicU32::new(UNKNOWN)).collect())
}

const UNKNOWN: u32 = 0;
const SEVERAL: u32 = u32::MAX;

fn fold_remembered(c: char, code: u16, mut emit: impl FnMut(char)) {
    let slot = &memo()[usize::from(code)];
    match slot.load(Ordering::Relaxed) {
        UNKNOWN => {
            let (mut count, mut only) = (0, UNKNOWN);
            fold_general(c, |folded| {
                count += 1;
                only = folded as u32 + 1;
                emit(folded);
            });
            slot.store(if count == 1 { only } else { SEVERAL }, Ordering::Relaxed);
        }
        SEVERAL => fold_general(c, emit),
        one => match char::from_u32(one - 1) {
            Some(folded) => emit(folded),
            None => fold_general(c, emit),
        },
    }
}

/// Compatibility form, then lowercase, then Simplified.
fn fold_general(c: char, mut emit: impl FnMut(char)) {
    match compatibility_form(c) {
        Some(form) => form.chars().for_each(|compatible| lower_and_simplify(compatible, &mut emit)),
        None => lower_and_simplify(c, emit),
    }
}

#[inline]
fn lower_and_simplify(c: char, mut emit: impl FnMut(char)) {
    for lower in c.to_lowercase() {
        emit(simplify(lower));
    }
}

/// Normalizes `text`, calling `emit(normalized, source)` for each output
/// character, where `source` is the index (in chars) of the input character
/// it came from. Whitespace runs are emitted as one space.
#[inline]
#[allow(clippy::explicit_counter_loop)] // see `source` below
pub fn fold_with(text: &str, mut emit: impl FnMut(char, u32)) {
    let mut folder = Folder::default();
    // A counter rather than `enumerate`, which the widget's size-optimized
    // wasm calls out of line for every character.
    let mut source = 0u32;
    for c in text.chars() {
        folder.fold(c, |folded| emit(folded, source));
        source += 1;
    }
}

/// [`fold_with`] a character at a time: what it remembers from one
/// character to the next is whether a space was just emitted, so that a run
/// of whitespace gives one.
#[derive(Clone, Copy, Debug, Default)]
pub struct Folder {
    after_space: bool,
}

impl Folder {
    /// Emits what `c` folds to.
    #[inline]
    pub fn fold(&mut self, c: char, mut emit: impl FnMut(char)) {
        fold_char(c, |folded| {
            if folded.is_whitespace() {
                if !self.after_space {
                    emit(' ');
                }
                self.after_space = true;
            } else {
                emit(folded);
                self.after_space = false;
            }
        });
    }

    /// Records that a character was folded elsewhere to one character
    /// other than a space, as [`Folder::fold`] would have: for a caller
    /// that remembers such folds.
    #[inline]
    pub fn folded_elsewhere(&mut self) {
        self.after_space = false;
    }
}

/// The normalized form of `text`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_with(text, |c, _| out.push(c));
    out
}

/// Normalized text that remembers where each character came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub chars: Vec<char>,
    /// `sources[i]` is the index, in chars of the original text, of the
    /// character that produced `chars[i]`. Non-decreasing.
    pub sources: Vec<u32>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut folded = Folded::default();
        folded.refold(text);
        folded
    }

    /// Makes this the folded form of `text`, reusing the lists' memory
    /// (snippets fold a few paragraphs per hit, ten hits a query).
    pub fn refold(&mut self, text: &str) {
        self.chars.clear();
        self.sources.clear();
        // Room for a character a byte, so that neither list grows as it
        // fills.
        self.chars.reserve(text.len());
        self.sources.reserve(text.len());
        fold_with(text, |c, source| {
            self.chars.push(c);
            self.sources.push(source);
        });
    }

    /// The range of original characters that produced `chars[start..end]`
    /// (`start < end <= chars.len()`), as `[start, end)` char offsets.
    pub fn source_range(&self, start: usize, end: usize) -> [usize; 2] {
        let first = self.sources.get(start).copied().unwrap_or(0) as usize;
        let last = self.sources.get(end.saturating_sub(1)).copied().unwrap_or(0) as usize;
        [first, last + 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn full_width_forms_fold_to_ascii() {
        assert_eq!(normalize("ＣＯＶＩＤ－１９，２０２４年"), "covid-19,2024年");
    }

    #[test]
    fn traditional_and_case_fold() {
        assert_eq!(normalize("上海合作組織 Summit"), "上海合作组织 summit");
    }

    #[test]
    fn whitespace_runs_collapse_including_ideographic_space() {
        assert_eq!(normalize("王\u{3000}\u{3000}萌 \t\n記者"), "王 萌 记者");
    }

    #[test]
    fn sources_point_at_the_original_characters() {
        let folded = Folded::new("Ａ\u{FB01}x");
        assert_eq!(folded.chars, vec!['a', 'f', 'i', 'x']);
        assert_eq!(folded.sources, vec![0, 1, 1, 2]);
        assert_eq!(folded.source_range(1, 3), [1, 2]);
    }

    /// The fast paths for ASCII and the CJK block, and what is remembered
    /// of other characters, agree with the general compatibility form →
    /// lowercase → Simplified pipeline on every character, met once or
    /// again.
    #[test]
    fn fast_paths_agree_with_the_general_pipeline() {
        for code in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(code) else { continue };
            let (mut fast, mut again) = (String::new(), String::new());
            fold_char(c, |folded| fast.push(folded));
            fold_char(c, |folded| again.push(folded));
            assert_eq!(again, fast, "U+{code:04X} met again");
            let general: String = compatibility_form(c)
                .map_or_else(|| c.to_string(), str::to_owned)
                .chars()
                .flat_map(char::to_lowercase)
                .map(simplify)
                .collect();
            assert_eq!(fast, general, "U+{code:04X}");
        }
    }

    proptest! {
        #[test]
        fn normalizing_a_concatenation_at_a_non_space_boundary_is_concatenating(a in "\\PC*", b in "\\PC*") {
            // Holds unless whitespace meets whitespace at the seam.
            let na = normalize(&a);
            let nb = normalize(&b);
            prop_assume!(!(na.ends_with(' ') && nb.starts_with(' ')));
            prop_assert_eq!(normalize(&format!("{a}{b}")), format!("{na}{nb}"));
        }
    }
}
