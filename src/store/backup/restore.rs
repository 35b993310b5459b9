//! `restore`: a backup checked before it replaces the database, and a damaged database set aside
//! (named and kept) so that a restore works exactly when it is needed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension};

use super::super::{Result, StoreError};
use super::catalog::Kind;
use super::{
    backups_dir, check_connection, copy_whole, fresh_name, io, stem, sync_folder_of, with_suffix,
};
use crate::i18n::terms::counted;
use crate::i18n::{BackupText, CliText, said};
use crate::lang::Lang;

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
            return Err(said!(BackupText::NoBackupFile, path = file.display()).into());
        }
        let mut temp = db.as_os_str().to_os_string();
        temp.push(".restoring");
        let temp = PathBuf::from(temp);
        let _ = std::fs::remove_file(&temp);
        std::fs::copy(file, &temp).map_err(io(BackupText::CannotReadBackup, file))?;
        let checked = Self::check(file, &temp);
        if checked.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        checked
    }

    fn check(file: &Path, temp: &Path) -> Result<Candidate> {
        let not_ours = || StoreError::from(said!(BackupText::NotABackup, path = file.display()));
        let conn = Connection::open(temp).map_err(|_| not_ours())?;
        let schema: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|_| not_ours())?;
        if schema == 0 {
            return Err(not_ours());
        }
        crate::store::open::refuse_newer(file, schema)?;
        let (events, head) = check_connection(&conn, file)?;
        let verification = super::super::verify::verify_connection(&conn)?;
        if let Some(first) = verification.findings.first() {
            let n = verification.findings.len();
            let problems = |lang| counted(lang, n, CliText::Problem, CliText::Problems);
            return Err(said!(BackupText::FailsVerify, path = file.display())
                .both("problems", problems(Lang::Zh), problems(Lang::En))
                .both("first", first.render(Lang::Zh), first.render(Lang::En))
                .into());
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
            return Err(said!(BackupText::AlreadyRestored).into());
        };
        let result = (|| -> Result<()> {
            let mut dst = Connection::open(db)?;
            dst.busy_timeout(Duration::from_secs(5))?;
            copy_whole(&src, &mut dst, &super::Stop::default())?;
            dst.pragma_update(None, "journal_mode", "WAL")?;
            // The database's name may be new (the damaged file was moved aside).
            sync_folder_of(db);
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

/// Moves a database that cannot be copied as it is (damaged, or no longer what its events say)
/// into `backups/` as `STEM-…-damaged.db`, its `-wal` beside it under the matching name (so SQLite
/// still finds it there); the `-shm` (only shared memory) is removed. Returns where it now is.
pub fn set_aside(db: &Path) -> Result<PathBuf> {
    let dir = backups_dir(db);
    std::fs::create_dir_all(&dir).map_err(io(BackupText::CannotCreateFolder, &dir))?;
    let dest = fresh_name(&dir, &stem(db), Kind::Damaged.label());
    move_file(db, &dest)?;
    for suffix in ["-wal", "-journal"] {
        let side = with_suffix(db, suffix);
        if side.exists() {
            move_file(&side, &with_suffix(&dest, suffix))?;
        }
    }
    let _ = std::fs::remove_file(with_suffix(db, "-shm"));
    sync_folder_of(&dest);
    sync_folder_of(db);
    Ok(dest)
}

/// Renames, or (onto another file system) copies, syncs and removes.
fn move_file(from: &Path, to: &Path) -> Result<()> {
    if std::fs::rename(from, to).is_ok() {
        return Ok(());
    }
    std::fs::copy(from, to).map_err(|e| {
        StoreError::from(
            said!(
                BackupText::CannotMove,
                from = from.display(),
                to = to.display()
            )
            .with("error", &crate::i18n::io_reason(&e)),
        )
    })?;
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(io(crate::i18n::CmdText::CannotWrite, to))?;
    std::fs::remove_file(from).map_err(io(BackupText::CannotRemove, from))
}
