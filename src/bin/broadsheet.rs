//! The native `broadsheet` command-line tool. See `broadsheet --help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    let cli = broadsheet::cli::Cli::parse();
    std::process::ExitCode::from(broadsheet::cli::run(cli))
}

#[cfg(target_arch = "wasm32")]
fn main() {
    panic!("the broadsheet command-line tool runs natively only");
}
