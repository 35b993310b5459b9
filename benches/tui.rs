//! TUI figures: keypress → ballot committed → frame drawn with 20,000 owners in scope; drawing the
//! roll call at 160×48; start-up (open, load, first frame). Prints figures; asserts nothing.
//! Run: `cargo bench --bench tui`

mod common;

use std::time::Instant;

use common::{estate_rows, measure, show};
use pavilion::lang::Lang;
use pavilion::store::Store;
use pavilion::tui::app::App;
use pavilion::tui::model::{Model, Roster};
use pavilion::tui::theme::Theme;
use pavilion::tui::worker::{Reply, Request, Session, execute_in};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

thread_local! {
    /// What the store thread keeps between requests (the roster's list its roll calls read).
    static SESSION: std::cell::RefCell<Session> = Default::default();
}

/// Runs the app's requests against the store, as the store thread does.
fn pump(app: &mut App, store: &mut Store, meeting: i64) {
    loop {
        let requests = app.take_requests();
        if requests.is_empty() {
            return;
        }
        for r in requests {
            let replies = SESSION.with(|s| execute_in(&mut s.borrow_mut(), store, meeting, r));
            for reply in replies {
                app.on_reply(reply);
            }
        }
    }
}

fn main() {
    common::print_load();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("estate.db");
    let mut store = Store::open(&path).unwrap();
    store.init("基准小区").unwrap();
    store.import_roster(&estate_rows(), "bench").unwrap();
    let meeting = store
        .intake(&common::meeting(&["全体表决"]), "bench")
        .unwrap();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();

    // Start-up: open the file, load the meeting, draw the first frame (the real `run` does the
    // same before the terminal switches over; terminal set-up itself is not included).
    let startup = measure(20, |_| {
        let store = Store::open(&path).unwrap();
        let mut app = App::new(Lang::Zh, Theme::colour(), jiff::civil::date(2026, 11, 28));
        app.on_reply(Reply::Model(Box::new(
            Model::load(&store, meeting).unwrap(),
        )));
        terminal.draw(|f| app.draw(f)).unwrap();
    });
    show("start-up to first frame, 20,000-flat estate", &startup);
    // The roster's list follows from the store thread (nothing on screen changes it after).
    let store_now = Store::open(&path).unwrap();
    let list = measure(20, |_| {
        std::hint::black_box(Roster::load(&store_now).unwrap());
    });
    show("  then the sign-in list (store thread, after)", &list);
    drop(store_now);
    let sample_dir = tempfile::tempdir().unwrap();
    let sample = sample_dir.path().join("demo.db");
    let m = pavilion::demo::prepare(&sample).unwrap();
    let startup_sample = measure(20, |_| {
        let store = Store::open(&sample).unwrap();
        let mut app = App::new(Lang::Zh, Theme::colour(), jiff::civil::date(2026, 11, 28));
        app.on_reply(Reply::Model(Box::new(Model::load(&store, m).unwrap())));
        terminal.draw(|f| app.draw(f)).unwrap();
    });
    show(
        "start-up to first frame, sample estate (288 flats)",
        &startup_sample,
    );

    let mut app = App::new(Lang::Zh, Theme::colour(), jiff::civil::date(2026, 11, 28));
    app.take_requests();
    app.on_reply(Reply::Model(Box::new(
        Model::load(&store, meeting).unwrap(),
    )));
    app.send(Request::Roster);
    pump(&mut app, &mut store, meeting);
    let plain = common::PlainCommit::new(dir.path());

    // Sign-in of one owner (issue 10): the flat typed (a frame after each key, timed per key),
    // then Enter → the sign-in committed → the frame drawn, against a bare commit in pairs.
    key(&mut app, 's');
    pump(&mut app, &mut store, meeting);
    let rows = estate_rows();
    let mut typing = Vec::new();
    // Both the untimed typing and the timed Enter drive the one app and terminal.
    let screen = std::cell::RefCell::new((&mut app, &mut terminal));
    let p = common::pairs_after(
        200,
        |i| {
            let (app, terminal) = &mut *screen.borrow_mut();
            for c in rows[(i * 97 + 5_000) % rows.len()].flat.to_string().chars() {
                let t = Instant::now();
                key(app, c);
                terminal.draw(|f| app.draw(f)).unwrap();
                typing.push(t.elapsed());
            }
        },
        |_| {
            let (app, terminal) = &mut *screen.borrow_mut();
            app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            pump(app, &mut store, meeting);
            terminal.draw(|f| app.draw(f)).unwrap();
        },
        |i| plain.commit(i),
    );
    assert!(
        store.attendance(meeting).unwrap().len() >= 150,
        "the sign-ins were recorded"
    );
    show(
        "sign-in: one key typed in the box → frame drawn",
        &common::stats(typing),
    );
    common::show_pairs(
        "sign-in: Enter → committed → drawn",
        "bare SQLite commit (same pragmas)",
        &p,
    );
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    pump(&mut app, &mut store, meeting);

    // The owners the roll-call steps below reach are signed in (a ballot for an owner not present
    // asks first how it came).
    let item = store.item(meeting, 1).unwrap();
    for entry in store.roll_call(&item).unwrap().iter().take(1_100) {
        store
            .attend(
                meeting,
                &entry.flats[0],
                &pavilion::store::Presence::Present,
            )
            .unwrap();
    }
    app.on_reply(Reply::Model(Box::new(
        Model::load(&store, meeting).unwrap(),
    )));

    // The roll call of an estate-wide item: 18,000 owners in scope.
    let t = Instant::now();
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    key(&mut app, 'v');
    pump(&mut app, &mut store, meeting);
    let owners = app.roll.as_ref().unwrap().entries.len();
    println!(
        "opening the roll call of {owners} owners: {:.3?}",
        t.elapsed()
    );

    // One roll-call step: keypress → ballot committed → frame drawn, against a bare commit in
    // interleaved pairs (the target is a p99 within 3× the commit's).
    let p = common::pairs(
        1000,
        |i| {
            key(&mut app, if i % 3 == 0 { 'n' } else { 'y' });
            pump(&mut app, &mut store, meeting);
            terminal.draw(|f| app.draw(f)).unwrap();
        },
        |i| plain.commit(i),
    );
    let voted = store.current_choices(item.id).unwrap().len();
    assert!(voted >= 900, "each step recorded a ballot ({voted})");
    common::show_pairs(
        &format!("roll-call step: key → committed → drawn ({owners} owners)"),
        "bare SQLite commit (same pragmas)",
        &p,
    );
    println!(
        "  target: the step's p99 ≤ 3× the bare commit's p99, in these pairs: {:.2}×",
        p.a.p99.as_secs_f64() / p.b.p99.as_secs_f64().max(1e-9)
    );
    let draw = measure(1000, |_| {
        terminal.draw(|f| app.draw(f)).unwrap();
    });
    show("drawing the roll call at 160×48", &draw);
}
