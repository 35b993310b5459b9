//! The meeting record in SQLite: one function per use case, each one transaction that also appends
//! a hash-chained event. A ballot is committed before any screen shows it.

mod actions;
pub mod anchor;
mod as_of;
mod attendance;
mod backlog;
pub mod backup;
mod ballot_rows;
mod ballots;
mod closing;
mod cost;
mod display;
mod events;
mod floors;
mod headcount;
mod identity;
mod live;
pub mod lock;
mod meeting_info;
mod meetings;
mod numbering;
mod open;
mod paper;
mod raised;
mod records;
mod roll_call;
mod roster;
mod roster_changes;
mod salt;
mod schema;
mod setup;
mod stated;
mod turns;
pub mod verify;
mod written;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension};

use crate::i18n::{StoreText as S, said};

pub use actions::NewAction;
pub use ballots::{BallotInput, ItemTally};
pub use cost::CostPlanRecord;
pub use display::{DisplayMode, DisplayState};
pub use events::{Event, GENESIS, event_hash};
pub use identity::FileId;
pub use meetings::ItemText;
pub use paper::Guest;
pub use records::*;
pub use roll_call::{CurrentVote, RollCallEntry};
pub use roster::RosterListing;
pub use roster_changes::{
    Confirmation, FlatChange, FlatState, ImportMode, ImportOutcome, OpenVoteTouch, RosterPlan,
    Touch,
};
pub use schema::VERSION as SCHEMA_VERSION;
pub use setup::Move;
pub use stated::EnteredLater;
pub use turns::MAX_TURN_SECONDS;
pub use verify::{Finding, Verification};
pub use written::{WrittenBallot, WrittenOutcome, WrittenRefusal};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[source] rusqlite::Error),
    #[error("database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error(
        "{path} was written by a newer version of pavilion (schema {found}; this build knows up to {known}): update pavilion, or open a backup"
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error(
        "{0} is not a Pavilion database (another program's file, or empty): it was not changed; give the right --db, or create one with `pavilion init`"
    )]
    NotOurs(String),
    /// The database path no longer names the file this store opened (deleted, moved, replaced):
    /// nothing was written.
    #[error(
        "the database file was deleted, moved or replaced after it was opened: nothing more is written to it"
    )]
    NotSameFile,
    /// `verify --against`: the backup is not where this record began (or is itself altered).
    #[error("{0}")]
    AgainstFailed(crate::i18n::Said),
    /// A refusal or a missing record as a message value (`src/i18n/store.rs`), rendered in the
    /// reader's language at the edge.
    #[error("{0}")]
    Said(crate::i18n::Said),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if identity::is_refused_commit(&e) {
            StoreError::NotSameFile
        } else {
            StoreError::Sqlite(e)
        }
    }
}

impl StoreError {
    /// A record asked for is not there: no meeting yet, or no such meeting or item.
    pub fn is_missing(&self) -> bool {
        use crate::i18n::StoreText as S;
        matches!(self, StoreError::Said(s)
            if [S::NoMeetingsYet, S::NoMeeting, S::NoItem, S::NoItemId].iter().any(|k| s.is(*k)))
    }
}

impl From<crate::i18n::Said> for StoreError {
    fn from(s: crate::i18n::Said) -> Self {
        StoreError::Said(s)
    }
}

/// Where "now" comes from: the system clock, or a fixed instant for reproducible tests.
pub type Clock = fn() -> Timestamp;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    clock: Clock,
    upgraded: Option<Upgrade>,
    /// The file opened: every commit checks the path still names it.
    opened: Box<identity::Opened>,
    /// An automatic backup being made on another thread (waited for when the store goes).
    background: backup::Background,
}

/// An older database brought up to this build's schema on opening, and the copy kept first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upgrade {
    pub from: i64,
    pub to: i64,
    pub backup: PathBuf,
}

impl Store {
    /// Opens (creating if needed) a database file, applies pending migrations, and refuses a newer schema.
    /// A database from an older version is first copied into `backups/` (see [`Store::upgraded`]).
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        open::check_identity(&conn, path, true)?;
        // WAL + FULL: a committed ballot survives a power cut; foreign keys keep ballots tied to flats.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        open::refuse_newer(path, found)?;
        let upgraded = if found > 0 && found < schema::VERSION {
            let copy = backup::auto_backup_of(
                &conn,
                path,
                backup::Reason::Upgrade,
                None,
                &backup::Stop::default(),
            )?;
            tracing::info!(from = found, to = schema::VERSION, backup = %copy.path.display(), "upgrading the database");
            Some(Upgrade {
                from: found,
                to: schema::VERSION,
                backup: copy.path,
            })
        } else {
            None
        };
        schema::migrations().to_latest(&mut conn)?;
        let mut opened = Box::new(identity::Opened::of(path));
        opened.guard(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            clock: Timestamp::now,
            upgraded,
            opened,
            background: Default::default(),
        })
    }

    /// Set when opening migrated an older database: from which version, and where its copy is.
    pub fn upgraded(&self) -> Option<&Upgrade> {
        self.upgraded.as_ref()
    }

    /// Uses a different clock (tests, reproducible demos).
    pub fn with_clock(mut self, clock: Clock) -> Store {
        self.clock = clock;
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Now, to the second, in UTC: the form every stored time takes.
    pub(crate) fn now(&self) -> String {
        let now = (self.clock)();
        Timestamp::from_second(now.as_second())
            .unwrap_or(now)
            .to_string()
    }

    /// Begins a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`): a use
    /// case begins it before its checks, so that what they read (a vote still open, a number
    /// still free) is what the write is made against; no other writer can come in between.
    /// Dropped without `commit`, it rolls back.
    pub(crate) fn begin_write(&self) -> Result<rusqlite::Transaction<'_>> {
        Ok(rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Creates the estate record; refuses if the database already has one.
    pub fn init(&mut self, estate: &str) -> Result<()> {
        let tx = self.begin_write()?;
        let name = estate.trim();
        if name.is_empty() {
            return Err(said!(S::EstateNeedsName).into());
        }
        let now = self.now();
        let existing: Option<String> = tx
            .query_row("SELECT name FROM estate", [], |r| r.get(0))
            .optional()?;
        if let Some(existing) = existing {
            return Err(said!(S::EstateExists, estate = existing).into());
        }
        tx.execute(
            "INSERT INTO estate (id, name, created_at) VALUES (1, ?1, ?2)",
            (name, &now),
        )?;
        events::append(
            &tx,
            &now,
            "estate.init",
            Ids::default(),
            serde_json::json!({ "name": name }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The estate's name, if `init` has run.
    pub fn estate(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT name FROM estate", [], |r| r.get(0))
            .optional()?)
    }

    /// Raw access for the benchmark and tests that must compare against plain SQLite.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The ids an event is about.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ids {
    pub meeting: Option<i64>,
    pub item: Option<i64>,
    pub owner: Option<i64>,
}
