//! The screens, each with its key handling and its drawing, and the frame around them.

pub mod actions;
pub mod backlog;
pub mod cost;
pub mod cost_form;
pub mod export;
pub mod footer;
pub mod guest_form;
pub mod help;
pub mod item;
pub mod new_item;
pub mod notice_form;
pub mod overview;
pub mod raise;
pub mod rescue;
pub mod roll_call;
pub mod setup;
pub mod sign_in;
pub mod speakers;
pub mod submit;
pub mod tally_view;
pub mod wording;
pub mod wrap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::i18n::T;

use super::app::{App, Confirm, Modal, Screen};

/// A box of `width`×`height` centred in `area` (clipped to it), for dialogs and forms.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The catalogue text of a built-in rule (custom rules: `wording::rule_text` shows their thresholds).
pub fn rule_label(name: &str) -> T {
    match name {
        crate::domain::rule::CIVIL_CODE_MAJOR => T::RuleMajor,
        crate::domain::rule::CIVIL_CODE_ORDINARY => T::RuleOrdinary,
        crate::domain::rule::SHOW_OF_HANDS => T::RuleHands,
        crate::domain::rule::NONE => T::RuleNone,
        _ => T::RuleCustom,
    }
}

pub use crate::i18n::verdict;

/// Draws the whole frame: title bar, the screen, status line, key footer, and any modal on top.
pub fn draw(app: &mut App, area: Rect, buf: &mut Buffer) {
    app.too_small
        .set(area.width < MIN_WIDTH || area.height < MIN_HEIGHT);
    if app.too_small.get() {
        let text = T::TooSmall.fill(
            app.lang,
            &[
                ("w", &MIN_WIDTH),
                ("h", &MIN_HEIGHT),
                ("cw", &area.width),
                ("ch", &area.height),
            ],
        );
        Paragraph::new(wrap::wrap(vec![Line::raw(text)], area.width))
            .style(app.theme.warn)
            .render(area, buf);
        return;
    }
    let [top, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let theme = app.theme;
    let mut title = vec![
        Span::styled(format!(" {} ", app.t(T::AppName)), theme.accent),
        Span::styled(app.t(app.screen.title()), theme.title),
    ];
    if let Some(m) = &app.model {
        title.push(Span::raw(format!("  {} · {}", m.estate, m.meeting.title)));
    }
    if let Some(mark) = rescue::mark(app) {
        title.push(Span::styled(mark, theme.bad));
    }
    Paragraph::new(Line::from(title)).render(top, buf);
    match app.screen {
        Screen::Overview => overview::draw(app, body, buf),
        Screen::SignIn => sign_in::draw(app, body, buf),
        Screen::Item => item::draw(app, body, buf),
        Screen::RollCall => roll_call::draw(app, body, buf),
        Screen::Actions => actions::draw(app, body, buf),
        Screen::Raise => raise::draw(app, body, buf),
        Screen::Export => export::draw(app, body, buf),
        Screen::Backlog => backlog::draw(app, body, buf),
    }
    if let Some((text, bad)) = &app.status {
        Paragraph::new(Span::styled(
            text.as_str(),
            if *bad { theme.bad } else { theme.ok },
        ))
        .render(status, buf);
    }
    footer::draw(app, keys, buf);
    match &mut app.modal {
        Some(Modal::Help) => help::draw(app, body, buf),
        Some(Modal::Form(form, _)) => form.render(body, buf, &theme, app.lang),
        Some(Modal::Confirm(c)) => {
            let c = c.clone();
            draw_confirm(app, &c, body, buf)
        }
        Some(Modal::Channel { flat, name, .. }) => {
            let (flat, name) = (flat.to_string(), name.clone());
            roll_call::draw_channel(app, &flat, &name, body, buf)
        }
        None => {}
    }
}

/// A small framed box of lines in the middle of `area`, over what is behind it.
pub fn draw_dialog(app: &App, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(8).min(84);
    let lines = wrap::wrap(lines, w.saturating_sub(2));
    let rect = centred(area, w, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(app.theme.warn),
        )
        .render(rect, buf);
}

fn draw_confirm(app: &App, c: &Confirm, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line> = Vec::new();
    match c {
        Confirm::AllYes { owners, .. } => {
            lines.push(Line::raw(
                T::ConfirmAllYes.fill(app.lang, &[("n", &owners.len())]),
            ));
        }
        Confirm::Schedule { concern } => {
            lines.push(Line::raw(
                T::ConfirmSchedule.fill(app.lang, &[("n", concern)]),
            ));
        }
        Confirm::Step { to, .. } => {
            let step = crate::i18n::terms::step(*to).get(app.lang);
            lines.push(Line::raw(T::ConfirmStep.fill(app.lang, &[("step", &step)])));
        }
        Confirm::CloseVote { .. } => {
            lines.push(Line::styled(app.t(T::ConfirmClose), app.theme.title));
            if let Some(roll) = &app.roll {
                lines.push(Line::raw(""));
                lines.extend(tally_view::figure_lines(app, &roll.tally));
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    verdict(&roll.tally, app.lang),
                    app.theme.accent,
                ));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::Yn), app.theme.key));
    draw_dialog(app, lines, area, buf);
}
