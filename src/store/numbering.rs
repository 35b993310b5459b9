//! The meeting's number in the estate's series (第 N 次会议): given by the host, or else counted
//! by date among the estate's meetings, as the documents have always counted it.

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::MeetingPlan;
use crate::i18n::{SetupText as X, said};

use super::{Result, Store};

/// Refuses a number that another meeting of the same kind already has (`except` is the meeting
/// being changed): two "第 12 次业主大会" in one file is a typing slip, not a record.
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
        Some((id, title)) => Err(said!(X::NumberTaken, n = n, id = id, title = title).into()),
        None => Ok(()),
    }
}

impl Store {
    /// The meeting's number as the minutes give it: the host's, or its place by date.
    pub fn series_number(&self, meeting: i64) -> Result<u32> {
        let meetings = self.meetings()?;
        let at = meetings.iter().position(|m| m.id == meeting);
        Ok(at
            .and_then(|i| meetings[i].number)
            .unwrap_or_else(|| at.map_or(1, |i| i as u32 + 1)))
    }

    /// The number a new meeting is offered: one past the highest given or counted so far.
    pub fn next_meeting_number(&self) -> Result<u32> {
        let (count, highest): (u32, Option<u32>) =
            self.conn
                .query_row("SELECT COUNT(*), MAX(number) FROM meetings", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        Ok(count.max(highest.unwrap_or(0)) + 1)
    }
}
