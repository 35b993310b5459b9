//! What ties the record to something outside the file: the digest printed on minutes (the hash of
//! a meeting's last event then), and an older backup whose chain must be where the current one began.

use rusqlite::{OptionalExtension, params};

use super::events::Event;
use super::{Result, Store};

/// Hex digits a digest must have at least: 128 bits, beyond finding a match by trying.
pub const DIGEST_MIN_HEX: usize = 32;

/// The event a digest from printed minutes names, and how many events its meeting recorded after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigestMatch {
    pub event: Event,
    pub meeting: i64,
    pub later_in_meeting: usize,
}

impl Store {
    /// The meeting event whose hash begins with `digest` (at least [`DIGEST_MIN_HEX`] hex digits,
    /// lower case): minutes print their meeting's last event, so an event of no meeting never
    /// matches.
    pub fn digest_event(&self, digest: &str) -> Result<Option<DigestMatch>> {
        let found = self
            .conn
            .query_row(
                "SELECT id, at, kind, meeting_id, item_id, owner_id, data, prev_hash, hash FROM events
                 WHERE meeting_id IS NOT NULL AND substr(hash, 1, length(?1)) = ?1",
                [digest],
                |r| {
                    Ok(Event {
                        id: r.get(0)?,
                        at: r.get(1)?,
                        kind: r.get(2)?,
                        meeting_id: r.get(3)?,
                        item_id: r.get(4)?,
                        owner_id: r.get(5)?,
                        data: r.get(6)?,
                        prev_hash: r.get(7)?,
                        hash: r.get(8)?,
                    })
                },
            )
            .optional()?;
        let Some(event) = found else {
            return Ok(None);
        };
        let meeting = event.meeting_id.unwrap_or_default();
        let later: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM events WHERE meeting_id = ?1 AND id > ?2",
            params![meeting, event.id],
            |r| r.get(0),
        )?;
        Ok(Some(DigestMatch {
            event,
            meeting,
            later_in_meeting: later as usize,
        }))
    }
}
