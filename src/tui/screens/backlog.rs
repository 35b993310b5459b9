//! Backlog (待议事项): concerns raised between meetings, waiting for an agenda. The host reads
//! one and schedules it into this meeting (it becomes a discussion item, changeable later).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::T;

use super::super::app::{App, Confirm, Modal};
use super::super::keys::Action;
use super::wording::label;

pub fn on_action(app: &mut App, action: Action) {
    let Some(model) = &app.model else { return };
    let n = model.backlog.len();
    let chosen = model.backlog.get(app.backlog_cursor).map(|c| c.id);
    match action {
        Action::Up => app.backlog_cursor = app.backlog_cursor.saturating_sub(1),
        Action::Down => app.backlog_cursor = (app.backlog_cursor + 1).min(n.saturating_sub(1)),
        Action::Schedule => match chosen {
            Some(concern) => app.modal = Some(Modal::Confirm(Confirm::Schedule { concern })),
            None => app.warn(app.t(T::BacklogEmpty)),
        },
        _ => {}
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(model) = &app.model else { return };
    let th = app.theme;
    let mut lines: Vec<Line> = Vec::new();
    if model.backlog.is_empty() {
        lines.push(Line::styled(app.t(T::BacklogEmpty), th.dim));
    }
    let cursor = app
        .backlog_cursor
        .min(model.backlog.len().saturating_sub(1));
    for (i, c) in model.backlog.iter().enumerate() {
        let from = c
            .raised_from
            .as_ref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        let when = super::item::local_time(app, &c.raised_at);
        let day = c
            .raised_at
            .parse::<jiff::Timestamp>()
            .ok()
            .zip(app.model.as_ref().map(|m| m.meeting.offset))
            .map(|(t, o)| crate::i18n::date(app.lang, o.to_datetime(t).date()))
            .unwrap_or_default();
        let head = format!(
            "{}{}{from} · {day} {when}",
            label(app, T::RaisedBy),
            c.raised_by
        );
        let style = if i == cursor { th.selected } else { th.accent };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>3}. ", c.id), style),
            Span::styled(head, style),
        ]));
        // The concern in the resident's words, whole: the host reads it before scheduling.
        for text in c.text.lines() {
            lines.push(Line::raw(format!("     {text}")));
        }
    }
    let lines = super::wrap::wrap(lines, area.width);
    // Keep the chosen concern in view.
    let at = lines
        .iter()
        .position(|l| {
            l.style == th.selected || l.spans.first().is_some_and(|s| s.style == th.selected)
        })
        .unwrap_or(0);
    let skip = (at + 3).saturating_sub(area.height as usize);
    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(area, buf);
}
