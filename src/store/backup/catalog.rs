//! The automatic backups of one database in its `backups/` folder: what each file is (from its
//! name and its last event), and which ones the space budget keeps.
//!
//! Budget: every copy made before an upgrade or a restore and every damaged database set aside is
//! kept (each marks a moment the host may need to go back to). Of the backups made when a vote
//! closed, the last [`CLOSE_BACKUPS_KEPT`] are kept, and of older ones the last of each meeting:
//! the record only grows, so it holds every close of its meeting before it, and a meeting's
//! results stay in a copy of their own for good. Of the backups made when the host's screens
//! close, only the last [`EXIT_BACKUPS_KEPT`] are kept.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::super::Result;
use crate::i18n::{BackupText, io_reason, said};

/// Backups made when the screens close that are kept; older ones are removed.
pub const EXIT_BACKUPS_KEPT: usize = 5;

/// Backups made when a vote closed that are all kept; of older ones, each meeting's last.
pub const CLOSE_BACKUPS_KEPT: usize = 5;

/// What an automatic backup was made for (read from its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A vote closed.
    Close,
    /// The host's screens closed.
    Exit,
    /// Before migrating to a newer schema.
    Upgrade,
    /// Before the database was replaced by `restore`.
    Restore,
    /// A damaged database moved aside by `restore`.
    Damaged,
}

impl Kind {
    /// The label in the file name (an upgrade's is `vN-before-upgrade`).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Close => "close",
            Kind::Exit => "exit",
            Kind::Upgrade => "before-upgrade",
            Kind::Restore => "before-restore",
            Kind::Damaged => "damaged",
        }
    }

    fn from_label(label: &str) -> Option<Kind> {
        let upgrade = label
            .strip_prefix('v')
            .and_then(|r| r.split_once('-'))
            .is_some_and(|(v, rest)| {
                !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit()) && rest == "before-upgrade"
            });
        if upgrade {
            return Some(Kind::Upgrade);
        }
        [Kind::Close, Kind::Exit, Kind::Restore, Kind::Damaged]
            .into_iter()
            .find(|k| k.label() == label)
    }

    /// Made as a matter of routine (and so subject to the skip when nothing changed).
    pub fn routine(self) -> bool {
        matches!(self, Kind::Close | Kind::Exit)
    }
}

/// A file name `STEM-YYYYMMDD-HHMMSS-LABEL[-N].db`, taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub kind: Kind,
    /// `YYYYMMDD-HHMMSS`, local time when it was made.
    pub stamp: String,
    /// 1, or the N of a `-N` suffix given when the name was taken.
    pub n: u32,
}

/// Parses the name of an automatic backup of the database with this stem.
pub fn parse_name(name: &str, stem: &str) -> Option<Named> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".db")?;
    let b = rest.as_bytes();
    if b.len() < 17
        || !b[..8].iter().all(u8::is_ascii_digit)
        || b[8] != b'-'
        || !b[9..15].iter().all(u8::is_ascii_digit)
        || b[15] != b'-'
    {
        return None;
    }
    let tail = &rest[16..];
    let (label, n) = match tail.rsplit_once('-') {
        Some((l, n)) if !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => {
            (l, n.parse().ok()?)
        }
        _ => (tail, 1),
    };
    Some(Named {
        kind: Kind::from_label(label)?,
        stamp: rest[..15].to_string(),
        n,
    })
}

/// One automatic backup as found in the folder.
#[derive(Clone, Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub name: Named,
    pub bytes: u64,
    pub modified: std::time::SystemTime,
}

/// The automatic backups of the database with this stem, oldest first.
pub fn entries(dir: &Path, stem: &str) -> Result<Vec<Entry>> {
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(said!(BackupText::CannotReadBackup, path = dir.display())
                .with("error", &io_reason(&e))
                .into());
        }
    };
    let mut found: Vec<Entry> = read
        .flatten()
        .filter_map(|entry| {
            let name = parse_name(&entry.file_name().to_string_lossy(), stem)?;
            let meta = entry.metadata().ok()?;
            Some(Entry {
                path: entry.path(),
                name,
                bytes: meta.len(),
                modified: meta.modified().unwrap_or(std::time::UNIX_EPOCH),
            })
        })
        .collect();
    // Within one second the names' numbers do not tell the order (a freed number is taken again).
    found.sort_by(|a, b| (&a.name.stamp, a.modified).cmp(&(&b.name.stamp, b.modified)));
    Ok(found)
}

/// Removes what the budget does not keep: exit backups beyond the last [`EXIT_BACKUPS_KEPT`], and
/// close backups beyond the last [`CLOSE_BACKUPS_KEPT`] that a later close backup of the same
/// meeting follows. A close backup whose meeting cannot be read is kept.
pub fn prune(dir: &Path, stem: &str) -> Result<Vec<PathBuf>> {
    let all = entries(dir, stem)?;
    let of = |kind: Kind| -> Vec<&Entry> { all.iter().filter(|e| e.name.kind == kind).collect() };
    let exits = of(Kind::Exit);
    let mut doomed: Vec<&Entry> = exits[..exits.len().saturating_sub(EXIT_BACKUPS_KEPT)].to_vec();
    let closes = of(Kind::Close);
    let recent = closes.len().saturating_sub(CLOSE_BACKUPS_KEPT);
    let mut meetings_seen = std::collections::HashSet::new();
    for (i, e) in closes.iter().enumerate().rev() {
        let last_of_meeting = match contents(&e.path).ok().and_then(|c| c.meeting) {
            Some(meeting) => meetings_seen.insert(meeting),
            None => true,
        };
        if i < recent && !last_of_meeting {
            doomed.push(e);
        }
    }
    let mut removed = Vec::new();
    for e in doomed {
        if std::fs::remove_file(&e.path).is_ok() {
            removed.push(e.path.clone());
        }
    }
    Ok(removed)
}

/// What a backup file holds, read without changing it: schema version, last event (id, hash, time,
/// kind, meeting, item number).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    pub schema: i64,
    pub events: i64,
    pub head: Option<String>,
    pub last_at: Option<String>,
    pub last_kind: Option<String>,
    pub meeting: Option<i64>,
    /// The item's number on its meeting's agenda.
    pub item: Option<i64>,
}

/// Reads a backup's schema version and last event (a few page reads, whatever its size). The file
/// is opened as immutable: nothing is created beside it, nothing written, even if something once
/// switched it to WAL.
pub fn contents(path: &Path) -> Result<Contents> {
    let uri = format!("file:{}?immutable=1", crate::store::open::uri_path(path));
    let conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    contents_of(&conn)
}

/// The same, for an open connection.
pub fn contents_of(conn: &Connection) -> Result<Contents> {
    let schema = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let last = conn
        .query_row(
            "SELECT e.id, e.hash, e.at, e.kind, e.meeting_id,
                    (SELECT number FROM items WHERE id = e.item_id)
             FROM events e ORDER BY e.id DESC LIMIT 1",
            [],
            |r| {
                Ok(Contents {
                    schema,
                    events: r.get(0)?,
                    head: Some(r.get(1)?),
                    last_at: Some(r.get(2)?),
                    last_kind: Some(r.get(3)?),
                    meeting: r.get(4)?,
                    item: r.get(5)?,
                })
            },
        )
        .optional()?;
    Ok(last.unwrap_or(Contents {
        schema,
        ..Contents::default()
    }))
}

/// The newest backup that was checked when it was made (anything but a damaged file set aside)
/// and can be read: its path and contents.
pub fn newest_checked(dir: &Path, stem: &str, routine_only: bool) -> Option<(PathBuf, Contents)> {
    entries(dir, stem)
        .ok()?
        .into_iter()
        .rev()
        .filter(|e| e.name.kind != Kind::Damaged && (!routine_only || e.name.kind.routine()))
        .find_map(|e| contents(&e.path).ok().map(|c| (e.path, c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_are_taken_apart_and_foreign_ones_ignored() {
        let close = parse_name("pavilion-20261128-190512-close.db", "pavilion").unwrap();
        assert_eq!(
            (close.kind, close.stamp.as_str(), close.n),
            (Kind::Close, "20261128-190512", 1)
        );
        let exit = parse_name("pavilion-20261128-190512-exit-3.db", "pavilion").unwrap();
        assert_eq!((exit.kind, exit.n), (Kind::Exit, 3));
        let upgrade = parse_name("pavilion-20261128-190512-v1-before-upgrade.db", "pavilion");
        assert_eq!(upgrade.map(|n| n.kind), Some(Kind::Upgrade));
        let restore = parse_name("pavilion-20261128-190512-before-restore-2.db", "pavilion");
        assert_eq!(restore.map(|n| (n.kind, n.n)), Some((Kind::Restore, 2)));
        let damaged = parse_name("pavilion-20261128-190512-damaged.db", "pavilion");
        assert_eq!(damaged.map(|n| n.kind), Some(Kind::Damaged));
        assert!(parse_name("demo-20261128-190512-close.db", "pavilion").is_none());
        assert!(parse_name("pavilion-2026-close.db", "pavilion").is_none());
        assert!(parse_name("pavilion-20261128-190512-close.db.part", "pavilion").is_none());
        assert!(parse_name("pavilion-20261128-190512-holiday.db", "pavilion").is_none());
        assert!(Kind::Close.routine() && Kind::Exit.routine() && !Kind::Restore.routine());
    }
}
