//! Bad input, through the binary: every file in `tests/fixtures/bad/` (and the huge ones, made here)
//! is refused with a message naming the file and where in it, and the database is left exactly as
//! it was (a full dump of every table, before and after).

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::cli::{assert_verifies, dump, ok, pavilion, root, sample_db};

/// The sample meeting with a sign-in and a ballot, so that "unchanged" means something.
fn prepared() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = sample_db();
    ok(&db, &["attend", "1", "3-2-501"]);
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    (dir, db)
}

/// Runs `args`, which must fail with every `expected` text on stderr and leave the database as it was.
fn refused(db: &Path, args: &[&str], expected: &[&str]) {
    let before = dump(db);
    let out = pavilion(db, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} was accepted:\n{stderr}");
    for e in expected {
        assert!(stderr.contains(e), "{args:?}: expected {e:?} in:\n{stderr}");
    }
    assert!(
        stderr
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("pavilion: ")),
        "{args:?}: the last line says what happened:\n{stderr}"
    );
    assert_eq!(dump(db), before, "{args:?} changed the database");
}

fn fixture(kind: &str, name: &str) -> String {
    format!("tests/fixtures/bad/{kind}/{name}")
}

/// Every fixture of a folder must be listed in its table, so none is added and forgotten.
fn all_listed(kind: &str, cases: &[(&str, &str)]) {
    for entry in std::fs::read_dir(root().join("tests/fixtures/bad").join(kind)).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            cases.iter().any(|(n, _)| *n == name),
            "tests/fixtures/bad/{kind}/{name} has no case"
        );
    }
}

#[test]
fn bad_agenda_files_are_refused_with_their_line_and_change_nothing() {
    let (dir, db) = prepared();
    let cases: &[(&str, &str)] = &[
        (
            "syntax-error.toml",
            "syntax-error.toml:2:25: TOML syntax error",
        ),
        (
            "wrong-type.toml",
            "wrong-type.toml:2:9: 'title' must be a string, not an integer",
        ),
        (
            "unknown-rule.toml",
            "unknown-rule.toml:13:8: unknown rule 'civil-code-majr' — did you mean 'civil-code-major'?",
        ),
        (
            "scope-flat-not-in-roster.toml",
            "scope-flat-not-in-roster.toml:14:32: flat 3-2-701 is not in the roster",
        ),
        (
            "empty-unit.toml",
            "empty-unit.toml:14:9: unit 3-4 has no flats in the roster",
        ),
        (
            "consent-outside-scope.toml",
            "consent-outside-scope.toml:15:32: flat 3-1-101 must consent but is outside the item's scope",
        ),
        (
            "duplicate-items.toml",
            "duplicate-items.toml:24:9: two items have the title '楼前停车'",
        ),
        (
            "missing-key.toml",
            "missing-key.toml:1:1: [meeting] is missing 'place'",
        ),
        (
            "no-items.toml",
            "no-items.toml:11:1: the agenda has no items",
        ),
        (
            "empty.toml",
            "empty.toml:1:1: the agenda has no [meeting] table",
        ),
        (
            "invalid-utf8.toml",
            "invalid-utf8.toml:1:3: the file is not valid UTF-8",
        ),
        ("utf16.toml", "utf16.toml: the file is UTF-16 text"),
        (
            "binary.toml",
            "binary.toml: the file holds binary data, not text",
        ),
    ];
    all_listed("agenda", cases);
    for (name, expected) in cases {
        let file = fixture("agenda", name);
        refused(&db, &["intake", &file], &[&file, expected]);
        // `check` reads the same way and says the same.
        refused(&db, &["check", &file], &[expected]);
    }

    // Huge: refused before it is read whole.
    let huge = dir.path().join("huge.toml");
    let mut text =
        std::fs::read_to_string(root().join("agendas/hongqi-2026-12-parking.toml")).unwrap();
    while text.len() < 3 << 20 {
        text.push_str("# 备注：这一行只是为了把文件撑大。\n");
    }
    std::fs::write(&huge, &text).unwrap();
    let huge = huge.display().to_string();
    refused(
        &db,
        &["intake", &huge],
        &[&format!(
            "{huge}: the file is 3.0 MB, more than an agenda can be (1 MB at most)"
        )],
    );
    // Nested ten thousand deep: a syntax error, not a crash.
    let nested = dir.path().join("nested.toml");
    std::fs::write(
        &nested,
        format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .unwrap();
    let nested = nested.display().to_string();
    refused(
        &db,
        &["intake", &nested],
        &[&format!("{nested}:1:"), "TOML syntax error"],
    );
    // The same agenda twice.
    refused(
        &db,
        &["intake", "agendas/hongqi-2026-11-28-elevator.toml"],
        &["this agenda was already taken in as meeting 1"],
    );
    assert_verifies(&db);
}

#[test]
fn bad_rosters_are_refused_with_their_row_and_column_and_change_nothing() {
    let (dir, db) = prepared();
    let cases: &[(&str, &str)] = &[
        (
            "area-negative.csv",
            "area-negative.csv: row 2, column D (建筑面积(㎡)): '-55.05' is not positive",
        ),
        (
            "area-not-a-number.csv",
            "area-not-a-number.csv: row 2, column D (建筑面积(㎡)): '五十五' is not a number",
        ),
        (
            "duplicate-flat.csv",
            "duplicate-flat.csv: row 4, column C (房号): flat 1-1-101 already appears in row 2",
        ),
        (
            "missing-column-header.csv",
            "missing-column-header.csv: row 1, column F (建筑面积(㎡)): there is no area column",
        ),
        (
            "no-header.csv",
            "no-header.csv: row 1 does not name the columns (it reads '1, 1, 101, 55.05')",
        ),
        (
            "missing-cell.csv",
            "missing-cell.csv: row 3, column E (业主姓名): the owner name is empty",
        ),
        ("empty.csv", "empty.csv: the file is empty"),
        (
            "header-only.csv",
            "header-only.csv: there are no flats below the header row (row 1)",
        ),
        (
            "gbk-mislabelled.csv",
            "gbk-mislabelled.csv: row 1 does not name the columns (it reads 'Â¥¶°",
        ),
        (
            "mixed-encodings.csv",
            "mixed-encodings.csv: the file mixes two text encodings: line 5 is UTF-8 but line 1 is not",
        ),
        ("utf16.csv", "utf16.csv: the file is UTF-16 text"),
        (
            "formulas.csv",
            "formulas.csv: row 3, column E (业主姓名): '=B3&C3' is an Excel formula, not a value",
        ),
        (
            "formulas.xlsx",
            "formulas.xlsx (sheet Sheet1): row 4, column F (owner_name): the formula =A1&B1 has no saved value",
        ),
    ];
    all_listed("roster", cases);
    for (name, expected) in cases {
        let file = fixture("roster", name);
        refused(&db, &["roster", "import", &file], &[&file, expected]);
    }
    refused(
        &db,
        &["roster", "import", &fixture("roster", "formulas.csv")],
        &["formulas.csv: row 2, column D (建筑面积(㎡)): '=A2*1.1' is an Excel formula"],
    );

    // 50,000 rows, wrong near the end: every problem found, nothing written.
    let big = dir.path().join("roster-50000.csv");
    let mut text = String::from("楼栋,单元,房号,建筑面积(㎡),业主姓名,业主编号,联系电话\n");
    let mut n = 0;
    'rows: for building in 1..=100 {
        for unit in 1..=5 {
            for floor in 1..=25 {
                for door in 1..=4 {
                    n += 1;
                    let area = if n == 49_998 {
                        "-60.00".to_string()
                    } else {
                        format!("{}.{:02}", 50 + n % 50, n % 100)
                    };
                    text.push_str(&format!(
                        "{building},{unit},{floor}{door:02},{area},业主{n},O{n:06},\n"
                    ));
                    if n == 50_000 {
                        break 'rows;
                    }
                }
            }
        }
    }
    text.push_str("1,1,101,70.00,重复,O999999,\n");
    std::fs::write(&big, text).unwrap();
    let big = big.display().to_string();
    let start = Instant::now();
    refused(
        &db,
        &["roster", "import", &big],
        &[
            &format!("{big}: row 49999, column D (建筑面积(㎡)): '-60.00' is not positive"),
            &format!("{big}: row 50002, column C (房号): flat 1-1-101 already appears in row 2"),
            "pavilion: 2 problems found; nothing was written",
        ],
    );
    eprintln!(
        "a 50,000-row roster checked and refused in {:?}",
        start.elapsed()
    );

    // Too big to be a roster: refused before it is read whole.
    let huge = dir.path().join("huge.csv");
    let row = "1,1,101,70.00,业主,O1,13800000000\n";
    std::fs::write(&huge, row.repeat((33 << 20) / row.len() + 1)).unwrap();
    let huge = huge.display().to_string();
    refused(
        &db,
        &["roster", "import", &huge],
        &[&format!(
            "{huge}: the file is 33.0 MB, more than a roster can be (32 MB at most)"
        )],
    );
    assert_verifies(&db);
}

#[test]
fn bad_ballot_files_are_refused_with_their_row_and_change_nothing() {
    let (dir, db) = prepared();
    // (file, item, expected)
    let cases: &[(&str, &str, &str)] = &[
        (
            "unknown-flat.csv",
            "1",
            "unknown-flat.csv: row 3, column A (room): flat 3-2-999 is not in the roster",
        ),
        (
            "outside-scope.csv",
            "1",
            "outside-scope.csv: row 3, column A (room): flat 3-1-101 is outside the scope of item 1 (building 3 unit 2)",
        ),
        (
            "duplicate-flat.csv",
            "1",
            "duplicate-flat.csv: row 4, column A (room): flat 3-2-101 appears twice (first in row 2)",
        ),
        (
            "same-owner-twice.csv",
            "2",
            "same-owner-twice.csv: row 3, column A (room): the owner of 3-3-602 also owns 3-2-501 (row 2), which votes yes where this row votes no: one owner gives one choice",
        ),
        (
            "bad-choice.csv",
            "1",
            "bad-choice.csv: row 2, column B (choice): 'maybe' is not a choice",
        ),
        (
            "not-a-flat.csv",
            "1",
            "not-a-flat.csv: row 2, column A (room): '三楼东' is not a flat",
        ),
        (
            "formula.csv",
            "1",
            "formula.csv: row 2, column A (room): '=A1' is not a flat",
        ),
        ("empty.csv", "1", "empty.csv: no ballots in the file"),
        (
            "header-only.csv",
            "1",
            "header-only.csv: no ballots in the file",
        ),
        (
            "mixed-encodings.csv",
            "1",
            "mixed-encodings.csv: the file mixes two text encodings: line 1 is UTF-8 but line 3 is not",
        ),
    ];
    let names: Vec<(&str, &str)> = cases.iter().map(|(n, _, e)| (*n, *e)).collect();
    all_listed("ballots", &names);
    for (name, item, expected) in cases {
        let file = fixture("ballots", name);
        refused(
            &db,
            &["ballot-import", "1", item, &file],
            &[&file, expected],
        );
    }
    // Written ballots for a closed vote.
    ok(&db, &["close", "1", "1"]);
    let late = dir.path().join("late.csv");
    std::fs::write(&late, "room,choice\n3-2-102,yes\n").unwrap();
    let late = late.display().to_string();
    refused(
        &db,
        &["ballot-import", "1", "1", &late],
        &["the vote on item 1 is closed; ballots can no longer change"],
    );
    assert_verifies(&db);
}
