//! Whole meetings driven by keys: after each flow the store holds exactly what the screen showed.

mod common;

use common::tui::Harness;
use pavilion::domain::{ActionStatus, Choice, FlatRef, Step};
use pavilion::lang::Lang;
use pavilion::store::{Method, Presence};
use pavilion::tui::app::Screen;
use ratatui::crossterm::event::KeyCode;

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
fn add_an_action_on_an_item_then_close_it_with_a_confirmation() {
    let mut h = Harness::new(Lang::Zh);
    unit_present(&mut h);
    roll_call(&mut h);
    h.keys("yyyyyyyyy");
    h.keys("c");
    h.keys("y");
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen, Screen::Item);
    h.keys("a");
    h.type_text("委托设计单位出具加装电梯方案");
    h.press(KeyCode::Tab);
    h.type_text("业委会");
    h.press(KeyCode::Tab);
    h.type_text("2026-13-45");
    h.press(KeyCode::F(2));
    assert!(
        h.store.actions().unwrap().is_empty(),
        "a bad date writes nothing"
    );
    for _ in 0..10 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("2026-12-20");
    h.press(KeyCode::F(2));
    let actions = h.store.actions().unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].what, "委托设计单位出具加装电梯方案");
    assert_eq!(actions[0].due, Some(jiff::civil::date(2026, 12, 20)));
    assert_eq!(h.store.item(h.meeting, 1).unwrap().step, Step::Acting);
    // Close it from the actions screen.
    h.press(KeyCode::Esc);
    h.keys("a");
    assert_eq!(h.app.screen, Screen::Actions);
    h.keys("c");
    h.press(KeyCode::F(2));
    assert_eq!(
        h.store.actions().unwrap()[0].status,
        ActionStatus::Open,
        "no confirmation, no closing"
    );
    h.app.on_paste("3-2单元居民代表王秀兰\n确认方案已公示");
    h.press(KeyCode::F(2));
    let a = &h.store.actions().unwrap()[0];
    assert_eq!(a.status, ActionStatus::Closed);
    assert_eq!(
        a.confirmation.as_deref(),
        Some("3-2单元居民代表王秀兰\n确认方案已公示")
    );
    assert_eq!(h.store.item(h.meeting, 1).unwrap().step, Step::Closed);
}

#[test]
fn notes_proposal_and_a_concern_raised_on_the_spot() {
    let mut h = Harness::new(Lang::Zh);
    h.press(KeyCode::Enter);
    h.keys("n");
    h.type_text("物业 张经理");
    h.press(KeyCode::Tab);
    h.app
        .on_paste("施工期间会安排临时停车，\n保证消防通道畅通。");
    h.press(KeyCode::F(2));
    let item = h.store.item(h.meeting, 1).unwrap();
    let notes = h.store.notes(item.id).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].speaker, "物业 张经理");
    assert_eq!(
        notes[0].point,
        "施工期间会安排临时停车，\n保证消防通道畅通。"
    );
    assert_eq!(item.step, Step::Discussed);
    // The speaking timer counts down once a second.
    h.keys("t");
    assert!(h.app.timer_running());
    assert!(h.app.on_tick());
    assert!(h.render(80, 24).contains("发言计时 02:59"));
    h.press(KeyCode::Esc);
    h.keys("r");
    h.type_text("赵大爷");
    h.press(KeyCode::Tab);
    h.type_text("4栋1单元302");
    h.press(KeyCode::Tab);
    h.type_text("4栋楼道灯坏了两个月");
    h.press(KeyCode::F(2));
    let items = h.store.items(h.meeting).unwrap();
    let raised = items.last().unwrap();
    assert_eq!(raised.raised_by, "赵大爷");
    assert_eq!(raised.statement, "4栋楼道灯坏了两个月");
    assert_eq!(raised.raised_from.as_ref().unwrap().to_string(), "4-1-302");
    assert_eq!(
        h.app.model.as_ref().unwrap().items.len(),
        items.len(),
        "the agenda on screen too"
    );
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

#[test]
fn the_item_screen_scrolls_to_an_action_just_added() {
    let mut h = Harness::new(Lang::Zh);
    h.press(KeyCode::Enter);
    for i in 0..4 {
        h.keys("n");
        h.type_text(&format!("发言人{i}"));
        h.press(KeyCode::Tab);
        h.type_text("施工期间安排临时停车，保证消防通道畅通，夜间不施工。");
        h.press(KeyCode::F(2));
    }
    h.keys("a");
    h.type_text("委托设计单位出具加装电梯方案");
    h.press(KeyCode::Tab);
    h.type_text("业委会");
    h.press(KeyCode::F(2));
    let screen = h.render(80, 24);
    assert!(!screen.contains("委托设计单位"), "{screen}");
    assert!(screen.contains('▼'), "more below is marked: {screen}");
    h.press(KeyCode::PageDown);
    h.press(KeyCode::PageDown);
    let screen = h.render(80, 24);
    assert!(screen.contains("委托设计单位"), "{screen}");
    assert!(screen.contains('▲'), "more above is marked: {screen}");
}

#[test]
fn an_action_added_before_the_agendas_start_time_is_not_carried_over() {
    let mut h = Harness::new(Lang::En);
    // The host sets up half an hour early: the clock is before the agenda's 19:00.
    let path = h.dir.path().join("pavilion.db");
    h.store = pavilion::store::Store::open(&path)
        .unwrap()
        .with_clock(|| "2026-11-28T10:30:00Z".parse().unwrap());
    h.keys("a");
    h.keys("n");
    h.type_text("Fix the lamp at the east gate");
    h.press(KeyCode::Tab);
    h.type_text("property");
    h.press(KeyCode::F(2));
    assert_eq!(h.store.actions().unwrap().len(), 1);
    let screen = h.render(160, 48);
    assert!(screen.contains("Fix the lamp"), "{screen}");
    assert!(!screen.contains("carried over"), "{screen}");
}

#[test]
fn esc_asks_before_discarding_typed_text_and_a_refused_form_comes_back_with_it() {
    let mut h = Harness::new(Lang::Zh);
    h.press(KeyCode::Enter);
    h.keys("n");
    h.type_text("王秀兰");
    h.press(KeyCode::Esc);
    assert!(h.app.modal.is_some(), "the first Esc only asks");
    let screen = h.render(80, 24);
    assert!(screen.contains("再按 Esc 放弃"), "{screen}");
    h.press(KeyCode::Esc);
    assert!(h.app.modal.is_none(), "the second Esc discards");
    // An empty form closes at once.
    h.keys("n");
    h.press(KeyCode::Esc);
    assert!(h.app.modal.is_none());
    h.press(KeyCode::Esc);

    // A concern from a flat that is not in the roster: refused, and the text is still there.
    h.keys("r");
    h.type_text("赵大爷");
    h.press(KeyCode::Tab);
    h.type_text("9-9-909");
    h.press(KeyCode::Tab);
    h.type_text("东门路灯不亮");
    h.press(KeyCode::F(2));
    assert_eq!(h.app.screen, Screen::Raise, "back on the form");
    assert_eq!(h.app.raise.values()[2], "东门路灯不亮");
    assert!(
        h.app
            .raise
            .error
            .as_deref()
            .unwrap_or("")
            .contains("9-9-909")
    );
    // Corrected, it goes through and the form is empty again.
    h.press(KeyCode::BackTab);
    h.ctrl('u');
    h.type_text("4-1-302");
    h.press(KeyCode::F(3));
    assert_eq!(h.app.screen, Screen::Overview);
    assert_eq!(h.store.concerns(false).unwrap().len(), 1);
    assert_eq!(h.app.raise.values()[2], "");

    // Closing an action someone else closed meanwhile: the form comes back with its text.
    let a = h
        .store
        .add_action(&pavilion::store::NewAction {
            item: None,
            meeting: None,
            what: "修复东门路灯",
            responsible: pavilion::domain::Responsible::PropertyCompany,
            due: None,
        })
        .unwrap();
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    h.keys("a");
    h.keys("c");
    h.type_text("居民代表确认已修好");
    h.store.close_action(a.id, None, "物业电话确认").unwrap();
    h.press(KeyCode::F(2));
    match &h.app.modal {
        Some(pavilion::tui::app::Modal::Form(form, _)) => {
            assert_eq!(form.values()[0], "居民代表确认已修好");
            assert!(form.error.is_some());
        }
        _ => panic!("the form is gone"),
    }
}

#[test]
fn a_backlog_concern_is_read_and_scheduled_and_an_item_with_a_vote_is_set_up_on_screen() {
    let mut h = Harness::new(Lang::Zh);
    h.raise_lamp_concern();
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    h.keys("b");
    assert_eq!(h.app.screen, Screen::Backlog);
    let screen = h.render(80, 24);
    assert!(
        screen.contains("晚上老人出门不方便"),
        "read whole: {screen}"
    );
    h.schedule_lamp_concern(4);

    // A new item with a vote: the rule from the list, the unit as scope, a required consent; a
    // day raised that is no date is refused with the field named, and nothing is written.
    h.keys("i");
    h.fill(&[
        "3号楼1单元加装电梯",
        "李建国",
        "3-1-601",
        "2026-09-31",
        "加装电梯",
        "六楼老人多，希望加装电梯",
        "1",
        "3-1",
        "3-1-101",
    ]);
    h.press(KeyCode::F(2));
    assert_eq!(
        h.store.items(h.meeting).unwrap().len(),
        4,
        "a bad day writes nothing"
    );
    let screen = h.render(80, 24);
    assert!(
        screen.contains("提出日期“2026-09-31”不是有效日期"),
        "{screen}"
    );
    // The cursor is on the day: put it right.
    h.ctrl('u');
    h.type_text("2026-09-30");
    h.press(KeyCode::F(2));
    let items = h.store.items(h.meeting).unwrap();
    let new = &items[4];
    assert_eq!(new.title, "3号楼1单元加装电梯");
    assert_eq!(new.rule.name, "civil-code-major");
    assert_eq!(new.scope.to_string(), "3-1");
    assert_eq!(new.consents[0].to_string(), "3-1-101");
    assert_eq!(new.raised_from.as_ref().unwrap().to_string(), "3-1-601");
    assert_eq!(new.raised_on, Some(jiff::civil::date(2026, 9, 30)));
}

#[test]
fn the_speakers_queue_with_its_countdown_warning_and_bell() {
    let mut h = Harness::new(Lang::Zh);
    h.press(KeyCode::Enter);
    h.keys("s");
    h.type_text("王秀兰");
    h.press(KeyCode::F(2));
    h.keys("s");
    h.type_text("李明");
    h.press(KeyCode::F(2));
    assert_eq!(h.app.speakers.speaking.as_deref(), Some("王秀兰"));
    let screen = h.render(80, 24);
    assert!(screen.contains("发言计时 王秀兰 03:00"), "{screen}");
    assert!(screen.contains("排队 1 人：李明"), "{screen}");
    // A note taken now is hers.
    h.keys("n");
    h.press(KeyCode::Tab);
    h.type_text("希望尽快动工");
    h.press(KeyCode::F(2));
    let item = h.store.item(h.meeting, 1).unwrap();
    assert_eq!(h.store.notes(item.id).unwrap()[0].speaker, "王秀兰");
    // Shorter turns; the next speaker gets them.
    h.keys("---");
    h.keys("g");
    assert_eq!(h.app.speakers.speaking.as_deref(), Some("李明"));
    assert_eq!(h.app.timer, Some((90, true)));
    for _ in 0..60 {
        h.app.on_tick();
    }
    assert!(h.render(80, 24).contains("还剩不到 30 秒"));
    for _ in 0..30 {
        h.app.on_tick();
    }
    assert!(h.app.speakers.ring, "the bell is due at zero");
    assert!(h.render(80, 24).contains("时间到"));
    // With the bell off, nothing rings.
    h.app.speakers.ring = false;
    h.keys("b");
    h.keys("f");
    h.keys("s");
    h.type_text("张三");
    h.press(KeyCode::F(2));
    for _ in 0..90 {
        h.app.on_tick();
    }
    assert!(!h.app.speakers.ring);
}
