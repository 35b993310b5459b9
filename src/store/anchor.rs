//! What ties the record to something outside the file: the digest printed on minutes (the hash of
//! a meeting's last event then), and an older backup whose chain must be where the current one began.

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::events::{ChainWalk, Event, each_event};
use super::{Result, Store, StoreError};
use crate::i18n::{RecordText, said};

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
                super::events::event_of,
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

/// What `verify --against BACKUP` found: the backup's chain is the beginning of this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgainstReport {
    pub backup_events: usize,
    pub backup_head: String,
    pub current_events: usize,
}

/// The sidecar written beside a backup made by hand: its chain head, in a second place.
pub fn sidecar_path(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_os_string();
    name.push(".head");
    PathBuf::from(name)
}

/// Writes the sidecar of a backup: how many events it holds and its chain head.
pub fn write_sidecar(backup: &Path, events: usize, head: &str) -> std::io::Result<PathBuf> {
    let path = sidecar_path(backup);
    std::fs::write(
        &path,
        format!("pavilion chain head\nevents {events}\nhead {head}\n"),
    )?;
    Ok(path)
}

/// Reads a sidecar: (events, head), if there is a readable one.
fn read_sidecar(backup: &Path) -> Option<(usize, String)> {
    let text = std::fs::read_to_string(sidecar_path(backup)).ok()?;
    let mut events = None;
    let mut head = None;
    for line in text.lines() {
        if let Some(n) = line.strip_prefix("events ") {
            events = n.trim().parse().ok();
        }
        if let Some(h) = line.strip_prefix("head ") {
            head = Some(h.trim().to_string());
        }
    }
    Some((events?, head?))
}

impl Store {
    /// Checks that an older backup's chain is where this record's chain began: its own chain is
    /// intact (and matches its sidecar, if it has one), and this record's event at the same place
    /// has the same hash. A record rewritten and re-hashed since the backup fails here.
    pub fn verify_against(&self, backup: &Path) -> Result<AgainstReport> {
        let file = backup.display().to_string();
        let older = Store::open_read_only(backup)?;
        let mut walk = ChainWalk::default();
        let mut events = 0usize;
        let mut broken = None;
        each_event(&older.conn, |e| {
            events += 1;
            if let Some(why) = walk.check(e)
                && broken.is_none()
            {
                broken = Some((e.id, why));
            }
            Ok(())
        })?;
        if let Some((id, why)) = broken {
            return Err(StoreError::AgainstFailed(said!(
                RecordText::BackupBroken,
                file = file,
                event = id,
                why = why
            )));
        }
        let head = walk.head().to_string();
        if let Some((n, h)) = read_sidecar(backup)
            && (n != events || h != head)
        {
            return Err(StoreError::AgainstFailed(said!(
                RecordText::SidecarDiffers,
                file = file
            )));
        }
        let current_events: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))?;
        if events > 0 {
            let here: Option<String> = self
                .conn
                .query_row(
                    "SELECT hash FROM events WHERE id = ?1",
                    [events as i64],
                    |r| r.get(0),
                )
                .optional()?;
            match here {
                None => {
                    return Err(StoreError::AgainstFailed(said!(
                        RecordText::BackupLonger,
                        file = file,
                        events = events,
                        current = current_events
                    )));
                }
                Some(h) if h != head => {
                    return Err(StoreError::AgainstFailed(said!(
                        RecordText::BackupDiffers,
                        file = file,
                        event = events
                    )));
                }
                Some(_) => {}
            }
        }
        Ok(AgainstReport {
            backup_events: events,
            backup_head: head,
            current_events: current_events as usize,
        })
    }
}
