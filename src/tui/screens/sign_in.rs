//! Sign-in: find an owner by flat (`3-2-501`, `3 2 501`, `3栋2单元501`) or by name, and mark them
//! present, represented by proxy, or leaving. The counts above the list update at once.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::domain::FlatRef;
use crate::domain::flat::split_address;
use crate::i18n::T;
use crate::store::Presence;
use crate::textwidth::{pad, pad_left};

use super::super::app::{App, FormFor, Modal};
use super::super::form::{Field, Form};
use super::super::keys::Action;
use super::super::model::{Model, OwnerRow};
use super::super::worker::Request;

#[derive(Clone, Debug, Default)]
pub struct State {
    pub query: String,
    pub selected: usize,
}

impl State {
    pub fn type_key(&mut self, ev: KeyEvent) {
        if ev.modifiers.contains(KeyModifiers::CONTROL) {
            return;
        }
        match ev.code {
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
}

/// Owners matching the query: a whole flat, the start of an address (`3-2`, `3栋2单元5`), or a name.
pub fn matches<'m>(model: &'m Model, query: &str) -> Vec<&'m OwnerRow> {
    let q = query.trim();
    if q.is_empty() {
        return model.owners.iter().collect();
    }
    if let Ok(flat) = FlatRef::parse(q) {
        let exact = flat.to_string();
        let found: Vec<&OwnerRow> = model
            .owners
            .iter()
            .filter(|o| o.flats.contains(&exact))
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    let prefix = split_address(q).join("-");
    model
        .owners
        .iter()
        .filter(|o| o.name.contains(q) || o.flats.iter().any(|f| f.starts_with(&prefix)))
        .collect()
}

pub fn on_action(app: &mut App, action: Action) {
    let Some(model) = &app.model else { return };
    let found = matches(model, &app.sign_in.query);
    let chosen = found
        .get(app.sign_in.selected)
        .map(|o| FlatRef::parse(&o.flats[0]));
    let n = found.len();
    match action {
        Action::Up => app.sign_in.selected = app.sign_in.selected.saturating_sub(1),
        Action::Down => app.sign_in.selected = (app.sign_in.selected + 1).min(n.saturating_sub(1)),
        Action::Present | Action::Leave => {
            if let Some(Ok(flat)) = chosen {
                let presence = if action == Action::Present {
                    Presence::Present
                } else {
                    Presence::Left
                };
                app.send(Request::Attend { flat, presence });
            }
        }
        Action::Proxy => {
            if let Some(Ok(flat)) = chosen {
                let form = Form::new(T::KeyProxy, vec![Field::line(T::ProxyName)]);
                app.modal = Some(Modal::Form(form, FormFor::Proxy { flat }));
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
    let [counts, search, list] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .areas(area);
    Paragraph::new(super::overview::attendance_lines(app)).render(counts, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.accent)
        .title(app.t(T::SearchHint));
    let input = Line::from(vec![
        Span::raw(app.sign_in.query.clone()),
        Span::styled(" ", th.selected),
    ]);
    Paragraph::new(input).block(block).render(search, buf);

    let found = matches(model, &app.sign_in.query);
    let rows = list.height.saturating_sub(1) as usize;
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
    for (row, owner) in found.iter().enumerate().skip(first).take(rows) {
        let (presence, style) = presence_text(
            app,
            model.attendance.get(&owner.owner_id).map(|a| &a.presence),
        );
        let line = Line::from(vec![
            Span::raw(format!("{} ", pad(&owner.flats.join(","), 20))),
            Span::raw(format!("{} ", pad(&owner.name, 16))),
            Span::raw(format!("{} ㎡ ", pad_left(&owner.area.to_string(), 8))),
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
}
