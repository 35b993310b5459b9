//! The record cannot lie (issue 8): each attack of a hostile tester, reproduced, and what the program
//! does now — detected by `verify`, refused, or nothing changed.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{ok, pavilion};
use common::{fixed_now, item, twelve_flat_unit};
use pavilion::domain::{Choice, FlatRef, Rule, Scope, Step};
use pavilion::store::{BallotInput, Event, Store, event_hash};

fn f(s: &str) -> FlatRef {
    FlatRef::parse(s).unwrap()
}

/// Unit 3-2 (12 owners), item 1 an ordinary vote of the unit with 8 ballots, 4 yes and 4 no (a
/// fail: exactly half is not more than half), item 2 for discussion only. The vote stays open.
fn four_four() -> (tempfile::TempDir, PathBuf) {
    let (dir, path, mut store, m) = common::estate_with(vec![
        item(
            "更换单元门禁",
            Rule::civil_code_ordinary(),
            Scope::parse("3-2").unwrap(),
            &["3-2-101"],
        ),
        item("楼道堆物", Rule::none(), Scope::Estate, &[]),
    ]);
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
    forge_event_in(conn, 1, kind, item, data);
}

/// The same, for an item of meeting `meeting`.
fn forge_event_in(
    conn: &rusqlite::Connection,
    meeting: i64,
    kind: &str,
    item: i64,
    data: serde_json::Value,
) {
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
        meeting_id: Some(meeting),
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

/// A finding names an item by its number on its meeting's agenda, as the minutes do, not by the
/// row id (which differs from the number from the second meeting on).
#[test]
fn a_finding_names_a_later_meetings_item_by_its_number_on_the_agenda() {
    let (_dir, path) = four_four();
    let mut store = Store::open(&path).unwrap().with_clock(fixed_now);
    let plan = common::meeting_plan(
        "红旗小区 第二次议事会",
        "2026-11-28T12:00:00Z",
        vec![item(
            "更换单元门禁",
            Rule::civil_code_ordinary(),
            Scope::parse("3-2").unwrap(),
            &[],
        )],
    );
    let m = store.intake(&plan, "test").unwrap();
    let flat = f("3-2-101");
    store
        .cast_ballot(m, 1, &BallotInput::in_person(&flat, Choice::Yes))
        .unwrap();
    let id: i64 = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row(
            "SELECT id FROM items WHERE meeting_id = ?1 AND number = 1",
            [m],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_ne!(id, 1, "the second meeting's item 1 is not row 1");
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    forge_event_in(
        &conn,
        m,
        "item.step",
        id,
        serde_json::json!({"from": "raised", "to": "decided"}),
    );
    drop(conn);
    let found = findings(&path);
    assert!(
        found
            .iter()
            .any(|f| f.contains("item 1 becomes decided while its vote is still open")),
        "{found:#?}"
    );
    assert!(
        !found.iter().any(|f| f.contains(&format!("item {id} "))),
        "{found:#?}"
    );
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

/// The sample roster with some lines rewritten: (`from`, `to`) text replacements, and lines
/// starting with one of `drop` left out.
fn roster_file(dir: &Path, name: &str, edits: &[(&str, &str)], drop: &[&str]) -> PathBuf {
    let text =
        std::fs::read_to_string(common::cli::root().join("agendas/roster-hongqi.csv")).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if drop.iter().any(|d| line.starts_with(d)) {
            continue;
        }
        let mut line = line.to_string();
        for (from, to) in edits {
            if line.starts_with(from) {
                line = to.to_string();
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    let path = dir.join(name);
    std::fs::write(&path, out).unwrap();
    path
}

/// 3-2-101 (a voter, whose consent is required) goes to a new owner, 3-2-102 (a voter) is no
/// longer listed, 3-2-201 (a voter) grows.
fn changed_roster(dir: &Path) -> PathBuf {
    roster_file(
        dir,
        "changed.csv",
        &[
            ("3,2,101,", "3,2,101,68.45,新业主,O09999,13700000000"),
            ("3,2,201,", "3,2,201,80.00,郝海,O00082,13727662003"),
        ],
        &["3,2,102,"],
    )
}

#[test]
fn a_closed_meeting_reads_the_same_after_a_roster_import() {
    let (dir, db) = common::cli::sample_voted();
    ok(&db, &["ballot", "1", "2", "3-2-101", "yes"]);
    for item in ["1", "2", "3"] {
        ok(&db, &["close", "1", item]);
    }
    let exports = |db: &Path| -> Vec<String> {
        let mut all = Vec::new();
        for format in ["md", "html", "json", "csv"] {
            all.push(ok(db, &["export", "1", "--format", format]));
            all.push(ok(db, &["export", "1", "--format", format, "--public"]));
        }
        all.push(ok(db, &["tally", "1", "1", "--json"]));
        all
    };
    let before = exports(&db);
    let file = changed_roster(dir.path());
    ok(&db, &["roster", "import", file.to_str().unwrap()]);
    let after = exports(&db);
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a, "the minutes of a closed meeting changed");
    }
    assert!(before[0].contains("邱永文"), "the voter as he was");
    ok(&db, &["verify"]);
}

#[test]
fn an_import_touching_an_open_vote_is_shown_and_needs_yes_and_a_dry_run_writes_nothing() {
    let (dir, db) = common::cli::sample_voted();
    let file = changed_roster(dir.path());
    let file = file.to_str().unwrap();
    let before = common::cli::dump(&db);

    let shown = ok(&db, &["roster", "import", file, "--dry-run"]);
    for expected in [
        "dry run, nothing written: 0 flats added, 2 changed, 1 no longer listed, 1 of them with another owner",
        "3-2-101 changes owner: 邱永文 → 新业主",
        "3-2-201 area: 74.85 m² → 80.00 m²",
        "no longer listed: 3-2-102 (owner was 许斌兰)",
        "meeting 1 item 1",
        "3-2-102, whose owner has voted, leaves the roster",
        "3-2-101, whose owner's consent is required, leaves the roster",
    ] {
        // The consent flat changes owner rather than leaving: only the lines that apply appear.
        if expected.starts_with("3-2-101, whose") {
            assert!(!shown.contains(expected), "{shown}");
            continue;
        }
        assert!(shown.contains(expected), "{expected:?} in:\n{shown}");
    }
    assert!(
        shown.contains("3-2-101 is in its scope and changes owner or area"),
        "{shown}"
    );
    assert_eq!(common::cli::dump(&db), before, "a dry run writes nothing");

    let out = pavilion(&db, &["roster", "import", file]);
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("3-2-101 is in its scope"), "{stdout}");
    assert!(stderr.contains("run again with --yes"), "{stderr}");
    assert_eq!(common::cli::dump(&db), before, "refused: nothing written");

    ok(&db, &["roster", "import", file, "--yes"]);
    // The ballots already cast stay with the owners who cast them.
    let store = Store::open_read_only(&db).unwrap();
    let item = store.item(1, 1).unwrap();
    let history = store.ballot_history(item.id).unwrap();
    let b101 = history.iter().find(|b| b.flat == f("3-2-101")).unwrap();
    assert_ne!(
        b101.owner_id,
        store.find_flat(&f("3-2-101")).unwrap().owner_id
    );
    drop(store);
    ok(&db, &["tally", "1", "1"]);
    ok(&db, &["close", "1", "1"]);
    ok(&db, &["verify"]);
}

/// A dry run on a file of an older schema works on a copy in memory: the file keeps every byte
/// (no upgrade, no upgrade backup), and it runs while another host holds the database.
#[test]
fn a_dry_run_on_an_older_file_changes_no_byte() {
    let (dir, db) = common::cli::sample_voted();
    common::cli::make_previous_version(&db);
    let file = changed_roster(dir.path());
    let before = std::fs::read(&db).unwrap();
    let _host =
        pavilion::store::lock::HostLock::acquire(&db, "run", std::time::Duration::ZERO).unwrap();
    let shown = ok(
        &db,
        &["roster", "import", file.to_str().unwrap(), "--dry-run"],
    );
    assert!(
        shown.contains("dry run, nothing written: 0 flats added, 2 changed"),
        "{shown}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "not a byte changed");
    assert!(
        !pavilion::store::backup::backups_dir(&db).exists(),
        "no upgrade backup either"
    );
    let version: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
}

#[test]
fn an_import_retiring_more_than_a_tenth_of_the_flats_needs_yes() {
    let (dir, db) = common::cli::sample_db();
    // Building 1 and 2: far more than a tenth of the estate's 288 flats.
    let file = roster_file(dir.path(), "small.csv", &[], &["1,", "2,"]);
    let out = pavilion(&db, &["roster", "import", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("more than a tenth"), "{stdout}");
    ok(&db, &["roster", "import", file.to_str().unwrap(), "--yes"]);
    ok(&db, &["verify"]);
}

#[test]
fn a_digest_must_be_full_strength_and_name_a_meeting_event() {
    let (_dir, db) = common::cli::sample_voted();
    let store = Store::open_read_only(&db).unwrap();
    let events = store.events(None).unwrap();
    // The roster import: an event of no meeting, which no minutes print.
    let roster = events.iter().find(|e| e.kind == "roster.import").unwrap();
    let last = events.last().unwrap().clone();
    let earlier = events
        .iter()
        .filter(|e| e.meeting_id == Some(1))
        .nth(3)
        .unwrap()
        .clone();
    drop(store);
    for short in [&last.hash[..12], &last.hash[..31]] {
        let out = pavilion(&db, &["verify", "--digest", short]);
        assert!(!out.status.success(), "{short}");
    }
    let out = pavilion(&db, &["verify", "--digest", &roster.hash]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no event has the digest"));
    let out = ok(&db, &["verify", "--digest", &last.hash[..32]]);
    assert!(out.contains(&format!("is event {}", last.id)), "{out}");
    assert!(!out.contains("more events after it"), "{out}");
    let out = ok(&db, &["verify", "--digest", &earlier.hash]);
    assert!(out.contains("more events after it"), "{out}");
}

#[test]
fn one_host_however_the_path_is_written() {
    let (dir, db) = common::cli::sample_db();
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let dotted = sub.join("..").join("pavilion.db");
    let held =
        pavilion::store::lock::HostLock::acquire(&db, "run", std::time::Duration::ZERO).unwrap();
    for other in [&link, &dotted] {
        let out = pavilion(other, &["attend", "1", "3-2-101"]);
        assert!(
            !out.status.success(),
            "{} bypassed the lock",
            other.display()
        );
        assert_eq!(out.status.code(), Some(4), "{out:?}");
    }
    drop(held);
    ok(&link, &["attend", "1", "3-2-101"]);
}
