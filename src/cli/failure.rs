//! A subcommand's failure: the lines to print and the exit code they call for.

use super::terminal::eprintln_inert;

/// A failure, and the exit code it calls for.
pub struct Failure {
    pub code: u8,
    pub lines: Vec<String>,
}

impl Failure {
    /// Input that has problems ([`super::EXIT_INVALID`]).
    pub fn invalid(line: impl Into<String>) -> Self {
        Failure { code: super::EXIT_INVALID, lines: vec![line.into()] }
    }

    /// A file that could not be read or written ([`super::EXIT_IO`]).
    pub fn io(line: impl Into<String>) -> Self {
        Failure { code: super::EXIT_IO, lines: vec![line.into()] }
    }
}

/// Prints a subcommand's outcome on stderr, each line made inert: the
/// summary, or the failure's lines and then `untouched` (what was left as
/// it was, `corpus.json: not written`); returns the exit code.
pub fn report(outcome: Result<Vec<String>, Failure>, untouched: impl FnOnce() -> String) -> u8 {
    match outcome {
        Ok(summary) => {
            for line in summary {
                eprintln_inert!("{line}");
            }
            0
        }
        Err(failure) => {
            for line in &failure.lines {
                eprintln_inert!("{line}");
            }
            eprintln_inert!("{}", untouched());
            failure.code
        }
    }
}
