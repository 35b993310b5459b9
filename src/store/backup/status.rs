//! What an automatic backup made in the background has to say after the program that asked for it
//! is gone: `DB.backup-status` beside the database, a small JSON file. A backup made after the screens close
//! (or after a headless `close`) runs in a process of its own; while it runs the file says so, and
//! if it fails the file keeps the reason until a later automatic backup succeeds. The screens show
//! it when they open and `pavilion backups` lists it, so a failure is never only in the log.

use std::path::{Path, PathBuf};

use super::{Reason, sync_folder_of};

/// The state of the last automatic backup made in the background.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Status {
    /// `running` or `failed`.
    pub state: State,
    /// `close` or `exit` (what the backup was for).
    pub kind: String,
    /// The process that makes (or made) it.
    pub pid: u32,
    /// Local time it started (`running`) or failed (`failed`), `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    /// Why it failed (empty while it runs), in English; and in Chinese (files written before it
    /// was kept have none: the English is shown).
    #[serde(default)]
    pub error: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub error_zh: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Running,
    Failed,
}

impl Status {
    /// A `running` status whose process is gone: it ended without finishing the copy (killed, or
    /// the machine went off).
    pub fn abandoned(&self) -> bool {
        self.state == State::Running && !process_alive(self.pid)
    }
}

impl Status {
    /// What the host is told (None: a backup runs now, which is nothing to warn about).
    pub fn warning(&self, lang: crate::lang::Lang) -> Option<String> {
        use crate::i18n::BackupText as B;
        match self.state {
            State::Failed => Some(self.fill(B::LastFailed, lang)),
            State::Running if self.abandoned() => Some(self.fill(B::Abandoned, lang)),
            State::Running => None,
        }
    }

    /// The same, a backup running included (for `pavilion backups`).
    pub fn describe(&self, lang: crate::lang::Lang) -> String {
        self.warning(lang)
            .unwrap_or_else(|| self.fill(crate::i18n::BackupText::Running, lang))
    }

    fn fill(&self, text: crate::i18n::BackupText, lang: crate::lang::Lang) -> String {
        use crate::i18n::BackupText as B;
        let kind = if self.kind == "close" {
            B::Close
        } else {
            B::Exit
        }
        .get(lang);
        let error = match lang {
            crate::lang::Lang::Zh if !self.error_zh.is_empty() => &self.error_zh,
            _ => &self.error,
        };
        // Written as each language writes a time (as stored if it does not read).
        let at = jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", &self.at)
            .map(|dt| crate::i18n::date_time(lang, dt))
            .unwrap_or_else(|_| self.at.clone());
        text.fill(
            lang,
            &[
                ("kind", &kind),
                ("at", &at),
                ("error", error),
                ("pid", &self.pid),
            ],
        )
    }
}

/// Where the status of `db`'s background backups is kept: beside the database (`DB.backup-status`),
/// so that a backups folder that cannot be written does not take the report of it along.
pub fn status_path(db: &Path) -> PathBuf {
    super::with_suffix(db, ".backup-status")
}

/// The status, if a background backup runs or the last one failed.
pub fn read(db: &Path) -> Option<Status> {
    let text = std::fs::read_to_string(status_path(db)).ok()?;
    serde_json::from_str(&text).ok()
}

fn now() -> String {
    crate::localtime::now_local()
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string()
}

fn write(db: &Path, status: &Status) {
    let path = status_path(db);
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let part = super::with_suffix(&path, ".part");
    let written = serde_json::to_vec(status)
        .map_err(std::io::Error::other)
        .and_then(|bytes| std::fs::write(&part, bytes))
        .and_then(|()| std::fs::rename(&part, &path));
    match written {
        Ok(()) => sync_folder_of(&path),
        Err(e) => tracing::warn!(path = %path.display(), "cannot write the backup status: {e}"),
    }
}

/// This process starts a background backup of `db`.
pub fn running(db: &Path, reason: Reason) {
    write(
        db,
        &Status {
            state: State::Running,
            kind: reason.kind().label().to_string(),
            pid: std::process::id(),
            at: now(),
            error: String::new(),
            error_zh: String::new(),
        },
    );
}

/// A background backup of `db` failed: kept until a later automatic backup succeeds.
pub fn failed(db: &Path, reason: Reason, error: &crate::i18n::Said) {
    tracing::warn!("automatic backup failed: {error}");
    write(
        db,
        &Status {
            state: State::Failed,
            kind: reason.kind().label().to_string(),
            pid: std::process::id(),
            at: now(),
            error: error.render(crate::lang::Lang::En),
            error_zh: error.render(crate::lang::Lang::Zh),
        },
    );
}

/// An automatic backup of `db` succeeded: what the status said is over (a failure before it is
/// made good: the new copy holds the whole record). Another process's `running` status is left.
pub fn succeeded(db: &Path) {
    let Some(status) = read(db) else { return };
    if status.state == State::Failed || status.pid == std::process::id() || status.abandoned() {
        let _ = std::fs::remove_file(status_path(db));
    }
}

/// Waits while an automatic backup of `db` is being made in the background (by a process of its
/// own, or by one that already holds the backups' lock).
pub fn wait(db: &Path) {
    while read(db).is_some_and(|s| s.state == State::Running && !s.abandoned()) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let dir = super::backups_dir(db);
    if dir.is_dir() {
        let _ = super::folder_lock(&dir, &super::stem(db));
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists() || !Path::new("/proc/self").exists()
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}
