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
mod floors;
mod paper;
mod recount;
mod replay;
mod schema_check;
mod stated;
mod table;

use rusqlite::Connection;

use super::events::{ChainWalk, each_event};
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
    let mut out = Findings::default();
    schema_check::check(conn, &mut out)?;
    let mut walk = ChainWalk::default();
    let mut broken = false;
    let mut events = 0;
    let mut expected = Replay::new();
    // Cost plans are few: their events are kept for their own check.
    let mut cost_events = Vec::new();
    let mut floors_events = Vec::new();
    // So are a meeting's notice settings and guests.
    let mut paper_events = Vec::new();
    // One event at a time: memory holds the replayed state, never the whole chain.
    each_event(conn, |e| {
        events += 1;
        if let Some(why) = walk.check(e)
            && !broken
        {
            broken = true;
            out.event(e.id, why);
        }
        if e.kind == "item.cost" {
            cost_events.push(e.clone());
        }
        if e.kind == "roster.floors" {
            floors_events.push(e.clone());
        }
        if paper::replays(&e.kind) {
            paper_events.push(e.clone());
        }
        expected.step(conn, e, &mut out)
    })?;
    expected.check_history_count(conn, &mut out)?;
    let mut checked = expected.compare(conn, &mut out)?;
    checked.push(("cost_plans", cost::check(&cost_events, conn, &mut out)?));
    checked.extend(floors::check(&floors_events, conn, &mut out)?);
    checked.extend(paper::check(&paper_events, conn, &mut out)?);
    Ok(Verification {
        events,
        head: walk.head().to_string(),
        checked,
        findings: out.0,
    })
}
