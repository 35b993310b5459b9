//! The headless command line: every meeting action as a command, for scripts, tests and written ballots.

mod actions;
pub mod args;
mod backups;
mod ballot_papers;
mod cost;
pub mod export;
pub mod handoff;
mod help_zh;
mod integrity;
mod logging;
mod meetings;
pub mod outcome;
pub mod paper;
pub mod reader_left;
mod roster;
mod roster_plan;
mod say;
mod stated;
mod template;
pub mod usage;
mod votes;
mod written;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::domain::FlatRef;
use crate::i18n::{CliText as C, said};
use crate::store::Store;
use crate::store::backup::Reason;

pub use args::{Cli, Command, Lang};
pub use say::{lang, set_lang};

/// The database path: --db, else $PAVILION_DB, else pavilion.db in the platform data directory.
pub fn db_path(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("PAVILION_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    Ok(data_dir()?.join("pavilion.db"))
}

/// The platform data directory (created if missing): database, logs, backups.
pub fn data_dir() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "pavilion", "pavilion")
        .ok_or_else(|| said!(C::NoHome))?;
    let dir = dirs.data_dir().to_path_buf();
    create_dir(&dir)?;
    Ok(dir)
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| {
        said!(C::CannotCreate, path = dir.display())
            .with("error", &crate::i18n::io_reason(&e))
            .into()
    })
}

/// Opens the database to write, creating it (for `init`) or requiring that it exists and is ours
/// (everything else).
fn open(path: &Path, create: bool) -> Result<Store> {
    if !create {
        return announce_upgrade(path, Store::open_existing(path)?);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_dir(dir)?;
    }
    announce_upgrade(path, Store::open(path)?)
}

/// Opens the database to read: nothing is written to it (no WAL switch, no migration).
fn read(path: &Path) -> Result<Store> {
    Ok(Store::open_read_only(path)?)
}

fn announce_upgrade(path: &Path, store: Store) -> Result<Store> {
    if let Some(u) = store.upgraded() {
        eprintln!(
            "pavilion: {}",
            say::text(
                C::Upgraded,
                &[
                    ("path", &path.display()),
                    ("from", &u.from),
                    ("to", &u.to),
                    ("backup", &u.backup.display()),
                ]
            )
        );
    }
    Ok(store)
}

fn parse_flat(text: &str) -> Result<FlatRef> {
    Ok(FlatRef::parse(text)?)
}

/// Runs one headless command.
pub fn run(cli: Cli) -> Result<()> {
    let lang = crate::lang::Lang::detect(cli.lang.map(crate::lang::Lang::from));
    say::set_lang(lang);
    let path = match (&cli.command, &cli.db) {
        // The demo keeps its own database unless told otherwise, so it never touches real data.
        (Command::Demo, None) => data_dir()?.join("demo.db"),
        _ => db_path(cli.db.as_deref())?,
    };
    // One host at a time: held until this command returns.
    let _lock = integrity::lock_for(&path, &cli.command)?;
    match cli.command {
        Command::Demo => {
            let meeting = crate::demo::prepare(&path)?;
            screens(&path, Some(meeting), lang)
        }
        Command::Run { meeting } => {
            let store = open(&path, false)?;
            // No meeting yet and none asked for: the screens set one up.
            let meeting = match meeting {
                None if store.meetings()?.is_empty() => None,
                m => Some(store.resolve_meeting(m.as_deref().unwrap_or("latest"))?),
            };
            drop(store);
            screens(&path, meeting, lang)
        }
        Command::Show { meeting, theme } => {
            let meeting = match meeting {
                Some(m) => Some(crate::store::Store::open_read_only(&path)?.resolve_meeting(&m)?),
                None => None,
            };
            let theme = match theme {
                args::ShowTheme::Dark => crate::show::theme::ThemeName::Dark,
                args::ShowTheme::Light => crate::show::theme::ThemeName::Light,
            };
            let log_dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or(data_dir()?);
            let (_guard, _log) = logging::init(&log_dir);
            crate::show::run(&path, meeting, lang, theme)
        }
        Command::Init { estate } => {
            let mut store = open(&path, true)?;
            store.init(&estate)?;
            say::say(
                C::EstateCreated,
                &[("estate", &estate.trim()), ("path", &path.display())],
            );
            Ok(())
        }
        Command::Roster(cmd) => roster::run(&path, cmd, lang),
        Command::Check { files, roster } => meetings::check(&path, &files, roster.as_deref()),
        Command::Intake { file } => meetings::intake(&mut open(&path, false)?, &file),
        Command::Meetings { json } => meetings::list(&read(&path)?, json),
        Command::Attend {
            meeting,
            rooms,
            proxy,
            leave,
            at,
        } => votes::attend(
            &mut open(&path, false)?,
            &meeting,
            &rooms,
            (proxy, leave),
            at.as_deref(),
        ),
        Command::Ballot {
            meeting,
            item,
            room,
            choice,
            proxy,
            written,
            reason,
            at,
        } => votes::ballot(
            &mut open(&path, false)?,
            votes::BallotArgs {
                meeting: &meeting,
                item,
                room: &room,
                choice: &choice,
                proxy,
                written,
                reason,
                at: at.as_deref(),
            },
        ),
        Command::BallotImport {
            meeting,
            item,
            file,
            replace,
            at,
        } => written::ballot_import(
            &mut open(&path, false)?,
            (&meeting, item),
            &file,
            (replace.as_deref(), at.as_deref()),
            lang,
        ),
        Command::Close { meeting, item, at } => {
            let mut store = open(&path, false)?;
            votes::close(&mut store, (&meeting, item), at.as_deref(), lang)?;
            // The copy is made by a process of its own (the lock, still held, keeps other writers
            // out until it has its read); the file is left self-contained first.
            drop(store);
            let close = crate::tui::idle_backup::Handoff {
                reason: Reason::Close,
                replaces: None,
            };
            handoff::hand_off(&path, &close);
            Ok(())
        }
        Command::BackupHandoff { reason, replaces } => {
            let (_guard, _log) = logging::init(&log_dir(&path)?);
            handoff::child(&path, &reason, replaces.as_deref())
        }
        Command::Tally {
            meeting,
            item,
            json,
        } => votes::tally(&read(&path)?, &meeting, item, json, lang),
        Command::Cost {
            meeting,
            item,
            set: Some(file),
            reason,
            ..
        } => cost::set(
            &mut open(&path, false)?,
            &meeting,
            item,
            &file,
            reason.as_deref(),
            lang,
        ),
        Command::Cost {
            meeting,
            item,
            json,
            csv,
            ..
        } => {
            let out = match (json, csv) {
                (true, _) => cost::Output::Json,
                (_, true) => cost::Output::Csv,
                _ => cost::Output::Text,
            };
            cost::cost(&read(&path)?, &meeting, item, out, lang)
        }
        Command::Note {
            meeting,
            item,
            speaker,
            point,
            at,
        } => meetings::note(
            &mut open(&path, false)?,
            (&meeting, item),
            &speaker,
            &point,
            at.as_deref(),
        ),
        Command::Proposal {
            meeting,
            item,
            text,
            resolution,
        } => meetings::proposal(&mut open(&path, false)?, &meeting, item, &text, resolution),
        Command::Step {
            meeting,
            item,
            step,
        } => meetings::step(&mut open(&path, false)?, &meeting, item, &step),
        Command::Raise {
            text,
            by,
            from,
            meeting,
        } => actions::raise(
            &mut open(&path, false)?,
            &text,
            &by,
            from.as_deref(),
            meeting.as_deref(),
        ),
        Command::Backlog { all, json } => actions::backlog(&read(&path)?, all, json),
        Command::Schedule { concern, meeting } => {
            actions::schedule(&mut open(&path, false)?, concern, &meeting)
        }
        Command::Actions(args::ActionsCommand::List { all, json }) => {
            actions::list(&read(&path)?, all, json)
        }
        Command::Actions(cmd) => actions::run(&mut open(&path, false)?, cmd),
        Command::Export(args) => export::run(&read(&path)?, args, lang),
        Command::AgendaTemplate(args) => template::run(&read(&path)?, args, lang),
        Command::Ballots(args) => ballot_papers::ballots(&read(&path)?, args, lang),
        Command::SignInSheet(args) => ballot_papers::sign_in_sheet(&read(&path)?, args, lang),
        Command::Meeting(cmd) => paper::meeting(&mut open(&path, false)?, cmd),
        Command::Guest(cmd) if cmd.writes() => paper::guest(&mut open(&path, false)?, cmd),
        Command::Guest(cmd) => paper::guest(&mut read(&path)?, cmd),
        Command::Verify {
            digest,
            against,
            json,
        } => {
            let store = read(&path)?;
            integrity::verify(&store, digest.as_deref(), json)?;
            match against {
                Some(backup) => integrity::verify_against(&store, &backup),
                None => Ok(()),
            }
        }
        Command::Backup { dest } => integrity::backup(&open(&path, false)?, &dest),
        Command::Backups { json, wait } => backups::list(&path, json, wait, lang),
        Command::Restore { file, yes } => integrity::restore(&path, &file, yes),
    }
}

/// Opens the TUI with logging to the data directory.
/// Where the log goes: next to the database (for the default database, the data directory).
fn log_dir(path: &Path) -> Result<PathBuf> {
    Ok(path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or(data_dir()?))
}

fn screens(path: &Path, meeting: Option<i64>, lang: crate::lang::Lang) -> Result<()> {
    let (_guard, _log) = logging::init(&log_dir(path)?);
    let opened = crate::store::FileId::of(path);
    let result = crate::tui::run(path, meeting, lang);
    // A copy of the database as the host left it, whatever happened on screen.
    // Never creates a database: if the file is gone or replaced, there is nothing of ours to copy.
    let ours = opened.is_some() && crate::store::FileId::of(path) == opened;
    match &result {
        // Left to a process of its own: the host does not wait for the copy.
        Ok(Some(handoff)) if ours => handoff::hand_off(path, handoff),
        // Made by the screens (or nothing changed); if theirs failed, made here, and said.
        _ if ours => {
            if let Ok(store) = Store::open_existing(path) {
                integrity::auto_backup(&store, Reason::Exit);
            }
        }
        _ => {}
    }
    result.map(|_| ())
}
