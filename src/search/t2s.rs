//! Traditional to Simplified Chinese, one character at a time.
//!
//! The mapping is [`super::t2s_table`], generated from OpenCC's
//! single-character tables: `TSCharacters.txt`, and the Taiwan, Hong Kong
//! and Japanese variant forms (羣, 爲, 裏, 綫, 峯; 裡, 綫, 仏) folded to their
//! standard character and through it to Simplified; and, for the characters
//! OpenCC has no line for, the per-character table of the `fast2s` crate
//! that search folded with before (擧 → 举, 囘 → 回, 鬭 → 斗). A character
//! that is itself Simplified folds to something else only where
//! `TSCharacters.txt` says so (乾 → 干; not 呱 → 哌 as in fast2s). OpenCC's phrase tables are left out (乾隆 keeps 乾 in
//! OpenCC): they depend on neighbouring characters and would make the
//! analyzer's folding context-sensitive. Folding twice is folding once. It
//! does not convert Simplified to Traditional, nor words.
//!
//! The Traditional characters are in CJK Unified Ideographs and Extension A
//! (`U+3400..=U+9FFF`) but for a few dozen beyond the Basic Multilingual
//! Plane, and so are their forms. On first use the pairs are decoded into a
//! bit per character of that range that says whether it has a form, the
//! forms of those that have one in the order of the characters, and the
//! number of forms before each word of bits; the others are a short sorted
//! list. Folding a character of the range is a bit test, and for a
//! Traditional character a count of the bits set before it and an array
//! read. All of it takes about 19 KB (the dense table of before took 87).

use std::sync::OnceLock;

use super::t2s_table::{FORMS, KEYS, LEN};

/// The range of the bits: Extension A, the Yijing hexagram symbols between
/// (none of which has a form) and CJK Unified Ideographs.
const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;
const SPAN: usize = (LAST - FIRST + 1) as usize;

/// The Simplified form of `c`, or `c` itself when it has none.
#[inline]
pub fn simplify(c: char) -> char {
    let table = table();
    let index = (c as u32).wrapping_sub(FIRST) as usize;
    if index < SPAN {
        let word = table.has_form[index / 64];
        let bit = 1u64 << (index % 64);
        if word & bit == 0 {
            return c;
        }
        let rank = usize::from(table.forms_before[index / 64]) + (word & (bit - 1)).count_ones() as usize;
        return table.forms[rank];
    }
    if table.others.first().is_none_or(|&(first, _)| c < first) {
        return c;
    }
    match table.others.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(found) => table.others[found].1,
        Err(_) => c,
    }
}

/// The pairs, decoded.
struct Table {
    /// Bit `i` set when the character `FIRST + i` has a Simplified form:
    /// 3.4 KB. Simplified text, nearly all the text there is, only reads
    /// these bits, which stay in the processor's cache between queries.
    has_form: Box<[u64]>,
    /// The number of bits set in the words of `has_form` before each.
    forms_before: Box<[u16]>,
    /// The forms of the characters whose bit is set, in their order.
    forms: Box<[char]>,
    /// The characters outside the range that have a form, ascending, with
    /// their forms.
    others: Box<[(char, char)]>,
}

#[inline]
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

fn build_table() -> Table {
    let mut has_form = vec![0u64; SPAN.div_ceil(64)];
    let mut forms = Vec::with_capacity(LEN);
    let mut others = Vec::new();
    let (mut keys, mut values) = (Numbers(KEYS), Numbers(FORMS));
    let (mut from, mut to) = (0u32, 0u32);
    for _ in 0..LEN {
        let (Some(step), Some(zigzag)) = (keys.next(), values.next()) else { break };
        from = from.wrapping_add(step);
        to = to.wrapping_add((zigzag >> 1) ^ (zigzag & 1).wrapping_neg());
        let (Some(traditional), Some(simplified)) = (char::from_u32(from), char::from_u32(to)) else { continue };
        let index = from.wrapping_sub(FIRST) as usize;
        if index < SPAN {
            // Ascending, so the forms come in the order of their bits.
            has_form[index / 64] |= 1 << (index % 64);
            forms.push(simplified);
        } else {
            others.push((traditional, simplified));
        }
    }
    let mut forms_before = Vec::with_capacity(has_form.len());
    let mut before = 0u16;
    for word in &has_form {
        forms_before.push(before);
        before += word.count_ones() as u16;
    }
    Table {
        has_form: has_form.into_boxed_slice(),
        forms_before: forms_before.into_boxed_slice(),
        forms: forms.into_boxed_slice(),
        others: others.into_boxed_slice(),
    }
}

/// The LEB128 numbers of a byte string.
struct Numbers(&'static [u8]);

impl Iterator for Numbers {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut value = 0u32;
        let mut shift = 0;
        while let Some((&byte, rest)) = self.0.split_first() {
            self.0 = rest;
            value |= u32::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::simplify;

    fn fold(text: &str) -> String {
        text.chars().map(simplify).collect()
    }

    #[test]
    fn folds_traditional_characters_of_news_text() {
        assert_eq!(fold("國際經貿學院與東亞開發區"), "国际经贸学院与东亚开发区");
    }

    #[test]
    fn folds_variant_forms() {
        // 羣 爲 裏 綫 峯 are lines of TSCharacters.txt; 裡 (Taiwan's 裏), 綫
        // (Hong Kong's 線) and the Japanese 仏 単 県 come from the variant tables.
        assert_eq!(fold("升羣 爲 裏 綫 峯 裡 為 線 仏 単 県"), "升群 为 里 线 峰 里 为 线 佛 单 县");
        // From fast2s; and through it the Japanese 挙 渋 郷 闘, each of which
        // stands for two forms, one of them only in fast2s.
        assert_eq!(fold("擧 囘 厰 偸 姪 竝 鬭 鄕 挙 渋 郷 闘"), "举 回 厂 偷 侄 并 斗 乡 举 涩 乡 斗");
        // Extension A, beyond the Basic Multilingual Plane, from one to the other.
        assert_eq!(fold("\u{346F}\u{2005E}\u{205E3}\u{35F2}"), "\u{3454}\u{2003E}\u{34C6}\u{20D7E}");
    }

    #[test]
    fn leaves_simplified_and_other_text_alone() {
        for text in ["国际经贸学院", "Congress 2024", "ｆｕｌｌ", "升群为里线峰", "沪芸浜予著", "呱磐彷捍瞭", "🙂𠀀"] {
            assert_eq!(fold(text), text);
        }
    }

    /// One OpenCC dictionary file of `tests/fixtures/opencc`: each
    /// character with its candidates.
    fn read(text: &str) -> Vec<(char, Vec<char>)> {
        let one = |text: &str| {
            let mut chars = text.chars();
            let c = chars.next().expect("a character");
            assert_eq!(chars.next(), None, "{text:?} is one character");
            c
        };
        text.lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| {
                let (key, values) = line.split_once('\t').expect("key, tab, values");
                (one(key), values.split(' ').map(one).collect())
            })
            .collect()
    }

    fn gb2312_hanzi() -> BTreeSet<char> {
        let mut hanzi = BTreeSet::new();
        for lead in 0xB0u8..=0xF7 {
            for trail in 0xA1u8..=0xFE {
                let bytes = [lead, trail];
                let (text, _, malformed) = encoding_rs::GBK.decode(&bytes);
                let c = text.chars().next().expect("a character");
                if !malformed && !('\u{E000}'..='\u{F8FF}').contains(&c) {
                    hanzi.insert(c);
                }
            }
        }
        assert_eq!(hanzi.len(), 6763);
        hanzi
    }

    /// The first candidate of each line of TSCharacters.txt.
    fn ts_first() -> BTreeMap<char, char> {
        let ts = read(include_str!("../../tests/fixtures/opencc/TSCharacters.txt"));
        assert_eq!(ts.len(), 4148);
        ts.iter().map(|(from, candidates)| (*from, candidates[0])).collect()
    }

    /// The Simplified characters: those of GB 2312 and the candidates of
    /// TSCharacters.txt.
    fn simplified_characters() -> BTreeSet<char> {
        let ts = read(include_str!("../../tests/fixtures/opencc/TSCharacters.txt"));
        gb2312_hanzi().into_iter().chain(ts.into_iter().flat_map(|(_, candidates)| candidates)).collect()
    }

    /// The variant forms of OpenCC's regional tables, each with the
    /// standard characters it stands for.
    fn variant_standards() -> BTreeMap<char, BTreeSet<char>> {
        let mut standards: BTreeMap<char, BTreeSet<char>> = BTreeMap::new();
        for text in [include_str!("../../tests/fixtures/opencc/TWVariants.txt"), include_str!("../../tests/fixtures/opencc/HKVariants.txt")] {
            for (standard, variants) in read(text) {
                for variant in variants.into_iter().filter(|&variant| variant != standard) {
                    standards.entry(variant).or_default().insert(standard);
                }
            }
        }
        for (variant, candidates) in read(include_str!("../../tests/fixtures/opencc/JPShinjitaiCharacters.txt")) {
            for standard in candidates.into_iter().filter(|&standard| standard != variant) {
                standards.entry(variant).or_default().insert(standard);
            }
        }
        standards
    }

    /// The pairs of fast2s's table, `tests/fixtures/opencc/fast2s-t2s.txt`.
    fn fast2s() -> Vec<(char, char)> {
        let pairs: Vec<(char, char)> = include_str!("../../tests/fixtures/opencc/fast2s-t2s.txt")
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| {
                let chars: Vec<char> = line.chars().collect();
                assert!(chars.len() == 3 && chars[1] == ' ', "{line:?}");
                (chars[0], chars[2])
            })
            .collect();
        assert_eq!(pairs.len(), 2734);
        pairs
    }

    /// The whole table against OpenCC's files and fast2s's, as
    /// `examples/t2s_table.rs` reads them: every line of TSCharacters.txt
    /// folds to its first candidate; every variant form folds as its
    /// standard characters do, unless it is a line of TSCharacters.txt, a
    /// Simplified character or stands for characters that fold
    /// differently; every Simplified character folds to itself unless
    /// TSCharacters.txt says otherwise; the characters of fast2s that
    /// OpenCC has no line for fold as fast2s says
    /// (`every_pair_of_fast2s_folds_or_is_left_out_for_a_reason`); nothing
    /// else changes; folding twice is folding once.
    #[test]
    fn every_pair_of_the_data_folds_and_nothing_else_does() {
        let first = ts_first();
        for (&from, &to) in &first {
            if first.get(&to).is_some_and(|&next| next != to) {
                // 薴 → 苧, itself → 苎: followed to the end.
                assert_eq!(simplify(from), simplify(to), "{from} → {to} → …");
                assert_ne!(simplify(from), to, "{from}");
            } else {
                assert_eq!(simplify(from), to, "{from} (U+{:04X}) → {to}", from as u32);
            }
        }

        let simplified = simplified_characters();
        for &c in &simplified {
            if !first.contains_key(&c) {
                assert_eq!(simplify(c), c, "{c} (U+{:04X}) is Simplified", c as u32);
            }
        }

        // The standard characters fold through fast2s too: without it 挙,
        // 渋, 郷 and 闘 would stand for characters folding differently.
        let standards = variant_standards();
        let (mut variants_folded, mut conflicts) = (0, 0);
        for (&variant, of) in &standards {
            if first.contains_key(&variant) || simplified.contains(&variant) {
                continue;
            }
            let targets: BTreeSet<char> = of.iter().map(|&standard| simplify(standard)).collect();
            if targets.len() == 1 {
                let target = *targets.first().unwrap();
                assert_eq!(simplify(variant), target, "{variant} stands for {of:?}");
                variants_folded += usize::from(target != variant);
            } else {
                assert_eq!(simplify(variant), variant, "{variant} stands for {of:?}, which fold to {targets:?}");
                conflicts += 1;
            }
        }
        assert_eq!((variants_folded, conflicts), (233, 0));

        // The characters of fast2s that OpenCC has no line for.
        let from_fast2s: BTreeSet<char> = fast2s()
            .into_iter()
            .map(|(from, _)| from)
            .filter(|from| !first.contains_key(from) && !standards.contains_key(from) && simplify(*from) != *from)
            .collect();
        assert_eq!(from_fast2s.len(), 149);

        let mut changed = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let folded = simplify(c);
            assert_eq!(simplify(folded), folded, "U+{:04X} folds to U+{:04X}, which folds again", c as u32, folded as u32);
            if folded != c {
                assert!(first.contains_key(&c) || standards.contains_key(&c) || from_fast2s.contains(&c), "U+{:04X} is not in the data", c as u32);
                changed += 1;
            }
        }
        assert_eq!(changed, super::LEN);
        assert_eq!(changed, 3222 + 233 + 149);
    }

    /// The pairs of fast2s that search does not fold as fast2s does, by
    /// reason. TSCharacters.txt has a line for the character with another
    /// first candidate (瀋 → 渖, where fast2s says 沈):
    const FAST2S_DECIDED_BY_TS: &str = "瀋鉋鑪儸勣貲壠篠鰌諮飈頫訢讌疊嶠韝颺讎椏";
    /// TSCharacters.txt has a line for the character that gives the
    /// character itself first (彷 stays, where fast2s says 仿):
    const FAST2S_KEPT_BY_TS: &str = "筦餧巗仝阪甦澂鋂甯彷瞭蓧迺耑煇礮衹";
    /// The character is a Simplified one (GB 2312, or a candidate of
    /// TSCharacters.txt) that TSCharacters.txt has no line for: it stays
    /// (呱, where fast2s says 哌).
    const FAST2S_SIMPLIFIED: &str = "磐疋祗黏矽薰煅醯呵呱戯缐麹";

    /// Every pair of fast2s's table folds as fast2s says (both characters
    /// fold to one), or is one of those left out above, for its reason.
    #[test]
    fn every_pair_of_fast2s_folds_or_is_left_out_for_a_reason() {
        let first = ts_first();
        let simplified = simplified_characters();
        let (mut folding, mut left_out) = (0, BTreeSet::new());
        for (from, to) in fast2s() {
            if simplify(from) == simplify(to) {
                folding += 1;
                continue;
            }
            left_out.insert(from);
            let why = format!("{from} (U+{:04X}) → {to} in fast2s, → {} here", from as u32, simplify(from));
            if FAST2S_DECIDED_BY_TS.contains(from) {
                let candidate = first[&from];
                assert_ne!(candidate, from, "{why}");
                assert_eq!(simplify(from), simplify(candidate), "{why}");
            } else if FAST2S_KEPT_BY_TS.contains(from) {
                assert_eq!(first[&from], from, "{why}");
                assert_eq!(simplify(from), from, "{why}");
            } else if FAST2S_SIMPLIFIED.contains(from) {
                assert!(!first.contains_key(&from) && simplified.contains(&from), "{why}");
                assert_eq!(simplify(from), from, "{why}");
            } else {
                panic!("{why}, not listed as left out");
            }
        }
        let listed: BTreeSet<char> = [FAST2S_DECIDED_BY_TS, FAST2S_KEPT_BY_TS, FAST2S_SIMPLIFIED].concat().chars().collect();
        assert_eq!(left_out, listed, "listed as left out, but fold as fast2s says");
        assert_eq!((folding, listed.len()), (2734 - 50, 20 + 17 + 13));
    }
}
