//! An automatic backup made on its own thread, from its own read connection, so the host's screens
//! go on at once after a vote closes while the copy (a second or so for years of meetings) is
//! written. WAL lets that connection read one consistent state while the store thread writes.
//!
//! The state copied is the one of the moment the backup is asked for: the read transaction is
//! begun before the thread starts, so a close backup holds the close as its last event even when
//! ballots on the next item arrive while it is copied. Backups are made one at a time (each one's
//! check starts from the one before it, and the budget is applied after it), and the last one is
//! waited for, or called off with nothing of it kept, before the store goes: the process never
//! exits with a half copy.
//!
//! The screens also make their exit backup this way while the host is idle (see
//! `tui::idle_backup`), so that quitting finds it made: each such copy replaces the one this
//! session made before it, so a session still leaves one exit backup. A failure is kept (see
//! [`Store::take_backup_failures`]) for the screens to show, and in the backups' status file.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags};

use super::{Reason, Stop, auto_backup_of, status};
use crate::i18n::{BackupText, Said, said};
use crate::store::{Result, Store};

/// A background backup that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub reason: Reason,
    pub error: Said,
}

/// A backup being made on its own thread.
#[derive(Debug)]
struct Running {
    reason: Reason,
    /// The last event of the state it copies (id; 0: none).
    head: i64,
    stop: Stop,
    /// Gives the path of the backup it made (None: none was needed), or why it failed.
    handle: JoinHandle<std::result::Result<Option<PathBuf>, Said>>,
}

/// The backup being made, if any, the exit backup this session made in the background, and the
/// failures not yet taken.
#[derive(Debug, Default)]
pub(crate) struct Background {
    running: Option<Running>,
    session_exit: Option<PathBuf>,
    failures: Vec<Failure>,
}

impl Background {
    /// Waits for the backup being made, if any.
    /// Waits for the backup being made, if any; returns whether it made a copy.
    pub(crate) fn finish(&mut self) -> bool {
        let Some(running) = self.running.take() else {
            return false;
        };
        let reason = running.reason;
        match running.handle.join() {
            Ok(Ok(Some(made))) => {
                if reason == Reason::Exit {
                    self.session_exit = Some(made);
                }
                true
            }
            Ok(Ok(None)) => false,
            Ok(Err(error)) => {
                self.failures.push(Failure { reason, error });
                false
            }
            Err(_) => {
                self.failures.push(Failure {
                    reason,
                    error: said!(BackupText::ThreadStopped),
                });
                false
            }
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// A read connection to `db` holding a read transaction: what it reads stays as it is now.
/// Returns it with the id of its last event.
pub(crate) fn snapshot(db: &Path) -> Result<(Connection, i64)> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch("BEGIN")?;
    // The first read fixes the state the whole backup sees.
    let head = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM events", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok((conn, head))
}

/// Makes an automatic backup from `conn` (a snapshot), keeping its outcome in the status file:
/// a failure stays there until a later automatic backup succeeds.
pub(crate) fn make(
    conn: &Connection,
    db: &Path,
    reason: Reason,
    supersedes: Option<&Path>,
    stop: &Stop,
) -> std::result::Result<Option<PathBuf>, Said> {
    match auto_backup_of(conn, db, reason, supersedes, stop) {
        Ok(info) => {
            if info.made {
                tracing::info!(path = %info.path.display(), "automatic backup");
            } else {
                tracing::info!(path = %info.path.display(), "nothing changed since this backup");
            }
            Ok(info.made.then_some(info.path))
        }
        Err(_) if stop.asked() => {
            tracing::info!("automatic backup called off: another one replaces it");
            Ok(None)
        }
        Err(e) => {
            let error = crate::i18n::errors::said_of(&e);
            status::failed(db, reason, &error);
            Err(error)
        }
    }
}

/// The database as it is at one moment, read by a connection of its own, for an automatic backup
/// made later or elsewhere (after the program that asked for it has gone on, or ended).
pub struct Snapshot {
    conn: Connection,
}

impl Snapshot {
    /// Opens a read of `db` as it is now.
    pub fn take(db: &Path) -> Result<Snapshot> {
        Ok(Snapshot {
            conn: snapshot(db)?.0,
        })
    }

    /// Makes the automatic backup of that state (waiting for one being made before it), replacing
    /// `replaces` (an exit backup of the same session). Its outcome is logged and kept in the
    /// status file; returns the copy made, if one was needed, or why it failed.
    pub fn make(
        self,
        db: &Path,
        reason: Reason,
        replaces: Option<&Path>,
    ) -> std::result::Result<Option<PathBuf>, Said> {
        make(&self.conn, db, reason, replaces, &Stop::default())
    }
}

impl Store {
    /// An automatic backup of the database as it is now, made on another thread; returns at once
    /// (after the previous such backup is finished). A failure never undoes what it follows; it is
    /// kept for [`Store::take_backup_failures`] and in the status file. Waited for when the store
    /// is dropped.
    pub fn auto_backup_in_background(&mut self, reason: Reason) {
        self.background.finish();
        let (conn, head) = match snapshot(&self.path) {
            Ok(snap) => snap,
            Err(e) => {
                let error = crate::i18n::errors::said_of(&e);
                status::failed(&self.path, reason, &error);
                self.background.failures.push(Failure { reason, error });
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
        let stop = Stop::new();
        let stop_there = stop.clone();
        let spawned = std::thread::Builder::new()
            .name("backup".into())
            .spawn(move || make(&conn, &db, reason, supersedes.as_deref(), &stop_there));
        match spawned {
            Ok(handle) => {
                self.background.running = Some(Running {
                    reason,
                    head,
                    stop,
                    handle,
                })
            }
            Err(e) => {
                let error = said!(BackupText::NoThread).with("error", &crate::i18n::io_reason(&e));
                status::failed(&self.path, reason, &error);
                self.background.failures.push(Failure { reason, error });
            }
        }
    }

    /// Waits for an automatic backup made in the background, if one is being made.
    pub fn finish_backups(&mut self) {
        let _ = self.background.finish();
    }

    /// Whether an automatic backup is being made in the background now.
    pub fn backup_running(&self) -> bool {
        self.background
            .running
            .as_ref()
            .is_some_and(|r| !r.handle.is_finished())
    }

    /// The background backups that failed since last asked (a finished one is looked at first).
    pub fn take_backup_failures(&mut self) -> Vec<Failure> {
        if self
            .background
            .running
            .as_ref()
            .is_some_and(|r| r.handle.is_finished())
        {
            let _ = self.background.finish();
        }
        std::mem::take(&mut self.background.failures)
    }

    /// The id of the last event (0: none): every change appends one.
    pub fn last_event_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(id), 0) FROM events", [], |r| r.get(0))?)
    }

    /// The exit backup this session made in the background, if any.
    pub fn session_exit_backup(&self) -> Option<&Path> {
        self.background.session_exit.as_deref()
    }

    /// The backup being made in the background, if any: why, and the last event of the state it
    /// copies.
    pub fn backup_in_progress(&self) -> Option<(Reason, i64)> {
        let r = self.background.running.as_ref()?;
        Some((r.reason, r.head))
    }

    /// Calls off the backup being made in the background (nothing of it is kept) and waits until
    /// it has stopped. For a copy another will replace: the exit backup a process of its own
    /// makes when the screens close. Returns whether the copy was made all the same (the call came
    /// after it was done).
    pub fn call_off_backup(&mut self) -> bool {
        if let Some(r) = &self.background.running {
            r.stop.ask();
        }
        self.background.finish()
    }
}
