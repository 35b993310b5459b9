//! Agenda files (TOML): parse, validate against the roster, report every problem with line and column.

use std::collections::HashSet;

use crate::domain::{FlatRef, MeetingPlan};

use super::Problems;

/// Parses and validates an agenda. `file` names it in messages; `flats` are the roster's flats.
pub fn parse_agenda(
    file: &str,
    text: &str,
    flats: &HashSet<FlatRef>,
) -> Result<MeetingPlan, Problems> {
    let _ = (file, text, flats);
    unimplemented!("agenda intake")
}
