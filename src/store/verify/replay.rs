//! Replaying the events, in order, into the state they describe.

use serde_json::Value;

use super::expected::{
    ExpAction, ExpAttendance, ExpBallot, ExpConcern, ExpItem, ExpMeeting, ExpNote, ExpProgress,
    ExpResult, Replay,
};
use super::findings::{Findings, Shown, set};
use rusqlite::Connection;

use crate::i18n::{FindingText as F, said};
use crate::store::Result;
use crate::store::events::Event;

fn text(data: &Value, key: &str) -> Option<String> {
    data.get(key).and_then(Value::as_str).map(str::to_string)
}

/// "the '{kind}' event lacks …" for an event whose data does not hold what its kind needs.
pub(super) fn lacking(e: &Event, what: F) -> crate::i18n::Said {
    said!(F::Lacks, kind = e.kind).word("what", what)
}

fn int(data: &Value, key: &str) -> Option<i64> {
    data.get(key).and_then(Value::as_i64)
}

impl Replay {
    pub(super) fn new() -> Replay {
        Replay {
            concern_links_known: true,
            ..Replay::default()
        }
    }

    /// Replays one event (events come in order); what must be read from the tables at that moment
    /// (the roster's history, a closed vote's ballots) is checked there and then.
    pub(super) fn step(&mut self, conn: &Connection, e: &Event, out: &mut Findings) -> Result<()> {
        let data: Value = match serde_json::from_str(&e.data) {
            Ok(v) => v,
            Err(_) => {
                out.event(e.id, said!(F::Unreadable));
                return Ok(());
            }
        };
        match e.kind.as_str() {
            "roster.import" => self.roster_import(conn, e, &data, out)?,
            "item.step" if text(&data, "to").as_deref() == Some("decided") => {
                if let Some(item) = e.item_id
                    && let Some(x) = self.items.get(&item)
                    && x.vote.value != "closed"
                    && self.votes(conn, item)? == Some(true)
                {
                    out.event(e.id, said!(F::DecidedWhileOpen, item = self.item_no(item)));
                }
            }
            _ => {}
        }
        let at = self.time_of(conn, e, &data, out);
        // Entered later at a stated time: what that time must agree with.
        let stated = crate::store::stated::stated_at(&data).map(|_| at.as_str());
        if let Some(at) = stated {
            self.check_stated_record(conn, e, at, out)?;
        }
        self.apply(e, &data, &at, out);
        if e.kind == "vote.close" {
            if let Some(at) = stated {
                self.check_stated_close(conn, e, at, out);
            }
            self.recount(conn, e, stated, out)?;
            if let Some(item) = e.item_id {
                self.compare_item_ballots(conn, item, out)?;
            }
        }
        Ok(())
    }

    fn apply(&mut self, e: &Event, data: &Value, at: &str, out: &mut Findings) {
        let id = e.id;
        let mut lacks = |what: F| out.event(id, lacking(e, what));
        match e.kind.as_str() {
            "estate.init" => self.estate = Some((text(data, "name"), set(e.at.clone(), id))),
            "roster.import" => self.roster = Some((text(data, "digest"), id)),
            "meeting.intake" => {
                let Some(m) = e.meeting_id else {
                    return lacks(F::LacksMeeting);
                };
                self.meetings.insert(
                    m,
                    ExpMeeting {
                        digest: text(data, "digest").map(|d| set(d, id)),
                        title: set(text(data, "title"), id),
                        created_at: set(e.at.clone(), id),
                        others: set(String::new(), id),
                        number: set(int(data, "number"), id),
                    },
                );
            }
            "meeting.others" => {
                if let Some(m) = e.meeting_id.and_then(|m| self.meetings.get_mut(&m)) {
                    m.others = set(text(data, "others").unwrap_or_default(), id);
                } else {
                    lacks(F::LacksMeetingBefore);
                }
            }
            "item.add" => {
                let Some(item) = e.item_id else {
                    return lacks(F::LacksItem);
                };
                match data.get("concern") {
                    None => self.concern_links_known = false,
                    Some(c) => {
                        if let Some(concern) = c.as_i64().and_then(|c| self.concerns.get_mut(&c)) {
                            concern.item = set(Some(item), id);
                        }
                    }
                }
                self.items.insert(
                    item,
                    ExpItem {
                        added: id,
                        meeting: set(e.meeting_id, id),
                        number: set(int(data, "number"), id),
                        title: set(text(data, "title"), id),
                        digest: text(data, "digest").map(|d| set(d, id)),
                        step: set("raised".into(), id),
                        vote: set("open".into(), id),
                        result: set(ExpResult::Exact(None), id),
                        closed_at: set(None, id),
                        proposal: data
                            .get("proposal")
                            .map(|p| set(p.as_str().map(str::to_string), id)),
                        resolution: set(None, id),
                    },
                );
            }
            "meeting.edit" => {
                let Some(m) = e.meeting_id.and_then(|m| self.meetings.get_mut(&m)) else {
                    return lacks(F::LacksMeetingBefore);
                };
                m.title = set(text(data, "title"), id);
                m.number = set(int(data, "number"), id);
                m.digest = text(data, "digest").map(|d| set(d, id));
            }
            "item.edit" => {
                let Some(item) = e.item_id.and_then(|i| self.items.get_mut(&i)) else {
                    return lacks(F::LacksItemBefore);
                };
                item.title = set(text(data, "title"), id);
                item.digest = text(data, "digest").map(|d| set(d, id));
            }
            "item.order" => {
                let moved = data.get("items").and_then(Value::as_array);
                for m in moved.into_iter().flatten() {
                    let Some(item) = int(m, "item").and_then(|i| self.items.get_mut(&i)) else {
                        return lacks(F::LacksItemBefore);
                    };
                    item.number = set(int(m, "number"), id);
                    item.digest = text(m, "digest").map(|d| set(d, id));
                }
            }
            "item.step" => {
                let Some(item) = e.item_id.and_then(|i| self.items.get_mut(&i)) else {
                    return lacks(F::LacksItemBefore);
                };
                let from = text(data, "from");
                if from.as_deref() != Some(item.step.value.as_str()) {
                    out.event(
                        id,
                        said!(
                            F::StepFrom,
                            item = e.item_id.unwrap_or_default(),
                            at = item.step.event
                        )
                        .with("from", &from.shown())
                        .with("was", &item.step.value.shown()),
                    );
                }
                item.step = set(text(data, "to").unwrap_or_default(), id);
            }
            "item.proposal" | "item.resolution" => {
                let Some(item) = e.item_id.and_then(|i| self.items.get_mut(&i)) else {
                    return lacks(F::LacksItemBefore);
                };
                let value = set(text(data, "text"), id);
                if e.kind == "item.proposal" {
                    item.proposal = Some(value);
                } else {
                    item.resolution = value;
                }
            }
            "vote.close" => {
                let Some(item) = e.item_id.and_then(|i| self.items.get_mut(&i)) else {
                    return lacks(F::LacksItemBefore);
                };
                item.vote = set("closed".into(), id);
                item.closed_at = set(Some(at.to_string()), id);
                let result = match data.get("result") {
                    Some(v) => ExpResult::Exact(v.as_str().map(str::to_string)),
                    // An item without a vote records no figures.
                    None if data.get("votes") == Some(&Value::Bool(false)) => {
                        ExpResult::Exact(None)
                    }
                    None => ExpResult::Passed(data.get("passed").and_then(Value::as_bool)),
                };
                item.result = set(result, id);
            }
            // A speaking turn's length changes no table; it must name its item and a length.
            "speaking.turn" => {
                let seconds = data.get("seconds").and_then(Value::as_u64);
                if e.item_id.is_none_or(|i| !self.items.contains_key(&i))
                    || !seconds.is_some_and(|s| (1..=30 * 60).contains(&s))
                {
                    lacks(F::LacksTurn);
                }
            }
            "note.add" => {
                let Some(item) = e.item_id else {
                    return lacks(F::LacksItem);
                };
                self.notes.entry(item).or_default().push(ExpNote {
                    speaker: text(data, "speaker").unwrap_or_default(),
                    point: text(data, "point").unwrap_or_default(),
                    at: at.to_string(),
                    event: id,
                });
            }
            "attend" => {
                let (Some(meeting), Some(owner)) = (e.meeting_id, e.owner_id) else {
                    return lacks(F::LacksMeetingAndOwner);
                };
                let status = text(data, "status").unwrap_or_default();
                self.presence
                    .entry((meeting, owner))
                    .or_default()
                    .push((at.to_string(), status != "left"));
                self.attendance.insert(
                    (meeting, owner),
                    ExpAttendance {
                        status: set(status, id),
                        proxy: set(text(data, "proxy"), id),
                        at: set(at.to_string(), id),
                    },
                );
            }
            "ballot" | "ballot.withdraw" => self.ballot(e, data, at, out),
            "action.add" => {
                let Some(action) = int(data, "action") else {
                    return lacks(F::LacksActionId);
                };
                self.actions.insert(
                    action,
                    ExpAction {
                        item: set(e.item_id, id),
                        meeting: set(e.meeting_id, id),
                        what: set(text(data, "what"), id),
                        responsible: set(text(data, "responsible"), id),
                        due: set(text(data, "due"), id),
                        status: set("open".into(), id),
                        created_at: set(e.at.clone(), id),
                        closed_at: set(None, id),
                        confirmation: set(None, id),
                        progress: Vec::new(),
                    },
                );
            }
            "action.progress" => {
                let Some(action) = int(data, "action").and_then(|a| self.actions.get_mut(&a))
                else {
                    return lacks(F::LacksActionBefore);
                };
                action.status = set("in-progress".into(), id);
                action.progress.push(ExpProgress {
                    meeting: e.meeting_id,
                    note: text(data, "note").unwrap_or_default(),
                    at: e.at.clone(),
                    event: id,
                });
            }
            "action.close" => {
                let Some(action) = int(data, "action").and_then(|a| self.actions.get_mut(&a))
                else {
                    return lacks(F::LacksActionBefore);
                };
                action.status = set("closed".into(), id);
                action.closed_at = set(Some(e.at.clone()), id);
                action.confirmation = set(text(data, "confirmation"), id);
            }
            "concern.raise" => {
                let Some(concern) = int(data, "concern") else {
                    return lacks(F::LacksConcernId);
                };
                self.concerns.insert(
                    concern,
                    ExpConcern {
                        text: set(text(data, "text"), id),
                        by: set(text(data, "by"), id),
                        from: set(text(data, "from"), id),
                        raised_at: set(e.at.clone(), id),
                        item: set(None, id),
                    },
                );
            }
            // Kinds this build does not know change nothing it checks.
            _ => {}
        }
    }

    /// A ballot or a withdrawal: a new ballot row, and the one it replaces is no longer current.
    fn ballot(&mut self, e: &Event, data: &Value, at: &str, out: &mut Findings) {
        let id = e.id;
        let (Some(item), Some(owner)) = (e.item_id, e.owner_id) else {
            out.event(id, lacking(e, F::LacksItemAndOwner));
            return;
        };
        let withdraw = e.kind == "ballot.withdraw";
        // Withdrawals from before the payload named their row took the next id.
        let ballot = int(data, "ballot").or_else(|| withdraw.then_some(self.max_ballot + 1));
        let Some(ballot) = ballot else {
            out.event(id, lacking(e, F::LacksBallotId));
            return;
        };
        if let Some(i) = self.items.get(&item)
            && i.vote.value == "closed"
        {
            out.event(
                id,
                said!(
                    F::BallotAfterClose,
                    item = self.item_no(item),
                    at = i.vote.event
                ),
            );
        }
        let replaces = int(data, "replaces");
        let current = self.current.get(&item).and_then(|c| c.get(&owner)).copied();
        if replaces != current {
            out.event(
                id,
                said!(F::ReplacesBallot)
                    .with("replaces", &replaces.shown())
                    .with("current", &current.shown()),
            );
        }
        let mut method = text(data, "method");
        if let Some(previous) = replaces.and_then(|r| self.ballots.get_mut(&r)) {
            previous.current = set(false, id);
            if withdraw {
                method = Some(previous.method.value.clone());
            }
        }
        if self.ballots.contains_key(&ballot) {
            out.event(id, said!(F::BallotTwice, ballot = ballot));
        }
        self.current.entry(item).or_default().insert(owner, ballot);
        self.item_ballots.entry(item).or_default().push(ballot);
        self.max_ballot = self.max_ballot.max(ballot);
        self.ballots.insert(
            ballot,
            ExpBallot {
                item: set(item, id),
                owner: set(owner, id),
                flat: set(text(data, "flat"), id),
                choice: set(if withdraw { None } else { text(data, "choice") }, id),
                method: set(method.unwrap_or_default(), id),
                proxy: set(if withdraw { None } else { text(data, "proxy") }, id),
                reason: set(text(data, "reason"), id),
                at: set(at.to_string(), id),
                current: set(true, id),
            },
        );
    }
}
