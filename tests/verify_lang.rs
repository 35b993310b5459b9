//! `verify`'s findings in the reader's language: a Chinese run over a record tampered in several
//! ways shows no English sentence; tables are named by what they hold (column names are the
//! database's own).

mod common;

use std::process::Command;

use common::cli::{BIN, ok, sample_voted};

/// Three English words in a row: a sentence left untranslated.
fn english_sentence(line: &str) -> bool {
    line.split(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '\''))
        .any(|run| run.split_whitespace().filter(|w| w.len() >= 2).count() >= 3)
}

#[test]
fn a_chinese_verify_says_every_finding_in_chinese() {
    let (_dir, db) = sample_voted();
    ok(&db, &["close", "1", "1"]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "UPDATE ballots SET choice = 'yes' WHERE id = 2;
         DELETE FROM attendance WHERE rowid = (SELECT MIN(rowid) FROM attendance);
         DROP INDEX flats_owner;
         DROP TRIGGER events_no_update;
         UPDATE events SET at = '2026-11-28T12:00:00Z' WHERE id = 3;
         CREATE TRIGGER events_no_update BEFORE UPDATE ON events
             BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;",
    )
    .unwrap();
    drop(conn);
    let out = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["--lang", "zh", "verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines.len() >= 4, "{stderr}");
    for needle in [
        "编号",
        "索引 flats_owner",
        "被修改过",
        "被删除了",
        "事件记载为",
    ] {
        assert!(stderr.contains(needle), "{needle:?} in:\n{stderr}");
    }
    for line in &lines {
        assert!(!english_sentence(line), "English in a Chinese run: {line}");
    }
    // The same record in English says the same in English.
    let out = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "verify"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("it was deleted"), "{stderr}");
    assert!(
        english_sentence(&stderr),
        "the check itself finds English: {stderr}"
    );
}

/// An intact record: `verify` counts each table's rows, the tables named in the reader's language.
#[test]
fn an_intact_record_names_its_tables_in_the_readers_language() {
    let (_dir, db) = sample_voted();
    for (lang, want, not) in [("zh", "表决票 ", "ballots"), ("en", "ballots ", "表决票")] {
        let out = Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(["--lang", lang, "verify"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{out:?}");
        assert!(stdout.contains(want) && !stdout.contains(not), "{stdout}");
        // Counted as "notes 1", never "1 notes".
        assert!(
            !stdout.contains(" 1 notes") && !stdout.contains(" 1 meetings"),
            "{stdout}"
        );
    }
}
