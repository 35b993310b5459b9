//! One agenda item as the minutes show it: its notes, its roll call and its corrections.

use std::cmp::Reverse;
use std::collections::HashMap;

use compact_str::CompactString;
use jiff::Timestamp;
use smallvec::SmallVec;

use crate::domain::{Area, Choice, FlatRef, Step, Tally};
use crate::store::{
    ActionRecord, BallotRecord, EnteredLater, ItemRecord, Method, Store, StoreError,
};

use super::instant;
use super::owners::Owners;

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

/// One owner's current ballot. Its texts are short and kept in place (a `CompactString` holds
/// up to 24 bytes without an allocation of its own; most owners have one flat): at 100,000 flats
/// a roll call of `String`s and `Vec<FlatRef>`s took eight allocations a ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollLine {
    /// The flat the ballot was given for, as written (3-2-501).
    pub flat: CompactString,
    /// Every flat of the owner in the item's scope (the ballot counts for all of them).
    pub flats: SmallVec<[CompactString; 1]>,
    pub owner: CompactString,
    pub area: Area,
    pub choice: Choice,
    pub method: Method,
    pub proxy: Option<CompactString>,
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
    (epoch, owners): (Option<i64>, &Owners),
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
        let own;
        let owners = match &at_close {
            Some(r) => {
                own = Owners::new(r);
                &own
            }
            None => owners,
        };
        corrections = changes(store, &history, owners, later)?;
        roll_call = roll(&item, &mut history, owners, later);
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

/// Each current ballot of an owner with a flat in the item's scope, in roll-call order (by the
/// owner's first flat in scope), with all the owner's flats in scope. Found by walking sorted
/// lists, not maps of every owner; the ballots' texts are moved into the roll call, not copied.
fn roll(
    item: &ItemRecord,
    history: &mut [BallotRecord],
    owners: &Owners,
    later: &EnteredLater,
) -> Vec<RollLine> {
    // Each owner's current ballot by its place in the history (the last, should there be two).
    let mut current: Vec<(i64, Reverse<usize>)> = history
        .iter()
        .enumerate()
        .filter(|(_, b)| b.current && b.choice.is_some())
        .map(|(k, b)| (b.owner_id, Reverse(k)))
        .collect();
    current.sort_unstable();
    current.dedup_by_key(|c| c.0);
    // (the owner's first flat in scope, by its place in the roster; the ballot's place)
    let mut order: Vec<(u32, u32)> = Vec::with_capacity(current.len());
    order.extend(current.iter().filter_map(|&(owner, Reverse(k))| {
        let (first, _) = owners
            .get(owner)?
            .entries()
            .find(|(_, e)| item.scope.contains(&e.flat))?;
        Some((place(first), place(k)))
    }));
    order.sort_unstable();
    let mut roll_call = Vec::with_capacity(order.len());
    for (_, k) in order {
        let b = &mut history[k as usize];
        let (Some(choice), Some(o)) = (b.choice, owners.get(b.owner_id)) else {
            continue;
        };
        let in_scope = || o.entries().filter(|(_, e)| item.scope.contains(&e.flat));
        roll_call.push(RollLine {
            at: instant(&b.at),
            entered: later.ballots.get(&b.id).copied(),
            flat: flat_text(&b.flat),
            flats: in_scope().map(|(_, e)| flat_text(&e.flat)).collect(),
            owner: o.name().into(),
            area: in_scope().map(|(_, e)| e.area).sum(),
            choice,
            method: b.method,
            proxy: b.proxy_name.take().map(CompactString::from),
        });
    }
    roll_call
}

/// A flat as written (3-2-501): what `FlatRef`'s `Display` writes, without the formatter's work
/// (a quarter of building the roll call at 100,000 flats).
fn flat_text(f: &FlatRef) -> CompactString {
    let mut text = CompactString::with_capacity(f.building.len() + f.unit.len() + f.room.len() + 2);
    for (k, part) in [&f.building, &f.unit, &f.room].into_iter().enumerate() {
        if k > 0 {
            text.push('-');
        }
        text.push_str(part);
    }
    text
}

/// A place in the roster or the ballot history.
fn place(k: usize) -> u32 {
    u32::try_from(k).expect("fewer than 4 billion flats and ballots")
}

/// Each change of an owner's ballot: the earlier entry, what replaced it, and why.
fn changes(
    store: &Store,
    history: &[BallotRecord],
    owners: &Owners,
    later: &EnteredLater,
) -> Result<Vec<Correction>, StoreError> {
    let mut last: HashMap<i64, &BallotRecord> = HashMap::new();
    let mut out = Vec::new();
    for b in history {
        if let Some(prev) = last.insert(b.owner_id, b) {
            let owner = match owners.get(b.owner_id) {
                Some(o) => o.name().to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_is_written_as_its_display_writes_it() {
        for f in [
            FlatRef::new("3", "2", "501"),
            FlatRef::new("紫荆苑A座", "东", "B-12"),
            FlatRef::new("", "", ""),
            FlatRef::new("12345678901234567890", "1", "1"),
        ] {
            assert_eq!(flat_text(&f), f.to_string());
        }
    }
}
