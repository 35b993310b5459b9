//! The meeting's number in the estate's series (第 N 次会议): given by the host, or else counted
//! by date among the estate's meetings of the same kind, as the documents have always counted it.
//! Owners' meetings and residents' meetings are two series: a number is unique within its kind,
//! a meeting without one counts among its kind, and a new meeting is offered the next of its kind.

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::{MeetingKind, MeetingPlan};
use crate::i18n::{SetupText as X, said};

use super::{Result, Store};

/// Refuses a number that another meeting of the same kind already has (`except` is the meeting
/// being changed): two "第 12 次业主大会" in one file is a typing slip, not a record. The refusal
/// offers the next free number of that kind.
pub(super) fn check_number(
    conn: &Connection,
    plan: &MeetingPlan,
    except: Option<i64>,
) -> Result<()> {
    let Some(n) = plan.number else {
        return Ok(());
    };
    if n == 0 {
        return Err(said!(X::BadNumber).into());
    }
    let taken: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, title FROM meetings WHERE kind = ?1 AND number = ?2 AND id IS NOT ?3",
            params![plan.kind.as_str(), n, except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match taken {
        Some((id, title)) => {
            let next = next_number(conn, plan.kind)?;
            Err(said!(X::NumberTaken, n = n, id = id, title = title, next = next).into())
        }
        None => Ok(()),
    }
}

/// One past the highest number given or counted so far among the meetings of `kind`.
fn next_number(conn: &Connection, kind: MeetingKind) -> Result<u32> {
    let (count, highest): (u32, Option<u32>) = conn.query_row(
        "SELECT COUNT(*), MAX(number) FROM meetings WHERE kind = ?1",
        [kind.as_str()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(count.max(highest.unwrap_or(0)) + 1)
}

impl Store {
    /// The meeting's number as the minutes give it: the host's, or its place by date among the
    /// meetings of its kind.
    pub fn series_number(&self, meeting: i64) -> Result<u32> {
        let meetings = self.meetings()?;
        let Some(this) = meetings.iter().find(|m| m.id == meeting) else {
            return Ok(1);
        };
        if let Some(n) = this.number {
            return Ok(n);
        }
        let place = meetings
            .iter()
            .filter(|m| m.kind == this.kind)
            .position(|m| m.id == meeting)
            .unwrap_or(0);
        Ok(place as u32 + 1)
    }

    /// The number a new meeting of `kind` is offered: one past the highest given or counted so
    /// far among the meetings of that kind (the series a number is unique in).
    pub fn next_meeting_number(&self, kind: MeetingKind) -> Result<u32> {
        next_number(&self.conn, kind)
    }
}
