//! What the screens show, loaded from the store in one go and patched as replies arrive.

use std::collections::HashMap;

use crate::domain::tally::{Figures, Member, RequiredConsent, judge};
use crate::domain::{Area, Choice, Tally};
use crate::store::{
    ActionRecord, AttendanceRecord, BallotRecord, ConcernRecord, ItemRecord, MeetingRecord,
    NoteRecord, RollCallEntry, Store,
};

/// One owner as the sign-in screen lists them.
#[derive(Clone, Debug)]
pub struct OwnerRow {
    pub owner_id: i64,
    pub name: String,
    /// Flats written `3-2-501`, for searching and showing.
    pub flats: Vec<String>,
    pub area: Area,
}

/// The roster as the screens list it for signing in and for counting a scope as the host types
/// it. Read once a session, after the first frame: nothing on screen changes the roster (an import
/// needs the database's lock, which the screens hold), so a reload after a write keeps it.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    pub owners: Vec<OwnerRow>,
    /// Every flat with its area and owner.
    pub flats: Vec<(crate::domain::FlatRef, Area, i64)>,
    /// Owner id → index in `owners`, so a redraw never rebuilds it.
    pub owner_index: HashMap<i64, usize>,
}

impl Roster {
    pub fn load(store: &Store) -> crate::store::Result<Roster> {
        let (flats, mut names) = store.roster_listing()?;
        let mut owners: Vec<OwnerRow> = Vec::new();
        let mut index: HashMap<i64, usize> = HashMap::new();
        for (flat, area, owner_id) in &flats {
            let (flat, area, owner_id) = (flat.to_string(), *area, *owner_id);
            match index.get(&owner_id) {
                Some(&i) => {
                    owners[i].flats.push(flat);
                    owners[i].area += area;
                }
                None => {
                    index.insert(owner_id, owners.len());
                    owners.push(OwnerRow {
                        owner_id,
                        name: names.remove(&owner_id).unwrap_or_default(),
                        flats: vec![flat],
                        area,
                    });
                }
            }
        }
        Ok(Roster {
            owners,
            flats,
            owner_index: index,
        })
    }

    /// The owner's row.
    pub fn owner(&self, owner: i64) -> Option<&OwnerRow> {
        self.owner_index.get(&owner).map(|&i| &self.owners[i])
    }
}

/// Everything about the meeting except the roll call of one item and the roster's list.
#[derive(Clone, Debug)]
pub struct Model {
    pub estate: String,
    pub meeting: MeetingRecord,
    /// Its number in the estate's series (the host's, or its place by date among its kind), and
    /// the number a new meeting of each kind is offered (each kind is a series of its own).
    pub series: u32,
    pub next_numbers: [(crate::domain::MeetingKind, u32); 2],
    /// How the public notice closes, and the day it was posted once it is out (then a change
    /// needs a re-issue).
    pub notice: crate::domain::NoticeSettings,
    pub notice_issued: Option<jiff::civil::Date>,
    /// When this meeting's record began: actions older than that are carried over.
    pub created_at: jiff::Timestamp,
    pub items: Vec<ItemRecord>,
    pub tallies: HashMap<i64, Tally>,
    pub notes: HashMap<i64, Vec<NoteRecord>>,
    /// Each item's speaking turn in seconds, where the host set one (for it or for the meeting).
    pub turns: HashMap<i64, u32>,
    /// How each item's cost is shared by floor (items with a cost plan).
    pub costs: HashMap<i64, crate::export::cost::ItemCost>,
    /// Owners with an active flat, and the area of those flats.
    pub owner_count: i64,
    pub total_area: Area,
    /// The area of each owner signed in (their active flats), for the presence counts.
    pub areas_here: HashMap<i64, Area>,
    pub attendance: HashMap<i64, AttendanceRecord>,
    pub actions: Vec<ActionRecord>,
    pub backlog: Vec<ConcernRecord>,
}

impl Model {
    pub fn load(store: &Store, meeting: i64) -> crate::store::Result<Model> {
        use crate::domain::MeetingKind::{Owners, Residents};
        let meeting = store.meeting(meeting)?;
        let items = store.items(meeting.id)?;
        let mut tallies = HashMap::new();
        let mut notes = HashMap::new();
        let mut costs = HashMap::new();
        let mut turns = HashMap::new();
        for item in &items {
            if let Some(t) = store.turn_length(meeting.id, item.id)? {
                turns.insert(item.id, t);
            }
            if let Some(cost) = crate::export::cost::ItemCost::gather(store, item)? {
                costs.insert(item.id, cost);
            }
            if item.rule.votes {
                tallies.insert(item.id, store.tally_item(item)?);
            }
            notes.insert(item.id, store.notes(item.id)?);
        }
        let (owner_count, total_area) = store.roster_totals()?;
        Ok(Model {
            estate: store.estate()?.unwrap_or_default(),
            series: store.series_number(meeting.id)?,
            notice: store.notice_settings(meeting.id)?,
            notice_issued: store.notice_issued(meeting.id)?,
            next_numbers: [
                (Owners, store.next_meeting_number(Owners)?),
                (Residents, store.next_meeting_number(Residents)?),
            ],
            attendance: store.attendance(meeting.id)?,
            areas_here: store.areas_signed_in(meeting.id)?,
            actions: store.actions()?,
            backlog: store.concerns(true)?,
            created_at: store.meeting_created_at(meeting.id)?,
            meeting,
            items,
            tallies,
            notes,
            turns,
            costs,
            owner_count,
            total_area,
        })
    }

    /// The number a new meeting of `kind` is offered.
    pub fn next_number(&self, kind: crate::domain::MeetingKind) -> u32 {
        self.next_numbers
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(1, |(_, n)| *n)
    }

    /// Owners here (in person or by proxy): (in person, by proxy, area of both).
    pub fn presence_counts(&self) -> (i64, i64, Area) {
        let mut in_person = 0;
        let mut proxy = 0;
        let mut area = Area::ZERO;
        for a in self.attendance.values() {
            match a.presence {
                crate::store::Presence::Present => in_person += 1,
                crate::store::Presence::Proxy(_) => proxy += 1,
                crate::store::Presence::Left => continue,
            }
            area += self
                .areas_here
                .get(&a.owner_id)
                .copied()
                .unwrap_or(Area::ZERO);
        }
        (in_person, proxy, area)
    }
}

/// The roll call of one item: who to call, and the live tally kept in memory so a ballot
/// needs no re-read of the whole scope.
#[derive(Clone, Debug)]
pub struct RollCall {
    pub item: ItemRecord,
    pub entries: Vec<RollCallEntry>,
    pub members: Vec<Member>,
    pub consents: Vec<RequiredConsent>,
    pub choices: HashMap<i64, Choice>,
    pub tally: Tally,
    /// Owner id → index in `entries`.
    pub index: HashMap<i64, usize>,
    /// The electorate's areas by owner, and the running count: a ballot updates it in O(1).
    areas: HashMap<i64, Area>,
    figures: Figures,
}

impl RollCall {
    pub fn load(store: &Store, meeting: i64, number: i64) -> crate::store::Result<RollCall> {
        let item = store.item(meeting, number)?;
        let (entries, choices) = store.roll_call_and_choices(&item)?;
        let members = Store::electorate_of(&item, &entries);
        let consents = store.required_consents(&item)?;
        // Counted from what was just read (an open vote), or as recorded at its close.
        let tally = match item.result.clone().filter(|_| item.vote_closed) {
            Some(recorded) => recorded,
            None => crate::domain::tally::tally(&item.rule, &members, &choices, &consents),
        };
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.owner_id, i))
            .collect();
        let areas = members.iter().map(|m| (m.owner, m.area)).collect();
        let figures = Figures::count(&members, &choices);
        Ok(RollCall {
            item,
            entries,
            members,
            consents,
            choices,
            tally,
            index,
            areas,
            figures,
        })
    }

    /// Applies a committed ballot (or withdrawal: `None`) and recounts, moving one owner
    /// between choices rather than counting the whole scope again.
    pub fn apply(&mut self, owner: i64, ballot: Option<BallotRecord>) {
        let to = ballot.as_ref().and_then(|b| b.choice);
        let from = match to {
            Some(c) => self.choices.insert(owner, c),
            None => self.choices.remove(&owner),
        };
        if let Some(&area) = self.areas.get(&owner) {
            self.figures.shift(area, from, to);
        }
        if let Some(&i) = self.index.get(&owner) {
            self.entries[i].ballot = ballot.filter(|b| b.choice.is_some());
        }
        self.recount();
    }

    fn recount(&mut self) {
        let areas = &self.areas;
        let counted = self.figures.participating().owners as usize;
        let ignored = self.choices.len().saturating_sub(counted);
        let in_electorate = |o: i64| areas.contains_key(&o);
        self.tally = judge(
            &self.item.rule,
            self.figures,
            &self.consents,
            &self.choices,
            &in_electorate,
            ignored,
        );
    }
}
