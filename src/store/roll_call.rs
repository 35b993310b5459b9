//! The roll call of an item: each owner of its scope once, in building/unit/floor order, with their
//! flats, area, presence and current ballot; and the electorate it gives.

use std::collections::HashMap;

use crate::domain::rule::Electorate;
use crate::domain::tally::Member;
use crate::domain::{Area, Choice, FlatRef};

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
    /// The owners to call, with their flats, area, presence and current ballot.
    pub fn roll_call(&self, item: &ItemRecord) -> Result<Vec<RollCallEntry>> {
        Ok(self.roll_call_and_choices(item)?.0)
    }

    /// The same, with each owner's current choice — every current ballot of the item, as
    /// [`Store::current_choices`] gives them — taken from the same read.
    pub fn roll_call_and_choices(
        &self,
        item: &ItemRecord,
    ) -> Result<(Vec<RollCallEntry>, HashMap<i64, Choice>)> {
        let as_of = self.roster_epoch(item)?;
        let mut flats = as_of::flats_without_contacts(&self.conn, as_of, Some(&item.scope))?;
        crate::domain::flat::sort_by_flat(&mut flats, |f| &f.flat);
        let here = self.attendance(item.meeting_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {BALLOT_COLUMNS} FROM ballots b JOIN flats f ON f.id = b.flat_id
             WHERE b.item_id = ?1 AND b.current = 1 AND b.choice IS NOT NULL"
        ))?;
        // Each ballot taken once, by its owner (a map of whole records would be half empty).
        let mut ballots: Vec<Option<BallotRecord>> = stmt
            .query_map([item.id], |r| ballot_from_row(r).map(Some))?
            .collect::<rusqlite::Result<_>>()?;
        let choices: HashMap<i64, Choice> = ballots
            .iter()
            .flatten()
            .filter_map(|b| Some((b.owner_id, b.choice?)))
            .collect();
        let by_owner: HashMap<i64, usize> = ballots
            .iter()
            .enumerate()
            .filter_map(|(i, b)| Some((b.as_ref()?.owner_id, i)))
            .collect();
        let mut index: HashMap<i64, usize> = HashMap::with_capacity(flats.len());
        let mut out: Vec<RollCallEntry> = Vec::with_capacity(flats.len());
        for f in flats {
            match index.get(&f.owner_id) {
                Some(&i) => {
                    out[i].flats.push(f.flat);
                    out[i].area += f.area;
                }
                None => {
                    index.insert(f.owner_id, out.len());
                    out.push(RollCallEntry {
                        owner_id: f.owner_id,
                        owner_name: f.owner_name,
                        flats: vec![f.flat],
                        area: f.area,
                        presence: here.get(&f.owner_id).map(|a| a.presence.clone()),
                        ballot: by_owner.get(&f.owner_id).and_then(|&i| ballots[i].take()),
                    });
                }
            }
        }
        out.shrink_to_fit();
        Ok((out, choices))
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
