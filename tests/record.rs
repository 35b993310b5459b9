//! The record cannot lie (issue 8): each attack of a hostile tester, reproduced, and what the program
//! does now — detected by `verify`, refused, or nothing changed.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{ok, pavilion};
use common::{fixed_now, item, meeting, twelve_flat_unit};
use pavilion::domain::{Choice, FlatRef, Rule, Scope, Step};
use pavilion::store::{BallotInput, Event, Store, event_hash};

fn f(s: &str) -> FlatRef {
    FlatRef::parse(s).unwrap()
}

/// Unit 3-2 (12 owners), item 1 an ordinary vote of the unit with 8 ballots, 4 yes and 4 no (a
/// fail: exactly half is not more than half), item 2 for discussion only. The vote stays open.
fn four_four() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pavilion.db");
    let mut store = Store::open(&path).unwrap().with_clock(fixed_now);
    store.init("红旗小区").unwrap();
    store.import_roster(&twelve_flat_unit(), "test").unwrap();
    let plan = meeting(vec![
        item(
            "更换单元门禁",
            Rule::civil_code_ordinary(),
            Scope::parse("3-2").unwrap(),
            &["3-2-101"],
        ),
        item("楼道堆物", Rule::none(), Scope::Estate, &[]),
    ]);
    let m = store.intake(&plan, "test").unwrap();
    for (i, room) in ["101", "102", "201", "202", "301", "302", "401", "402"]
        .iter()
        .enumerate()
    {
        let choice = if i % 2 == 0 { Choice::Yes } else { Choice::No };
        let flat = f(&format!("3-2-{room}"));
        store
            .cast_ballot(m, 1, &BallotInput::in_person(&flat, choice))
            .unwrap();
    }
    (dir, path)
}

/// Appends an event with a correct hash, as a tamperer with the file can.
fn forge_event(conn: &rusqlite::Connection, kind: &str, item: i64, data: serde_json::Value) {
    let (id, prev): (i64, String) = conn
        .query_row(
            "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut e = Event {
        id: id + 1,
        at: "2026-11-28T12:00:00Z".into(),
        kind: kind.into(),
        meeting_id: Some(1),
        item_id: Some(item),
        owner_id: None,
        data: data.to_string(),
        prev_hash: prev,
        hash: String::new(),
    };
    e.hash = event_hash(&e);
    conn.execute(
        "INSERT INTO events (id, at, kind, meeting_id, item_id, owner_id, data, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?8)",
        rusqlite::params![
            e.id,
            e.at,
            e.kind,
            e.meeting_id,
            e.item_id,
            e.data,
            e.prev_hash,
            e.hash
        ],
    )
    .unwrap();
}

fn findings(path: &Path) -> Vec<String> {
    let store = Store::open_read_only(path).unwrap();
    store
        .verify()
        .unwrap()
        .findings
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_forged_close_with_correctly_hashed_events_is_counted_again_and_caught() {
    let (_dir, path) = four_four();
    let store = Store::open(&path).unwrap();
    let mut forged = store.tally(1, 1).unwrap().tally;
    assert!(!forged.passed);
    drop(store);
    // "passed 6 / 2": the figures and the verdict rewritten, in the table and in hashed events.
    forged.yes.owners = 6;
    forged.no.owners = 2;
    forged.approval_met = true;
    forged.passed = true;
    let result = serde_json::to_string(&forged).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE items SET vote = 'closed', result = ?1, closed_at = '2026-11-28T12:00:00Z',
         step = 'decided' WHERE id = 1",
        [&result],
    )
    .unwrap();
    forge_event(
        &conn,
        "item.step",
        1,
        serde_json::json!({"from": "raised", "to": "discussed"}),
    );
    forge_event(
        &conn,
        "vote.close",
        1,
        serde_json::json!({"rule": "civil-code-ordinary", "votes": true, "passed": true,
                           "result": result}),
    );
    forge_event(
        &conn,
        "item.step",
        1,
        serde_json::json!({"from": "discussed", "to": "decided"}),
    );
    drop(conn);
    let found = findings(&path);
    assert!(
        found.iter().any(|f| f.contains(
            "passed = true, 6 yes / 2 no / 0 abstain of 12 owners but counting its ballots gives passed = false, 4 yes / 4 no"
        )),
        "{found:#?}"
    );
    let out = pavilion(&path, &["verify"]);
    assert!(!out.status.success());
}

/// The partial index behind the live tally is redefined to leave out "no" ballots, and its text
/// in `sqlite_master` put back as it was.
fn redefine_index(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "DROP INDEX ballots_current;
         CREATE UNIQUE INDEX ballots_current ON ballots(item_id, owner_id)
             WHERE current = 1 AND choice <> 'no';
         PRAGMA writable_schema = ON;
         UPDATE sqlite_master SET sql =
             'CREATE UNIQUE INDEX ballots_current ON ballots(item_id, owner_id) WHERE current = 1'
             WHERE name = 'ballots_current';
         PRAGMA writable_schema = OFF;",
    )
    .unwrap();
}

#[test]
fn an_index_redefined_under_the_program_neither_decides_a_close_nor_passes_verify() {
    let (_dir, path) = four_four();
    redefine_index(&path);
    let out = ok(&path, &["close", "1", "1", "--lang", "en"]);
    assert!(out.contains("4"), "{out}");
    let store = Store::open_read_only(&path).unwrap();
    let closed = store.tally(1, 1).unwrap().tally;
    assert_eq!((closed.yes.owners, closed.no.owners), (4, 4));
    assert!(!closed.passed, "the close counted every ballot");
    let found = findings(&path);
    assert!(
        found
            .iter()
            .any(|f| f.contains("integrity") && f.contains("ballots_current")),
        "{found:#?}"
    );
}

#[test]
fn a_schema_object_added_or_changed_is_a_finding() {
    let (_dir, path) = four_four();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER quiet AFTER INSERT ON ballots BEGIN SELECT 1; END;
         DROP TRIGGER events_no_delete;",
    )
    .unwrap();
    drop(conn);
    let found = findings(&path);
    assert!(
        found.iter().any(|f| f.contains("trigger quiet")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.contains("trigger events_no_delete") && f.contains("dropped")),
        "{found:#?}"
    );
}

#[test]
fn decided_only_by_closing_the_vote_and_the_untouched_record_verifies() {
    let (_dir, path) = four_four();
    ok(&path, &["step", "1", "1", "discussed"]);
    let out = pavilion(&path, &["step", "1", "1", "decided"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("becomes decided when the vote is closed"),
        "{stderr}"
    );
    ok(&path, &["ballot", "1", "1", "3-2-501", "yes"]);
    ok(&path, &["close", "1", "1"]);
    ok(&path, &["verify"]);
    // A discussion-only item goes from discussed to acting, then closed.
    ok(
        &path,
        &["note", "1", "2", "--speaker", "郭建敏", "清理楼道"],
    );
    ok(&path, &["step", "1", "2", "acting"]);
    ok(&path, &["step", "1", "2", "closed"]);
    ok(&path, &["verify"]);
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.item(1, 2).unwrap().step, Step::Closed);
}

#[test]
fn a_required_consent_flat_leaving_the_roster_does_not_break_the_meeting() {
    let (_dir, path) = four_four();
    let mut store = Store::open(&path).unwrap().with_clock(fixed_now);
    let rows: Vec<_> = twelve_flat_unit()
        .into_iter()
        .filter(|r| r.flat != f("3-2-101"))
        .collect();
    store.import_roster(&rows, "without 101").unwrap();
    drop(store);
    ok(&path, &["tally", "1", "1"]);
    ok(&path, &["export", "1", "--format", "md"]);
    ok(&path, &["close", "1", "1"]);
    ok(&path, &["export", "1", "--format", "md"]);
    ok(&path, &["verify"]);
}

/// A file's bytes, to compare before and after.
fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn readers_change_no_byte_even_of_a_write_protected_copy() {
    let (_dir, path) = four_four();
    ok(&path, &["close", "1", "1"]);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("evidence.db");
    std::fs::copy(&path, &copy).unwrap();
    let mut perms = std::fs::metadata(&copy).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&copy, perms).unwrap();
    let before = bytes(&copy);
    for args in [
        &["verify"][..],
        &["tally", "1", "1", "--json"],
        &["export", "1", "--format", "md"],
        &["meetings"],
        &["roster", "list"],
        &["backlog"],
        &["actions", "list"],
    ] {
        ok(&copy, args);
        assert_eq!(bytes(&copy), before, "{args:?} changed the file");
    }
    // The original (writable, WAL) too: readers switch nothing.
    let before = bytes(&path);
    for args in [&["verify"][..], &["tally", "1", "1"], &["meetings"]] {
        ok(&path, args);
        assert_eq!(bytes(&path), before, "{args:?} changed the file");
    }
}

#[test]
fn a_file_that_is_not_ours_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("photos.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('a');")
        .unwrap();
    drop(conn);
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database at all, just some text\n".repeat(40)).unwrap();
    for file in [&foreign, &empty, &text] {
        let before = bytes(file);
        for args in [
            &["verify"][..],
            &["tally", "1", "1"],
            &["meetings"],
            &["attend", "1", "3-2-101"],
            &["roster", "import", "agendas/roster-hongqi.csv"],
        ] {
            let out = pavilion(file, args);
            assert!(!out.status.success(), "{args:?} on {}", file.display());
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains("is not a Pavilion database"),
                "{args:?}: {stderr}"
            );
            assert_eq!(bytes(file), before, "{args:?} changed {}", file.display());
        }
    }
}
