//! The work around an item, driven by keys: notes, the proposal and a concern raised on the spot,
//! actions added, scrolled to and closed, a form's typed text kept, the backlog scheduled, and the
//! speakers' queue with its countdown.

use super::*;

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
