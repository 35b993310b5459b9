//! The action ledger (step 3): carried from meeting to meeting until residents confirm it is done.

use jiff::civil::Date;
use rusqlite::{OptionalExtension, params};

use crate::domain::action::{ActionError, check_close};
use crate::domain::{ActionStatus, Responsible, Step};

use super::meetings::move_step;
use super::{ActionRecord, Ids, ProgressRecord, Result, Store, StoreError, events};
use crate::i18n::{StoreText as S, said};

/// A new action.
#[derive(Clone, Debug)]
pub struct NewAction<'a> {
    /// The item it comes from: (meeting, item number); None for an estate-wide action.
    pub item: Option<(i64, i64)>,
    /// The meeting it was agreed at, when not tied to an item.
    pub meeting: Option<i64>,
    pub what: &'a str,
    pub responsible: Responsible,
    pub due: Option<Date>,
}

impl From<ActionError> for StoreError {
    fn from(e: ActionError) -> Self {
        said!(match e {
            ActionError::NoDescription => S::ActionNeedsWhat,
            ActionError::NoConfirmation => S::ActionNeedsConfirmation,
            ActionError::AlreadyClosed => S::ActionAlreadyClosed,
        })
        .into()
    }
}

impl Store {
    /// Adds an action. A decided item it belongs to moves on to acting (step 3).
    pub fn add_action(&mut self, new: &NewAction) -> Result<ActionRecord> {
        let tx = self.begin_write()?;
        if new.what.trim().is_empty() {
            return Err(ActionError::NoDescription.into());
        }
        if new.responsible.key().trim().is_empty() {
            return Err(said!(S::ActionNeedsWho).into());
        }
        let item = new.item.map(|(m, n)| self.item(m, n)).transpose()?;
        let meeting = item.as_ref().map(|i| i.meeting_id).or(new.meeting);
        if let Some(m) = meeting {
            self.meeting(m)?;
        }
        let now = self.now();
        tx.execute(
            "INSERT INTO actions (item_id, meeting_id, what, responsible, due, status, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6)",
            params![
                item.as_ref().map(|i| i.id),
                meeting,
                new.what.trim(),
                new.responsible.key(),
                new.due.map(|d| d.to_string()),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        let ids = Ids {
            meeting,
            item: item.as_ref().map(|i| i.id),
            owner: None,
        };
        events::append(
            &tx,
            &now,
            "action.add",
            ids,
            serde_json::json!({
                "action": id,
                "what": new.what.trim(),
                "responsible": new.responsible.key(),
                "due": new.due.map(|d| d.to_string()),
            }),
        )?;
        if let Some(item) = &item
            && item.step == Step::Decided
        {
            move_step(&tx, &now, ids, item.id, Step::Decided, Step::Acting)?;
        }
        tx.commit()?;
        self.action(id)
    }

    /// Records progress on an action (and marks it in progress).
    pub fn update_action(
        &mut self,
        id: i64,
        meeting: Option<i64>,
        note: &str,
    ) -> Result<ActionRecord> {
        let tx = self.begin_write()?;
        let action = self.action(id)?;
        if action.status == ActionStatus::Closed {
            return Err(ActionError::AlreadyClosed.into());
        }
        if note.trim().is_empty() {
            return Err(said!(S::ProgressNeedsNote).into());
        }
        let now = self.now();
        tx.execute(
            "INSERT INTO action_progress (action_id, meeting_id, note, at) VALUES (?1, ?2, ?3, ?4)",
            params![id, meeting, note.trim(), now],
        )?;
        tx.execute(
            "UPDATE actions SET status = 'in-progress' WHERE id = ?1",
            [id],
        )?;
        events::append(
            &tx,
            &now,
            "action.progress",
            Ids {
                meeting,
                item: action.item_id,
                owner: None,
            },
            serde_json::json!({
                "action": id,
                "note": note.trim(),
            }),
        )?;
        tx.commit()?;
        self.action(id)
    }

    /// Strikes an action off once residents confirmed it is done (销号). When every action of an
    /// acting item is closed, the item closes too.
    pub fn close_action(
        &mut self,
        id: i64,
        meeting: Option<i64>,
        confirmation: &str,
    ) -> Result<ActionRecord> {
        let tx = self.begin_write()?;
        let action = self.action(id)?;
        check_close(action.status, confirmation)?;
        let now = self.now();
        tx.execute(
            "UPDATE actions SET status = 'closed', closed_at = ?2, confirmation = ?3 WHERE id = ?1",
            params![id, now, confirmation.trim()],
        )?;
        let ids = Ids {
            meeting: meeting.or(action.meeting_id),
            item: action.item_id,
            owner: None,
        };
        events::append(
            &tx,
            &now,
            "action.close",
            ids,
            serde_json::json!({
                "action": id,
                "confirmation": confirmation.trim(),
            }),
        )?;
        if let Some(item) = action.item_id {
            let open: i64 = tx.query_row(
                "SELECT COUNT(*) FROM actions WHERE item_id = ?1 AND status != 'closed'",
                [item],
                |r| r.get(0),
            )?;
            let step: Option<String> = tx
                .query_row("SELECT step FROM items WHERE id = ?1", [item], |r| r.get(0))
                .optional()?;
            if open == 0 && step.as_deref() == Some("acting") {
                move_step(&tx, &now, ids, item, Step::Acting, Step::Closed)?;
            }
        }
        tx.commit()?;
        self.action(id)
    }

    pub fn action(&self, id: i64) -> Result<ActionRecord> {
        self.actions_where("a.id = ?1", [id])?
            .pop()
            .ok_or_else(|| StoreError::Said(said!(S::NoAction, id = id)))
    }

    /// Every action, open ones first, then by due date.
    pub fn actions(&self) -> Result<Vec<ActionRecord>> {
        self.actions_where("1 = 1", [])
    }

    fn actions_where<P: rusqlite::Params>(
        &self,
        cond: &str,
        params: P,
    ) -> Result<Vec<ActionRecord>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT a.id, a.item_id, a.meeting_id, i.title, a.what, a.responsible, a.due, a.status, a.created_at,
                    a.closed_at, a.confirmation
             FROM actions a LEFT JOIN items i ON i.id = a.item_id WHERE {cond}
             ORDER BY a.status = 'closed', a.due IS NULL, a.due, a.id"
        ))?;
        let rows = stmt.query_map(params, |r| {
            let responsible: String = r.get(5)?;
            let due: Option<String> = r.get(6)?;
            let status: String = r.get(7)?;
            Ok(ActionRecord {
                id: r.get(0)?,
                item_id: r.get(1)?,
                meeting_id: r.get(2)?,
                item_title: r.get(3)?,
                what: r.get(4)?,
                responsible: Responsible::parse(&responsible),
                due: due.and_then(|d| d.parse().ok()),
                status: ActionStatus::parse(&status).unwrap_or(ActionStatus::Open),
                created_at: r.get(8)?,
                closed_at: r.get(9)?,
                confirmation: r.get(10)?,
                progress: Vec::new(),
            })
        })?;
        let mut out: Vec<ActionRecord> = rows.collect::<rusqlite::Result<_>>()?;
        let mut progress = self.conn.prepare_cached(
            "SELECT at, meeting_id, note FROM action_progress WHERE action_id = ?1 ORDER BY id",
        )?;
        for a in &mut out {
            let rows = progress.query_map([a.id], |r| {
                Ok(ProgressRecord {
                    at: r.get(0)?,
                    meeting_id: r.get(1)?,
                    note: r.get(2)?,
                })
            })?;
            a.progress = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }
}
