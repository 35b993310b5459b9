//! Sign-in: find an owner by flat (`3-2-501`, `3 2 501`, `3栋2单元501`) or by name, and mark them
//! present, represented by proxy, or leaving. The counts above the list update at once.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::domain::FlatRef;
use crate::i18n::T;
use crate::store::Presence;
use crate::textwidth::{pad, pad_left};

use super::super::app::{App, FormFor, Modal};
use super::super::find;
use super::super::form::{Field, Form};
use super::super::keys::Action;
use super::super::model::{OwnerRow, Roster};
use super::super::worker::Request;

#[derive(Clone, Debug, Default)]
pub struct State {
    pub query: String,
    pub selected: usize,
}

impl State {
    /// A key typed into the search box: text, Backspace, Ctrl-U (clear), Ctrl-W (last word).
    pub fn type_key(&mut self, ev: KeyEvent) {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Char('u') if ctrl => self.query.clear(),
            KeyCode::Char('w') if ctrl => {
                let kept = self.query.trim_end().len();
                self.query.truncate(kept);
                let cut = self
                    .query
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace() || matches!(c, '-' | '/' | '－'))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.query.truncate(cut);
            }
            _ if ctrl => return,
            KeyCode::Char(c) => self.query.push(c),
            KeyCode::Backspace => {
                self.query.pop();
            }
            _ => return,
        }
        self.selected = 0;
    }

    pub fn paste(&mut self, text: &str) {
        self.query
            .push_str(text.lines().next().unwrap_or("").trim());
        self.selected = 0;
    }

    /// After a sign-in the box is empty again, ready for the next owner.
    pub fn clear(&mut self) {
        self.query.clear();
        self.selected = 0;
    }
}

/// Owners matching the query: a whole flat, the start of an address (`3-2`, `3栋2单元5`), or a name.
pub fn matches<'m>(roster: &'m Roster, query: &str) -> Vec<&'m OwnerRow> {
    let q = find::normalise(query);
    if q.is_empty() {
        return roster.owners.iter().collect();
    }
    // Taken apart once here, not once per owner (20,000 owners on each key).
    let q = find::Query::new(&q);
    let exact: Vec<&OwnerRow> = roster
        .owners
        .iter()
        .filter(|o| q.is_flat_of(&o.flats))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    roster
        .owners
        .iter()
        .filter(|o| q.matches(&o.name, &o.flats))
        .collect()
}

pub fn on_action(app: &mut App, action: Action) {
    let Some(model) = &app.model else { return };
    let found = matches(&app.roster, &app.sign_in.query);
    let typed = !app.sign_in.query.trim().is_empty();
    let chosen = found
        .get(app.sign_in.selected)
        .filter(|_| typed)
        .map(|o| (o.owner_id, o.flats[0].clone(), o.name.clone()));
    let here = chosen.as_ref().is_some_and(|(id, ..)| {
        model
            .attendance
            .get(id)
            .is_some_and(|a| a.presence.is_here())
    });
    let n = found.len();
    let page = app.page.get().max(1);
    let sel = &mut app.sign_in.selected;
    match action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Action::PageUp => *sel = sel.saturating_sub(page),
        Action::PageDown => *sel = (*sel + page).min(n.saturating_sub(1)),
        Action::Guest => super::guest_form::open(app),
        Action::Present | Action::Leave | Action::Proxy => {
            let Some((_, flat, name)) = chosen else {
                let t = if typed { T::NoMatch } else { T::TypeFirst };
                return app.warn(app.t(t));
            };
            let Ok(flat) = FlatRef::parse(&flat) else {
                return;
            };
            match action {
                Action::Leave if !here => {
                    let text = T::LeaveNotHere.fill(app.lang, &[("flat", &flat), ("name", &name)]);
                    app.warn(text);
                }
                Action::Proxy => {
                    let form = Form::new(T::KeyProxy, vec![Field::line(T::ProxyName)]);
                    app.modal = Some(Modal::Form(form, FormFor::Proxy { flat }));
                }
                _ => {
                    let presence = if action == Action::Present {
                        Presence::Present
                    } else {
                        Presence::Left
                    };
                    app.send(Request::Attend { flat, presence });
                    app.sign_in.clear();
                }
            }
        }
        _ => {}
    }
}

pub fn presence_text(app: &App, p: Option<&Presence>) -> (String, ratatui::style::Style) {
    match p {
        Some(Presence::Present) => (app.t(T::InPerson).into(), app.theme.ok),
        Some(Presence::Proxy(name)) => (format!("{} {name}", app.t(T::ByProxy)), app.theme.accent),
        Some(Presence::Left) => (app.t(T::Left).into(), app.theme.dim),
        None => (app.t(T::Absent).into(), app.theme.dim),
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(model) = &app.model else { return };
    let th = app.theme;
    let counted = super::wrap::wrap(super::overview::attendance_lines(app), area.width);
    let [counts, search, list] = Layout::vertical([
        Constraint::Length(counted.len() as u16),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .areas(area);
    Paragraph::new(counted).render(counts, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.accent)
        .title(app.t(T::SearchHint));
    let input = Line::from(vec![
        Span::raw(app.sign_in.query.clone()),
        Span::styled(" ", th.selected),
    ]);
    Paragraph::new(input).block(block).render(search, buf);

    let found = matches(&app.roster, &app.sign_in.query);
    let rows = list.height.saturating_sub(1) as usize;
    app.page.set(rows.saturating_sub(1).max(1));
    let sel = app.sign_in.selected.min(found.len().saturating_sub(1));
    let first = sel.saturating_sub(rows.saturating_sub(1));
    let head = format!(
        "{} {} {} {}   {}",
        pad(app.t(T::Flat), 20),
        pad(app.t(T::Owner), 16),
        pad_left(app.t(T::Area), 10),
        pad("", 1),
        T::Matches.fill(app.lang, &[("n", &found.len())])
    );
    Paragraph::new(Span::styled(head, th.dim)).render(Rect { height: 1, ..list }, buf);
    let shown = Rect {
        y: list.y + 1,
        height: list.height.saturating_sub(1),
        ..list
    };
    for (row, owner) in found.iter().enumerate().skip(first).take(rows) {
        let (presence, style) = presence_text(
            app,
            model.attendance.get(&owner.owner_id).map(|a| &a.presence),
        );
        let line = Line::from(vec![
            Span::raw(format!("{} ", pad(&owner.flats.join(","), 20))),
            Span::raw(format!("{} ", pad(&owner.name, 16))),
            Span::raw(format!(
                "{} {} ",
                pad_left(&owner.area.to_string(), 8),
                super::wording::area_unit(app.lang)
            )),
            Span::styled(presence, style),
        ]);
        let y = list.y + 1 + (row - first) as u16;
        let line = if row == sel {
            line.style(th.selected)
        } else {
            line
        };
        Paragraph::new(line).render(
            Rect {
                y,
                height: 1,
                ..list
            },
            buf,
        );
    }
    super::item::more_marks(app, shown, first > 0, first + rows < found.len(), buf);
}
