//! Backups (by hand and automatic), restore, upgrades, and one host at a time — through the binary.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::cli::{
    BIN, assert_verifies, backups_in, dump, make_previous_version, ok, pavilion, root, sample_db,
};
use pavilion::store::backup::catalog::{contents, parse_name};
use pavilion::store::backup::{EXIT_BACKUPS_KEPT, Reason, backups_dir};
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
    assert_eq!(
        names.len(),
        2,
        "one file and its chain head, nothing else beside it: {names:?}"
    );
    assert!(
        names[0].starts_with("pavilion-") && names[0].ends_with("-backup.db"),
        "{names:?}"
    );
    assert_eq!(names[1], format!("{}.head", names[0]));
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

/// The automatic backups in the folder, by kind label (`close`, `exit`, …).
fn kinds_in(db: &Path) -> Vec<String> {
    backups_in(&backups_dir(db))
        .iter()
        .filter_map(|n| parse_name(n, "pavilion").map(|p| p.kind.label().to_string()))
        .collect()
}

#[test]
fn every_close_backup_survives_many_exits_and_only_the_last_exit_backups_are_kept() {
    let (_dir, db) = sample_db();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    ok(&db, &["close", "1", "1"]);
    let backups = backups_dir(&db);
    let names = backups_in(&backups);
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("-close.db"), "{names:?}");
    let first_close = backups.join(&names[0]);
    assert_eq!(tally_json(&first_close)["status"], "closed");
    // Four more meetings, each closing a vote: five close backups.
    let agenda =
        std::fs::read_to_string(root().join("agendas/hongqi-2026-11-28-elevator.toml")).unwrap();
    for m in 2..=5 {
        let file = db.with_file_name(format!("agenda-{m}.toml"));
        std::fs::write(
            &file,
            agenda.replace("3号楼加装电梯议事会\"", &format!("第{m}次议事会\"")),
        )
        .unwrap();
        let id = ok(&db, &["intake", file.to_str().unwrap()]);
        assert_eq!(id.trim(), m.to_string());
        ok(&db, &["close", id.trim(), "1"]);
    }
    let closes: Vec<String> = backups_in(&backups);
    assert_eq!(closes.len(), 5, "{closes:?}");

    // 25 openings of the screens, each leaving something new: 30 automatic backups in all.
    let mut store = Store::open(&db).unwrap();
    let before_restore = store.auto_backup(Reason::Restore).unwrap();
    for i in 0..25 {
        store
            .raise_concern(&format!("楼道灯不亮 {i}"), "业主", None)
            .unwrap();
        let exit = store.auto_backup(Reason::Exit).unwrap();
        assert!(exit.made, "something changed, so a copy is made");
    }
    drop(store);
    let mut kinds = kinds_in(&db);
    kinds.sort();
    let mut expected = vec!["before-restore".to_string()];
    expected.extend(std::iter::repeat_n("close".to_string(), 5));
    expected.extend(std::iter::repeat_n("exit".to_string(), EXIT_BACKUPS_KEPT));
    assert_eq!(kinds, expected, "{:?}", backups_in(&backups));
    for name in &closes {
        assert!(backups.join(name).exists(), "close backup {name} kept");
    }
    assert!(before_restore.path.exists());
    // The exit backups kept are the last ones: the newest holds the last concern.
    let newest_exit = backups_in(&backups)
        .into_iter()
        .filter(|n| n.contains("-exit"))
        .map(|n| backups.join(n))
        .max_by_key(|p| contents(p).unwrap().events)
        .unwrap();
    assert_eq!(contents(&newest_exit).unwrap(), contents(&db).unwrap());

    // `pavilion backups` lists them all with their sizes and what each is from.
    let listed: serde_json::Value = serde_json::from_str(&ok(&db, &["backups", "--json"])).unwrap();
    let rows = listed["backups"].as_array().unwrap();
    assert_eq!(rows.len(), 5 + 1 + EXIT_BACKUPS_KEPT);
    let total: u64 = rows.iter().map(|r| r["bytes"].as_u64().unwrap()).sum();
    assert_eq!(listed["backups_bytes"].as_u64(), Some(total));
    let close_rows: Vec<&serde_json::Value> =
        rows.iter().filter(|r| r["kind"] == "close").collect();
    let meetings: Vec<i64> = close_rows
        .iter()
        .map(|r| r["meeting"].as_i64().unwrap())
        .collect();
    assert_eq!(meetings, vec![1, 2, 3, 4, 5]);
    assert!(close_rows.iter().all(|r| r["item"] == 1));
    let text = ok(&db, &["backups"]);
    assert!(
        text.contains("vote closed") && text.contains("meeting 3, item 1"),
        "{text}"
    );
    assert!(
        text.contains(&format!("the last {EXIT_BACKUPS_KEPT}")),
        "{text}"
    );
}

#[test]
fn an_automatic_backup_is_skipped_when_nothing_changed_since_the_last() {
    let (_dir, db) = sample_db();
    let mut store = Store::open(&db).unwrap();
    let first = store.auto_backup(Reason::Exit).unwrap();
    assert!(first.made);
    let modified = std::fs::metadata(&first.path).unwrap().modified().unwrap();
    // Nothing changed: no copy; the newest backup already holds this record.
    let again = store.auto_backup(Reason::Exit).unwrap();
    assert!(!again.made);
    assert_eq!(again.path, first.path);
    assert_eq!(again.head, first.head);
    assert_eq!(backups_in(&backups_dir(&db)).len(), 1);
    assert_eq!(
        std::fs::metadata(&first.path).unwrap().modified().unwrap(),
        modified
    );
    // One change: a fresh copy, checked from where the last one ended.
    store.raise_concern("车棚漏雨", "业主", None).unwrap();
    let changed = store.auto_backup(Reason::Exit).unwrap();
    assert!(changed.made);
    assert_eq!(changed.events, first.events + 1);
    assert_eq!(backups_in(&backups_dir(&db)).len(), 2);
    assert_verifies(&changed.path);
    // A copy before a restore is always made, even when nothing changed.
    assert!(store.auto_backup(Reason::Restore).unwrap().made);
}

#[test]
fn an_automatic_backup_whose_new_events_were_forged_in_the_copy_is_not_kept() {
    let (_dir, db) = sample_db();
    let mut store = Store::open(&db).unwrap();
    let first = store.auto_backup(Reason::Exit).unwrap();
    // Events after the last checked head are checked: one edited behind the program's back
    // (triggers dropped) fails the copy's check, and nothing is kept under a backup name.
    store.raise_concern("车棚漏雨", "业主", None).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER events_no_update;
         UPDATE events SET data = '{}' WHERE id = (SELECT MAX(id) FROM events);",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&db).unwrap();
    let err = store.auto_backup(Reason::Exit).unwrap_err().to_string();
    assert!(err.contains("it was edited"), "{err}");
    assert_eq!(
        backups_in(&backups_dir(&db)),
        vec![
            first
                .path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        ]
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
    let kept: Vec<String> = backups_in(&backups_dir(&db))
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
    let names = backups_in(&backups_dir(&db));
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

/// Moves the WAL into the database file, so that damage to the file is damage to the record.
fn checkpoint(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
}

#[test]
fn restore_works_over_a_damaged_or_missing_database_and_keeps_the_damaged_file() {
    let (dir, db) = sample_db();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    let saved = dir.path().join("saved.db");
    ok(&db, &["backup", saved.to_str().unwrap()]);
    let at_backup = tally_json(&db);
    ok(&db, &["ballot", "1", "1", "3-2-102", "no"]);
    checkpoint(&db);

    // 1. Pages in the middle of the file overwritten: SQLite's check fails.
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    assert!(bytes.len() > 6 * page);
    for b in &mut bytes[2 * page..5 * page] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let out = pavilion(&db, &["restore", saved.to_str().unwrap(), "--yes"]);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("— damaged ("), "{stdout}");
    assert!(stdout.contains("verify: ok"), "{stdout}");
    assert_eq!(tally_json(&db), at_backup);
    assert_verifies(&db);
    let damaged: Vec<String> = backups_in(&backups_dir(&db))
        .into_iter()
        .filter(|n| n.ends_with("-damaged.db"))
        .collect();
    assert_eq!(damaged.len(), 1, "{:?}", backups_in(&backups_dir(&db)));
    assert!(
        stdout.contains(&damaged[0]),
        "the message names it: {stdout}"
    );
    assert_eq!(
        std::fs::read(backups_dir(&db).join(&damaged[0])).unwrap(),
        bytes,
        "the damaged file is kept as it was"
    );

    // 2. Not a database at all any more (its header overwritten).
    checkpoint(&db);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[..100].copy_from_slice(&[b'x'; 100]);
    std::fs::write(&db, &bytes).unwrap();
    let out = pavilion(&db, &["restore", saved.to_str().unwrap(), "--yes"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(tally_json(&db), at_backup);
    let kept = backups_in(&backups_dir(&db))
        .into_iter()
        .filter(|n| n.contains("-damaged"))
        .count();
    assert_eq!(kept, 2);

    // 3. Missing altogether.
    for side in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", db.display()));
    }
    let out = pavilion(&db, &["restore", saved.to_str().unwrap(), "--yes"]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("— missing"));
    assert_eq!(tally_json(&db), at_backup);
    assert_verifies(&db);
    assert_verifies(&saved);
}
