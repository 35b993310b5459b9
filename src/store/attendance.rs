//! Sign-in: owners present in person, by proxy, or leaving.

use std::collections::HashMap;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use crate::domain::FlatRef;

use super::stated::When;
use super::{AttendanceRecord, Ids, Presence, Result, RosterEntry, Store, events};
use crate::i18n::{StoreText as S, said};

impl Store {
    /// Signs in (or out) the owner of `flat`. Signing in twice only updates how they are present.
    pub fn attend(
        &mut self,
        meeting: i64,
        flat: &FlatRef,
        presence: &Presence,
    ) -> Result<RosterEntry> {
        self.attend_at(meeting, flat, presence, None)
    }

    /// [`Store::attend`], at the time a paper record states (entered later), if given.
    pub fn attend_at(
        &mut self,
        meeting: i64,
        flat: &FlatRef,
        presence: &Presence,
        stated: Option<Timestamp>,
    ) -> Result<RosterEntry> {
        let tx = self.begin_write()?;
        let (entry, when) = self.check_attend(meeting, flat, presence, stated)?;
        let proxy = match presence {
            Presence::Proxy(name) => Some(name.trim().to_string()),
            _ => None,
        };
        tx.execute(
            "INSERT INTO attendance (meeting_id, owner_id, status, proxy_name, at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (meeting_id, owner_id) DO UPDATE SET status = ?3, proxy_name = ?4, at = ?5",
            params![meeting, entry.owner_id, presence.as_str(), proxy, when.row],
        )?;
        events::append(
            &tx,
            &when.event,
            "attend",
            Ids {
                meeting: Some(meeting),
                item: None,
                owner: Some(entry.owner_id),
            },
            when.mark(serde_json::json!({
                "flat": flat.to_string(),
                "status": presence.as_str(),
                "proxy": proxy,
            })),
        )?;
        tx.commit()?;
        Ok(entry)
    }

    /// Checks a sign-in without recording it (so that a list of flats is checked before any is
    /// signed in): the flat's owner, and the times it would be recorded with.
    pub(crate) fn check_attend(
        &self,
        meeting: i64,
        flat: &FlatRef,
        presence: &Presence,
        stated: Option<Timestamp>,
    ) -> Result<(RosterEntry, When)> {
        self.meeting(meeting)?;
        let entry = self.find_flat(flat)?;
        if let Presence::Proxy(name) = presence
            && name.trim().is_empty()
        {
            return Err(said!(S::ProxyNeedsName).into());
        }
        if *presence == Presence::Left {
            // Only someone here can leave: the minutes would count a stranger as having left.
            let status: Option<String> = self
                .conn
                .query_row(
                    "SELECT status FROM attendance WHERE meeting_id = ?1 AND owner_id = ?2",
                    params![meeting, entry.owner_id],
                    |r| r.get(0),
                )
                .optional()?;
            if !matches!(status.as_deref(), Some("present" | "proxy")) {
                return Err(said!(S::NotSignedIn, flat = flat).into());
            }
        }
        let when = self.when(meeting, stated)?;
        self.check_stated_sign_in(meeting, entry.owner_id, flat, &when)?;
        Ok((entry, when))
    }

    /// Checks that every flat could be signed in as asked, recording nothing.
    pub fn check_sign_ins(
        &self,
        meeting: i64,
        flats: &[FlatRef],
        presence: &Presence,
        stated: Option<Timestamp>,
    ) -> Result<()> {
        for flat in flats {
            self.check_attend(meeting, flat, presence, stated)?;
        }
        Ok(())
    }

    /// Everyone who signed in (including those who left), by owner id.
    pub fn attendance(&self, meeting: i64) -> Result<HashMap<i64, AttendanceRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT owner_id, status, proxy_name, at FROM attendance WHERE meeting_id = ?1",
        )?;
        let rows = stmt.query_map([meeting], |r| {
            let status: String = r.get(1)?;
            let proxy: Option<String> = r.get(2)?;
            let presence = match status.as_str() {
                "present" => Presence::Present,
                "proxy" => Presence::Proxy(proxy.unwrap_or_default()),
                _ => Presence::Left,
            };
            Ok(AttendanceRecord {
                owner_id: r.get(0)?,
                presence,
                at: r.get(3)?,
            })
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let row = row?;
            out.insert(row.owner_id, row);
        }
        Ok(out)
    }
}
