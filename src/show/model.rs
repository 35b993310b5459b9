//! What the display shows, read from the store in one read transaction: a plain value the drawing
//! is a pure function of. It holds no names and no phones — flats only as counts.

use jiff::Timestamp;

use crate::domain::{Choice, Step, Tally};
use crate::store::{DisplayMode, DisplayState, ItemRecord, Result, Store};

/// Everything on the display at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    pub meeting_title: String,
    /// Whether the host's screens are open on this database.
    pub host_here: bool,
    pub view: View,
    /// When the speaking timer runs out, while it runs.
    pub timer_ends: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    NoMeeting,
    Blank,
    Agenda(Vec<AgendaLine>),
    Item(Box<ItemBoard>),
    /// The host asked for an item the meeting does not have.
    NoItem(i64),
}

/// One line of the agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaLine {
    pub number: i64,
    pub title: String,
    pub step: Step,
    pub votes: bool,
    pub vote_closed: bool,
    pub passed: Option<bool>,
    /// The item the host has open.
    pub current: bool,
}

/// One item: its tally while the vote is open, its result once closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemBoard {
    pub number: i64,
    pub title: String,
    pub step: Step,
    pub rule: String,
    pub votes: bool,
    pub vote_closed: bool,
    pub tally: Option<Tally>,
    /// When the vote closed, in the meeting's local time.
    pub closed_at: Option<jiff::civil::DateTime>,
    pub consents: ConsentCounts,
}

/// Required consents as counts, never names: given, awaited, refused.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConsentCounts {
    pub yes: usize,
    pub pending: usize,
    pub refused: usize,
}

impl ConsentCounts {
    pub fn any(self) -> bool {
        self.yes + self.pending + self.refused > 0
    }
}

impl Board {
    /// Reads the board. `fixed` is the meeting given on the command line; otherwise the display follows
    /// the host's meeting, else the latest.
    pub fn read(store: &Store, fixed: Option<i64>, host_here: bool) -> Result<Board> {
        store.read_consistent(|store| {
            let state = store.display()?.unwrap_or_default();
            let meeting = match fixed.or(state.meeting) {
                Some(m) => Some(m),
                None => match store.resolve_meeting("latest") {
                    Ok(m) => Some(m),
                    Err(e) if e.is_missing() => None,
                    Err(e) => return Err(e),
                },
            };
            let Some(meeting) = meeting else {
                return Ok(Board {
                    meeting_title: String::new(),
                    host_here,
                    view: View::NoMeeting,
                    timer_ends: None,
                });
            };
            let record = store.meeting(meeting)?;
            // The host's choices apply to the host's meeting only.
            let state = if state.meeting == Some(meeting) {
                state
            } else {
                DisplayState::default()
            };
            let view = view(store, &record, &state)?;
            Ok(Board {
                meeting_title: record.title.clone(),
                host_here,
                view,
                timer_ends: state
                    .timer_ends
                    .as_deref()
                    .and_then(|t| t.parse::<Timestamp>().ok()),
            })
        })
    }
}

fn view(store: &Store, m: &crate::store::MeetingRecord, s: &DisplayState) -> Result<View> {
    let item_board = |number: i64| -> Result<View> {
        match store.item(m.id, number) {
            Ok(item) => Ok(View::Item(Box::new(item_board(store, m, item)?))),
            Err(e) if e.is_missing() => Ok(View::NoItem(number)),
            Err(e) => Err(e),
        }
    };
    match (s.mode, s.item, s.shown_item) {
        (DisplayMode::Blank, _, _) => Ok(View::Blank),
        (DisplayMode::Result, _, Some(n)) => item_board(n),
        (DisplayMode::Follow, Some(n), _) => item_board(n),
        _ => {
            let lines = store
                .items(m.id)?
                .into_iter()
                .map(|i| AgendaLine {
                    number: i.number,
                    current: s.item == Some(i.number),
                    passed: i.result.as_ref().map(|t| t.passed),
                    title: i.title,
                    step: i.step,
                    votes: i.rule.votes,
                    vote_closed: i.vote_closed,
                })
                .collect();
            Ok(View::Agenda(lines))
        }
    }
}

fn item_board(
    store: &Store,
    m: &crate::store::MeetingRecord,
    item: ItemRecord,
) -> Result<ItemBoard> {
    let tally = if !item.rule.votes {
        None
    } else if let Some(recorded) = &item.result {
        Some(recorded.clone())
    } else {
        Some(store.tally_item(&item)?)
    };
    let mut consents = ConsentCounts::default();
    for c in tally.iter().flat_map(|t| &t.consents) {
        match c.choice {
            Some(Choice::Yes) => consents.yes += 1,
            None => consents.pending += 1,
            Some(_) => consents.refused += 1,
        }
    }
    Ok(ItemBoard {
        number: item.number,
        title: item.title,
        step: item.step,
        rule: item.rule.name,
        votes: item.rule.votes,
        vote_closed: item.vote_closed,
        tally,
        closed_at: item
            .closed_at
            .as_deref()
            .and_then(|t| t.parse::<Timestamp>().ok())
            .map(|t| m.offset.to_datetime(t)),
        consents,
    })
}
