//! One host at a time: an advisory lock on a sidecar file `DB.lock`, held while the holder lives.
//!
//! The operating system releases the lock when the holding process ends, however it ends (a crash, a
//! power cut, `kill -9`), so there is never a stale lock to clean up. While it holds the lock the
//! holder keeps who it is in the file — process id, since when, which command — so that a second
//! program can say who is in the way.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Who holds the lock.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Holder {
    pub pid: u32,
    /// Local time the holder took the lock, `YYYY-MM-DD HH:MM:SS`.
    pub since: String,
    /// The command it runs (`run`, `demo`, `ballot` …).
    pub command: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}", held_message(.db, .holder.as_ref(), *.waited))]
    Held {
        db: PathBuf,
        holder: Option<Holder>,
        waited: Duration,
    },
    #[error("cannot lock {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn held_message(db: &Path, holder: Option<&Holder>, waited: Duration) -> String {
    let who = match holder {
        Some(h) => format!(
            "`pavilion {}` (process {}, since {})",
            h.command, h.pid, h.since
        ),
        None => "another pavilion".to_string(),
    };
    if waited.is_zero() {
        format!(
            "{} is already open in {who}: only one host at a time — close it there first",
            db.display()
        )
    } else {
        format!(
            "{} is in use by {who}; waited {} s: try again when it is done, or close the host's screens first",
            db.display(),
            waited.as_secs_f32().round()
        )
    }
}

/// The file a path names: resolved when it exists; else its folder resolved, with its name.
fn canonical(db: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(db) {
        return p;
    }
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (std::fs::canonicalize(dir), db.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => db.to_path_buf(),
    }
}

/// The lock; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct HostLock {
    file: File,
    path: PathBuf,
}

impl HostLock {
    /// The sidecar lock file of a database: `pavilion.db` → `pavilion.db.lock`, beside the file
    /// the path finally names (symlinks and `..` resolved), so every way of writing the path
    /// meets the same lock.
    pub fn path_for(db: &Path) -> PathBuf {
        let mut name = canonical(db).into_os_string();
        name.push(".lock");
        PathBuf::from(name)
    }

    /// Takes the lock of `db` for `command`, trying for up to `wait` (zero: once).
    pub fn acquire(db: &Path, command: &str, wait: Duration) -> Result<HostLock, LockError> {
        let path = Self::path_for(db);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        // Not truncated on open: the file holds the current holder's name until the lock is ours.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::Held {
                        db: db.to_path_buf(),
                        holder: read_holder(&path),
                        waited: wait,
                    });
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        let holder = Holder {
            pid: std::process::id(),
            since: crate::localtime::now_local()
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string(),
            command: command.to_string(),
        };
        let json = serde_json::to_string(&holder).unwrap_or_default();
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        file.write_all(json.as_bytes()).map_err(io)?;
        file.flush().map_err(io)?;
        Ok(HostLock { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who holds the lock of `db` now, if anyone.
    pub fn holder(db: &Path) -> Option<Holder> {
        let path = Self::path_for(db);
        let file = OpenOptions::new().read(true).write(true).open(&path).ok()?;
        match file.try_lock() {
            Ok(()) => None,
            Err(_) => read_holder(&path),
        }
    }
}

impl Drop for HostLock {
    fn drop(&mut self) {
        // Leave the file (another process may be waiting on it); forget who held it.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

fn read_holder(path: &Path) -> Option<Holder> {
    let mut text = String::new();
    File::open(path).ok()?.read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_ones_name_until_it_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pavilion.db");
        let first = HostLock::acquire(&db, "run", Duration::ZERO).unwrap();
        let err = HostLock::acquire(&db, "ballot", Duration::from_millis(250)).unwrap_err();
        let LockError::Held { holder, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(holder.as_ref().unwrap().pid, std::process::id());
        assert_eq!(holder.as_ref().unwrap().command, "run");
        let msg = err.to_string();
        assert!(msg.contains("`pavilion run` (process"), "{msg}");
        assert!(msg.contains("waited"), "{msg}");
        assert_eq!(HostLock::holder(&db).unwrap().command, "run");
        drop(first);
        assert_eq!(HostLock::holder(&db), None);
        let second = HostLock::acquire(&db, "ballot", Duration::ZERO).unwrap();
        assert_eq!(HostLock::holder(&db).unwrap().command, "ballot");
        drop(second);
    }
}
