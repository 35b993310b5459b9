//! Drawing a form: each field in a box when there is room; under a rule on a small terminal; and
//! when even that does not fit (a long form at 80×24), one row per field with its label beside it
//! and the focused field's hint under the form. Every field, the error and the keys always show.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::lang::Lang;
use crate::textwidth::width;

use super::form::{Choices, Field, Form};
use super::screens::wrap::wrap;
use super::theme::Theme;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Boxed,
    Ruled,
    Inline,
}

impl Shape {
    /// Rows of a field: (single-line, multi-line at least).
    fn rows(self) -> (u16, u16) {
        match self {
            Shape::Boxed => (3, 5),
            Shape::Ruled => (2, 3),
            Shape::Inline => (1, 2),
        }
    }
}

impl Choices {
    /// The options in a row, the chosen one marked (● also without colour); only the chosen one,
    /// with arrows, if the row would not fit.
    fn line(&self, w: u16, theme: &Theme, focused: bool) -> Line<'static> {
        let chosen = if focused {
            theme.selected
        } else {
            theme.accent
        };
        let all: usize = self.options.iter().map(|(_, l)| width(l) + 4).sum();
        if all <= w as usize {
            let spans = self.options.iter().enumerate().flat_map(|(i, (_, l))| {
                let (mark, style) = if i == self.at {
                    ("●", chosen)
                } else {
                    ("○", theme.dim)
                };
                [Span::styled(format!("{mark} {l}"), style), Span::raw("  ")]
            });
            return Line::from(spans.collect::<Vec<_>>());
        }
        let (_, label) = &self.options[self.at];
        Line::from(vec![
            Span::styled(format!("◀ {label} ▶"), chosen),
            Span::styled(
                format!("  {}/{}", self.at + 1, self.options.len()),
                theme.dim,
            ),
        ])
    }
}

/// Draws one field's value into `area` (its box or rule already drawn around it, or none).
fn value(
    field: &mut Field,
    area: Rect,
    block: Block<'static>,
    buf: &mut Buffer,
    theme: &Theme,
    focused: bool,
) {
    if let Some(c) = &field.choices {
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new(c.line(inner.width, theme, focused)).render(inner, buf);
        return;
    }
    field.input.set_block(block);
    field.input.set_cursor_line_style(Style::default());
    // Long text wraps inside its box (CJK by character, Latin by word).
    if field.multiline {
        field
            .input
            .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    }
    field.input.set_cursor_style(if focused {
        theme.selected
    } else {
        Style::default()
    });
    field.input.render(area, buf);
}

impl Form {
    /// Draws the form as a centred box over whatever is behind it.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer, theme: &Theme, lang: Lang) {
        let w = area.width.saturating_sub(4).min(96);
        let fields = |shape: Shape| -> u16 {
            let (line, text) = shape.rows();
            self.fields
                .iter()
                .map(|f| if f.multiline { text } else { line })
                .sum()
        };
        // Under the fields: the error, else what the focused field means (else, when the labels
        // stand beside the fields, its hint).
        let under = |inline: bool| -> Option<(String, Style)> {
            let focused = &self.fields[self.focus];
            self.error
                .clone()
                .map(|e| (e, theme.bad))
                .or_else(|| self.info.clone().map(|i| (i, theme.accent)))
                .or_else(|| {
                    inline
                        .then_some(focused.hint)
                        .flatten()
                        .map(|h| (h.get(lang).to_string(), theme.dim))
                })
        };
        // The whole message, however long (a refusal may explain what to do instead): the fields
        // give up their boxes, then their rules, before it is cut.
        let under_h = |text: &Option<(String, Style)>| -> u16 {
            let lines = text.as_ref().map_or(1, |(t, _)| {
                wrap(vec![Line::raw(t.clone())], w.saturating_sub(2)).len()
            });
            (lines as u16).max(1)
        };
        let boxed_h =
            fields(Shape::Boxed) + 3 * self.fields.iter().filter(|f| f.multiline).count() as u16;
        let shape = if boxed_h + 3 + under_h(&under(false)) <= area.height.saturating_sub(2) {
            Shape::Boxed
        } else if fields(Shape::Ruled) + 3 + under_h(&under(false)) <= area.height {
            Shape::Ruled
        } else {
            Shape::Inline
        };
        let under = under(shape == Shape::Inline);
        let room = area.height.saturating_sub(fields(shape) + 3).max(1);
        let under_h = under_h(&under).min(room);
        let (line_h, text_h) = shape.rows();
        let heights: Vec<Constraint> = self
            .fields
            .iter()
            .map(|f| {
                if f.multiline {
                    Constraint::Min(text_h)
                } else {
                    Constraint::Length(line_h)
                }
            })
            .chain([Constraint::Length(under_h), Constraint::Length(1)])
            .collect();
        let h = match shape {
            Shape::Boxed => (boxed_h + 3 + under_h).min(area.height.saturating_sub(2)),
            _ => area.height,
        };
        let rect = super::screens::centred(area, w, h);
        Clear.render(rect, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(self.title.get(lang), theme.title));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let rows = Layout::vertical(heights).split(inner);
        // Beside the fields (inline), the labels take the width of the longest.
        let label_w = self
            .fields
            .iter()
            .map(|f| width(f.label.get(lang)) as u16 + 2)
            .max()
            .unwrap_or(0)
            .min(inner.width / 3);
        for (i, field) in self.fields.iter_mut().enumerate() {
            let focused = i == self.focus;
            let border = if focused { theme.accent } else { theme.dim };
            let label = field.label.get(lang);
            if shape == Shape::Inline {
                let [left, right] =
                    Layout::horizontal([Constraint::Length(label_w), Constraint::Min(1)])
                        .areas(rows[i]);
                let style = if focused { border.bold() } else { border };
                Paragraph::new(Span::styled(label, style)).render(left, buf);
                value(field, right, Block::default(), buf, theme, focused);
                continue;
            }
            let title = match field.hint {
                Some(h) => format!("{label} ({})", h.get(lang)),
                None => label.to_string(),
            };
            let borders = if shape == Shape::Ruled {
                Borders::TOP
            } else {
                Borders::ALL
            };
            let block = Block::default()
                .borders(borders)
                .border_style(border)
                .title(title);
            value(field, rows[i], block, buf, theme, focused);
        }
        let n = self.fields.len();
        if let Some((text, style)) = under {
            let mut lines = wrap(vec![Line::styled(text, style)], rows[n].width);
            // Only on a terminal too small for it: what is cut is marked.
            if lines.len() > rows[n].height as usize {
                lines.truncate(rows[n].height as usize);
                if let Some(last) = lines.last_mut() {
                    let marked = format!("{last}…");
                    let kept = crate::textwidth::truncate(&marked, rows[n].width as usize);
                    *last = Line::styled(kept, style);
                }
            }
            Paragraph::new(lines).render(rows[n], buf);
        }
        let keys: Vec<Span> = self
            .keys
            .iter()
            .flat_map(|(k, t)| {
                [
                    Span::styled(format!(" {k} "), theme.key),
                    Span::raw(format!(" {}  ", t.get(lang))),
                ]
            })
            .collect();
        Paragraph::new(Line::from(keys)).render(rows[n + 1], buf);
    }
}
