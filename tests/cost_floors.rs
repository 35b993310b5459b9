//! The roster's floor column (楼层) for sharing a cost by floor: rooms whose number does not tell the
//! floor, a column that disagrees with the room number (warned, flat by flat), and rooms that give no
//! floor at all (refused, saying how to give one). Real binary, real SQLite.

mod common;

use std::path::Path;

use common::cli::{ok, pavilion};

const AGENDA: &str = r#"
[meeting]
title = "3号楼加装电梯"
kind = "owners"
starts = 2026-11-28T19:00:00+08:00
place = "莲心亭"
host = "郭建敏"
secretary = "马长祥"

[[items]]
title = "3号楼2单元加装电梯"
raised_by = "王秀兰"
statement = "上下楼难"
rule = "civil-code-major"
scope = "3-2"

[items.cost]
amount = "100000.00"
floors = { 1 = 0, 2 = 1, 3 = 2, 13 = 3 }
"#;

/// Unit 3-2: two ground-floor rooms named 甲1/甲2 (floor given), 201 (floor left to the room
/// number), 301 (both agree) and 1401 on floor 13 (no 13th floor in the numbering: they disagree).
const ROSTER: &str = "楼栋,单元,房号,楼层,建筑面积(㎡),业主姓名\n\
3,2,甲1,1,60.00,甲一\n\
3,2,甲2,1层,60.00,甲二\n\
3,2,201,,60.00,二零一\n\
3,2,301,3,60.00,三零一\n\
3,2,1401,13,60.00,一四零一\n";

fn setup(roster: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pavilion.db");
    std::fs::write(dir.path().join("roster.csv"), roster).unwrap();
    std::fs::write(dir.path().join("agenda.toml"), AGENDA).unwrap();
    ok(&db, &["init", "--estate", "红旗小区"]);
    (dir, db)
}

fn file(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// (floor, fen) of a flat in the output of `cost --json`.
fn share(v: &serde_json::Value, flat: &str) -> (i64, i64) {
    v["shares"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["flat"] == flat)
        .map(|s| (s["floor"].as_i64().unwrap(), s["fen"].as_i64().unwrap()))
        .unwrap()
}

#[test]
fn the_floor_column_gives_floors_and_says_where_it_disagrees_with_the_room_number() {
    let (dir, db) = setup(ROSTER);
    let (roster, agenda) = (
        file(dir.path(), "roster.csv"),
        file(dir.path(), "agenda.toml"),
    );
    // Checked against the file before any import, then imported.
    ok(&db, &["check", &agenda, "--roster", &roster]);
    let out = pavilion(&db, &["roster", "import", &roster]);
    assert!(out.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("the floor column gives the floor of 4 flat(s)"),
        "{said}"
    );
    assert!(
        said.contains(
            "the floor column puts 3-2-1401 on floor 13 but its room number says floor 14"
        ),
        "{said}"
    );
    ok(&db, &["check", &agenda]);
    ok(&db, &["intake", &agenda]);
    let v: serde_json::Value =
        serde_json::from_str(&ok(&db, &["cost", "1", "1", "--json"])).unwrap();
    let floor = |flat: &str| share(&v, flat);
    // Weights 0, 0, 1, 2, 3 of 6: ¥100,000 shared 0 / 0 / 16,666.67 / 33,333.33 / 50,000.
    assert_eq!(floor("3-2-甲1"), (1, 0));
    assert_eq!(floor("3-2-201"), (2, 1_666_667));
    assert_eq!(floor("3-2-301"), (3, 3_333_333));
    assert_eq!(floor("3-2-1401"), (13, 5_000_000));
    common::cli::assert_verifies(&db);

    // The floors are part of the record: an edit behind the program's back shows in `verify`.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE flat_floors SET floor = 2 WHERE floor = 13", [])
        .unwrap();
    let out = pavilion(&db, &["verify"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("flat_floors"), "{said}");
}

#[test]
fn rooms_that_give_no_floor_are_refused_without_a_floor_column() {
    let without: String = ROSTER
        .lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split(',').collect();
            cells.remove(3);
            cells.join(",") + "\n"
        })
        .collect();
    let (dir, db) = setup(&without);
    ok(&db, &["roster", "import", &file(dir.path(), "roster.csv")]);
    let out = pavilion(&db, &["check", &file(dir.path(), "agenda.toml")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the floor of 3-2-甲1, 3-2-甲2 cannot be read from the room number and the roster does not give it"),
        "{err}"
    );
    assert!(err.contains("add a 楼层/floor column"), "{err}");
    assert!(err.contains("agenda.toml:"), "{err}");
}

#[test]
fn a_floor_cell_that_is_no_floor_is_refused_at_its_cell() {
    let (dir, db) = setup(&ROSTER.replace("3,2,301,3,", "3,2,301,三楼,"));
    let out = pavilion(&db, &["roster", "import", &file(dir.path(), "roster.csv")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("'三楼' is not a floor"), "{err}");
    assert!(
        err.contains("row 5, column D (楼层)"),
        "names the cell: {err}"
    );
}

/// The roster with its floor column imported, and meeting 1's vote on the elevator closed.
fn a_closed_vote() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, db) = setup(ROSTER);
    ok(&db, &["roster", "import", &file(dir.path(), "roster.csv")]);
    ok(&db, &["intake", &file(dir.path(), "agenda.toml")]);
    ok(&db, &["attend", "1", "3-2-201", "3-2-301", "3-2-1401"]);
    for room in ["3-2-201", "3-2-301", "3-2-1401"] {
        ok(&db, &["ballot", "1", "1", room, "yes"]);
    }
    ok(&db, &["close", "1", "1"]);
    (dir, db)
}

/// Everything that shows meeting 1's cost table.
fn cost_tables(db: &Path) -> Vec<String> {
    [
        &["cost", "1", "1", "--json"][..],
        &["cost", "1", "1", "--csv"],
    ]
    .into_iter()
    .map(|args| ok(db, args))
    .chain(["md", "json", "csv"].into_iter().flat_map(|format| {
        [false, true].map(|public| {
            let mut args = vec!["export", "1", "--format", format];
            args.extend(public.then_some("--public"));
            ok(db, &args)
        })
    }))
    .collect()
}

/// 甲2 turns out to be on the second floor: a corrected roster says so, and a new meeting on the
/// same plan shares the cost with it. Returns that meeting's `cost --json`.
fn correct_a_floor(dir: &Path, db: &Path) -> serde_json::Value {
    let corrected = ROSTER.replace("3,2,甲2,1层,", "3,2,甲2,2,");
    std::fs::write(dir.join("roster.csv"), corrected).unwrap();
    ok(db, &["roster", "import", &file(dir, "roster.csv")]);
    let next = AGENDA.replace("3号楼加装电梯\"\nkind", "3号楼加装电梯（续）\"\nkind");
    std::fs::write(dir.join("next.toml"), next).unwrap();
    ok(db, &["intake", &file(dir, "next.toml")]);
    serde_json::from_str(&ok(db, &["cost", "2", "1", "--json"])).unwrap()
}

/// The same texts, byte for byte.
fn assert_unchanged(before: &[String], after: &[String]) {
    for (b, a) in before.iter().zip(after) {
        assert_eq!(
            b, a,
            "a closed vote's cost table changed after a roster import"
        );
    }
}

/// The past never changes: a closed vote's cost table is shared with the floors as they stood when
/// it closed, whatever a later roster import (a corrected floor column) says.
#[test]
fn a_corrected_floor_column_leaves_a_closed_vote_s_cost_table_as_it_was() {
    let (dir, db) = a_closed_vote();
    let before = cost_tables(&db);
    // cost --json, cost --csv, then md, json and csv exports, each minutes and notice.
    assert!(
        before[2].contains("| 3-2-甲2 | 1 | 0 | 0.00 |"),
        "{}",
        before[2]
    );
    assert!(
        before[7].contains("\r\n1,3号楼2单元加装电梯,3-2-甲2,1,0,0.00\r\n"),
        "{}",
        before[7]
    );

    let today = correct_a_floor(dir.path(), &db);
    // Weights 1, 1, 2, 3 of 7: ¥14,285.714… each for 甲2 and 201; of the two fen left over one goes
    // to 301 (remainder .857…), the other to 甲2, first of the equal .428…s in address order.
    assert_eq!(
        share(&today, "3-2-甲2"),
        (2, 1_428_572),
        "the new floor, today"
    );

    assert_unchanged(&before, &cost_tables(&db));
    common::cli::assert_verifies(&db);

    // The floors' history is part of the record: an edit of an earlier set, or its removal, shows.
    for edit in [
        "UPDATE floor_history SET floor = 2 WHERE floor = 1 AND since = (SELECT MIN(since) FROM floor_sets)",
        "PRAGMA foreign_keys = OFF; DELETE FROM floor_sets WHERE since = (SELECT MIN(since) FROM floor_sets)",
    ] {
        let copy = dir.path().join("tampered.db");
        std::fs::copy(&db, &copy).unwrap();
        rusqlite::Connection::open(&copy)
            .unwrap()
            .execute_batch(edit)
            .unwrap();
        let out = pavilion(&copy, &["verify"]);
        assert!(!out.status.success(), "{edit}");
        let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("floors recorded by event"), "{said}");
    }
}

/// A file from before the floors' history was kept (schema 6) gets it from its events when a writer
/// opens it, so a vote closed before the upgrade keeps its cost table too.
#[test]
fn a_file_from_before_the_floors_history_takes_it_from_its_events() {
    let (dir, db) = a_closed_vote();
    let before = cost_tables(&db);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "DROP TABLE floor_history; DROP TABLE floor_sets;
             ALTER TABLE meetings DROP COLUMN number;
             DROP INDEX ballots_live; DROP INDEX flats_live; DROP INDEX events_kind;
             PRAGMA user_version = 6;",
        )
        .unwrap();
    common::cli::assert_verifies(&db);
    correct_a_floor(dir.path(), &db);
    assert_unchanged(&before, &cost_tables(&db));
    let version: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, pavilion::store::SCHEMA_VERSION);
    common::cli::assert_verifies(&db);
}
