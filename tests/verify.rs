//! Tamper evidence: `pavilion verify` passes on what the program wrote, and fails — naming the first
//! row that does not fit — after each kind of edit made behind its back with plain SQL (what the
//! `sqlite3` shell does).

mod common;

use std::path::{Path, PathBuf};

use common::cli::{assert_verifies, ok, pavilion, sample_db};
use pavilion::domain::{Choice, FlatRef, Step};
use pavilion::store::{BallotInput, Event, Method, NewAction, Presence, Store, event_hash};

/// The sample meeting after sign-in, ballots (a changed one, a withdrawn one, a proxy, a written
/// one), a discussion note and the closed vote on item 1 — all through the command line.
fn voted_db() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = sample_db();
    ok(&db, &["attend", "1", "3-2-101", "3-2-102", "3-2-201"]);
    ok(&db, &["attend", "1", "3-2-202", "--proxy", "张三"]);
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    ok(&db, &["ballot", "1", "1", "3-2-102", "no"]);
    ok(
        &db,
        &["ballot", "1", "1", "3-2-102", "yes", "--reason", "misheard"],
    );
    ok(&db, &["ballot", "1", "1", "3-2-201", "abstain"]);
    ok(&db, &["ballot", "1", "1", "3-2-201", "withdraw"]);
    ok(
        &db,
        &["ballot", "1", "1", "3-2-202", "yes", "--proxy", "张三"],
    );
    ok(&db, &["ballot", "1", "1", "3-2-601", "yes", "--written"]);
    ok(
        &db,
        &["note", "1", "1", "--speaker", "王秀兰", "老人上下楼太难了"],
    );
    ok(&db, &["close", "1", "1"]);
    ok(&db, &["ballot", "1", "2", "3-2-101", "yes"]);
    (dir, db)
}

/// A copy of `db` in its own folder, for one tampering.
fn copy_of(db: &Path, name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(format!("{name}.db"));
    // Every process that wrote it has exited, so the file holds everything (no -wal beside it).
    std::fs::copy(db, &copy).unwrap();
    (dir, copy)
}

/// Runs SQL on the file as the `sqlite3` shell would, triggers and all.
fn tamper(db: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(sql).unwrap();
}

const DROP_TRIGGERS: &str = "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;";

/// The triggers as the migration wrote them, put back by a tamperer who covers their tracks.
const RESTORE_TRIGGERS: &str = "CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;";

/// `verify` fails, and its message names `expected`.
fn assert_detected(db: &Path, expected: &str) -> String {
    let out = pavilion(db, &["verify"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "verify passed a tampered database");
    assert!(
        stderr.contains(expected),
        "expected {expected:?} in:\n{stderr}"
    );
    stderr
}

#[test]
fn verify_passes_what_the_program_wrote_and_names_the_first_row_of_each_tampering() {
    let (_dir, db) = voted_db();
    let out = ok(&db, &["verify"]);
    assert!(out.starts_with("ok: "), "{out}");
    assert!(out.contains("ballots"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["verify", "--json"])).unwrap();
    assert_eq!(json["intact"], true);

    let owner_of = |flat: &str| -> i64 {
        let store = Store::open(&db).unwrap();
        store
            .find_flat(&FlatRef::parse(flat).unwrap())
            .unwrap()
            .owner_id
    };
    let proxy_owner = owner_of("3-2-202");

    let cases: Vec<(&str, String, String)> = vec![
        (
            "edit-ballot",
            "UPDATE ballots SET choice = 'no' WHERE id = 1".into(),
            "ballots id 1: choice is 'no' but the events say 'yes'".into(),
        ),
        (
            "delete-ballot",
            "DELETE FROM ballots WHERE id = 1".into(),
            "ballots id 1: this ballot is recorded by an event but missing from the table".into(),
        ),
        (
            "insert-ballot",
            "INSERT INTO ballots (item_id, owner_id, flat_id, choice, method, at, current)
             SELECT 1, f.owner_id, f.id, 'yes', 'in-person', '2026-11-28T11:30:00Z', 1
             FROM flats f WHERE f.building = '3' AND f.unit = '2' AND f.room = '302'"
                .into(),
            "no event records this ballot: it was added behind the program's back".into(),
        ),
        (
            "reorder-events",
            format!(
                "{DROP_TRIGGERS}
                 UPDATE events SET id = -1 WHERE id = 8;
                 UPDATE events SET id = 8 WHERE id = 9;
                 UPDATE events SET id = 9 WHERE id = -1;"
            ),
            "events id 8: its link to the previous event does not match".into(),
        ),
        (
            "edit-attendance",
            format!(
                "UPDATE attendance SET status = 'present', proxy_name = NULL WHERE owner_id = {proxy_owner}"
            ),
            format!("attendance meeting 1 owner {proxy_owner}: status is 'present' but the events say 'proxy'"),
        ),
        (
            "delete-attendance",
            format!("DELETE FROM attendance WHERE owner_id = {proxy_owner}"),
            format!("attendance meeting 1 owner {proxy_owner}: this sign-in is recorded by an event but missing"),
        ),
        (
            "edit-event",
            format!(
                "{DROP_TRIGGERS}
                 UPDATE events SET data = replace(data, '\"choice\":\"no\"', '\"choice\":\"yes\"')
                 WHERE kind = 'ballot' AND data LIKE '%\"choice\":\"no\"%'"
            ),
            "its content does not match its hash: it was edited".into(),
        ),
        (
            "delete-event",
            format!("{DROP_TRIGGERS} DELETE FROM events WHERE id = 10"),
            "events id 11: expected event 10 here".into(),
        ),
        (
            "reopen-vote",
            "UPDATE items SET vote = 'open', result = NULL, closed_at = NULL, step = 'discussed' WHERE id = 1".into(),
            "items id 1: step is 'discussed' but the events say 'decided'".into(),
        ),
        (
            "edit-result",
            "UPDATE items SET result = replace(result, '\"passed\":false', '\"passed\":true') WHERE id = 1".into(),
            "items id 1: result is".into(),
        ),
        (
            "edit-area",
            "UPDATE flats SET area_centi = area_centi + 10000 WHERE building = '3' AND unit = '2' AND room = '101'".into(),
            "flats (all): the owners or flats (areas, owners, rooms) differ".into(),
        ),
        (
            "edit-rule",
            "UPDATE items SET rule = replace(rule, '\"civil-code-major\"', '\"civil-code-ordinary\"') WHERE id = 1".into(),
            "items id 1: what was taken in".into(),
        ),
        (
            "edit-note",
            "UPDATE notes SET point = '同意' WHERE id = 1".into(),
            "notes id 1: the note reads".into(),
        ),
    ];
    for (name, sql, expected) in cases {
        let (_d, copy) = copy_of(&db, name);
        assert_verifies(&copy);
        tamper(&copy, &sql);
        let stderr = assert_detected(&copy, &expected);
        assert!(
            stderr.contains("pavilion: the record does not match its events"),
            "{name}: {stderr}"
        );
    }
}

/// A tamperer who rewrites the whole chain (re-hashing every event after the edit) passes the chain
/// check; the digest printed on earlier minutes (an earlier chain head) is then not found.
#[test]
fn a_rehashed_chain_is_caught_by_the_digest_on_the_minutes() {
    let (_dir, db) = voted_db();
    let printed = Store::open(&db).unwrap().chain_head().unwrap();
    ok(&db, &["verify", "--digest", &printed]);
    // A prefix short enough to be matched by trying is refused; 32 hex digits (128 bits) are enough.
    let out = pavilion(&db, &["verify", "--digest", &printed[..16]]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("at least 32 hexadecimal digits"),
        "{stderr}"
    );
    let short = &printed[..32];
    let out = ok(&db, &["verify", "--digest", short]);
    assert!(out.contains("the record up to then is unchanged"), "{out}");

    // Change the last ballot (on the open item 2: a closed vote would be counted again and
    // caught) in table and event, then re-hash every event from there on.
    tamper(
        &db,
        &format!(
            "{DROP_TRIGGERS}
             UPDATE ballots SET choice = 'no' WHERE id = (SELECT MAX(id) FROM ballots);
             UPDATE events SET data = replace(data, '\"choice\":\"yes\"', '\"choice\":\"no\"')
             WHERE id = (SELECT MAX(id) FROM events WHERE kind = 'ballot');"
        ),
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    common::cli::rehash_chain(&conn, &db);
    conn.execute_batch(RESTORE_TRIGGERS).unwrap();
    drop(conn);
    // Consistent in itself …
    assert_verifies(&db);
    // … but not the record the minutes were printed from.
    let out = pavilion(&db, &["verify", "--digest", &printed]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no event has the digest"), "{stderr}");
}

/// Every use case of the store, then verify: nothing the program itself writes is flagged.
#[test]
fn every_use_case_of_the_store_leaves_a_record_that_verifies() {
    let (_dir, _path, mut store, m) = common::estate();
    let f = |s: &str| FlatRef::parse(s).unwrap();
    store.attend(m, &f("3-2-101"), &Presence::Present).unwrap();
    store
        .attend(m, &f("3-2-102"), &Presence::Proxy("李四".into()))
        .unwrap();
    store.attend(m, &f("3-2-102"), &Presence::Left).unwrap();
    store.attend(m, &f("3-2-102"), &Presence::Present).unwrap();
    let vote = |store: &mut Store, flat: &str, choice| {
        let flat = f(flat);
        store
            .cast_ballot(m, 1, &BallotInput::in_person(&flat, choice))
            .unwrap();
    };
    vote(&mut store, "3-2-101", Choice::Yes);
    vote(&mut store, "3-2-102", Choice::No);
    vote(&mut store, "3-2-102", Choice::Yes);
    store.withdraw_ballot(m, 1, &f("3-2-102"), None).unwrap();
    vote(&mut store, "3-2-102", Choice::Abstain);
    let flats: Vec<FlatRef> = ["3-2-201", "3-2-202", "3-2-301"]
        .iter()
        .map(|s| f(s))
        .collect();
    let inputs: Vec<BallotInput> = flats
        .iter()
        .map(|flat| BallotInput {
            flat,
            choice: Choice::Yes,
            method: Method::Written,
            proxy: None,
            reason: None,
        })
        .collect();
    store.cast_ballots(m, 1, &inputs).unwrap().unwrap();
    store.add_note(m, 1, "王秀兰", "同意加装").unwrap();
    store
        .set_text(m, 1, pavilion::store::ItemText::Proposal, "按楼层分摊")
        .unwrap();
    store.close_vote(m, 1).unwrap();
    store
        .set_text(m, 1, pavilion::store::ItemText::Resolution, "通过")
        .unwrap();
    store.set_others(m, "社区、物业").unwrap();
    let action = store
        .add_action(&NewAction {
            item: Some((m, 1)),
            meeting: Some(m),
            what: "报规划审批",
            responsible: pavilion::domain::Responsible::parse("社区"),
            due: None,
        })
        .unwrap();
    store.update_action(action.id, Some(m), "已提交").unwrap();
    store
        .close_action(action.id, Some(m), "业主代表确认")
        .unwrap();
    let c = store.raise_concern("楼道灯坏了", "赵六", None).unwrap();
    store.schedule_concern(c.id, m).unwrap();
    store
        .raise_on_agenda(m, "垃圾分类", "钱七", Some(&f("3-2-101")))
        .unwrap();
    store.set_step(m, 2, Step::Deferred).unwrap();
    store.add_note(m, 2, "郭建敏", "下次再议").unwrap();
    // A new roster: one flat changes owner's area, another is no longer listed.
    let mut rows = common::twelve_flat_unit();
    rows.pop();
    rows[0].area = pavilion::domain::Area::parse("81.00").unwrap();
    store.import_roster(&rows, "second roster").unwrap();

    let v = store.verify().unwrap();
    assert!(v.is_intact(), "{:#?}", v.findings);
    assert!(v.checked.iter().any(|(t, n)| *t == "ballots" && *n == 8));
    assert_eq!(v.head, store.chain_head().unwrap());
}

/// Databases written before the event payloads grew (digests, the withdrawal's ballot id, the
/// result, the proposal and concern of an item) still verify; what they lack is not checked.
#[test]
fn events_from_before_the_payloads_grew_still_verify() {
    let (_dir, db) = voted_db();
    ok(
        &db,
        &["raise", "楼道灯坏了", "--by", "赵六", "--meeting", "1"],
    );
    ok(&db, &["close", "1", "3"]);
    tamper(&db, DROP_TRIGGERS);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let events: Vec<Event> = Store::open(&db).unwrap().events(None).unwrap();
    let mut prev = pavilion::store::GENESIS.to_string();
    let mut stripped = 0;
    for mut e in events {
        let mut data: serde_json::Value = serde_json::from_str(&e.data).unwrap();
        let drop: &[&str] = match e.kind.as_str() {
            "roster.import" | "meeting.intake" => &["digest"],
            "item.add" => &["digest", "proposal", "concern"],
            "ballot.withdraw" => &["ballot"],
            "vote.close" => &["result"],
            _ => &[],
        };
        for key in drop {
            stripped += data.as_object_mut().unwrap().remove(*key).is_some() as usize;
        }
        e.data = data.to_string();
        e.prev_hash = prev;
        e.hash = event_hash(&e);
        conn.execute(
            "UPDATE events SET data = ?2, prev_hash = ?3, hash = ?4 WHERE id = ?1",
            rusqlite::params![e.id, e.data, e.prev_hash, e.hash],
        )
        .unwrap();
        prev = e.hash;
    }
    conn.execute_batch(RESTORE_TRIGGERS).unwrap();
    drop(conn);
    assert!(stripped >= 10, "{stripped}");
    assert_verifies(&db);
    // What older events do record is still checked.
    tamper(&db, "UPDATE ballots SET choice = 'abstain' WHERE id = 1");
    assert_detected(
        &db,
        "ballots id 1: choice is 'abstain' but the events say 'yes'",
    );
}

/// The same with the `sqlite3` shell itself, where it is installed (it is not needed elsewhere).
#[test]
fn an_edit_with_the_sqlite3_shell_is_detected() {
    let Ok(version) = std::process::Command::new("sqlite3")
        .arg("-version")
        .output()
    else {
        eprintln!("an_edit_with_the_sqlite3_shell_is_detected: skipped: no sqlite3 shell");
        return;
    };
    assert!(version.status.success());
    let (_dir, db) = voted_db();
    for (sql, expected) in [
        (
            "UPDATE ballots SET choice = 'yes' WHERE choice = 'no';",
            "but the events say 'no'",
        ),
        (
            "DELETE FROM ballots WHERE id = (SELECT MAX(id) FROM ballots);",
            "missing from the table: it was deleted",
        ),
    ] {
        let (_d, copy) = copy_of(&db, "shell");
        let out = std::process::Command::new("sqlite3")
            .arg(&copy)
            .arg(sql)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_detected(&copy, expected);
    }
}

/// A meeting set up without an agenda file: created, its items added, edited and reordered, its
/// header changed. Every change is an event `verify` replays; rule and scope lock at the first
/// ballot; an edit made behind the program's back after those events shows.
#[test]
fn a_meeting_set_up_on_screen_verifies_and_an_edit_behind_its_back_shows() {
    use pavilion::domain::{Rule, Scope};
    use pavilion::store::Move;
    let (dir, path, mut store, _) = common::estate();
    let mut plan = common::meeting_plan("楼道议事会", "2026-12-05T11:00:00Z", vec![]);
    let m = store.create_meeting(&plan).unwrap();
    let unit = Scope::parse("3-2").unwrap();
    let lift = common::item("加装电梯", Rule::civil_code_ordinary(), unit.clone(), &[]);
    let hands = common::item("划停车线", Rule::show_of_hands(), Scope::Estate, &[]);
    store.add_item(m, &lift, None).unwrap();
    store.add_item(m, &hands, None).unwrap();
    // Before any ballot: the rule, the scope and a consent change; the items swap places.
    let mut edited = lift.clone();
    edited.title = "3号楼2单元加装电梯".into();
    edited.rule = Rule::civil_code_major();
    edited.required_consent = vec![FlatRef::parse("3-2-101").unwrap()];
    store.edit_item(m, 1, &edited).unwrap();
    assert_eq!(store.move_item(m, 1, Move::Down).unwrap(), 2);
    assert!(store.move_item(m, 2, Move::Down).is_err(), "nothing below");
    plan.title = "3号楼议事会".into();
    plan.place = "活动室".into();
    plan.number = Some(3);
    store.edit_meeting(m, &plan).unwrap();
    assert_eq!(store.meeting(m).unwrap().number, Some(3));
    // Another meeting of the same kind cannot take its number.
    let mut other = common::meeting_plan("又一次", "2026-12-12T11:00:00Z", vec![]);
    other.number = Some(3);
    let taken = store.create_meeting(&other).unwrap_err().to_string();
    assert!(taken.contains("number 3 is already meeting 2's"), "{taken}");
    let item = store.item(m, 2).unwrap();
    assert_eq!(
        (item.title.as_str(), item.rule.name.as_str()),
        ("3号楼2单元加装电梯", "civil-code-major")
    );
    assert_eq!(store.meeting(m).unwrap().place, "活动室");
    // A scope outside the roster and a consent outside the scope are refused.
    let mut bad = edited.clone();
    bad.scope = Scope::parse("9").unwrap();
    bad.required_consent.clear();
    assert!(store.edit_item(m, 2, &bad).is_err());
    let mut bad = edited.clone();
    bad.required_consent = vec![FlatRef::parse("4-1-101").unwrap()];
    assert!(store.edit_item(m, 2, &bad).is_err());

    // The first ballot locks the rule and scope, not the title.
    let flat = FlatRef::parse("3-2-101").unwrap();
    store
        .cast_ballot(m, 2, &BallotInput::in_person(&flat, Choice::Yes))
        .unwrap();
    let mut late = edited.clone();
    late.rule = Rule::civil_code_ordinary();
    let refused = store.edit_item(m, 2, &late).unwrap_err();
    let said = match &refused {
        pavilion::store::StoreError::Said(s) => s.clone(),
        e => panic!("{e}"),
    };
    assert_eq!(said.key(), "RuleLocked");
    assert!(said.render(pavilion::lang::Lang::Zh).contains("已开始表决"));
    let mut retitled = edited.clone();
    retitled.title = "3号楼2单元加装电梯（修订）".into();
    store.edit_item(m, 2, &retitled).unwrap();
    let mut kind = plan.clone();
    kind.kind = pavilion::domain::MeetingKind::Residents;
    assert!(store.edit_meeting(m, &kind).is_err(), "kind locked");
    common::assert_intact(&store);
    let kinds: Vec<String> = store
        .events(Some(m))
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    for k in ["meeting.intake", "item.edit", "item.order", "meeting.edit"] {
        assert!(kinds.iter().any(|x| x == k), "{k} in {kinds:?}");
    }
    drop(store);

    // Behind the program's back: the rule put back, the order swapped back, the place changed,
    // and an edit event's payload rewritten.
    for (sql, expected) in [
        (
            "UPDATE items SET rule = (SELECT rule FROM items WHERE number = 1 AND meeting_id = 2)
             WHERE meeting_id = 2 AND number = 2",
            "what was taken in",
        ),
        (
            "UPDATE items SET number = -1 WHERE meeting_id = 2 AND number = 1;
             UPDATE items SET number = 1 WHERE meeting_id = 2 AND number = 2;
             UPDATE items SET number = 2 WHERE meeting_id = 2 AND number = -1;",
            "number",
        ),
        (
            "UPDATE meetings SET place = '别处' WHERE id = 2",
            "what was taken in",
        ),
        (
            "UPDATE meetings SET number = 4 WHERE id = 2",
            "number is 4 but the events say 3",
        ),
        (
            &format!(
                "{DROP_TRIGGERS} UPDATE events SET data = replace(data, '活动室', '别处')
                 WHERE kind = 'meeting.edit'; {RESTORE_TRIGGERS}"
            ),
            "edited",
        ),
    ] {
        let (_d, copy) = copy_of(&path, "setup");
        tamper(&copy, sql);
        let v = Store::open(&copy).unwrap().verify().unwrap();
        let all: Vec<String> = v.findings.iter().map(ToString::to_string).collect();
        assert!(
            all.iter().any(|f| f.contains(expected)),
            "{sql}: expected {expected:?} in {all:#?}"
        );
    }
    drop(dir);
}
