//! Printing results to standard output without panicking when nobody reads
//! them any more: `broadsheet validate big.json | head` closes the pipe
//! early, which `println!` would turn into a panic.
//!
//! A reader that went away ends the output quietly; any other write failure
//! (a full disk behind a redirect) is reported and is [`super::EXIT_IO`].
//! Messages for people go to stderr with `eprintln!` (made inert with
//! [`super::terminal`] when they quote untrusted text), not through here.

use std::io::{self, StdoutLock, Write};

/// Runs `write` on the locked standard output and flushes it.
pub fn print(write: impl FnOnce(&mut StdoutLock<'static>) -> io::Result<()>) -> Result<(), u8> {
    let mut out = io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => {
            eprintln!("cannot write to standard output: {error}");
            Err(super::EXIT_IO)
        }
    }
}
