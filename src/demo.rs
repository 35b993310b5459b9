//! The demo: the sample estate (红旗小区) and its elevator meeting, built into the program so that
//! `pavilion demo` needs no set-up at all.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};

use crate::intake::agenda::parse_agenda;
use crate::intake::roster::read_roster_bytes;
use crate::store::Store;

pub const ROSTER: &[u8] = include_bytes!("../agendas/roster-hongqi.csv");
pub const AGENDA: &str = include_str!("../agendas/hongqi-2026-11-28-elevator.toml");
pub const ESTATE: &str = "红旗小区";

/// Creates the demo database at `path` if it is new, or reopens it as it was left; returns the
/// meeting to open.
pub fn prepare(path: &Path) -> Result<i64> {
    let mut store = Store::open(path)?;
    if store.estate()?.is_none() {
        store.init(ESTATE)?;
        let rows = read_roster_bytes("roster-hongqi.csv", ROSTER.to_vec())?;
        store.import_roster(&rows, "built-in sample roster")?;
    }
    if store.meetings()?.is_empty() {
        let flats: HashSet<_> = store.flat_set()?;
        let plan = parse_agenda("hongqi-2026-11-28-elevator.toml", AGENDA, &flats)?;
        store.intake(&plan, "built-in sample agenda")?;
    }
    store.resolve_meeting("latest").context("the demo meeting")
}
