//! The file under the screens is the file we opened (issue 8, point 4): a database deleted or
//! replaced under an open store takes no write; the record still open is saved to a copy that holds
//! every ballot and verifies.

mod common;

use std::path::Path;

use common::tui::Harness;
use pavilion::domain::{Choice, FlatRef};
use pavilion::lang::Lang;
use pavilion::store::{BallotInput, Presence, Store, StoreError};
use pavilion::tui::worker::{Reply, Request, execute};
use ratatui::crossterm::event::KeyCode;

fn f(s: &str) -> FlatRef {
    FlatRef::parse(s).unwrap()
}

/// The open store with five ballots on item 1 (unit 3-2): 3-2-101 … 3-2-301.
fn five_ballots() -> (tempfile::TempDir, std::path::PathBuf, Store, i64) {
    let (dir, path, mut store, m) = common::estate();
    for room in ["101", "102", "201", "202", "301"] {
        store
            .cast_ballot(
                m,
                1,
                &BallotInput::in_person(&f(&format!("3-2-{room}")), Choice::Yes),
            )
            .unwrap();
    }
    (dir, path, store, m)
}

fn ballots(store: &Store, m: i64) -> Vec<(String, Option<Choice>)> {
    let item = store.item(m, 1).unwrap();
    store
        .ballot_history(item.id)
        .unwrap()
        .into_iter()
        .map(|b| (b.flat.to_string(), b.choice))
        .collect()
}

/// The copy saved from the still-open store holds every ballot and verifies on its own.
fn assert_rescued(store: &Store, m: i64, dir: &Path) {
    let dest = dir.join("rescued.db");
    let info = store.rescue_copy(&dest).unwrap();
    assert_eq!(info.path, dest);
    assert!(
        dir.join("rescued.db.head").is_file(),
        "the copy's chain head beside it"
    );
    let copy = Store::open_read_only(&dest).unwrap();
    common::assert_intact(&copy);
    assert_eq!(ballots(&copy, m), ballots(store, m));
    assert_eq!(ballots(&copy, m).len(), 5);
    // And it is what it says: `verify --against` its own copy (a usable anchor).
    assert!(copy.verify_against(&dest).is_ok());
}

fn try_ballot(store: &mut Store, m: i64) -> Result<pavilion::store::BallotRecord, StoreError> {
    store.cast_ballot(m, 1, &BallotInput::in_person(&f("3-2-302"), Choice::No))
}

#[test]
fn a_deleted_file_takes_no_write_and_the_open_record_is_rescued() {
    let (dir, path, mut store, m) = five_ballots();
    assert!(store.still_ours());
    std::fs::remove_file(&path).unwrap();
    assert!(!store.still_ours());
    let err = try_ballot(&mut store, m).unwrap_err();
    assert!(matches!(err, StoreError::NotSameFile), "{err:?}");
    // Not a database written back at the path either.
    assert!(!path.exists());
    assert_eq!(
        ballots(&store, m).len(),
        5,
        "the refused ballot was rolled back"
    );
    assert_rescued(&store, m, dir.path());
}

#[test]
fn a_replaced_file_takes_no_write_and_stays_as_it_was() {
    let (dir, path, mut store, m) = five_ballots();
    let (_other_dir, other, other_store, _) = common::estate();
    drop(other_store);
    std::fs::rename(&other, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(!store.still_ours());
    // Every kind of write is refused, the commit checks (not just the screens).
    assert!(matches!(
        try_ballot(&mut store, m).unwrap_err(),
        StoreError::NotSameFile
    ));
    assert!(matches!(
        store
            .attend(m, &f("3-2-402"), &Presence::Present)
            .unwrap_err(),
        StoreError::NotSameFile
    ));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the other file is untouched"
    );
    assert_rescued(&store, m, dir.path());
    // Nor is the other record mixed with this one through the write-ahead log named after the
    // path: once the store knows, its log is emptied into the file it holds.
    assert!(store.ensure_ours().is_err());
    let other = Store::open_read_only(&path).unwrap();
    assert!(
        ballots(&other, m).is_empty(),
        "the other record has no ballot of this one"
    );
    common::assert_intact(&other);
    drop(other);
    drop(store);
    let other = Store::open_read_only(&path).unwrap();
    assert!(ballots(&other, m).is_empty());
}

/// The CLI's store, dropped after a refused write, leaves no log for the file put at its path.
#[test]
fn a_store_dropped_after_its_file_was_replaced_leaves_no_log_behind() {
    let (_dir, path, mut store, m) = five_ballots();
    let (_other_dir, other, other_store, _) = common::estate();
    drop(other_store);
    std::fs::rename(&other, &path).unwrap();
    assert!(try_ballot(&mut store, m).is_err());
    drop(store);
    let other = Store::open_read_only(&path).unwrap();
    assert!(ballots(&other, m).is_empty());
    common::assert_intact(&other);
}

/// A reader opens a file in a folder with a Chinese name (the path goes into an SQLite URI).
#[test]
fn a_reader_opens_a_file_under_a_chinese_name() {
    let (dir, _path, store, m) = five_ballots();
    let folder = dir.path().join("证据 #1?");
    std::fs::create_dir(&folder).unwrap();
    let copy = store.backup_to(&folder.join("副本.db")).unwrap();
    let reader = Store::open_read_only(&copy.path).unwrap();
    assert_eq!(ballots(&reader, m).len(), 5);
}

#[test]
fn the_store_thread_refuses_writes_and_saves_a_copy() {
    let (dir, path, mut store, m) = five_ballots();
    std::fs::remove_file(&path).unwrap();
    let owner = store.find_flat(&f("3-2-302")).unwrap().owner_id;
    let ballot = Request::Ballot {
        item: 1,
        owner,
        flat: f("3-2-302"),
        choice: Choice::No,
        method: pavilion::store::Method::InPerson,
        proxy: None,
        reason: None,
    };
    match execute(&mut store, m, ballot).as_slice() {
        [Reply::FileGone { path: p, owners }] => {
            assert_eq!(owners, &[owner]);
            assert!(p.ends_with("pavilion.db"), "{p}");
        }
        other => panic!("{other:?}"),
    }
    // Reading still works from the connection held open.
    assert!(matches!(
        execute(&mut store, m, Request::Reload).as_slice(),
        [Reply::Model(_)]
    ));
    let dest = dir.path().join("copy.db");
    match execute(&mut store, m, Request::RescueCopy { dest: dest.clone() }).as_slice() {
        [Reply::Rescued { path, events }] => {
            assert_eq!(path, &dest);
            assert!(*events > 5);
        }
        other => panic!("{other:?}"),
    }
    // A second copy to the same name is refused, not overwritten.
    assert!(matches!(
        execute(&mut store, m, Request::RescueCopy { dest }).as_slice(),
        [Reply::Failed(_)]
    ));
}

/// Through the screens' keys: the ballot is refused, the screen says so and offers the copy, the
/// host types a path and the copy is saved.
#[test]
fn the_screens_stop_writing_say_so_and_save_a_copy_where_the_host_says() {
    let mut h = Harness::new(Lang::Zh);
    let path = h.dir.path().join("pavilion.db");
    for e in h.store.roster().unwrap() {
        if e.flat.building == "3" && e.flat.unit == "2" {
            h.store
                .attend(h.meeting, &e.flat, &Presence::Present)
                .unwrap();
        }
    }
    h.app.send(Request::Reload);
    h.pump();
    h.press(KeyCode::Enter);
    h.keys("v");
    h.keys("y");
    let item = h.store.item(h.meeting, 1).unwrap();
    let recorded = h.store.ballot_history(item.id).unwrap().len();
    assert_eq!(recorded, 1);
    std::fs::remove_file(&path).unwrap();
    h.keys("y");
    assert_eq!(
        h.store.ballot_history(item.id).unwrap().len(),
        1,
        "nothing written"
    );
    assert!(h.app.pending.is_empty(), "no ballot shown as on its way");
    let screen = h.render(120, 36);
    assert!(screen.contains("未写入"), "{screen}");
    assert!(screen.contains("保存副本"), "the copy is offered: {screen}");
    let dest = h.dir.path().join("救回.db");
    h.type_text(&dest.display().to_string());
    h.press(KeyCode::F(2));
    let screen = h.render(120, 36);
    assert!(screen.contains("副本已保存并核验"), "{screen}");
    let copy = Store::open_read_only(&dest).unwrap_or_else(|e| panic!("{e:?} {screen}"));
    common::assert_intact(&copy);
    assert_eq!(copy.ballot_history(item.id).unwrap().len(), 1);
    // Later writes are refused too; closing the offer with Esc keeps the screens as they were.
    h.press(KeyCode::Esc);
    assert!(h.app.modal.is_none());
    assert!(!path.exists(), "no database is created at the path");
}

/// The real binary in a real terminal: the file deleted under the screens, a sign-in refused and
/// said so, a copy typed in and saved, and nothing created at the path on exit.
#[test]
fn in_a_real_terminal_the_deleted_file_is_said_and_a_copy_saved() {
    use common::cli::{BIN, Tmux, ok, sample_db, tmux_available};
    use std::time::{Duration, Instant};
    const WAIT: Duration = Duration::from_secs(15);
    if !tmux_available("file_identity") {
        return;
    }
    let (dir, db) = sample_db();
    ok(&db, &["attend", "1", "3-2-101"]);
    let command = format!("{BIN} --db '{}' --lang en run 1", db.display());
    let tmux = Tmux::start(dir.path(), "gone", &command);
    tmux.wait_for("Agenda", WAIT);
    // The screens tell the room display what they show just after the first frame, a write of
    // their own; the file is deleted after it, or that write (no key pressed) would be the one
    // refused and the copy's form open before the test's sign-in.
    let start = Instant::now();
    while common::cli::column(&db, "SELECT CAST(meeting_id AS TEXT) FROM display").is_empty() {
        assert!(
            start.elapsed() < WAIT,
            "the screens wrote what the display shows"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::remove_file(&db).unwrap();
    tmux.keys(&["s"]);
    tmux.wait_for("type a flat", WAIT);
    tmux.keys(&["-l", "3-2-102"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Save a copy", WAIT);
    assert!(screen.contains("NOT WRITING"), "{screen}");
    let dest = dir.path().join("rescued.db");
    tmux.keys(&["-l", &dest.display().to_string()]);
    tmux.keys(&["F2"]);
    tmux.wait_for("copy saved and checked", WAIT);
    tmux.keys(&["Escape"]);
    tmux.wait_for("Agenda", WAIT);
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.format("#{pane_dead}") != "1" {
        assert!(start.elapsed() < WAIT, "the program did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!db.exists(), "exiting created no database");
    common::cli::assert_verifies(&dest);
    let here = ok(&dest, &["tally", "1", "1", "--json"]);
    assert!(here.contains("\"status\""), "{here}");
    let copy = Store::open_read_only(&dest).unwrap();
    let signed: Vec<_> = copy.attendance(1).unwrap().into_values().collect();
    assert_eq!(
        signed.len(),
        1,
        "the sign-in before the deletion, not the refused one"
    );
}
