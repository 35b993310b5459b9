//! The paper around a meeting: how its public notice closes (issuer, posting day, notice period,
//! host and secretary named or masked) and who sat in (列席). Each change is one transaction with
//! its event; once a notice is out (posted, every vote closed), a change needs `reissue`, so a
//! posted notice never changes by accident.

use jiff::civil::Date;
use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::NoticeSettings;
use crate::i18n::{PaperText as P, said};

use super::{Ids, Result, Store, events};

/// Someone who sat in on a meeting (列席) without being one of its owners: community staff, the
/// property company, a lawyer …
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guest {
    pub id: i64,
    pub meeting_id: i64,
    pub name: String,
    pub role: String,
    pub at: String,
}

/// The JSON an event carries for a meeting's notice settings (the whole new state).
pub(crate) fn notice_json(s: &NoticeSettings, reissue: bool) -> serde_json::Value {
    serde_json::json!({
        "issuer": s.issuer,
        "posted_on": s.posted_on.map(|d| d.to_string()),
        "notice_days": s.notice_days,
        "show_officers": s.show_officers,
        "reissue": reissue,
    })
}

/// Writes a meeting's notice settings and their event inside the caller's transaction.
pub(crate) fn write_notice(
    tx: &Transaction,
    now: &str,
    meeting: i64,
    s: &NoticeSettings,
    reissue: bool,
) -> Result<()> {
    tx.execute(
        "INSERT INTO notice_settings (meeting_id, issuer, posted_on, notice_days, show_officers, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (meeting_id) DO UPDATE SET issuer = ?2, posted_on = ?3, notice_days = ?4,
             show_officers = ?5, at = ?6",
        params![
            meeting,
            s.issuer,
            s.posted_on.map(|d| d.to_string()),
            s.notice_days,
            s.show_officers,
            now
        ],
    )?;
    events::append(
        tx,
        now,
        "meeting.notice",
        Ids {
            meeting: Some(meeting),
            ..Ids::default()
        },
        notice_json(s, reissue),
    )?;
    Ok(())
}

fn clean(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

impl Store {
    /// How the meeting's notice closes (the defaults when nothing was set).
    pub fn notice_settings(&self, meeting: i64) -> Result<NoticeSettings> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT issuer, posted_on, notice_days, show_officers FROM notice_settings
                 WHERE meeting_id = ?1",
            )?
            .query_row([meeting], |r| {
                Ok(NoticeSettings {
                    issuer: r.get(0)?,
                    posted_on: r
                        .get::<_, Option<String>>(1)?
                        .and_then(|d| d.parse::<Date>().ok()),
                    notice_days: r.get(2)?,
                    show_officers: r.get(3)?,
                })
            })
            .optional()?;
        Ok(row.unwrap_or_default())
    }

    /// The notice is out: it has a posting day and every vote of the meeting is closed. Changing
    /// what it says then means issuing it again.
    pub fn notice_issued(&self, meeting: i64) -> Result<Option<Date>> {
        let posted = self.notice_settings(meeting)?.posted_on;
        Ok(match posted {
            Some(d) if self.meeting_epoch(meeting)?.is_some() => Some(d),
            _ => None,
        })
    }

    pub(super) fn refuse_if_issued(&self, meeting: i64, reissue: bool) -> Result<()> {
        match self.notice_issued(meeting)? {
            Some(posted) if !reissue => Err(said!(P::NoticeIssued, meeting = meeting)
                .date("posted", posted)
                .into()),
            _ => Ok(()),
        }
    }

    /// Replaces the meeting's notice settings. Returns false (and records nothing) when nothing
    /// changes. Once the notice is out, refused unless `reissue`.
    pub fn set_notice(
        &mut self,
        meeting: i64,
        settings: &NoticeSettings,
        reissue: bool,
    ) -> Result<bool> {
        let tx = self.begin_write()?;
        let record = self.meeting(meeting)?;
        let mut s = settings.clone();
        s.issuer = s.issuer.as_deref().and_then(clean);
        if let Some(days) = s.notice_days
            && crate::domain::notice::valid_days(days.into()).is_none()
        {
            return Err(said!(P::BadDays, days = days,).into());
        }
        let day = record.local_start().date();
        if let Some(posted) = s.posted_on.filter(|p| *p < day) {
            return Err(said!(P::PostedBefore)
                .date("posted", posted)
                .date("meeting", day)
                .into());
        }
        if s == self.notice_settings(meeting)? {
            return Ok(false);
        }
        self.refuse_if_issued(meeting, reissue)?;
        let now = self.now();
        write_notice(&tx, &now, meeting, &s, reissue)?;
        tx.commit()?;
        Ok(true)
    }

    /// Those who sat in on the meeting, in the order they were entered (withdrawn entries left out).
    pub fn guests(&self, meeting: i64) -> Result<Vec<Guest>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, meeting_id, name, role, at FROM guests
             WHERE meeting_id = ?1 AND removed_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([meeting], |r| {
            Ok(Guest {
                id: r.get(0)?,
                meeting_id: r.get(1)?,
                name: r.get(2)?,
                role: r.get(3)?,
                at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records someone who sat in. Refuses a blank name or role, and the same person in the same
    /// role twice; once the notice is out, refused unless `reissue`.
    pub fn add_guest(
        &mut self,
        meeting: i64,
        name: &str,
        role: &str,
        reissue: bool,
    ) -> Result<i64> {
        let tx = self.begin_write()?;
        self.meeting(meeting)?;
        let (Some(name), Some(role)) = (clean(name), clean(role)) else {
            return Err(said!(P::GuestNeedsNameAndRole).into());
        };
        if self
            .guests(meeting)?
            .iter()
            .any(|g| g.name == name && g.role == role)
        {
            return Err(said!(P::GuestTwice, name = name, role = role).into());
        }
        self.refuse_if_issued(meeting, reissue)?;
        let now = self.now();
        tx.execute(
            "INSERT INTO guests (meeting_id, name, role, at) VALUES (?1, ?2, ?3, ?4)",
            params![meeting, name, role, now],
        )?;
        let id = tx.last_insert_rowid();
        events::append(
            &tx,
            &now,
            "guest.add",
            Ids {
                meeting: Some(meeting),
                ..Ids::default()
            },
            serde_json::json!({ "guest": id, "name": name, "role": role, "reissue": reissue }),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Withdraws an entry made by mistake; the row stays as history.
    pub fn remove_guest(&mut self, meeting: i64, guest: i64, reissue: bool) -> Result<()> {
        let tx = self.begin_write()?;
        self.meeting(meeting)?;
        if !self.guests(meeting)?.iter().any(|g| g.id == guest) {
            return Err(said!(P::NoGuest, id = guest, meeting = meeting).into());
        }
        self.refuse_if_issued(meeting, reissue)?;
        let now = self.now();
        tx.execute(
            "UPDATE guests SET removed_at = ?2 WHERE id = ?1",
            params![guest, now],
        )?;
        events::append(
            &tx,
            &now,
            "guest.remove",
            Ids {
                meeting: Some(meeting),
                ..Ids::default()
            },
            serde_json::json!({ "guest": guest, "reissue": reissue }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
