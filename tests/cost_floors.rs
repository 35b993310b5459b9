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
    let floor = |flat: &str| {
        v["shares"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["flat"] == flat)
            .map(|s| (s["floor"].as_i64().unwrap(), s["fen"].as_i64().unwrap()))
            .unwrap()
    };
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
