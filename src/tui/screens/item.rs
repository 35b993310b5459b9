//! Item: step 1 (who raised it, in their words), step 2 (discussion with a speaking timer, the
//! proposal, the rule), step 3 (the item's actions).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::domain::{ActionStatus, Step};
use crate::i18n::{T, date};

use super::super::app::{App, Confirm, FormFor, Modal, Screen};
use super::super::form::{Field, Form};
use super::super::keys::Action;
use super::super::worker::Request;
use super::step_label;
use super::wording::{colon, label};

pub fn on_action(app: &mut App, action: Action) {
    let Some(item) = app.current_item().cloned() else {
        return;
    };
    let n = item.number;
    let page = app.page.get().max(1);
    match action {
        Action::Up => app.item_scroll = app.item_scroll.saturating_sub(1),
        Action::Down => app.item_scroll = (app.item_scroll + 1).min(app.scroll_max.get()),
        Action::PageUp => app.item_scroll = app.item_scroll.saturating_sub(page),
        Action::PageDown => app.item_scroll = (app.item_scroll + page).min(app.scroll_max.get()),
        Action::EditItem => super::setup::edit_item(app),
        Action::RollCall if item.rule.votes => {
            app.roll = None;
            app.roll_cursor = 0;
            app.undo.clear();
            app.send(Request::OpenRollCall { item: n });
            app.screen = Screen::RollCall;
        }
        Action::RollCall => app.warn(app.t(T::NoVoteOnItem)),
        Action::AddSpeaker => {
            let form = Form::new(T::KeyAddSpeaker, vec![Field::line(T::Speaker)]);
            app.modal = Some(Modal::Form(form, FormFor::Speaker));
        }
        Action::NextSpeaker => super::speakers::next(app),
        Action::DoneSpeaker => super::speakers::done(app),
        Action::Longer => super::speakers::adjust(app, true),
        Action::Shorter => super::speakers::adjust(app, false),
        Action::Bell => super::speakers::toggle_bell(app),
        Action::Note => {
            // A note taken while someone has the floor is theirs.
            let speaker = app.speakers.speaking.clone().unwrap_or_default();
            let form = Form::new(
                T::KeyNote,
                vec![
                    Field::line(T::Speaker).with(&speaker),
                    Field::text(T::Point),
                ],
            );
            app.modal = Some(Modal::Form(form, FormFor::Note { item: n }));
        }
        Action::Proposal => {
            let text = item.proposal.clone().unwrap_or_default();
            let form = Form::new(T::Proposal, vec![Field::text(T::Proposal).with(&text)]);
            app.modal = Some(Modal::Form(form, FormFor::Proposal { item: n }));
        }
        Action::Resolution => {
            let text = item.resolution.clone().unwrap_or_default();
            let form = Form::new(T::Resolution, vec![Field::text(T::Resolution).with(&text)]);
            app.modal = Some(Modal::Form(form, FormFor::Resolution { item: n }));
        }
        Action::Timer => {
            app.timer = match app.timer {
                Some((0, _)) | None => Some((app.speakers.length, true)),
                Some((left, running)) => Some((left, !running)),
            };
        }
        Action::CloseVote if !item.vote_closed => {
            if item.rule.votes {
                // The confirmation shows the roll call's figures: load them first.
                app.send(Request::OpenRollCall { item: n });
            }
            app.modal = Some(Modal::Confirm(Confirm::CloseVote { item: n }));
        }
        Action::Defer | Action::Withdraw => {
            let to = if action == Action::Defer {
                Step::Deferred
            } else {
                Step::Withdrawn
            };
            match item.step.become_(to) {
                Ok(_) => app.modal = Some(Modal::Confirm(Confirm::Step { item: n, to })),
                Err(e) => app.warn(e.to_string()),
            }
        }
        Action::Cost => super::cost_form::open(app, item.id, n),
        Action::AddAction => {
            app.modal = Some(Modal::Form(
                action_form(),
                FormFor::AddAction { item: Some(n) },
            ))
        }
        _ => {}
    }
}

/// The form for a new action: what, who, by when.
pub fn action_form() -> Form {
    Form::new(
        T::KeyAddAction,
        vec![
            Field::text(T::What),
            Field::line(T::Who).hint(T::WhoHint),
            Field::line(T::Due).hint(T::DueHint).optional(),
        ],
    )
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(model), Some(item)) = (&app.model, app.current_item()) else {
        return;
    };
    let th = app.theme;
    let title = vec![
        Span::styled(format!("{}. {}  ", item.number, item.title), th.title),
        Span::styled(
            format!("[{}]", step_label(item.step).get(app.lang)),
            th.accent,
        ),
    ];
    let mut head_lines = vec![Line::from(title)];
    head_lines.extend(super::speakers::line(app));
    let head_lines = super::wrap::wrap(head_lines, area.width);
    let [head, body] = Layout::vertical([
        Constraint::Length(head_lines.len() as u16),
        Constraint::Min(1),
    ])
    .areas(area);
    Paragraph::new(head_lines).render(head, buf);
    app.scroll_max.set(0);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);

    // Step 1 and the rule on the left.
    let mut l: Vec<Line> = vec![Line::styled(app.t(T::Step1), th.title)];
    let from = item
        .raised_from
        .as_ref()
        .map(|f| format!(" ({f})"))
        .unwrap_or_default();
    let on = item
        .raised_on
        .map(|d| format!(" · {}", date(app.lang, d)))
        .unwrap_or_default();
    l.push(Line::raw(format!(
        "{}{}{from}{on}",
        label(app, T::RaisedBy),
        item.raised_by
    )));
    l.push(Line::styled(label(app, T::Statement), th.dim));
    l.push(Line::raw(item.statement.clone()));
    l.push(Line::raw(""));
    l.push(Line::from(vec![
        Span::styled(label(app, T::Rule), th.dim),
        Span::raw(super::wording::rule_text(app, &item.rule)),
    ]));
    l.push(Line::from(vec![
        Span::styled(label(app, T::Scope), th.dim),
        Span::raw(super::wording::scope_text(app, &item.scope)),
    ]));
    if !item.consents.is_empty() {
        let list: Vec<String> = item.consents.iter().map(ToString::to_string).collect();
        let sep = if app.lang == crate::lang::Lang::Zh {
            "、"
        } else {
            ", "
        };
        l.push(Line::raw(format!(
            "{}{}",
            label(app, T::RequiredConsents),
            list.join(sep)
        )));
    }
    if let Some(t) = model.tallies.get(&item.id) {
        l.push(Line::styled(
            super::wording::vote_state(app, item, t),
            th.accent,
        ));
    }
    let block = Block::default().borders(Borders::RIGHT);
    let inner = block.inner(left);
    block.render(left, buf);
    app.page
        .set((inner.height as usize).saturating_sub(2).max(1));
    scrolled(app, l, inner, buf);

    // Steps 2 and 3 on the right.
    let mut r: Vec<Line> = vec![Line::styled(app.t(T::Step2), th.title)];
    let notes = model
        .notes
        .get(&item.id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    if notes.is_empty() {
        r.push(Line::styled(app.t(T::NoNotes), th.dim));
    }
    for n in notes {
        let time = local_time(app, &n.at);
        r.push(Line::from(vec![
            Span::styled(
                format!("{time} {}{}", n.speaker, colon(app.lang)),
                th.accent,
            ),
            Span::raw(n.point.clone()),
        ]));
    }
    r.push(Line::styled(label(app, T::Proposal), th.dim));
    match &item.proposal {
        Some(p) if !p.is_empty() => r.extend(p.lines().map(|l| Line::raw(l.to_string()))),
        _ => r.push(Line::styled(app.t(T::NoProposal), th.dim)),
    }
    if let Some(res) = &item.resolution {
        r.push(Line::styled(
            format!("{}{res}", label(app, T::Resolution)),
            th.ok,
        ));
    }
    if let Some(cost) = model.costs.get(&item.id) {
        r.extend(super::cost::lines(app, cost));
    }
    r.push(Line::raw(""));
    r.push(Line::styled(app.t(T::Step3), th.title));
    let actions: Vec<_> = model
        .actions
        .iter()
        .filter(|a| a.item_id == Some(item.id))
        .collect();
    if actions.is_empty() {
        r.push(Line::styled(app.t(T::NoActions), th.dim));
    }
    for a in actions {
        let due = a
            .due
            .map(|d| format!(" · {}", date(app.lang, d)))
            .unwrap_or_default();
        let done = if a.status == ActionStatus::Closed {
            "✓ "
        } else {
            "• "
        };
        let who = super::actions::responsible(app, &a.responsible);
        r.push(Line::raw(format!("{done}{} — {who}{due}", a.what)));
    }
    let right = Rect {
        x: right.x + 1,
        width: right.width.saturating_sub(1),
        ..right
    };
    scrolled(app, r, right, buf);
}

/// A panel's lines from the item screen's scroll offset (each panel stops at its own end), with
/// ▲/▼ in the last column where more is above or below.
fn scrolled(app: &App, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    // The last column is kept for the marks.
    let lines = super::wrap::wrap(lines, area.width.saturating_sub(1));
    let h = area.height as usize;
    let max = lines.len().saturating_sub(h);
    app.scroll_max.set(app.scroll_max.get().max(max));
    let first = app.item_scroll.min(max);
    let more_below = lines.len() > first + h;
    Paragraph::new(lines.into_iter().skip(first).take(h).collect::<Vec<_>>()).render(area, buf);
    let x = area.right().saturating_sub(1);
    if first > 0 {
        buf[(x, area.y)].set_symbol("▲").set_style(app.theme.warn);
    }
    if more_below && h > 0 {
        buf[(x, area.bottom() - 1)]
            .set_symbol("▼")
            .set_style(app.theme.warn);
    }
}

/// A stored UTC time shown as the meeting's local HH:MM.
pub fn local_time(app: &App, at: &str) -> String {
    let offset = app
        .model
        .as_ref()
        .map(|m| m.meeting.offset)
        .unwrap_or(jiff::tz::Offset::UTC);
    at.parse::<jiff::Timestamp>()
        .map(|t| offset.to_datetime(t).strftime("%H:%M").to_string())
        .unwrap_or_default()
}
