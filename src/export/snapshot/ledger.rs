//! The action ledger as it stood for a meeting.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::{ActionStatus, Responsible};
use crate::store::{ActionRecord, MeetingRecord, ProgressRecord, Store, StoreError};

use super::instant;

/// The action ledger as it stood for this meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionLedger {
    /// Agreed at this meeting.
    pub new: Vec<ActionLine>,
    /// From earlier meetings, still open when this one took place.
    pub carried: Vec<ActionLine>,
    /// From earlier meetings, struck off since the previous meeting.
    pub closed: Vec<ActionLine>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionLine {
    pub id: i64,
    pub what: String,
    pub item_title: Option<String>,
    /// The local date of the meeting that agreed it, if any.
    pub origin: Option<Date>,
    pub responsible: Responsible,
    pub due: Option<Date>,
    /// The status as it stood for this meeting (a later closing is not shown in older minutes).
    pub status: ActionStatus,
    pub overdue: bool,
    pub progress: Vec<Progress>,
    pub closed_at: Option<Timestamp>,
    pub confirmation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub at: Option<Timestamp>,
    pub note: String,
}

/// Sorts the ledger: new actions of this meeting, those carried from earlier meetings, and those
/// closed since the previous meeting. The ledger is taken as it stood at the end of the meeting's
/// day (or when the next meeting began, if that was sooner): what happened later belongs to the
/// next meeting's minutes, so old minutes exported later read as they did on the day.
pub(super) fn gather_ledger(
    store: &Store,
    meeting: &MeetingRecord,
    actions: Vec<ActionRecord>,
) -> Result<ActionLedger, StoreError> {
    let meetings = store.meetings()?;
    let pos = meetings.iter().position(|m| m.id == meeting.id);
    let next = pos.and_then(|p| meetings.get(p + 1)).map(|m| m.starts);
    let cutoff = day_end(meeting, next);
    let since = pos
        .and_then(|p| p.checked_sub(1))
        .map(|p| day_end(&meetings[p], Some(meeting.starts)));
    let before_cutoff = |t: Option<Timestamp>| t.is_some_and(|t| t < cutoff);
    let starts: HashMap<i64, &MeetingRecord> = meetings.iter().map(|m| (m.id, m)).collect();
    let today = meeting.local_start().date();
    let mut ledger = ActionLedger::default();
    for a in actions {
        let origin = a.meeting_id.and_then(|id| starts.get(&id).copied());
        let progress: Vec<Progress> = a
            .progress
            .iter()
            .map(|p: &ProgressRecord| Progress {
                at: instant(&p.at),
                note: p.note.clone(),
            })
            .filter(|p| before_cutoff(p.at))
            .collect();
        let closed_at = a.closed_at.as_deref().and_then(instant);
        let closed_then = a.status == ActionStatus::Closed && before_cutoff(closed_at);
        let status = if closed_then {
            ActionStatus::Closed
        } else if progress.is_empty() {
            ActionStatus::Open
        } else {
            ActionStatus::InProgress
        };
        let line = ActionLine {
            id: a.id,
            what: a.what,
            item_title: a.item_title,
            origin: origin.map(|m| m.local_start().date()),
            responsible: a.responsible,
            due: a.due,
            status,
            overdue: crate::domain::action::is_overdue(status, a.due, today),
            progress,
            closed_at: closed_at.filter(|_| closed_then),
            confirmation: a.confirmation.filter(|_| closed_then),
        };
        if a.meeting_id == Some(meeting.id) {
            ledger.new.push(line);
            continue;
        }
        let origin_time = match origin {
            Some(m) => Some(m.starts),
            None => instant(&a.created_at),
        };
        if origin_time.is_none_or(|t| t >= meeting.starts) {
            continue;
        }
        if !closed_then {
            ledger.carried.push(line);
        } else if since.is_none_or(|s| line.closed_at.is_some_and(|c| c >= s)) {
            ledger.closed.push(line);
        }
    }
    for list in [&mut ledger.new, &mut ledger.carried, &mut ledger.closed] {
        list.sort_by_key(|a| a.id);
    }
    Ok(ledger)
}

/// The end of a meeting's local day, or the start of the next meeting if that comes first.
fn day_end(m: &MeetingRecord, next: Option<Timestamp>) -> Timestamp {
    let end = m
        .local_start()
        .date()
        .tomorrow()
        .ok()
        .and_then(|d| m.offset.to_timestamp(d.at(0, 0, 0, 0)).ok())
        .unwrap_or(Timestamp::MAX);
    next.map_or(end, |n| end.min(n))
}
