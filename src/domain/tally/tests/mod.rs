//! Every worked example of DOMAIN §4 and every boundary of art. 1259; the tally's invariants
//! (property tests) are in `invariants`.

use std::collections::HashMap;

use super::*;
use crate::domain::roster::{RosterRow, owner_key};
use crate::domain::rule::{Cmp, Electorate};
use crate::domain::scope::Scope;

mod invariants;

/// `n` owners with ids 1..=n, each with `area` hundredths of m².
fn equal_members(n: i64, area: i64) -> Vec<Member> {
    (1..=n)
        .map(|owner| Member {
            owner,
            area: Area(area),
        })
        .collect()
}

/// Ballots for owners 1.. in order: `yes` yes votes, then `no`, then `abstain`.
fn ballots(yes: i64, no: i64, abstain: i64) -> HashMap<OwnerId, Choice> {
    let mut b = HashMap::new();
    let mut id = 1;
    for (n, c) in [
        (yes, Choice::Yes),
        (no, Choice::No),
        (abstain, Choice::Abstain),
    ] {
        for _ in 0..n {
            b.insert(id, c);
            id += 1;
        }
    }
    b
}

#[test]
fn domain_example_major_exactly_two_thirds_and_three_quarters_passes() {
    // 12 flats, 8 vote: 6 yes, 1 no, 1 abstain.
    let t = tally(
        &Rule::civil_code_major(),
        &equal_members(12, 8000),
        &ballots(6, 1, 1),
        &[],
    );
    assert_eq!(
        t.total,
        Counts {
            owners: 12,
            area: Area(96000)
        }
    );
    assert_eq!(
        t.participating,
        Counts {
            owners: 8,
            area: Area(64000)
        }
    );
    assert_eq!(t.yes.owners, 6);
    assert_eq!(t.no.owners, 1);
    assert_eq!(t.abstain.owners, 1);
    assert!(t.participation_met, "8/12 is exactly 2/3");
    assert!(t.approval_met, "6/8 is exactly 3/4");
    assert!(t.passed);
    assert_eq!(t.outlook, Outlook::PassingSoFar);
}

#[test]
fn domain_example_seven_of_twelve_fails_whatever_the_yes_count() {
    let t = tally(
        &Rule::civil_code_major(),
        &equal_members(12, 8000),
        &ballots(7, 0, 0),
        &[],
    );
    assert!(!t.participation_met);
    assert!(t.approval_met);
    assert!(!t.passed);
    assert_eq!(t.outlook, Outlook::AwaitingParticipation);
    assert_eq!(
        t.participation_shortfall,
        Counts {
            owners: 1,
            area: Area(8000)
        }
    );
}

#[test]
fn domain_example_ordinary_exactly_half_fails() {
    let t = tally(
        &Rule::civil_code_ordinary(),
        &equal_members(12, 8000),
        &ballots(4, 4, 0),
        &[],
    );
    assert!(t.participation_met);
    assert!(!t.approval_met, "4/8 is exactly half, not more than half");
    assert!(!t.passed);
    assert_eq!(t.outlook, Outlook::FailingSoFar);
    let t = tally(
        &Rule::civil_code_ordinary(),
        &equal_members(12, 8000),
        &ballots(5, 3, 0),
        &[],
    );
    assert!(t.passed);
}

/// Three owners: a large flat (owner 1) and two small ones. Area and headcount disagree.
fn uneven() -> Vec<Member> {
    vec![
        Member {
            owner: 1,
            area: Area(20000),
        },
        Member {
            owner: 2,
            area: Area(5000),
        },
        Member {
            owner: 3,
            area: Area(5000),
        },
    ]
}

#[test]
fn participation_boundary_by_area_alone() {
    // Owners 2 and 3 vote: 2/3 of heads (met) but 100/300 of area (not met).
    let b: HashMap<_, _> = [(2, Choice::Yes), (3, Choice::Yes)].into();
    let t = tally(&Rule::civil_code_major(), &uneven(), &b, &[]);
    let heads = t
        .conditions
        .iter()
        .find(|c| c.measure == Measure::ParticipationHeads)
        .unwrap();
    let area = t
        .conditions
        .iter()
        .find(|c| c.measure == Measure::ParticipationArea)
        .unwrap();
    assert!(heads.met);
    assert!(!area.met);
    assert!(!t.participation_met);
    assert_eq!(
        t.participation_shortfall,
        Counts {
            owners: 0,
            area: Area(10000)
        }
    );
}

#[test]
fn participation_boundary_by_headcount_alone() {
    // Owner 1 alone: 200/300 of area is exactly 2/3 (met), 1/3 of heads not.
    let b: HashMap<_, _> = [(1, Choice::Yes)].into();
    let t = tally(&Rule::civil_code_major(), &uneven(), &b, &[]);
    let heads = t
        .conditions
        .iter()
        .find(|c| c.measure == Measure::ParticipationHeads)
        .unwrap();
    let area = t
        .conditions
        .iter()
        .find(|c| c.measure == Measure::ParticipationArea)
        .unwrap();
    assert!(area.met, "exactly 2/3 of area is enough");
    assert!(!heads.met);
    assert!(!t.passed);
}

#[test]
fn approval_exactly_three_quarters_by_area_and_headcount_together() {
    // 4 owners of 25 m² each all vote: 3 yes — exactly 3/4 of both.
    let t = tally(
        &Rule::civil_code_major(),
        &equal_members(4, 2500),
        &ballots(3, 1, 0),
        &[],
    );
    assert!(t.conditions.iter().all(|c| c.met));
    assert!(t.passed);
    assert_eq!(t.outlook, Outlook::CertainToPass, "everyone has voted");
    // One hundredth of a m² less on the yes side breaks the area boundary only.
    let mut m = equal_members(4, 2500);
    m[0].area = Area(2499);
    let t = tally(&Rule::civil_code_major(), &m, &ballots(3, 1, 0), &[]);
    let approval_area = t
        .conditions
        .iter()
        .find(|c| c.measure == Measure::ApprovalArea)
        .unwrap();
    let approval_heads = t
        .conditions
        .iter()
        .find(|c| c.measure == Measure::ApprovalHeads)
        .unwrap();
    assert!(!approval_area.met);
    assert!(approval_heads.met);
    assert!(!t.passed);
    assert_eq!(t.outlook, Outlook::ApprovalUnreachable);
}

#[test]
fn approval_exactly_three_quarters_by_area_but_not_headcount() {
    // Owner 1 (200 m²) yes; owners 2 and 3 (50 m² each): one no, one yes → area 250/300 ≥ 3/4, heads 2/3 < 3/4.
    let b: HashMap<_, _> = [(1, Choice::Yes), (2, Choice::No), (3, Choice::Yes)].into();
    let t = tally(&Rule::civil_code_major(), &uneven(), &b, &[]);
    assert!(
        t.conditions
            .iter()
            .find(|c| c.measure == Measure::ApprovalArea)
            .unwrap()
            .met
    );
    assert!(
        !t.conditions
            .iter()
            .find(|c| c.measure == Measure::ApprovalHeads)
            .unwrap()
            .met
    );
    assert!(!t.passed);
}

#[test]
fn exactly_half_by_area_with_majority_of_heads_fails_ordinary() {
    // Owners 2, 3 yes (100 m²), owner 1 ... no: heads 2/3 > 1/2, area 100/300 not > 1/2.
    let b: HashMap<_, _> = [(1, Choice::No), (2, Choice::Yes), (3, Choice::Yes)].into();
    let t = tally(&Rule::civil_code_ordinary(), &uneven(), &b, &[]);
    assert!(!t.approval_met);
    // Exactly half of the area: two owners of 50 and 50 against one of 100.
    let m = vec![
        Member {
            owner: 1,
            area: Area(10000),
        },
        Member {
            owner: 2,
            area: Area(5000),
        },
        Member {
            owner: 3,
            area: Area(5000),
        },
    ];
    let t = tally(&Rule::civil_code_ordinary(), &m, &b, &[]);
    let area = t
        .conditions
        .iter()
        .find(|c| c.measure == Measure::ApprovalArea)
        .unwrap();
    assert_eq!((area.part, area.whole), (10000, 20000));
    assert!(!area.met, "exactly half of the area is not more than half");
}

#[test]
fn abstention_takes_part_without_approving() {
    let t = tally(
        &Rule::civil_code_ordinary(),
        &equal_members(3, 100),
        &ballots(1, 0, 2),
        &[],
    );
    assert!(t.participation_met);
    assert_eq!(t.participating.owners, 3);
    assert!(!t.approval_met);
}

fn row(flat: &str, area: &str, id: Option<&str>, name: &str) -> RosterRow {
    let flat = FlatRef::parse(flat).unwrap();
    let key = owner_key(id, name, &flat);
    RosterRow {
        area: Area::parse(area).unwrap(),
        owner: crate::domain::roster::Owner {
            key,
            name: name.into(),
            phone: None,
        },
        flat,
        floor: None,
    }
}

/// Members of a scope from roster rows, the way the store builds them (owner ids by key).
fn members_from(rows: &[RosterRow], scope: &Scope) -> (Vec<Member>, HashMap<String, OwnerId>) {
    let mut ids: HashMap<String, OwnerId> = HashMap::new();
    for r in rows {
        let next = ids.len() as OwnerId + 1;
        ids.entry(r.owner.key.clone()).or_insert(next);
    }
    let members = members_of(
        rows.iter()
            .filter(|r| scope.contains(&r.flat))
            .map(|r| (ids[&r.owner.key], r.area)),
    );
    (members, ids)
}

#[test]
fn headcount_exceptions_co_owners_multi_flat_owner_and_unsold_flats() {
    let rows = vec![
        row("1-1-101", "50.00", Some("A"), "刘斌艳、莫刚超"), // co-owners: one owner
        row("1-1-102", "60.00", Some("B"), "王秀兰"),
        row("1-1-201", "40.00", Some("B"), "王秀兰"), // same owner, second flat
        row("1-1-202", "55.00", None, "原单位（未售）"),
        row("1-1-301", "55.00", None, "原单位（未售）"), // unsold flats count as one
        row("1-1-302", "45.00", None, "周磊"),
    ];
    let (members, ids) = members_from(&rows, &Scope::Estate);
    assert_eq!(members.len(), 4, "6 flats, 4 owners");
    let total: Area = members.iter().map(|m| m.area).sum();
    assert_eq!(total, Area(30500));
    let b = ids["B"];
    assert_eq!(
        members.iter().find(|m| m.owner == b).unwrap().area,
        Area(10000)
    );
    // Owner B's single ballot counts once with both areas.
    let t = tally(
        &Rule::civil_code_major(),
        &members,
        &[(b, Choice::Yes)].into(),
        &[],
    );
    assert_eq!(
        t.yes,
        Counts {
            owners: 1,
            area: Area(10000)
        }
    );
}

#[test]
fn scope_limits_the_electorate_and_the_owner_weight() {
    let rows = vec![
        row("3-1-101", "50.00", Some("A"), "甲"),
        row("3-2-101", "60.00", Some("A"), "甲"), // owner A has a flat in each unit
        row("3-2-102", "70.00", Some("B"), "乙"),
        row("4-1-101", "80.00", Some("C"), "丙"),
    ];
    let (unit, ids) = members_from(&rows, &Scope::parse("3-2").unwrap());
    assert_eq!(unit.len(), 2);
    assert_eq!(
        unit.iter().find(|m| m.owner == ids["A"]).unwrap().area,
        Area(6000),
        "only the area inside the scope"
    );
    let (building, _) = members_from(&rows, &Scope::parse("3").unwrap());
    assert_eq!(building.len(), 2);
    assert_eq!(building.iter().map(|m| m.area).sum::<Area>(), Area(18000));
    // A ballot from an owner outside the scope is not counted.
    let t = tally(
        &Rule::civil_code_major(),
        &unit,
        &[(ids["C"], Choice::Yes)].into(),
        &[],
    );
    assert_eq!(t.participating.owners, 0);
    assert_eq!(t.ignored_ballots, 1);
}

#[test]
fn required_consent_vetoes_and_settles() {
    let members = equal_members(12, 8000);
    let consent = RequiredConsent {
        flat: FlatRef::parse("3-2-101").unwrap(),
        owner: 1,
    };
    // Owner 1 votes no; everyone else yes: all figures pass, the consent does not.
    let mut b = ballots(0, 0, 0);
    b.insert(1, Choice::No);
    for id in 2..=12 {
        b.insert(id, Choice::Yes);
    }
    let t = tally(
        &Rule::civil_code_major(),
        &members,
        &b,
        std::slice::from_ref(&consent),
    );
    assert!(t.participation_met && t.approval_met);
    assert!(!t.consents_met);
    assert!(!t.passed);
    assert_eq!(t.outlook, Outlook::ConsentRefused);
    // Not yet voted: the item cannot be certain to pass.
    b.remove(&1);
    let t = tally(
        &Rule::civil_code_major(),
        &members,
        &b,
        std::slice::from_ref(&consent),
    );
    assert!(!t.consents_met);
    assert_eq!(t.outlook, Outlook::FailingSoFar);
    b.insert(1, Choice::Yes);
    let t = tally(&Rule::civil_code_major(), &members, &b, &[consent]);
    assert!(t.passed);
    assert_eq!(t.outlook, Outlook::CertainToPass);
}

#[test]
fn outlook_says_when_remaining_owners_can_no_longer_change_the_result() {
    let members = equal_members(12, 8000);
    // 5 have voted no: even if the other 7 vote yes, 7/12 < 3/4.
    let t = tally(&Rule::civil_code_major(), &members, &ballots(0, 5, 0), &[]);
    assert_eq!(t.outlook, Outlook::ApprovalUnreachable);
    assert!(t.outlook.is_settled());
    // 9 yes of 12: even if the other 3 vote no, 9/12 = 3/4 holds.
    let t = tally(&Rule::civil_code_major(), &members, &ballots(9, 0, 0), &[]);
    assert_eq!(t.outlook, Outlook::CertainToPass);
    // 8 yes: passes so far, 3 more no votes would make 8/11 < 3/4... and 4 no votes 8/12 < 3/4.
    let t = tally(&Rule::civil_code_major(), &members, &ballots(8, 0, 0), &[]);
    assert_eq!(t.outlook, Outlook::PassingSoFar);
    // A show of hands before anyone signed in: people may still arrive, nothing is settled.
    let t = tally(&Rule::show_of_hands(), &[], &HashMap::new(), &[]);
    assert_eq!(t.outlook, Outlook::AwaitingParticipation);
    assert!(!t.passed);
    let t = tally(
        &Rule::show_of_hands(),
        &equal_members(2, 100),
        &ballots(1, 1, 0),
        &[],
    );
    assert_eq!(
        t.outlook,
        Outlook::FailingSoFar,
        "a latecomer could still vote yes"
    );
}

#[test]
fn custom_rule_with_area_only_strict_participation() {
    let rule = Rule {
        name: "area-only".into(),
        basis: String::new(),
        electorate: Electorate::Owners,
        participation: Double {
            area: Some(Threshold {
                num: 1,
                den: 2,
                cmp: Cmp::MoreThan,
            }),
            heads: None,
        },
        approval: Double {
            area: Some(Threshold::at_least(2, 3)),
            heads: None,
        },
        votes: true,
    };
    let t = tally(&rule, &equal_members(4, 100), &ballots(2, 0, 0), &[]);
    assert!(!t.participation_met, "exactly half is not more than half");
    let t = tally(&rule, &equal_members(4, 100), &ballots(2, 1, 0), &[]);
    assert!(t.participation_met);
    assert!(t.approval_met);
    assert_eq!(t.conditions.len(), 2);
}

#[test]
fn rule_none_has_no_vote() {
    let t = tally(
        &Rule::none(),
        &equal_members(3, 100),
        &ballots(3, 0, 0),
        &[],
    );
    assert!(!t.passed);
    assert_eq!(t.outlook, Outlook::NoVote);
}

#[test]
fn a_stored_choice_is_read_from_its_bytes_and_nothing_else_is_taken_for_one() {
    for c in Choice::ALL {
        assert_eq!(Choice::from_stored(c.as_str().as_bytes()), Some(c));
    }
    for other in [&b"Yes"[..], b"y", b" yes", "同意".as_bytes(), b""] {
        assert_eq!(Choice::from_stored(other), None, "{other:?}");
    }
}

#[test]
fn the_count_is_the_same_whatever_hasher_holds_the_ballots() {
    let members = equal_members(9, 100);
    let std_map = ballots(4, 3, 1);
    let fast: HashMap<OwnerId, Choice, std::hash::BuildHasherDefault<std::hash::DefaultHasher>> =
        std_map.iter().map(|(&o, &c)| (o, c)).collect();
    let rule = Rule::civil_code_major();
    assert_eq!(
        tally(&rule, &members, &std_map, &[]),
        tally(&rule, &members, &fast, &[])
    );
}
