//! A subcommand's failure: the lines to print and the exit code they call for.

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
