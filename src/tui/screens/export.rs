//! Export: choose the format and the document (minutes or public notice), write it, and see where
//! the file went.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::export::{Format, Variant};
use crate::i18n::T;

use super::super::app::App;
use super::super::keys::Action;
use super::super::worker::Request;
use super::wording::label;

#[derive(Clone, Debug, Default)]
pub struct State {
    pub format: usize,
    pub public: bool,
    pub last: Option<String>,
}

impl State {
    pub fn format(&self) -> Format {
        Format::ALL[self.format % Format::ALL.len()]
    }

    pub fn variant(&self) -> Variant {
        if self.public {
            Variant::PublicNotice
        } else {
            Variant::Minutes
        }
    }
}

pub fn on_action(app: &mut App, action: Action) {
    match action {
        Action::NextFormat => app.export.format = (app.export.format + 1) % Format::ALL.len(),
        Action::ToggleVariant => app.export.public = !app.export.public,
        Action::Export => {
            let (format, variant, lang) = (app.export.format(), app.export.variant(), app.lang);
            app.send(Request::Export {
                format,
                variant,
                lang,
            });
        }
        _ => {}
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let th = app.theme;
    let mut lines = vec![Line::styled(app.t(T::ExportFormat), th.title)];
    for (i, f) in Format::ALL.iter().enumerate() {
        let chosen = i == app.export.format;
        let mark = if chosen { "(●)" } else { "( )" };
        let style = if chosen { th.selected } else { th.text };
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{mark} {}", f.extension()), style),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::ExportVariant), th.title));
    for (public, label) in [(false, T::Minutes), (true, T::PublicNotice)] {
        let chosen = public == app.export.public;
        let mark = if chosen { "(●)" } else { "( )" };
        let style = if chosen { th.selected } else { th.text };
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{mark} {}", app.t(label)), style),
        ]));
    }
    lines.push(Line::raw(""));
    let lang = match app.lang {
        crate::lang::Lang::Zh => "中文",
        crate::lang::Lang::En => "English",
    };
    lines.push(Line::raw(format!("{}{lang}", label(app, T::ExportLang))));
    lines.push(Line::raw(format!("{}exports/", label(app, T::ExportWhere))));
    if let Some(last) = &app.export.last {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{}{last}", label(app, T::LastExport)),
            th.ok,
        ));
    }
    Paragraph::new(super::wrap::wrap(lines, area.width)).render(area, buf);
}
