//! The roll call of one item as the screens hold it: a small row per owner to call (who, area,
//! presence, ballot), with the names and flats left in the roster's list they come from — read
//! only for the rows drawn and for a search — and the live tally kept in memory, so a ballot needs
//! no re-read of the whole scope. At 100,000 flats whole records for every owner cost more to
//! build than the target for opening the screen.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::rule::Electorate;
use crate::domain::tally::{Figures, Member, RequiredConsent, judge};
use crate::domain::{Area, Choice, FlatRef, Tally};
use crate::store::{BallotRecord, ItemRecord, Method, Presence, Store};

use super::model::Roster;

/// How an owner is at the meeting (a proxy holder's name is kept aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Here {
    Present,
    Proxy,
    Left,
}

impl Here {
    fn of(p: &Presence) -> Here {
        match p {
            Presence::Present => Here::Present,
            Presence::Proxy(_) => Here::Proxy,
            Presence::Left => Here::Left,
        }
    }

    /// Counts towards those at the meeting (as [`Presence::is_here`]).
    pub fn is_here(self) -> bool {
        self != Here::Left
    }
}

/// An owner's current ballot as their row keeps it (a proxy's name, and a flat that is not one of
/// the row's, are kept aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vote {
    pub choice: Choice,
    pub method: Method,
    /// The flat it was cast for: the row's `n`th, or [`ELSEWHERE`].
    flat: u32,
}

/// A ballot's flat that is not one of its owner's flats in scope (a roster changed since).
const ELSEWHERE: u32 = u32::MAX;
/// An owner of the roster with no row (no flat in scope).
const NO_ROW: u32 = u32::MAX;

/// One owner to call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RollRow {
    pub owner_id: i64,
    /// The area of their flats in scope.
    pub area: Area,
    pub here: Option<Here>,
    pub vote: Option<Vote>,
    /// Counted in the electorate (as loaded: at a show of hands, here then).
    member: bool,
    /// The owner's place in the roster's list (their name).
    owner: u32,
    /// Their flats in scope: `RollCall::flats[first..first + count]`.
    first: u32,
    count: u32,
}

/// A ballot with what the screen and an undo need of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cast {
    pub flat: FlatRef,
    pub choice: Choice,
    pub method: Method,
    pub proxy: Option<String>,
}

/// Texts of a few rows, by owner: who holds a proxy at the meeting, a ballot's proxy, a ballot's
/// flat outside the row's.
#[derive(Clone, Debug, Default)]
struct Aside {
    holders: HashMap<i64, String>,
    proxies: HashMap<i64, String>,
    elsewhere: HashMap<i64, FlatRef>,
}

/// The roll call of one item: who to call, in building/unit/floor order of their first flat in
/// scope, and the live tally.
#[derive(Clone, Debug)]
pub struct RollCall {
    pub item: ItemRecord,
    pub entries: Vec<RollRow>,
    pub members: Vec<Member>,
    pub consents: Vec<RequiredConsent>,
    pub choices: HashMap<i64, Choice>,
    pub tally: Tally,
    texts: Texts,
    /// The running count: a ballot updates it in O(1).
    figures: Figures,
}

/// Where the rows' names and flats are read, and the few texts kept aside.
#[derive(Clone, Debug)]
struct Texts {
    /// The session's roster, or the roster of a vote's close when it has changed since.
    roster: Arc<Roster>,
    /// Each row's flats in scope, as places in `roster.flats`.
    flats: Vec<u32>,
    /// The roster's owners' rows (by their place in `roster.owners`).
    row_of: Vec<u32>,
    aside: Aside,
}

impl Texts {
    /// A row for each owner with a flat in `scope`, in the roster's (roll-call) order of their
    /// first such flat, with those flats and their area; no presence or ballot yet.
    fn rows(scope: &crate::domain::Scope, roster: Arc<Roster>) -> (Vec<RollRow>, Texts) {
        let mut row_of = vec![NO_ROW; roster.owners.len()];
        let mut entries: Vec<RollRow> = Vec::new();
        // (row, place in roster.flats) of each flat in scope, in roll-call order.
        let mut in_scope: Vec<(u32, u32)> = Vec::new();
        for (k, (flat, area, owner_id)) in roster.flats.iter().enumerate() {
            if !scope.contains(flat) {
                continue;
            }
            let o = roster.flat_owners[k] as usize;
            if row_of[o] == NO_ROW {
                row_of[o] = entries.len() as u32;
                entries.push(RollRow {
                    owner_id: *owner_id,
                    area: Area::ZERO,
                    here: None,
                    vote: None,
                    member: false,
                    owner: o as u32,
                    first: 0,
                    count: 0,
                });
            }
            let e = &mut entries[row_of[o] as usize];
            e.area += *area;
            e.count += 1;
            in_scope.push((row_of[o], k as u32));
        }
        // Each row's flats side by side, in their order.
        let mut next = 0;
        for e in &mut entries {
            e.first = next;
            next += e.count;
        }
        let mut fill: Vec<u32> = entries.iter().map(|e| e.first).collect();
        let mut flats = vec![0; in_scope.len()];
        for (r, k) in in_scope {
            flats[fill[r as usize] as usize] = k;
            fill[r as usize] += 1;
        }
        let texts = Texts {
            roster,
            flats,
            row_of,
            aside: Aside::default(),
        };
        (entries, texts)
    }

    fn row_of(&self, owner: i64) -> Option<usize> {
        let o = *self.roster.owner_index.get(&owner)?;
        let r = *self.row_of.get(o)?;
        (r != NO_ROW).then_some(r as usize)
    }

    fn flats(&self, e: &RollRow) -> impl ExactSizeIterator<Item = &FlatRef> + '_ {
        self.flats[e.first as usize..(e.first + e.count) as usize]
            .iter()
            .map(|&k| &self.roster.flats[k as usize].0)
    }

    fn set_presence(&mut self, e: &mut RollRow, presence: Option<&Presence>) {
        e.here = presence.map(Here::of);
        match presence {
            Some(Presence::Proxy(name)) => self.aside.holders.insert(e.owner_id, name.clone()),
            _ => self.aside.holders.remove(&e.owner_id),
        };
    }

    /// Which of the row's flats (the `n`th) is the one `is` picks out by its place in the roster.
    fn find(&self, e: &RollRow, is: impl Fn(usize) -> bool) -> Option<u32> {
        let of_row = &self.flats[e.first as usize..(e.first + e.count) as usize];
        of_row
            .iter()
            .position(|&k| is(k as usize))
            .map(|n| n as u32)
    }

    /// Records a current ballot on its owner's row, cast for the row's `n`th flat (None: a
    /// flat of someone else's now, which the caller keeps aside); its proxy's name kept aside.
    fn set_vote(
        &mut self,
        e: &mut RollRow,
        n: Option<u32>,
        choice: Choice,
        method: Method,
        proxy: Option<&str>,
    ) {
        // (Most rows have neither: the maps are looked at only when they hold something.)
        if n.is_some() && !self.aside.elsewhere.is_empty() {
            self.aside.elsewhere.remove(&e.owner_id);
        }
        let flat = n.unwrap_or(ELSEWHERE);
        match proxy {
            Some(p) => {
                self.aside.proxies.insert(e.owner_id, p.to_string());
            }
            None if !self.aside.proxies.is_empty() => {
                self.aside.proxies.remove(&e.owner_id);
            }
            None => {}
        }
        e.vote = Some(Vote {
            choice,
            method,
            flat,
        });
    }

    fn clear_vote(&mut self, e: &mut RollRow) {
        self.aside.elsewhere.remove(&e.owner_id);
        self.aside.proxies.remove(&e.owner_id);
        e.vote = None;
    }
}

impl RollCall {
    /// Item `number`'s roll call, its names and flats taken from `now`, the roster's list as it is
    /// now (or, for a vote closed before a roster change, read as it stood at the close).
    pub fn load(
        store: &Store,
        meeting: i64,
        number: i64,
        now: &Arc<Roster>,
    ) -> crate::store::Result<RollCall> {
        let item = store.item(meeting, number)?;
        let epoch = store.roster_epoch(&item)?;
        let roster = if epoch.is_none() || store.roster_unchanged(epoch, None)? {
            Arc::clone(now)
        } else {
            let listing = store.roster_listing_as_of(epoch, &item.scope)?;
            Arc::new(Roster::from_listing(listing, None))
        };
        let (mut entries, mut texts) = Texts::rows(&item.scope, roster);
        for (owner, a) in store.attendance(item.meeting_id)? {
            if let Some(i) = texts.row_of(owner) {
                texts.set_presence(&mut entries[i], Some(&a.presence));
            }
        }
        let mut choices = HashMap::with_capacity(entries.len());
        let mut elsewhere = Vec::new();
        store.each_current_vote(item.id, |v| {
            choices.insert(v.owner_id, v.choice);
            if let Some(i) = texts.row_of(v.owner_id) {
                let n = texts.find(&entries[i], |k| texts.roster.flat_ids[k] == v.flat_id);
                if n.is_none() {
                    elsewhere.push((v.owner_id, v.flat_id));
                }
                texts.set_vote(&mut entries[i], n, v.choice, v.method, v.proxy);
            }
        })?;
        for (owner, flat) in elsewhere {
            let flat = store.flat_by_id(flat)?;
            texts.aside.elsewhere.insert(owner, flat);
        }
        // The electorate: everyone called (at a show of hands those here), in owner order.
        let present_only = item.rule.electorate == Electorate::Present;
        let mut members = Vec::with_capacity(entries.len());
        for e in &mut entries {
            e.member = !present_only || e.here.is_some_and(Here::is_here);
            if e.member {
                members.push(Member {
                    owner: e.owner_id,
                    area: e.area,
                });
            }
        }
        members.sort_unstable_by_key(|m| m.owner);
        let figures = Figures::count(&members, &choices);
        let consents = store.required_consents(&item)?;
        // Counted from what was just read (an open vote: what `tally::tally` gives), or as
        // recorded at its close.
        let tally = match item.result.clone().filter(|_| item.vote_closed) {
            Some(recorded) => recorded,
            None => {
                let member = |o: i64| members.binary_search_by_key(&o, |m| m.owner).is_ok();
                judged(&item, figures, &consents, &choices, &member)
            }
        };
        Ok(RollCall {
            item,
            entries,
            members,
            consents,
            choices,
            tally,
            texts,
            figures,
        })
    }

    /// The row of an owner, if they are called.
    pub fn row_of(&self, owner: i64) -> Option<usize> {
        self.texts.row_of(owner)
    }

    /// The owner's name on row `i`.
    pub fn name(&self, i: usize) -> &str {
        &self.texts.roster.owners[self.entries[i].owner as usize].name
    }

    /// Row `i`'s flats in scope, in roll-call order.
    pub fn flats(&self, i: usize) -> impl ExactSizeIterator<Item = &FlatRef> + '_ {
        self.texts.flats(&self.entries[i])
    }

    /// Row `i`'s first flat in scope (every row has one).
    pub fn first_flat(&self, i: usize) -> &FlatRef {
        let k = self.texts.flats[self.entries[i].first as usize];
        &self.texts.roster.flats[k as usize].0
    }

    /// Row `i`'s flats written `3-2-501`, as a search matches them: the roster's own texts when
    /// all of the owner's flats are in scope.
    pub fn flat_texts(&self, i: usize) -> Cow<'_, [String]> {
        let e = &self.entries[i];
        let listed = &self.texts.roster.owners[e.owner as usize].flats;
        if listed.len() == e.count as usize {
            Cow::Borrowed(listed)
        } else {
            Cow::Owned(self.flats(i).map(ToString::to_string).collect())
        }
    }

    /// How row `i`'s owner is at the meeting.
    pub fn presence(&self, i: usize) -> Option<Presence> {
        let e = &self.entries[i];
        Some(match e.here? {
            Here::Present => Presence::Present,
            Here::Proxy => Presence::Proxy(
                self.texts
                    .aside
                    .holders
                    .get(&e.owner_id)
                    .cloned()
                    .unwrap_or_default(),
            ),
            Here::Left => Presence::Left,
        })
    }

    /// Row `i`'s current ballot.
    pub fn ballot(&self, i: usize) -> Option<Cast> {
        let e = &self.entries[i];
        let v = e.vote?;
        let flat = match v.flat {
            ELSEWHERE => self.texts.aside.elsewhere.get(&e.owner_id)?.clone(),
            n => self.flats(i).nth(n as usize)?.clone(),
        };
        Some(Cast {
            flat,
            choice: v.choice,
            method: v.method,
            proxy: self.texts.aside.proxies.get(&e.owner_id).cloned(),
        })
    }

    /// An owner signed in, left or changed how they are here.
    pub fn set_presence(&mut self, owner: i64, presence: Option<&Presence>) {
        if let Some(i) = self.row_of(owner) {
            self.texts.set_presence(&mut self.entries[i], presence);
        }
    }

    /// Applies a committed ballot (or withdrawal: `None`) and recounts, moving one owner
    /// between choices rather than counting the whole scope again.
    pub fn apply(&mut self, owner: i64, ballot: Option<BallotRecord>) {
        let to = ballot.as_ref().and_then(|b| b.choice);
        let from = match to {
            Some(c) => self.choices.insert(owner, c),
            None => self.choices.remove(&owner),
        };
        if let Some(i) = self.row_of(owner) {
            let e = &mut self.entries[i];
            if e.member {
                self.figures.shift(e.area, from, to);
            }
            match ballot.and_then(|b| Some((b.choice?, b))) {
                Some((choice, b)) => {
                    let roster = &self.texts.roster;
                    let n = self.texts.find(e, |k| roster.flats[k].0 == b.flat);
                    if n.is_none() {
                        self.texts.aside.elsewhere.insert(owner, b.flat);
                    }
                    let proxy = b.proxy_name.as_deref();
                    self.texts.set_vote(e, n, choice, b.method, proxy);
                }
                None => self.texts.clear_vote(e),
            }
        }
        self.recount();
    }

    fn recount(&mut self) {
        let (texts, entries) = (&self.texts, &self.entries);
        let member = |o: i64| texts.row_of(o).is_some_and(|i| entries[i].member);
        let (item, consents, choices) = (&self.item, &self.consents, &self.choices);
        self.tally = judged(item, self.figures, consents, choices, &member);
    }
}

/// The tally of counted figures, as `tally::tally` gives it for the same members and ballots
/// (`member`: whether an owner is in the electorate; ballots outside it are ignored).
fn judged(
    item: &ItemRecord,
    figures: Figures,
    consents: &[RequiredConsent],
    choices: &HashMap<i64, Choice>,
    member: &dyn Fn(i64) -> bool,
) -> Tally {
    let counted = figures.participating().owners as usize;
    let ignored = choices.len().saturating_sub(counted);
    judge(&item.rule, figures, consents, choices, member, ignored)
}
