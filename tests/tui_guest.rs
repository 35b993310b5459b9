//! Those who sat in (列席), entered on the sign-in screen: the form, the record, and a refusal that
//! brings the form back with its text.

mod common;

use common::tui::Harness;
use pavilion::export::{self, Format, Variant};
use pavilion::lang::Lang;
use pavilion::tui::app::Screen;
use ratatui::crossterm::event::KeyCode;

#[test]
fn someone_who_sat_in_is_entered_on_the_sign_in_screen() {
    let mut h = Harness::new(Lang::Zh);
    h.keys("s");
    assert_eq!(h.app.screen, Screen::SignIn);
    let footer = h.render(120, 30);
    assert!(footer.contains("列席"), "the key is offered:\n{footer}");
    h.ctrl('g');
    let form = h.render(100, 30);
    assert!(form.contains("列席人员") && form.contains("身份"), "{form}");
    h.type_text("李红梅");
    h.press(KeyCode::Tab);
    h.type_text("社区党委书记");
    h.press(KeyCode::F(2));
    let guests = h.store.guests(h.meeting).unwrap();
    assert_eq!(guests.len(), 1);
    assert_eq!(
        (guests[0].name.as_str(), guests[0].role.as_str()),
        ("李红梅", "社区党委书记")
    );

    // The same person again: refused, the form comes back with the reason and the text.
    h.press(KeyCode::F(5));
    h.type_text("李红梅");
    h.press(KeyCode::Tab);
    h.type_text("社区党委书记");
    h.press(KeyCode::F(2));
    let again = h.render(100, 30);
    assert!(again.contains("已在列席名单中"), "{again}");
    assert_eq!(h.store.guests(h.meeting).unwrap().len(), 1);
    h.press(KeyCode::Esc);
    common::assert_intact(&h.store);
    let minutes = export::export(
        &h.store,
        h.meeting,
        Format::Markdown,
        Variant::Minutes,
        Lang::Zh,
    );
    let minutes = String::from_utf8(minutes.unwrap()).unwrap();
    assert!(minutes.contains("| 李红梅 | 社区党委书记 |"), "{minutes}");
}
