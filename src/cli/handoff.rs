//! An automatic backup handed off to a process of its own, so that nobody waits for the copy: the
//! screens' last exit backup, and a headless `close`'s backup. After years of meetings a checked
//! copy takes a second or more; the host gets the prompt back at once.
//!
//! The guarantees stay:
//! - **The copy is of the moment asked for.** The child opens its read of the database and says
//!   `ready` while this process still holds the database's lock, so no other writer can come
//!   between; only then does this process end. The database file is left self-contained first
//!   (this process's connection is closed, which empties the log), so a `cp` of it holds
//!   everything.
//! - **Never half a copy.** The child writes under a `.part` name, checks, and only then names the
//!   copy (as every backup does); automatic backups are made one at a time across processes (a
//!   lock in `backups/`), and a `.part` left by a child that never finished is removed by the next.
//! - **Never silent.** While the child runs, and if it fails, `backups/STEM.backup-status` says so:
//!   the screens show a failure (or a copy that never finished) when they next open, and
//!   `pavilion backups` lists it. `pavilion backups --wait` waits for a backup being made.
//! - If the child cannot be started or does not answer, the backup is made here, waited for, and a
//!   failure is said on the terminal, as before.

use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::store::backup::{Reason, status};
use crate::tui::idle_backup::Handoff;

/// How long the child may take to open its read of the database.
const READY_WITHIN: Duration = Duration::from_secs(10);

/// The word the child says once its read of the database is open.
const READY: &str = "ready";

fn reason_arg(reason: Reason) -> &'static str {
    match reason {
        Reason::Close => "close",
        _ => "exit",
    }
}

/// Hands the backup off to a child process; call with the database's lock held and no connection
/// to the database open in this process. Returns once the child has its read of the database.
pub fn hand_off(db: &Path, handoff: &Handoff) {
    match std::env::current_exe() {
        Ok(exe) => hand_off_to(&exe, db, handoff),
        Err(e) => made_here(db, handoff, &e.to_string()),
    }
}

/// The same, with the program at `exe` (the history bench hands off to the built program).
pub fn hand_off_to(exe: &Path, db: &Path, handoff: &Handoff) {
    match start_child(exe, db, handoff) {
        Ok(()) => {}
        Err(why) => made_here(db, handoff, &why),
    }
}

fn made_here(db: &Path, handoff: &Handoff, why: &str) {
    tracing::warn!("automatic backup: no process of its own ({why}); made here");
    if let Err(error) = handoff.make_here(db) {
        super::integrity::say_backup_failed(&error);
    }
}

fn start_child(exe: &Path, db: &Path, handoff: &Handoff) -> std::result::Result<(), String> {
    let mut command = Command::new(exe);
    command
        .arg("--db")
        .arg(db)
        .args(["backup-handoff", "--reason", reason_arg(handoff.reason)]);
    if let Some(replaces) = &handoff.replaces {
        command.arg("--replaces").arg(replaces);
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    // Its own process group: a Ctrl-C at the prompt right after is not for it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|e| e.to_string())?;
    let stdout = child.stdout.take().ok_or("no pipe from it")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    match rx.recv_timeout(READY_WITHIN) {
        Ok(line) if line.trim() == READY => Ok(()),
        answer => {
            let _ = child.kill();
            let _ = child.wait();
            Err(format!("it did not get ready: {answer:?}"))
        }
    }
}

/// The child: opens its read of the database, says so, then makes the backup (its outcome in the
/// status file and the log).
pub fn child(db: &Path, reason: &str, replaces: Option<&Path>) -> anyhow::Result<()> {
    let reason = match reason {
        "close" => Reason::Close,
        _ => Reason::Exit,
    };
    let snapshot = crate::store::backup::Snapshot::take(db)?;
    status::running(db, reason);
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "{READY}")?;
        out.flush()?;
    }
    // The outcome is in the status file and the log; nobody reads this process's output now.
    let _ = snapshot.make(db, reason, replaces);
    Ok(())
}
