//! What the screens show, loaded from the store in one go and patched as replies arrive.

use std::collections::HashMap;

use crate::domain::{Area, Tally};
use crate::store::{
    ActionRecord, AttendanceRecord, ConcernRecord, ItemRecord, MeetingRecord, NoteRecord, Store,
};

pub use super::roll::RollCall;

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
    /// For each of `flats`: its row id (a ballot names its flat by it) and its owner's index in
    /// `owners` (a roll call groups the flats by owner without looking each one up).
    pub flat_ids: Vec<i64>,
    pub flat_owners: Vec<u32>,
    /// The last roster import when it was read (a list of the roster now; None for a list as
    /// it stood earlier, or when none was ever imported).
    pub import: Option<i64>,
}

impl Roster {
    /// The roster now.
    pub fn load(store: &Store) -> crate::store::Result<Roster> {
        let import = store.last_roster_import()?;
        Ok(Roster::from_listing(store.roster_listing()?, import))
    }

    /// The list of flats in roll-call order and their owners' names (as `Store::roster_listing`
    /// gives them).
    pub fn from_listing(listing: crate::store::RosterListing, import: Option<i64>) -> Roster {
        let crate::store::RosterListing {
            flats,
            flat_ids,
            mut names,
        } = listing;
        let mut owners: Vec<OwnerRow> = Vec::new();
        let mut index: HashMap<i64, usize> = HashMap::new();
        let mut flat_owners = Vec::with_capacity(flats.len());
        for (flat, area, owner_id) in &flats {
            let (flat, area, owner_id) = (flat.to_string(), *area, *owner_id);
            match index.get(&owner_id) {
                Some(&i) => {
                    flat_owners.push(i as u32);
                    owners[i].flats.push(flat);
                    owners[i].area += area;
                }
                None => {
                    flat_owners.push(owners.len() as u32);
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
        Roster {
            owners,
            flats,
            owner_index: index,
            flat_ids,
            flat_owners,
            import,
        }
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
