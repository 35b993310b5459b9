//! The roll call of an item: each owner of its scope once, in building/unit/floor order, with their
//! flats, area, presence and current ballot; and the electorate it gives.

use std::collections::HashMap;

use crate::domain::rule::Electorate;
use crate::domain::tally::Member;
use crate::domain::{Area, Choice, FlatRef};

use super::ballots::{BALLOT_COLUMNS, ballot_from_row};
use super::roster::RosterListing;
use super::{BallotRecord, ItemRecord, Method, Presence, Result, Store, as_of};

/// One current ballot as the screens' roll call keeps it, borrowed from the row read: no whole
/// record (its time and reason are not shown), no text copied unless kept.
#[derive(Clone, Copy, Debug)]
pub struct CurrentVote<'a> {
    pub owner_id: i64,
    /// The flat it was cast for (its row id: see [`Store::flat_by_id`]).
    pub flat_id: i64,
    pub choice: Choice,
    pub method: Method,
    pub proxy: Option<&'a str>,
}

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

    /// Each current ballot of the item that has a choice (what [`Store::roll_call`] attaches to
    /// its owners), handed to `each` as read.
    pub fn each_current_vote(
        &self,
        item: i64,
        mut each: impl FnMut(CurrentVote<'_>),
    ) -> Result<()> {
        // No flat's texts: half the time of reading them through the flats table at 70,000.
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.owner_id, b.flat_id, b.choice, b.method, b.proxy_name FROM ballots b
             WHERE b.item_id = ?1 AND b.current = 1 AND b.choice IS NOT NULL",
        )?;
        let mut rows = stmt.query([item])?;
        while let Some(r) = rows.next()? {
            if let Some(vote) = current_vote(r)? {
                each(vote);
            }
        }
        Ok(())
    }

    /// The flat with this row id (listed or since retired).
    pub fn flat_by_id(&self, id: i64) -> Result<FlatRef> {
        Ok(self
            .conn
            .prepare_cached("SELECT building, unit, room FROM flats WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(FlatRef::new(
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?)
    }

    /// The active flats of a scope with their areas and owners, and those owners' names, as they
    /// stood after event `as_of` (None: now), in roll-call order: what the screens list, for a
    /// closed vote whose roster has changed since.
    pub fn roster_listing_as_of(
        &self,
        as_of: Option<i64>,
        scope: &crate::domain::Scope,
    ) -> Result<RosterListing> {
        let mut names = HashMap::new();
        let flats = as_of::flats_without_contacts(&self.conn, as_of, Some(scope))?
            .into_iter()
            .map(|s| {
                names.entry(s.owner_id).or_insert(s.owner_name);
                (s.flat, s.area, s.owner_id, s.flat_id)
            })
            .collect();
        Ok(RosterListing::sorted(flats, names))
    }

    /// The event of the last roster import (None: never imported): nothing else changes the
    /// roster, so a roster's list read after it is still the roster while this is the same.
    pub fn last_roster_import(&self) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT MAX(id) FROM events WHERE meeting_id IS NULL AND kind = 'roster.import'",
            )?
            .query_row([], |r| r.get(0))?)
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

/// A row of [`Store::each_current_vote`]'s read, its values taken as stored (the words compared as
/// bytes: this runs 70,000 times at 100,000 flats); None for a choice not understood.
fn current_vote<'r>(r: &'r rusqlite::Row<'_>) -> rusqlite::Result<Option<CurrentVote<'r>>> {
    let text = |i: usize| -> rusqlite::Result<&'r str> {
        std::str::from_utf8(r.get_ref(i)?.as_bytes()?).map_err(|e| rusqlite::Error::Utf8Error(i, e))
    };
    let choice = match r.get_ref(2)?.as_bytes()? {
        b"yes" => Choice::Yes,
        b"no" => Choice::No,
        b"abstain" => Choice::Abstain,
        _ => match Choice::parse(text(2)?) {
            Some(c) => c,
            None => return Ok(None),
        },
    };
    let method = match r.get_ref(3)?.as_bytes()? {
        b"written" => Method::Written,
        b"proxy" => Method::Proxy,
        _ => Method::parse(text(3)?).unwrap_or(Method::InPerson),
    };
    let proxy = match r.get_ref(4)? {
        rusqlite::types::ValueRef::Null => None,
        _ => Some(text(4)?),
    };
    Ok(Some(CurrentVote {
        owner_id: r.get_ref(0)?.as_i64()?,
        flat_id: r.get_ref(1)?.as_i64()?,
        choice,
        method,
        proxy,
    }))
}
