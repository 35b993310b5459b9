//! Actions (社区办事) for the whole estate: open ones first, those carried over from earlier
//! meetings and overdue ones marked; add, record progress, close with a confirmation note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::ActionStatus;
use crate::domain::action::is_overdue;
use crate::i18n::{T, date};
use crate::textwidth::pad;

use super::super::app::{App, FormFor, Modal};
use super::super::form::{Field, Form};
use super::super::keys::Action;

pub fn on_action(app: &mut App, action: Action) {
    let Some(model) = &app.model else { return };
    let n = model.actions.len();
    let chosen = model
        .actions
        .get(app.actions_cursor)
        .map(|a| (a.id, a.status));
    match action {
        Action::Up => app.actions_cursor = app.actions_cursor.saturating_sub(1),
        Action::Down => app.actions_cursor = (app.actions_cursor + 1).min(n.saturating_sub(1)),
        Action::PageUp => app.actions_cursor = app.actions_cursor.saturating_sub(app.page.get()),
        Action::PageDown => {
            app.actions_cursor = (app.actions_cursor + app.page.get()).min(n.saturating_sub(1));
        }
        Action::AddAction => {
            app.modal = Some(Modal::Form(
                super::item::action_form(),
                FormFor::AddAction { item: None },
            ));
        }
        Action::Progress => {
            if let Some((action, status)) = chosen
                && status != ActionStatus::Closed
            {
                let form = Form::new(T::KeyProgress, vec![Field::text(T::ProgressNote)]);
                app.modal = Some(Modal::Form(form, FormFor::Progress { action }));
            }
        }
        Action::CloseAction => {
            if let Some((action, status)) = chosen
                && status != ActionStatus::Closed
            {
                let form = Form::new(T::KeyCloseAction, vec![Field::text(T::Confirmation)]);
                app.modal = Some(Modal::Form(form, FormFor::CloseAction { action }));
            }
        }
        _ => {}
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(model) = &app.model else { return };
    let th = app.theme;
    let w = area.width as usize;
    let what_w = w.saturating_sub(12 + 16 + 12 + 14).max(16);
    let head = format!(
        "{}{}{}{}{}",
        pad(app.t(T::Status), 12),
        pad(app.t(T::What), what_w),
        pad(app.t(T::Who), 16),
        pad(app.t(T::Due), 16),
        app.t(T::ForItem)
    );
    let mut lines = vec![Line::styled(head, th.dim)];
    let rows = area.height.saturating_sub(1) as usize;
    app.page.set(rows.saturating_sub(1).max(1));
    let cursor = app
        .actions_cursor
        .min(model.actions.len().saturating_sub(1));
    let first = cursor.saturating_sub(rows.saturating_sub(1));
    let mut last = first;
    for (i, a) in model.actions.iter().enumerate().skip(first).take(rows) {
        last = i;
        let (status, style) = match a.status {
            ActionStatus::Open => (app.t(T::OpenStatus), th.text),
            ActionStatus::InProgress => (app.t(T::InProgress), th.accent),
            ActionStatus::Closed => (app.t(T::ClosedStatus), th.dim),
        };
        let mut marks = String::new();
        if is_overdue(a.status, a.due, app.today) {
            marks.push_str(&format!("[{}] ", app.t(T::Overdue)));
        }
        if a.status != ActionStatus::Closed && carried_over(a, model) {
            marks.push_str(&format!("[{}] ", app.t(T::CarriedOver)));
        }
        let due = a.due.map(|d| date(app.lang, d)).unwrap_or_default();
        let item = a
            .item_title
            .clone()
            .unwrap_or_else(|| app.t(T::EstateWide).to_string());
        let mut line = Line::from(vec![
            Span::styled(pad(status, 12), style),
            Span::styled(marks.clone(), th.warn),
            Span::raw(pad(
                &a.what,
                what_w.saturating_sub(crate::textwidth::width(&marks)),
            )),
            Span::raw(pad(&responsible(app, &a.responsible), 16)),
            Span::raw(pad(&due, 16)),
            Span::styled(item, th.dim),
        ]);
        if i == cursor {
            line = line.style(th.selected);
        }
        lines.push(line);
        if i == cursor {
            for p in &a.progress {
                lines.push(Line::styled(
                    format!("    {} {}", super::item::local_time(app, &p.at), p.note),
                    th.dim,
                ));
            }
            if let Some(c) = &a.confirmation {
                lines.push(Line::styled(format!("    ✓ {c}"), th.ok));
            }
        }
    }
    // The selected action's notes can push later rows off the bottom.
    let below = last + 1 < model.actions.len() || lines.len() > area.height as usize;
    Paragraph::new(lines).render(area, buf);
    let list = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    super::item::more_marks(app, list, first > 0, below, buf);
}

/// Open and agreed before this meeting: at an earlier meeting, or (agreed at none) before this
/// meeting's own record began. Never by the clock against the agenda's start time.
pub fn carried_over(a: &crate::store::ActionRecord, model: &crate::tui::model::Model) -> bool {
    let earlier = match a.meeting_id {
        Some(m) => m != model.meeting.id,
        None => a
            .created_at
            .parse::<jiff::Timestamp>()
            .is_ok_and(|t| t < model.created_at),
    };
    a.status != ActionStatus::Closed && earlier
}

/// Who is responsible, in the reader's language.
pub fn responsible(app: &App, r: &crate::domain::Responsible) -> String {
    use crate::domain::Responsible as R;
    match r {
        R::CommunityOffice => app.t(T::WhoCommunity).into(),
        R::PropertyCompany => app.t(T::WhoProperty).into(),
        R::OwnersCommittee => app.t(T::WhoCommittee).into(),
        R::Person(name) => name.clone(),
    }
}
