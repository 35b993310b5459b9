//! The backups a screens session leaves when it goes quiet or quits, and a headless `close`'s:
//! made while the host is idle, handed to a process of their own, checked before they are named,
//! and a failure said at once and at the next start.

use super::*;

/// The store thread of a screens session on `db` (meeting 1), as `run` starts it.
struct Session {
    requests: Option<std::sync::mpsc::Sender<pavilion::tui::worker::Request>>,
    replies: tokio::sync::mpsc::UnboundedReceiver<pavilion::tui::worker::Reply>,
    thread: std::thread::JoinHandle<Option<Handoff>>,
}

impl Session {
    fn start(db: &Path, pace: pavilion::tui::idle_backup::Pace) -> Session {
        let store = Store::open_existing(db).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let (reply_tx, replies) = tokio::sync::mpsc::unbounded_channel();
        let thread =
            std::thread::spawn(move || pavilion::tui::serve(store, 1, &rx, &reply_tx, pace));
        Session {
            requests: Some(tx),
            replies,
            thread,
        }
    }

    /// A concern raised on screen: one write, waited for.
    fn raise(&mut self, text: &str) {
        let req = pavilion::tui::worker::Request::Raise {
            text: text.into(),
            by: "业主".into(),
            from: None,
            to_agenda: false,
        };
        self.requests.as_ref().unwrap().send(req).unwrap();
        let reply = self.replies.blocking_recv().unwrap();
        assert!(
            matches!(reply, pavilion::tui::worker::Reply::Model(_)),
            "{reply:?}"
        );
    }

    /// The screens close: the requests end and the store thread finishes; returns the backup it
    /// leaves to a process of its own.
    fn close(mut self) -> Option<Handoff> {
        self.requests.take();
        self.thread.join().unwrap()
    }
}

/// The exit backups in `db`'s backups folder.
fn exit_backups(db: &Path) -> Vec<String> {
    let dir = pavilion::store::backup::backups_dir(db);
    let all = common::cli::backups_in(&dir);
    all.into_iter()
        .filter(|n| n.contains("-exit") && n.ends_with(".db"))
        .collect()
}

/// Once the screens are closed, no half copy is left.
fn assert_no_part(db: &Path) {
    let all = common::cli::backups_in(&pavilion::store::backup::backups_dir(db));
    assert!(!all.iter().any(|n| n.contains(".part")), "{all:?}");
}

/// Waits until the exit backups are `want` (a copy is made in the background).
fn wait_for_exits(db: &Path, want: impl Fn(&[String]) -> bool) -> Vec<String> {
    let start = std::time::Instant::now();
    loop {
        let now = exit_backups(db);
        if want(&now) || start.elapsed() > Duration::from_secs(60) {
            return now;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The last event of a database file (id, hash), read as the backups catalogue reads it.
fn head_of(db: &Path) -> (i64, Option<String>) {
    let c = pavilion::store::backup::catalog::contents(db).unwrap();
    (c.events, c.head)
}

#[test]
fn the_exit_backup_is_made_while_the_host_is_idle_each_replacing_the_sessions_last() {
    let (_dir, db) = sample_db();
    ok(&db, &["raise", "楼道灯不亮", "--by", "业主"]);
    let earlier = Store::open(&db)
        .unwrap()
        .auto_backup(pavilion::store::backup::Reason::Exit);
    assert!(earlier.unwrap().made);
    let before = exit_backups(&db);
    let quick = pavilion::tui::idle_backup::Pace {
        quiet: Duration::from_millis(100),
        spacing: Duration::ZERO,
    };
    let mut session = Session::start(&db, quick);
    session.raise("车棚漏雨");
    // Idle after the change: the exit backup is made while the screens are still open.
    let first = wait_for_exits(&db, |now| now.len() == 2);
    assert_eq!(first.len(), 2, "{first:?}");
    session.raise("电梯异响");
    // Idle again: a new one replaces this session's first; the earlier session's stays.
    let second = wait_for_exits(&db, |now| now.len() == 2 && now != first.as_slice());
    assert_eq!(
        session.close(),
        None,
        "nothing changed since: nothing left to make"
    );
    assert_no_part(&db);
    let after = exit_backups(&db);
    assert_eq!(after, second, "quitting after it adds none");
    assert!(
        after.contains(&before[0]),
        "the earlier session's exit backup is kept"
    );
    let newest: Vec<&String> = after.iter().filter(|n| **n != before[0]).collect();
    let copy = pavilion::store::backup::backups_dir(&db).join(newest[0]);
    assert_eq!(head_of(&copy), head_of(&db), "it holds the last change");
    assert_verifies(&copy);
    // What the screens' exit backup then finds: nothing changed.
    let exit = Store::open_existing(&db)
        .unwrap()
        .auto_backup(pavilion::store::backup::Reason::Exit);
    assert!(!exit.unwrap().made);
}

#[test]
fn quitting_right_after_a_change_hands_off_one_checked_exit_backup_of_it() {
    let (_dir, db) = sample_db();
    let slow = pavilion::tui::idle_backup::Pace {
        quiet: Duration::from_secs(3600),
        spacing: Duration::ZERO,
    };
    let mut session = Session::start(&db, slow);
    session.raise("车棚漏雨");
    assert!(exit_backups(&db).is_empty(), "not idle yet: no copy");
    let handoff = session.close().expect("a backup is left to make");
    assert_eq!(handoff.reason, pavilion::store::backup::Reason::Exit);
    assert!(exit_backups(&db).is_empty(), "the host did not wait for it");
    assert_no_part(&db);
    // What the process it is handed to does.
    handoff.make_here(&db).unwrap();
    assert_no_part(&db);
    let after = exit_backups(&db);
    assert_eq!(after.len(), 1, "{after:?}");
    let copy = pavilion::store::backup::backups_dir(&db).join(&after[0]);
    assert_eq!(head_of(&copy), head_of(&db));
    assert_verifies(&copy);
}

/// A background backup that fails is said on screen at once, kept for the next start and for
/// `pavilion backups`, and made good by the next automatic backup that succeeds.
#[test]
fn a_failed_background_backup_is_shown_at_once_and_at_the_next_start() {
    use pavilion::store::backup::status::{self, State};
    let (_dir, db) = sample_db();
    // A file where the backups folder goes: no copy can be made.
    let backups = pavilion::store::backup::backups_dir(&db);
    std::fs::write(&backups, "not a folder").unwrap();
    let quick = pavilion::tui::idle_backup::Pace {
        quiet: Duration::from_millis(50),
        spacing: Duration::ZERO,
    };
    let mut session = Session::start(&db, quick);
    session.raise("车棚漏雨");
    let start = std::time::Instant::now();
    let failed = loop {
        match session.replies.try_recv() {
            Ok(pavilion::tui::worker::Reply::BackupFailed(why)) => break why,
            Ok(_) => {}
            Err(_) if start.elapsed() > Duration::from_secs(60) => panic!("no failure shown"),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let failed_en = failed.render(pavilion::lang::Lang::En);
    assert!(failed_en.contains("backups"), "{failed_en}");
    // Said in the reader's language, the system's own words marked (not an English sentence).
    let failed_zh = failed.render(pavilion::lang::Lang::Zh);
    assert!(failed_zh.contains("无法建立文件夹"), "{failed_zh}");
    let mut app = pavilion::tui::app::App::new(
        pavilion::lang::Lang::En,
        pavilion::tui::theme::Theme::colour(),
        jiff::civil::date(2026, 11, 28),
    );
    app.on_reply(pavilion::tui::worker::Reply::BackupFailed(failed.clone()));
    let (shown, warning) = app.status.clone().unwrap();
    assert!(
        warning && shown.contains("automatic backup failed"),
        "{shown}"
    );
    session.close();
    // Kept beside the database for the next start (the screens open with it as a warning).
    let kept = status::read(&db).expect("the failure is kept");
    assert_eq!(kept.state, State::Failed);
    let next_start = kept.warning(pavilion::lang::Lang::En).unwrap();
    assert!(
        next_start.contains("the last automatic backup"),
        "{next_start}"
    );
    assert!(next_start.contains(&failed_en), "{next_start}");
    let next_start = kept.warning(pavilion::lang::Lang::Zh).unwrap();
    assert!(next_start.contains(&failed_zh), "{next_start}");
    // Once copies can be made again, the next automatic backup makes it good.
    std::fs::remove_file(&backups).unwrap();
    let listed = ok(&db, &["backups"]);
    assert!(listed.contains("the last automatic backup"), "{listed}");
    ok(&db, &["raise", "电梯异响", "--by", "业主"]);
    let made = Store::open_existing(&db)
        .unwrap()
        .auto_backup(pavilion::store::backup::Reason::Exit)
        .unwrap();
    assert!(made.made);
    assert_eq!(status::read(&db), None);
}

/// `close` leaves its checked backup to a process of its own; `backups --wait` waits for it.
#[test]
fn a_headless_close_hands_its_backup_to_a_process_of_its_own() {
    let (_dir, db) = sample_db();
    let mut attend = vec!["attend", "1"];
    attend.extend(ROWS);
    ok(&db, &attend);
    ok(&db, &["ballot", "1", "1", ROWS[0], "yes"]);
    // Not through `ok`, which waits for it: run as a script would.
    let out = std::process::Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "close", "1", "1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // The database file alone holds the close (no log left beside it to hold it).
    let file = rusqlite::Connection::open_with_flags(
        format!("file:{}?immutable=1", db.display()),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .unwrap();
    let closes: i64 = file
        .query_row(
            "SELECT COUNT(*) FROM events WHERE kind = 'vote.close'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(closes, 1, "the close is in the database file itself");
    ok(&db, &["backups", "--wait"]);
    let names = common::cli::backups_in(&pavilion::store::backup::backups_dir(&db));
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("-close.db"), "{names:?}");
    let copy = pavilion::store::backup::backups_dir(&db).join(&names[0]);
    assert_eq!(head_of(&copy), head_of(&db), "it ends at the close");
    assert_verifies(&copy);
    assert_eq!(
        pavilion::store::backup::status::read(&db),
        None,
        "nothing left to say"
    );
}
