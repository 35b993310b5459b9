//! Paper records entered afterwards (`--at TIME`, 补录): the row takes the time the paper states;
//! the event keeps the time it was recorded (so the chain stays in recording order) and carries
//! the stated time as `stated_at`. What depends on time — who was present when a ballot was given,
//! which ballots a vote closed on — is judged at the stated time, and the past never changes: a
//! closed vote gains no ballot, and no sign-in changes who was present when it closed.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::tz::Offset;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{Event, ItemRecord, Result, Store};
use crate::domain::rule::Electorate;
use crate::i18n::{Said, StatedText as X, said};
use crate::lang::Lang;

/// The times of one record: what its row says, what its event says, and the stated time if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct When {
    /// The row's time: the stated time, else now.
    pub row: String,
    /// The event's time: always when it was recorded.
    pub event: String,
    pub stated: bool,
}

impl When {
    /// A record made now.
    pub(crate) fn now(now: String) -> When {
        When {
            row: now.clone(),
            event: now,
            stated: false,
        }
    }

    /// The event's data, with `stated_at` when the time was stated.
    pub(crate) fn mark(&self, mut data: Value) -> Value {
        if self.stated
            && let Some(map) = data.as_object_mut()
        {
            map.insert("stated_at".into(), Value::String(self.row.clone()));
        }
        data
    }
}

/// A moment in the meeting's local time, for a message: both languages.
pub(crate) fn local(said: Said, name: &'static str, at: Timestamp, o: Offset) -> Said {
    let dt = o.to_datetime(at);
    said.both(
        name,
        crate::i18n::date_time(Lang::Zh, dt),
        crate::i18n::date_time(Lang::En, dt),
    )
}

/// A stored moment in the meeting's local time, for a message (as stored if it does not read).
fn local_text(said: Said, name: &'static str, at: &str, o: Offset) -> Said {
    match at.parse::<Timestamp>() {
        Ok(t) => local(said, name, t, o),
        Err(_) => said.both(name, at, at),
    }
}

/// The time an event stands for: its `stated_at`, else when it was recorded.
pub(crate) fn stated_at(data: &Value) -> Option<&str> {
    data.get("stated_at").and_then(Value::as_str)
}

impl Store {
    /// The times of a record in `meeting`: now, or a stated time, which must not be later than
    /// now nor earlier than the meeting's start.
    pub(crate) fn when(&self, meeting: i64, stated: Option<Timestamp>) -> Result<When> {
        let now = self.now();
        let Some(stated) = stated else {
            return Ok(When::now(now));
        };
        let meeting = self.meeting(meeting)?;
        let stated = Timestamp::from_second(stated.as_second()).unwrap_or(stated);
        let o = meeting.offset;
        let now_t: Timestamp = now.parse().unwrap_or(Timestamp::MAX);
        if stated > now_t {
            let s = local(said!(X::InFuture), "at", stated, o);
            return Err(local(s, "now", now_t, o).into());
        }
        if stated < meeting.starts {
            let s = local(said!(X::BeforeStart), "at", stated, o);
            return Err(local(s, "starts", meeting.starts, o).into());
        }
        Ok(When {
            row: stated.to_string(),
            event: now,
            stated: true,
        })
    }

    /// A stated sign-in of `owner` at `when`: not before their sign-in record, and not before the
    /// close of a vote decided by those present (it would change who was there).
    pub(crate) fn check_stated_sign_in(
        &self,
        meeting: i64,
        owner: i64,
        flat: &crate::domain::FlatRef,
        when: &When,
    ) -> Result<()> {
        if !when.stated {
            return Ok(());
        }
        let meeting = self.meeting(meeting)?;
        let o = meeting.offset;
        const SIGN_IN: &str =
            "SELECT at FROM attendance WHERE meeting_id = ?1 AND owner_id = ?2 AND at > ?3";
        if let Some(later) = self.later_record(SIGN_IN, meeting.id, owner, when)? {
            let s = said!(X::SignInLater, flat = flat);
            return Err(local_text(s, "later", &later, o).into());
        }
        for item in self.items(meeting.id)? {
            if let Some(closed) = &item.closed_at
                && item.rule.electorate == Electorate::Present
                && item.vote_closed
                && *closed >= when.row
            {
                let s = said!(X::ChangesClosedVote, item = item.number);
                let s = local_text(s, "closed", closed, o);
                return Err(local_text(s, "at", &when.row, o).into());
            }
        }
        Ok(())
    }

    /// A stated ballot of `owner` on `item`: after their ballot recorded so far, and (for a vote
    /// decided by those present) given while they were signed in.
    pub(crate) fn check_stated_ballot(
        &self,
        item: &ItemRecord,
        owner: i64,
        flat: &crate::domain::FlatRef,
        when: &When,
    ) -> Result<()> {
        if !when.stated {
            return Ok(());
        }
        let o = self.meeting(item.meeting_id)?.offset;
        const BALLOT: &str = "SELECT at FROM ballots
             WHERE item_id = ?1 AND owner_id = ?2 AND current = 1 AND at > ?3";
        if let Some(later) = self.later_record(BALLOT, item.id, owner, when)? {
            let s = said!(X::BallotLater, flat = flat, item = item.number);
            return Err(local_text(s, "later", &later, o).into());
        }
        if item.rule.electorate == Electorate::Present
            && !present_at(&self.conn, item.meeting_id, Some(owner), &when.row)?
                .get(&owner)
                .copied()
                .unwrap_or(false)
        {
            let s = said!(X::NotHereThen, item = item.number, flat = flat);
            return Err(local_text(s, "at", &when.row, o).into());
        }
        Ok(())
    }

    /// The time of an owner's record (`sql`: of a meeting or an item, an owner, later than a
    /// time) later than the stated time, if any: a stated record never goes back before it.
    fn later_record(&self, sql: &str, of: i64, owner: i64, when: &When) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(sql, params![of, owner, when.row], |r| r.get(0))
            .optional()?)
    }

    /// A vote closed at a stated time: no ballot of the item may be later.
    pub(crate) fn check_stated_close(&self, item: &ItemRecord, when: &When) -> Result<()> {
        if !when.stated {
            return Ok(());
        }
        let latest: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT b.at, f.building || '-' || f.unit || '-' || f.room
                 FROM ballots b JOIN flats f ON f.id = b.flat_id
                 WHERE b.item_id = ?1 AND b.at > ?2 ORDER BY b.at DESC LIMIT 1",
                params![item.id, when.row],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((at, flat)) = latest {
            let o = self.meeting(item.meeting_id)?.offset;
            let s = said!(X::CloseBeforeBallot, item = item.number, flat = flat);
            return Err(local_text(s, "ballot", &at, o).into());
        }
        Ok(())
    }

    /// Who was present at `at` (a stored moment), by owner: the last sign-in or leaving each
    /// owner has at or before that time.
    pub(crate) fn present_at(&self, meeting: i64, at: &str) -> Result<HashMap<i64, bool>> {
        present_at(&self.conn, meeting, None, at)
    }
}

/// Each owner's presence at `at` from the meeting's sign-in events (one owner's, if given): the
/// last one standing for a time at or before `at`. A stated sign-in is never earlier than the
/// owner's previous one, so the last such event in the chain is the one that held then.
fn present_at(
    conn: &Connection,
    meeting: i64,
    owner: Option<i64>,
    at: &str,
) -> Result<HashMap<i64, bool>> {
    let mut stmt = conn.prepare_cached(
        "SELECT owner_id, at, data FROM events
         WHERE meeting_id = ?1 AND kind = 'attend' AND (?2 IS NULL OR owner_id = ?2) ORDER BY id",
    )?;
    let mut rows = stmt.query(params![meeting, owner])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let (Some(owner), recorded, data): (Option<i64>, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?)
        else {
            continue;
        };
        let data: Value = serde_json::from_str(&data).unwrap_or(Value::Null);
        let time = stated_at(&data).unwrap_or(&recorded);
        if time <= at {
            let here = data.get("status").and_then(Value::as_str) != Some("left");
            out.insert(owner, here);
        }
    }
    Ok(out)
}

/// The records of a meeting entered later, each with when it was entered, read from its events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnteredLater {
    /// By owner: their sign-in record as it stands was entered later.
    pub sign_ins: HashMap<i64, Timestamp>,
    /// By ballot id.
    pub ballots: HashMap<i64, Timestamp>,
    /// By item id and the note's place among the item's notes in the order entered (from 0): the
    /// k-th `note.add` event of an item records its k-th note, as `verify` checks.
    pub notes: HashMap<(i64, usize), Timestamp>,
    /// By item id: its vote's closing.
    pub closes: HashMap<i64, Timestamp>,
}

/// The events of meeting ?1 that [`EnteredLater::add`] looks at, through `events_meeting`.
pub(crate) const LATER_EVENTS: &str =
    "SELECT id, at, kind, meeting_id, item_id, owner_id, data, prev_hash, hash FROM events
     WHERE meeting_id = ?1
       AND (kind IN ('attend', 'note.add') OR instr(data, '\"stated_at\"') > 0)
     ORDER BY id";

impl EnteredLater {
    /// From a meeting's events, in order.
    pub fn of<'a>(events: impl IntoIterator<Item = &'a Event>) -> EnteredLater {
        let mut out = EnteredLater::default();
        let mut seen_notes = HashMap::new();
        for e in events {
            out.add(e, &mut seen_notes);
        }
        out
    }

    /// One more event of the meeting, in order; `seen_notes` counts each item's notes so far.
    pub(crate) fn add(&mut self, e: &Event, seen_notes: &mut HashMap<i64, usize>) {
        let note = match (e.kind.as_str(), e.item_id) {
            ("note.add", Some(item)) => {
                let n = seen_notes.entry(item).or_default();
                *n += 1;
                Some((item, *n - 1))
            }
            _ => None,
        };
        // Only stated records need their data read.
        let later = e.data.contains("\"stated_at\"").then(|| {
            let data: Value = serde_json::from_str(&e.data).unwrap_or(Value::Null);
            let recorded = e.at.parse::<Timestamp>().ok();
            (recorded.filter(|_| stated_at(&data).is_some()), data)
        });
        let (later, data) = match later {
            Some((Some(t), data)) => (Some(t), data),
            _ => (None, Value::Null),
        };
        let id = |key: &str| data.get(key).and_then(Value::as_i64);
        match (e.kind.as_str(), later) {
            // The sign-in row is the owner's last: a later one entered live clears the mark.
            ("attend", _) => {
                if let Some(owner) = e.owner_id {
                    match later {
                        Some(t) => self.sign_ins.insert(owner, t),
                        None => self.sign_ins.remove(&owner),
                    };
                }
            }
            ("ballot" | "ballot.withdraw", Some(t)) => {
                if let Some(b) = id("ballot") {
                    self.ballots.insert(b, t);
                }
            }
            ("note.add", Some(t)) => {
                if let Some(n) = note {
                    self.notes.insert(n, t);
                }
            }
            ("vote.close", Some(t)) => {
                if let Some(item) = e.item_id {
                    self.closes.insert(item, t);
                }
            }
            _ => {}
        }
    }

    /// A meeting's, read one event at a time, and only the events [`EnteredLater::add`] looks at
    /// (sign-ins, notes, and records stated afterwards): a meeting of 80,000 ballots entered live
    /// is neither held in memory nor handed over row by row.
    pub fn of_meeting(store: &Store, meeting: i64) -> Result<EnteredLater> {
        let mut out = EnteredLater::default();
        let mut seen_notes = HashMap::new();
        let mut stmt = store.conn.prepare_cached(LATER_EVENTS)?;
        let mut rows = stmt.query([meeting])?;
        while let Some(r) = rows.next()? {
            out.add(&super::events::event_of(r)?, &mut seen_notes);
        }
        Ok(out)
    }

    pub fn is_empty(&self) -> bool {
        self.sign_ins.is_empty()
            && self.ballots.is_empty()
            && self.notes.is_empty()
            && self.closes.is_empty()
    }
}
