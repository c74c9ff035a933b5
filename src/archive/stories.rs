//! An edition's story texts: one small file per story (an article with its
//! continuations), so that a search hit's snippets cost the story's text
//! rather than the text of every page it is on.
//!
//! A story text is a corpus (format version 1) of that story alone: the
//! edition's date, the pages its fragments are on, and its articles whole,
//! in the edition's order (jumps between them kept: they are all in it).
//! An edition's stories are numbered as [`fragment_groups`] groups them,
//! which is how the search index numbers them too; story `N` is the file
//! `N.json` in the edition's story folder, `stories/YEAR/DATE.HASH`, HASH
//! the [`folder_hash`] of its files in story order. The outline names the
//! folder (`stories`), and so does the search index's partition head, so
//! that a hit's story text is fetched beside its outline, not after it.
//!
//! [`check_story`] checks a story text against the outline as
//! [`super::attach_page`] checks a page text: same date, publication,
//! articles, heads and jumps, so a file cut short, stale or misplaced is
//! refused. Nothing here reads or writes files.

use super::address::folder_hash;
use crate::corpus::problem::{field, index};
use crate::corpus::{Article, Corpus, Edition, Problem, Publication};
use crate::search::fragment_groups;

/// An edition's story folder and its files (names relative to the folder).
pub struct StoryTexts {
    pub folder: String,
    pub files: Vec<(String, Vec<u8>)>,
}

/// The story texts of `edition`, of `publication`, as compact JSON.
pub fn story_texts(edition: &Edition, publication: &Publication) -> StoryTexts {
    let files: Vec<(String, Vec<u8>)> = fragment_groups(edition)
        .iter()
        .enumerate()
        .map(|(n, fragments)| {
            let corpus = story_corpus(edition, publication, fragments);
            (format!("{n}.json"), serde_json::to_vec(&corpus).expect("the corpus model always serializes"))
        })
        .collect();
    let hash = folder_hash(files.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())));
    // Dates are validated as YYYY-MM-DD before an edition is published.
    let year = edition.date.get(..4).unwrap_or("0000");
    StoryTexts { folder: format!("stories/{year}/{}.{hash:016x}", edition.date), files }
}

/// The file of story `story` (its number in its edition) in the story
/// folder `folder`.
pub fn story_file(folder: &str, story: u32) -> String {
    format!("{folder}/{story}.json")
}

/// The story of `edition` whose fragments are the articles `fragments`
/// (indices into `edition.articles`), as a corpus of its own.
fn story_corpus(edition: &Edition, publication: &Publication, fragments: &[usize]) -> Corpus {
    let mut articles = fragments.to_vec();
    articles.sort_unstable();
    let articles: Vec<Article> = articles.iter().filter_map(|&a| edition.articles.get(a).cloned()).collect();
    let pages = edition.pages.iter().filter(|page| articles.iter().any(|article| article.page == page.number)).cloned().collect();
    let alone = Edition { date: edition.date.clone(), publication: None, pages, articles };
    Corpus { editions: vec![alone], ..Corpus::new(edition.publication.clone().unwrap_or_else(|| publication.clone())) }
}

/// Checks that `text`, a story text read as a corpus, is the story whose
/// fragments are the articles `fragments` (indices, in any order) of
/// `edition` (its outline, [`super::assemble_outline`]): same date and
/// publication, the same articles in the edition's order with the same
/// heads and jumps. The problems carry the story text's JSON paths.
pub fn check_story(edition: &Edition, fragments: &[u32], text: &Corpus) -> Result<(), Vec<Problem>> {
    let [story] = text.editions.as_slice() else {
        return Err(vec![Problem::new("editions", format!("a story text holds one edition, this one holds {}", text.editions.len()))]);
    };
    let path = index("editions", 0);
    let mut problems = Vec::new();
    if story.date != edition.date {
        problems.push(Problem::new(field(&path, "date"), format!("expected {}, found {}", edition.date, story.date)));
    }
    if let Some(own) = &edition.publication {
        if text.publication.title != own.title {
            problems.push(Problem::new("publication.title", format!("expected \"{}\", found \"{}\"", own.title, text.publication.title)));
        }
    }
    let mut wanted: Vec<u32> = fragments.to_vec();
    wanted.sort_unstable();
    let expected: Vec<Option<&Article>> = wanted.iter().map(|&a| edition.articles.get(a as usize)).collect();
    if expected.len() != story.articles.len() {
        problems.push(Problem::new(
            field(&path, "articles"),
            format!("the story has {} articles in the outline, {} in its text", expected.len(), story.articles.len()),
        ));
    }
    let heads = |article: &Article| Article { blocks: Vec::new(), ..article.clone() };
    for (a, (want, got)) in expected.iter().zip(&story.articles).enumerate() {
        if want.map(heads) != Some(heads(got)) {
            let outline_id = want.map_or("?", |article| article.id.as_str());
            problems.push(Problem::new(
                index(&field(&path, "articles"), a),
                format!("article \"{}\" is not the outline's \"{outline_id}\" (id, heads or jumps differ)", got.id),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::split::tests::TWO_PAGES;

    fn outline(edition: &Edition) -> Edition {
        let articles = edition.articles.iter().map(|article| Article { blocks: Vec::new(), ..article.clone() }).collect();
        Edition { publication: Some(Publication { title: "青岛日报".to_owned(), lang: "zh-CN".to_owned() }), articles, ..edition.clone() }
    }

    #[test]
    fn each_story_text_is_a_valid_corpus_of_its_fragments_and_matches_the_outline() {
        let corpus = crate::corpus::load(TWO_PAGES).unwrap();
        let edition = &corpus.editions[0];
        let texts = story_texts(edition, &corpus.publication);
        assert!(texts.folder.starts_with("stories/2024/2024-09-12."), "{}", texts.folder);
        assert!(crate::archive::is_archive_path(&story_file(&texts.folder, 1)));
        let names: Vec<&str> = texts.files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["0.json", "1.json"]);
        let read = |n: usize| crate::corpus::load(std::str::from_utf8(&texts.files[n].1).unwrap()).expect("a story text is a valid corpus");
        let continued = read(0);
        let ids: Vec<&str> = continued.editions[0].articles.iter().map(|article| article.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"], "the story's fragments, continuation included");
        assert_eq!(continued.editions[0].pages.len(), 2);
        assert_eq!(continued.editions[0].articles[1].blocks, edition.articles[2].blocks);
        check_story(&outline(edition), &[0, 2], &continued).unwrap();
        check_story(&outline(edition), &[1], &read(1)).unwrap();
    }

    #[test]
    fn a_story_text_of_another_story_or_edition_is_refused_with_its_json_path() {
        let corpus = crate::corpus::load(TWO_PAGES).unwrap();
        let edition = &corpus.editions[0];
        let texts = story_texts(edition, &corpus.publication);
        let brief = crate::corpus::load(std::str::from_utf8(&texts.files[1].1).unwrap()).unwrap();
        let problems = check_story(&outline(edition), &[0, 2], &brief).unwrap_err();
        assert_eq!(problems[0].to_string(), "editions[0].articles: the story has 2 articles in the outline, 1 in its text");
        assert_eq!(problems[1].to_string(), "editions[0].articles[0]: article \"c\" is not the outline's \"a\" (id, heads or jumps differ)");
        let mut other_day = outline(edition);
        other_day.date = "2024-09-13".to_owned();
        let problems = check_story(&other_day, &[1], &brief).unwrap_err();
        assert_eq!(problems[0].to_string(), "editions[0].date: expected 2024-09-13, found 2024-09-12");
    }

    #[test]
    fn the_folder_changes_with_any_story() {
        let corpus = crate::corpus::load(TWO_PAGES).unwrap();
        let mut edition = corpus.editions[0].clone();
        let before = story_texts(&edition, &corpus.publication).folder;
        edition.articles[1].blocks.clear();
        assert_ne!(story_texts(&edition, &corpus.publication).folder, before);
    }
}
