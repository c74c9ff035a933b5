//! Writes the deterministic Chinese benchmark corpus as corpus JSON, for
//! browser benchmarks and demos:
//!
//! ```sh
//! cargo run --release --example zh_corpus -- 10000 build/zh-10k.json
//! ```
//!
//! The corpus itself is never committed; this generator is.

use broadsheet_dev::zh_corpus;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(out)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: zh_corpus ARTICLES OUT.json");
        return std::process::ExitCode::from(2);
    };
    let seed = match zh_corpus::seed_text() {
        Ok(seed) => seed,
        Err(error) => {
            eprintln!("{}: cannot read the seed page: {error}", zh_corpus::SEED_PAGE);
            return std::process::ExitCode::from(2);
        }
    };
    let corpus = zh_corpus::generate(&seed, count, 1);
    if let Err(error) = std::fs::write(out, broadsheet::corpus::to_json(&corpus)) {
        eprintln!("{out}: cannot write: {error}");
        return std::process::ExitCode::from(2);
    }
    0.into()
}
