//! Copies of the database: by hand to a USB stick (`pavilion backup DEST`), automatically into
//! `backups/` next to the database (when a vote closes, when the host's screens close, before an
//! upgrade, before a restore), and back (`pavilion restore FILE`).
//!
//! Every copy is made with SQLite's online backup API in one step (consistent even while the
//! database is in use), written under a temporary name, switched to a single self-contained file
//! (no `-wal` beside it), synced once, checked, and only then given its name. A copy by hand is
//! checked in full (`PRAGMA integrity_check` and the whole event chain); an automatic one with
//! `PRAGMA quick_check` and the chain from the head of the newest automatic backup, which was
//! checked when it was made. A routine automatic backup is skipped when the newest one already
//! holds the same record. What is kept is in [`catalog`].

mod background;
pub mod catalog;
mod restore;
pub mod status;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::events::{ChainWalk, each_event_after};
use super::{GENESIS, Result, Store, StoreError};
use crate::i18n::{BackupText, Catalogue, io_reason, said};
pub(crate) use background::Background;
pub use background::{Failure, Snapshot};
pub use catalog::{CLOSE_BACKUPS_KEPT, EXIT_BACKUPS_KEPT, Kind};
pub use restore::{Candidate, set_aside};

/// Why an automatic backup is made; part of its file name.
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
    pub fn kind(self) -> Kind {
        match self {
            Reason::Close => Kind::Close,
            Reason::Exit => Kind::Exit,
            Reason::Upgrade => Kind::Upgrade,
            Reason::Restore => Kind::Restore,
        }
    }
}

/// A checked copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub events: usize,
    /// The chain head of the copy (the hash of its last event).
    pub head: String,
    /// False when no copy was made because the newest backup (at `path`) already holds this record.
    pub made: bool,
}

/// A file operation that failed: what was being done (`key`, on `path`), and the system's reason.
fn io<C: Catalogue>(key: C, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.display().to_string();
    move |e| said!(key, path = path).with("error", &io_reason(&e)).into()
}

/// `path` with `suffix` appended to its file name (`x.db` → `x.db-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Syncs the folder holding `file`, so that a name just created or changed in it survives a power
/// cut. Best effort: some file systems cannot sync a folder.
pub(crate) fn sync_folder_of(file: &Path) {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Where automatic backups of `db` go: `backups/` in the database's folder (for the default database,
/// the data directory).
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// The first part of the names of `db`'s automatic backups.
pub fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pavilion".into())
}

/// How much of a fresh copy is checked.
#[derive(Clone, Debug)]
enum Depth {
    /// `integrity_check` and the whole chain.
    Full,
    /// `quick_check` and the chain after this event (id, hash), which an earlier check covered;
    /// the whole chain if the copy does not hold that event.
    Since(i64, String),
}

/// A copy that may be called off (a background copy the program no longer needs): its copying and
/// checking stop soon after it is asked, and nothing of it is kept. Inert by default.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stop(Option<Arc<AtomicBool>>);

impl Stop {
    pub(crate) fn new() -> Stop {
        Stop(Some(Arc::new(AtomicBool::new(false))))
    }

    pub(crate) fn ask(&self) {
        if let Some(flag) = &self.0 {
            flag.store(true, Ordering::SeqCst);
        }
    }

    fn asked(&self) -> bool {
        self.0.as_ref().is_some_and(|f| f.load(Ordering::SeqCst))
    }

    fn check(&self) -> Result<()> {
        if self.asked() {
            return Err(said!(BackupText::CalledOff).into());
        }
        Ok(())
    }

    /// SQLite stops a statement of `conn` (the check of the copy) once the stop is asked.
    fn watch(&self, conn: &Connection) -> Result<()> {
        if let Some(flag) = self.0.clone() {
            conn.progress_handler(10_000, Some(move || flag.load(Ordering::SeqCst)))?;
        }
        Ok(())
    }
}

/// Pages copied per step by a copy that may be stopped (1 MB of 4 KiB pages).
const STEP_PAGES: i32 = 256;

/// Copies every page of `src` into `dst`: in one step (no pauses, and the copy comes from one read
/// of the source), or, for a copy that may be stopped, in steps from a source holding a read
/// transaction (so still one read). Waits only while another connection holds a lock SQLite must
/// wait for.
fn copy_whole(src: &Connection, dst: &mut Connection, stop: &Stop) -> Result<()> {
    let backup = Backup::new(src, dst)?;
    let pages = if stop.0.is_some() { STEP_PAGES } else { -1 };
    loop {
        stop.check()?;
        match backup.step(pages)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// Copies `src` to `dest` (which must not exist) and checks the copy.
fn copy_to(src: &Connection, dest: &Path, depth: Depth, stop: &Stop) -> Result<BackupInfo> {
    if dest.exists() {
        return Err(said!(BackupText::CopyExists, path = dest.display()).into());
    }
    let part = with_suffix(dest, ".part");
    let _ = std::fs::remove_file(&part);
    let info = match write_checked(src, &part, depth, stop) {
        Ok(info) => info,
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
    };
    if let Err(e) = stop.check() {
        let _ = std::fs::remove_file(&part);
        return Err(e);
    }
    std::fs::rename(&part, dest).map_err(io(BackupText::CannotNameCopy, dest))?;
    // The new name itself must survive a power cut (or the stick being pulled).
    sync_folder_of(dest);
    Ok(BackupInfo {
        path: dest.to_path_buf(),
        ..info
    })
}

fn write_checked(src: &Connection, part: &Path, depth: Depth, stop: &Stop) -> Result<BackupInfo> {
    {
        let mut dst = Connection::open(part)?;
        // Synced once, as a whole, below: no syncs while it is written.
        dst.pragma_update(None, "synchronous", "OFF")?;
        copy_whole(src, &mut dst, stop)?;
        // One self-contained file: nothing beside it to lose when it is copied around.
        dst.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
    }
    // A copy called off meanwhile is not synced (that can take long for a large file).
    stop.check()?;
    std::fs::File::open(part)
        .and_then(|f| f.sync_all())
        .map_err(io(crate::i18n::CmdText::CannotWrite, part))?;
    stop.check()?;
    let conn = Connection::open_with_flags(
        part,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    stop.watch(&conn)?;
    let (events, head) = check_depth(&conn, part, depth).map_err(|e| match stop.check() {
        Err(stopped) => stopped,
        Ok(()) => e,
    })?;
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
            return Err(said!(
                BackupText::CopyDiffers,
                path = part.display(),
                event = events
            )
            .into());
        }
    }
    Ok(BackupInfo {
        path: part.to_path_buf(),
        events,
        head,
        made: true,
    })
}

/// Opens a database file read-only and checks it in full: SQLite's integrity check and the event
/// chain. Returns the number of events and the chain head.
pub fn check_file(path: &Path) -> Result<(usize, String)> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    check_connection(&conn, path)
}

fn check_connection(conn: &Connection, path: &Path) -> Result<(usize, String)> {
    check_depth(conn, path, Depth::Full)
}

fn check_depth(conn: &Connection, path: &Path, depth: Depth) -> Result<(usize, String)> {
    let pragma = match depth {
        Depth::Full => "PRAGMA integrity_check",
        Depth::Since(..) => "PRAGMA quick_check",
    };
    let integrity: String = conn.query_row(pragma, [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(said!(
            BackupText::FileDamaged,
            path = path.display(),
            detail = integrity
        )
        .into());
    }
    let from = match depth {
        Depth::Since(id, hash) => {
            let there: Option<String> = conn
                .query_row("SELECT hash FROM events WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if there.as_deref() == Some(hash.as_str()) {
                (id, hash)
            } else {
                (0, GENESIS.to_string())
            }
        }
        Depth::Full => (0, GENESIS.to_string()),
    };
    let mut walk = ChainWalk::after(from.0, from.1);
    each_event_after(conn, from.0, |e| match walk.check(e) {
        Some(why) => Err(
            said!(BackupText::ChainBroken, path = path.display(), event = e.id)
                .with("why", &why)
                .into(),
        ),
        None => Ok(()),
    })?;
    Ok((walk.last_id() as usize, walk.head().to_string()))
}

/// A free name in `dir`: `STEM-YYYYMMDD-HHMMSS-LABEL.db`, with `-2`, `-3` … when taken.
fn fresh_name(dir: &Path, stem: &str, label: &str) -> PathBuf {
    let now = crate::localtime::now_local().strftime("%Y%m%d-%H%M%S");
    let base = format!("{stem}-{now}-{label}");
    let mut path = dir.join(format!("{base}.db"));
    let mut n = 2;
    while path.exists() || with_suffix(&path, ".part").exists() {
        path = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    path
}

/// Held while an automatic backup of the database with this stem is made: `backups/STEM.backup-lock`
/// (the operating system lets go of it when the holder ends, however it ends). A `.part` copy
/// found by the holder is left over from a copy that never finished, and is removed.
fn folder_lock(dir: &Path, stem: &str) -> Result<std::fs::File> {
    std::fs::create_dir_all(dir).map_err(io(BackupText::CannotCreateFolder, dir))?;
    let path = dir.join(format!("{stem}.backup-lock"));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io(BackupText::CannotOpenLock, &path))?;
    file.lock().map_err(io(BackupText::CannotLock, &path))?;
    if let Ok(read) = std::fs::read_dir(dir) {
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(db) = name.strip_suffix(".part")
                && catalog::parse_name(db, stem).is_some()
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(file)
}

/// Backs up the database behind `conn` (at `db`) into its backups folder — unless a routine backup
/// finds the newest routine one already holding the same record — then applies the budget. A new
/// copy replaces `supersedes` (an earlier copy of this same session, whose record the new one holds
/// and more), which is removed before the budget counts.
pub(crate) fn auto_backup_of(
    conn: &Connection,
    db: &Path,
    reason: Reason,
    supersedes: Option<&Path>,
    stop: &Stop,
) -> Result<BackupInfo> {
    let dir = backups_dir(db);
    let stem = stem(db);
    let kind = reason.kind();
    // One automatic backup of a database at a time, in this process or another (each one's check
    // starts from the newest before it, and the budget counts what is there).
    let _one_at_a_time = folder_lock(&dir, &stem)?;
    let now = catalog::contents_of(conn)?;
    if kind.routine()
        && let Some((path, newest)) = catalog::newest_checked(&dir, &stem, true)
        && newest == now
    {
        status::succeeded(db);
        return Ok(BackupInfo {
            path,
            events: now.events as usize,
            head: now.head.unwrap_or_else(|| GENESIS.to_string()),
            made: false,
        });
    }
    std::fs::create_dir_all(&dir).map_err(io(BackupText::CannotCreateFolder, &dir))?;
    let label = match reason {
        Reason::Upgrade => format!("v{}-{}", now.schema, kind.label()),
        _ => kind.label().to_string(),
    };
    let depth = match catalog::newest_checked(&dir, &stem, false) {
        Some((_, c)) => Depth::Since(c.events, c.head.unwrap_or_else(|| GENESIS.to_string())),
        None => Depth::Since(0, GENESIS.to_string()),
    };
    let info = copy_to(conn, &fresh_name(&dir, &stem, &label), depth, stop)?;
    // Its chain head in a second place, as for a copy by hand: an anchor for `verify --against`.
    if let Err(e) = super::anchor::write_sidecar(&info.path, info.events, &info.head) {
        tracing::warn!(path = %info.path.display(), "cannot write the chain head beside the backup: {e}");
    }
    if let Some(earlier) = supersedes.filter(|p| *p != info.path)
        && std::fs::remove_file(earlier).is_ok()
    {
        let _ = std::fs::remove_file(super::anchor::sidecar_path(earlier));
    }
    if kind.routine() {
        for gone in catalog::prune(&dir, &stem)? {
            let _ = std::fs::remove_file(super::anchor::sidecar_path(&gone));
        }
    }
    // A failure said before is made good: this copy holds the whole record.
    status::succeeded(db);
    Ok(info)
}

impl Store {
    /// Copies the database to `dest` — a new file, or a folder to put a dated copy in — and checks
    /// the copy in full.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo> {
        let dest = if dest.is_dir() {
            fresh_name(dest, &stem(&self.path), "backup")
        } else {
            dest.to_path_buf()
        };
        copy_to(&self.conn, &dest, Depth::Full, &Stop::default())
    }

    /// An automatic backup into `backups/` next to the database (skipped when the newest routine
    /// one holds the same record); then what the budget does not keep is removed ([`catalog::prune`]).
    pub fn auto_backup(&self, reason: Reason) -> Result<BackupInfo> {
        auto_backup_of(&self.conn, &self.path, reason, None, &Stop::default())
    }
}
