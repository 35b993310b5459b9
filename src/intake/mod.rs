//! Reading what people bring: agenda files (TOML) and rosters (CSV in UTF-8/GBK, XLSX).
//! Every problem is reported with where it is and what to do; nothing is written unless all is valid.

pub mod agenda;
pub mod ballots;
pub mod encoding;
pub mod problem;
pub mod roster;

pub use problem::{Location, Problem, Problems};

use std::io::Read;

use crate::i18n::{IntakeText, said};
use std::path::Path;

/// The largest agenda file read: a real one is a few kilobytes.
pub const MAX_AGENDA_BYTES: u64 = 1 << 20;
/// The largest roster file read: several thousand flats fit in well under a megabyte.
pub const MAX_ROSTER_BYTES: u64 = 32 << 20;
/// The largest written-ballots file read.
pub const MAX_BALLOTS_BYTES: u64 = 8 << 20;

/// Reads a whole input file, refusing one larger than `limit` before reading it all. `what` says
/// what the file is meant to be (IntakeText::ARoster …).
pub fn read_input(path: &Path, limit: u64, what: IntakeText) -> Result<Vec<u8>, Problem> {
    let name = path.display().to_string();
    let unreadable = |e: std::io::Error| {
        Problem::said(
            &name,
            Location::File,
            said!(IntakeText::Unreadable).with("error", &crate::i18n::io_reason(&e)),
            said!(IntakeText::CheckPath),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        // Tenths of a megabyte, rounded down: no floating point needed to say it.
        let tenths = size * 10 / 1_048_576;
        return Err(Problem::said(
            &name,
            Location::File,
            said!(
                IntakeText::TooLarge,
                size = format!("{}.{}", tenths / 10, tenths % 10),
                limit = limit >> 20
            )
            .word("what", what),
            said!(IntakeText::RightFile),
        ));
    }
    Ok(bytes)
}
