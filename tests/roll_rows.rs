//! The screens' roll call keeps a small row per owner and reads names and flats in the roster's
//! list; what it shows must be exactly what the store's whole records say: the same owners in the
//! same order, names, flats in scope, areas, presence and ballots (their flat, choice, method and
//! proxy), for every kind of scope, open and closed votes, and after a later roster import.

mod common;

use std::sync::Arc;

use common::*;
use pavilion::domain::{Area, Choice, FlatRef, Rule, Scope};
use pavilion::store::{BallotInput, Method, Presence, Store};
use pavilion::tui::model::{RollCall, Roster};
use pavilion::tui::worker::{Reply, Request, Session, execute_in};

fn flat(text: &str) -> FlatRef {
    FlatRef::parse(text).unwrap()
}

/// Unit 3-2's twelve owners and two more, and: 业主11 also owns 3-1-201 and 4-1-201 (first in
/// the estate's order, not in unit 3-2's), 甲 also owns 3-2-701 (after unit 3-2's owners there),
/// another owner named 业主11, and an owner with two flats side by side.
fn roster() -> Vec<pavilion::domain::RosterRow> {
    let mut rows = twelve_flat_unit();
    rows.push(row("3-1-201", "60.50", Some("O11"), "业主11"));
    rows.push(row("4-1-201", "45.25", Some("O11"), "业主11"));
    rows.push(row("3-2-701", "120.01", Some("X1"), "甲"));
    rows.push(row("4-1-102", "50.00", Some("Y1"), "业主11"));
    rows.push(row("4-2-101", "66.60", Some("Y2"), "丙"));
    rows.push(row("4-2-102", "66.70", Some("Y2"), "丙"));
    rows
}

/// What a roll call row shows and acts on, as the store's whole records give it.
type Shown = (
    i64,
    String,
    Vec<FlatRef>,
    Area,
    Option<Presence>,
    Option<(FlatRef, Choice, Method, Option<String>)>,
);

fn from_records(store: &Store, meeting: i64, number: i64) -> Vec<Shown> {
    let item = store.item(meeting, number).unwrap();
    store
        .roll_call(&item)
        .unwrap()
        .into_iter()
        .map(|e| {
            let ballot = e
                .ballot
                .map(|b| (b.flat, b.choice.unwrap(), b.method, b.proxy_name));
            (
                e.owner_id,
                e.owner_name,
                e.flats,
                e.area,
                e.presence,
                ballot,
            )
        })
        .collect()
}

fn from_rows(roll: &RollCall) -> Vec<Shown> {
    (0..roll.entries.len())
        .map(|i| {
            let e = &roll.entries[i];
            let flats: Vec<FlatRef> = roll.flats(i).cloned().collect();
            // A search matches the flats shown, written as everywhere else.
            let texts: Vec<String> = flats.iter().map(ToString::to_string).collect();
            assert_eq!(*roll.flat_texts(i), texts[..]);
            assert_eq!(roll.first_flat(i), &flats[0]);
            assert_eq!(roll.row_of(e.owner_id), Some(i));
            let ballot = roll
                .ballot(i)
                .map(|b| (b.flat, b.choice, b.method, b.proxy));
            let shown = (e.owner_id, roll.name(i).to_string(), flats, e.area);
            (shown.0, shown.1, shown.2, shown.3, roll.presence(i), ballot)
        })
        .collect()
}

/// The roll call as the screens load it equals the whole records, and counts as the store does.
fn assert_same(store: &Store, roll: &RollCall, meeting: i64, number: i64) {
    let item = store.item(meeting, number).unwrap();
    assert_eq!(
        from_rows(roll),
        from_records(store, meeting, number),
        "{}",
        item.title
    );
    assert_eq!(
        roll.members,
        store.electorate(&item).unwrap(),
        "{}",
        item.title
    );
    assert_eq!(roll.choices, store.current_choices(item.id).unwrap());
    assert_eq!(roll.tally, store.tally(meeting, number).unwrap().tally);
}

fn load(store: &Store, meeting: i64, number: i64) -> RollCall {
    let roster = Arc::new(Roster::load(store).unwrap());
    RollCall::load(store, meeting, number, &roster).unwrap()
}

/// An estate with five votes (the estate, building 3, unit 3-2, three flats, a show of hands),
/// owners here in person, by proxy and gone, and ballots of every kind: in person, by proxy,
/// written, for an owner's later flat, corrected, withdrawn; some owners never vote.
fn five_votes() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("p.db"))
        .unwrap()
        .with_clock(fixed_now);
    store.init("红旗小区").unwrap();
    store.import_roster(&roster(), "test").unwrap();
    let list = ["3-2-101", "3-1-201", "4-1-102", "4-2-102"]
        .map(flat)
        .to_vec();
    let items = [
        (Scope::Estate, Rule::civil_code_major()),
        (Scope::parse("3").unwrap(), Rule::civil_code_major()),
        (Scope::parse("3-2").unwrap(), Rule::civil_code_major()),
        (Scope::Flats(list), Rule::civil_code_major()),
        (Scope::Estate, Rule::show_of_hands()),
    ]
    .into_iter()
    .map(|(scope, rule)| item(&scope.to_string(), rule, scope, &[]))
    .collect();
    let m = store
        .intake(
            &meeting_plan("五项表决", "2026-12-05T11:00:00Z", items),
            "test",
        )
        .unwrap();
    for (room, presence) in [
        ("3-2-101", Presence::Present),
        ("3-2-102", Presence::Proxy("王小明".into())),
        ("3-2-201", Presence::Present),
        ("3-1-101", Presence::Present),
        ("4-1-102", Presence::Proxy("李四".into())),
        ("4-2-101", Presence::Present),
    ] {
        store.attend(m, &flat(room), &presence).unwrap();
    }
    store.attend(m, &flat("3-2-201"), &Presence::Left).unwrap();
    for number in 1..=5 {
        let mut cast = |room: &str, choice, method, proxy: Option<&str>, reason| {
            let f = flat(room);
            let input = BallotInput {
                flat: &f,
                choice,
                method,
                proxy,
                reason,
            };
            // Outside the item's scope (or not here, at a show of hands) the store refuses.
            store.cast_ballot(m, number, &input).is_ok()
        };
        let mut cast = |room, choice, method, proxy| cast(room, choice, method, proxy, None);
        // 业主11 votes for his third flat where it is in scope, else for his flat in unit 3-2.
        let _ = cast("4-1-201", Choice::No, Method::InPerson, None)
            || cast("3-2-101", Choice::Yes, Method::InPerson, None);
        cast("3-2-102", Choice::Yes, Method::Proxy, Some("王小明"));
        cast("3-2-202", Choice::Abstain, Method::Written, None);
        cast("3-2-701", Choice::No, Method::InPerson, None);
        cast("4-1-102", Choice::Yes, Method::Proxy, Some("李四"));
        cast("4-2-102", Choice::Abstain, Method::InPerson, None);
        cast("3-2-301", Choice::Yes, Method::Written, None);
        cast("3-2-302", Choice::No, Method::Written, None);
        let f = flat("3-2-301");
        let correction = BallotInput {
            reason: Some("当场更正"),
            ..BallotInput::in_person(&f, Choice::No)
        };
        let _ = store.cast_ballot(m, number, &correction);
        let _ = store.withdraw_ballot(m, number, &flat("3-2-302"), Some("误点"));
    }
    (dir, store, m)
}

#[test]
fn the_rows_show_what_the_whole_records_say_for_every_scope() {
    let (_dir, store, m) = five_votes();
    for number in 1..=5 {
        let roll = load(&store, m, number);
        assert!(
            !roll.entries.is_empty() && !roll.choices.is_empty(),
            "{number}"
        );
        assert_same(&store, &roll, m, number);
    }
    // The estate: 业主11 called at his first flat 3-1-201 with three flats, his ballot on the
    // second; the other 业主11 is someone else; 丙's two flats are one row.
    let roll = load(&store, m, 1);
    let at = |f: &str| {
        (0..roll.entries.len())
            .find(|&i| roll.flats(i).any(|x| x.to_string() == f))
            .unwrap()
    };
    let o11 = at("3-2-101");
    assert_eq!(roll.first_flat(o11).to_string(), "3-1-201");
    assert_eq!(roll.flats(o11).len(), 3);
    assert_eq!(roll.entries[o11].area, Area(6050 + 8000 + 4525));
    assert_eq!(roll.ballot(o11).unwrap().flat.to_string(), "4-1-201");
    assert_ne!(
        roll.entries[at("4-1-102")].owner_id,
        roll.entries[o11].owner_id
    );
    assert_eq!(roll.name(at("4-1-102")), "业主11");
    assert_eq!(at("4-2-101"), at("4-2-102"));
    // Unit 3-2: 甲 comes after the unit's owners, with only his flat there.
    let roll = load(&store, m, 3);
    let last = roll.entries.len() - 1;
    assert_eq!(roll.name(last), "甲");
    assert_eq!(roll.flats(last).len(), 1);
    assert_eq!(roll.entries[last].area, Area(12001));
}

#[test]
fn a_ballot_applied_to_the_rows_is_what_loading_them_again_gives() {
    let (_dir, mut store, m) = five_votes();
    let roster = Arc::new(Roster::load(&store).unwrap());
    for number in [1, 3, 5] {
        let mut roll = RollCall::load(&store, m, number, &roster).unwrap();
        let owner = |room: &str| {
            let i = (0..roll.entries.len())
                .find(|&i| roll.flats(i).any(|x| x.to_string() == room))
                .unwrap();
            roll.entries[i].owner_id
        };
        let (o11, proxy, gone) = (owner("3-2-101"), owner("3-2-102"), owner("3-2-301"));
        // A correction cast for another of the owner's flats, a proxy's ballot, a withdrawal.
        let f = flat("3-2-101");
        let input = BallotInput {
            reason: Some("改投"),
            ..BallotInput::in_person(&f, Choice::Abstain)
        };
        let b = store.cast_ballot(m, number, &input).unwrap();
        roll.apply(o11, Some(b));
        let f = flat("3-2-102");
        let input = BallotInput {
            flat: &f,
            choice: Choice::No,
            method: Method::Proxy,
            proxy: Some("王大明"),
            reason: Some("委托人改意见"),
        };
        let b = store.cast_ballot(m, number, &input).unwrap();
        roll.apply(proxy, Some(b));
        if store
            .withdraw_ballot(m, number, &flat("3-2-301"), Some("撤回"))
            .is_ok()
        {
            roll.apply(gone, None);
        }
        assert_same(&store, &roll, m, number);
        // Someone signs in by proxy, someone leaves (the count follows at the next load, as
        // before: what the rows show follows at once).
        let changes = [
            ("3-2-401", Presence::Proxy("赵六".into())),
            ("3-2-101", Presence::Left),
        ];
        for (room, p) in changes.into_iter().filter(|_| number == 5) {
            let owner = store.attend(m, &flat(room), &p).unwrap().owner_id;
            roll.set_presence(owner, Some(&p));
        }
        assert_eq!(from_rows(&roll), from_records(&store, m, number));
        assert_eq!(
            from_rows(&roll),
            from_rows(&RollCall::load(&store, m, number, &roster).unwrap())
        );
    }
}

#[test]
fn after_a_roster_import_closed_votes_keep_their_roster_and_open_ones_take_the_new() {
    let (_dir, mut store, m) = five_votes();
    let mut session = Session::default();
    // The store thread's list, as at the start of the screens.
    let replies = execute_in(&mut session, &mut store, m, Request::Roster);
    assert!(matches!(replies.as_slice(), [Reply::Roster(_)]));
    for number in [2, 3, 5] {
        store.close_vote(m, number).unwrap();
    }
    // 甲 renamed, 4-1-201 (where 业主11 voted on the estate) to a new owner, 4-1-101 gone,
    // a new flat for 丙.
    let mut rows = roster();
    rows.retain(|r| r.flat.to_string() != "4-1-101");
    for r in rows.iter_mut() {
        match r.flat.to_string().as_str() {
            "3-1-101" | "3-2-701" => r.owner.name = "甲乙".into(),
            "4-1-201" => *r = row("4-1-201", "45.25", Some("N1"), "新业主"),
            _ => {}
        }
    }
    rows.push(row("4-2-201", "70.00", Some("Y2"), "丙"));
    store.import_roster(&rows, "update").unwrap();
    for number in 1..=5 {
        let replies = execute_in(
            &mut session,
            &mut store,
            m,
            Request::OpenRollCall { item: number },
        );
        let roll = match replies.as_slice() {
            // The list kept is read again once after the import, and the screens get it too.
            [Reply::Roster(_), Reply::RollCall(r)] if number == 1 => r,
            [Reply::RollCall(r)] if number > 1 => r,
            other => panic!("{number}: {other:?}"),
        };
        assert_same(&store, roll, m, number);
    }
    // The estate's vote is open: 业主11's ballot for a flat no longer his is still his.
    let roll = load(&store, m, 1);
    let o11 = (0..roll.entries.len())
        .find(|&i| roll.flats(i).any(|x| x.to_string() == "3-2-101"))
        .unwrap();
    assert_eq!(roll.flats(o11).len(), 2);
    assert_eq!(roll.ballot(o11).unwrap().flat.to_string(), "4-1-201");
    let closed = load(&store, m, 2);
    assert!((0..closed.entries.len()).any(|i| closed.name(i) == "甲"));
    assert!((0..roll.entries.len()).any(|i| roll.name(i) == "甲乙"));
}
