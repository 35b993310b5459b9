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
