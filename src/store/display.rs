//! The room display (`pavilion show`): the one row through which the host's screens say what the
//! display shows, and what the display needs of its read-only connection ([`Store::open_read_only`]).
//!
//! The row is not part of the meeting's record: writing it appends no event and `verify` ignores it.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};

/// What the host chose for the display.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DisplayMode {
    /// The item the host has open (its tally or result), or the agenda when none is open.
    #[default]
    Follow,
    /// The agenda with each item's step.
    Agenda,
    /// The result of one item (`shown_item`).
    Result,
    /// Nothing but the meeting's title (a pause, a private matter).
    Blank,
}

impl DisplayMode {
    pub const ALL: [DisplayMode; 4] = [
        DisplayMode::Follow,
        DisplayMode::Agenda,
        DisplayMode::Result,
        DisplayMode::Blank,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DisplayMode::Follow => "follow",
            DisplayMode::Agenda => "agenda",
            DisplayMode::Result => "result",
            DisplayMode::Blank => "blank",
        }
    }

    pub fn parse(text: &str) -> Option<DisplayMode> {
        DisplayMode::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// The host's side of the display: which meeting, which item is open, what to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisplayState {
    pub meeting: Option<i64>,
    /// The item the host has open (its number), none on the overview.
    pub item: Option<i64>,
    pub mode: DisplayMode,
    /// The item whose result is shown in [`DisplayMode::Result`].
    pub shown_item: Option<i64>,
    /// When the speaking timer runs out (a UTC timestamp), while it runs.
    pub timer_ends: Option<String>,
}

impl Store {
    /// SQLite's `data_version`: changes when another connection commits. Cheap to poll.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `read` inside one read transaction, so that everything it reads is of one moment.
    pub fn read_consistent<T>(&self, read: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN")?;
        let out = read(self);
        self.conn.execute_batch("COMMIT")?;
        out
    }

    /// Records what the display shows (the host's screens call this; no event, see the module).
    pub fn set_display(&mut self, s: &DisplayState) -> Result<()> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO display (id, meeting_id, item_number, mode, shown_item, timer_ends, at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET meeting_id = ?1, item_number = ?2, mode = ?3,
                 shown_item = ?4, timer_ends = ?5, at = ?6",
            params![
                s.meeting,
                s.item,
                s.mode.as_str(),
                s.shown_item,
                s.timer_ends,
                now
            ],
        )?;
        Ok(())
    }

    /// What the host last chose for the display, if any host ever did.
    pub fn display(&self) -> Result<Option<DisplayState>> {
        Ok(self
            .conn
            .query_row(
                "SELECT meeting_id, item_number, mode, shown_item, timer_ends FROM display WHERE id = 1",
                [],
                |r| {
                    Ok(DisplayState {
                        meeting: r.get(0)?,
                        item: r.get(1)?,
                        mode: DisplayMode::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                        shown_item: r.get(3)?,
                        timer_ends: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }
}
