//! `verify`: is the record what its events say?
//!
//! First the event chain is walked (each row's hash over its content and the previous row's hash).
//! Then the events are replayed to rebuild what the tables must hold — every ballot with its history,
//! sign-ins, items (step, vote, result, proposal, resolution, and a digest of what was taken in),
//! notes, meetings, the roster (a digest written by each import), actions, concerns — and the tables
//! are compared with it row by row. An edit made with the `sqlite3` shell shows either as a broken
//! link (events edited, removed, reordered) or as a row that no event accounts for.

mod compare;
mod cost;
mod digest;
mod expected;
mod findings;
mod replay;
mod table;

use rusqlite::Connection;

use super::events::{first_broken_link, read_events};
use super::{Result, Store};
use expected::Replay;
use findings::Findings;

pub(crate) use digest::{ITEM_DIGEST_SQL, MEETING_DIGEST_SQL, digest_rows, roster_digest};
pub use findings::{Finding, Verification};

impl Store {
    /// Walks the event chain, replays the events, and compares the tables with what they describe.
    pub fn verify(&self) -> Result<Verification> {
        verify_connection(&self.conn)
    }
}

/// `verify` on any connection (an open store, or a backup being checked before a restore).
pub(crate) fn verify_connection(conn: &Connection) -> Result<Verification> {
    let events = read_events(conn, None)?;
    let mut out = Findings::default();
    if let Some((id, why)) = first_broken_link(&events) {
        out.event(id, why);
    }
    let expected = Replay::run(&events, &mut out);
    let mut checked = expected.compare(conn, &mut out)?;
    checked.push(("cost_plans", cost::check(&events, conn, &mut out)?));
    Ok(Verification {
        events: events.len(),
        head: events
            .last()
            .map_or_else(|| super::GENESIS.to_string(), |e| e.hash.clone()),
        checked,
        findings: out.0,
    })
}
