//! The store on real SQLite files: migrations, round trips, history, reopen, refusals.

mod common;

use common::*;
use pavilion::domain::{ActionStatus, Choice, FlatRef, Outlook, Responsible, Scope, Step};
use pavilion::store::{
    BallotInput, Method, NewAction, Presence, SCHEMA_VERSION, Store, StoreError,
};

fn flat(text: &str) -> FlatRef {
    FlatRef::parse(text).unwrap()
}

fn vote(store: &mut Store, meeting: i64, item: i64, room: &str, choice: Choice) {
    let f = flat(room);
    let input = BallotInput::in_person(&f, choice);
    store.cast_ballot(meeting, item, &input).unwrap();
}

#[test]
fn migrates_an_empty_file_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let tables: Vec<String> = store
        .connection()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in [
        "attendance",
        "ballots",
        "events",
        "flats",
        "items",
        "meetings",
        "owners",
        "actions",
    ] {
        assert!(tables.iter().any(|n| n == t), "missing table {t}");
    }
    let mode: String = store
        .connection()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .connection()
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let sync: i64 = store
        .connection()
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
}

#[test]
fn refuses_a_database_from_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::NewerSchema { found: 99, .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("schema 99") && msg.contains(&format!("up to {SCHEMA_VERSION}")),
        "{msg}"
    );
}

#[test]
fn a_ballot_survives_reopening_the_file() {
    let (_dir, path, mut store, m) = estate();
    vote(&mut store, m, 1, "3-2-501", Choice::Yes);
    drop(store);
    let store = Store::open(&path).unwrap();
    let t = store.tally(m, 1).unwrap();
    assert_eq!(t.tally.yes.owners, 1);
    assert_eq!(t.tally.yes.area.to_string(), "80.00");
    assert!(store.broken_link().unwrap().is_none());
    common::assert_intact(&store);
}

#[test]
fn the_domain_example_through_the_store() {
    let (_dir, _path, mut store, m) = estate();
    // 8 of 12 vote: 6 yes (including the consent flat), 1 no, 1 abstain → passes.
    let rooms = [
        "3-2-101", "3-2-102", "3-2-201", "3-2-202", "3-2-301", "3-2-302", "3-2-401", "3-2-402",
    ];
    for (i, r) in rooms.iter().enumerate() {
        let c = match i {
            6 => Choice::No,
            7 => Choice::Abstain,
            _ => Choice::Yes,
        };
        vote(&mut store, m, 1, r, c);
    }
    let t = store.tally(m, 1).unwrap().tally;
    assert_eq!(
        (t.total.owners, t.participating.owners, t.yes.owners),
        (12, 8, 6)
    );
    assert!(t.participation_met && t.approval_met && t.consents_met && t.passed);
    // A flat outside the unit cannot vote on it.
    let f = flat("3-1-101");
    let input = BallotInput::in_person(&f, Choice::Yes);
    let err = store.cast_ballot(m, 1, &input).unwrap_err().to_string();
    assert_eq!(
        err,
        "flat 3-1-101 is outside the scope of item 1 (building 3 unit 2): only owners in scope vote"
    );
    let closed = store.close_vote(m, 1).unwrap();
    assert!(closed.tally.passed);
    assert_eq!(closed.item.step, Step::Decided);
    let err = store
        .cast_ballot(
            m,
            1,
            &BallotInput {
                flat: &flat("3-2-501"),
                ..input
            },
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the vote on item 1 is closed; ballots can no longer change"
    );
    common::assert_intact(&store);
}

#[test]
fn changing_a_ballot_keeps_the_earlier_one_in_history() {
    let (_dir, _path, mut store, m) = estate();
    vote(&mut store, m, 1, "3-2-101", Choice::No);
    let f = flat("3-2-101");
    let correction = BallotInput {
        flat: &f,
        choice: Choice::Yes,
        method: Method::InPerson,
        proxy: None,
        reason: Some("业主当场更正"),
    };
    store.cast_ballot(m, 1, &correction).unwrap();
    store.withdraw_ballot(m, 1, &f, Some("误点")).unwrap();
    vote(&mut store, m, 1, "3-2-101", Choice::Yes);
    let item = store.item(m, 1).unwrap();
    let history = store.ballot_history(item.id).unwrap();
    let seen: Vec<(Option<Choice>, bool)> = history.iter().map(|b| (b.choice, b.current)).collect();
    assert_eq!(
        seen,
        [
            (Some(Choice::No), false),
            (Some(Choice::Yes), false),
            (None, false),
            (Some(Choice::Yes), true)
        ]
    );
    assert_eq!(history[1].reason.as_deref(), Some("业主当场更正"));
    let t = store.tally(m, 1).unwrap().tally;
    assert_eq!(t.participating.owners, 1);
    // The same ballot again records nothing new.
    vote(&mut store, m, 1, "3-2-101", Choice::Yes);
    assert_eq!(store.ballot_history(item.id).unwrap().len(), 4);
    common::assert_intact(&store);
}

#[test]
fn reimporting_the_roster_updates_flats_without_touching_ballots() {
    let (_dir, _path, mut store, m) = estate();
    vote(&mut store, m, 1, "3-2-601", Choice::Yes);
    let mut rows = twelve_flat_unit();
    rows.retain(|r| r.flat.to_string() != "4-1-101");
    rows.iter_mut()
        .find(|r| r.flat.to_string() == "3-2-601")
        .unwrap()
        .area = pavilion::domain::Area(8150);
    rows.push(row("5-1-101", "60.00", Some("X3"), "丙"));
    let s = store.import_roster(&rows, "update").unwrap();
    assert_eq!((s.flats_added, s.flats_updated, s.flats_retired), (1, 1, 1));
    let item = store.item(m, 1).unwrap();
    assert_eq!(
        store.ballot_history(item.id).unwrap().len(),
        1,
        "past ballots untouched"
    );
    let t = store.tally(m, 1).unwrap().tally;
    assert_eq!(t.yes.area.to_string(), "81.50", "the corrected area counts");
    assert!(
        store.find_flat(&flat("4-1-101")).is_err(),
        "retired flats are out of the roster"
    );
    assert_eq!(store.roster().unwrap().len(), 14);
    common::assert_intact(&store);
}

#[test]
fn show_of_hands_counts_only_those_present() {
    let (_dir, _path, mut store, m) = estate();
    let f = flat("4-1-101");
    let input = BallotInput::in_person(&f, Choice::Yes);
    let err = store.cast_ballot(m, 2, &input).unwrap_err().to_string();
    assert!(err.contains("sign the owner of 4-1-101 in first"), "{err}");
    store.attend(m, &f, &Presence::Present).unwrap();
    store
        .attend(m, &flat("3-1-101"), &Presence::Proxy("李四".into()))
        .unwrap();
    store
        .attend(m, &flat("3-2-101"), &Presence::Present)
        .unwrap();
    store.attend(m, &flat("3-2-101"), &Presence::Left).unwrap();
    store.cast_ballot(m, 2, &input).unwrap();
    let t = store.tally(m, 2).unwrap().tally;
    assert_eq!(
        t.total.owners, 2,
        "present and proxy count, those who left do not"
    );
    assert_eq!(t.yes.owners, 1);
    assert!(t.passed, "1 of 1 voting");
    assert_eq!(t.outlook, Outlook::PassingSoFar);
    vote(&mut store, m, 2, "3-1-101", Choice::No);
    let t = store.tally(m, 2).unwrap().tally;
    assert!(!t.passed, "1 of 2 voting is not more than half");
    assert_eq!(t.outlook, Outlook::FailingSoFar, "others may still sign in");
    common::assert_intact(&store);
}

#[test]
fn actions_are_carried_until_confirmed_and_close_the_item() {
    let (_dir, _path, mut store, m) = estate();
    let err = store.add_action(&NewAction {
        item: Some((m, 9)),
        meeting: None,
        what: "x",
        responsible: Responsible::PropertyCompany,
        due: None,
    });
    assert!(err.is_err());
    store.close_vote(m, 1).unwrap();
    let a = store
        .add_action(&NewAction {
            item: Some((m, 1)),
            meeting: None,
            what: "委托设计单位出具加装电梯方案",
            responsible: Responsible::parse("业委会"),
            due: Some("2026-12-20".parse().unwrap()),
        })
        .unwrap();
    assert_eq!(store.item(m, 1).unwrap().step, Step::Acting);
    let a = store
        .update_action(a.id, Some(m), "已联系两家设计单位")
        .unwrap();
    assert_eq!(a.status, ActionStatus::InProgress);
    assert_eq!(a.progress.len(), 1);
    let err = store
        .close_action(a.id, Some(m), "  ")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "an action is closed only with a note of who confirmed it is done"
    );
    let a = store
        .close_action(a.id, Some(m), "3-2单元居民代表王秀兰确认")
        .unwrap();
    assert_eq!(a.status, ActionStatus::Closed);
    assert_eq!(
        store.item(m, 1).unwrap().step,
        Step::Closed,
        "all actions done: the item is struck off"
    );
    assert!(store.update_action(a.id, None, "again").is_err());
    common::assert_intact(&store);
}

#[test]
fn item_steps_follow_the_domain() {
    let (_dir, _path, mut store, m) = estate();
    let err = store.set_step(m, 2, Step::Closed).unwrap_err().to_string();
    assert_eq!(err, "item 2: an item that is raised cannot become closed");
    store
        .add_note(m, 2, "物业 张经理", "可以在周末划线")
        .unwrap();
    assert_eq!(store.item(m, 2).unwrap().step, Step::Discussed);
    store.set_step(m, 2, Step::Deferred).unwrap();
    let err = store.close_vote(m, 2).unwrap_err().to_string();
    assert_eq!(err, "item 2 is deferred: there is no vote to close");
    common::assert_intact(&store);
}

#[test]
fn every_change_appends_a_chained_event() {
    let (_dir, _path, mut store, m) = estate();
    let before = store.events(None).unwrap().len();
    vote(&mut store, m, 1, "3-2-101", Choice::Yes);
    let events = store.events(Some(m)).unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.kind, "ballot");
    assert_eq!(store.events(None).unwrap().len(), before + 1);
    assert!(store.broken_link().unwrap().is_none());
    // The table is append-only.
    let err = store
        .connection()
        .execute("DELETE FROM events", [])
        .unwrap_err()
        .to_string();
    assert!(err.contains("append-only"), "{err}");
    common::assert_intact(&store);
}

#[test]
fn backlog_concerns_are_scheduled_into_a_meeting() {
    let (_dir, _path, mut store, m) = estate();
    let c = store
        .raise_concern("4栋楼道灯坏了两个月", "李大爷", Some(&flat("4-1-101")))
        .unwrap();
    assert_eq!(store.concerns(true).unwrap().len(), 1);
    let number = store.schedule_concern(c.id, m).unwrap();
    assert_eq!(number, 3);
    assert_eq!(store.item(m, 3).unwrap().raised_by, "李大爷");
    assert!(store.concerns(true).unwrap().is_empty());
    assert!(
        store.schedule_concern(c.id, m).is_err(),
        "once on an agenda"
    );
    common::assert_intact(&store);
}

/// A concern raised at 01:50 on 22 Nov in Beijing (17:50 on 21 Nov in UTC) is raised on 22 Nov.
#[test]
fn a_concern_is_dated_in_the_estates_time_not_utc() {
    fn after_midnight_in_beijing() -> jiff::Timestamp {
        "2026-11-21T17:50:00Z".parse().unwrap()
    }
    let (_dir, path, store, m) = estate();
    drop(store);
    let mut store = Store::open(&path)
        .unwrap()
        .with_clock(after_midnight_in_beijing);
    let c = store.raise_concern("夜里施工太吵", "李大爷", None).unwrap();
    let number = store.schedule_concern(c.id, m).unwrap();
    assert_eq!(
        store.item(m, number).unwrap().raised_on,
        Some(jiff::civil::date(2026, 11, 22))
    );
    common::assert_intact(&store);
}

/// A day raised that a person gave must not be after the meeting's day (2062 typed for 2026):
/// the store refuses it from any caller — an agenda taken in, an item added or changed — naming
/// the item, and writes nothing. A concern scheduled from the backlog keeps the day it was
/// recorded, even after the meeting (entered afterwards), and is not refused.
#[test]
fn a_day_raised_after_the_meeting_is_refused_by_the_store_for_every_caller() {
    fn a_week_after_the_meeting() -> jiff::Timestamp {
        "2026-12-05T02:00:00Z".parse().unwrap()
    }
    let (_dir, path, mut store, m) = estate();
    let events = store.events(None).unwrap().len();
    let mut late = common::item("楼道灯", pavilion::domain::Rule::none(), Scope::Estate, &[]);
    late.raised_on = Some(jiff::civil::date(2062, 10, 20));
    let said = "item 1 ('楼道灯'): the day raised (2062-10-20) is after the meeting (2026-11-28)";
    let mut plan = common::meeting_plan("又一次议事会", "2026-11-28T11:00:00Z", vec![late.clone()]);
    let err = store.intake(&plan, "test").unwrap_err().to_string();
    assert!(err.starts_with(said), "{err}");
    plan.items.clear();
    let err = store.add_item(m, &late, None).unwrap_err().to_string();
    assert!(
        err.starts_with("item 3 ('楼道灯'): the day raised (2062-10-20)"),
        "{err}"
    );
    let err = store.edit_item(m, 2, &late).unwrap_err().to_string();
    assert!(
        err.starts_with("item 2 ('楼道灯'): the day raised"),
        "{err}"
    );
    assert_eq!(store.events(None).unwrap().len(), events, "nothing written");
    assert_eq!(store.meetings().unwrap().len(), 1);
    // The meeting's own day is fine.
    late.raised_on = Some(jiff::civil::date(2026, 11, 28));
    assert_eq!(store.add_item(m, &late, None).unwrap(), 3);
    // A concern recorded a week after the meeting is scheduled onto it as recorded.
    drop(store);
    let mut store = Store::open(&path)
        .unwrap()
        .with_clock(a_week_after_the_meeting);
    let c = store
        .raise_concern("会上提的：路灯", "李大爷", None)
        .unwrap();
    let number = store.schedule_concern(c.id, m).unwrap();
    assert_eq!(
        store.item(m, number).unwrap().raised_on,
        Some(jiff::civil::date(2026, 12, 5))
    );
    common::assert_intact(&store);
}

/// Four open votes over the estate, a building, a unit and a list of flats, with corrections, a
/// withdrawal, a ballot from a flat since sold and one since retired.
fn four_scopes() -> (tempfile::TempDir, std::path::PathBuf, Store, i64) {
    let (dir, path, mut store, _) = estate();
    let list = ["3-2-101", "3-2-102", "3-1-101"].map(flat).to_vec();
    let scopes = [
        Scope::Estate,
        Scope::parse("3").unwrap(),
        Scope::parse("3-2").unwrap(),
        Scope::Flats(list),
    ];
    let items = scopes
        .iter()
        .map(|s| {
            item(
                &s.to_string(),
                pavilion::domain::Rule::civil_code_major(),
                s.clone(),
                &[],
            )
        })
        .collect();
    let plan = meeting_plan("四种范围", "2026-12-05T11:00:00Z", items);
    let m = store.intake(&plan, "test").unwrap();
    let rooms = [
        "3-2-101", "3-2-102", "3-2-201", "3-2-301", "3-1-101", "4-1-101",
    ];
    for (number, scope) in (1..).zip(scopes) {
        let mut cast = |room: &str, choice: Choice| {
            let f = flat(room);
            if scope.contains(&f) {
                let input = BallotInput::in_person(&f, choice);
                store.cast_ballot(m, number, &input).unwrap();
            }
        };
        for (i, room) in rooms.iter().enumerate() {
            cast(room, Choice::ALL[(i + number as usize) % 3]);
        }
        cast("3-2-101", Choice::Yes);
        store
            .withdraw_ballot(m, number, &flat("3-2-102"), Some("误点"))
            .unwrap();
    }
    store.import_roster(&updated_roster(), "update").unwrap();
    (dir, path, store, m)
}

/// The roster [`four_scopes`] imports after the ballots: 3-2-201 changes hands and grows, 4-1-101
/// leaves the roster, 3-2-301 joins its neighbour's owner.
fn updated_roster() -> Vec<pavilion::domain::RosterRow> {
    let mut rows = twelve_flat_unit();
    rows.retain(|r| r.flat.to_string() != "4-1-101");
    for r in rows.iter_mut() {
        match r.flat.to_string().as_str() {
            "3-2-201" => *r = row("3-2-201", "95.50", Some("N1"), "新业主"),
            "3-2-301" => r.owner = row("3-2-302", "80.00", Some("O32"), "业主32").owner,
            _ => {}
        }
    }
    rows
}

#[test]
fn the_live_count_through_its_indexes_is_the_count_a_closing_records() {
    let (_dir, _path, mut store, m) = four_scopes();
    for number in 1..=4 {
        let live = store.tally(m, number).unwrap().tally;
        let closed = store.close_vote(m, number).unwrap().tally;
        assert_eq!(live, closed, "item {number}");
        assert!(live.total.owners > 0 && live.participating.owners > 0);
    }
    common::assert_intact(&store);
}

#[test]
fn a_reader_counts_a_file_without_the_live_indexes_as_before() {
    let (_dir, path, store, m) = four_scopes();
    let now: Vec<_> = (1..=4).map(|n| store.tally(m, n).unwrap().tally).collect();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP INDEX ballots_live; DROP INDEX flats_live; DROP INDEX events_kind;\n         PRAGMA user_version = 8;")
        .unwrap();
    drop(conn);
    let reader = Store::open_read_only(&path).unwrap();
    let then: Vec<_> = (1..=4).map(|n| reader.tally(m, n).unwrap().tally).collect();
    assert_eq!(now, then);
}

#[test]
fn the_electorate_a_roll_call_gives_is_the_items_electorate_open_and_closed() {
    let (_dir, _path, mut store, m) = four_scopes();
    // The show of hands of the first meeting: only those here.
    store
        .attend(1, &flat("3-2-101"), &Presence::Present)
        .unwrap();
    store
        .attend(1, &flat("4-1-101"), &Presence::Present)
        .unwrap_err();
    let hands = store.item(1, 2).unwrap();
    let mut items: Vec<_> = (1..=4).map(|n| store.item(m, n).unwrap()).collect();
    items.push(hands);
    for closing in [false, true] {
        for item in &items {
            let item = store.item(item.meeting_id, item.number).unwrap();
            let (rows, choices) = store.roll_call_and_choices(&item).unwrap();
            let called = Store::electorate_of(&item, &rows);
            assert_eq!(called, store.electorate(&item).unwrap(), "{}", item.title);
            // The choices it reads with its rows are the item's current choices.
            assert_eq!(choices, store.current_choices(item.id).unwrap());
            assert!(!called.is_empty(), "{}", item.title);
            if closing {
                continue;
            }
            store.close_vote(item.meeting_id, item.number).unwrap();
        }
        // After the closes a later import changes nothing of their rosters.
        store.import_roster(&twelve_flat_unit(), "later").unwrap();
    }
}

/// What the screens' first frame counts in SQLite is what their roster's list gives.
#[test]
fn the_screens_counts_are_the_rosters() {
    use pavilion::domain::Area;
    use std::collections::HashMap;
    let (_dir, _path, mut store, m) = four_scopes();
    let flats = store.roster_listing().unwrap().flats;
    let mut by_owner: HashMap<i64, (Area, Vec<FlatRef>)> = HashMap::new();
    let mut total = Area::ZERO;
    for (f, area, owner) in &flats {
        let entry = by_owner.entry(*owner).or_insert((Area::ZERO, Vec::new()));
        entry.0 += *area;
        entry.1.push(f.clone());
        total += *area;
    }
    assert_eq!(
        store.roster_totals().unwrap(),
        (by_owner.len() as i64, total)
    );
    // An owner of several flats signs in: their area is all of them.
    let (owner, (area, owned)) = by_owner
        .iter()
        .max_by_key(|(id, (_, f))| (f.len(), -**id))
        .unwrap();
    store.attend(m, &owned[0], &Presence::Present).unwrap();
    let here = store.areas_signed_in(m).unwrap();
    assert_eq!(here, HashMap::from([(*owner, *area)]));
}

/// An export reads the meeting's roster once and reuses it for each closed vote when no roster
/// change lies between: a vote closed before a later import is still called with the roster as
/// it stood at its close, one closed after with the new one.
#[test]
fn each_closed_vote_is_called_with_its_own_roster_when_an_import_lies_between_the_closes() {
    let (_dir, _path, mut store, m) = four_scopes();
    store.close_vote(m, 1).unwrap();
    store.close_vote(m, 2).unwrap();
    let before = pavilion::export::MeetingSnapshot::gather(&store, m).unwrap();
    // The owner of 3-2-101 (who voted on every item) corrects the spelling of her name between
    // the closes.
    let mut rows = updated_roster();
    for r in rows.iter_mut().filter(|r| r.flat == flat("3-2-101")) {
        *r = row("3-2-101", "80.00", Some("O11"), "业主十一");
    }
    store.import_roster(&rows, "renamed").unwrap();
    store.close_vote(m, 3).unwrap();
    store.close_vote(m, 4).unwrap();
    let after = pavilion::export::MeetingSnapshot::gather(&store, m).unwrap();
    let owner_of = |s: &pavilion::export::MeetingSnapshot, n: usize| {
        s.items[n]
            .roll_call
            .iter()
            .find(|r| r.flat == flat("3-2-101"))
            .map(|r| r.owner.clone())
    };
    for n in 0..2 {
        assert_eq!(
            after.items[n].roll_call,
            before.items[n].roll_call,
            "item {}",
            n + 1
        );
        assert_eq!(
            owner_of(&after, n).as_deref(),
            Some("业主11"),
            "item {}",
            n + 1
        );
    }
    for n in 2..4 {
        assert_eq!(
            owner_of(&after, n).as_deref(),
            Some("业主十一"),
            "item {}",
            n + 1
        );
    }
    assert!(after.items.iter().all(|i| !i.roll_call.is_empty()));
    common::assert_intact(&store);
}
