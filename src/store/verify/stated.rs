//! Records entered later (`stated_at`): the time each event stands for, and what that time must
//! agree with — it is never later than when it was entered, and a vote closed at a stated time
//! comes after every ballot it counted and counts those present then.

use jiff::Timestamp;
use serde_json::Value;

use super::expected::Replay;
use super::findings::Findings;
use crate::i18n::{StatedText as X, said};
use crate::store::events::Event;
use crate::store::stated::stated_at;

impl Replay {
    /// The time an event stands for: its stated time (checked), else when it was recorded.
    pub(super) fn time_of(&self, e: &Event, data: &Value, out: &mut Findings) -> String {
        let Some(stated) = stated_at(data) else {
            return e.at.clone();
        };
        match (stated.parse::<Timestamp>(), e.at.parse::<Timestamp>()) {
            (Err(_), _) => {
                out.event(e.id, said!(X::StatedUnreadable, stated = stated));
                e.at.clone()
            }
            (Ok(s), Ok(recorded)) if s > recorded => {
                out.event(
                    e.id,
                    said!(X::StatedAfterRecorded, stated = stated, at = e.at),
                );
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

    /// A vote closed at a stated time: no ballot of the item may stand for a later time.
    pub(super) fn check_stated_close(&self, e: &Event, data: &Value, at: &str, out: &mut Findings) {
        let (Some(item), Some(_)) = (e.item_id, stated_at(data)) else {
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
            out.event(
                e.id,
                said!(
                    X::ClosedBeforeBallot,
                    item = item,
                    closed = at,
                    ballot = ballot
                ),
            );
        }
    }
}
