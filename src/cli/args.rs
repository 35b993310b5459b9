//! The command line (DESIGN §2): the contract that scripts, tests and users rely on.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "pavilion",
    version,
    about = "Pavilion (议事亭): run neighbourhood consultation meetings offline"
)]
pub struct Cli {
    /// The database file [default: $PAVILION_DB, else pavilion.db in the data directory]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of every message [default: LC_ALL/LC_MESSAGES/LANG, else Chinese]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowTheme {
    Dark,
    Light,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the host's screens on the bundled sample estate and agenda (no set-up needed)
    Demo,
    /// Open the host's screens on a meeting (default: latest)
    Run { meeting: Option<String> },
    /// The room's display for a projector or TV: read-only, follows the host's screens live
    Show {
        /// A meeting to show (default: the one the host has open, else the latest)
        meeting: Option<String>,
        /// dark: light on black (projectors); light: black on white (a TV in daylight)
        #[arg(long, value_enum, default_value = "dark")]
        theme: ShowTheme,
    },
    /// Create a database for an estate
    Init {
        #[arg(long)]
        estate: String,
    },
    /// Owners and flats
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Validate agenda files against the roster; writes nothing
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Check against this roster file instead of the database's roster
        #[arg(long, value_name = "FILE")]
        roster: Option<PathBuf>,
    },
    /// Create the meeting and its items from an agenda file; prints the meeting id
    Intake { file: PathBuf },
    /// One meeting's paper: how its public notice closes (`meeting set`)
    #[command(subcommand)]
    Meeting(super::paper::MeetingCommand),
    /// Those who sat in on a meeting (列席): add, remove, list
    #[command(subcommand)]
    Guest(super::paper::GuestCommand),
    /// List meetings
    Meetings {
        #[arg(long)]
        json: bool,
    },
    /// Sign owners in (by one of their flats), by proxy, or out
    Attend {
        meeting: String,
        #[arg(required = true)]
        rooms: Vec<String>,
        /// The proxy holder's name (written authorisation)
        #[arg(long, value_name = "NAME", conflicts_with = "leave")]
        proxy: Option<String>,
        /// Mark the owners as having left
        #[arg(long)]
        leave: bool,
        /// A paper record entered afterwards: the time it states (2026-11-28 19:20, or 19:20 on the meeting's day; the meeting's local time unless an offset is given)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Record one ballot: the flat's owner votes yes, no or abstain (or withdraw the ballot)
    Ballot {
        meeting: String,
        item: i64,
        room: String,
        #[arg(value_parser = ["yes", "no", "abstain", "withdraw"])]
        choice: String,
        /// Cast by a proxy holder
        #[arg(long, value_name = "NAME")]
        proxy: Option<String>,
        /// A written ballot collected on paper
        #[arg(long, conflicts_with = "proxy")]
        written: bool,
        /// Why an earlier ballot is corrected
        #[arg(long)]
        reason: Option<String>,
        /// A paper record entered afterwards: the time it states (2026-11-28 19:20, or 19:20 on the meeting's day; the meeting's local time unless an offset is given)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Record written ballots from a CSV file (room,choice; one row per flat): all or nothing
    BallotImport {
        meeting: String,
        item: i64,
        file: PathBuf,
        /// Replace ballots cast in person that these written ballots contradict, for this reason
        #[arg(long, value_name = "REASON")]
        replace: Option<String>,
        /// Papers entered afterwards: the time they were handed in (2026-11-28 19:50, or 19:50 on the meeting's day; the meeting's local time unless an offset is given)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Close the vote on an item and record the result
    Close {
        meeting: String,
        item: i64,
        /// A paper record entered afterwards: the time it states (2026-11-28 19:20, or 19:20 on the meeting's day; the meeting's local time unless an offset is given)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Show the double tally of an item
    Tally {
        meeting: String,
        item: i64,
        #[arg(long)]
        json: bool,
    },
    /// Each flat's share of an item's cost (elevator retrofits), shared by floor, exact to the fen
    Cost {
        meeting: String,
        item: i64,
        /// One JSON object: money in integer fen, coefficients as exact decimal strings
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// The flats' shares as CSV (UTF-8 with BOM, for Excel)
        #[arg(long)]
        csv: bool,
        /// Change the plan to the one in FILE (the keys of the agenda's [items.cost]); the earlier plan is kept
        #[arg(long, value_name = "FILE", conflicts_with_all = ["json", "csv"])]
        set: Option<PathBuf>,
        /// Why the plan changes (needed to change an existing plan; written into the minutes)
        #[arg(long, value_name = "TEXT", requires = "set")]
        reason: Option<String>,
    },
    /// Record a point made in the discussion of an item (step 2)
    Note {
        meeting: String,
        item: i64,
        #[arg(long)]
        speaker: String,
        point: String,
        /// A paper record entered afterwards: the time it states (2026-11-28 19:20, or 19:20 on the meeting's day; the meeting's local time unless an offset is given)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Set the proposal of an item, or with --resolution the resolution recorded after the vote
    Proposal {
        meeting: String,
        item: i64,
        text: String,
        #[arg(long)]
        resolution: bool,
    },
    /// Move an item to another step (deferred, withdrawn, closed …)
    Step {
        meeting: String,
        item: i64,
        #[arg(value_parser = ["raised", "discussed", "decided", "acting", "closed", "deferred", "withdrawn"])]
        step: String,
    },
    /// Log a concern a resident raised (into the backlog, or onto a meeting's agenda with --meeting)
    Raise {
        text: String,
        #[arg(long)]
        by: String,
        #[arg(long, value_name = "ROOM")]
        from: Option<String>,
        /// Put it straight onto this meeting's agenda
        #[arg(long)]
        meeting: Option<String>,
    },
    /// The backlog of raised concerns
    Backlog {
        /// Include concerns already scheduled
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Put a backlog concern onto a meeting's agenda
    Schedule { concern: i64, meeting: String },
    /// The action ledger across meetings
    #[command(subcommand)]
    Actions(ActionsCommand),
    /// Minutes, or with --public the public notice, as Markdown, HTML, JSON, CSV, DOCX or XLSX
    Export(super::export::ExportArgs),
    /// The meeting as a commented agenda file (TOML) that `intake` takes in again
    AgendaTemplate(super::template::TemplateArgs),
    /// Ballot papers (表决票) of an item for every owner in its scope, two to an A4 sheet, as HTML or DOCX
    Ballots(super::ballot_papers::BallotsArgs),
    /// The blank sign-in sheet (签到表) of a meeting: every owner, room to sign, as HTML or DOCX
    SignInSheet(super::ballot_papers::SheetArgs),
    /// Check the event chain, and that ballots, sign-ins, items and results are what the events say
    Verify {
        /// Also confirm that this digest (the chain head printed on earlier minutes) is in the chain
        #[arg(long, value_name = "HASH")]
        digest: Option<String>,
        /// Also confirm that this older backup's chain is where the current record began
        #[arg(long, value_name = "BACKUP")]
        against: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Copy the database safely (e.g. to a USB stick): to a new FILE, or a dated file in a FOLDER
    Backup {
        #[arg(value_name = "DEST")]
        dest: PathBuf,
    },
    /// The automatic backups in backups/: sizes, what each is from, and what is kept
    Backups {
        #[arg(long)]
        json: bool,
        /// First wait for an automatic backup still being made (after the screens or `close`)
        #[arg(long)]
        wait: bool,
    },
    /// (internal) Makes an automatic backup handed off by the screens or `close`
    #[command(hide = true)]
    BackupHandoff {
        #[arg(long)]
        reason: String,
        #[arg(long)]
        replaces: Option<PathBuf>,
    },
    /// Replace the database with a backup: the backup is checked first, the current database is
    /// kept in backups/ (moved there as it is if it is damaged)
    Restore {
        file: PathBuf,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum RosterCommand {
    /// Import or update owners and flats from CSV (UTF-8, UTF-8 with BOM, GBK) or XLSX
    Import {
        file: PathBuf,
        /// Show what would change (flats added, changed, no longer listed; owner changes); write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import even though it touches open votes or no longer lists more than a tenth of the flats
        #[arg(long)]
        yes: bool,
    },
    /// List flats and owners
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ActionsCommand {
    /// Open actions (with --all, closed ones too)
    List {
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Add an action: what, who is responsible, by when
    Add {
        #[arg(long)]
        what: String,
        /// community | property | committee | a person's name (社区/物业/业委会 accepted)
        #[arg(long)]
        who: String,
        /// Due date, YYYY-MM-DD
        #[arg(long)]
        due: Option<String>,
        #[arg(long)]
        meeting: Option<String>,
        /// The item number (with --meeting)
        #[arg(long, requires = "meeting")]
        item: Option<i64>,
    },
    /// Record progress on an action
    Update {
        id: i64,
        #[arg(long)]
        note: String,
        #[arg(long)]
        meeting: Option<String>,
    },
    /// Close an action once residents confirmed it is done
    Close {
        id: i64,
        /// Who confirmed, and how
        #[arg(long)]
        confirm: String,
        #[arg(long)]
        meeting: Option<String>,
    },
}
