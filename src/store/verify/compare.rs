//! Each table against the state the events describe: which columns are compared, and how.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

use super::digest::{ITEM_DIGEST_SQL, MEETING_DIGEST_SQL, digest_rows, roster_digest};
use super::expected::{ExpBallot, ExpNote, ExpProgress, ExpResult, Replay};
use super::findings::{Findings, Shown, set};
use super::table::{Lists, RowCheck, Rows, Table, compare_lists, compare_rows, compare_selected};
use crate::i18n::{FindingText as F, said};
use crate::store::Result;

const BALLOTS: Table = Table {
    name: "ballots",
    what: F::Ballot,
    sql: "SELECT b.id, b.item_id, b.owner_id, f.building || '-' || f.unit || '-' || f.room,
                 b.choice, b.method, b.proxy_name, b.reason, b.at, b.current
          FROM ballots b LEFT JOIN flats f ON f.id = b.flat_id ORDER BY b.id",
};

/// The ballots of one item (compared when its vote closes).
const ITEM_BALLOTS: Table = Table {
    name: "ballots",
    what: F::Ballot,
    sql: "SELECT b.id, b.item_id, b.owner_id, f.building || '-' || f.unit || '-' || f.room,
                 b.choice, b.method, b.proxy_name, b.reason, b.at, b.current
          FROM ballots b LEFT JOIN flats f ON f.id = b.flat_id WHERE b.item_id = ?1 ORDER BY b.id",
};

const ATTENDANCE: Table = Table {
    name: "attendance",
    what: F::SignIn,
    sql: "SELECT meeting_id, owner_id, status, proxy_name, at FROM attendance
          ORDER BY meeting_id, owner_id",
};

const ITEMS: Table = Table {
    name: "items",
    what: F::Item,
    sql: "SELECT id, meeting_id, number, title, step, vote, result, closed_at, proposal, resolution
          FROM items ORDER BY id",
};

const NOTES: Lists = Lists {
    name: "notes",
    parent: F::Item,
    what: F::Note,
    missing: F::NoteMissing,
    sql: "SELECT id, item_id, speaker, point, at FROM notes ORDER BY id",
};

const MEETINGS: Table = Table {
    name: "meetings",
    what: F::Meeting,
    sql: "SELECT id, title, created_at, others, number FROM meetings ORDER BY id",
};

/// The same for a file from before migration 8, read as it is: it has no meeting number.
const MEETINGS_UNNUMBERED: Table = Table {
    sql: "SELECT id, title, created_at, others, NULL FROM meetings ORDER BY id",
    ..MEETINGS
};

const ACTIONS: Table = Table {
    name: "actions",
    what: F::Action,
    sql: "SELECT id, item_id, meeting_id, what, responsible, due, status, created_at, closed_at,
                 confirmation
          FROM actions ORDER BY id",
};

const PROGRESS: Lists = Lists {
    name: "action_progress",
    parent: F::Action,
    what: F::Progress,
    missing: F::ProgressMissing,
    sql: "SELECT id, action_id, meeting_id, note, at FROM action_progress ORDER BY id",
};

const CONCERNS: Table = Table {
    name: "concerns",
    what: F::Concern,
    sql: "SELECT id, text, raised_by, raised_from, raised_at, item_id FROM concerns ORDER BY id",
};

impl Replay {
    /// Every table, in the order `verify` reports them, with the number of rows compared in each.
    pub(super) fn compare(
        &self,
        conn: &Connection,
        out: &mut Findings,
    ) -> Result<Vec<(&'static str, usize)>> {
        Ok(vec![
            ("ballots", self.compare_ballots(conn, out)?),
            ("attendance", self.compare_attendance(conn, out)?),
            ("items", self.compare_items(conn, out)?),
            ("notes", self.compare_notes(conn, out)?),
            ("meetings", self.compare_meetings(conn, out)?),
            ("flats", self.compare_roster(conn, out)?),
            ("estate", self.compare_estate(conn, out)?),
            ("actions", self.compare_actions(conn, out)?),
            ("concerns", self.compare_concerns(conn, out)?),
        ])
    }

    /// The ballots of an item whose vote just closed: compared now, then let go (what `verify`
    /// holds stays within one item's ballots, however many meetings the record spans).
    pub(super) fn compare_item_ballots(
        &mut self,
        conn: &Connection,
        item: i64,
        out: &mut Findings,
    ) -> Result<()> {
        let ids = self.item_ballots.remove(&item).unwrap_or_default();
        let mine: BTreeMap<i64, ExpBallot> = ids
            .iter()
            .filter_map(|id| self.ballots.remove(id).map(|b| (*id, b)))
            .collect();
        self.flushed_rows += compare_selected(
            conn,
            out,
            &ITEM_BALLOTS,
            Rows::Of(item),
            &mine,
            check_ballot,
        )?;
        self.current.remove(&item);
        self.flushed.insert(item);
        Ok(())
    }

    fn compare_ballots(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let rest = compare_selected(
            conn,
            out,
            &BALLOTS,
            Rows::Except(&self.flushed),
            &self.ballots,
            check_ballot,
        )?;
        Ok(rest + self.flushed_rows)
    }
}

fn check_ballot(c: &mut RowCheck<'_, '_>, _: i64, x: &ExpBallot) -> Result<()> {
    {
        {
            c.field("item_id", 1, &x.item)?;
            c.field("owner_id", 2, &x.owner)?;
            c.field("flat", 3, &x.flat)?;
            c.field("choice", 4, &x.choice)?;
            c.field("method", 5, &x.method)?;
            c.field("proxy_name", 6, &x.proxy)?;
            c.field("reason", 7, &x.reason)?;
            c.field("at", 8, &x.at)?;
            c.field("current", 9, &x.current)
        }
    }
}

impl Replay {
    fn compare_attendance(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        compare_rows(conn, out, &ATTENDANCE, &self.attendance, |c, _, x| {
            c.field("status", 2, &x.status)?;
            c.field("proxy_name", 3, &x.proxy)?;
            c.field("at", 4, &x.at)
        })
    }

    fn compare_items(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        compare_rows(conn, out, &ITEMS, &self.items, |c, id, x| {
            c.some("meeting_id", 1, &x.meeting)?;
            // Only what the event recorded is compared.
            if x.number.value.is_some() {
                c.some("number", 2, &x.number)?;
            }
            if x.title.value.is_some() {
                c.some("title", 3, &x.title)?;
            }
            if let Some(digest) = &x.digest
                && digest_rows(conn, ITEM_DIGEST_SQL, [id])? != digest.value
            {
                c.push(x.added, said!(F::ItemTakenChanged));
            }
            c.field("step", 4, &x.step)?;
            c.field("vote", 5, &x.vote)?;
            match &x.result.value {
                ExpResult::Exact(expected) => {
                    c.field("result", 6, &set(expected.clone(), x.result.event))?;
                }
                ExpResult::Passed(expected) => {
                    let result: Option<String> = c.get(6)?;
                    let passed = result
                        .as_deref()
                        .and_then(|t| serde_json::from_str::<Value>(t).ok())
                        .and_then(|v| v.get("passed").and_then(Value::as_bool));
                    if passed != *expected {
                        c.push(
                            x.result.event,
                            said!(F::ResultPassedDiffers)
                                .with("recorded", &passed.shown())
                                .with("expected", &expected.shown()),
                        );
                    }
                }
            }
            c.field("closed_at", 7, &x.closed_at)?;
            if let Some(proposal) = &x.proposal {
                c.field("proposal", 8, proposal)?;
            }
            c.field("resolution", 9, &x.resolution)
        })
    }

    fn compare_notes(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let notes: BTreeMap<i64, &[ExpNote]> =
            self.notes.iter().map(|(k, n)| (*k, n.as_slice())).collect();
        compare_lists(conn, out, &NOTES, &notes, |r, x| {
            let actual: (String, String, String) = (r.get(2)?, r.get(3)?, r.get(4)?);
            Ok(
                (actual != (x.speaker.clone(), x.point.clone(), x.at.clone())).then(|| {
                    said!(
                        F::NoteDiffers,
                        speaker = actual.0,
                        point = actual.1,
                        at = actual.2,
                        espeaker = x.speaker,
                        epoint = x.point,
                        eat = x.at
                    )
                }),
            )
        })
    }

    fn compare_meetings(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let table = if version >= 8 {
            &MEETINGS
        } else {
            &MEETINGS_UNNUMBERED
        };
        compare_rows(conn, out, table, &self.meetings, |c, id, x| {
            c.some("title", 1, &x.title)?;
            c.field("created_at", 2, &x.created_at)?;
            c.field("others", 3, &x.others)?;
            c.field("number", 4, &x.number)?;
            if let Some(digest) = &x.digest
                && digest_rows(conn, MEETING_DIGEST_SQL, [id])? != digest.value
            {
                c.push(digest.event, said!(F::MeetingTakenChanged));
            }
            Ok(())
        })
    }

    /// The roster is checked as a whole, against the digest its last import recorded.
    fn compare_roster(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let flats: i64 = conn.query_row("SELECT COUNT(*) FROM flats", [], |r| r.get(0))?;
        let owners: i64 = conn.query_row("SELECT COUNT(*) FROM owners", [], |r| r.get(0))?;
        match &self.roster {
            None if flats + owners > 0 => {
                out.push("flats", said!(F::RowAll), None, said!(F::RosterUnrecorded))
            }
            Some((Some(digest), event)) if roster_digest(conn)? != *digest => out.push(
                "flats",
                said!(F::RowAll),
                Some(*event),
                said!(F::RosterDiffers),
            ),
            _ => {}
        }
        Ok(flats as usize)
    }

    /// The estate is a single row.
    fn compare_estate(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let actual: Option<(String, String)> = conn
            .query_row("SELECT name, created_at FROM estate", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match (&self.estate, actual) {
            (None, None) => Ok(0),
            (None, Some(_)) => {
                out.push(
                    "estate",
                    said!(F::RowId, id = 1),
                    None,
                    said!(F::EstateAdded),
                );
                Ok(1)
            }
            (Some((_, at)), None) => {
                out.push(
                    "estate",
                    said!(F::RowId, id = 1),
                    Some(at.event),
                    said!(F::EstateDeleted),
                );
                Ok(0)
            }
            (Some((name, at)), Some((n, a))) => {
                let row = said!(F::RowId, id = 1);
                out.field(
                    "estate",
                    &row,
                    "name",
                    &Some(n),
                    &set(name.clone(), at.event),
                );
                out.field("estate", &row, "created_at", &a, at);
                Ok(1)
            }
        }
    }

    /// Actions, then their progress notes; the count covers both.
    fn compare_actions(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let actions = compare_rows(conn, out, &ACTIONS, &self.actions, |c, _, x| {
            c.field("item_id", 1, &x.item)?;
            c.field("meeting_id", 2, &x.meeting)?;
            c.some("what", 3, &x.what)?;
            c.some("responsible", 4, &x.responsible)?;
            c.field("due", 5, &x.due)?;
            c.field("status", 6, &x.status)?;
            c.field("created_at", 7, &x.created_at)?;
            c.field("closed_at", 8, &x.closed_at)?;
            c.field("confirmation", 9, &x.confirmation)
        })?;
        let progress: BTreeMap<i64, &[ExpProgress]> = self
            .actions
            .iter()
            .map(|(k, a)| (*k, a.progress.as_slice()))
            .collect();
        let progress = compare_lists(conn, out, &PROGRESS, &progress, |r, x| {
            let actual: (Option<i64>, String, String) = (r.get(2)?, r.get(3)?, r.get(4)?);
            Ok(
                (actual != (x.meeting, x.note.clone(), x.at.clone())).then(|| {
                    said!(
                        F::ProgressDiffers,
                        note = actual.1,
                        at = actual.2,
                        enote = x.note,
                        eat = x.at
                    )
                }),
            )
        })?;
        Ok(actions + progress)
    }

    fn compare_concerns(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        compare_rows(conn, out, &CONCERNS, &self.concerns, |c, _, x| {
            c.some("text", 1, &x.text)?;
            c.some("raised_by", 2, &x.by)?;
            c.field("raised_from", 3, &x.from)?;
            c.field("raised_at", 4, &x.raised_at)?;
            // Links from before concerns were named in `item.add` cannot be checked.
            if self.concern_links_known {
                c.field("item_id", 5, &x.item)?;
            }
            Ok(())
        })
    }
}
