//! Copies of the database: by hand to a USB stick (`pavilion backup DEST`), automatically into
//! `backups/` next to the database (when a vote closes, when the host's screens close, before an
//! upgrade, before a restore), and back (`pavilion restore FILE`).
//!
//! Every copy is made with SQLite's online backup API (consistent even while the database is in use),
//! written under a temporary name, switched to a single self-contained file (no `-wal` beside it),
//! checked (`PRAGMA integrity_check`, the event chain, its head present in the original), and only
//! then given its name.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::events::{first_broken_link, read_events};
use super::{Result, Store, StoreError, schema};

/// Routine automatic backups (vote closed, screens closed) kept per database; older ones are removed.
/// Backups made before an upgrade or a restore are never removed automatically.
pub const AUTO_BACKUPS_KEPT: usize = 20;

/// Why an automatic backup was made; part of its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A vote closed.
    Close,
    /// The host's screens closed.
    Exit,
    /// Before migrating to a newer schema.
    Upgrade,
    /// Before the database was replaced by `restore`.
    Restore,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Close => "close",
            Reason::Exit => "exit",
            Reason::Upgrade => "before-upgrade",
            Reason::Restore => "before-restore",
        }
    }

    fn routine(self) -> bool {
        matches!(self, Reason::Close | Reason::Exit)
    }
}

/// A checked copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub events: usize,
    /// The chain head of the copy (the hash of its last event).
    pub head: String,
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> StoreError {
    move |e| StoreError::Refused(format!("{context}: {e}"))
}

/// Where automatic backups of `db` go: `backups/` in the database's folder (for the default database,
/// the data directory).
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pavilion".into())
}

/// Copies `src` to `dest` (which must not exist) and checks the copy.
pub(crate) fn copy_to(src: &Connection, dest: &Path) -> Result<BackupInfo> {
    if dest.exists() {
        return Err(StoreError::Refused(format!(
            "{} already exists: give a new file name or a folder",
            dest.display()
        )));
    }
    let mut part = dest.as_os_str().to_os_string();
    part.push(".part");
    let part = PathBuf::from(part);
    let _ = std::fs::remove_file(&part);
    let result = write_checked(src, &part);
    let info = match result {
        Ok(info) => info,
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
    };
    std::fs::rename(&part, dest).map_err(io(format!("cannot name the copy {}", dest.display())))?;
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The new name itself must survive a power cut (or the stick being pulled).
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(BackupInfo {
        path: dest.to_path_buf(),
        ..info
    })
}

fn write_checked(src: &Connection, part: &Path) -> Result<BackupInfo> {
    {
        let mut dst = Connection::open(part)?;
        {
            let backup = Backup::new(src, &mut dst)?;
            backup.run_to_completion(256, Duration::from_millis(10), None)?;
        }
        // One self-contained file: nothing beside it to lose when it is copied around.
        dst.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
    }
    std::fs::File::open(part)
        .and_then(|f| f.sync_all())
        .map_err(io(format!("cannot write {}", part.display())))?;
    let (events, head) = check_file(part)?;
    // The copy's last event must be the original's event of the same number.
    if events > 0 {
        let original: Option<String> = src
            .query_row(
                "SELECT hash FROM events WHERE id = ?1",
                [events as i64],
                |r| r.get(0),
            )
            .optional()?;
        if original.as_deref() != Some(head.as_str()) {
            return Err(StoreError::Refused(format!(
                "the copy in {} does not match the database (event {events} differs): the copy was not kept",
                part.display()
            )));
        }
    }
    Ok(BackupInfo {
        path: part.to_path_buf(),
        events,
        head,
    })
}

/// Opens a database file read-only and checks it: SQLite's integrity check and the event chain.
/// Returns the number of events and the chain head.
pub fn check_file(path: &Path) -> Result<(usize, String)> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    check_connection(&conn, path)
}

fn check_connection(conn: &Connection, path: &Path) -> Result<(usize, String)> {
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(StoreError::Refused(format!(
            "{} is damaged (SQLite integrity check: {integrity})",
            path.display()
        )));
    }
    let events = read_events(conn, None)?;
    if let Some((id, why)) = first_broken_link(&events) {
        return Err(StoreError::Refused(format!(
            "{}: event {id}: {why}",
            path.display()
        )));
    }
    let head = events
        .last()
        .map_or_else(|| super::GENESIS.to_string(), |e| e.hash.clone());
    Ok((events.len(), head))
}

/// A free name in `dir`: `STEM-YYYYMMDD-HHMMSS-REASON.db`, with `-2`, `-3` … when taken.
fn fresh_name(dir: &Path, stem: &str, label: &str) -> PathBuf {
    let now = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    let base = format!("{stem}-{now}-{label}");
    let mut path = dir.join(format!("{base}.db"));
    let mut n = 2;
    while path.exists() || part_exists(&path) {
        path = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    path
}

fn part_exists(path: &Path) -> bool {
    let mut part = path.as_os_str().to_os_string();
    part.push(".part");
    Path::new(&part).exists()
}

/// Backs up the database behind `conn` (at `db`) into its backups folder, then prunes routine backups.
pub(crate) fn auto_backup_of(conn: &Connection, db: &Path, reason: Reason) -> Result<BackupInfo> {
    let dir = backups_dir(db);
    std::fs::create_dir_all(&dir).map_err(io(format!("cannot create {}", dir.display())))?;
    let stem = stem(db);
    let label = match reason {
        Reason::Upgrade => {
            let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            format!("v{found}-{}", reason.as_str())
        }
        _ => reason.as_str().to_string(),
    };
    let info = copy_to(conn, &fresh_name(&dir, &stem, &label))?;
    if reason.routine() {
        prune(&dir, &stem)?;
    }
    Ok(info)
}

/// Is `name` a routine automatic backup of the database with this stem?
fn is_routine(name: &str, stem: &str) -> bool {
    let Some(rest) = name
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix('-'))
        .and_then(|r| r.strip_suffix(".db"))
    else {
        return false;
    };
    // YYYYMMDD-HHMMSS-reason[-n]
    let b = rest.as_bytes();
    if b.len() < 16
        || !b[..8].iter().all(u8::is_ascii_digit)
        || b[8] != b'-'
        || !b[9..15].iter().all(u8::is_ascii_digit)
        || b[15] != b'-'
    {
        return false;
    }
    let tail = &rest[16..];
    let label = tail
        .rsplit_once('-')
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
        .map_or(tail, |(l, _)| l);
    [Reason::Close, Reason::Exit]
        .iter()
        .any(|r| r.as_str() == label)
}

/// Keeps the newest `AUTO_BACKUPS_KEPT` routine backups of `stem` in `dir`.
fn prune(dir: &Path, stem: &str) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(io(format!("cannot read {}", dir.display())))?;
    let mut routine: Vec<(std::time::SystemTime, String, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_routine(&name, stem) {
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            routine.push((modified, name, entry.path()));
        }
    }
    routine.sort();
    let excess = routine.len().saturating_sub(AUTO_BACKUPS_KEPT);
    for (_, _, path) in routine.into_iter().take(excess) {
        let _ = std::fs::remove_file(path);
    }
    Ok(())
}

/// A backup file about to replace the database, copied aside and checked.
pub struct Candidate {
    conn: Option<Connection>,
    temp: PathBuf,
    pub file: PathBuf,
    pub schema: i64,
    pub events: usize,
    pub head: String,
    pub estate: Option<String>,
    pub meetings: i64,
    /// When its last event happened.
    pub last_event: Option<String>,
}

impl Candidate {
    /// Copies `file` next to `db` (the file itself is never opened for writing), and checks it:
    /// SQLite integrity, a schema this build can read, the event chain and the state (`verify`).
    pub fn open(file: &Path, db: &Path) -> Result<Candidate> {
        if !file.is_file() {
            return Err(StoreError::NotFound(format!(
                "no backup file at {}",
                file.display()
            )));
        }
        let mut temp = db.as_os_str().to_os_string();
        temp.push(".restoring");
        let temp = PathBuf::from(temp);
        let _ = std::fs::remove_file(&temp);
        std::fs::copy(file, &temp).map_err(io(format!("cannot read {}", file.display())))?;
        let checked = Self::check(file, &temp);
        if checked.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        checked
    }

    fn check(file: &Path, temp: &Path) -> Result<Candidate> {
        let not_ours = || {
            StoreError::Refused(format!(
                "{} is not a pavilion database (or a backup of one)",
                file.display()
            ))
        };
        let conn = Connection::open(temp).map_err(|_| not_ours())?;
        let schema: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|_| not_ours())?;
        if schema == 0 {
            return Err(not_ours());
        }
        if schema > schema::VERSION {
            return Err(StoreError::NewerSchema {
                path: file.display().to_string(),
                found: schema,
                known: schema::VERSION,
            });
        }
        let (events, head) = check_connection(&conn, file)?;
        let verification = super::verify::verify_connection(&conn)?;
        if let Some(first) = verification.findings.first() {
            return Err(StoreError::Refused(format!(
                "{} does not pass verify ({} problem{}; the first: {first}): it was not restored",
                file.display(),
                verification.findings.len(),
                if verification.findings.len() == 1 {
                    ""
                } else {
                    "s"
                }
            )));
        }
        let estate = conn
            .query_row("SELECT name FROM estate", [], |r| r.get(0))
            .optional()?;
        let meetings = conn.query_row("SELECT COUNT(*) FROM meetings", [], |r| r.get(0))?;
        let last_event = conn
            .query_row("SELECT at FROM events ORDER BY id DESC LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(Candidate {
            conn: Some(conn),
            temp: temp.to_path_buf(),
            file: file.to_path_buf(),
            schema,
            events,
            head,
            estate,
            meetings,
            last_event,
        })
    }

    /// Replaces the database at `db` with this copy, through SQLite (so a `-wal` beside the database
    /// cannot mix old pages into the new content).
    pub fn install(mut self, db: &Path) -> Result<()> {
        let Some(src) = self.conn.take() else {
            return Err(StoreError::Refused(
                "the backup was already restored".into(),
            ));
        };
        let result = (|| -> Result<()> {
            let mut dst = Connection::open(db)?;
            dst.busy_timeout(Duration::from_secs(5))?;
            {
                let backup = Backup::new(&src, &mut dst)?;
                backup.run_to_completion(256, Duration::from_millis(10), None)?;
            }
            dst.pragma_update(None, "journal_mode", "WAL")?;
            Ok(())
        })();
        drop(src);
        let _ = std::fs::remove_file(&self.temp);
        result
    }
}

impl Drop for Candidate {
    fn drop(&mut self) {
        self.conn.take();
        let _ = std::fs::remove_file(&self.temp);
    }
}

impl Store {
    /// Copies the database to `dest` — a new file, or a folder to put a dated copy in — and checks
    /// the copy.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo> {
        let dest = if dest.is_dir() {
            fresh_name(dest, &stem(&self.path), "backup")
        } else {
            dest.to_path_buf()
        };
        copy_to(&self.conn, &dest)
    }

    /// An automatic backup into `backups/` next to the database; routine ones beyond the last
    /// `AUTO_BACKUPS_KEPT` are removed.
    pub fn auto_backup(&self, reason: Reason) -> Result<BackupInfo> {
        auto_backup_of(&self.conn, &self.path, reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routine_backup_names_are_told_apart_from_the_rest() {
        assert!(is_routine("pavilion-20261128-190512-close.db", "pavilion"));
        assert!(is_routine("pavilion-20261128-190512-exit-3.db", "pavilion"));
        assert!(!is_routine(
            "pavilion-20261128-190512-v1-before-upgrade.db",
            "pavilion"
        ));
        assert!(!is_routine(
            "pavilion-20261128-190512-before-restore.db",
            "pavilion"
        ));
        assert!(!is_routine("demo-20261128-190512-close.db", "pavilion"));
        assert!(!is_routine("pavilion-2026-close.db", "pavilion"));
    }
}
