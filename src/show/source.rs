//! Following the host's database from another process without ever writing to it: a read-only
//! connection polled with `PRAGMA data_version` (it changes when any other connection commits), and the
//! host lock's file read — never locked — to tell whether the host's screens are open.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::store::Store;
use crate::store::lock::{Holder, HostLock};

use super::model::Board;

/// How often the host's presence is looked at (a small file read).
const HOST_EVERY: Duration = Duration::from_millis(500);
/// How long to wait before opening the database again after it could not be read.
const RETRY_EVERY: Duration = Duration::from_secs(1);

pub struct Source {
    path: PathBuf,
    fixed: Option<i64>,
    store: Option<Store>,
    version: Option<i64>,
    host: bool,
    host_checked: Option<Instant>,
    failed_at: Option<Instant>,
    /// Why the database cannot be read, while it cannot.
    pub problem: Option<String>,
}

impl Source {
    pub fn new(path: &Path, fixed: Option<i64>) -> Source {
        Source {
            path: path.to_path_buf(),
            fixed,
            store: None,
            version: None,
            host: false,
            host_checked: None,
            failed_at: None,
            problem: None,
        }
    }

    /// A new board when something changed since the last call (a commit, the host coming or going),
    /// else `None`. Cheap when nothing changed: one pragma, and now and then a small file read.
    pub fn poll(&mut self) -> Option<Board> {
        let now = Instant::now();
        let mut changed = false;
        if self.host_checked.is_none_or(|t| now - t >= HOST_EVERY) {
            self.host_checked = Some(now);
            let here = host_here(&self.path);
            if here != self.host {
                self.host = here;
                changed = true;
                // The host's program may have replaced the file (a restore) or its WAL: start afresh.
                self.store = None;
            }
        }
        if self.store.is_none() {
            if self.failed_at.is_some_and(|t| now - t < RETRY_EVERY) {
                return None;
            }
            match Store::open_read_only(&self.path) {
                Ok(s) => {
                    self.store = Some(s);
                    self.version = None;
                }
                Err(e) => return self.failed(now, e.to_string()),
            }
        }
        let store = self.store.as_ref()?;
        let version = match store.data_version() {
            Ok(v) => v,
            Err(e) => return self.failed(now, e.to_string()),
        };
        if self.version != Some(version) {
            self.version = Some(version);
            changed = true;
        }
        if !changed {
            return None;
        }
        match Board::read(store, self.fixed, self.host) {
            Ok(board) => {
                self.problem = None;
                self.failed_at = None;
                Some(board)
            }
            Err(e) => self.failed(now, e.to_string()),
        }
    }

    fn failed(&mut self, now: Instant, why: String) -> Option<Board> {
        tracing::warn!("the display cannot read the database: {why}");
        self.store = None;
        self.version = None;
        self.failed_at = Some(now);
        self.problem = Some(why);
        None
    }
}

/// Whether the host's screens (`run` or `demo`) hold the database's lock. Reads the lock's file only:
/// taking the lock, even for an instant, could refuse a host starting at that moment.
pub fn host_here(db: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(HostLock::path_for(db)) else {
        return false;
    };
    let Ok(holder) = serde_json::from_str::<Holder>(&text) else {
        return false;
    };
    matches!(holder.command.as_str(), "run" | "demo") && alive(holder.pid)
}

/// Whether a process lives. A holder killed outright leaves its name in the file; on Linux `/proc`
/// tells. Elsewhere the file's content is trusted.
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}
