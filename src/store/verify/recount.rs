//! What `verify` works out again rather than trusting: each closed vote is counted once more with
//! the domain's own counting — from the ballots and sign-ins the events recorded and the roster as
//! it stood when the vote closed — and each roster import's history rows are checked against what
//! its event says changed.

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;
use serde_json::Value;

use super::expected::{ExpResult, Replay};
use super::findings::{Findings, Shown};
use crate::domain::rule::Electorate;
use crate::domain::tally::tally;
use crate::domain::{Choice, FlatRef, Rule, Scope, Tally};
use crate::i18n::{FindingText as F, Said, said};
use crate::store::ballots::{consents_of, members_in_scope};
use crate::store::events::Event;
use crate::store::{Result, as_of};

/// What an item was taken in with (checked against its digest elsewhere).
struct Taken {
    meeting: i64,
    rule: Rule,
    scope: Scope,
    consents: Vec<FlatRef>,
}

fn taken(conn: &Connection, item: i64) -> Result<Option<Taken>> {
    let mut stmt =
        conn.prepare_cached("SELECT meeting_id, rule, scope, consents FROM items WHERE id = ?1")?;
    let mut rows = stmt.query([item])?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let meeting: i64 = r.get(0)?;
    let (rule, scope, consents): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
    Ok(
        match (
            serde_json::from_str(&rule),
            serde_json::from_str(&scope),
            serde_json::from_str(&consents),
        ) {
            (Ok(rule), Ok(scope), Ok(consents)) => Some(Taken {
                meeting,
                rule,
                scope,
                consents,
            }),
            _ => None,
        },
    )
}

/// One line of figures, for a finding.
fn figures(t: &Tally) -> Said {
    said!(
        F::Figures,
        passed = t.passed,
        yes = t.yes.owners,
        no = t.no.owners,
        abstain = t.abstain.owners,
        total = t.total.owners
    )
}

impl Replay {
    /// Whether an item's rule has a vote (None when the item cannot be read).
    pub(super) fn votes(&self, conn: &Connection, item: i64) -> Result<Option<bool>> {
        Ok(taken(conn, item)?.map(|t| t.rule.votes))
    }

    /// Whether an item is decided by those present (false when the item cannot be read).
    pub(super) fn by_those_present(&self, conn: &Connection, item: i64) -> Result<bool> {
        Ok(taken(conn, item)?.is_some_and(|t| t.rule.electorate == Electorate::Present))
    }

    /// Counts a vote again at the event that closed it, and compares with what that event recorded.
    /// `stated`: the time a vote closed at a stated time stands for (a show of hands then counts
    /// those present at that time, not those present when it was entered).
    pub(super) fn recount(
        &mut self,
        conn: &Connection,
        e: &Event,
        stated: Option<&str>,
        out: &mut Findings,
    ) -> Result<()> {
        let Some(item) = e.item_id else {
            return Ok(());
        };
        // The roster before the last import that did not record its changes is not known.
        if self.roster_unknown_until.is_some_and(|u| e.id < u) {
            return Ok(());
        }
        let Some(t) = taken(conn, item)? else {
            return Ok(());
        };
        let Some(x) = self.items.get(&item) else {
            return Ok(());
        };
        if !t.rule.votes {
            return Ok(());
        }
        let mut members = members_in_scope(conn, &t.scope, Some(e.id))?;
        if t.rule.electorate == Electorate::Present {
            members.retain(|m| match stated {
                Some(at) => self.here_at(t.meeting, m.owner, at),
                None => self
                    .attendance
                    .get(&(t.meeting, m.owner))
                    .is_some_and(|a| a.status.value != "left"),
            });
        }
        let choices: HashMap<i64, Choice> = self
            .current
            .get(&item)
            .into_iter()
            .flatten()
            .filter_map(|(owner, ballot)| {
                let b = self.ballots.get(ballot)?;
                Some((*owner, Choice::parse(b.choice.value.as_deref()?)?))
            })
            .collect();
        let consents = match consents_of(conn, &t.consents, Some(e.id)) {
            Ok(c) => c,
            Err(err) => {
                let why = match err {
                    crate::store::StoreError::Said(s) => s,
                    err => Said::verbatim(err.to_string()),
                };
                out.event(e.id, said!(F::CannotRecount).with("why", &why));
                return Ok(());
            }
        };
        let counted = tally(&t.rule, &members, &choices, &consents);
        let recorded_passed = match &x.result.value {
            ExpResult::Exact(Some(json)) => match serde_json::from_str::<Tally>(json) {
                Ok(recorded) if recorded == counted => return Ok(()),
                Ok(recorded) => {
                    out.event(
                        e.id,
                        said!(F::RecountDiffers, item = self.item_no(item))
                            .with("recorded", &figures(&recorded))
                            .with("counted", &figures(&counted)),
                    );
                    return Ok(());
                }
                Err(_) => None,
            },
            ExpResult::Exact(None) => None,
            ExpResult::Passed(p) => *p,
        };
        if recorded_passed != Some(counted.passed) {
            out.event(
                e.id,
                said!(F::RecountPassed, item = self.item_no(item))
                    .with("recorded", &recorded_passed.shown())
                    .with("counted", &figures(&counted)),
            );
        }
        Ok(())
    }

    /// A roster import: the history rows it wrote must be exactly the changes its event records.
    pub(super) fn roster_import(
        &mut self,
        conn: &Connection,
        e: &Event,
        data: &Value,
        out: &mut Findings,
    ) -> Result<()> {
        if !as_of::history_kept(conn)? {
            return Ok(());
        }
        let Some(changes) = data.get("changes").and_then(Value::as_array) else {
            // From before imports recorded their changes: the roster until then is not known, and
            // what it held when history began is attributed to the last such import.
            self.roster_unknown_until = Some(e.id + 1);
            let baseline: i64 = conn.query_row(
                "SELECT COUNT(*) FROM flat_history WHERE since = ?1",
                [e.id],
                |r| r.get(0),
            )?;
            self.history_rows += baseline as usize;
            return Ok(());
        };
        let recorded: BTreeSet<(String, i64, String, String, bool)> = changes
            .iter()
            .map(|c| {
                (
                    c.get("flat")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    c.get("area").and_then(Value::as_i64).unwrap_or(0),
                    c.get("owner")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    c.get("name")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    c.get("active").and_then(Value::as_bool).unwrap_or(false),
                )
            })
            .collect();
        let mut stmt = conn.prepare_cached(
            "SELECT f.building || '-' || f.unit || '-' || f.room, h.area_centi, o.key, h.owner_name,
                    h.active
             FROM flat_history h JOIN flats f ON f.id = h.flat_id JOIN owners o ON o.id = h.owner_id
             WHERE h.since = ?1",
        )?;
        let stored: BTreeSet<(String, i64, String, String, bool)> = stmt
            .query_map([e.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        self.history_rows += recorded.len();
        if let Some(row) = stored.symmetric_difference(&recorded).next() {
            let which = if stored.contains(row) {
                F::HistoryNotRecorded
            } else {
                F::HistoryMissing
            };
            out.push(
                "flat_history",
                said!(F::RowFlat, flat = row.0),
                Some(e.id),
                said!(
                    which,
                    area = crate::domain::Area(row.1),
                    name = row.3,
                    owner = row.2
                ),
            );
        }
        Ok(())
    }

    /// After the last event: no history row that no import accounts for.
    pub(super) fn check_history_count(&self, conn: &Connection, out: &mut Findings) -> Result<()> {
        if !as_of::history_kept(conn)? {
            return Ok(());
        }
        let rows: i64 = conn.query_row(
            "SELECT COUNT(*) FROM flat_history WHERE since > 0",
            [],
            |r| r.get(0),
        )?;
        if rows as usize != self.history_rows {
            out.push(
                "flat_history",
                said!(F::RowAll),
                None,
                said!(F::HistoryCount, rows = rows, changes = self.history_rows),
            );
        }
        Ok(())
    }
}
