//! After years of meetings: a 5,000-flat estate with 30 meetings of 5 voted items each (about
//! 3,000 ballots per item, 450,000 events). Prints how long what a host waits on takes — closing a vote and its backup,
//! the backup when the screens close (after a change, and with nothing changed), verify, export of
//! one meeting — and the size of the backups folder. Asserts nothing about speed.
//! Run: `cargo bench --bench history`

mod common;

use common::{estate_rows, measure, once, print_load, show};
use pavilion::domain::RosterRow;
use pavilion::export::{self, Format, Lang, Variant};
use pavilion::store::Store;
use pavilion::store::backup::{Reason, backups_dir, catalog};
use pavilion::tui::idle_backup::Pace;
use pavilion::tui::worker::Request;

const FLATS: usize = 5_000;
const MEETINGS: usize = 30;
const ITEMS: usize = 5;

fn main() {
    print_load();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("history.db");
    let rows: Vec<RosterRow> = estate_rows().into_iter().take(FLATS).collect();
    let titles: Vec<String> = (1..=ITEMS).map(|i| format!("议题{i}")).collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut store = Store::open(&path).unwrap();
    store.init("基准小区").unwrap();
    store.import_roster(&rows, "bench").unwrap();
    let mut ballots = 0;
    once("build: 30 meetings × 5 items", || {
        for m in 0..MEETINGS {
            let mut plan = common::meeting(&titles);
            plan.title = format!("第{}次议事会", m + 1);
            let id = store.intake(&plan, "bench").unwrap();
            for item in 1..=ITEMS as i64 {
                let inputs = common::written_where(&rows, m, |i, _| {
                    !(i + m + item as usize).is_multiple_of(3) && i % 10 != 1
                });
                ballots += store.cast_ballots(id, item, &inputs).unwrap().unwrap();
                // The last meeting's votes stay open: they are closed below, timed.
                if m + 1 < MEETINGS {
                    store.close_vote(id, item).unwrap();
                }
            }
        }
    });
    let events = store.events(None).unwrap().len();
    let bytes = std::fs::metadata(&path).unwrap().len();
    println!(
        "history: {events} events, {ballots} ballots ({} per item), database {} MB",
        ballots / (MEETINGS * ITEMS),
        bytes / 1_000_000
    );
    let last = MEETINGS as i64;

    // The first automatic backup checks the whole chain; later ones only what is new.
    once("first automatic backup (whole chain checked)", || {
        store.auto_backup(Reason::Exit).unwrap()
    });
    // Headless `close` (the real program, whole command) hands its backup to a process of its
    // own; the screens start it in the background and go on.
    drop(store);
    for item in 1..=3 {
        once(
            &format!("`pavilion close` vote {item}, whole command"),
            || {
                let out = std::process::Command::new(env!("CARGO_BIN_EXE_pavilion"))
                    .arg("--db")
                    .arg(&path)
                    .args(["close", &last.to_string(), &item.to_string()])
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{out:?}");
            },
        );
        once(
            "  its close backup, in the process it was handed to",
            || pavilion::store::backup::status::wait(&path),
        );
    }
    let mut store = Store::open_existing(&path).unwrap();
    for item in 4..=ITEMS as i64 {
        once(
            &format!("on screen: close vote {item}, backup started"),
            || {
                store.close_vote(last, item).unwrap();
                store.auto_backup_in_background(Reason::Close);
            },
        );
        once("  a change committed while it copies", || {
            store.raise_concern("楼道灯不亮", "业主", None).unwrap()
        });
        once("  the background backup finished", || {
            store.finish_backups()
        });
    }
    let mut n = 0;
    let after_change = measure(5, |_| {
        n += 1;
        store
            .raise_concern(&format!("楼道灯不亮 {n}"), "业主", None)
            .unwrap();
        store.auto_backup(Reason::Exit).unwrap();
    });
    show(
        "quit backup after one change (incl. the change)",
        &after_change,
    );
    // Quitting the screens as the host does it: the store thread of a session (`tui::serve`), one
    // change on screen, then `q` some seconds later; the wait is the store thread finishing (a
    // copy still being made called off) and the backup left to make handed to a process of its
    // own (the real program), or, with none left, the exit backup the screens make after it
    // (which then finds nothing changed).
    drop(store);
    for after in [0u64, 4, 8] {
        let mut waits = Vec::new();
        let mut handed = Vec::new();
        for i in 0..3 {
            let (tx, rx) = std::sync::mpsc::channel();
            let (reply_tx, mut replies) = tokio::sync::mpsc::unbounded_channel();
            let opened = Store::open_existing(&path).unwrap();
            let thread = std::thread::spawn(move || {
                pavilion::tui::serve(opened, last, &rx, &reply_tx, Pace::SCREENS)
            });
            tx.send(Request::Raise {
                text: format!("楼道灯不亮 {after}-{i}"),
                by: "业主".into(),
                from: None,
                to_agenda: false,
            })
            .unwrap();
            replies.blocking_recv().unwrap();
            std::thread::sleep(std::time::Duration::from_secs(after));
            let t = std::time::Instant::now();
            drop(tx);
            match thread.join().unwrap() {
                Some(handoff) => {
                    let exe = std::path::Path::new(env!("CARGO_BIN_EXE_pavilion"));
                    pavilion::cli::handoff::hand_off_to(exe, &path, &handoff);
                    waits.push(t.elapsed());
                    pavilion::store::backup::status::wait(&path);
                    handed.push(t.elapsed());
                }
                None => {
                    let again = Store::open_existing(&path).unwrap();
                    let made = again.auto_backup(Reason::Exit).unwrap().made;
                    waits.push(t.elapsed());
                    assert!(!made, "the store thread left the exit backup made");
                }
            }
        }
        show(
            &format!("quit {after} s after a change on screen (until the prompt)"),
            &common::stats(waits),
        );
        if !handed.is_empty() {
            show(
                &format!(
                    "  handed off {} of 3 times; until that copy is made",
                    handed.len()
                ),
                &common::stats(handed),
            );
        }
    }
    let store = Store::open_existing(&path).unwrap();
    let unchanged = measure(5, |_| {
        assert!(!store.auto_backup(Reason::Exit).unwrap().made);
    });
    show("quit backup, nothing changed (skipped)", &unchanged);
    let verify = measure(3, |_| {
        assert!(store.verify().unwrap().findings.is_empty());
    });
    show("verify (whole history)", &verify);
    for (label, meeting) in [
        ("export md, first meeting", 1),
        ("export md, last meeting", last),
    ] {
        let s = measure(5, |_| {
            export::export(
                &store,
                meeting,
                Format::Markdown,
                Variant::Minutes,
                Lang::Zh,
            )
            .unwrap();
        });
        show(label, &s);
    }
    let kept = catalog::entries(&backups_dir(&path), "history").unwrap();
    println!(
        "backups kept: {} files, {} MB in all (database {} MB)",
        kept.len(),
        kept.iter().map(|e| e.bytes).sum::<u64>() / 1_000_000,
        std::fs::metadata(&path).unwrap().len() / 1_000_000
    );
}
