//! Raise (群众说事): a concern a resident raises on the spot, onto this meeting's agenda (F2) or into
//! the backlog for a later meeting (F3).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::FlatRef;
use crate::i18n::T;

use super::super::app::{App, Screen};
use super::super::form::{Field, Form, FormKey};
use super::super::worker::Request;

pub fn new_form() -> Form {
    let mut form = Form::new(
        T::ScreenRaise,
        vec![
            Field::line(T::RaiseBy),
            Field::line(T::RaiseFrom).optional(),
            Field::text(T::RaiseText),
        ],
    );
    form.keys = vec![
        ("Tab", T::KeyNextField),
        ("F2", T::KeyToAgenda),
        ("F3", T::KeyToBacklog),
        ("Esc", T::KeyCancel),
    ];
    form
}

pub fn on_key(app: &mut App, ev: KeyEvent) {
    match app.raise.handle_key(ev, app.lang) {
        FormKey::Editing => {}
        FormKey::Cancel => app.screen = Screen::Overview,
        how @ (FormKey::Submit | FormKey::SubmitAlt) => {
            let v = app.raise.values();
            let from = match v[1].as_str() {
                "" => None,
                text => match FlatRef::parse(text) {
                    Ok(f) => Some(f),
                    Err(_) => {
                        app.raise.error = Some(app.t(T::NotAFlat).into());
                        app.raise.focus = 1;
                        return;
                    }
                },
            };
            let to_agenda = how == FormKey::Submit;
            app.send(Request::Raise {
                text: v[2].clone(),
                by: v[0].clone(),
                from,
                to_agenda,
            });
            app.say(app.t(if to_agenda {
                T::AddedToAgenda
            } else {
                T::AddedToBacklog
            }));
            // The text stays until the store has it: a refusal brings the form back.
            app.raise_sent = true;
            app.screen = Screen::Overview;
        }
    }
}

pub fn draw(app: &mut App, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, app.theme);
    app.raise.render(area, buf, &theme, lang);
}
