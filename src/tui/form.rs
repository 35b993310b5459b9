//! Forms for text entry: one or more fields (single- or multi-line), Chinese input methods and
//! bracketed paste included. Tab moves between fields, F2 or Ctrl-S saves, Esc cancels.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use ratatui_textarea::TextArea;

use crate::i18n::T;
use crate::lang::Lang;

use super::theme::Theme;

pub struct Field {
    pub label: T,
    pub hint: Option<T>,
    pub required: bool,
    pub multiline: bool,
    pub input: TextArea<'static>,
}

impl Field {
    pub fn line(label: T) -> Field {
        Field {
            label,
            hint: None,
            required: true,
            multiline: false,
            input: TextArea::default(),
        }
    }

    pub fn text(label: T) -> Field {
        Field {
            multiline: true,
            ..Field::line(label)
        }
    }

    pub fn optional(mut self) -> Field {
        self.required = false;
        self
    }

    pub fn hint(mut self, hint: T) -> Field {
        self.hint = Some(hint);
        self
    }

    pub fn with(mut self, value: &str) -> Field {
        self.input = TextArea::new(value.lines().map(str::to_string).collect());
        self.input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        self.input.move_cursor(ratatui_textarea::CursorMove::End);
        self
    }

    pub fn value(&self) -> String {
        self.input.lines().join("\n").trim().to_string()
    }
}

/// What a key did to a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKey {
    Editing,
    Cancel,
    /// Saved with F2 / Ctrl-S (or Enter in the last single-line field).
    Submit,
    /// Saved with F3: the form's second way of saving (e.g. to the backlog instead of the agenda).
    SubmitAlt,
}

pub struct Form {
    pub title: T,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    /// What the focused field's text means (a scope's owners and area, a rule's thresholds),
    /// worked out by the screen as it is typed.
    pub info: Option<String>,
    /// Footer keys: (key, label).
    pub keys: Vec<(&'static str, T)>,
    /// The values the form opened with: Esc on changed text asks once before discarding it.
    initial: Vec<String>,
    discarding: bool,
}

impl Form {
    pub fn new(title: T, fields: Vec<Field>) -> Form {
        Form {
            initial: fields.iter().map(Field::value).collect(),
            discarding: false,
            title,
            fields,
            focus: 0,
            error: None,
            info: None,
            keys: vec![
                ("Tab", T::KeyNextField),
                ("F2", T::KeySave),
                ("Esc", T::KeyCancel),
            ],
        }
    }

    pub fn values(&self) -> Vec<String> {
        self.fields.iter().map(Field::value).collect()
    }

    /// The first required field left empty, as an error.
    fn missing(&self, lang: Lang) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.required && f.value().is_empty())
            .map(|f| {
                let colon = super::screens::wording::colon(lang);
                format!("{}{colon}{}", f.label.get(lang), T::Required.get(lang))
            })
    }

    pub fn handle_key(&mut self, ev: KeyEvent, lang: Lang) -> FormKey {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let submit = |form: &mut Form, how: FormKey| match form.missing(lang) {
            Some(e) => {
                form.error = Some(e);
                FormKey::Editing
            }
            None => how,
        };
        let discarding = std::mem::take(&mut self.discarding);
        match ev.code {
            KeyCode::Esc if discarding || self.values() == self.initial => FormKey::Cancel,
            KeyCode::Esc => {
                self.discarding = true;
                self.error = Some(T::EscAgain.get(lang).to_string());
                FormKey::Editing
            }
            KeyCode::F(2) => submit(self, FormKey::Submit),
            KeyCode::Char('s') if ctrl => submit(self, FormKey::Submit),
            KeyCode::F(3) => submit(self, FormKey::SubmitAlt),
            // As in the sign-in box: Ctrl-U empties the field.
            KeyCode::Char('u') if ctrl => {
                let field = &mut self.fields[self.focus];
                field.input = TextArea::default();
                FormKey::Editing
            }
            KeyCode::Tab => {
                self.focus = (self.focus + 1) % self.fields.len();
                FormKey::Editing
            }
            KeyCode::BackTab => {
                self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
                FormKey::Editing
            }
            KeyCode::Enter if !self.fields[self.focus].multiline => {
                if self.focus + 1 < self.fields.len() {
                    self.focus += 1;
                    FormKey::Editing
                } else {
                    submit(self, FormKey::Submit)
                }
            }
            _ => {
                self.error = None;
                self.fields[self.focus].input.input(ev);
                FormKey::Editing
            }
        }
    }

    /// Pasted text goes into the focused field; a single-line field keeps it on one line.
    pub fn paste(&mut self, text: &str) {
        let field = &mut self.fields[self.focus];
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if field.multiline {
            field.input.insert_str(&text);
        } else {
            field.input.insert_str(
                text.split('\n')
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        self.error = None;
    }

    /// Draws the form as a centred box over whatever is behind it.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer, theme: &Theme, lang: Lang) {
        let w = area.width.saturating_sub(4).min(96);
        let info = self.info.as_deref().map_or(Vec::new(), |i| {
            super::screens::wrap::wrap(vec![Line::raw(i.to_string())], w.saturating_sub(2))
        });
        // The error, when there is one, takes the place of the explanation (one row saved).
        let info_h = (info.len().min(3) as u16).max(1);
        let wanted: u16 = self
            .fields
            .iter()
            .map(|f| if f.multiline { 8 } else { 3 })
            .sum::<u16>()
            + 3
            + info_h;
        // A long form on a small terminal: each field under a rule instead of in a box, so every
        // field and the error line still show.
        let compact = wanted > area.height.saturating_sub(2);
        let (line_h, text_h) = if compact { (2, 3) } else { (3, 5) };
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
            .chain([Constraint::Length(info_h), Constraint::Length(1)])
            .collect();
        let h = if compact {
            area.height
        } else {
            wanted.min(area.height.saturating_sub(2))
        };
        let rect = super::screens::centred(area, w, h);
        Clear.render(rect, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(self.title.get(lang), theme.title));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let rows = Layout::vertical(heights).split(inner);
        for (i, field) in self.fields.iter_mut().enumerate() {
            let focused = i == self.focus;
            let mut title = field.label.get(lang).to_string();
            if let Some(h) = field.hint {
                title = format!("{title} ({})", h.get(lang));
            }
            let border = if focused { theme.accent } else { theme.dim };
            let borders = if compact { Borders::TOP } else { Borders::ALL };
            field.input.set_block(
                Block::default()
                    .borders(borders)
                    .border_style(border)
                    .title(title),
            );
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
            field.input.render(rows[i], buf);
        }
        let n = self.fields.len();
        match &self.error {
            Some(e) => Paragraph::new(super::screens::wrap::wrap(
                vec![Line::styled(e.clone(), theme.bad)],
                rows[n].width,
            ))
            .render(rows[n], buf),
            None => Paragraph::new(info)
                .style(theme.accent)
                .render(rows[n], buf),
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
