//! Text written out a piece at a time: a renderer writes into a small `String` and hands it on
//! between rows, so a roll call of 100,000 rows is never held whole, in text or in bytes.

use std::io::{self, Write};
use std::ops::{Deref, DerefMut};

/// How much text is gathered before it is handed on.
const PIECE: usize = 64 * 1024;

/// A `String` (it derefs to one) whose text goes on to a writer as it grows.
pub struct Sink<'w> {
    text: String,
    to: &'w mut dyn Write,
    /// The first failure to write; nothing more is written after it.
    failed: Option<io::Error>,
}

impl<'w> Sink<'w> {
    pub fn new(to: &'w mut dyn Write) -> Sink<'w> {
        Sink {
            text: String::with_capacity(PIECE + PIECE / 4),
            to,
            failed: None,
        }
    }

    /// Hands the text on once there is enough of it (called between rows).
    pub fn spill(&mut self) {
        if self.text.len() >= PIECE {
            self.hand_on();
        }
    }

    fn hand_on(&mut self) {
        if self.failed.is_none()
            && let Err(e) = self.to.write_all(self.text.as_bytes())
        {
            self.failed = Some(e);
        }
        self.text.clear();
    }

    /// Hands the rest on; the first failure to write, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.hand_on();
        match self.failed.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl Deref for Sink<'_> {
    type Target = String;

    fn deref(&self) -> &String {
        &self.text
    }
}

impl DerefMut for Sink<'_> {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.text
    }
}

/// What a renderer writing through a [`Sink`] gives: its bytes, gathered into memory.
pub fn to_bytes(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Vec<u8> {
    let mut out = Vec::with_capacity(PIECE);
    render(&mut out).expect("writing into memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that takes `room` bytes, then fails.
    struct Full {
        room: usize,
        got: Vec<u8>,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.got.len() + buf.len() > self.room {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "full"));
            }
            self.got.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn text_goes_on_in_pieces_and_a_failure_is_kept() {
        let mut out = Vec::new();
        let mut sink = Sink::new(&mut out);
        for n in 0..100_000 {
            sink.push_str(&n.to_string());
            sink.push('\n');
            sink.spill();
            assert!(sink.len() < PIECE + 16, "handed on between rows");
        }
        sink.finish().unwrap();
        let expected: String = (0..100_000).map(|n| format!("{n}\n")).collect();
        assert_eq!(out, expected.as_bytes());

        let mut full = Full {
            room: PIECE * 2,
            got: Vec::new(),
        };
        let mut sink = Sink::new(&mut full);
        for _ in 0..10_000 {
            sink.push_str("0123456789abcdef0123456789abcdef");
            sink.spill();
        }
        let e = sink.finish().unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
        assert!(full.got.len() <= PIECE * 2);
    }
}
