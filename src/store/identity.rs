//! The file under an open store is the file it opened. A database deleted, moved or replaced while
//! the host's screens hold it open would otherwise take every later ballot with it (into a deleted
//! file), or mix two records. So the file's identity (device and inode) is noted at open, and every
//! commit first checks that the path still names that file; if not, the commit is rolled back and
//! the write is refused with [`StoreError::NotSameFile`]. The still-open connection can then save a
//! copy of what it holds ([`Store::rescue_copy`]).
//!
//! A file overwritten in place (same inode, other bytes) is not detected by this; see
//! docs/integrity.md.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::backup::BackupInfo;
use super::{Result, Store, StoreError};

/// Which file a path names: device and inode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    /// The file `path` names now (symlinks followed), if any.
    pub fn of(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().map(|m| FileId {
            dev: m.dev(),
            ino: m.ino(),
        })
    }
}

/// The file a store opened: the path as given (checked again before each write), its canonical
/// form (named to the host), and its identity then.
#[derive(Clone, Debug)]
pub(super) struct Opened {
    path: PathBuf,
    canonical: PathBuf,
    id: Option<FileId>,
    /// Commits are checked (a store that writes).
    guarded: bool,
}

impl Opened {
    pub(super) fn of(path: &Path) -> Opened {
        Opened {
            path: path.to_path_buf(),
            canonical: std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
            id: FileId::of(path),
            guarded: false,
        }
    }

    /// Whether the path still names the file opened.
    fn still_there(&self) -> bool {
        self.id.is_some() && FileId::of(&self.path) == self.id
    }

    /// Refuses every commit of `conn` once the path names another file or none: SQLite rolls
    /// the transaction back and the statement fails with `SQLITE_CONSTRAINT_COMMITHOOK`.
    pub(super) fn guard(&mut self, conn: &Connection) -> Result<()> {
        let opened = self.clone();
        conn.commit_hook(Some(move || !opened.still_there()))?;
        self.guarded = true;
        Ok(())
    }
}

/// Whether an SQLite error is a commit refused by [`Opened::guard`].
pub(super) fn is_refused_commit(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_COMMITHOOK)
}

impl Store {
    /// Whether the database path still names the file this store opened (nothing deleted, moved
    /// or put in its place since).
    pub fn still_ours(&self) -> bool {
        self.opened.still_there()
    }

    /// The file this store opened, as a full path (for telling the host).
    pub fn opened_path(&self) -> &Path {
        &self.opened.canonical
    }

    /// Refuses with [`StoreError::NotSameFile`] unless the path still names the file opened; then
    /// also seals the write-ahead log (see [`Store::seal`]).
    pub fn ensure_ours(&self) -> Result<()> {
        if self.still_ours() {
            Ok(())
        } else {
            self.seal();
            Err(StoreError::NotSameFile)
        }
    }

    /// Moves everything committed from the write-ahead log into the file this store holds open
    /// (wherever it now is, even deleted) and empties the log. The log is named after the path, so
    /// a log left with frames in it would be read as part of whatever file is put at the path:
    /// two records mixed. Best effort: a reader elsewhere may keep the log from being emptied.
    pub fn seal(&self) {
        if let Err(e) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        {
            tracing::warn!("cannot empty the write-ahead log of a file no longer at its path: {e}");
        }
    }
}

impl Drop for Store {
    /// A store whose file left its path does not leave its log behind for the next file there.
    fn drop(&mut self) {
        if self.opened.guarded && !self.still_ours() {
            self.seal();
        }
    }
}

impl Store {
    /// Saves a checked copy of the record this store holds to `dest` (a new file, or a folder for
    /// a dated copy), read from the still-open connection, with its chain head beside it in
    /// `DEST.head`: what rescues a session whose file was deleted or replaced under it.
    pub fn rescue_copy(&self, dest: &Path) -> Result<BackupInfo> {
        let info = self.backup_to(dest)?;
        let sidecar = super::anchor::sidecar_path(&info.path);
        super::anchor::write_sidecar(&info.path, info.events, &info.head).map_err(|e| {
            StoreError::from(
                crate::i18n::said!(crate::i18n::CmdText::CannotWrite, path = sidecar.display())
                    .with("error", &crate::i18n::io_reason(&e)),
            )
        })?;
        Ok(info)
    }
}
