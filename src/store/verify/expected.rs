//! The state the events describe: what each table must hold, and the event behind each value.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::findings::Set;

#[derive(Clone, Debug)]
pub(super) struct ExpBallot {
    pub(super) item: Set<i64>,
    pub(super) owner: Set<i64>,
    pub(super) flat: Set<Option<String>>,
    pub(super) choice: Set<Option<String>>,
    pub(super) method: Set<String>,
    pub(super) proxy: Set<Option<String>>,
    pub(super) reason: Set<Option<String>>,
    pub(super) at: Set<String>,
    pub(super) current: Set<bool>,
}

#[derive(Clone, Debug)]
pub(super) struct ExpAttendance {
    pub(super) status: Set<String>,
    pub(super) proxy: Set<Option<String>>,
    pub(super) at: Set<String>,
}

/// What the tally stored at closing must be.
#[derive(Clone, Debug)]
pub(super) enum ExpResult {
    /// The exact JSON the event recorded.
    Exact(Option<String>),
    /// Older events recorded only whether it passed.
    Passed(Option<bool>),
}

#[derive(Clone, Debug)]
pub(super) struct ExpItem {
    pub(super) added: i64,
    pub(super) meeting: Set<Option<i64>>,
    pub(super) number: Set<Option<i64>>,
    pub(super) title: Set<Option<String>>,
    pub(super) digest: Option<Set<String>>,
    pub(super) step: Set<String>,
    pub(super) vote: Set<String>,
    pub(super) result: Set<ExpResult>,
    pub(super) closed_at: Set<Option<String>>,
    /// None: the item was added by a build that did not record its proposal.
    pub(super) proposal: Option<Set<Option<String>>>,
    pub(super) resolution: Set<Option<String>>,
}

#[derive(Clone, Debug)]
pub(super) struct ExpNote {
    pub(super) speaker: String,
    pub(super) point: String,
    pub(super) at: String,
    pub(super) event: i64,
}

#[derive(Clone, Debug)]
pub(super) struct ExpMeeting {
    pub(super) digest: Option<Set<String>>,
    pub(super) title: Set<Option<String>>,
    pub(super) created_at: Set<String>,
    pub(super) others: Set<String>,
    /// The host's number for it (第 N 次会议), from its intake or its latest edit.
    pub(super) number: Set<Option<i64>>,
}

#[derive(Clone, Debug)]
pub(super) struct ExpProgress {
    pub(super) meeting: Option<i64>,
    pub(super) note: String,
    pub(super) at: String,
    pub(super) event: i64,
}

#[derive(Clone, Debug)]
pub(super) struct ExpAction {
    pub(super) item: Set<Option<i64>>,
    pub(super) meeting: Set<Option<i64>>,
    pub(super) what: Set<Option<String>>,
    pub(super) responsible: Set<Option<String>>,
    pub(super) due: Set<Option<String>>,
    pub(super) status: Set<String>,
    pub(super) created_at: Set<String>,
    pub(super) closed_at: Set<Option<String>>,
    pub(super) confirmation: Set<Option<String>>,
    pub(super) progress: Vec<ExpProgress>,
}

#[derive(Clone, Debug)]
pub(super) struct ExpConcern {
    pub(super) text: Set<Option<String>>,
    pub(super) by: Set<Option<String>>,
    pub(super) from: Set<Option<String>>,
    pub(super) raised_at: Set<String>,
    pub(super) item: Set<Option<i64>>,
}

/// The state the events describe.
#[derive(Default)]
pub(super) struct Replay {
    pub(super) ballots: BTreeMap<i64, ExpBallot>,
    /// The current ballot of each owner, per item.
    pub(super) current: HashMap<i64, HashMap<i64, i64>>,
    /// The ballots of each item still held (an item's are compared and let go when its vote closes).
    pub(super) item_ballots: HashMap<i64, Vec<i64>>,
    /// The highest ballot id seen.
    pub(super) max_ballot: i64,
    /// Items whose ballots were compared when their vote closed, and how many rows that read.
    pub(super) flushed: HashSet<i64>,
    pub(super) flushed_rows: usize,
    /// Votes closed before this event cannot be counted again: the roster then is not known.
    pub(super) roster_unknown_until: Option<i64>,
    /// History rows the imports recorded.
    pub(super) history_rows: usize,
    pub(super) attendance: BTreeMap<(i64, i64), ExpAttendance>,
    /// Each owner's sign-ins and leavings in a meeting, in the order recorded: the time each
    /// stands for, and whether it left them present (for a vote closed at a stated time).
    pub(super) presence: HashMap<(i64, i64), Vec<(String, bool)>>,
    pub(super) items: BTreeMap<i64, ExpItem>,
    pub(super) notes: BTreeMap<i64, Vec<ExpNote>>,
    pub(super) meetings: BTreeMap<i64, ExpMeeting>,
    /// The roster digest of the last import, and its event (None for imports from before digests).
    pub(super) roster: Option<(Option<String>, i64)>,
    pub(super) estate: Option<(Option<String>, Set<String>)>,
    pub(super) actions: BTreeMap<i64, ExpAction>,
    pub(super) concerns: BTreeMap<i64, ExpConcern>,
    /// False once an `item.add` from before concerns were named in it is seen.
    pub(super) concern_links_known: bool,
}

/// The event that recorded a row, named when the row is missing from its table.
pub(super) trait Recorded {
    fn recorded_by(&self) -> i64;
}

macro_rules! recorded_by {
    ($($t:ty => |$x:ident| $event:expr;)*) => {
        $(impl Recorded for $t {
            fn recorded_by(&self) -> i64 {
                let $x = self;
                $event
            }
        })*
    };
}

recorded_by! {
    ExpBallot => |x| x.item.event;
    ExpAttendance => |x| x.status.event;
    ExpItem => |x| x.added;
    ExpNote => |x| x.event;
    ExpMeeting => |x| x.created_at.event;
    ExpProgress => |x| x.event;
    ExpAction => |x| x.created_at.event;
    ExpConcern => |x| x.raised_at.event;
}

impl Replay {
    /// An item's number on its agenda, as findings name it ("第 2 项"); the row id only when no
    /// event gave a number (it is the number for a first meeting's items).
    pub(super) fn item_no(&self, item: i64) -> i64 {
        self.items
            .get(&item)
            .and_then(|x| x.number.value)
            .unwrap_or(item)
    }
}
