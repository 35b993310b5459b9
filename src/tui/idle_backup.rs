//! The exit backup, made while the host is idle rather than when the screens close: after a change,
//! once nothing has been written for a few seconds (and not more often than once a minute), the
//! store thread starts a checked backup in the background. Quitting then waits only for what is
//! left of a copy being made, or for none: after years of meetings a full copy takes a second or
//! more. Each one replaces the one this session made before it (see `store::backup::background`),
//! and if something changed after the last one started, a last one is made when the screens close
//! — the process still never exits with half a copy, and a failure still reaches the host (the
//! exit backup made after the screens close reports it).

use std::time::{Duration, Instant};

use crate::store::Store;
use crate::store::backup::Reason;

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

    /// The screens close: a last backup if something changed since the last one started, then
    /// waits for the one being made.
    pub fn finish(&mut self, store: &mut Store) {
        if self.changed.is_some() && store.ensure_ours().is_ok() {
            self.start(store, Instant::now());
        }
        store.finish_backups();
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
