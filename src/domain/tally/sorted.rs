//! The count of a vote read in owner order: the store gives the electorate and the current
//! ballots both sorted by owner (from its indexes), so each member's choice is found by walking
//! the two lists together, not through a hash map built for one count.

use std::collections::HashMap;

use super::{Choice, Figures, Member, OwnerId, RequiredConsent, Rule, Tally, judge};

/// Each owner's current choice on an item, in owner order, one entry per owner.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ballots(Vec<(OwnerId, Choice)>);

impl Ballots {
    /// Puts the list in owner order (one pass for a list read in that order). An owner has one
    /// current ballot per item (the store's unique index says so).
    pub fn new(mut list: Vec<(OwnerId, Choice)>) -> Ballots {
        list.sort_unstable_by_key(|&(owner, _)| owner);
        Ballots(list)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, owner: OwnerId) -> Option<Choice> {
        self.0
            .binary_search_by_key(&owner, |&(o, _)| o)
            .ok()
            .map(|k| self.0[k].1)
    }
}

impl Figures {
    /// [`Figures::count`] for an electorate in owner order (as [`super::members_of`] gives it).
    pub fn count_sorted(members: &[Member], ballots: &Ballots) -> Figures {
        debug_assert!(members.windows(2).all(|w| w[0].owner < w[1].owner));
        let mut f = Figures::default();
        let mut next = ballots.0.iter().peekable();
        for m in members {
            f.total.add(m.area);
            while next.next_if(|&&(owner, _)| owner < m.owner).is_some() {}
            let choice = next
                .next_if(|&&(owner, _)| owner == m.owner)
                .map(|&(_, c)| c);
            f.shift(m.area, None, choice);
        }
        f
    }
}

/// [`super::tally`] of an electorate in owner order with its ballots in owner order: the same
/// figures, conditions and outlook.
pub fn tally_sorted(
    rule: &Rule,
    members: &[Member],
    ballots: &Ballots,
    consents: &[RequiredConsent],
) -> Tally {
    let figures = Figures::count_sorted(members, ballots);
    let in_electorate = |owner: OwnerId| members.binary_search_by_key(&owner, |m| m.owner).is_ok();
    // Only the few owners whose consent is required are looked up by the judgement.
    let chosen: HashMap<OwnerId, Choice> = consents
        .iter()
        .filter_map(|c| ballots.get(c.owner).map(|choice| (c.owner, choice)))
        .collect();
    let counted = figures.participating().owners as usize;
    judge(
        rule,
        figures,
        consents,
        &chosen,
        &in_electorate,
        ballots.len().saturating_sub(counted),
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::{members_of, tally};
    use super::*;
    use crate::domain::{Area, FlatRef};

    proptest! {
        /// Any electorate, any ballots (some from owners outside it), any consents: the same
        /// tally as the count through a hash map, under every rule.
        #[test]
        fn the_sorted_count_is_the_hashed_count(
            flats in proptest::collection::vec((0i64..40, 1i64..20_000), 0..60),
            votes in proptest::collection::btree_map(0i64..50, 0usize..3, 0..50),
            consenting in proptest::collection::vec(0i64..50, 0..3),
            rule in 0usize..3,
        ) {
            let members = members_of(flats.into_iter().map(|(o, a)| (o, Area(a))));
            let map: HashMap<OwnerId, Choice> =
                votes.iter().map(|(&o, &c)| (o, Choice::ALL[c])).collect();
            // Given in an order other than the owners'.
            let ballots = Ballots::new(votes.iter().rev().map(|(&o, &c)| (o, Choice::ALL[c])).collect());
            let consents: Vec<RequiredConsent> = consenting
                .iter()
                .map(|&owner| RequiredConsent { flat: FlatRef::new("3", "2", owner.to_string()), owner })
                .collect();
            let rule = [Rule::civil_code_major(), Rule::civil_code_ordinary(), Rule::show_of_hands()][rule].clone();
            prop_assert_eq!(
                tally_sorted(&rule, &members, &ballots, &consents),
                tally(&rule, &members, &map, &consents)
            );
        }
    }
}
