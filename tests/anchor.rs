//! What anchors the record beyond re-hashing (issue 8, point 9): an older backup — made by hand or
//! automatically — whose chain must be where the current record began.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{ok, pavilion, sample_voted};
use pavilion::store::Store;
use pavilion::store::backup::{EXIT_BACKUPS_KEPT, Reason, backups_dir};

#[test]
fn a_rehashed_chain_is_caught_against_an_older_backup() {
    let (dir, db) = sample_voted();
    let backup = dir.path().join("usb.db");
    let out = ok(&db, &["backup", backup.to_str().unwrap()]);
    assert!(out.contains("usb.db.head"), "{out}");
    let sidecar = std::fs::read_to_string(dir.path().join("usb.db.head")).unwrap();
    ok(&db, &["attend", "1", "3-2-301"]);
    let out = ok(&db, &["verify", "--against", backup.to_str().unwrap()]);
    assert!(out.contains("is where this record began"), "{out}");

    // The first ballot (3-2-101 yes, on the open item 1) becomes "no", in its row and its event,
    // and every event from there on is re-hashed; the triggers are put back.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;
         UPDATE ballots SET choice = 'no' WHERE id = 1;
         UPDATE events SET data = replace(data, '\"choice\":\"yes\"', '\"choice\":\"no\"')
         WHERE id = (SELECT MIN(id) FROM events WHERE kind = 'ballot');",
    )
    .unwrap();
    common::cli::rehash_chain(&conn, &db);
    conn.execute_batch(
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;",
    )
    .unwrap();
    drop(conn);
    ok(&db, &["verify"]);
    let out = pavilion(&db, &["verify", "--against", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "verification failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the history before the backup was rewritten"),
        "{stderr}"
    );

    // The backup itself altered (re-hashed the same way) no longer matches its sidecar.
    std::fs::write(
        dir.path().join("usb.db.head"),
        sidecar.replace("head ", "head 0"),
    )
    .unwrap();
    let out = pavilion(&db, &["verify", "--against", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("does not match the chain head in its .head file"),
        "{stderr}"
    );
    // A backup that is not there is a refusal (1), not a failed verification.
    let out = pavilion(&db, &["verify", "--against", "no-such-backup.db"]);
    assert_eq!(out.status.code(), Some(1));
}

/// The files of `backups/` ending in `suffix`.
fn in_backups(db: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(backups_dir(db))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    found.sort();
    found
}

/// Every automatic backup has its chain head beside it, works as an anchor, and its sidecar goes
/// when the budget removes it.
#[test]
fn automatic_backups_carry_their_chain_head_and_anchor_the_record() {
    let (_dir, db) = sample_voted();
    ok(&db, &["close", "1", "1"]);
    let closes = in_backups(&db, "-close.db");
    assert_eq!(closes.len(), 1);
    let close = &closes[0];
    let head_file = PathBuf::from(format!("{}.head", close.display()));
    let sidecar = std::fs::read_to_string(&head_file).unwrap();
    let store = Store::open_read_only(close).unwrap();
    let v = store.verify().unwrap();
    assert!(sidecar.contains(&format!("head {}", v.head)), "{sidecar}");
    drop(store);
    ok(&db, &["attend", "1", "3-2-301"]);
    let out = ok(&db, &["verify", "--against", close.to_str().unwrap()]);
    assert!(out.contains("is where this record began"), "{out}");
    // The sidecar altered: the backup no longer matches it (exit 3, verification failed).
    std::fs::write(&head_file, sidecar.replace("head ", "head 0")).unwrap();
    let out = pavilion(&db, &["verify", "--against", close.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{out:?}");

    // Exit backups beyond the budget go with their sidecars: none is left without its backup.
    let mut store = Store::open(&db).unwrap();
    for i in 0..EXIT_BACKUPS_KEPT + 2 {
        store
            .raise_concern(&format!("楼道灯不亮 {i}"), "业主", None)
            .unwrap();
        store.auto_backup(Reason::Exit).unwrap();
    }
    drop(store);
    let backups = in_backups(&db, ".db");
    let heads = in_backups(&db, ".db.head");
    let exits = backups
        .iter()
        .filter(|b| b.to_string_lossy().contains("-exit"))
        .count();
    assert_eq!(exits, EXIT_BACKUPS_KEPT, "the budget removed some");
    assert_eq!(heads.len(), backups.len(), "{backups:?} / {heads:?}");
    for b in &backups {
        let head = format!("{}.head", b.display());
        assert!(
            heads.iter().any(|h| h.as_os_str() == head.as_str()),
            "{head} is there"
        );
    }
}
