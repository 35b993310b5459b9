//! The day a concern was raised, against the meeting that discusses it. A day raised that a person
//! gave (an agenda file, the item form, a library caller) must not be after the meeting's day: a
//! concern comes before the meeting that discusses it, and a later day is a slip of the year or
//! month (2062 for 2026). The store refuses it whoever writes, as the agenda reader and the form
//! already do. A concern scheduled from the backlog carries the day the program recorded it: that
//! is never a slip, and entering a meeting's concerns afterwards (补录) records a later day.

use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::ItemPlan;
use crate::i18n::{SetupText as X, said};

use super::Result;

/// Refuses an item (number `item` on the agenda) whose given day raised is after `meeting`.
pub(super) fn check_item(item: i64, plan: &ItemPlan, meeting: Date) -> Result<()> {
    match plan.raised_on.filter(|day| *day > meeting) {
        Some(day) => Err(said!(
            X::ItemRaisedAfter,
            item = item,
            title = plan.title.trim(),
            day = day,
            meeting = meeting
        )
        .into()),
        None => Ok(()),
    }
}

/// Refuses moving meeting `meeting` to `day` when an item on it was given a later day raised
/// (items scheduled from the backlog keep the day they were recorded, and are not held against it).
pub(super) fn check_meeting_day(conn: &Connection, meeting: i64, day: Date) -> Result<()> {
    let later: Option<(i64, String)> = conn
        .query_row(
            "SELECT number, raised_on FROM items
             WHERE meeting_id = ?1 AND raised_on > ?2
               AND id NOT IN (SELECT item_id FROM concerns WHERE item_id IS NOT NULL)
             ORDER BY number LIMIT 1",
            params![meeting, day.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match later {
        Some((item, raised)) => Err(said!(
            X::MeetingBeforeRaised,
            item = item,
            day = raised,
            meeting = day
        )
        .into()),
        None => Ok(()),
    }
}
