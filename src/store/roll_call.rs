//! The roll call of an item: each owner of its scope once, in building/unit/floor order, with their
//! flats, area, presence and current ballot; and the electorate it gives.

use std::collections::HashMap;

use crate::domain::rule::Electorate;
use crate::domain::tally::Member;
use crate::domain::{Area, FlatRef};

use super::ballots::{BALLOT_COLUMNS, ballot_from_row};
use super::{BallotRecord, ItemRecord, Presence, Result, Store, as_of};

/// One owner of the roll call, in building/unit/floor order of their first flat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollCallEntry {
    pub owner_id: i64,
    pub owner_name: String,
    pub flats: Vec<FlatRef>,
    pub area: Area,
    pub presence: Option<Presence>,
    pub ballot: Option<BallotRecord>,
}

impl Store {
    /// The flats of an item's scope with their owners: (owner id, owner name, flat, area), in roll-call order.
    fn scope_flats(&self, item: &ItemRecord) -> Result<Vec<(i64, String, FlatRef, Area)>> {
        let as_of = self.roster_epoch(item)?;
        let mut out: Vec<(i64, String, FlatRef, Area)> =
            as_of::flats(&self.conn, as_of, Some(&item.scope))?
                .into_iter()
                .map(|s| (s.owner_id, s.owner_name, s.flat, s.area))
                .collect();
        crate::domain::flat::sort_by_flat(&mut out, |f| &f.2);
        Ok(out)
    }

    /// The owners to call, with their flats, area, presence and current ballot.
    pub fn roll_call(&self, item: &ItemRecord) -> Result<Vec<RollCallEntry>> {
        let flats = self.scope_flats(item)?;
        let here = self.attendance(item.meeting_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {BALLOT_COLUMNS} FROM ballots b JOIN flats f ON f.id = b.flat_id
             WHERE b.item_id = ?1 AND b.current = 1 AND b.choice IS NOT NULL"
        ))?;
        let mut current: HashMap<i64, BallotRecord> = stmt
            .query_map([item.id], ballot_from_row)?
            .map(|b| b.map(|b| (b.owner_id, b)))
            .collect::<rusqlite::Result<_>>()?;
        let mut index: HashMap<i64, usize> = HashMap::new();
        let mut out: Vec<RollCallEntry> = Vec::new();
        for (owner, name, flat, area) in flats {
            match index.get(&owner) {
                Some(&i) => {
                    out[i].flats.push(flat);
                    out[i].area += area;
                }
                None => {
                    index.insert(owner, out.len());
                    out.push(RollCallEntry {
                        owner_id: owner,
                        owner_name: name,
                        flats: vec![flat],
                        area,
                        presence: here.get(&owner).map(|a| a.presence.clone()),
                        ballot: current.remove(&owner),
                    });
                }
            }
        }
        Ok(out)
    }

    /// The electorate a roll call gives: the same as [`Store::electorate`] (each owner of the scope
    /// with the area of their flats in it; for a show of hands only those here), in owner order,
    /// without reading the roster again.
    pub fn electorate_of(item: &ItemRecord, roll_call: &[RollCallEntry]) -> Vec<Member> {
        let mut members: Vec<Member> = roll_call
            .iter()
            .filter(|e| {
                item.rule.electorate != Electorate::Present
                    || e.presence.as_ref().is_some_and(Presence::is_here)
            })
            .map(|e| Member {
                owner: e.owner_id,
                area: e.area,
            })
            .collect();
        members.sort_unstable_by_key(|m| m.owner);
        members
    }
}
