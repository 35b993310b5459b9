//! The command line's contract beyond its output: exit statuses (README "Exit status") and the
//! language of every message.

mod common;

use std::process::Command;
use std::str::FromStr;
use std::time::Duration;

use common::cli::{BIN, pavilion, root, sample_db};
use pavilion::store::lock::HostLock;

fn status(out: &std::process::Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

#[test]
fn exit_statuses_are_the_documented_ones() {
    let (_dir, db) = sample_db();
    // 0: done.
    assert_eq!(status(&pavilion(&db, &["tally", "1", "1"])), 0);
    // 1: refused or invalid input.
    assert_eq!(
        status(&pavilion(&db, &["ballot", "1", "1", "9-9-999", "yes"])),
        1
    );
    assert_eq!(
        status(&pavilion(
            &db,
            &["check", "tests/fixtures/bad/agenda/unknown-rule.toml"]
        )),
        1
    );
    // 2: usage.
    assert_eq!(status(&pavilion(&db, &["ballot", "1"])), 2);
    assert_eq!(status(&pavilion(&db, &["no-such-command"])), 2);
    // 3: the record does not match its events.
    let out = pavilion(
        &db,
        &["verify", "--digest", "0123456789abcdef0123456789abcdef"],
    );
    assert_eq!(status(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        status(&pavilion(&db, &["ballot", "1", "1", "3-2-101", "yes"])),
        0
    );
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("UPDATE ballots SET choice = 'no'")
        .unwrap();
    let out = pavilion(&db, &["verify"]);
    assert_eq!(status(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    // 4: another pavilion holds the database.
    let held = HostLock::acquire(&db, "run", Duration::ZERO).unwrap();
    let out = pavilion(&db, &["note", "1", "1", "--speaker", "王", "point"]);
    assert_eq!(status(&out), 4, "{}", String::from_utf8_lossy(&out.stderr));
    drop(held);
}

#[test]
fn help_is_not_an_error() {
    let out = Command::new(BIN)
        .arg("--help")
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(status(&out), 0);
}

/// RFC 3339 with seconds and offset, in the estate's offset, for every time in JSON.
#[test]
fn json_times_are_rfc3339_in_the_estates_offset() {
    let (_dir, db) = sample_db();
    let meetings: serde_json::Value =
        serde_json::from_str(&common::cli::ok(&db, &["meetings", "--json"])).unwrap();
    assert_eq!(meetings[0]["starts"], "2026-11-28T19:00:00+08:00");
    common::cli::ok(&db, &["raise", "楼道灯坏了", "--by", "李大爷"]);
    let backlog: serde_json::Value =
        serde_json::from_str(&common::cli::ok(&db, &["backlog", "--json"])).unwrap();
    let at = backlog[0]["raised_at"].as_str().unwrap();
    assert!(at.ends_with("+08:00"), "{at}");
    assert!(jiff::Timestamp::from_str(at).is_ok(), "{at}");
    assert_eq!(at.len(), "2026-11-28T19:00:00+08:00".len(), "{at}");
}
