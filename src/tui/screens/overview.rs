//! Overview: the meeting header, live attendance against the two-thirds threshold, and the agenda
//! with each item's step and where its vote stands.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::domain::action::is_overdue;
use crate::domain::{ActionStatus, Threshold};
use crate::i18n::{T, date_time};
use crate::textwidth::pad;

use super::super::app::{App, FormFor, Screen};
use super::super::keys::Action;
use crate::i18n::terms::step as step_label;

pub fn on_action(app: &mut App, action: Action) {
    let items = app.model.as_ref().map_or(0, |m| m.items.len());
    match action {
        Action::Up => app.selected_item = app.selected_item.saturating_sub(1),
        Action::Down => app.selected_item = (app.selected_item + 1).min(items.saturating_sub(1)),
        Action::Open if items > 0 => {
            app.item_scroll = 0;
            app.screen = Screen::Item;
        }
        Action::SignIn => app.screen = Screen::SignIn,
        Action::Actions => app.screen = Screen::Actions,
        Action::Raise => app.screen = Screen::Raise,
        Action::Export => app.screen = Screen::Export,
        Action::Backlog => {
            app.backlog_cursor = 0;
            app.screen = Screen::Backlog;
        }
        Action::NewItem => {
            let form = super::new_item::form(app.lang);
            super::setup::open(app, form, FormFor::NewItem);
        }
        Action::NewMeeting => {
            let form = super::setup::meeting_form(app, true);
            super::setup::open(app, form, FormFor::NewMeeting);
        }
        Action::EditMeeting if app.model.is_some() => {
            let form = super::setup::meeting_form(app, false);
            super::setup::open(app, form, FormFor::EditMeeting);
        }
        Action::EditItem => super::setup::edit_item(app),
        Action::Notice => super::notice_form::open(app),
        Action::MoveUp => super::setup::move_item(app, crate::store::Move::Up),
        Action::MoveDown => super::setup::move_item(app, crate::store::Move::Down),
        _ => {}
    }
}

/// Attendance lines: who is here by headcount and area, and the two-thirds threshold.
pub fn attendance_lines(app: &App) -> Vec<Line<'static>> {
    let Some(m) = &app.model else { return vec![] };
    let th = app.theme;
    let (in_person, proxy, area) = m.presence_counts();
    let here = in_person + proxy;
    let owners = m.owner_count;
    let unit = app.t(T::OwnersUnit);
    let two_thirds = Threshold::at_least(2, 3);
    let need_owners = two_thirds.smallest_part(owners);
    let need_area = crate::domain::Area(two_thirds.smallest_part(m.total_area.0));
    let line1 = Line::from(vec![
        Span::styled(super::wording::label(app, T::Attendance), th.title),
        Span::raw(format!(
            "{} {in_person} · {} {proxy} · ",
            app.t(T::InPerson),
            app.t(T::ByProxy)
        )),
        Span::styled(
            format!(
                "{} {here}/{owners} {unit} · {area}/{} {}",
                app.t(T::Here),
                m.total_area,
                super::wording::area_unit(app.lang)
            ),
            th.accent,
        ),
    ]);
    // The estate-wide two thirds matters only to an owners' vote of the whole estate; a unit's
    // vote shows its own participation at its roll call.
    let estate_vote = m.meeting.kind == crate::domain::MeetingKind::Owners
        && m.items.iter().any(|i| {
            i.rule.votes
                && i.scope == crate::domain::Scope::Estate
                && (i.rule.participation.area.is_some() || i.rule.participation.heads.is_some())
        });
    if !estate_vote {
        return vec![line1];
    }
    let reached = here >= need_owners && area >= need_area;
    let line2 = if reached {
        Line::styled(app.t(T::QuorumReached).to_string(), th.ok)
    } else {
        let short_owners = (need_owners - here).max(0);
        let short_area = crate::domain::Area((need_area.0 - area.0).max(0));
        Line::from(vec![
            Span::styled(
                T::QuorumShort.fill(
                    app.lang,
                    &[("owners", &short_owners), ("area", &short_area)],
                ),
                th.warn,
            ),
            Span::styled(
                format!(
                    "  ({})",
                    T::QuorumLine.fill(app.lang, &[("owners", &need_owners), ("area", &need_area)])
                ),
                th.dim,
            ),
        ])
    };
    vec![line1, line2]
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(m) = &app.model else {
        let text = crate::i18n::SetupText::NoMeetingYet.get(app.lang);
        Paragraph::new(text).render(area, buf);
        return;
    };
    let th = app.theme;
    let meeting = &m.meeting;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(meeting.title.clone(), th.title),
            Span::styled(
                format!("  {}", T::MeetingNo.fill(app.lang, &[("n", &m.series)])),
                th.dim,
            ),
        ]),
        Line::from(vec![
            Span::styled(format!("{} ", app.t(T::MeetingTime)), th.dim),
            Span::raw(format!("{}   ", date_time(app.lang, meeting.local_start()))),
            Span::styled(format!("{} ", app.t(T::MeetingPlace)), th.dim),
            Span::raw(format!("{}   ", meeting.place)),
            Span::styled(format!("{} ", app.t(T::MeetingHost)), th.dim),
            Span::raw(format!("{}   ", meeting.host)),
            Span::styled(format!("{} ", app.t(T::MeetingSecretary)), th.dim),
            Span::raw(meeting.secretary.clone()),
        ]),
    ];
    lines.extend(attendance_lines(app));
    lines.push(Line::raw(""));
    let lines = super::wrap::wrap(lines, area.width);
    let [head, agenda, foot] = Layout::vertical([
        Constraint::Length(lines.len() as u16),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    Paragraph::new(lines).render(head, buf);

    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(app.t(T::Agenda), th.title));
    let inner = block.inner(agenda);
    block.render(agenda, buf);
    let rule_w = m
        .items
        .iter()
        .map(|i| crate::textwidth::width(&super::wording::rule_short(app, &i.rule)) + 1)
        .max()
        .unwrap_or(8)
        .min(20);
    let title_w = (inner.width as usize)
        .saturating_sub(4 + 10 + 2 + rule_w + 24)
        .clamp(16, 40);
    // Each item on one row; where its state does not fit, the state wraps under itself.
    let state_x = 4 + title_w + 2 + 10 + rule_w;
    let state_w = (inner.width as usize).saturating_sub(state_x).max(8) as u16;
    let mut rows: Vec<(usize, Line<'static>)> = Vec::new();
    for (i, item) in m.items.iter().enumerate() {
        let selected = i == app.selected_item;
        let state = match m.tallies.get(&item.id) {
            _ if !item.rule.votes => app.t(T::NoVoteShort).to_string(),
            Some(t) => super::wording::vote_state(app, item, t),
            None => String::new(),
        };
        let rule_short = super::wording::rule_short(app, &item.rule);
        let state = super::wrap::wrap(vec![Line::raw(state)], state_w);
        for (k, part) in state.into_iter().enumerate() {
            let mut spans = if k == 0 {
                vec![
                    Span::raw(format!("{:>2}  ", item.number)),
                    Span::styled(
                        pad(&item.title, title_w),
                        if selected { th.selected } else { th.text },
                    ),
                    Span::raw("  "),
                    Span::styled(pad(step_label(item.step).get(app.lang), 10), th.accent),
                    Span::styled(pad(&rule_short, rule_w), th.dim),
                ]
            } else {
                vec![Span::raw(" ".repeat(state_x))]
            };
            spans.extend(part.spans);
            rows.push((i, Line::from(spans)));
        }
    }
    let height = inner.height as usize;
    let first_of_selected = rows
        .iter()
        .position(|(i, _)| *i == app.selected_item)
        .unwrap_or(0);
    let skip = (first_of_selected + 2).saturating_sub(height);
    let shown: Vec<Line> = rows.into_iter().skip(skip).map(|(_, l)| l).collect();
    Paragraph::new(shown).render(inner, buf);
    let open: Vec<_> = m
        .actions
        .iter()
        .filter(|a| a.status != ActionStatus::Closed)
        .collect();
    let overdue = open
        .iter()
        .filter(|a| is_overdue(a.status, a.due, app.today))
        .count();
    let summary = format!(
        "{}   {}",
        T::BacklogCount.fill(app.lang, &[("n", &m.backlog.len())]),
        T::OpenActionsCount.fill(app.lang, &[("n", &open.len()), ("overdue", &overdue)])
    );
    Paragraph::new(Span::styled(summary, th.dim)).render(foot, buf);
}
