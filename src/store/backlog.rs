//! Concerns residents raise between meetings (群众说事), waiting to be scheduled into a meeting.

use rusqlite::params;

use crate::domain::{FlatRef, ItemPlan, Rule, Scope};

use super::{ConcernRecord, Ids, Result, Store, StoreError, events, meetings::insert_item};
use crate::i18n::{StoreText as S, said};

impl Store {
    /// Logs a concern into the backlog.
    pub fn raise_concern(
        &mut self,
        text: &str,
        by: &str,
        from: Option<&FlatRef>,
    ) -> Result<ConcernRecord> {
        let tx = self.begin_write()?;
        if text.trim().is_empty() || by.trim().is_empty() {
            return Err(said!(S::ConcernNeedsText).into());
        }
        if let Some(flat) = from {
            self.find_flat(flat)?;
        }
        let now = self.now();
        tx.execute(
            "INSERT INTO concerns (text, raised_by, raised_from, raised_at) VALUES (?1, ?2, ?3, ?4)",
            params![text.trim(), by.trim(), from.map(ToString::to_string), now],
        )?;
        let id = tx.last_insert_rowid();
        events::append(
            &tx,
            &now,
            "concern.raise",
            Ids::default(),
            serde_json::json!({
                "concern": id,
                "text": text.trim(),
                "by": by.trim(),
                "from": from.map(ToString::to_string),
            }),
        )?;
        tx.commit()?;
        self.concern(id)
    }

    pub fn concern(&self, id: i64) -> Result<ConcernRecord> {
        self.concerns(false)?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| StoreError::Said(said!(S::NoConcern, id = id)))
    }

    /// The backlog; with `waiting_only`, just the concerns not yet on an agenda.
    pub fn concerns(&self, waiting_only: bool) -> Result<Vec<ConcernRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text, raised_by, raised_from, raised_at, item_id FROM concerns
             WHERE ?1 = 0 OR item_id IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([waiting_only], |r| {
            let from: Option<String> = r.get(3)?;
            Ok(ConcernRecord {
                id: r.get(0)?,
                text: r.get(1)?,
                raised_by: r.get(2)?,
                raised_from: from.and_then(|f| FlatRef::parse(&f).ok()),
                raised_at: r.get(4)?,
                item_id: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds an item to a meeting's agenda (raised on the spot, or scheduled from the backlog).
    /// Returns its number.
    pub fn add_item(&mut self, meeting: i64, plan: &ItemPlan, concern: Option<i64>) -> Result<i64> {
        let tx = self.begin_write()?;
        let day = self.meeting(meeting)?.local_start().date();
        if let Some(c) = concern
            && self.concern(c)?.item_id.is_some()
        {
            return Err(said!(S::ConcernScheduled, id = c).into());
        }
        let now = self.now();
        let number: i64 = tx.query_row(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM items WHERE meeting_id = ?1",
            [meeting],
            |r| r.get(0),
        )?;
        // A concern from the backlog carries the day it was recorded; a day given is checked.
        if concern.is_none() {
            super::raised::check_item(number, plan, day)?;
        }
        let item = insert_item(&tx, &now, meeting, number, plan, concern)?;
        if let Some(c) = concern {
            tx.execute(
                "UPDATE concerns SET item_id = ?2 WHERE id = ?1",
                params![c, item],
            )?;
        }
        tx.commit()?;
        Ok(number)
    }

    /// Logs a concern raised on the spot and puts it straight onto the meeting's agenda.
    pub fn raise_on_agenda(
        &mut self,
        meeting: i64,
        text: &str,
        by: &str,
        from: Option<&FlatRef>,
    ) -> Result<i64> {
        self.meeting(meeting)?;
        let concern = self.raise_concern(text, by, from)?;
        self.schedule_concern(concern.id, meeting)
    }

    /// Schedules a backlog concern into a meeting as a discussion item (rule `none`, whole estate);
    /// the host can change how it is decided when the meeting gets there.
    pub fn schedule_concern(&mut self, concern: i64, meeting: i64) -> Result<i64> {
        let c = self.concern(concern)?;
        // Dated where the estate is: a concern raised at 01:50 in Beijing belongs to that day.
        let offset = self.meeting(meeting)?.offset;
        // The first line, cut to a title's length; the whole text stays as the statement.
        let title: String = c
            .text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(30)
            .collect();
        let plan = ItemPlan {
            title,
            raised_by: c.raised_by.clone(),
            raised_from: c.raised_from.clone(),
            raised_on: crate::localtime::local_date(&c.raised_at, offset),
            statement: c.text.clone(),
            category: None,
            proposal: None,
            rule: Rule::none(),
            scope: Scope::Estate,
            required_consent: Vec::new(),
            cost: None,
        };
        self.add_item(meeting, &plan, Some(concern))
    }
}
