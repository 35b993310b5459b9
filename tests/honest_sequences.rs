//! Honest sequences always verify (issue 8, point 3): random sequences of what a host and a
//! secretary may do — sign-ins, ballots, withdrawals, steps, closes, roster imports, actions,
//! concerns, files of written ballots, and paper records entered afterwards at a stated time
//! (`--at`) — each accepted or refused by the store, and `verify` finds nothing after every one.

mod common;

use common::{fixed_now, item, meeting, row, twelve_flat_unit};
use pavilion::domain::{Area, Choice, FlatRef, Responsible, RosterRow, Rule, Scope, Step};
use pavilion::store::{BallotInput, NewAction, Presence, Store, StoreError, WrittenBallot};
use proptest::prelude::*;

/// Entered as it happens (None), or afterwards at the meeting's start plus so many minutes (the
/// clock stands at start + 5).
type Stated = Option<u8>;

#[derive(Clone, Debug)]
enum Op {
    Attend(usize, u8, Stated),
    Ballot(i64, usize, u8, Stated),
    Withdraw(i64, usize, Stated),
    Step(i64, usize),
    Close(i64, Stated),
    /// A new roster: flat `0` gets another owner, flat `1` another area, flat `2` is left out.
    Roster(usize, usize, Option<usize>),
    Action(i64),
    Progress,
    Concern(bool),
    Note(i64, Stated),
    /// A file of written ballots: two flats, their choices, replacing in-person ballots or not.
    Written(i64, [(usize, u8); 2], bool, Stated),
}

/// The stated time: the meeting starts at 11:00 UTC, the fixed clock is 11:05.
fn stated(minutes: &Stated) -> Option<jiff::Timestamp> {
    minutes.map(|m| format!("2026-11-28T11:0{m}:00Z").parse().expect("a time"))
}

fn op() -> impl Strategy<Value = Op> {
    let item = 1i64..=3;
    let at = || proptest::option::of(0u8..=5);
    prop_oneof![
        (0usize..14, 0u8..3, at()).prop_map(|(f, p, t)| Op::Attend(f, p, t)),
        (item.clone(), 0usize..14, 0u8..3, at()).prop_map(|(i, f, c, t)| Op::Ballot(i, f, c, t)),
        (item.clone(), 0usize..14, at()).prop_map(|(i, f, t)| Op::Withdraw(i, f, t)),
        (item.clone(), 0usize..7).prop_map(|(i, s)| Op::Step(i, s)),
        (item.clone(), at()).prop_map(|(i, t)| Op::Close(i, t)),
        (0usize..14, 0usize..14, proptest::option::of(0usize..14))
            .prop_map(|(a, b, c)| Op::Roster(a, b, c)),
        item.clone().prop_map(Op::Action),
        Just(Op::Progress),
        any::<bool>().prop_map(Op::Concern),
        (item.clone(), at()).prop_map(|(i, t)| Op::Note(i, t)),
        (
            item,
            [(0usize..14, 0u8..3), (0usize..14, 0u8..3)],
            any::<bool>(),
            at()
        )
            .prop_map(|(i, rows, replace, t)| Op::Written(i, rows, replace, t)),
    ]
}

fn roster_with(owner: usize, area: usize, left_out: Option<usize>, n: usize) -> Vec<RosterRow> {
    let mut rows = twelve_flat_unit();
    let flat = rows[owner].flat.to_string();
    rows[owner] = row(
        &flat,
        "80.00",
        Some(&format!("N{n}")),
        &format!("新业主{n}"),
    );
    rows[area].area = Area::parse(&format!("8{}.50", n % 10)).unwrap();
    if let Some(i) = left_out {
        rows.remove(i);
    }
    rows
}

/// Applies one operation; a refusal is an honest answer, anything else must not happen.
fn apply(store: &mut Store, op: &Op, flats: &[FlatRef], n: usize) -> Result<(), StoreError> {
    let m = 1;
    match op {
        Op::Attend(f, p, t) => {
            let presence = match p {
                0 => Presence::Present,
                1 => Presence::Proxy("代理人".into()),
                _ => Presence::Left,
            };
            store
                .attend_at(m, &flats[*f], &presence, stated(t))
                .map(drop)
        }
        Op::Ballot(i, f, c, t) => {
            let choice = [Choice::Yes, Choice::No, Choice::Abstain][*c as usize];
            let input = BallotInput::in_person(&flats[*f], choice);
            store.cast_ballot_at(m, *i, &input, stated(t)).map(drop)
        }
        Op::Written(i, rows, replace, t) => {
            let ballots: Vec<WrittenBallot> = rows
                .iter()
                .enumerate()
                .map(|(row, (f, c))| WrittenBallot {
                    row: row + 2,
                    flat: flats[*f].clone(),
                    choice: [Choice::Yes, Choice::No, Choice::Abstain][*c as usize],
                })
                .collect();
            let reason = replace.then_some("书面票为准");
            // A refused file (rows or in-person ballots it would replace) writes nothing.
            store
                .import_written_ballots_at(m, *i, &ballots, reason, stated(t))
                .map(drop)
        }
        Op::Withdraw(i, f, t) => {
            store.withdraw_ballot_at(m, *i, &flats[*f], Some("口误"), stated(t))
        }
        Op::Step(i, s) => store.set_step(m, *i, Step::ALL[*s]).map(drop),
        Op::Close(i, t) => store.close_vote_at(m, *i, stated(t)).map(drop),
        Op::Roster(a, b, c) => store
            .import_roster(&roster_with(*a, *b, *c, n), "again")
            .map(drop),
        Op::Action(i) => store
            .add_action(&NewAction {
                item: Some((m, *i)),
                meeting: Some(m),
                what: "报规划审批",
                responsible: Responsible::parse("社区"),
                due: None,
            })
            .map(drop),
        Op::Progress => match store.actions()?.first() {
            Some(a) if n.is_multiple_of(2) => {
                store.update_action(a.id, Some(m), "进行中").map(drop)
            }
            Some(a) => store.close_action(a.id, Some(m), "业主确认").map(drop),
            None => Ok(()),
        },
        Op::Concern(on_agenda) => {
            if *on_agenda {
                store
                    .raise_on_agenda(m, "楼道灯坏了", "赵六", Some(&flats[0]))
                    .map(drop)
            } else {
                store.raise_concern("垃圾分类", "钱七", None).map(drop)
            }
        }
        Op::Note(i, t) => store
            .add_note_at(m, *i, "郭建敏", "意见", stated(t))
            .map(drop),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_honest_sequence_verifies_after_each_step(ops in proptest::collection::vec(op(), 1..14)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pavilion.db");
        let mut store = Store::open(&path).unwrap().with_clock(fixed_now);
        store.init("红旗小区").unwrap();
        store.import_roster(&twelve_flat_unit(), "test").unwrap();
        store
            .intake(
                &meeting(vec![
                    item("加装电梯", Rule::civil_code_major(), Scope::parse("3-2").unwrap(), &["3-2-101"]),
                    item("划停车线", Rule::show_of_hands(), Scope::Estate, &[]),
                    item("楼道堆物", Rule::none(), Scope::Estate, &[]),
                ]),
                "test",
            )
            .unwrap();
        let flats: Vec<FlatRef> = twelve_flat_unit().into_iter().map(|r| r.flat).collect();
        for (n, op) in ops.iter().enumerate() {
            match apply(&mut store, op, &flats, n) {
                Ok(()) | Err(StoreError::Said(_)) => {}
                Err(e) => prop_assert!(false, "{op:?} failed: {e}"),
            }
            let v = store.verify().unwrap();
            prop_assert!(v.is_intact(), "after {:?} of {:?}: {:#?}", op, ops, v.findings);
        }
    }
}
