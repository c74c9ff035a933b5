//! Joining the pieces of a paragraph that printed columns cut apart.
//!
//! A Chinese column breaks anywhere, even inside a word (`争取上合组织技` …
//! `术性教研基地`), and the pieces join with nothing between them. An English
//! column breaks between words, or inside one with a hyphen (`inter-` /
//! `rupted`), which is removed when the word goes on in lower case (a soft
//! hyphen always is).
//! Deciding *that* two pieces belong together is the page reader's job.

use super::lang::Lang;

const SOFT_HYPHEN: char = '\u{AD}';

/// Appends `next` to `text` as the continuation of the same paragraph.
pub(super) fn join_into(text: &mut String, next: &str, lang: Lang) {
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    match lang {
        Lang::Chinese => {}
        Lang::English => {
            let mut tail = text.chars().rev();
            let (last, before) = (tail.next(), tail.next());
            let next_is_lower = next.chars().next().is_some_and(char::is_lowercase);
            match last {
                Some('-') if before.is_some_and(char::is_alphabetic) && next_is_lower => {
                    text.pop();
                }
                // A soft hyphen only marks where a word may break.
                Some(SOFT_HYPHEN) => {
                    text.pop();
                }
                Some('-' | '—' | '–') => {}
                _ => text.push(' '),
            }
        }
    }
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(pieces: &[&str], lang: Lang) -> String {
        let mut text = String::new();
        for piece in pieces {
            join_into(&mut text, piece, lang);
        }
        text
    }

    #[test]
    fn chinese_pieces_join_directly() {
        assert_eq!(
            joined(&["上合示范区建设六年多来，争取上合组织技", "术性教研基地等10项国家级试点落地。"], Lang::Chinese),
            "上合示范区建设六年多来，争取上合组织技术性教研基地等10项国家级试点落地。"
        );
    }

    #[test]
    fn english_hyphens_at_line_ends_are_rejoined() {
        assert_eq!(
            joined(&["the meeting was inter-", "rupted by the mayor"], Lang::English),
            "the meeting was interrupted by the mayor"
        );
        assert_eq!(joined(&["the Anglo-", "American alliance"], Lang::English), "the Anglo-American alliance");
        assert_eq!(joined(&["a score of 5-", "0 at the end"], Lang::English), "a score of 5-0 at the end");
        assert_eq!(
            joined(&["Harrisburg to-day took", "initial steps"], Lang::English),
            "Harrisburg to-day took initial steps"
        );
    }
}
