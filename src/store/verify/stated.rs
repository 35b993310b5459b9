//! Records entered later (`stated_at`): the time each event stands for, and what that time must
//! agree with — it is never later than when it was entered, and a vote closed at a stated time
//! comes after every ballot it counted and counts those present then.

use jiff::Timestamp;
use jiff::tz::Offset;
use rusqlite::Connection;
use serde_json::Value;

use super::expected::Replay;
use super::findings::Findings;
use crate::i18n::{Said, StatedText as X, said};
use crate::store::Result;
use crate::store::events::Event;
use crate::store::stated::stated_at;

/// `name` is a stored moment, said in its meeting's local time as each language writes one (the
/// stored text itself when it does not read, or the meeting is not known).
fn local(
    conn: &Connection,
    meeting: Option<i64>,
    said: Said,
    name: &'static str,
    at: &str,
) -> Said {
    let offset = meeting
        .and_then(|m| {
            conn.query_row("SELECT utc_offset FROM meetings WHERE id = ?1", [m], |r| {
                r.get::<_, i32>(0)
            })
            .ok()
        })
        .and_then(|s| Offset::from_seconds(s).ok());
    match (offset, at.parse::<Timestamp>()) {
        (Some(o), Ok(t)) => crate::store::stated::local(said, name, t, o),
        _ => said.both(name, at, at),
    }
}

/// A finding with two stored moments, each said in the meeting's local time.
fn local_two(
    conn: &Connection,
    meeting: Option<i64>,
    said: Said,
    [(first, a), (second, b)]: [(&'static str, &str); 2],
) -> Said {
    let said = local(conn, meeting, said, first, a);
    local(conn, meeting, said, second, b)
}

impl Replay {
    /// The time an event stands for: its stated time (checked), else when it was recorded.
    pub(super) fn time_of(
        &self,
        conn: &Connection,
        e: &Event,
        data: &Value,
        out: &mut Findings,
    ) -> String {
        let Some(stated) = stated_at(data) else {
            return e.at.clone();
        };
        match (stated.parse::<Timestamp>(), e.at.parse::<Timestamp>()) {
            (Err(_), _) => {
                out.event(e.id, said!(X::StatedUnreadable, stated = stated));
                e.at.clone()
            }
            (Ok(s), Ok(recorded)) if s > recorded => {
                let s = said!(X::StatedAfterRecorded);
                let moments = [("stated", stated), ("at", e.at.as_str())];
                out.event(e.id, local_two(conn, e.meeting_id, s, moments));
                stated.to_string()
            }
            _ => stated.to_string(),
        }
    }

    /// Whether an owner was present at a stated time, from the sign-ins recorded so far.
    pub(super) fn here_at(&self, meeting: i64, owner: i64, at: &str) -> bool {
        self.presence
            .get(&(meeting, owner))
            .and_then(|list| list.iter().rev().find(|(t, _)| t.as_str() <= at))
            .is_some_and(|(_, here)| *here)
    }

    /// A record entered at a stated time `at` fits what was recorded before it: a ballot on a
    /// vote decided by those present comes from an owner present then, and a sign-in or leaving is
    /// not at or before the close of such a vote (it would change who was there).
    pub(super) fn check_stated_record(
        &self,
        conn: &Connection,
        e: &Event,
        at: &str,
        out: &mut Findings,
    ) -> Result<()> {
        match (e.kind.as_str(), e.meeting_id, e.item_id, e.owner_id) {
            ("ballot" | "ballot.withdraw", Some(meeting), Some(item), Some(owner))
                if self.by_those_present(conn, item)? && !self.here_at(meeting, owner, at) =>
            {
                let s = said!(X::BallotNotHere, item = self.item_no(item));
                out.event(e.id, local(conn, Some(meeting), s, "at", at));
            }
            ("attend", Some(meeting), _, _) => {
                for (&item, x) in &self.items {
                    if let Some(closed) = x.closed_at.value.as_deref()
                        && x.meeting.value == Some(meeting)
                        && x.vote.value == "closed"
                        && closed >= at
                        && self.by_those_present(conn, item)?
                    {
                        let s = said!(X::SignInAfterClose, item = self.item_no(item));
                        let moments = [("closed", closed), ("at", at)];
                        out.event(e.id, local_two(conn, Some(meeting), s, moments));
                        break;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A vote closed at a stated time `at`: no ballot of the item may stand for a later time.
    pub(super) fn check_stated_close(
        &self,
        conn: &Connection,
        e: &Event,
        at: &str,
        out: &mut Findings,
    ) {
        let Some(item) = e.item_id else {
            return;
        };
        let latest = self
            .item_ballots
            .get(&item)
            .into_iter()
            .flatten()
            .filter_map(|b| self.ballots.get(b))
            .map(|b| b.at.value.as_str())
            .max();
        if let Some(ballot) = latest.filter(|b| *b > at) {
            let s = said!(X::ClosedBeforeBallot, item = self.item_no(item));
            let moments = [("closed", at), ("ballot", ballot)];
            out.event(e.id, local_two(conn, e.meeting_id, s, moments));
        }
    }
}
