//! Writes `src/search/t2s_table.rs`, the Traditional-to-Simplified table
//! search folds with (see `src/search/t2s.rs`), from OpenCC's dictionary
//! text files, as the `opencc` npm package ships them:
//!
//! ```sh
//! npm pack opencc@1.4.2 && tar xzf opencc-1.4.2.tgz
//! cargo run --example t2s_table -- package/data/dictionary src/search/t2s_table.rs
//! ```
//!
//! (It writes the file itself once it has run: a shell redirection would
//! empty the table before the library it belongs to is compiled.
//! `tests/fixtures/opencc/` keeps a copy of the four files read, which the
//! tests check the table against; the generator reads either folder.) It
//! also reads, built in, the per-character table of the `fast2s` crate
//! 0.3.1 (MIT), which search folded with before OpenCC and which the
//! repository keeps as `tests/fixtures/opencc/fast2s-t2s.txt`. What it
//! counts and leaves out goes to the standard error.
//!
//! # The table
//!
//! Single characters only, no phrases, always towards Simplified:
//! 1. every line of `TSCharacters.txt` (Traditional → Simplified), its first
//!    candidate, when that is not the character itself;
//! 2. the variant forms of OpenCC's regional tables, read in reverse so that
//!    a variant folds to its standard character and that one through
//!    `TSCharacters.txt`: `TWVariants.txt` and `HKVariants.txt` map a
//!    standard character to its Taiwan or Hong Kong forms;
//!    `JPShinjitaiCharacters.txt` already maps a Japanese form (shinjitai)
//!    to the standard ones (OpenCC 1.4.2 has no `JPVariants.txt`: its
//!    conversion to Japanese forms uses this file reversed). A
//!    variant is left out when `TSCharacters.txt` has a line for it (that
//!    line decides), when it is itself a Simplified character (of GB 2312,
//!    or a candidate of `TSCharacters.txt`: Japanese 芸 stands for 藝, but
//!    芸 is a Chinese character of its own), and when its standard
//!    characters fold to different characters (a conflict). The standard
//!    characters fold through `TSCharacters.txt` and the pairs of 3, to the
//!    end: 挙 stands for 舉 (→ 举) and 擧, which only fast2s folds (→ 举);
//! 3. the pairs of fast2s for the characters OpenCC leaves out, variant
//!    forms mostly (擧 → 举, 囘 → 回, 鬭 → 斗, 鄕 → 乡): a pair is left
//!    out when `TSCharacters.txt` has a line for its character (瀋 → 渖,
//!    not fast2s's 沈; 彷 stays itself, not 仿), when its character is a
//!    Simplified one, as in 2 (fast2s folds 呱 to 哌, 磐 to 盘, 捍 to 扞),
//!    and when it is a variant form of OpenCC's tables (which decide);
//! 4. then every character is followed through the table until it folds to
//!    itself, so that folding twice is folding once (薴 → 苧 → 苎).
//!
//! # The encoding
//!
//! Two byte strings of LEB128 numbers, one number a pair: `KEYS`, the
//! differences between successive Traditional characters (ascending, from
//! 0), and `FORMS`, the differences between successive Simplified forms
//! (from 0), zigzag-encoded since they go both ways. The differences are a
//! byte or two each and repeat (the forms of a run of characters with one
//! radical are a run too), so that the table costs 5.6 KB less gzipped wasm
//! than as two `u32` arrays (which characters beyond the Basic Multilingual
//! Plane need), and 6.3 KB less than as `(u32, u32)` pairs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The OpenCC release the table is generated from, written into its header.
const OPENCC_VERSION: &str = "1.4.2";

/// fast2s's per-character table, which the repository keeps (see the
/// header of the file).
const FAST2S: &str = include_str!("../tests/fixtures/opencc/fast2s-t2s.txt");

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(folder), Some(output), None) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: cargo run --example t2s_table -- OPENCC_DICTIONARY_FOLDER src/search/t2s_table.rs");
        std::process::exit(2);
    };
    let ts = read(&folder, "TSCharacters.txt");
    let traditional: BTreeMap<char, char> = ts.iter().map(|(key, candidates)| (*key, candidates[0])).collect();
    let simplified: BTreeSet<char> =
        gb2312_hanzi().into_iter().chain(ts.iter().flat_map(|(_, candidates)| candidates.iter().copied())).collect();

    // Each variant character with the standard characters it stands for.
    let mut standards: BTreeMap<char, BTreeSet<char>> = BTreeMap::new();
    for file in ["TWVariants.txt", "HKVariants.txt"] {
        for (standard, variants) in read(&folder, file) {
            for variant in variants.into_iter().filter(|&variant| variant != standard) {
                standards.entry(variant).or_default().insert(standard);
            }
        }
    }
    for (variant, candidates) in read(&folder, "JPShinjitaiCharacters.txt") {
        for standard in candidates.into_iter().filter(|&standard| standard != variant) {
            standards.entry(variant).or_default().insert(standard);
        }
    }

    let mut table: BTreeMap<char, char> =
        traditional.iter().filter(|(from, to)| from != to).map(|(&from, &to)| (from, to)).collect();
    let identities = traditional.len() - table.len();

    // The fast2s pairs for characters OpenCC has no line for.
    let fast2s = read_fast2s(FAST2S);
    let (mut from_fast2s, mut fast2s_simplified) = (BTreeMap::new(), Vec::new());
    let (mut fast2s_decided_by_ts, mut fast2s_decided_by_variants) = (0, 0);
    for &(from, to) in &fast2s {
        if traditional.contains_key(&from) {
            fast2s_decided_by_ts += 1;
        } else if simplified.contains(&from) {
            fast2s_simplified.push(format!("{from}→{to}"));
        } else if standards.contains_key(&from) {
            fast2s_decided_by_variants += 1;
        } else if from != to {
            from_fast2s.insert(from, to);
        }
    }

    // The variants' standard characters fold through TSCharacters.txt and
    // fast2s, to the end; through TSCharacters.txt alone, some variants
    // stand for characters that fold differently, which fast2s settles.
    let follow = |table: &BTreeMap<char, char>, mut c: char| {
        for _ in 0..table.len() {
            match table.get(&c) {
                Some(&next) if next != c => c = next,
                _ => break,
            }
        }
        c
    };
    let ts_only = table.clone();
    let mut through_fast2s = table.clone();
    through_fast2s.extend(from_fast2s.iter().map(|(&from, &to)| (from, to)));
    let (mut added, mut decided_by_ts, mut simplified_kept, mut conflicts, mut settled) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (&variant, of) in &standards {
        let targets: BTreeSet<char> = of.iter().map(|&standard| follow(&through_fast2s, standard)).collect();
        if let Some(&to) = traditional.get(&variant) {
            if targets != BTreeSet::from([follow(&through_fast2s, to)]) {
                decided_by_ts.push(format!("{variant}→{to} (not {})", string(&targets)));
            }
        } else if targets == BTreeSet::from([variant]) {
            // Its standard character folds to it already.
        } else if simplified.contains(&variant) {
            simplified_kept.push(format!("{variant} (not →{})", string(&targets)));
        } else if targets.len() > 1 {
            conflicts.push(format!("{variant} (→{} from {})", string(&targets), string(of)));
        } else {
            let to = *targets.first().expect("a variant has a standard character");
            table.insert(variant, to);
            added.push(format!("{variant}→{to}"));
            let without: BTreeSet<char> = of.iter().map(|&standard| follow(&ts_only, standard)).collect();
            if without.len() > 1 {
                settled.push(format!("{variant}→{to} (from {}, not →{} without fast2s)", string(of), string(&without)));
            }
        }
    }
    for (&from, &to) in &from_fast2s {
        assert!(table.insert(from, to).is_none(), "{from} is in OpenCC's tables");
    }

    let mut followed = Vec::new();
    let closed: BTreeMap<char, char> = table
        .iter()
        .map(|(&from, &to)| {
            let last = follow(&table, to);
            assert_ne!(from, last, "{from} folds back to itself through the table");
            if last != to {
                followed.push(format!("{from}→{to}→{last}"));
            }
            (from, last)
        })
        .collect();
    let fold = |c: char| *closed.get(&c).unwrap_or(&c);
    let fast2s_otherwise: Vec<String> = fast2s
        .iter()
        .filter(|&&(from, to)| traditional.contains_key(&from) && fold(from) != fold(to))
        .map(|&(from, to)| format!("{from}→{} (not {to})", fold(from)))
        .collect();
    let fast2s_folding = fast2s.iter().filter(|&&(from, to)| fold(from) == fold(to)).count();

    eprintln!("TSCharacters.txt: {} lines, {} fold, {identities} give the character itself first", traditional.len(), traditional.len() - identities);
    eprintln!("variant characters: {}", standards.len());
    eprintln!("  added: {}: {}", added.len(), added.join(" "));
    eprintln!("  settled through fast2s: {}: {}", settled.len(), settled.join(", "));
    eprintln!("  decided by TSCharacters.txt against the variant tables: {}: {}", decided_by_ts.len(), decided_by_ts.join(", "));
    eprintln!("  Simplified characters left alone: {}: {}", simplified_kept.len(), simplified_kept.join(", "));
    eprintln!("  conflicts skipped: {}: {}", conflicts.len(), conflicts.join(", "));
    eprintln!("fast2s pairs: {}", fast2s.len());
    eprintln!("  added (OpenCC has no line for them): {}: {}", from_fast2s.len(), from_fast2s.iter().map(|(from, to)| format!("{from}→{to}")).collect::<Vec<_>>().join(" "));
    eprintln!("  decided by TSCharacters.txt: {fast2s_decided_by_ts}, of which fold otherwise: {}: {}", fast2s_otherwise.len(), fast2s_otherwise.join(", "));
    eprintln!("  decided by the variant tables: {fast2s_decided_by_variants}");
    eprintln!("  Simplified characters left alone: {}: {}", fast2s_simplified.len(), fast2s_simplified.join(" "));
    eprintln!("  fold as fast2s says: {fast2s_folding}");
    eprintln!("followed to the end: {}: {}", followed.len(), followed.join(", "));
    eprintln!("pairs: {}", closed.len());
    let source = source(&closed, TableCounts {
        ts: traditional.len() - identities,
        variants: added.len(),
        settled: settled.len(),
        fast2s: from_fast2s.len(),
        fast2s_simplified: fast2s_simplified.len(),
        fast2s_otherwise: fast2s_otherwise.len(),
        conflicts: conflicts.len(),
        simplified: simplified_kept.len(),
    });
    std::fs::write(&output, source).unwrap_or_else(|error| panic!("{}: {error}", output.display()));
}

/// The pairs of fast2s's table: a character, a space, its Simplified form.
fn read_fast2s(text: &str) -> Vec<(char, char)> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut chars = line.chars();
            match (chars.next(), chars.next(), chars.next(), chars.next()) {
                (Some(from), Some(' '), Some(to), None) => (from, to),
                _ => panic!("fast2s-t2s.txt: {line:?} is not a character, a space and a character"),
            }
        })
        .collect()
}

/// The lines of an OpenCC dictionary file: a character, then its candidates.
fn read(folder: &Path, file: &str) -> Vec<(char, Vec<char>)> {
    let path = folder.join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (key, values) = line.split_once('\t').unwrap_or_else(|| panic!("{file}: no tab in {line:?}"));
            let one = |text: &str| {
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => c,
                    _ => panic!("{file}: {text:?} is not one character"),
                }
            };
            (one(key), values.split(' ').map(one).collect())
        })
        .collect()
}

/// The 6,763 hanzi of GB 2312, rows 16 to 87, decoded as GBK (which keeps
/// GB 2312's code points); the 5 empty places of row 55 decode to private
/// use characters and are left out.
fn gb2312_hanzi() -> Vec<char> {
    let mut hanzi = Vec::new();
    for lead in 0xB0u8..=0xF7 {
        for trail in 0xA1u8..=0xFE {
            let bytes = [lead, trail];
            let (text, _, malformed) = encoding_rs::GBK.decode(&bytes);
            let mut chars = text.chars();
            if let (false, Some(c), None) = (malformed, chars.next(), chars.next()) {
                if !('\u{E000}'..='\u{F8FF}').contains(&c) {
                    hanzi.push(c);
                }
            }
        }
    }
    assert_eq!(hanzi.len(), 6763, "GB 2312 has 6,763 hanzi");
    hanzi
}

fn string(chars: &BTreeSet<char>) -> String {
    chars.iter().collect()
}

struct TableCounts {
    ts: usize,
    variants: usize,
    settled: usize,
    fast2s: usize,
    fast2s_simplified: usize,
    fast2s_otherwise: usize,
    conflicts: usize,
    simplified: usize,
}

fn source(table: &BTreeMap<char, char>, counts: TableCounts) -> String {
    let (mut keys, mut forms) = (Vec::new(), Vec::new());
    let (mut last_key, mut last_form) = (0i64, 0i64);
    for (&from, &to) in table {
        leb128(&mut keys, (from as i64 - last_key) as u64);
        let difference = to as i64 - last_form;
        leb128(&mut forms, ((difference << 1) ^ (difference >> 63)) as u64);
        (last_key, last_form) = (from as i64, to as i64);
    }
    let conflicts = match counts.conflicts {
        0 => String::new(),
        n => format!(",\n//! {n} variants that stand for characters folding differently"),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! The Traditional-to-Simplified character table: {pairs} pairs, of
//! which {ts} are the single-character lines of OpenCC's `TSCharacters.txt`
//! that change a character (their first candidate), {variants} the variant
//! forms of `TWVariants.txt`, `HKVariants.txt` (read in reverse) and
//! `JPShinjitaiCharacters.txt`, through `TSCharacters.txt` to Simplified
//! ({settled} of them through fast2s: 挙 stands for 擧 and 舉, both → 举), and
//! {fast2s} characters OpenCC has no line for, from the per-character table of
//! the `fast2s` crate 0.3.1 (擧 → 举, 囘 → 回, 鬭 → 斗).
//! Left out: {simplified} variants that are Simplified characters themselves
//! (沪, 芸, 著), {fast2s_simplified} pairs of fast2s that would fold a Simplified
//! character (呱 → 哌, 磐 → 盘){conflicts}; and {fast2s_otherwise} pairs of fast2s that
//! `TSCharacters.txt` decides otherwise (瀋 → 渖, not 沈; 彷 stays).
//!
//! Generated from the dictionary files of the `opencc` npm package
//! {OPENCC_VERSION} (OpenCC, Apache-2.0) and from fast2s's table as
//! `tests/fixtures/opencc/fast2s-t2s.txt` keeps it (MIT; see
//! THIRD-PARTY-NOTICES.md) by `examples/t2s_table.rs`, whose header says
//! what is taken and how it is encoded. Do not edit by hand; regenerate
//! with:
//!
//! ```sh
//! npm pack opencc@{OPENCC_VERSION} && tar xzf opencc-{OPENCC_VERSION}.tgz
//! cargo run --example t2s_table -- package/data/dictionary src/search/t2s_table.rs
//! ```

/// The number of pairs.
pub const LEN: usize = {pairs};

/// The Traditional characters, ascending: each the previous one (0 for the
/// first) plus a LEB128 number.
pub const KEYS: &[u8; {}] = {};

/// Their Simplified forms, in the same order: each the previous form (0
/// for the first) plus a zigzag-encoded LEB128 number.
pub const FORMS: &[u8; {}] = {};",
        keys.len(),
        byte_string(&keys),
        forms.len(),
        byte_string(&forms),
        pairs = table.len(),
        ts = counts.ts,
        variants = counts.variants,
        settled = counts.settled,
        fast2s = counts.fast2s,
        fast2s_simplified = counts.fast2s_simplified,
        fast2s_otherwise = counts.fast2s_otherwise,
        simplified = counts.simplified,
    );
    out
}

fn leb128(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A byte string literal over several lines, continued with `\`.
fn byte_string(bytes: &[u8]) -> String {
    let mut out = String::from("b\"\\\n    ");
    for (index, byte) in bytes.iter().enumerate() {
        if index > 0 && index % 24 == 0 {
            out.push_str("\\\n    ");
        }
        let _ = write!(out, "\\x{byte:02X}");
    }
    out.push('"');
    out
}
