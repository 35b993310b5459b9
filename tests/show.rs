//! The room display: what it shows during a vote, after a close and between votes (snapshots at 80×24
//! and 160×48, zh and en), and that it follows commits through a read-only connection without writing.

mod common;

use std::time::Duration;

use common::tui::buffer_text;
use jiff::Timestamp;
use pavilion::domain::{Choice, FlatRef};
use pavilion::lang::Lang;
use pavilion::show::draw::draw;
use pavilion::show::model::Board;
use pavilion::show::source::{Source, host_here};
use pavilion::show::theme::{ShowTheme, ThemeName};
use pavilion::store::lock::HostLock;
use pavilion::store::{BallotInput, DisplayMode, DisplayState, Store};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn vote(store: &mut Store, meeting: i64, item: i64, room: &str, choice: Choice) {
    let flat = FlatRef::parse(room).unwrap();
    store
        .cast_ballot(meeting, item, &BallotInput::in_person(&flat, choice))
        .unwrap();
}

/// The worked example of DOMAIN §4 so far: 8 of 12 owners, 6 yes, 1 no, 1 abstain.
fn eight_ballots(store: &mut Store, meeting: i64) {
    for (room, choice) in [
        ("3-2-101", Choice::Yes),
        ("3-2-102", Choice::Yes),
        ("3-2-201", Choice::Yes),
        ("3-2-202", Choice::Yes),
        ("3-2-301", Choice::Yes),
        ("3-2-302", Choice::Yes),
        ("3-2-401", Choice::No),
        ("3-2-402", Choice::Abstain),
    ] {
        vote(store, meeting, 1, room, choice);
    }
}

fn render(board: &Board, lang: Lang, (w, h): (u16, u16), now: Timestamp) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    draw(
        board,
        lang,
        &ShowTheme::new(ThemeName::Dark),
        now,
        area,
        &mut buf,
    );
    buffer_text(&buf)
}

fn snapshots(store: &Store, what: &str, now: Timestamp) {
    let board = Board::read(store, None, true).unwrap();
    let text = format!("{board:#?}");
    assert!(
        !text.contains("业主1"),
        "no owner's name on the display: {text}"
    );
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let name = format!("show_{what}_{}_{}x{}", lang.code(), size.0, size.1);
            insta::assert_snapshot!(name, render(&board, lang, size, now));
        }
    }
}

#[test]
fn the_display_during_a_vote_after_the_close_and_between_votes() {
    let (_dir, path, mut store, meeting) = common::estate();
    let now = common::fixed_now();
    eight_ballots(&mut store, meeting);
    let follow = |item: Option<i64>| DisplayState {
        meeting: Some(meeting),
        item,
        ..DisplayState::default()
    };
    store.set_display(&follow(Some(1))).unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    snapshots(&reader, "vote", now);

    store.close_vote(meeting, 1).unwrap();
    snapshots(&reader, "closed", now);

    let mut between = follow(None);
    between.timer_ends = Some((now + Duration::from_secs(150)).to_string());
    store.set_display(&between).unwrap();
    snapshots(&reader, "agenda", now);

    let result = DisplayState {
        mode: DisplayMode::Result,
        shown_item: Some(1),
        ..follow(None)
    };
    store.set_display(&result).unwrap();
    let board = Board::read(&reader, None, true).unwrap();
    assert!(render(&board, Lang::En, (80, 24), now).contains("Result: PASSED"));
    store
        .set_display(&DisplayState {
            mode: DisplayMode::Blank,
            ..follow(Some(1))
        })
        .unwrap();
    let blank = render(
        &Board::read(&reader, None, true).unwrap(),
        Lang::En,
        (80, 24),
        now,
    );
    assert_eq!(
        blank.lines().filter(|l| !l.trim().is_empty()).count(),
        2,
        "{blank}"
    );
}

#[test]
fn a_commit_is_seen_through_a_read_only_connection_that_writes_nothing() {
    let (_dir, path, mut store, meeting) = common::estate();
    // The host's screens hold the database, as they do during a meeting.
    let lock = HostLock::acquire(&path, "run", Duration::ZERO).unwrap();
    assert!(host_here(&path));
    store
        .set_display(&DisplayState {
            meeting: Some(meeting),
            item: Some(1),
            ..DisplayState::default()
        })
        .unwrap();
    let mut source = Source::new(&path, None);
    let first = source.poll().expect("the first poll reads the board");
    assert!(first.host_here);
    assert_eq!(source.poll(), None, "nothing changed, nothing read");

    let before = common::cli::dump(&path);
    for _ in 0..5 {
        assert_eq!(source.poll(), None);
    }
    assert_eq!(
        common::cli::dump(&path),
        before,
        "the display wrote nothing"
    );

    vote(&mut store, meeting, 1, "3-2-501", Choice::Yes);
    let after = source.poll().expect("a commit is seen on the next poll");
    let pavilion::show::model::View::Item(item) = &after.view else {
        panic!("{after:?}")
    };
    assert_eq!(item.tally.as_ref().unwrap().yes.owners, 1);

    // The host quits: the display says it waits (after its next look at the lock's file).
    drop(lock);
    assert!(!host_here(&path));
    std::thread::sleep(Duration::from_millis(550));
    let waiting = source.poll().expect("the host's leaving is a change");
    assert!(!waiting.host_here);
    let text = render(&waiting, Lang::En, (80, 24), common::fixed_now());
    assert!(text.contains("Waiting for the host"), "{text}");
}
