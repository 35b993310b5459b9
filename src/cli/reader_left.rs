//! A reader that stops reading early (`pavilion roster list | head`): the command ends quietly with
//! status 0, as other command-line tools do, instead of a panic or an error about the pipe. What it
//! recorded before printing stays recorded; only the rest of the output is not written.

use std::io::{ErrorKind, Write};

use anyhow::Result;

use super::outcome::Exit;
use crate::i18n::{CmdText, said};

/// The reader of stdout is gone: nothing more to say, and nothing went wrong.
#[derive(Debug, thiserror::Error)]
#[error("the reader of the output stopped reading")]
pub struct ReaderLeft;

/// `println!` panics when stdout's reader is gone; that panic becomes a quiet exit (status 0).
/// Installed once, first thing; other panics go on to the hook that was there before.
pub fn end_quietly_when_the_reader_leaves() {
    let earlier = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let text = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied());
        if text.is_some_and(is_reader_gone) {
            std::process::exit(Exit::Ok as i32);
        }
        earlier(info);
    }));
}

/// The panic of `print!` when the pipe has no reader: "failed printing to stdout: Broken pipe
/// (os error 32)" (on Windows the pipe "is being closed", error 232).
fn is_reader_gone(panic: &str) -> bool {
    let broken = std::io::Error::from_raw_os_error(if cfg!(windows) { 232 } else { 32 });
    panic.starts_with("failed printing to stdout") && panic.ends_with(&broken.to_string())
}

/// Writes a whole document to stdout; a reader that left is [`ReaderLeft`], any other failure
/// is said in the reader's language.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Err(ReaderLeft.into()),
        Err(e) => Err(said!(CmdText::CannotWrite, path = "stdout")
            .with("error", &crate::i18n::io_reason(&e))
            .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_broken_stdout_is_the_reader_gone() {
        let broken = std::io::Error::from_raw_os_error(if cfg!(windows) { 232 } else { 32 });
        assert!(is_reader_gone(&format!(
            "failed printing to stdout: {broken}"
        )));
        assert!(!is_reader_gone(&format!(
            "failed printing to stderr: {broken}"
        )));
        assert!(!is_reader_gone(
            "failed printing to stdout: No space left on device (os error 28)"
        ));
        assert!(!is_reader_gone("index out of bounds"));
    }
}
