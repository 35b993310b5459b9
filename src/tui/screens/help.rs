//! Help: the keys of the screen the host is on first, then those that work everywhere and in
//! forms; drawn from the same table that dispatches them, in two columns where they fit whole (three
//! where a small terminal needs it).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::i18n::T;
use crate::textwidth::{pad, truncate, width};

use super::super::app::{App, Screen};
use super::super::keys::{BINDINGS, On, keys_label};

/// One entry: the keys and what they do.
type Entry = (String, String);

/// The sections of the help for the screen the host is on.
fn sections(app: &App) -> Vec<(String, Vec<Entry>)> {
    let t = |k: &str, l: T| (k.to_string(), app.t(l).to_string());
    let on = app.screen_keys();
    let mut out = Vec::new();
    let own: Vec<Entry> = BINDINGS
        .iter()
        .filter(|b| b.on == on && on != On::All)
        .map(|b| (keys_label(b), b.label.get(app.lang).to_string()))
        .collect();
    let title = app.t(app.screen.title());
    if !own.is_empty() {
        out.push((T::HelpThisScreen.fill(app.lang, &[("screen", &title)]), own));
    }
    if app.screen == Screen::Raise {
        let raise = vec![t("F2", T::KeyToAgenda), t("F3", T::KeyToBacklog)];
        out.push((
            T::HelpThisScreen.fill(app.lang, &[("screen", &title)]),
            raise,
        ));
    }
    if app.screen == Screen::RollCall {
        out.push((
            app.t(T::HelpAbsent).to_string(),
            vec![
                t("w/1", T::ChannelWritten),
                t("p/2", T::ChannelProxy),
                t("i/3", T::ChannelInPerson),
            ],
        ));
    }
    // Keys typed into a search rather than looked up in the table.
    if app.screen == Screen::SignIn {
        out.push((
            app.t(T::HelpSearch).to_string(),
            vec![
                t("abc/123", T::HelpKeyType),
                t("⌫", T::HelpKeyDelete),
                t("Ctrl-W", T::HelpKeyWord),
                t("Ctrl-U", T::HelpKeyClear),
            ],
        ));
    }
    if app.screen == Screen::RollCall {
        out.push((
            app.t(T::HelpFind).to_string(),
            vec![
                t("abc/123", T::HelpKeyType),
                t("Enter/Esc", T::HelpKeyEndFind),
                t("Ctrl-U", T::HelpKeyClear),
            ],
        ));
    }
    let mut everywhere = vec![t("?", T::HelpKeyHelp)];
    if app.screen != Screen::Overview {
        everywhere.push(t("Esc", T::HelpKeyBack));
    }
    everywhere.push(t("Ctrl-C", T::KeyQuit));
    out.push((app.t(T::HelpEverywhere).to_string(), everywhere));
    out.push((
        app.t(T::HelpForms).to_string(),
        vec![
            t("Tab/Shift-Tab", T::HelpKeyFields),
            t("Enter", T::HelpKeyEnter),
            t("↑/↓, 1–9", T::HelpKeyChoose),
            t("F2/Ctrl-S", T::KeySave),
            t("F3", T::HelpKeyAltSave),
            t("Esc", T::HelpKeyCancel),
            t("Ctrl-U", T::HelpKeyClear),
        ],
    ));
    out
}

/// How the entries of a section are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Aligned columns, as many (up to this) as let every entry of the section fit whole.
    Columns(usize),
    /// Entries one after another, as many to a row as fit (the densest, for small terminals).
    Flow,
}

/// The help as lines `inner_w` wide, each section laid out as `layout` says; an entry longer than
/// a line is shortened, never wrapped.
pub fn lines(app: &App, inner_w: usize, layout: Layout) -> Vec<Line<'static>> {
    let th = app.theme;
    let cell = |(k, l): &Entry, w: usize| -> Vec<Span<'static>> {
        let key = format!(" {k} ");
        let rest = w.saturating_sub(width(&key) + 1);
        vec![
            Span::styled(key, th.key),
            Span::raw(pad(
                &format!(" {}", truncate(l, rest.saturating_sub(1))),
                rest + 1,
            )),
        ]
    };
    // An entry's width in a flow: the key, its label, and a gap after it.
    let flow_w = |(k, l): &Entry| (width(k) + width(l) + 5).min(inner_w);
    let mut out = Vec::new();
    for (title, entries) in sections(app) {
        out.push(Line::styled(title, th.title));
        match layout {
            Layout::Columns(most) => {
                let columns = (2..=most.max(1))
                    .rev()
                    .find(|c| {
                        entries
                            .iter()
                            .all(|(k, l)| width(k) + width(l) + 4 <= inner_w / c)
                    })
                    .unwrap_or(1);
                for row in entries.chunks(columns) {
                    let spans = row.iter().flat_map(|e| cell(e, inner_w / columns));
                    out.push(Line::from(spans.collect::<Vec<_>>()));
                }
            }
            Layout::Flow => {
                let mut row: Vec<Span<'static>> = Vec::new();
                let mut used = 0;
                for e in &entries {
                    let w = flow_w(e);
                    if used + w > inner_w && !row.is_empty() {
                        out.push(Line::from(std::mem::take(&mut row)));
                        used = 0;
                    }
                    row.extend(cell(e, w));
                    used += w;
                }
                out.push(Line::from(row));
            }
        }
        out.push(Line::raw(""));
    }
    out.pop();
    out
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let rect = Rect {
        x: area.x + 2,
        y: area.y,
        width: area.width.saturating_sub(4),
        height: area.height,
    };
    Clear.render(rect, buf);
    let title = T::ScreenHelp.get(app.lang);
    let inner_w = rect.width.saturating_sub(2) as usize;
    let room = rect.height.saturating_sub(2) as usize;
    // Two columns read best; where that is too long for the terminal (the item screen and the
    // roll call at 80×24), no blank lines between sections, then three columns where the entries
    // fit, then the entries one after another.
    let mut lines = Vec::new();
    for layout in [Layout::Columns(2), Layout::Columns(3), Layout::Flow] {
        for blanks in [true, false] {
            lines = self::lines(app, inner_w, layout);
            if !blanks {
                lines.retain(|l| l.width() > 0);
            }
            if lines.len() <= room {
                return Paragraph::new(lines)
                    .block(Block::default().borders(Borders::ALL).title(title))
                    .render(rect, buf);
            }
        }
    }
    Paragraph::new(lines)
        .block(Block::default().borders(Borders::ALL).title(title))
        .render(rect, buf);
}
