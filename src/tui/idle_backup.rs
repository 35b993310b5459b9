//! The exit backup, made while the host is idle rather than when the screens close: after a change,
//! once nothing has been written for a few seconds (and not more often than once a minute), the
//! store thread starts a checked backup in the background. Quitting then waits only for what is
//! left of a copy being made, or for none: after years of meetings a full copy takes a second or
//! more. Each one replaces the one this session made before it (see `store::backup::background`).
//!
//! When the screens close and something changed after the last one started, the last one is not
//! made while the host waits: it is handed off ([`Handoff`]) to a process of its own, which takes
//! its read of the database before the screens let go of it (see `cli::handoff`). A copy still
//! being made of an earlier state is called off (nothing of it kept) when the hand-off replaces
//! it; a close backup of an earlier state is waited for (it must end at the close).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::store::Store;
use crate::store::backup::Reason;

/// An automatic backup the screens leave to be made after they close.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handoff {
    pub reason: Reason,
    /// The exit backup this session made, which the new one replaces.
    pub replaces: Option<PathBuf>,
}

/// When the exit backup is started.
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    /// Nothing written for this long after a change.
    pub quiet: Duration,
    /// At least this long after the last one started (each is a copy of the whole file).
    pub spacing: Duration,
}

impl Pace {
    pub const SCREENS: Pace = Pace {
        quiet: Duration::from_secs(3),
        spacing: Duration::from_secs(60),
    };
}

impl Handoff {
    /// Makes the backup in this process, waiting for it (where no process of its own can be
    /// started; and in tests, which drive the store thread without the program).
    pub fn make_here(&self, db: &std::path::Path) -> Result<Option<PathBuf>, crate::i18n::Said> {
        crate::store::backup::Snapshot::take(db)
            .map_err(|e| crate::i18n::errors::said_of(&e))?
            .make(db, self.reason, self.replaces.as_deref())
    }
}

/// The store thread's record of changes since the last exit backup it started.
#[derive(Debug)]
pub struct IdleBackup {
    pace: Pace,
    /// The last write not yet in a backup started since.
    changed: Option<Instant>,
    started: Option<Instant>,
}

impl IdleBackup {
    pub fn new(pace: Pace) -> IdleBackup {
        IdleBackup {
            pace,
            changed: None,
            started: None,
        }
    }

    /// A request wrote to the database.
    pub fn wrote(&mut self, now: Instant) {
        self.changed = Some(now);
    }

    /// When a backup would be due, if something changed: the store thread waits for requests
    /// until then.
    pub fn due(&self) -> Option<Instant> {
        let changed = self.changed?;
        let quiet = changed + self.pace.quiet;
        Some(match self.started {
            Some(started) => quiet.max(started + self.pace.spacing),
            None => quiet,
        })
    }

    /// Starts the backup if it is due and none is being made (a close backup may be); returns
    /// whether it started.
    pub fn tick(&mut self, store: &mut Store, now: Instant) -> bool {
        if self.due().is_none_or(|due| now < due) || store.backup_running() {
            return false;
        }
        // A file put in place of ours is not ours to copy (the screens offer a rescue copy).
        if store.ensure_ours().is_err() {
            self.changed = None;
            return false;
        }
        self.start(store, now);
        true
    }

    /// The screens close: what backup is left to make, if any — one of the state now, when
    /// something changed since the last one started or the copy being made is of this state.
    /// Nothing is being copied when it returns.
    pub fn finish(&mut self, store: &mut Store) -> Option<Handoff> {
        let ours = store.ensure_ours().is_ok();
        let mut reason = None;
        if let Some((kind, at)) = store
            .backup_in_progress()
            .filter(|_| store.backup_running())
        {
            let now = store.last_event_id().ok();
            if ours && now == Some(at) {
                // Of the state now: the hand-off makes the same copy, unless this one was done
                // before the call reached it.
                if !store.call_off_backup() {
                    reason = Some(kind);
                }
                self.changed = None;
            } else if ours && kind == Reason::Exit {
                // Of an earlier state: the hand-off replaces it.
                let _ = store.call_off_backup();
            }
        }
        store.finish_backups();
        if self.changed.take().is_some() && ours {
            reason = Some(Reason::Exit);
        }
        let reason = reason?;
        Some(Handoff {
            reason,
            replaces: store
                .session_exit_backup()
                .filter(|_| reason == Reason::Exit)
                .map(PathBuf::from),
        })
    }

    fn start(&mut self, store: &mut Store, now: Instant) {
        store.auto_backup_in_background(Reason::Exit);
        self.changed = None;
        self.started = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_due_after_a_quiet_spell_and_not_twice_a_minute() {
        let pace = Pace::SCREENS;
        let t0 = Instant::now();
        let mut idle = IdleBackup::new(pace);
        assert_eq!(idle.due(), None, "nothing changed: nothing due");
        idle.wrote(t0);
        idle.wrote(t0 + Duration::from_secs(2));
        assert_eq!(idle.due(), Some(t0 + Duration::from_secs(5)));
        // Started at t0 + 5 s; a change at t0 + 10 s waits for a minute after that start.
        idle.changed = None;
        idle.started = Some(t0 + Duration::from_secs(5));
        assert_eq!(idle.due(), None);
        idle.wrote(t0 + Duration::from_secs(10));
        assert_eq!(idle.due(), Some(t0 + Duration::from_secs(65)));
        idle.wrote(t0 + Duration::from_secs(64));
        assert_eq!(idle.due(), Some(t0 + Duration::from_secs(67)));
    }
}
