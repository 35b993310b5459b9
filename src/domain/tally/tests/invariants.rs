//! The tally's invariants over random rosters and ballots: no owner counted twice, approval
//! within participation, monotony in yes votes, settled outlooks, and the roll call's running
//! count equal to a recount.

use proptest::prelude::*;

use super::*;

/// Members, their ballots, and the flats they were built from.
type Case = (Vec<Member>, HashMap<OwnerId, Choice>, Vec<(OwnerId, Area)>);

fn arb_case() -> impl Strategy<Value = Case> {
    // Flats with owners drawn from a small pool, so owners often hold several flats.
    prop::collection::vec((1i64..30, 1i64..20_000), 1..60).prop_flat_map(|flats| {
        let flats: Vec<(OwnerId, Area)> = flats.into_iter().map(|(o, a)| (o, Area(a))).collect();
        let members = members_of(flats.clone());
        let n = members.len();
        let owners: Vec<OwnerId> = members.iter().map(|m| m.owner).collect();
        prop::collection::vec(prop::option::of(0usize..3), n).prop_map(move |choices| {
            let ballots = owners
                .iter()
                .zip(choices)
                .filter_map(|(o, c)| c.map(|c| (*o, Choice::ALL[c])))
                .collect();
            (members.clone(), ballots, flats.clone())
        })
    })
}

proptest! {
    #[test]
    fn no_owner_is_counted_twice((members, ballots, flats) in arb_case()) {
        let distinct: std::collections::HashSet<OwnerId> = flats.iter().map(|f| f.0).collect();
        prop_assert_eq!(members.len(), distinct.len());
        let t = tally(&Rule::civil_code_major(), &members, &ballots, &[]);
        prop_assert_eq!(t.total.owners as usize, distinct.len());
        prop_assert_eq!(t.total.area, flats.iter().map(|f| f.1).sum::<Area>());
        prop_assert_eq!(t.participating.owners as usize, ballots.len());
    }

    #[test]
    fn yes_within_participating_within_total((members, ballots, _) in arb_case()) {
        for rule in [Rule::civil_code_major(), Rule::civil_code_ordinary()] {
            let t = tally(&rule, &members, &ballots, &[]);
            prop_assert!(t.yes.owners <= t.participating.owners);
            prop_assert!(t.yes.area <= t.participating.area);
            prop_assert!(t.participating.owners <= t.total.owners);
            prop_assert!(t.participating.area <= t.total.area);
            prop_assert_eq!(t.participating, t.yes.plus(t.no).plus(t.abstain));
            prop_assert_eq!(t.total, t.participating.plus(t.remaining));
        }
    }

    #[test]
    fn adding_a_yes_never_turns_a_pass_into_a_fail((members, ballots, _) in arb_case(), pick in 0usize..60) {
        for rule in [Rule::civil_code_major(), Rule::civil_code_ordinary()] {
            let before = tally(&rule, &members, &ballots, &[]);
            let mut more = ballots.clone();
            let who = members[pick % members.len()].owner;
            more.insert(who, Choice::Yes);
            let after = tally(&rule, &members, &more, &[]);
            if before.passed {
                prop_assert!(after.passed);
            }
            if before.outlook == Outlook::CertainToPass && !ballots.contains_key(&who) {
                prop_assert!(after.passed);
            }
        }
    }

    #[test]
    fn settled_outlooks_hold_whatever_the_remaining_owners_do((members, ballots, _) in arb_case(), seed in any::<u64>()) {
        let rule = Rule::civil_code_major();
        let before = tally(&rule, &members, &ballots, &[]);
        // Let every remaining owner vote at random (or not at all).
        let mut after_ballots = ballots.clone();
        let mut s = seed;
        for m in &members {
            if !ballots.contains_key(&m.owner) {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                match s >> 62 {
                    0 => {}
                    k => { after_ballots.insert(m.owner, Choice::ALL[(k - 1) as usize]); }
                }
            }
        }
        let after = tally(&rule, &members, &after_ballots, &[]);
        match before.outlook {
            Outlook::CertainToPass => prop_assert!(after.passed),
            Outlook::ParticipationUnreachable | Outlook::ApprovalUnreachable => prop_assert!(!after.passed),
            _ => {}
        }
    }
}

proptest! {
    /// The roll call updates its count one ballot at a time; it must always equal a full recount.
    #[test]
    fn shifting_one_owner_at_a_time_equals_counting_again(
        (members, ballots, _) in arb_case(),
        steps in prop::collection::vec((0usize..60, prop::option::of(0usize..3)), 0..40),
    ) {
        let mut current = ballots.clone();
        let mut figures = Figures::count(&members, &current);
        for (pick, choice) in steps {
            let m = members[pick % members.len()];
            let to = choice.map(|c| Choice::ALL[c]);
            let from = match to {
                Some(c) => current.insert(m.owner, c),
                None => current.remove(&m.owner),
            };
            figures.shift(m.area, from, to);
            prop_assert_eq!(figures, Figures::count(&members, &current));
            let in_electorate = |o: OwnerId| members.iter().any(|x| x.owner == o);
            let incremental = judge(&Rule::civil_code_major(), figures, &[], &current, &in_electorate, 0);
            prop_assert_eq!(incremental, tally(&Rule::civil_code_major(), &members, &current, &[]));
        }
    }
}
