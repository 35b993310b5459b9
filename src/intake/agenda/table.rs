//! Reading one TOML table of the agenda with its spans: which keys it may hold, what each is for,
//! and typed getters that report a wrong type, an empty text or a missing key where it happens.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::report::Report;
use super::suggest::closest;
use crate::i18n::{AgendaText as A, Said, said};

/// A key a table may hold, with what it is for and an example line: both go into hints.
pub(super) struct KeySpec {
    pub key: &'static str,
    pub what: crate::i18n::AgendaKeyText,
    pub example: &'static str,
}

/// A value and where it starts in the file.
#[derive(Clone, Debug)]
pub(super) struct At<T> {
    pub value: T,
    pub at: usize,
}

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// One table being read. Creating it reports unknown keys; the getters report the rest.
pub(super) struct Fields<'a, 'i> {
    /// How messages name the table: "[meeting]", "item 2", "rule 'unit-two-thirds'".
    name: Said,
    /// Where the table starts (its header), for missing keys.
    header: usize,
    table: &'a DeTable<'i>,
    keys: &'static [KeySpec],
}

impl<'a, 'i> Fields<'a, 'i> {
    pub(super) fn new(
        report: &mut Report,
        name: Said,
        header: usize,
        table: &'a DeTable<'i>,
        keys: &'static [KeySpec],
    ) -> Self {
        let fields = Fields {
            name,
            header,
            table,
            keys,
        };
        fields.report_unknown_keys(report);
        fields
    }

    pub(super) fn name(&self) -> &Said {
        &self.name
    }

    pub(super) fn header(&self) -> usize {
        self.header
    }

    /// The value of a key, if present.
    pub(super) fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.table.get(key)
    }

    /// Where a key is written (the key itself, not its value).
    pub(super) fn key_at(&self, key: &str) -> usize {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map_or(self.header, |(k, _)| k.span().start)
    }

    /// The value of a required key; a missing key is reported at the table's header.
    pub(super) fn required(&self, report: &mut Report, key: &str) -> Option<&'a Value<'i>> {
        let value = self.get(key);
        if value.is_none() {
            let spec = self.spec(key);
            report.at(
                self.header,
                said!(A::MissingKey, key = key).with("table", &self.name),
                said!(A::AddKey, example = spec.example).word("what", spec.what),
            );
        }
        value
    }

    /// A required text: present, a string, not blank. Trimmed.
    pub(super) fn text(&self, report: &mut Report, key: &str) -> Option<At<String>> {
        let value = self.required(report, key)?;
        let text = string(report, key, value, self.spec(key).example)?;
        if text.value.is_empty() {
            let spec = self.spec(key);
            report.at(
                text.at,
                said!(A::EmptyKey, key = key),
                said!(A::FillIn, example = spec.example).word("what", spec.what),
            );
            return None;
        }
        Some(text)
    }

    /// An optional text. Absent or blank is `None` (templates may leave `proposal = ""` to fill in later);
    /// a wrong type is reported and also gives `None`.
    pub(super) fn optional_text(&self, report: &mut Report, key: &str) -> Option<At<String>> {
        let value = self.get(key)?;
        string(report, key, value, self.spec(key).example).filter(|t| !t.value.is_empty())
    }

    fn spec(&self, key: &str) -> &'static KeySpec {
        self.keys
            .iter()
            .find(|s| s.key == key)
            .expect("every key read is declared in its table's KeySpec list")
    }

    fn report_unknown_keys(&self, report: &mut Report) {
        let known: Vec<&str> = self.keys.iter().map(|s| s.key).collect();
        for (key, _) in self.table.iter() {
            let typed = key.get_ref().as_ref();
            if known.contains(&typed) {
                continue;
            }
            let hint = match closest(typed, &known) {
                Some(k) => said!(A::DidYouMean, name = k),
                None => said!(A::AllowedKeys, keys = known.join(", ")).with("table", &self.name),
            };
            report.at(
                key.span().start,
                said!(A::UnknownKey, key = typed).with("table", &self.name),
                hint,
            );
        }
    }
}

/// A string value, trimmed. Any other type is reported: a number is quoted back as text
/// (`title = 5` → `title = "5"`), anything else gets the key's example line.
pub(super) fn string(
    report: &mut Report,
    key: &str,
    value: &Value,
    example: &str,
) -> Option<At<String>> {
    match value.get_ref() {
        DeValue::String(s) => Some(At {
            value: s.trim().to_string(),
            at: value.span().start,
        }),
        other => {
            let hint = match other {
                DeValue::Integer(_) | DeValue::Float(_) => {
                    said!(A::QuoteIt, key = key, value = report.source(&value.span()))
                }
                _ => said!(A::TextInQuotes, example = example),
            };
            wrong_type(report, key, value, A::TypeString, hint);
            None
        }
    }
}

/// Reports a value of the wrong type: "'title' must be a string, not an integer".
pub(super) fn wrong_type(
    report: &mut Report,
    key: &str,
    value: &Value,
    expected: A,
    hint: impl Into<Said>,
) {
    report.at(
        value.span().start,
        said!(A::WrongType, key = key)
            .word("expected", expected)
            .word("found", a_type(value.get_ref())),
        hint,
    );
}

/// A value's type as people say it.
pub(super) fn a_type(value: &DeValue) -> A {
    match value {
        DeValue::String(_) => A::TypeString,
        DeValue::Integer(_) => A::TypeInteger,
        DeValue::Float(_) => A::TypeDecimal,
        DeValue::Boolean(_) => A::TypeBoolean,
        DeValue::Datetime(d) => match (d.date, d.time) {
            (Some(_), Some(_)) => A::TypeDateTime,
            (Some(_), None) => A::TypeDate,
            _ => A::TypeTime,
        },
        DeValue::Array(_) => A::TypeList,
        DeValue::Table(_) => A::TypeTable,
    }
}
