//! One agenda item as the minutes show it: its notes, its roll call and its corrections.

use std::collections::HashMap;

use jiff::Timestamp;

use crate::domain::{Area, Choice, FlatRef, Step, Tally};
use crate::store::{
    ActionRecord, BallotRecord, EnteredLater, ItemRecord, Method, RosterEntry, Store, StoreError,
};

use super::instant;

/// One agenda item through the three steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemSnapshot {
    pub item: ItemRecord,
    /// Step 2: the discussion, in the order the points were made.
    pub notes: Vec<Note>,
    /// The figures: recorded at closing, or counted now while the vote is open. None without a vote.
    pub tally: Option<Tally>,
    /// The named roll call: every current ballot, in building/unit/floor/room order.
    pub roll_call: Vec<RollLine>,
    /// Ballots replaced or withdrawn, with the reasons given.
    pub corrections: Vec<Correction>,
    /// Actions agreed on this item at this meeting (step 3).
    pub actions: Vec<i64>,
    /// When the closing of the vote was entered, if later from paper.
    pub closed_entered: Option<Timestamp>,
    /// How the cost is shared by floor, if the item has a plan.
    pub cost: Option<crate::export::cost::ItemCost>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub speaker: String,
    pub point: String,
    pub at: Option<Timestamp>,
    /// When it was entered, if later from paper.
    pub entered: Option<Timestamp>,
}

/// One owner's current ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollLine {
    /// The flat the ballot was given for.
    pub flat: FlatRef,
    /// Every flat of the owner in the item's scope (the ballot counts for all of them).
    pub flats: Vec<FlatRef>,
    pub owner: String,
    pub area: Area,
    pub choice: Choice,
    pub method: Method,
    pub proxy: Option<String>,
    pub at: Option<Timestamp>,
    /// When it was entered, if later from paper.
    pub entered: Option<Timestamp>,
}

/// A ballot that was replaced by a later one, or withdrawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub flat: FlatRef,
    pub owner: String,
    /// The choice before; None if the earlier entry was a withdrawal.
    pub before: Option<Choice>,
    /// The choice after; None for a withdrawal.
    pub after: Option<Choice>,
    pub reason: Option<String>,
    pub at: Option<Timestamp>,
    /// When it was entered, if later from paper.
    pub entered: Option<Timestamp>,
}

/// One item: its notes, its tally, and the roll call and corrections from the ballot history
/// (built here from the roster already read, rather than asking the store once more per item).
pub(super) fn gather_item(
    store: &Store,
    item: ItemRecord,
    (epoch, roster, names): (Option<i64>, &[RosterEntry], &Names),
    actions: &[ActionRecord],
    later: &EnteredLater,
) -> Result<ItemSnapshot, StoreError> {
    let mut notes: Vec<Note> = store
        .notes(item.id)?
        .into_iter()
        .enumerate()
        .map(|(k, n)| Note {
            speaker: n.speaker,
            point: n.point,
            at: instant(&n.at),
            entered: later.notes.get(&(item.id, k)).copied(),
        })
        .collect();
    // In the order the points were made: one entered later from paper takes its place.
    notes.sort_by_key(|n| n.at);
    let counted = item.rule.votes
        && (item.vote_closed || !matches!(item.step, Step::Withdrawn | Step::Deferred));
    let tally = if counted {
        Some(store.tally_item(&item)?)
    } else {
        None
    };
    let mut roll_call = Vec::new();
    let mut corrections = Vec::new();
    if item.rule.votes {
        let mut history = store.ballot_history(item.id)?;
        // A closed vote is called with the roster as it stood when it closed (read again only if
        // it differs from the meeting's).
        let at_close = match store.roster_epoch(&item)? {
            Some(closed) if !store.roster_unchanged(Some(closed), epoch)? => {
                Some(store.roster_as_of(Some(closed))?)
            }
            _ => None,
        };
        let own_names;
        let (roster, names) = match &at_close {
            Some(r) => {
                own_names = owner_names(r);
                (r.as_slice(), &own_names)
            }
            None => (roster, names),
        };
        // Each owner of the scope once, with all their flats in it, in roll-call order.
        let mut order: Vec<i64> = Vec::new();
        let mut in_scope: HashMap<i64, (&str, Vec<FlatRef>, Area)> = HashMap::new();
        for e in roster.iter().filter(|e| item.scope.contains(&e.flat)) {
            let entry = in_scope.entry(e.owner_id).or_insert_with(|| {
                order.push(e.owner_id);
                (e.owner_name.as_str(), Vec::with_capacity(1), Area::ZERO)
            });
            entry.1.push(e.flat.clone());
            entry.2 += e.area;
        }
        corrections = changes(store, &history, names, later)?;
        // Each owner's current ballot by its place in the history (a map of whole records held
        // 70,000 of them a second time at 100,000 flats); its texts and the scope's entries are
        // moved into the roll call, not copied.
        let current: HashMap<i64, usize> = history
            .iter()
            .enumerate()
            .filter(|(_, b)| b.current && b.choice.is_some())
            .map(|(k, b)| (b.owner_id, k))
            .collect();
        roll_call.reserve_exact(current.len().min(order.len()));
        for owner in &order {
            let (Some(&k), Some((name, flats, area))) =
                (current.get(owner), in_scope.remove(owner))
            else {
                continue;
            };
            let b = &mut history[k];
            let Some(choice) = b.choice else { continue };
            roll_call.push(RollLine {
                at: instant(&b.at),
                entered: later.ballots.get(&b.id).copied(),
                flat: std::mem::replace(&mut b.flat, FlatRef::new("", "", "")),
                flats,
                owner: name.to_string(),
                area,
                choice,
                method: b.method,
                proxy: b.proxy_name.take(),
            });
        }
    }
    let mut own_actions: Vec<i64> = actions
        .iter()
        .filter(|a| a.item_id == Some(item.id) && a.meeting_id == Some(item.meeting_id))
        .map(|a| a.id)
        .collect();
    own_actions.sort_unstable();
    let cost = crate::export::cost::ItemCost::gather(store, &item)?;
    Ok(ItemSnapshot {
        closed_entered: later.closes.get(&item.id).copied(),
        cost,
        item,
        notes,
        tally,
        roll_call,
        corrections,
        actions: own_actions,
    })
}

/// Each owner's name and flats, by owner id, borrowed from the roster read (no copy of 100,000
/// flats' texts).
pub(super) type Names<'a> = HashMap<i64, (&'a str, Vec<&'a FlatRef>)>;

/// Each owner's name and flats in a roster.
pub(super) fn owner_names(roster: &[RosterEntry]) -> Names<'_> {
    let mut out: Names = HashMap::new();
    for e in roster {
        // Most owners have one flat: room for one (an empty Vec's first push makes room for four).
        out.entry(e.owner_id)
            .or_insert_with(|| (e.owner_name.as_str(), Vec::with_capacity(1)))
            .1
            .push(&e.flat);
    }
    out
}

/// Each change of an owner's ballot: the earlier entry, what replaced it, and why.
fn changes(
    store: &Store,
    history: &[BallotRecord],
    names: &Names,
    later: &EnteredLater,
) -> Result<Vec<Correction>, StoreError> {
    let mut last: HashMap<i64, &BallotRecord> = HashMap::new();
    let mut out = Vec::new();
    for b in history {
        if let Some(prev) = last.insert(b.owner_id, b) {
            let owner = match names.get(&b.owner_id) {
                Some((n, _)) => n.to_string(),
                // The owner's flats left the scope or the roster since: look the flat up.
                None => store
                    .find_flat(&b.flat)
                    .map(|e| e.owner_name)
                    .unwrap_or_default(),
            };
            out.push(Correction {
                flat: b.flat.clone(),
                owner,
                before: prev.choice,
                after: b.choice,
                reason: b.reason.clone(),
                at: instant(&b.at),
                entered: later.ballots.get(&b.id).copied(),
            });
        }
    }
    Ok(out)
}
