//! Whole meetings driven by keys: after each flow the store holds exactly what the screen showed.

mod common;

use common::tui::Harness;
use pavilion::domain::{ActionStatus, Choice, FlatRef, Step};
use pavilion::lang::Lang;
use pavilion::store::{Method, Presence};
use pavilion::tui::app::Screen;
use ratatui::crossterm::event::KeyCode;

#[path = "tui_flows/item_work.rs"]
mod item_work;

fn owner_of(h: &Harness, flat: &str) -> i64 {
    h.store
        .find_flat(&FlatRef::parse(flat).unwrap())
        .unwrap()
        .owner_id
}

#[test]
fn sign_in_by_flat_in_every_written_form_and_by_name() {
    let mut h = Harness::new(Lang::Zh);
    h.keys("s");
    assert_eq!(h.app.screen, Screen::SignIn);
    h.type_text("3栋2单元501");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.sign_in.query, "",
        "the box is empty again after Enter"
    );
    h.type_text("３ ２ １０２"); // full-width digits, as an input method may type them
    h.press(KeyCode::F(3));
    h.type_text("李明");
    h.press(KeyCode::F(2));
    assert_eq!(h.app.sign_in.query, "", "and after a proxy");
    h.type_text("3-2-201");
    h.press(KeyCode::Enter);
    h.type_text("3-2-201");
    h.ctrl('l'); // leaving, without Fn
    assert_eq!(h.app.sign_in.query, "", "and after leaving");
    let here = h.store.attendance(h.meeting).unwrap();
    assert_eq!(here[&owner_of(&h, "3-2-501")].presence, Presence::Present);
    assert_eq!(
        here[&owner_of(&h, "3-2-102")].presence,
        Presence::Proxy("李明".into())
    );
    assert_eq!(here[&owner_of(&h, "3-2-201")].presence, Presence::Left);
    // The screen shows the same counts at once: one in person, one by proxy.
    let screen = h.render(100, 30);
    assert!(screen.contains("本人到场 1 · 委托到场 1 ·"), "{screen}");
    // By name.
    let name = h
        .store
        .find_flat(&FlatRef::parse("1-1-101").unwrap())
        .unwrap()
        .owner_name;
    h.type_text(&name);
    let screen = h.render(100, 30);
    assert!(screen.contains("1-1-101"), "{screen}");
    // Ctrl-U empties the box; Ctrl-W takes the last part back.
    h.ctrl('u');
    assert_eq!(h.app.sign_in.query, "");
    h.type_text("3-2-1013");
    h.ctrl('w');
    assert_eq!(h.app.sign_in.query, "3-2-");
}

#[test]
fn leaving_is_refused_for_someone_who_never_came() {
    let mut h = Harness::new(Lang::Zh);
    h.keys("s");
    h.type_text("3-2-402");
    h.press(KeyCode::F(4));
    let status = h.app.status.clone().unwrap();
    assert!(status.1 && status.0.contains("未签到"), "{status:?}");
    assert!(h.store.attendance(h.meeting).unwrap().is_empty());
    assert_eq!(h.app.sign_in.query, "3-2-402", "the box keeps the flat");
    // The store refuses it too (the command line goes there directly).
    let err = h
        .store
        .attend(
            h.meeting,
            &FlatRef::parse("3-2-402").unwrap(),
            &Presence::Left,
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("only someone present can leave"), "{err}");
    // Enter on an empty box signs nobody in.
    h.ctrl('u');
    h.press(KeyCode::Enter);
    assert!(h.store.attendance(h.meeting).unwrap().is_empty());
}

#[test]
fn thirty_owners_sign_in_without_a_single_backspace() {
    let mut h = Harness::new(Lang::Zh);
    h.keys("s");
    let flats: Vec<String> = h
        .store
        .roster()
        .unwrap()
        .iter()
        .map(|e| e.flat.to_string())
        .take(40)
        .collect();
    let mut owners = std::collections::HashSet::new();
    for f in &flats {
        if owners.len() == 30 {
            break;
        }
        if !owners.insert(owner_of(&h, f)) {
            continue;
        }
        h.type_text(f);
        h.press(KeyCode::Enter);
        assert!(h.app.sign_in.query.is_empty());
    }
    assert_eq!(h.store.attendance(h.meeting).unwrap().len(), 30);
    let screen = h.render(80, 24);
    assert!(screen.contains("本人到场 30 ·"), "{screen}");
}

/// The twelve owners of unit 3-2 signed in (through the store, as the sign-in screen would).
fn unit_present(h: &mut Harness) {
    for e in h.store.roster().unwrap() {
        if e.flat.building == "3" && e.flat.unit == "2" {
            let _ = h.store.attend(h.meeting, &e.flat, &Presence::Present);
        }
    }
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
}

/// Opens item 1 (the elevator retrofit of unit 3-2) at the roll call.
fn roll_call(h: &mut Harness) {
    h.press(KeyCode::Enter);
    assert_eq!(h.app.screen, Screen::Item);
    h.keys("v");
    assert_eq!(h.app.screen, Screen::RollCall);
    assert_eq!(h.app.roll.as_ref().unwrap().entries.len(), 12);
}

#[test]
fn roll_call_to_a_pass_with_undo_then_close() {
    let mut h = Harness::new(Lang::En);
    unit_present(&mut h);
    roll_call(&mut h);
    // 101 (the required consent) … 402: yes ×6, then no, abstain; 4 owners do not vote.
    h.keys("yyyyyy");
    h.keys("n");
    h.keys("y");
    // Undo the last: it was meant to be an abstention.
    h.keys("u");
    h.keys("a");
    let roll = h.app.roll.as_ref().unwrap();
    assert_eq!(
        (
            roll.tally.yes.owners,
            roll.tally.no.owners,
            roll.tally.abstain.owners
        ),
        (6, 1, 1)
    );
    assert!(roll.tally.passed);
    let screen = h.render(160, 48);
    assert!(screen.contains("passes so far"), "{screen}");
    // Close the vote, confirming.
    h.keys("c");
    h.keys("y");
    let item = h.store.item(h.meeting, 1).unwrap();
    assert!(item.vote_closed);
    assert_eq!(item.step, Step::Decided);
    let stored = h.store.tally(h.meeting, 1).unwrap().tally;
    assert!(stored.passed);
    assert_eq!(
        stored,
        h.app.roll.as_ref().unwrap().tally,
        "the store holds what the screen showed"
    );
    // The history keeps the undone ballot.
    let history = h.store.ballot_history(item.id).unwrap();
    assert_eq!(
        history.len(),
        10,
        "8 ballots, the undone one and its withdrawal"
    );
    assert_eq!(
        history
            .iter()
            .filter(|b| b.current && b.choice.is_some())
            .count(),
        8
    );
    // Ballots can no longer change.
    h.keys("y");
    assert_eq!(h.store.ballot_history(item.id).unwrap().len(), 10);
}

#[test]
fn roll_call_to_a_fail_when_the_required_consent_is_refused() {
    let mut h = Harness::new(Lang::Zh);
    unit_present(&mut h);
    roll_call(&mut h);
    h.keys("n"); // 3-2-101, whose consent is required, says no
    h.keys("yyyyyyyyyyy");
    let roll = h.app.roll.as_ref().unwrap();
    assert_eq!(roll.tally.yes.owners, 11);
    assert!(roll.tally.participation_met && roll.tally.approval_met);
    assert!(!roll.tally.passed);
    let screen = h.render(80, 24);
    assert!(
        screen.contains("已无法通过：须同意的业主未同意"),
        "{screen}"
    );
    h.keys("c");
    h.keys("y");
    let stored = h.store.tally(h.meeting, 1).unwrap().tally;
    assert!(!stored.passed && !stored.consents_met);
    let current = h
        .store
        .current_choices(h.store.item(h.meeting, 1).unwrap().id)
        .unwrap();
    assert_eq!(current[&owner_of(&h, "3-2-101")], Choice::No);
}

#[test]
fn everyone_present_votes_yes_after_confirmation_then_exceptions_are_corrected() {
    let mut h = Harness::new(Lang::En);
    for flat in [
        "3-2-101", "3-2-102", "3-2-201", "3-2-202", "3-2-301", "3-2-302", "3-2-401", "3-2-402",
    ] {
        h.store
            .attend(
                h.meeting,
                &FlatRef::parse(flat).unwrap(),
                &Presence::Present,
            )
            .unwrap();
    }
    h.store
        .attend(
            h.meeting,
            &FlatRef::parse("3-2-501").unwrap(),
            &Presence::Proxy("王小明".into()),
        )
        .unwrap();
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    roll_call(&mut h);
    h.keys("A");
    // Nothing is written before the host confirms.
    let item = h.store.item(h.meeting, 1).unwrap();
    assert!(h.store.ballot_history(item.id).unwrap().is_empty());
    h.keys("y");
    let roll = h.app.roll.as_ref().unwrap();
    assert_eq!(roll.tally.yes.owners, 9);
    let history = h.store.ballot_history(item.id).unwrap();
    assert_eq!(
        history.iter().filter(|b| b.method == Method::Proxy).count(),
        1
    );
    // Correct one exception: move to 3-2-202 (4th) and record no.
    h.app.roll_cursor = 3;
    h.keys("n");
    // A change to a recorded ballot asks why, offering "corrected on the spot".
    let screen = h.render(80, 24);
    assert!(screen.contains("corrected on the spot"), "{screen}");
    h.press(KeyCode::F(2));
    let roll = h.app.roll.as_ref().unwrap();
    assert_eq!((roll.tally.yes.owners, roll.tally.no.owners), (8, 1));
    let current = h.store.current_choices(item.id).unwrap();
    assert_eq!(current[&owner_of(&h, "3-2-202")], Choice::No);
    let history = h.store.ballot_history(item.id).unwrap();
    let last = history.iter().rfind(|b| b.current).unwrap();
    assert_eq!(last.reason.as_deref(), Some("corrected on the spot"));
}

#[test]
fn a_terminal_too_small_shows_a_notice_and_resizes_live() {
    let mut h = Harness::new(Lang::En);
    let small = h.render(60, 20);
    assert!(
        small.contains("The terminal is too small: it needs 80×24, it is 60×20"),
        "{small}"
    );
    let big = h.render(80, 24);
    assert!(big.contains("Agenda"));
}

#[test]
fn export_the_public_notice_from_the_screens_and_see_where_it_went() {
    let mut h = Harness::new(Lang::Zh);
    h.keys("e");
    assert_eq!(h.app.screen, Screen::Export);
    h.keys("f"); // html
    h.keys("p"); // public notice
    h.press(KeyCode::Enter);
    let written = h
        .dir
        .path()
        .join("exports/meeting-1-2026-11-28-notice-zh.html");
    let html = std::fs::read_to_string(&written).unwrap();
    assert!(html.contains("公示"));
    let screen = h.render(120, 30);
    assert!(
        screen.contains("meeting-1-2026-11-28-notice-zh.html"),
        "{screen}"
    );
    // The same bytes as the command line gives.
    let same = pavilion::export::export(
        &h.store,
        h.meeting,
        pavilion::export::Format::Html,
        pavilion::export::Variant::PublicNotice,
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(html.as_bytes(), same.as_slice());
}

#[test]
fn defer_an_item_after_confirming_and_not_a_closed_one() {
    let mut h = Harness::new(Lang::En);
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    h.keys("z");
    let screen = h.render(100, 30);
    assert!(screen.contains("Mark this item as deferred?"), "{screen}");
    h.keys("n");
    assert_eq!(
        h.store.item(h.meeting, 2).unwrap().step,
        Step::Raised,
        "cancelled: nothing written"
    );
    h.keys("z");
    h.keys("y");
    assert_eq!(h.store.item(h.meeting, 2).unwrap().step, Step::Deferred);
    h.keys("z");
    assert!(
        h.app
            .status
            .as_ref()
            .unwrap()
            .0
            .contains("an item that is deferred cannot become deferred")
    );
}

#[test]
fn ballots_for_absent_owners_say_how_they_came_and_the_minutes_show_it() {
    let mut h = Harness::new(Lang::Zh);
    roll_call(&mut h);
    // 3-2-101 is not here: a written ballot.
    h.keys("y");
    let screen = h.render(80, 24);
    assert!(screen.contains("不在场：这张票是怎么来的？"), "{screen}");
    h.keys("w");
    // 3-2-102: by proxy, with the holder's name.
    h.keys("n");
    h.keys("p");
    h.type_text("张三");
    h.press(KeyCode::F(2));
    // 3-2-201: here after all.
    h.keys("y");
    h.keys("i");
    let item = h.store.item(h.meeting, 1).unwrap();
    let history = h.store.ballot_history(item.id).unwrap();
    let of = |flat: &str| {
        history
            .iter()
            .find(|b| b.flat.to_string() == flat)
            .cloned()
            .unwrap()
    };
    assert_eq!(of("3-2-101").method, Method::Written);
    assert_eq!(of("3-2-102").method, Method::Proxy);
    assert_eq!(of("3-2-102").proxy_name.as_deref(), Some("张三"));
    assert_eq!(of("3-2-201").method, Method::InPerson);
    let here = h.store.attendance(h.meeting).unwrap();
    assert_eq!(here[&owner_of(&h, "3-2-201")].presence, Presence::Present);
    // Correct 3-2-101 with a reason of the host's own.
    h.press(KeyCode::Home);
    h.keys("n");
    h.ctrl('u');
    h.type_text("业主本人到场改票");
    h.press(KeyCode::F(2));
    // Undo it: the record says why, in the meeting's language.
    h.keys("u");
    let history = h.store.ballot_history(item.id).unwrap();
    assert!(
        history
            .iter()
            .any(|b| b.reason.as_deref() == Some("撤销误录"))
    );
    let minutes = h.minutes(Lang::Zh);
    for expected in ["业主本人到场改票", "撤销误录", "书面", "张三"] {
        assert!(minutes.contains(expected), "{expected} missing:\n{minutes}");
    }
    assert!(!minutes.contains("undo"), "no English in Chinese minutes");
}

#[test]
fn undo_of_everyone_present_yes_is_one_step() {
    let mut h = Harness::new(Lang::En);
    unit_present(&mut h);
    roll_call(&mut h);
    h.keys("A");
    h.keys("y");
    assert_eq!(h.app.roll.as_ref().unwrap().tally.yes.owners, 12);
    h.keys("u");
    let roll = h.app.roll.as_ref().unwrap();
    assert_eq!(
        roll.tally.participating.owners, 0,
        "one key undid all twelve"
    );
    let item = h.store.item(h.meeting, 1).unwrap();
    assert!(h.store.current_choices(item.id).unwrap().is_empty());
}

#[test]
fn a_refused_ballot_leaves_the_cursor_and_the_undo_stack_where_they_were() {
    let mut h = Harness::new(Lang::En);
    unit_present(&mut h);
    roll_call(&mut h);
    h.keys("y");
    assert_eq!(h.app.roll_cursor, 1);
    // Someone closes the vote behind the screen's back (another terminal): the next ballot fails.
    h.store.close_vote(h.meeting, 1).unwrap();
    h.keys("y");
    assert_eq!(
        h.app.roll_cursor, 1,
        "the cursor stays on the owner not recorded"
    );
    assert_eq!(
        h.app.undo.len(),
        1,
        "the undo stack forgets the failed ballot"
    );
    assert!(h.app.status.as_ref().unwrap().1, "the failure is shown");
    assert!(h.app.pending.is_empty());
}

#[test]
fn a_show_of_hands_lists_those_present_and_long_lists_page_and_find() {
    let mut h = Harness::new(Lang::En);
    for f in ["3-1-101", "3-2-502", "3-3-601"] {
        h.store
            .attend(h.meeting, &FlatRef::parse(f).unwrap(), &Presence::Present)
            .unwrap();
    }
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    h.keys("v");
    let roll = h.app.roll.as_ref().unwrap();
    let total = roll.entries.len();
    assert!(total > 20, "building 3 has {total} owners");
    let shown = roll.entries.iter().filter(|e| h.app.roll_shows(e)).count();
    assert_eq!(shown, 3, "only those present");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("absent owners who have not voted are hidden"),
        "{screen}"
    );
    // Three yes in a row: the cursor moves to the next who has not voted each time.
    h.keys("yyy");
    assert_eq!(h.app.roll.as_ref().unwrap().tally.yes.owners, 3);
    // All of the building: End, Home, PageDown.
    h.keys("o");
    h.press(KeyCode::End);
    assert_eq!(h.app.roll_cursor, total - 1);
    h.press(KeyCode::Home);
    assert_eq!(h.app.roll_cursor, 0);
    h.render(80, 24);
    h.press(KeyCode::PageDown);
    assert!(h.app.roll_cursor >= 10, "{}", h.app.roll_cursor);
    // `/` jumps to a flat.
    h.keys("/");
    h.type_text("3栋3单元4");
    h.press(KeyCode::Enter);
    let roll = h.app.roll.as_ref().unwrap();
    assert!(
        roll.first_flat(h.app.roll_cursor)
            .to_string()
            .starts_with("3-3-4"),
        "{:?}",
        roll.flats(h.app.roll_cursor).collect::<Vec<_>>()
    );
    assert!(h.app.roll_find.is_none());
}
