//! Setting a meeting up on screen, keys only, against a real database: no agenda file at all.

mod common;

use common::tui::Harness;
use pavilion::domain::{Area, FlatRef};
use pavilion::lang::Lang;
use ratatui::crossterm::event::KeyCode;

/// Replaces the focused field's text.
fn retype(h: &mut Harness, text: &str) {
    h.ctrl('u');
    h.type_text(text);
}

/// Flats, owners and area of the roster within building `b` (and unit `u`), counted here.
fn counted(h: &Harness, b: Option<&str>, u: Option<&str>) -> (usize, usize, Area) {
    let rows: Vec<_> = h
        .store
        .roster()
        .unwrap()
        .into_iter()
        .filter(|e| b.is_none_or(|b| e.flat.building == b) && u.is_none_or(|u| e.flat.unit == u))
        .collect();
    let owners: std::collections::HashSet<i64> = rows.iter().map(|e| e.owner_id).collect();
    let area = rows.iter().fold(Area::ZERO, |a, e| a + e.area);
    (rows.len(), owners.len(), area)
}

/// Types one item into the open item form: title, who, from, day raised, category, statement,
/// rule (its digit in the list), scope, consents.
fn item(h: &mut Harness, fields: [&str; 9]) {
    h.fill(&fields);
}

/// Tab from the first field to the rule.
fn to_rule(h: &mut Harness) {
    for _ in 0..6 {
        h.press(KeyCode::Tab);
    }
}

#[test]
fn a_meeting_and_three_items_set_up_on_screen_then_edited_reordered_and_locked_at_the_first_ballot()
{
    let mut h = Harness::empty(Lang::Zh);
    let screen = h.render(80, 24);
    assert!(screen.contains("新建议事会"), "{screen}");
    h.type_text("3号楼议事会");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    retype(&mut h, "2026-12-05 19:30");
    h.press(KeyCode::Tab);
    h.type_text("莲心亭");
    h.press(KeyCode::Tab);
    h.type_text("郭建敏");
    h.press(KeyCode::Tab);
    h.type_text("马长祥");
    h.press(KeyCode::F(2));
    let meetings = h.store.meetings().unwrap();
    assert_eq!(meetings.len(), 1, "{}", h.render(80, 24));
    let m = &meetings[0];
    assert_eq!(
        (m.title.as_str(), m.host.as_str()),
        ("3号楼议事会", "郭建敏")
    );
    assert_eq!(
        m.local_start().strftime("%Y-%m-%d %H:%M").to_string(),
        "2026-12-05 19:30"
    );
    assert_eq!(h.meeting, m.id);
    assert!(h.render(80, 24).contains("3号楼议事会"));

    // Item 1: a major unit vote with a required consent. The form says what the rule means and
    // what the scope covers while it is typed.
    h.keys("i");
    item(
        &mut h,
        [
            "3号楼2单元加装电梯",
            "王秀兰",
            "3-2-501",
            "2026-10-20",
            "加装电梯",
            "老人上下楼太难",
            "1",
            "3-2",
            "",
        ],
    );
    let (flats, owners, area) = counted(&h, Some("3"), Some("2"));
    h.press(KeyCode::BackTab);
    let screen = h.render(80, 24);
    let covers = format!("范围内：{flats} 套房屋、{owners} 位业主、面积 {area} ㎡");
    assert!(screen.contains(&covers), "{covers} in {screen}");
    h.press(KeyCode::BackTab);
    let screen = h.render(160, 48);
    assert!(screen.contains("民法典第278条第6–8项"), "{screen}");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.type_text("3-2-101");
    h.press(KeyCode::F(2));
    // Item 2: an ordinary vote of the whole estate; item 3: a show of hands.
    h.keys("i");
    item(
        &mut h,
        [
            "维修资金用于屋面防水",
            "马长祥",
            "",
            "",
            "",
            "顶楼漏水",
            "2",
            "全小区",
            "",
        ],
    );
    let (flats, owners, _) = counted(&h, None, None);
    h.press(KeyCode::BackTab);
    let screen = h.render(160, 48);
    assert!(
        screen.contains(&format!("范围内：{flats} 套房屋、{owners} 位业主")),
        "{screen}"
    );
    h.press(KeyCode::F(2));
    h.keys("i");
    item(
        &mut h,
        [
            "划停车线",
            "李建国",
            "",
            "",
            "停车管理",
            "乱停车",
            "3",
            "全小区",
            "",
        ],
    );
    h.press(KeyCode::F(2));
    assert_eq!(
        h.item_rules(),
        ["civil-code-major", "civil-code-ordinary", "show-of-hands"]
    );
    let items = h.store.items(h.meeting).unwrap();
    assert_eq!(items[0].consents, [FlatRef::parse("3-2-101").unwrap()]);
    assert_eq!(items[0].raised_on, Some(jiff::civil::date(2026, 10, 20)));
    assert_eq!(items[0].category.as_deref(), Some("加装电梯"));
    assert_eq!(
        (items[1].raised_on, items[1].category.as_deref()),
        (None, None)
    );

    // The show of hands moves up one place.
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    h.keys("[");
    let titles: Vec<String> = h
        .store
        .items(h.meeting)
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(
        titles,
        ["3号楼2单元加装电梯", "划停车线", "维修资金用于屋面防水"]
    );
    assert_eq!(h.app.selected_item, 1, "the cursor follows the item");

    // Before any ballot, the rule of item 1 can change; after the first, it cannot.
    h.press(KeyCode::Up);
    h.keys("E");
    to_rule(&mut h);
    retype(&mut h, "2");
    h.press(KeyCode::F(2));
    assert_eq!(
        h.store.item(h.meeting, 1).unwrap().rule.name,
        "civil-code-ordinary"
    );
    h.keys("E");
    to_rule(&mut h);
    retype(&mut h, "1");
    h.press(KeyCode::F(2));
    h.press(KeyCode::Enter);
    h.keys("v");
    // The first owner is not here: a written ballot.
    h.keys("y");
    h.keys("w");
    assert_eq!(
        h.store
            .item_ballots(h.store.item(h.meeting, 1).unwrap().id)
            .unwrap(),
        1
    );
    h.press(KeyCode::Esc);
    h.keys("E");
    retype(&mut h, "3号楼2单元加装电梯（修订）");
    to_rule(&mut h);
    retype(&mut h, "2");
    h.press(KeyCode::F(2));
    let screen = h.render(80, 24);
    assert!(
        screen.contains("已开始表决"),
        "refused, with the reason: {screen}"
    );
    let item1 = h.store.item(h.meeting, 1).unwrap();
    assert_eq!(
        (item1.title.as_str(), item1.rule.name.as_str()),
        ("3号楼2单元加装电梯", "civil-code-major")
    );
    // The title alone still changes.
    retype(&mut h, "1");
    h.press(KeyCode::F(2));
    assert_eq!(
        h.store.item(h.meeting, 1).unwrap().title,
        "3号楼2单元加装电梯（修订）"
    );

    // The meeting's header changes too.
    h.press(KeyCode::Esc);
    h.keys("m");
    for _ in 0..3 {
        h.press(KeyCode::Tab);
    }
    retype(&mut h, "3号楼活动室");
    for _ in 0..3 {
        h.press(KeyCode::Tab);
    }
    // The number: a word is refused with the field named, a number is taken.
    retype(&mut h, "十二");
    h.press(KeyCode::F(2));
    assert!(h.render(80, 24).contains("会议编号请填正整数"));
    retype(&mut h, "7");
    h.press(KeyCode::F(2));
    let m = h.store.meeting(h.meeting).unwrap();
    assert_eq!((m.place.as_str(), m.number), ("3号楼活动室", Some(7)));
    assert!(h.render(80, 24).contains("第 7 次会议"));
    let kinds: Vec<String> = h
        .store
        .events(Some(h.meeting))
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    for k in [
        "meeting.intake",
        "item.add",
        "item.order",
        "item.edit",
        "meeting.edit",
    ] {
        assert!(kinds.iter().any(|x| x == k), "{k} in {kinds:?}");
    }
}

/// "Everyone present yes" refused by the store (the vote was closed from another terminal):
/// nothing was written, so its group leaves the undo stack, and the reason shows in Chinese.
#[test]
fn a_refused_everyone_present_yes_leaves_no_undo_group_behind() {
    let mut h = Harness::new(Lang::Zh);
    for e in h.store.roster().unwrap() {
        if e.flat.building == "3" && e.flat.unit == "2" {
            h.store
                .attend(h.meeting, &e.flat, &pavilion::store::Presence::Present)
                .unwrap();
        }
    }
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    h.press(KeyCode::Enter);
    h.keys("v");
    h.keys("y");
    assert_eq!(h.app.undo.len(), 1);
    h.store.close_vote(h.meeting, 1).unwrap();
    h.keys("A");
    h.keys("y");
    assert_eq!(h.app.undo.len(), 1, "only the ballot that was written");
    assert!(h.app.pending.is_empty());
    let (status, warning) = h.app.status.clone().unwrap();
    assert!(warning);
    assert!(status.starts_with("错误："), "{status}");
    assert!(
        !status.contains("closed"),
        "in the screens' language: {status}"
    );
}

/// The set-up forms in both languages at 80×24 and 160×48: a new meeting on an empty database,
/// the meeting changed, an item changed with its rule explained and its scope counted.
#[test]
fn the_set_up_forms_in_both_languages_and_sizes() {
    for lang in [Lang::Zh, Lang::En] {
        let name = if lang == Lang::Zh { "zh" } else { "en" };
        let snap = |h: &mut Harness, what: &str| {
            for (w, hgt) in [(80, 24), (160, 48)] {
                let text = h.render(w, hgt);
                insta::assert_snapshot!(format!("{what}_{name}_{w}x{hgt}"), text);
            }
        };
        let mut h = Harness::empty(lang);
        snap(&mut h, "first_meeting_form");
        h.press(KeyCode::Esc);
        snap(&mut h, "no_meeting_yet");
        let mut h = Harness::new(lang);
        h.keys("m");
        snap(&mut h, "meeting_form");
        h.press(KeyCode::Esc);
        h.keys("E");
        to_rule(&mut h);
        snap(&mut h, "item_form_rule");
        h.press(KeyCode::Tab);
        retype(&mut h, "3");
        snap(&mut h, "item_form_scope");
    }
}

/// The speaking turn is kept per item, and the latest one is the meeting's for items without
/// their own: after a restart (a new App on the same database) the timer starts from it.
#[test]
fn the_speaking_turn_is_saved_per_item_and_survives_a_restart() {
    let mut h = Harness::new(Lang::Zh);
    h.press(KeyCode::Enter);
    h.keys("++");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    h.keys("-");
    // A restart: new screens on the same record.
    h.app = pavilion::tui::app::App::new(
        Lang::Zh,
        pavilion::tui::theme::Theme::plain(),
        jiff::civil::date(2026, 11, 28),
    );
    h.pump();
    for (seconds, why) in [
        (240, "item 1: 3:00 + 2 × 30 s"),
        (210, "item 2: its own 4:00 − 30 s"),
        (210, "item 3 has none: the meeting's latest"),
    ] {
        h.press(KeyCode::Enter);
        h.keys("t");
        assert_eq!(h.app.timer, Some((seconds, true)), "{why}");
        // The turn ends (the floor is free), then the next item.
        h.keys("f");
        h.press(KeyCode::Esc);
        h.press(KeyCode::Down);
    }
}

/// Long lists page and say that more is there: the actions (PgUp/PgDn) and the sign-in list.
#[test]
fn the_actions_page_and_long_lists_mark_more_above_and_below() {
    let mut h = Harness::new(Lang::Zh);
    for n in 0..40 {
        h.store
            .add_action(&pavilion::store::NewAction {
                item: None,
                meeting: Some(h.meeting),
                what: &format!("第 {n} 件事"),
                responsible: pavilion::domain::Responsible::parse("社区"),
                due: None,
            })
            .unwrap();
    }
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    h.keys("a");
    let screen = h.render(80, 24);
    assert!(screen.contains('▼') && !screen.contains('▲'), "{screen}");
    h.press(KeyCode::PageDown);
    let page = h.app.actions_cursor;
    assert!(page >= 10, "a page down moves a screenful: {page}");
    h.press(KeyCode::PageDown);
    let screen = h.render(80, 24);
    assert!(screen.contains('▲') && screen.contains('▼'), "{screen}");
    h.press(KeyCode::PageUp);
    h.press(KeyCode::PageUp);
    assert_eq!(h.app.actions_cursor, 0);
    h.press(KeyCode::Esc);
    h.keys("s");
    let screen = h.render(80, 24);
    assert!(
        screen.contains('▼'),
        "all owners listed, more below: {screen}"
    );
}

/// The new-meeting form offers the next number of the kind picked, as the store counts them:
/// owners' and residents' meetings are numbered each on their own (the uniqueness the store
/// keeps). The kind is picked from a list (typing does nothing there), and the number offered
/// follows it until the host types one.
#[test]
fn a_new_meeting_is_offered_the_next_number_of_its_kind_picked_from_a_list() {
    use pavilion::domain::MeetingKind;
    let mut h = Harness::new(Lang::En);
    // The sample's owners' meeting has no number (counted 1); a residents' meeting has 4.
    let mut plan = common::meeting_plan("居民议事会", "2026-12-12T11:30:00Z", vec![]);
    plan.kind = MeetingKind::Residents;
    plan.number = Some(4);
    h.store.create_meeting(&plan).unwrap();
    assert_eq!(h.store.next_meeting_number(MeetingKind::Owners).unwrap(), 2);
    assert_eq!(
        h.store.next_meeting_number(MeetingKind::Residents).unwrap(),
        5
    );
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    // The form's kind and number.
    let kind_number = |h: &Harness| {
        let v = h.form_values();
        [v[1].clone(), v[6].clone()]
    };
    h.keys("M");
    assert_eq!(kind_number(&h), ["owners", "2"]);
    h.assert_shows("owners' meeting (joint decisions)");
    // Typed text does not change a list; ↓ picks residents, and the number follows.
    h.press(KeyCode::Tab);
    h.type_text("residents");
    assert_eq!(kind_number(&h), ["owners", "2"]);
    h.press(KeyCode::Down);
    assert_eq!(kind_number(&h), ["residents", "5"]);
    h.assert_shows("residents' meeting (consultation)");
    h.press(KeyCode::Up);
    assert_eq!(kind_number(&h), ["owners", "2"]);
    h.press(KeyCode::Char('2'));
    assert_eq!(kind_number(&h), ["residents", "5"]);
    // A number the host typed stays when the kind changes.
    h.press(KeyCode::BackTab);
    h.type_text("楼道议事会");
    for _ in 0..6 {
        h.press(KeyCode::Tab);
    }
    retype(&mut h, "9");
    for _ in 0..2 {
        h.press(KeyCode::Tab);
    }
    h.press(KeyCode::Down);
    assert_eq!(kind_number(&h), ["owners", "9"]);
    h.press(KeyCode::Down);
    h.press(KeyCode::F(2));
    let made = h.store.meetings().unwrap();
    let made = made.iter().find(|m| m.title == "楼道议事会").unwrap();
    assert_eq!((made.kind, made.number), (MeetingKind::Residents, Some(9)));
}

/// The meeting cannot move to a day before one of its items was raised: the store refuses it
/// (the form keeps the text and says which item), and nothing is written. The same store check
/// refuses a day raised after the meeting from any caller, in both languages.
#[test]
fn the_meeting_cannot_move_before_a_concern_on_it_was_raised() {
    for (lang, said) in [
        (
            Lang::En,
            "item 1 was raised on 2026-10-20: the meeting cannot move to 2026-10-01",
        ),
        (
            Lang::Zh,
            "议题 1 的提出日期是 2026-10-20，会议不能改到在此之前的 2026-10-01",
        ),
    ] {
        let mut h = Harness::new(lang);
        let before = h.store.meeting(h.meeting).unwrap();
        let events = h.store.events(None).unwrap().len();
        h.keys("m");
        h.press(KeyCode::Tab);
        h.press(KeyCode::Tab);
        retype(&mut h, "2026-10-01 19:00");
        h.press(KeyCode::F(2));
        h.assert_shows(said);
        assert_eq!(h.store.meeting(h.meeting).unwrap(), before);
        assert_eq!(
            h.store.events(None).unwrap().len(),
            events,
            "nothing recorded"
        );
        // The form stays open on the time; a day after the last concern is fine.
        retype(&mut h, "2026-11-21 19:00");
        h.press(KeyCode::F(2));
        let day = h.store.meeting(h.meeting).unwrap().local_start().date();
        assert_eq!(
            day,
            jiff::civil::date(2026, 11, 21),
            "{}",
            h.render(160, 48)
        );
    }
}
