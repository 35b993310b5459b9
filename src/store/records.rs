//! What the store hands out: plain records, read in one place each.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::Offset;

use crate::domain::{
    ActionStatus, Area, Choice, FlatRef, MeetingKind, Responsible, Rule, Scope, Step, Tally,
};

/// One flat with its owner, as the roster lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterEntry {
    pub flat_id: i64,
    pub flat: FlatRef,
    pub area: Area,
    pub owner_id: i64,
    pub owner_key: String,
    pub owner_name: String,
    pub phone: Option<String>,
}

/// What a roster import changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub flats: usize,
    pub owners: usize,
    pub flats_added: usize,
    pub flats_updated: usize,
    /// Flats the new roster no longer lists: kept (past ballots name them) but out of every count.
    pub flats_retired: usize,
    pub owners_added: usize,
    pub owners_updated: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRecord {
    pub id: i64,
    pub title: String,
    /// Its number in the estate's series as given (第 N 次会议); see `series_number`.
    pub number: Option<u32>,
    pub kind: MeetingKind,
    pub starts: Timestamp,
    pub offset: Offset,
    pub place: String,
    pub host: String,
    pub secretary: String,
    pub objections_to: Option<String>,
    pub objections_until: Option<Date>,
    /// Other participants (community, property company …), free text.
    pub others: String,
    pub items: usize,
}

impl MeetingRecord {
    /// The start in the meeting's own local time.
    pub fn local_start(&self) -> jiff::civil::DateTime {
        self.offset.to_datetime(self.starts)
    }

    /// Whether `plan` gives this header as it is (texts compared trimmed, as they are stored):
    /// title, kind, start and its offset, place, host, secretary and number.
    pub fn same_header(&self, plan: &crate::domain::MeetingPlan) -> bool {
        self.title == plan.title.trim()
            && self.kind == plan.kind
            && self.starts == plan.starts
            && self.offset == plan.offset
            && self.place == plan.place.trim()
            && self.host == plan.host.trim()
            && self.secretary == plan.secretary.trim()
            && self.number == plan.number
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRecord {
    pub id: i64,
    pub meeting_id: i64,
    pub number: i64,
    pub title: String,
    pub raised_by: String,
    pub raised_from: Option<FlatRef>,
    pub raised_on: Option<Date>,
    pub statement: String,
    pub category: Option<String>,
    pub proposal: Option<String>,
    pub rule: Rule,
    pub scope: Scope,
    pub consents: Vec<FlatRef>,
    pub step: Step,
    pub vote_closed: bool,
    /// The tally recorded when the vote closed.
    pub result: Option<Tally>,
    pub closed_at: Option<String>,
    pub resolution: Option<String>,
}

/// How an owner is at the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Presence {
    Present,
    /// Represented by the holder of a written authorisation (委托书).
    Proxy(String),
    Left,
}

impl Presence {
    pub fn as_str(&self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::Proxy(_) => "proxy",
            Presence::Left => "left",
        }
    }

    /// Counts towards those at the meeting.
    pub fn is_here(&self) -> bool {
        !matches!(self, Presence::Left)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendanceRecord {
    pub owner_id: i64,
    pub presence: Presence,
    pub at: String,
}

/// How a ballot was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    InPerson,
    Proxy,
    /// Collected on paper, e.g. door to door (扫楼).
    Written,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::InPerson => "in-person",
            Method::Proxy => "proxy",
            Method::Written => "written",
        }
    }

    pub fn parse(text: &str) -> Option<Method> {
        [Method::InPerson, Method::Proxy, Method::Written]
            .into_iter()
            .find(|m| m.as_str() == text)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotRecord {
    pub id: i64,
    pub item_id: i64,
    pub owner_id: i64,
    pub flat: FlatRef,
    /// None: withdrawn (undone).
    pub choice: Option<Choice>,
    pub method: Method,
    pub proxy_name: Option<String>,
    pub reason: Option<String>,
    pub at: String,
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteRecord {
    pub id: i64,
    pub item_id: i64,
    pub speaker: String,
    pub point: String,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressRecord {
    pub at: String,
    pub meeting_id: Option<i64>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRecord {
    pub id: i64,
    pub item_id: Option<i64>,
    /// The meeting it was agreed at.
    pub meeting_id: Option<i64>,
    pub item_title: Option<String>,
    pub what: String,
    pub responsible: Responsible,
    pub due: Option<Date>,
    pub status: ActionStatus,
    pub created_at: String,
    pub closed_at: Option<String>,
    pub confirmation: Option<String>,
    pub progress: Vec<ProgressRecord>,
}

/// A concern raised by a resident, waiting in the backlog or scheduled as an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConcernRecord {
    pub id: i64,
    pub text: String,
    pub raised_by: String,
    pub raised_from: Option<FlatRef>,
    pub raised_at: String,
    pub item_id: Option<i64>,
}
