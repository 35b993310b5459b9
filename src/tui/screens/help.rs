//! Help: every key of every screen, drawn from the same table that dispatches them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::i18n::T;
use crate::lang::Lang;

use super::super::keys::{BINDINGS, On, keys_label};
use super::super::theme::Theme;

fn screen_name(on: On) -> T {
    match on {
        On::Overview => T::ScreenOverview,
        On::SignIn => T::ScreenSignIn,
        On::Item => T::ScreenItem,
        On::RollCall => T::ScreenRollCall,
        On::Actions => T::ScreenActions,
        On::Export => T::ScreenExport,
        On::All => T::AppName,
    }
}

pub fn draw(lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line> = Vec::new();
    for on in [
        On::All,
        On::Overview,
        On::SignIn,
        On::Item,
        On::RollCall,
        On::Actions,
        On::Export,
    ] {
        let mut spans = vec![Span::styled(
            format!("{}: ", screen_name(on).get(lang)),
            theme.title,
        )];
        for b in BINDINGS.iter().filter(|b| b.on == on) {
            spans.push(Span::styled(format!(" {} ", keys_label(b)), theme.key));
            spans.push(Span::raw(format!(" {}  ", b.label.get(lang))));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", T::ScreenRaise.get(lang)), theme.title),
        Span::styled(" Tab ", theme.key),
        Span::raw(format!(" {}  ", T::KeyNextField.get(lang))),
        Span::styled(" F2 ", theme.key),
        Span::raw(format!(" {}  ", T::KeyToAgenda.get(lang))),
        Span::styled(" F3 ", theme.key),
        Span::raw(format!(" {}  ", T::KeyToBacklog.get(lang))),
    ]));
    let rect = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    };
    Clear.render(rect, buf);
    Paragraph::new(super::wrap::wrap(lines, rect.width.saturating_sub(2)))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(T::ScreenHelp.get(lang)),
        )
        .render(rect, buf);
}
