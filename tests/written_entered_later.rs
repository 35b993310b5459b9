//! `ballot-import … --at TIME`: a file of written ballots entered afterwards (补录) at the time the
//! papers were handed in, as `ballot --at` enters one: the rows take the stated time, the events keep
//! when they were entered, the same refusals apply (per row where it is a row's), `verify` replays
//! them, and the minutes mark them.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{assert_verifies, column, dump, ok, sample_db};

fn run(db: &Path, lang: &str, args: &[&str]) -> Output {
    common::cli::pavilion_in(db, lang, args)
}

/// Refused in both languages with status 1, saying `zh` / `en`; nothing written.
fn refused(db: &Path, args: &[&str], zh: &str, en: &str) {
    let before = dump(db);
    for (lang, want) in [("zh", zh), ("en", en)] {
        let out = run(db, lang, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?} {lang}: {stderr}");
        assert!(stderr.contains(want), "{args:?} {lang}: {stderr}");
    }
    assert_eq!(dump(db), before, "{args:?} changed the database");
}

#[test]
fn written_ballots_entered_later_take_the_stated_time_and_are_marked() {
    let (dir, db) = sample_db();
    let file = dir.path().join("written.csv");
    std::fs::write(&file, "房号,表决意见\n3-2-201,同意\n3-2-301,反对\n").unwrap();
    let f = file.to_str().unwrap();
    let said = ok(
        &db,
        &["ballot-import", "1", "1", f, "--at", "2026-11-28 19:50"],
    );
    assert!(
        said.contains("entered later: recorded as of 28 Nov 2026 19:50"),
        "{said}"
    );
    assert_eq!(
        column(&db, "SELECT at FROM ballots ORDER BY id"),
        ["2026-11-28T11:50:00Z", "2026-11-28T11:50:00Z"]
    );
    let stated = column(
        &db,
        "SELECT json_extract(data, '$.stated_at') FROM events WHERE kind = 'ballot' ORDER BY id",
    );
    assert_eq!(stated, ["2026-11-28T11:50:00Z", "2026-11-28T11:50:00Z"]);
    let entered = column(&db, "SELECT at FROM events WHERE kind = 'ballot'");
    assert!(
        entered
            .iter()
            .all(|at| at.as_str() > "2026-11-28T11:50:00Z")
    );
    assert_verifies(&db);
    let minutes = ok(&db, &["export", "1", "--format", "md"]);
    assert_eq!(
        minutes.matches("19:50 (entered later, ").count(),
        2,
        "{minutes}"
    );
}

#[test]
fn written_ballots_at_a_time_that_cannot_be_are_refused_and_nothing_is_written() {
    let (dir, db) = sample_db();
    let file = dir.path().join("written.csv");
    std::fs::write(&file, "房号,表决意见\n3-2-201,同意\n3-2-401,反对\n").unwrap();
    let f = file.to_str().unwrap();
    // A time to come, or before the meeting: the option and the value are named.
    refused(
        &db,
        &["ballot-import", "1", "1", f, "--at", "2099-01-01 10:00"],
        "--at “2099-01-01 10:00”：补录时间",
        "--at '2099-01-01 10:00': the stated time",
    );
    refused(
        &db,
        &["ballot-import", "1", "1", f, "--at", "2026-11-28 18:00"],
        "早于会议开始",
        "before the meeting began",
    );
    // A row's owner already has a later ballot: the row is named, and the whole file is refused.
    ok(
        &db,
        &["ballot", "1", "1", "3-2-401", "yes", "--at", "19:40"],
    );
    refused(
        &db,
        &["ballot-import", "1", "1", f, "--at", "19:30"],
        "written.csv: 第 3 行，A 列（房号）：3-2-401 的业主在议题 1 上已有 2026年11月28日 19:40 的表决记录",
        "written.csv: row 3, column A (",
    );
    // A show of hands: a written ballot counts only from an owner present at the stated time.
    std::fs::write(&file, "房号,表决意见\n3-2-201,同意\n").unwrap();
    ok(&db, &["attend", "1", "3-2-201", "--at", "19:20"]);
    refused(
        &db,
        &["ballot-import", "1", "2", f, "--at", "19:10"],
        "3-2-201 的业主在 2026年11月28日 19:10 未签到",
        "the owner of 3-2-201 was not signed in at 28 Nov 2026 19:10",
    );
    ok(&db, &["ballot-import", "1", "2", f, "--at", "19:30"]);
    assert_verifies(&db);
}
