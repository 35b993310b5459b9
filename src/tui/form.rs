//! Forms for text entry: one or more fields (single- or multi-line), Chinese input methods and
//! bracketed paste included. Tab moves between fields, F2 or Ctrl-S saves, Esc cancels.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use crate::i18n::T;
use crate::lang::Lang;

pub struct Field {
    pub label: T,
    pub hint: Option<T>,
    pub required: bool,
    pub multiline: bool,
    pub input: TextArea<'static>,
    /// A field picked from a list instead of typed (e.g. the rule).
    pub choices: Option<Choices>,
}

/// The options of a field picked from a list: ↑/↓ (or ←/→) move, a digit picks that option.
pub struct Choices {
    /// Each option's value (what the form gives) and label (what the host reads).
    pub options: Vec<(String, String)>,
    pub at: usize,
}

impl Choices {
    fn key(&mut self, code: KeyCode) {
        let n = self.options.len();
        match code {
            KeyCode::Up | KeyCode::Left => self.at = (self.at + n - 1) % n,
            KeyCode::Down | KeyCode::Right | KeyCode::Char(' ') => self.at = (self.at + 1) % n,
            KeyCode::Char(c) => {
                if let Some(i) = c
                    .to_digit(10)
                    .map(|d| d as usize)
                    .filter(|&d| d >= 1 && d <= n)
                {
                    self.at = i - 1;
                }
            }
            _ => {}
        }
    }
}

impl Field {
    pub fn line(label: T) -> Field {
        Field {
            label,
            hint: None,
            required: true,
            multiline: false,
            input: TextArea::default(),
            choices: None,
        }
    }

    /// A field picked from `options` (value, label), the first chosen.
    pub fn choice(label: T, options: Vec<(String, String)>) -> Field {
        Field {
            choices: Some(Choices { options, at: 0 }),
            ..Field::line(label)
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
        if let Some(c) = &mut self.choices {
            c.at = c
                .options
                .iter()
                .position(|(v, _)| v == value)
                .unwrap_or(c.at);
            return self;
        }
        self.input = TextArea::new(value.lines().map(str::to_string).collect());
        self.input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        self.input.move_cursor(ratatui_textarea::CursorMove::End);
        self
    }

    pub fn value(&self) -> String {
        if let Some(c) = &self.choices {
            return c.options[c.at].0.clone();
        }
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
            _ if self.fields[self.focus].choices.is_some() => {
                self.error = None;
                if let Some(c) = &mut self.fields[self.focus].choices {
                    c.key(ev.code);
                }
                FormKey::Editing
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
        if field.choices.is_some() {
            return;
        }
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
}
