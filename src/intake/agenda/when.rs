//! Dates and the meeting's start: TOML's own date values or the same written as a string,
//! checked with jiff so that 2026-02-30 is caught whichever way it was written.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use toml::de::DeValue;
use toml::value::Datetime;

use super::report::Report;
use super::table::{Value, wrong_type};
use crate::i18n::{AgendaText as A, said};

/// When the meeting starts, with the offset it was written in.
#[derive(Clone, Copy, Debug)]
pub(super) struct Start {
    pub timestamp: Timestamp,
    pub offset: Offset,
    /// The local date, to compare other dates of the agenda with.
    pub date: Date,
}

/// A TOML date or datetime, from a native value or a string in the same form.
fn datetime(
    report: &mut Report,
    key: &str,
    value: &Value,
    expected: A,
    example: &str,
) -> Option<Datetime> {
    match value.get_ref() {
        DeValue::Datetime(d) => Some(*d),
        DeValue::String(s) => match s.trim().parse::<Datetime>() {
            Ok(d) => Some(d),
            Err(e) => {
                let detail = e.to_string();
                let detail = detail
                    .strip_prefix("invalid datetime, ")
                    .or_else(|| detail.strip_prefix("invalid date, "))
                    .or_else(|| detail.strip_prefix("invalid time, "))
                    .unwrap_or(&detail)
                    .to_string();
                report.at(
                    value.span().start,
                    said!(A::NotValid, text = s.trim(), detail = detail).word(
                        "expected",
                        if expected == A::TypeDate {
                            A::WordDate
                        } else {
                            A::WordDateTime
                        },
                    ),
                    said!(A::WriteLike, key = key, example = example),
                );
                None
            }
        },
        _ => {
            wrong_type(
                report,
                key,
                value,
                expected,
                said!(A::WriteLike, key = key, example = example),
            );
            None
        }
    }
}

/// A calendar date (`raised_on`, `objections_until`): a TOML local date or "YYYY-MM-DD".
pub(super) fn date(report: &mut Report, key: &str, value: &Value, example: &str) -> Option<Date> {
    let d = datetime(report, key, value, A::TypeDate, example)?;
    let at = value.span().start;
    match (d.date, d.time, d.offset) {
        (Some(date), None, None) => civil_date(report, at, date, example),
        _ => {
            report.at(
                at,
                said!(A::DateOnly, key = key)
                    .word("found", super::table::a_type(&DeValue::Datetime(d))),
                said!(A::JustTheDay, key = key, example = example),
            );
            None
        }
    }
}

fn civil_date(report: &mut Report, at: usize, d: toml::value::Date, example: &str) -> Option<Date> {
    let made = i16::try_from(d.year)
        .ok()
        .and_then(|y| Date::new(y, d.month as i8, d.day as i8).ok());
    if made.is_none() {
        report.at(
            at,
            said!(A::NotADate, date = d),
            said!(A::RealDay, example = example),
        );
    }
    made
}

/// The meeting's start: date, time and UTC offset are all needed, so the minutes can state the exact
/// time and a laptop with a wrong time zone setting cannot shift it.
pub(super) fn start(report: &mut Report, key: &str, value: &Value) -> Option<Start> {
    const EXAMPLE: &str = "2026-11-28T19:00:00+08:00";
    let d = datetime(report, key, value, A::TypeDateTime, EXAMPLE)?;
    let at = value.span().start;
    let (Some(day), Some(time)) = (d.date, d.time) else {
        let missing = if d.date.is_none() {
            A::ADate
        } else {
            A::ATimeOfDay
        };
        report.at(
            at,
            said!(A::Needs, key = key).word("missing", missing),
            said!(A::DateTimeOffset, key = key, example = EXAMPLE),
        );
        return None;
    };
    // Without an offset the time is this machine's local time (`check` says so).
    let minutes = match d.offset {
        None => crate::localtime::machine_offset().seconds() / 60,
        Some(toml::value::Offset::Z) => 0,
        Some(toml::value::Offset::Custom { minutes }) => i32::from(minutes),
    };
    let date = civil_date(report, at, day, "2026-11-28")?;
    let clock = Time::new(
        time.hour as i8,
        time.minute as i8,
        time.second.unwrap_or(0) as i8,
        time.nanosecond.unwrap_or(0) as i32,
    );
    let made = clock.ok().and_then(|clock| {
        let offset = Offset::from_seconds(minutes * 60).ok()?;
        let timestamp = offset
            .to_timestamp(DateTime::from_parts(date, clock))
            .ok()?;
        Some(Start {
            timestamp,
            offset,
            date,
        })
    });
    if made.is_none() {
        report.at(
            at,
            said!(A::NotADateTime, date = d),
            said!(A::WriteLike, key = key, example = EXAMPLE),
        );
    }
    made
}
