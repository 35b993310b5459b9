//! Every screen in both languages at 80×24 and 160×48, with Chinese names, as text snapshots.

mod common;

use common::tui::Harness;
use pavilion::domain::{Choice, FlatRef, Responsible};
use pavilion::lang::Lang;
use pavilion::store::{BallotInput, Method, NewAction, Presence};
use ratatui::crossterm::event::KeyCode;

/// A meeting in progress: people signed in, a discussion, ballots, actions old and new.
fn meeting_in_progress(lang: Lang) -> Harness {
    let mut h = Harness::new(lang);
    let m = h.meeting;
    let flat = |t: &str| FlatRef::parse(t).unwrap();
    for f in [
        "3-2-101", "3-2-102", "3-2-201", "3-2-202", "3-2-301", "1-1-101", "2-3-502",
    ] {
        h.store.attend(m, &flat(f), &Presence::Present).unwrap();
    }
    h.store
        .attend(m, &flat("3-2-302"), &Presence::Proxy("王小明".into()))
        .unwrap();
    h.store
        .attend(m, &flat("3-2-401"), &Presence::Present)
        .unwrap();
    h.store
        .attend(m, &flat("3-2-401"), &Presence::Left)
        .unwrap();
    h.store
        .add_note(
            m,
            1,
            "物业 张经理",
            "施工期间安排临时停车，保证消防通道畅通。",
        )
        .unwrap();
    h.store
        .add_note(
            m,
            1,
            "邱永文 (3-2-101)",
            "井道占我家小院，需要书面补偿协议。",
        )
        .unwrap();
    for (f, c, method) in [
        ("3-2-101", Choice::Yes, Method::InPerson),
        ("3-2-102", Choice::Yes, Method::InPerson),
        ("3-2-201", Choice::No, Method::InPerson),
        ("3-2-601", Choice::Yes, Method::Written),
    ] {
        let fl = flat(f);
        let proxy = None;
        h.store
            .cast_ballot(
                m,
                1,
                &BallotInput {
                    flat: &fl,
                    choice: c,
                    method,
                    proxy,
                    reason: None,
                },
            )
            .unwrap();
    }
    let earlier = NewAction {
        item: None,
        meeting: None,
        what: "修复5栋单元门禁",
        responsible: Responsible::PropertyCompany,
        due: Some(jiff::civil::date(2026, 11, 15)),
    };
    let a = h.store.add_action(&earlier).unwrap();
    h.store
        .update_action(a.id, None, "已报修，等待配件")
        .unwrap();
    h.store
        .add_action(&NewAction {
            item: Some((m, 3)),
            meeting: None,
            what: "组织3号楼楼道杂物清理日",
            responsible: Responsible::Person("马长祥".into()),
            due: Some(jiff::civil::date(2026, 12, 6)),
        })
        .unwrap();
    h.store
        .raise_concern("小区东门路灯不亮", "赵大爷", Some(&flat("4-1-302")))
        .unwrap();
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    h
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// Renders the current screen at both sizes and snapshots it.
fn snap(h: &mut Harness, screen: &str) {
    for (w, ht) in [(80, 24), (160, 48)] {
        let text = h.render(w, ht);
        let name = format!("{screen}_{}_{w}x{ht}", lang_name(h.app.lang));
        insta::assert_snapshot!(name, text);
    }
}

/// A screen, then its `?` help, then the help closed again.
fn snap_with_help(h: &mut Harness, screen: &str) {
    snap(h, screen);
    h.keys("?");
    snap(h, &format!("help_{screen}"));
    help_is_whole_at_80x24(h, screen);
    h.press(KeyCode::Esc);
}

/// Every word of the help as a wide terminal lays it out is on the 80×24 screen too: nothing cut
/// at the bottom, no entry shortened.
fn help_is_whole_at_80x24(h: &mut Harness, screen: &str) {
    use pavilion::tui::screens::help::{Layout, lines};
    let small = h.render(80, 24);
    // The raise screen is a form: `?` is typed into it there.
    if !small.contains("┌帮助") && !small.contains("┌Help") {
        return;
    }
    for line in lines(&h.app, 154, Layout::Columns(2)) {
        for word in line.to_string().split_whitespace() {
            assert!(
                small.contains(word),
                "{screen}: {word:?} of the help is not shown at 80×24:\n{small}"
            );
        }
    }
}

/// At 80×24 the footer always offers help, and a way back except on the overview.
fn footer_has_help_and_back(h: &mut Harness, back: bool) {
    let text = h.render(80, 24);
    let footer = text.lines().nth(23).unwrap();
    let (help, esc) = match h.app.lang {
        Lang::Zh => ("?  帮助", "Esc  返回"),
        Lang::En => ("?  help", "Esc  back"),
    };
    assert!(footer.contains(help), "{footer}");
    assert_eq!(footer.contains(esc), back, "{footer}");
}

#[test]
fn every_screen_in_both_languages_and_sizes() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = meeting_in_progress(lang);
        snap_with_help(&mut h, "overview");
        footer_has_help_and_back(&mut h, false);
        h.keys("b");
        snap_with_help(&mut h, "backlog");
        footer_has_help_and_back(&mut h, true);
        h.press(KeyCode::Esc);
        h.keys("i");
        h.type_text("3号楼1单元加装电梯");
        snap(&mut h, "new_item_form");
        h.press(KeyCode::Esc);
        h.press(KeyCode::Esc);
        h.keys("s");
        h.type_text("3-2");
        snap_with_help(&mut h, "sign_in");
        footer_has_help_and_back(&mut h, true);
        h.press(KeyCode::Esc);
        h.press(KeyCode::Enter);
        snap_with_help(&mut h, "item");
        footer_has_help_and_back(&mut h, true);
        for name in ["王秀兰", "李明", "张三"] {
            h.keys("s");
            h.type_text(name);
            h.press(KeyCode::F(2));
        }
        h.app.on_tick();
        snap(&mut h, "item_speakers");
        h.keys("f");
        h.keys("n");
        h.type_text("王秀兰");
        snap(&mut h, "note_form");
        h.press(KeyCode::Esc);
        snap(&mut h, "note_form_esc");
        h.press(KeyCode::Esc);
        h.keys("v");
        h.press(KeyCode::Down);
        snap_with_help(&mut h, "roll_call");
        footer_has_help_and_back(&mut h, true);
        h.keys("/");
        h.type_text("3-2-402");
        h.press(KeyCode::Enter);
        h.keys("y");
        snap(&mut h, "roll_call_channel");
        h.press(KeyCode::Esc);
        h.keys("c");
        snap(&mut h, "close_vote");
        h.keys("n");
        h.press(KeyCode::Esc);
        h.press(KeyCode::Esc);
        h.keys("a");
        snap_with_help(&mut h, "actions");
        footer_has_help_and_back(&mut h, true);
        h.press(KeyCode::Esc);
        h.keys("r");
        h.type_text("赵大爷");
        snap_with_help(&mut h, "raise");
        h.press(KeyCode::Esc);
        h.press(KeyCode::Esc);
        h.keys("e");
        h.keys("p");
        snap_with_help(&mut h, "export");
        footer_has_help_and_back(&mut h, true);
    }
}

#[test]
fn a_closed_vote_and_a_long_item_scrolled() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = meeting_in_progress(lang);
        h.press(KeyCode::Enter);
        h.keys("v");
        h.keys("c");
        h.keys("y");
        snap(&mut h, "roll_call_closed");
        h.press(KeyCode::Esc);
        for i in 0..6 {
            h.keys("n");
            h.type_text(&format!("居民{i}"));
            h.press(KeyCode::Tab);
            h.type_text("希望施工期间每天下午五点前收工，周末不施工，材料不要堆在楼道里。");
            h.press(KeyCode::F(2));
        }
        snap(&mut h, "item_long");
        h.press(KeyCode::PageDown);
        h.press(KeyCode::PageDown);
        snap(&mut h, "item_long_scrolled");
    }
}
