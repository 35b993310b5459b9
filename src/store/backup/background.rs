//! An automatic backup made on its own thread, from its own read connection, so the host's screens
//! go on at once after a vote closes while the copy (a second or so for years of meetings) is
//! written. WAL lets that connection read one consistent state while the store thread writes.
//!
//! The state copied is the one of the moment the backup is asked for: the read transaction is
//! begun before the thread starts, so a close backup holds the close as its last event even when
//! ballots on the next item arrive while it is copied. Backups are made one at a time (each one's
//! check starts from the one before it, and the budget is applied after it), and the last one is
//! waited for before the store goes: the process never exits with a half copy.
//!
//! The screens also make their exit backup this way while the host is idle (see
//! `tui::idle_backup`), so that quitting finds it made: each such copy replaces the one this
//! session made before it, so a session still leaves one exit backup.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags};

use super::{Reason, auto_backup_of};
use crate::store::{Result, Store};

/// The backup being made, if any, and the exit backup this session made in the background.
#[derive(Debug, Default)]
pub(crate) struct Background {
    /// Gives the path of the exit backup it made, if it made one.
    running: Option<JoinHandle<Option<PathBuf>>>,
    session_exit: Option<PathBuf>,
}

impl Background {
    /// Waits for the backup being made, if any.
    pub(crate) fn finish(&mut self) {
        let Some(handle) = self.running.take() else {
            return;
        };
        match handle.join() {
            Ok(Some(made)) => self.session_exit = Some(made),
            Ok(None) => {}
            Err(_) => tracing::warn!("automatic backup failed: its thread panicked"),
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.finish();
    }
}

/// A read connection to `db` holding a read transaction: what it reads stays as it is now.
fn snapshot(db: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch("BEGIN")?;
    // The first read fixes the state the whole backup sees.
    conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(conn)
}

impl Store {
    /// An automatic backup of the database as it is now, made on another thread; returns at once
    /// (after the previous such backup is finished). Its outcome goes to the log; a failure never
    /// undoes what it follows. Waited for when the store is dropped.
    pub fn auto_backup_in_background(&mut self, reason: Reason) {
        self.background.finish();
        let conn = match snapshot(&self.path) {
            Ok(conn) => conn,
            Err(e) => {
                tracing::warn!("automatic backup failed: {e}");
                return;
            }
        };
        let db = self.path.clone();
        // An exit backup replaces the one this session made before (its record is a part of the
        // new one's); other backups are kept by the budget.
        let supersedes = self
            .background
            .session_exit
            .clone()
            .filter(|_| reason == Reason::Exit);
        let spawned = std::thread::Builder::new()
            .name("backup".into())
            .spawn(
                move || match auto_backup_of(&conn, &db, reason, supersedes.as_deref()) {
                    Ok(info) if info.made => {
                        tracing::info!(path = %info.path.display(), "automatic backup");
                        (reason == Reason::Exit).then_some(info.path)
                    }
                    Ok(info) => {
                        tracing::info!(path = %info.path.display(), "nothing changed since this backup");
                        None
                    }
                    Err(e) => {
                        tracing::warn!("automatic backup failed: {e}");
                        None
                    }
                },
            );
        match spawned {
            Ok(handle) => self.background.running = Some(handle),
            Err(e) => tracing::warn!("automatic backup failed: no thread for it: {e}"),
        }
    }

    /// Waits for an automatic backup made in the background, if one is being made.
    pub fn finish_backups(&mut self) {
        self.background.finish();
    }

    /// Whether an automatic backup is being made in the background now.
    pub fn backup_running(&self) -> bool {
        self.background
            .running
            .as_ref()
            .is_some_and(|h| !h.is_finished())
    }
}
