//! `verify`, `backup`, `restore`, and the lock that keeps to one host at a time.

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use super::outcome::{DigestNotFound, Unverified};
use super::say::{count, say, text};
use crate::i18n::{BackupText as B, CliText as C, RecordText, said};
use crate::store::Store;
use crate::store::anchor::DIGEST_MIN_HEX;
use crate::store::backup::catalog::contents_of;
use crate::store::backup::{Candidate, Reason, set_aside};
use crate::store::lock::HostLock;

use super::args::{ActionsCommand, Command, RosterCommand};

/// How long a headless command that writes waits for the database to be free.
const WRITER_WAIT: Duration = Duration::from_secs(3);

/// Takes the database's lock for commands that write: the host's screens for their lifetime (refused
/// at once when held), headless writers for the command (waiting up to `WRITER_WAIT`). Readers
/// (tally, meetings, lists, verify, backup) take none.
pub fn lock_for(path: &Path, command: &Command) -> Result<Option<HostLock>> {
    let wait = WRITER_WAIT;
    let (name, wait) = match command {
        Command::Demo => ("demo", Duration::ZERO),
        Command::Run { .. } => ("run", Duration::ZERO),
        Command::Init { .. } => ("init", wait),
        // A dry run works on a copy in memory: a reader, no lock.
        Command::Roster(RosterCommand::Import { dry_run: false, .. }) => ("roster import", wait),
        Command::Intake { .. } => ("intake", wait),
        Command::Attend { .. } => ("attend", wait),
        Command::Ballot { .. } => ("ballot", wait),
        Command::BallotImport { .. } => ("ballot-import", wait),
        Command::Close { .. } => ("close", wait),
        Command::Cost { set: Some(_), .. } => ("cost --set", wait),
        Command::Note { .. } => ("note", wait),
        Command::Proposal { .. } => ("proposal", wait),
        Command::Step { .. } => ("step", wait),
        Command::Raise { .. } => ("raise", wait),
        Command::Schedule { .. } => ("schedule", wait),
        Command::Actions(ActionsCommand::Add { .. }) => ("actions add", wait),
        Command::Actions(ActionsCommand::Update { .. }) => ("actions update", wait),
        Command::Actions(ActionsCommand::Close { .. }) => ("actions close", wait),
        Command::Restore { .. } => ("restore", wait),
        Command::Meeting(_) => ("meeting set", wait),
        Command::Guest(g) if g.writes() => ("guest", wait),
        _ => return Ok(None),
    };
    let creates = matches!(
        command,
        Command::Demo | Command::Init { .. } | Command::Restore { .. }
    );
    if !creates && !path.exists() {
        // Nothing to protect; the command itself says there is no database.
        return Ok(None);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    Ok(Some(HostLock::acquire(path, name, wait)?))
}

/// An automatic backup after something worth keeping; a failure is reported, never fatal (what it
/// follows is already committed).
pub fn auto_backup(store: &Store, reason: Reason) {
    match store.auto_backup(reason) {
        Ok(info) if info.made => tracing::info!(path = %info.path.display(), "automatic backup"),
        Ok(info) => {
            tracing::info!(path = %info.path.display(), "nothing changed since this backup")
        }
        Err(e) => {
            // Said here, and kept for the screens' next start and `pavilion backups`.
            let error = crate::i18n::errors::said_of(&e);
            crate::store::backup::status::failed(store.path(), reason, &error);
            say_backup_failed(&error);
        }
    }
}

/// Says on the terminal that an automatic backup failed.
pub fn say_backup_failed(error: &crate::i18n::Said) {
    let lang = super::say::lang();
    eprintln!(
        "pavilion: {}{}",
        crate::i18n::terms::label(lang, &text(C::Warning, &[])),
        text(C::AutoBackupFailed, &[("error", &error.render(lang))])
    );
}

fn short(hash: &str) -> &str {
    hash.get(..16).unwrap_or(hash)
}

fn events(n: impl TryInto<i64>) -> String {
    count(n, C::Event, C::Events)
}

fn meetings(n: impl TryInto<i64>) -> String {
    count(n, C::Meeting, C::Meetings)
}

/// A stored moment in this machine's local time, to the second.
fn local_time(at: &str) -> String {
    crate::localtime::local(at, crate::localtime::machine_offset()).map_or_else(
        || at.to_string(),
        |t| t.strftime("%Y-%m-%d %H:%M:%S").to_string(),
    )
}

/// `verify [--digest HASH] [--json]`.
pub fn verify(store: &Store, digest: Option<&str>, json: bool) -> Result<()> {
    let v = store.verify()?;
    let found_digest = match digest {
        None => None,
        Some(d) => {
            let d = d.trim().to_ascii_lowercase();
            if d.len() < DIGEST_MIN_HEX || d.len() > 64 || !d.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return Err(said!(C::NotADigest, digest = d).into());
            }
            let found = store.digest_event(&d)?;
            Some((d, found))
        }
    };
    if json {
        let mut out = serde_json::to_value(&v)?;
        out["intact"] = v.is_intact().into();
        if let Some((d, e)) = &found_digest {
            out["digest"] = serde_json::json!({
                "digest": d,
                "event": e.as_ref().map(|e| e.event.id),
                "meeting": e.as_ref().map(|e| e.meeting),
                "later_in_meeting": e.as_ref().map(|e| e.later_in_meeting),
            });
        }
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else if v.is_intact() {
        let lang = super::say::lang();
        let counted: Vec<String> = v
            .checked
            .iter()
            .map(|(t, n)| format!("{} {n}", crate::i18n::table_name(t, lang)))
            .collect();
        say(
            C::VerifyOk,
            &[("events", &events(v.events)), ("head", &short(&v.head))],
        );
        let counted = counted.join(crate::i18n::terms::list_separator(lang));
        say(C::TablesMatch, &[("counted", &counted)]);
    }
    if !v.is_intact() {
        let shown = v.findings.len().min(20);
        let lang = super::say::lang();
        for f in &v.findings[..shown] {
            eprintln!("{}", f.render(lang));
        }
        if v.findings.len() > shown {
            eprintln!(
                "{}",
                text(C::AndMore, &[("n", &(v.findings.len() - shown))])
            );
        }
        return Err(Unverified {
            count: v.findings.len(),
            first: v.findings[0].render(lang),
        }
        .into());
    }
    if let Some((d, e)) = found_digest {
        match e {
            Some(m) if !json => {
                say(
                    C::DigestFound,
                    &[
                        ("digest", &short(&d)),
                        ("event", &m.event.id),
                        ("events", &v.events),
                        ("at", &local_time(&m.event.at)),
                    ],
                );
                if m.later_in_meeting > 0 {
                    say(RecordText::DigestLater, &[("n", &m.later_in_meeting)]);
                }
            }
            Some(_) => {}
            None => return Err(DigestNotFound(d).into()),
        }
    }
    Ok(())
}

/// `backup DEST`.
pub fn backup(store: &Store, dest: &Path) -> Result<()> {
    let info = store.backup_to(dest)?;
    say(
        C::BackedUp,
        &[
            ("path", &info.path.display()),
            ("events", &events(info.events)),
            ("head", &short(&info.head)),
        ],
    );
    // The head once more beside the copy: an altered backup no longer matches it.
    let sidecar = crate::store::anchor::write_sidecar(&info.path, info.events, &info.head)?;
    say(RecordText::SidecarWritten, &[("path", &sidecar.display())]);
    Ok(())
}

/// `verify --against BACKUP`: the older backup's chain is where the current record began.
pub fn verify_against(store: &Store, backup: &Path) -> Result<()> {
    let r = store.verify_against(backup)?;
    say(
        RecordText::AgainstOk,
        &[
            ("file", &backup.display()),
            ("events", &r.backup_events),
            ("head", &short(&r.backup_head)),
        ],
    );
    Ok(())
}

/// The database a restore replaces.
enum Current {
    Missing,
    Healthy(Box<Store>),
    /// It cannot be opened, read or checked: why.
    Damaged(String),
}

impl Current {
    fn of(db: &Path) -> Current {
        if !db.exists() {
            return Current::Missing;
        }
        let store = match Store::open(db) {
            Ok(s) => s,
            Err(e) => return Current::Damaged(e.to_string()),
        };
        let check = store
            .connection()
            .query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0));
        match check {
            Ok(ok) if ok == "ok" => Current::Healthy(Box::new(store)),
            Ok(problem) => Current::Damaged(problem),
            Err(e) => Current::Damaged(e.to_string()),
        }
    }
}

/// `restore FILE [--yes]`: checks the backup, asks, keeps the current database (a copy, or the file
/// itself moved aside when it is damaged), replaces it.
pub fn restore(db: &Path, file: &Path, yes: bool) -> Result<()> {
    let candidate = Candidate::open(file, db)?;
    let current = Current::of(db);
    let none = text(C::NoEstate, &[]);
    let never = text(C::Never, &[]);
    say(
        C::BackupLine,
        &[
            ("path", &candidate.file.display()),
            ("estate", &candidate.estate.as_deref().unwrap_or(&none)),
            ("meetings", &meetings(candidate.meetings)),
            ("events", &events(candidate.events)),
            (
                "last",
                &candidate
                    .last_event
                    .as_deref()
                    .map_or(never.clone(), local_time),
            ),
            ("head", &short(&candidate.head)),
        ],
    );
    match &current {
        Current::Healthy(store) => {
            // The last event only: the history may be far larger than memory.
            let last = contents_of(store.connection())?;
            say(
                C::CurrentLine,
                &[
                    ("path", &db.display()),
                    ("estate", &store.estate()?.as_deref().unwrap_or(&none)),
                    ("meetings", &meetings(store.meetings()?.len())),
                    ("events", &events(last.events as usize)),
                    ("last", &last.last_at.as_deref().map_or(never, local_time)),
                    (
                        "head",
                        &short(last.head.as_deref().unwrap_or(crate::store::GENESIS)),
                    ),
                ],
            );
        }
        Current::Damaged(why) => say(B::CurrentDamaged, &[("db", &db.display()), ("why", why)]),
        Current::Missing => say(B::CurrentMissing, &[("db", &db.display())]),
    }
    if !yes {
        print!("{}", text(C::ConfirmRestore, &[("path", &db.display())]));
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_lowercase().as_str(), "yes" | "y" | "是") {
            return Err(said!(C::NotRestored).into());
        }
    }
    match current {
        Current::Healthy(store) => match store.auto_backup(Reason::Restore) {
            Ok(kept) => say(C::CurrentKept, &[("path", &kept.path.display())]),
            Err(e) => {
                // Not what its events say (or unreadable after all): keep the file itself.
                drop(store);
                let path = set_aside(db)?;
                say(B::CannotCopy, &[("why", &e), ("path", &path.display())]);
            }
        },
        Current::Damaged(_) => {
            let path = set_aside(db)?;
            say(B::SetAside, &[("path", &path.display())]);
        }
        Current::Missing => {}
    }
    candidate.install(db)?;
    let store = super::open(db, false)?;
    let v = store.verify()?;
    if let Some(first) = v.findings.first() {
        // The backup was checked before installing it, so this is a record that lies.
        return Err(anyhow::Error::new(Unverified {
            count: v.findings.len(),
            first: first.render(super::say::lang()),
        })
        .context(said!(C::RestoredButUnverified)));
    }
    say(
        C::Restored,
        &[
            ("path", &db.display()),
            ("file", &file.display()),
            ("events", &events(v.events)),
            ("head", &short(&v.head)),
        ],
    );
    Ok(())
}
