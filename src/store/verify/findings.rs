//! What `verify` reports: each row that does not fit, and how values are quoted in the report.

use std::fmt;

use crate::i18n::{FindingText as F, Said, said};
use crate::lang::Lang;

/// One row that does not fit: which table, which row, what is wrong, and the event it contradicts.
/// Row and message are message values, rendered in the reader's language ([`Finding::render`]);
/// `Display` and the JSON of `verify --json` give them in English.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub table: String,
    #[serde(serialize_with = "english")]
    pub row: Said,
    pub event: Option<i64>,
    #[serde(serialize_with = "english")]
    pub message: Said,
}

fn english<S: serde::Serializer>(s: &Said, to: S) -> Result<S::Ok, S::Error> {
    to.serialize_str(&s.render(Lang::En))
}

impl Finding {
    /// The finding in `lang`: "ballots id 3: … (event 12)".
    pub fn render(&self, lang: Lang) -> String {
        let mut line = F::Line.fill(
            lang,
            &[
                ("table", &crate::i18n::table_name(&self.table, lang)),
                ("row", &self.row.render(lang)),
                ("message", &self.message.render(lang)),
            ],
        );
        if let Some(e) = self.event {
            line.push_str(&F::AtEvent.fill(lang, &[("event", &e)]));
        }
        line
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// What `verify` found.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Verification {
    /// Number of events in the chain.
    pub events: usize,
    /// The chain head: the hash of the last event.
    pub head: String,
    /// Rows compared per table.
    pub checked: Vec<(&'static str, usize)>,
    /// Everything that does not fit, the chain first; empty when the record is intact.
    pub findings: Vec<Finding>,
}

impl Verification {
    pub fn is_intact(&self) -> bool {
        self.findings.is_empty()
    }
}

/// At most this many findings are kept: a mass edit would otherwise list the whole database.
const MAX_FINDINGS: usize = 1000;

/// The findings gathered so far, in the order they are met.
#[derive(Default)]
pub(super) struct Findings(pub(super) Vec<Finding>);

impl Findings {
    pub(super) fn push(
        &mut self,
        table: &str,
        row: impl Into<Said>,
        event: Option<i64>,
        message: Said,
    ) {
        if self.0.len() < MAX_FINDINGS {
            self.0.push(Finding {
                table: table.to_string(),
                row: row.into(),
                event,
                message,
            });
        }
    }

    /// A finding about the event itself (its link, its data, or what it claims).
    pub(super) fn event(&mut self, id: i64, message: Said) {
        self.push("events", said!(F::RowId, id = id), Some(id), message);
    }

    /// One column against what an event set it to.
    pub(super) fn field<T: PartialEq + Shown>(
        &mut self,
        table: &str,
        row: &Said,
        column: &str,
        actual: &T,
        expected: &Set<T>,
    ) {
        if *actual != expected.value {
            self.push(
                table,
                row.clone(),
                Some(expected.event),
                said!(F::FieldDiffers, column = column)
                    .with("actual", &actual.shown())
                    .with("expected", &expected.value.shown()),
            );
        }
    }
}

/// How a value is quoted in a finding (a missing one is said in the reader's language).
pub(super) trait Shown {
    fn shown(&self) -> Said;
}

impl Shown for String {
    fn shown(&self) -> Said {
        // Long texts (a statement, a proposal) are cut: the row and event say where to look.
        let line = self.lines().next().unwrap_or("");
        Said::verbatim(if line.chars().count() > 40 || line.len() < self.len() {
            format!("'{}…'", line.chars().take(40).collect::<String>())
        } else {
            format!("'{self}'")
        })
    }
}

impl Shown for i64 {
    fn shown(&self) -> Said {
        Said::verbatim(self.to_string())
    }
}

impl Shown for bool {
    fn shown(&self) -> Said {
        Said::verbatim(self.to_string())
    }
}

impl<T: Shown> Shown for Option<T> {
    fn shown(&self) -> Said {
        self.as_ref().map_or_else(|| said!(F::Empty), Shown::shown)
    }
}

/// A value and the event that set it.
#[derive(Clone, Debug)]
pub(super) struct Set<T> {
    pub(super) value: T,
    pub(super) event: i64,
}

pub(super) fn set<T>(value: T, event: i64) -> Set<T> {
    Set { value, event }
}
