//! Backups (by hand and automatic), restore, upgrades, and one host at a time — through the binary.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::cli::{BIN, assert_verifies, dump, ok, pavilion, root, sample_db};
use pavilion::store::backup::{AUTO_BACKUPS_KEPT, Reason, backups_dir};
use pavilion::store::lock::HostLock;
use pavilion::store::{SCHEMA_VERSION, Store};

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn tally_json(db: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(db, &["tally", "1", "1", "--json"])).unwrap()
}

/// `restore` with an answer typed on stdin.
fn restore_answering(db: &Path, file: &Path, answer: &str) -> std::process::Output {
    let mut child = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "restore"])
        .arg(file)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn backup_to_a_folder_or_a_file_gives_one_checked_self_contained_file() {
    let (dir, db) = sample_db();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    let stick = dir.path().join("usb");
    std::fs::create_dir(&stick).unwrap();
    let out = ok(&db, &["backup", stick.to_str().unwrap()]);
    assert!(out.contains("checked after copying"), "{out}");
    let names = files_in(&stick);
    assert_eq!(names.len(), 1, "one file, nothing beside it: {names:?}");
    assert!(
        names[0].starts_with("pavilion-") && names[0].ends_with("-backup.db"),
        "{names:?}"
    );
    let copy = stick.join(&names[0]);
    assert_eq!(dump(&copy), dump(&db), "the copy holds the same record");
    assert_verifies(&copy);

    let named = dir.path().join("copy.db");
    ok(&db, &["backup", named.to_str().unwrap()]);
    assert_eq!(tally_json(&named), tally_json(&db));
    // An existing file is never overwritten.
    let again = pavilion(&db, &["backup", named.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn closing_a_vote_leaves_a_backup_and_only_the_last_twenty_routine_ones_are_kept() {
    let (_dir, db) = sample_db();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    ok(&db, &["close", "1", "1"]);
    let backups = backups_dir(&db);
    let names = files_in(&backups);
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("-close.db"), "{names:?}");
    let copy = backups.join(&names[0]);
    assert_eq!(tally_json(&copy)["status"], "closed");

    // Many more: the oldest routine ones go; the copy kept before a restore stays.
    let store = Store::open(&db).unwrap();
    let kept = store.auto_backup(Reason::Restore).unwrap();
    for _ in 0..AUTO_BACKUPS_KEPT + 4 {
        store.auto_backup(Reason::Exit).unwrap();
    }
    let names = files_in(&backups);
    assert_eq!(names.len(), AUTO_BACKUPS_KEPT + 1, "{names:?}");
    assert!(kept.path.exists());
    assert!(
        !copy.exists(),
        "the oldest routine backup (the close) was removed"
    );
}

#[test]
fn restore_checks_the_file_asks_keeps_the_current_database_then_replaces_it() {
    let (dir, db) = sample_db();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    let saved = dir.path().join("saved.db");
    ok(&db, &["backup", saved.to_str().unwrap()]);
    let at_backup = tally_json(&db);
    ok(&db, &["ballot", "1", "1", "3-2-102", "no"]);
    let before = dump(&db);

    // Answering anything but yes changes nothing.
    let out = restore_answering(&db, &saved, "no\n");
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Type yes"), "{stdout}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not restored"),
        "{out:?}"
    );
    assert_eq!(dump(&db), before);

    let out = restore_answering(&db, &saved, "yes\n");
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("verify: ok"), "{stdout}");
    assert_eq!(tally_json(&db), at_backup);
    assert_verifies(&db);
    // The database as it was before is kept.
    let kept: Vec<String> = files_in(&backups_dir(&db))
        .into_iter()
        .filter(|n| n.ends_with("-before-restore.db"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(dump(&backups_dir(&db).join(&kept[0])), before);
    // The backup file itself is untouched and nothing is left beside the database.
    assert_verifies(&saved);
    assert!(!dir.path().join("pavilion.db.restoring").exists());
}

#[test]
fn restore_refuses_a_damaged_tampered_or_foreign_file_and_changes_nothing() {
    let (dir, db) = sample_db();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    let before = dump(&db);

    let tampered = dir.path().join("tampered.db");
    ok(&db, &["backup", tampered.to_str().unwrap()]);
    let conn = rusqlite::Connection::open(&tampered).unwrap();
    conn.execute("UPDATE ballots SET choice = 'no'", [])
        .unwrap();
    drop(conn);
    let out = pavilion(&db, &["restore", tampered.to_str().unwrap(), "--yes"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("does not pass verify"), "{stderr}");
    assert!(stderr.contains("ballots id 1: choice is 'no'"), "{stderr}");

    let text = dir.path().join("notes.db");
    std::fs::write(&text, "这不是数据库").unwrap();
    let out = pavilion(&db, &["restore", text.to_str().unwrap(), "--yes"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a pavilion database"),
        "{out:?}"
    );

    let mut torn = std::fs::read(dir.path().join("tampered.db")).unwrap();
    torn.truncate(torn.len() / 2);
    let torn_path = dir.path().join("torn.db");
    std::fs::write(&torn_path, torn).unwrap();
    let out = pavilion(&db, &["restore", torn_path.to_str().unwrap(), "--yes"]);
    assert!(!out.status.success(), "{out:?}");

    assert_eq!(dump(&db), before);
    assert!(
        !backups_dir(&db).exists(),
        "nothing was replaced, nothing kept"
    );
}

/// A database from schema 1: what this build finds when an estate upgrades. Schema 1 had no cost
/// plans, so its meeting is the sample taken in without one.
fn previous_version() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pavilion.db");
    ok(&db, &["init", "--estate", "红旗小区"]);
    ok(&db, &["roster", "import", "agendas/roster-hongqi.csv"]);
    let agenda =
        std::fs::read_to_string(root().join("agendas/hongqi-2026-11-28-elevator.toml")).unwrap();
    let start = agenda.find("[items.cost]").unwrap();
    let end = start + agenda[start..].find("[[items]]").unwrap();
    let file = dir.path().join("agenda.toml");
    std::fs::write(&file, format!("{}{}", &agenda[..start], &agenda[end..])).unwrap();
    ok(&db, &["intake", file.to_str().unwrap()]);
    (dir, db)
}

fn make_previous_version(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "DROP INDEX ballots_item; DROP TABLE cost_plans; DROP TABLE display;
         DROP TABLE flat_history; PRAGMA application_id = 0; PRAGMA user_version = 1;",
    )
    .unwrap();
}

#[test]
fn an_older_database_is_backed_up_then_migrated_and_a_newer_one_refused() {
    let (_dir, db) = previous_version();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    make_previous_version(&db);
    let old = dump(&db);
    // Readers read the older file as it is: nothing migrated, nothing written.
    ok(&db, &["tally", "1", "1", "--json"]);
    assert_eq!(dump(&db), old);

    let out = pavilion(&db, &["attend", "1", "3-2-102"]);
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("from schema 1 to {SCHEMA_VERSION}")),
        "{stderr}"
    );
    let names = files_in(&backups_dir(&db));
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("-v1-before-upgrade.db"), "{names:?}");
    assert!(
        stderr.contains(&names[0]),
        "the message says where: {stderr}"
    );
    assert_eq!(dump(&backups_dir(&db).join(&names[0])), old);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.upgraded().is_none(), "only once");
    drop(store);
    assert_verifies(&db);

    // From a newer version: refused with both numbers, nothing touched.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
        .unwrap();
    drop(conn);
    let newer = dump(&db);
    let out = pavilion(&db, &["ballot", "1", "1", "3-2-102", "no"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "schema {}; this build knows up to {SCHEMA_VERSION}",
            SCHEMA_VERSION + 5
        )),
        "{stderr}"
    );
    assert_eq!(dump(&db), newer);
}

#[test]
fn one_host_at_a_time_writers_wait_then_refuse_naming_the_holder_readers_go_on() {
    let (_dir, db) = sample_db();
    let held = HostLock::acquire(&db, "run", Duration::ZERO).unwrap();
    let pid = std::process::id();

    // Another host is refused at once, before any screen opens.
    let start = Instant::now();
    let out = pavilion(&db, &["run"]);
    common::cli::assert_refused_by_host(&out, pid);
    assert!(start.elapsed() < Duration::from_secs(2));

    // A headless writer waits a little, then refuses the same way; nothing is written.
    let before = dump(&db);
    let start = Instant::now();
    let out = pavilion(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    let waited = start.elapsed();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("in use by `pavilion run` (process {pid}, since ")),
        "{stderr}"
    );
    assert!(waited >= Duration::from_millis(2900), "{waited:?}");
    assert_eq!(dump(&db), before);

    // Readers need no lock.
    ok(&db, &["tally", "1", "1"]);
    ok(&db, &["verify"]);

    // Once the holder lets go, a waiting writer goes ahead.
    let writer = std::thread::spawn({
        let db = db.clone();
        move || pavilion(&db, &["ballot", "1", "1", "3-2-101", "yes"])
    });
    std::thread::sleep(Duration::from_millis(500));
    drop(held);
    let out = writer.join().unwrap();
    assert!(out.status.success(), "{out:?}");
}
