//! Meetings and their items: intake from an agenda, steps, discussion notes, proposals.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::Offset;
use rusqlite::{OptionalExtension, Row, params};

use crate::domain::item::Vote;
use crate::domain::{FlatRef, ItemPlan, MeetingKind, MeetingPlan, Rule, Scope, Step};

use crate::i18n::terms::step;
use crate::i18n::{StoreText as S, said};

use super::{Ids, ItemRecord, MeetingRecord, NoteRecord, Result, Store, StoreError, events};

const MEETING_COLUMNS: &str = "m.id, m.title, m.kind, m.starts, m.utc_offset, m.place, m.host, m.secretary,
     m.objections_to, m.objections_until, m.others, (SELECT COUNT(*) FROM items i WHERE i.meeting_id = m.id)";

const ITEM_COLUMNS: &str =
    "id, meeting_id, number, title, raised_by, raised_from, raised_on, statement, category,
     proposal, rule, scope, consents, step, vote, result, closed_at, resolution";

fn bad_column(index: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
}

fn meeting_from_row(r: &Row) -> rusqlite::Result<MeetingRecord> {
    let kind: String = r.get(2)?;
    let starts: String = r.get(3)?;
    let until: Option<String> = r.get(9)?;
    Ok(MeetingRecord {
        id: r.get(0)?,
        title: r.get(1)?,
        kind: MeetingKind::parse(&kind).unwrap_or(MeetingKind::Owners),
        starts: starts.parse::<Timestamp>().map_err(|e| bad_column(3, e))?,
        offset: Offset::from_seconds(r.get(4)?).map_err(|e| bad_column(4, e))?,
        place: r.get(5)?,
        host: r.get(6)?,
        secretary: r.get(7)?,
        objections_to: r.get(8)?,
        objections_until: until
            .map(|d| d.parse::<Date>())
            .transpose()
            .map_err(|e| bad_column(9, e))?,
        others: r.get(10)?,
        items: r.get::<_, i64>(11)? as usize,
        number: r.get(12)?,
    })
}

fn item_from_row(r: &Row) -> rusqlite::Result<ItemRecord> {
    let json = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let raised_from: Option<String> = r.get(5)?;
    let raised_on: Option<String> = r.get(6)?;
    let step: String = r.get(13)?;
    let vote: String = r.get(14)?;
    let result: Option<String> = r.get(15)?;
    Ok(ItemRecord {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        number: r.get(2)?,
        title: r.get(3)?,
        raised_by: r.get(4)?,
        raised_from: raised_from
            .map(|f| FlatRef::parse(&f))
            .transpose()
            .map_err(|e| bad_column(5, e))?,
        raised_on: raised_on
            .map(|d| d.parse::<Date>())
            .transpose()
            .map_err(|e| bad_column(6, e))?,
        statement: r.get(7)?,
        category: r.get(8)?,
        proposal: r.get(9)?,
        rule: serde_json::from_str::<Rule>(&json(10)?).map_err(|e| bad_column(10, e))?,
        scope: serde_json::from_str::<Scope>(&json(11)?).map_err(|e| bad_column(11, e))?,
        consents: serde_json::from_str(&json(12)?).map_err(|e| bad_column(12, e))?,
        step: Step::parse(&step).unwrap_or(Step::Raised),
        vote_closed: vote == "closed",
        result: result
            .map(|t| serde_json::from_str(&t))
            .transpose()
            .map_err(|e| bad_column(15, e))?,
        closed_at: r.get(16)?,
        resolution: r.get(17)?,
    })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Inserts one item; used by intake and by scheduling a concern.
pub(crate) fn insert_item(
    tx: &rusqlite::Transaction,
    now: &str,
    meeting: i64,
    number: i64,
    item: &ItemPlan,
    concern: Option<i64>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO items (meeting_id, number, title, raised_by, raised_from, raised_on, statement, category,
             proposal, rule, scope, consents, step)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            meeting,
            number,
            item.title,
            item.raised_by,
            item.raised_from.as_ref().map(ToString::to_string),
            item.raised_on.map(|d| d.to_string()),
            item.statement,
            item.category,
            item.proposal,
            to_json(&item.rule),
            to_json(&item.scope),
            to_json(&item.required_consent),
            Step::Raised.as_str(),
        ],
    )?;
    let id = tx.last_insert_rowid();
    let digest = super::verify::digest_rows(tx, super::verify::ITEM_DIGEST_SQL, [id])?;
    events::append(
        tx,
        now,
        "item.add",
        Ids {
            meeting: Some(meeting),
            item: Some(id),
            owner: None,
        },
        serde_json::json!({
            "number": number,
            "title": item.title,
            "raised_by": item.raised_by,
            "rule": item.rule.name,
            "scope": item.scope.to_string(),
            "proposal": item.proposal,
            "concern": concern,
            "digest": digest,
        }),
    )?;
    if let Some(plan) = &item.cost {
        super::cost::insert_plan(tx, now, meeting, id, plan, None)?;
    }
    Ok(id)
}

/// Refuses an agenda whose meeting the file already holds (same title and start), or whose
/// number another meeting of its kind has: what `intake` refuses and `check` reports.
fn refuse_taken(conn: &rusqlite::Connection, plan: &MeetingPlan) -> Result<()> {
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM meetings WHERE title = ?1 AND starts = ?2",
            params![plan.title, plan.starts.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Err(said!(S::AlreadyTakenIn, id = id, title = plan.title).into());
    }
    super::numbering::check_number(conn, plan, None)
}

impl Store {
    /// Whether `intake` would take this agenda in as it stands: the store's own refusals (the same
    /// meeting again, a number taken), checked without writing.
    pub fn check_intake(&self, plan: &MeetingPlan) -> Result<()> {
        if self.schema_version()? < 8 {
            // A file of an older schema, read as it is: no meeting has a number yet.
            let unnumbered = MeetingPlan {
                number: None,
                ..plan.clone()
            };
            return refuse_taken(&self.conn, &unnumbered);
        }
        refuse_taken(&self.conn, plan)
    }

    /// Creates a meeting and its items from a validated agenda. Refuses the same meeting twice.
    pub fn intake(&mut self, plan: &MeetingPlan, source: &str) -> Result<i64> {
        let tx = self.begin_write()?;
        let now = self.now();
        let starts = plan.starts.to_string();
        refuse_taken(&tx, plan)?;
        let day = plan.offset.to_datetime(plan.starts).date();
        for (i, item) in plan.items.iter().enumerate() {
            super::raised::check_item(i as i64 + 1, item, day)?;
        }
        tx.execute(
            "INSERT INTO meetings (title, kind, starts, utc_offset, place, host, secretary, objections_to,
                 objections_until, source, created_at, number)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                plan.title,
                plan.kind.as_str(),
                starts,
                plan.offset.seconds(),
                plan.place,
                plan.host,
                plan.secretary,
                plan.objections_to,
                plan.objections_until.map(|d| d.to_string()),
                source,
                now,
                plan.number,
            ],
        )?;
        let meeting = tx.last_insert_rowid();
        let digest = super::verify::digest_rows(&tx, super::verify::MEETING_DIGEST_SQL, [meeting])?;
        let mut data = serde_json::json!({
                "title": plan.title,
                "kind": plan.kind.as_str(),
                "starts": starts,
                "place": plan.place,
                "host": plan.host,
                "secretary": plan.secretary,
                "source": source,
                "digest": digest,
        });
        // Only a given number is written: the events of meetings without one stay as they were.
        if let Some(n) = plan.number {
            data["number"] = n.into();
        }
        events::append(
            &tx,
            &now,
            "meeting.intake",
            Ids {
                meeting: Some(meeting),
                ..Ids::default()
            },
            data,
        )?;
        if !plan.notice.is_default() {
            super::paper::write_notice(&tx, &now, meeting, &plan.notice, false)?;
        }
        for (i, item) in plan.items.iter().enumerate() {
            insert_item(&tx, &now, meeting, i as i64 + 1, item, None)?;
        }
        tx.commit()?;
        Ok(meeting)
    }

    /// The meeting columns; a file of an older schema read as it is has no number yet.
    fn meeting_columns(&self) -> Result<String> {
        let number = if self.schema_version()? >= 8 {
            "m.number"
        } else {
            "NULL"
        };
        Ok(format!("{MEETING_COLUMNS}, {number}"))
    }

    pub fn meetings(&self) -> Result<Vec<MeetingRecord>> {
        let columns = self.meeting_columns()?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {columns} FROM meetings m ORDER BY m.starts, m.id"
        ))?;
        let rows = stmt.query_map([], meeting_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn meeting(&self, id: i64) -> Result<MeetingRecord> {
        let columns = self.meeting_columns()?;
        self.conn
            .query_row(
                &format!("SELECT {columns} FROM meetings m WHERE m.id = ?1"),
                [id],
                meeting_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::Said(said!(S::NoMeeting, id = id)))
    }

    /// Resolves a MEETING argument: an id, or `latest` (the one that starts last).
    pub fn resolve_meeting(&self, text: &str) -> Result<i64> {
        if text == "latest" {
            return self
                .conn
                .query_row(
                    "SELECT id FROM meetings ORDER BY starts DESC, id DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::Said(said!(S::NoMeetingsYet)));
        }
        let id: i64 = text
            .parse()
            .map_err(|_| StoreError::Said(said!(S::NotAMeeting, text = text)))?;
        self.meeting(id).map(|m| m.id)
    }

    pub fn items(&self, meeting: i64) -> Result<Vec<ItemRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE meeting_id = ?1 ORDER BY number"
        ))?;
        let rows = stmt.query_map([meeting], item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An item by its number on the meeting's agenda (from 1).
    pub fn item(&self, meeting: i64, number: i64) -> Result<ItemRecord> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ITEM_COLUMNS} FROM items WHERE meeting_id = ?1 AND number = ?2"
            ))?
            .query_row([meeting, number], item_from_row)
            .optional()?
            .ok_or_else(|| StoreError::Said(said!(S::NoItem, meeting = meeting, item = number)))
    }

    pub fn item_by_id(&self, id: i64) -> Result<ItemRecord> {
        self.conn
            .prepare_cached(&format!("SELECT {ITEM_COLUMNS} FROM items WHERE id = ?1"))?
            .query_row([id], item_from_row)
            .optional()?
            .ok_or_else(|| StoreError::Said(said!(S::NoItemId, id = id)))
    }

    /// Moves an item to another step, if the domain allows it.
    pub fn set_step(&mut self, meeting: i64, number: i64, to: Step) -> Result<ItemRecord> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        let vote = match (item.rule.votes, item.vote_closed) {
            (false, _) => Vote::None,
            (true, false) => Vote::Open,
            (true, true) => Vote::Closed,
        };
        if vote == Vote::Open && to == Step::Decided {
            return Err(said!(S::DecidedByClosing, item = number, meeting = meeting).into());
        }
        if !item.step.can_move(to, vote) {
            return Err(said!(S::StepRefused, item = number)
                .word("from", step(item.step))
                .word("to", step(to))
                .into());
        }
        let now = self.now();
        let ids = Ids {
            meeting: Some(meeting),
            item: Some(item.id),
            owner: None,
        };
        move_step(&tx, &now, ids, item.id, item.step, to)?;
        tx.commit()?;
        self.item(meeting, number)
    }

    /// Records a point made in the discussion (step 2). A raised item becomes discussed.
    pub fn add_note(
        &mut self,
        meeting: i64,
        number: i64,
        speaker: &str,
        point: &str,
    ) -> Result<NoteRecord> {
        self.add_note_at(meeting, number, speaker, point, None)
    }

    /// [`Store::add_note`], at the time a paper record states (entered later), if given.
    pub fn add_note_at(
        &mut self,
        meeting: i64,
        number: i64,
        speaker: &str,
        point: &str,
        stated: Option<jiff::Timestamp>,
    ) -> Result<NoteRecord> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        if point.trim().is_empty() {
            return Err(said!(S::NoteNeedsPoint).into());
        }
        let when = self.when(meeting, stated)?;
        let now = when.event.clone();
        advance_to_discussed(&tx, &now, &item)?;
        tx.execute(
            "INSERT INTO notes (item_id, speaker, point, at) VALUES (?1, ?2, ?3, ?4)",
            params![item.id, speaker.trim(), point.trim(), when.row],
        )?;
        let id = tx.last_insert_rowid();
        events::append(
            &tx,
            &now,
            "note.add",
            Ids {
                meeting: Some(meeting),
                item: Some(item.id),
                owner: None,
            },
            when.mark(serde_json::json!({
                "speaker": speaker.trim(),
                "point": point.trim(),
            })),
        )?;
        tx.commit()?;
        Ok(NoteRecord {
            id,
            item_id: item.id,
            speaker: speaker.trim().into(),
            point: point.trim().into(),
            at: when.row,
        })
    }

    pub fn notes(&self, item_id: i64) -> Result<Vec<NoteRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, item_id, speaker, point, at FROM notes WHERE item_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([item_id], |r| {
            Ok(NoteRecord {
                id: r.get(0)?,
                item_id: r.get(1)?,
                speaker: r.get(2)?,
                point: r.get(3)?,
                at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets the proposal that came out of the discussion (or the resolution once decided).
    pub fn set_text(
        &mut self,
        meeting: i64,
        number: i64,
        field: ItemText,
        text: &str,
    ) -> Result<()> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        if field == ItemText::Proposal && item.vote_closed {
            return Err(said!(S::ProposalStays, item = number).into());
        }
        let now = self.now();
        let column = match field {
            ItemText::Proposal => "proposal",
            ItemText::Resolution => "resolution",
        };
        tx.execute(
            &format!("UPDATE items SET {column} = ?2 WHERE id = ?1"),
            params![item.id, text.trim()],
        )?;
        if field == ItemText::Proposal {
            advance_to_discussed(&tx, &now, &item)?;
        }
        events::append(
            &tx,
            &now,
            &format!("item.{column}"),
            Ids {
                meeting: Some(meeting),
                item: Some(item.id),
                owner: None,
            },
            serde_json::json!({ "text": text.trim() }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Who else took part (community, property company, representatives), for the minutes.
    pub fn set_others(&mut self, meeting: i64, others: &str) -> Result<()> {
        let tx = self.begin_write()?;
        self.meeting(meeting)?;
        let now = self.now();
        tx.execute(
            "UPDATE meetings SET others = ?2 WHERE id = ?1",
            params![meeting, others.trim()],
        )?;
        events::append(
            &tx,
            &now,
            "meeting.others",
            Ids {
                meeting: Some(meeting),
                ..Ids::default()
            },
            serde_json::json!({ "others": others.trim() }),
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// Which free text of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemText {
    Proposal,
    Resolution,
}

/// Discussion starts step 2: a raised (or deferred) item becomes discussed, recorded as an event.
pub(crate) fn advance_to_discussed(
    tx: &rusqlite::Transaction,
    now: &str,
    item: &ItemRecord,
) -> Result<()> {
    if matches!(item.step, Step::Raised | Step::Deferred) {
        let ids = Ids {
            meeting: Some(item.meeting_id),
            item: Some(item.id),
            owner: None,
        };
        move_step(tx, now, ids, item.id, item.step, Step::Discussed)?;
    }
    Ok(())
}

/// Moves an item from one step to another inside the caller's transaction, with its event.
pub(crate) fn move_step(
    tx: &rusqlite::Transaction,
    now: &str,
    ids: Ids,
    item_id: i64,
    from: Step,
    to: Step,
) -> Result<()> {
    tx.execute(
        "UPDATE items SET step = ?2 WHERE id = ?1",
        params![item_id, to.as_str()],
    )?;
    events::append(
        tx,
        now,
        "item.step",
        ids,
        serde_json::json!({ "from": from.as_str(), "to": to.as_str() }),
    )?;
    Ok(())
}
