//! Setting a meeting up on screen, without an agenda file: the meeting's header and its items edited,
//! items reordered. Each change is one transaction with its event, which records the digest of the
//! changed row so that `verify` can tell a later edit behind the program's back.

use rusqlite::{OptionalExtension, params};

use crate::domain::{ItemPlan, MeetingPlan};
use crate::i18n::{PaperText as P, SetupText as X, said};

use super::meetings::to_json;
use super::verify::{ITEM_DIGEST_SQL, MEETING_DIGEST_SQL, digest_rows};
use super::{Ids, ItemRecord, Result, Store, events};

/// Which way an item moves on the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

impl Store {
    /// A new meeting with no items yet, set up on screen (recorded as an intake from "screen").
    pub fn create_meeting(&mut self, plan: &MeetingPlan) -> Result<i64> {
        self.intake(plan, "screen")
    }

    /// Changes the meeting's header. Its kind stays once a ballot has been cast in it.
    pub fn edit_meeting(&mut self, meeting: i64, plan: &MeetingPlan) -> Result<()> {
        let tx = self.begin_write()?;
        let old = self.meeting(meeting)?;
        if plan.title.trim().is_empty() {
            return Err(said!(X::MeetingNeedsTitle).into());
        }
        if plan.kind != old.kind && self.meeting_ballots(meeting)? > 0 {
            return Err(said!(X::KindLocked).into());
        }
        if !old.same_header(plan) {
            self.refuse_header_after_close(&old)?;
        }
        let starts = plan.starts.to_string();
        let clash: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM meetings WHERE title = ?1 AND starts = ?2 AND id <> ?3",
                params![plan.title, starts, meeting],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = clash {
            return Err(said!(X::SameMeeting, id = id).into());
        }
        super::numbering::check_number(&self.conn, plan, Some(meeting))?;
        let day = plan.offset.to_datetime(plan.starts).date();
        if day != old.local_start().date() {
            super::raised::check_meeting_day(&self.conn, meeting, day)?;
        }
        self.check_header_on_notice(&old, plan)?;
        let now = self.now();
        tx.execute(
            "UPDATE meetings SET title = ?2, kind = ?3, starts = ?4, utc_offset = ?5, place = ?6,
                 host = ?7, secretary = ?8, objections_to = ?9, objections_until = ?10, number = ?11
             WHERE id = ?1",
            params![
                meeting,
                plan.title.trim(),
                plan.kind.as_str(),
                starts,
                plan.offset.seconds(),
                plan.place.trim(),
                plan.host.trim(),
                plan.secretary.trim(),
                plan.objections_to,
                plan.objections_until.map(|d| d.to_string()),
                plan.number,
            ],
        )?;
        let digest = digest_rows(&tx, MEETING_DIGEST_SQL, [meeting])?;
        let mut data = serde_json::json!({
                "title": plan.title.trim(),
                "kind": plan.kind.as_str(),
                "starts": starts,
                "place": plan.place.trim(),
                "host": plan.host.trim(),
                "secretary": plan.secretary.trim(),
                "digest": digest,
        });
        // As at intake: no number, no key (replayed as none).
        if let Some(n) = plan.number {
            data["number"] = n.into();
        }
        events::append(
            &tx,
            &now,
            "meeting.edit",
            Ids {
                meeting: Some(meeting),
                ..Ids::default()
            },
            data,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The header is printed on the public notice: once the notice is out it stays as posted, and
    /// the meeting cannot move to a day after the notice's posting day.
    fn check_header_on_notice(&self, old: &super::MeetingRecord, plan: &MeetingPlan) -> Result<()> {
        let notice = self.notice_settings(old.id)?;
        let day = plan.offset.to_datetime(plan.starts).date();
        if let Some(posted) = notice.posted_on.filter(|p| *p < day) {
            return Err(said!(P::PostedBefore)
                .date("posted", posted)
                .date("meeting", day)
                .into());
        }
        if !old.same_header(plan) {
            self.refuse_on_notice(old.id, X::HeaderOnNotice)?;
        }
        Ok(())
    }

    /// The header is printed in the minutes of every vote of the meeting: once one has closed, its
    /// minutes stay as they were (the past never changes), so the header stays too. Refused naming
    /// the first vote closed, with how a mistake is corrected.
    fn refuse_header_after_close(&self, old: &super::MeetingRecord) -> Result<()> {
        let closed: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT number, closed_at FROM items
                 WHERE meeting_id = ?1 AND vote = 'closed' AND closed_at IS NOT NULL
                 ORDER BY closed_at, number LIMIT 1",
                [old.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match closed {
            Some((item, at)) => {
                let said = said!(X::HeaderAfterClose, item = item);
                // Written as each language writes a date and time.
                let said = match crate::localtime::local(&at, old.offset) {
                    Some(t) => said.both(
                        "closed",
                        crate::i18n::date_time(crate::lang::Lang::Zh, t),
                        crate::i18n::date_time(crate::lang::Lang::En, t),
                    ),
                    None => said.both("closed", &at, &at),
                };
                Err(said.into())
            }
            None => Ok(()),
        }
    }

    /// What is printed on the public notice (the header; the items, their texts and order) stays
    /// as posted once it is out: refused with `why`, which says how to issue it again.
    fn refuse_on_notice(&self, meeting: i64, why: X) -> Result<()> {
        match self.notice_issued(meeting)? {
            Some(posted) => Err(crate::i18n::Said::new(why, &[])
                .date("posted", posted)
                .into()),
            None => Ok(()),
        }
    }

    /// Changes an item as it was taken in: its texts at any time; its rule, scope and required
    /// consents only before the first ballot on it.
    pub fn edit_item(&mut self, meeting: i64, number: i64, plan: &ItemPlan) -> Result<()> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        if plan.title.trim().is_empty() || plan.raised_by.trim().is_empty() {
            return Err(said!(X::ItemNeedsTitle).into());
        }
        let decides = plan.rule != item.rule
            || plan.scope != item.scope
            || plan.required_consent != item.consents;
        let texts = (
            item.title.as_str(),
            item.raised_by.as_str(),
            item.raised_from.as_ref(),
            item.raised_on,
            item.statement.as_str(),
            item.category.as_deref(),
        ) != (
            plan.title.trim(),
            plan.raised_by.trim(),
            plan.raised_from.as_ref(),
            plan.raised_on,
            plan.statement.trim(),
            plan.category.as_deref(),
        );
        // Its texts are in the minutes of its vote: once closed, they stay as they were.
        if texts && item.vote_closed {
            return Err(said!(X::ItemAfterClose, item = number).into());
        }
        if texts || decides {
            self.refuse_on_notice(meeting, X::ItemsOnNotice)?;
        }
        if plan.raised_on != item.raised_on {
            let day = self.meeting(meeting)?.local_start().date();
            super::raised::check_item(number, plan, day)?;
        }
        if decides {
            let ballots = self.item_ballots(item.id)?;
            if ballots > 0 || item.vote_closed {
                return Err(said!(X::RuleLocked, item = number, n = ballots).into());
            }
            self.check_scope(plan)?;
            self.check_cost_scope(&item, &plan.scope)?;
        }
        let now = self.now();
        tx.execute(
            "UPDATE items SET title = ?2, raised_by = ?3, raised_from = ?4, raised_on = ?5,
                 statement = ?6, category = ?7, rule = ?8, scope = ?9, consents = ?10
             WHERE id = ?1",
            params![
                item.id,
                plan.title.trim(),
                plan.raised_by.trim(),
                plan.raised_from.as_ref().map(ToString::to_string),
                plan.raised_on.map(|d| d.to_string()),
                plan.statement.trim(),
                plan.category,
                to_json(&plan.rule),
                to_json(&plan.scope),
                to_json(&plan.required_consent),
            ],
        )?;
        let digest = digest_rows(&tx, ITEM_DIGEST_SQL, [item.id])?;
        events::append(
            &tx,
            &now,
            "item.edit",
            ids(&item),
            serde_json::json!({
                "title": plan.title.trim(),
                "raised_by": plan.raised_by.trim(),
                "rule": plan.rule.name,
                "scope": plan.scope.to_string(),
                "digest": digest,
            }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Swaps an item with its neighbour on the agenda; returns its new number.
    pub fn move_item(&mut self, meeting: i64, number: i64, to: Move) -> Result<i64> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        let other = match to {
            Move::Up => number - 1,
            Move::Down => number + 1,
        };
        let Ok(neighbour) = self.item(meeting, other) else {
            return Err(said!(X::CannotMove, item = number).into());
        };
        // A closed vote's minutes name its item by its number: it keeps its place.
        if let Some(closed) = [&item, &neighbour].into_iter().find(|i| i.vote_closed) {
            return Err(said!(X::MoveAfterClose, item = closed.number).into());
        }
        self.refuse_on_notice(meeting, X::ItemsOnNotice)?;
        let now = self.now();
        // Numbers are unique per meeting: one of the two steps aside first.
        tx.execute("UPDATE items SET number = -1 WHERE id = ?1", [item.id])?;
        tx.execute(
            "UPDATE items SET number = ?2 WHERE id = ?1",
            params![neighbour.id, number],
        )?;
        tx.execute(
            "UPDATE items SET number = ?2 WHERE id = ?1",
            params![item.id, other],
        )?;
        let mut order = Vec::new();
        for (id, n) in [(item.id, other), (neighbour.id, number)] {
            let digest = digest_rows(&tx, ITEM_DIGEST_SQL, [id])?;
            order.push(serde_json::json!({ "item": id, "number": n, "digest": digest }));
        }
        events::append(
            &tx,
            &now,
            "item.order",
            Ids {
                meeting: Some(meeting),
                ..Ids::default()
            },
            serde_json::json!({ "items": order }),
        )?;
        tx.commit()?;
        Ok(other)
    }

    /// Ballots ever recorded on an item (withdrawn ones too: the vote has begun).
    pub fn item_ballots(&self, item: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM ballots WHERE item_id = ?1",
            [item],
            |r| r.get(0),
        )?)
    }

    fn meeting_ballots(&self, meeting: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM ballots b JOIN items i ON i.id = b.item_id WHERE i.meeting_id = ?1",
            [meeting],
            |r| r.get(0),
        )?)
    }

    /// A scope must hold flats of the roster; required consents need a vote and lie in the scope.
    pub fn check_scope(&self, plan: &ItemPlan) -> Result<()> {
        let flats: Vec<crate::domain::FlatRef> =
            self.roster()?.into_iter().map(|e| e.flat).collect();
        if let crate::domain::Scope::Flats(list) = &plan.scope
            && let Some(f) = list.iter().find(|f| !flats.contains(f))
        {
            return Err(said!(X::FlatOutside, flat = f).into());
        }
        if !flats.iter().any(|f| plan.scope.contains(f)) {
            return Err(said!(X::EmptyScope, scope = plan.scope).into());
        }
        if !plan.required_consent.is_empty() && !plan.rule.votes {
            return Err(said!(X::ConsentNeedsVote).into());
        }
        for f in &plan.required_consent {
            if !flats.contains(f) || !plan.scope.contains(f) {
                return Err(said!(X::ConsentOutside, flat = f).into());
            }
        }
        Ok(())
    }
}

fn ids(item: &ItemRecord) -> Ids {
    Ids {
        meeting: Some(item.meeting_id),
        item: Some(item.id),
        owner: None,
    }
}
