//! Variant forms of Chinese characters through the real search: a query
//! written with a Traditional or variant form (升羣) finds the stories
//! written with the Simplified one (升群), and the other way round; a
//! Simplified character that is also the Japanese form of another (沪 for
//! 濾) finds only itself. Variant forms OpenCC leaves out come from fast2s
//! (擧 → 举, 鬭 → 斗), and settle Japanese forms that stand for two (挙 for
//! 舉 and 擧, 闘 for 鬥 and 鬭). Also the encoded index read back answers
//! the same.

use std::collections::BTreeSet;

use broadsheet::corpus::{Article, Block, Corpus, Edition, Page, Publication};
use broadsheet::search::{corpus_hash, Index, Query};

/// One edition with a story per text: ids `a0`, `a1`, ….
fn corpus_of(texts: &[&str]) -> Corpus {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Article {
            id: format!("a{i}"),
            page: 1,
            kicker: None,
            headline: Some(format!("第{i}条")),
            deck: None,
            byline: None,
            blocks: vec![Block::Paragraph { text: (*text).to_owned() }],
            continued_from: None,
            continued_on: None,
        })
        .collect();
    let mut corpus = Corpus::new(Publication { title: "测试日报".to_owned(), lang: "zh-CN".to_owned() });
    corpus.editions.push(Edition {
        date: "2024-05-01".to_owned(),
        publication: None,
        pages: vec![Page { number: 1, label: None }],
        articles,
    });
    corpus
}

fn found(index: &Index, corpus: &Corpus, query: &str) -> BTreeSet<String> {
    let results = index.search(corpus, &Query::parse(query), usize::MAX);
    assert_eq!(results.total, results.hits.len(), "{query}");
    results.hits.into_iter().map(|hit| hit.article).collect()
}

fn ids(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

#[test]
fn variant_forms_find_the_simplified_text_and_back() {
    let corpus = corpus_of(&[
        "球队今年升群，明年再战。",     // a0: Simplified
        "球隊今年升羣，明年再戰。",     // a1: 羣 of OpenCC's standard
        "这是一条无关的新闻。",         // a2
        "他认为这里的线路要改。",       // a3: Simplified
        "他認爲這裏的綫路要改。",       // a4: 爲 裏 綫
        "他認為這裡的線路要改。",       // a5: Taiwan's 為 裡 線
        "登上主峰，仏寺在半山。",       // a6: Simplified 峰, Japanese 仏
        "登上主峯，佛寺在半山。",       // a7: 峯, 佛
        "沪上新闻：过滤净水。",         // a8: 沪 (Shanghai), 滤
        "选举结果：今日举行。",         // a9: Simplified 举
        "選擧結果：今日擧行。",         // a10: 擧, only in fast2s
        "選舉結果：今日舉行。",         // a11: 舉 of TSCharacters
        "拳击比赛，两人争斗。",         // a12: Simplified 斗
        "拳擊比賽，兩人爭鬭。",         // a13: 鬭, only in fast2s
        "拳撃試合、二人の争闘。",       // a14: Japanese 闘 (鬥 or 鬭)
    ]);
    let index = Index::build(&corpus);
    let stored = index.encode(corpus_hash(b"variants"));
    let again = Index::decode(&stored, corpus_hash(b"variants")).expect("the index reads back");
    let cases: [(&[&str], &[&str]); 10] = [
        (&["升羣", "升群"], &["a0", "a1"]),
        (&["認爲這裏的綫路", "认为这里的线路", "認為這裡的線路", "认爲这裡的綫路"], &["a3", "a4", "a5"]),
        (&["主峯", "主峰"], &["a6", "a7"]),
        (&["仏寺", "佛寺"], &["a6", "a7"]),
        // 沪 is a Simplified character: not folded to 滤 though Japanese
        // writes 沪 for 濾.
        (&["沪上"], &["a8"]),
        (&["過濾", "过滤"], &["a8"]),
        (&["滤上"], &[]),
        (&["选举", "選擧", "選舉", "选挙"], &["a9", "a10", "a11"]),
        (&["擧行", "举行", "挙行"], &["a9", "a10", "a11"]),
        (&["争斗", "爭鬭", "爭鬥", "争闘"], &["a12", "a13", "a14"]),
    ];
    for (queries, expected) in cases {
        for query in queries {
            assert_eq!(found(&index, &corpus, query), ids(expected), "{query}");
            assert_eq!(found(&again, &corpus, query), ids(expected), "{query}, read back");
        }
    }
}

/// The highlights of a hit found through a variant form mark the text as
/// printed.
#[test]
fn a_variant_query_highlights_the_printed_form() {
    let query = Query::parse("升群");
    let text = "球隊今年升羣，明年再戰。";
    let chars: Vec<char> = text.chars().collect();
    let marks: Vec<String> = query.highlights(text).into_iter().map(|[start, end]| chars[start..end].iter().collect()).collect();
    assert_eq!(marks, ["升羣"]);
}
