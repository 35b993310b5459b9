//! How the public notice closes, set on screen: the same settings as `pavilion meeting set`, the
//! same store call and `meeting.notice` event, refused once the notice is out unless re-issued.

mod common;

use common::tui::Harness;
use jiff::civil::date;
use pavilion::domain::NoticeSettings;
use pavilion::lang::Lang;
use pavilion::tui::app::{FormFor, Modal};
use ratatui::crossterm::event::KeyCode;

fn notice_open(h: &Harness) -> bool {
    matches!(h.app.modal, Some(Modal::Form(_, FormFor::Notice)))
}

#[test]
fn the_notice_is_set_on_screen_and_a_posted_one_changes_only_when_issued_again() {
    let mut h = Harness::new(Lang::Zh);
    h.keys("N");
    assert!(notice_open(&h));
    h.fill(&["红旗小区业主委员会", "2026-11-27"]);
    // The day before the meeting is refused with the field named; nothing is written.
    h.press(KeyCode::F(2));
    let screen = h.render(80, 24);
    assert!(screen.contains("在会议（2026年11月28日）之前"), "{screen}");
    assert!(h.store.notice_settings(h.meeting).unwrap().is_default());
    h.ctrl('u');
    h.type_text("２０２６-11-29");
    // The period it gives shows as it is typed.
    assert!(
        h.render(80, 24)
            .contains("公示期：自2026年11月29日起至2026年12月5日止，共 7 天")
    );
    h.press(KeyCode::Tab);
    h.type_text("10");
    assert!(h.render(80, 24).contains("至2026年12月8日止，共 10 天"));
    // Named in full: picked from the list.
    h.press(KeyCode::Tab);
    h.press(KeyCode::Down);
    h.press(KeyCode::F(2));
    assert!(!notice_open(&h), "{}", h.render(80, 24));
    let set = NoticeSettings {
        issuer: Some("红旗小区业主委员会".into()),
        posted_on: Some(date(2026, 11, 29)),
        notice_days: Some(10),
        show_officers: true,
    };
    assert_eq!(h.store.notice_settings(h.meeting).unwrap(), set);

    // Saved again unchanged: nothing recorded.
    let events = h.store.events(Some(h.meeting)).unwrap().len();
    h.keys("N");
    h.press(KeyCode::F(2));
    assert_eq!(h.store.events(Some(h.meeting)).unwrap().len(), events);

    // Every vote closed: the notice is out. A change is refused with the way to re-issue it.
    for item in h.store.items(h.meeting).unwrap() {
        if item.rule.votes && !item.vote_closed {
            h.store.close_vote(h.meeting, item.number).unwrap();
        }
    }
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    h.keys("N");
    h.fill(&["红旗社区居民委员会"]);
    h.press(KeyCode::F(2));
    let screen = h.render(80, 24);
    assert!(screen.contains("请按 F3"), "{screen}");
    assert_eq!(h.store.notice_settings(h.meeting).unwrap(), set);
    h.press(KeyCode::F(3));
    let now = h.store.notice_settings(h.meeting).unwrap();
    assert_eq!(now.issuer.as_deref(), Some("红旗社区居民委员会"));
    let last = h.store.events(Some(h.meeting)).unwrap().pop().unwrap();
    assert_eq!(last.kind, "meeting.notice");
    assert!(last.data.contains("\"reissue\":true"), "{}", last.data);
}

/// F3 on the meeting's form saves it, then opens its notice settings: for a changed header, an
/// unchanged one, and a meeting just set up.
#[test]
fn the_meeting_form_leads_on_to_the_notice() {
    let mut h = Harness::new(Lang::En);
    h.keys("m");
    h.press(KeyCode::F(3));
    assert!(notice_open(&h), "unchanged: straight on");
    h.press(KeyCode::Esc);
    h.keys("m");
    h.fill(&["Lift meeting, unit 3-2"]);
    h.press(KeyCode::F(3));
    assert!(notice_open(&h), "saved, then on");
    assert_eq!(
        h.store.meeting(h.meeting).unwrap().title,
        "Lift meeting, unit 3-2"
    );
    h.press(KeyCode::Esc);
    h.keys("M");
    h.fill(&[
        "Parking",
        "owners",
        "2026-12-12 19:00",
        "Pavilion",
        "Guo",
        "Ma",
    ]);
    h.press(KeyCode::F(3));
    assert!(notice_open(&h));
    assert_eq!(h.store.meetings().unwrap().len(), 2);
    h.fill(&["Owners' committee"]);
    h.press(KeyCode::F(2));
    let new = h.store.meetings().unwrap()[1].id;
    assert_eq!(h.meeting, new);
    assert_eq!(
        h.store.notice_settings(new).unwrap().issuer.as_deref(),
        Some("Owners' committee")
    );
}

/// The notice form in both languages at 80×24 and 160×48.
#[test]
fn the_notice_form_in_both_languages_and_sizes() {
    for lang in [Lang::Zh, Lang::En] {
        let name = if lang == Lang::Zh { "zh" } else { "en" };
        let mut h = Harness::new(lang);
        h.keys("N");
        h.fill(&["红旗小区业主委员会", "2026-11-29"]);
        for (w, hgt) in [(80, 24), (160, 48)] {
            let text = h.render(w, hgt);
            insta::assert_snapshot!(format!("notice_form_{name}_{w}x{hgt}"), text);
        }
    }
}

/// The minutes of a closed vote as the three text formats give them.
fn minutes(h: &Harness) -> Vec<Vec<u8>> {
    use pavilion::export::{Format, Variant, export};
    [Format::Markdown, Format::Json, Format::Csv]
        .into_iter()
        .map(|f| export(&h.store, h.meeting, f, Variant::Minutes, Lang::Zh).unwrap())
        .collect()
}

/// With no notice posted, a closed vote's minutes still stay as they were: once a vote of the
/// meeting has closed, the header (printed in its minutes) and the closed item's texts are refused
/// with the reason and how a mistake is corrected, and the md/json/csv minutes are byte-identical
/// after the attempt. Before the first close the same edit goes through.
#[test]
fn a_closed_votes_minutes_stay_as_they_were_across_a_header_edit() {
    let mut h = Harness::new(Lang::En);
    assert_eq!(h.store.notice_settings(h.meeting).unwrap().posted_on, None);
    h.keys("m");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.fill(&["莲心亭（东）"]);
    h.press(KeyCode::F(2));
    assert_eq!(h.store.meeting(h.meeting).unwrap().place, "莲心亭（东）");

    let flat = pavilion::domain::FlatRef::parse("3-2-101").unwrap();
    let yes = pavilion::store::BallotInput::in_person(&flat, pavilion::domain::Choice::Yes);
    h.store
        .attend(h.meeting, &flat, &pavilion::store::Presence::Present)
        .unwrap();
    h.store.cast_ballot(h.meeting, 1, &yes).unwrap();
    h.store.close_vote(h.meeting, 1).unwrap();
    h.app.send(pavilion::tui::worker::Request::Reload);
    h.pump();
    let before = minutes(&h);
    let events = h.store.events(None).unwrap().len();
    h.keys("m");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.fill(&["莲心亭"]);
    h.press(KeyCode::F(2));
    h.assert_shows("the vote on item 1 closed at 28 Nov 2026 19:05");
    h.assert_shows("If one is wrong, write the correction");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    // The closed item's title is in its minutes too.
    h.keys("E");
    h.fill(&["3号楼2单元加装电梯（更正）"]);
    h.press(KeyCode::F(2));
    h.assert_shows("the vote on item 1 is closed: its title");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    // Its minutes call it item 1: it keeps its place.
    h.keys("]");
    h.assert_shows("its place on the agenda can no longer change");
    assert_eq!(minutes(&h), before, "md, json and csv byte for byte");
    assert_eq!(
        h.store.events(None).unwrap().len(),
        events,
        "nothing recorded"
    );
    assert_eq!(h.store.meeting(h.meeting).unwrap().place, "莲心亭（东）");
    // In Chinese too.
    let err = h
        .store
        .edit_meeting(h.meeting, &{
            let m = h.store.meeting(h.meeting).unwrap();
            let mut plan = common::meeting_plan(&m.title, &m.starts.to_string(), vec![]);
            plan.place = "别处".into();
            plan
        })
        .unwrap_err();
    let zh = match err {
        pavilion::store::StoreError::Said(s) => s.render(Lang::Zh),
        e => panic!("{e}"),
    };
    assert!(
        zh.starts_with("议题 1 的表决已于 2026年11月28日 19:05 结束"),
        "{zh}"
    );
}
