//! Dates and the meeting's start: TOML's own date values or the same written as a string,
//! checked with jiff so that 2026-02-30 is caught whichever way it was written.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use toml::de::DeValue;
use toml::value::Datetime;

use super::report::Report;
use super::table::{Value, wrong_type};

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
    expected: &str,
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
                    format!("'{}' is not a valid {expected}: {detail}", s.trim()),
                    format!("write it like {key} = {example}"),
                );
                None
            }
        },
        _ => {
            wrong_type(
                report,
                key,
                value,
                expected_article(expected),
                format!("write it like {key} = {example}"),
            );
            None
        }
    }
}

fn expected_article(expected: &str) -> &'static str {
    if expected == "date" {
        "a date"
    } else {
        "a date and time"
    }
}

/// A calendar date (`raised_on`, `objections_until`): a TOML local date or "YYYY-MM-DD".
pub(super) fn date(report: &mut Report, key: &str, value: &Value, example: &str) -> Option<Date> {
    let d = datetime(report, key, value, "date", example)?;
    let at = value.span().start;
    match (d.date, d.time, d.offset) {
        (Some(date), None, None) => civil_date(report, at, date, example),
        _ => {
            report.at(
                at,
                format!(
                    "'{key}' must be a date only, not {}",
                    super::table::a_type(&DeValue::Datetime(d))
                ),
                format!("write just the day: {key} = {example}"),
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
            format!("{d} is not a valid date"),
            format!("write a real calendar day, e.g. {example}"),
        );
    }
    made
}

/// The meeting's start: date, time and UTC offset are all needed, so the minutes can state the exact
/// time and a laptop with a wrong time zone setting cannot shift it.
pub(super) fn start(report: &mut Report, key: &str, value: &Value) -> Option<Start> {
    const EXAMPLE: &str = "2026-11-28T19:00:00+08:00";
    let d = datetime(report, key, value, "date and time", EXAMPLE)?;
    let at = value.span().start;
    let (Some(day), Some(time)) = (d.date, d.time) else {
        let missing = if d.date.is_none() {
            "a date"
        } else {
            "a time of day"
        };
        report.at(
            at,
            format!("'{key}' needs {missing}"),
            format!("write date, time and offset: {key} = {EXAMPLE}"),
        );
        return None;
    };
    let Some(offset) = d.offset else {
        report.at(
            at,
            format!("'{key}' has no UTC offset"),
            format!("add +08:00 (China Standard Time): {key} = {d}+08:00"),
        );
        return None;
    };
    let date = civil_date(report, at, day, "2026-11-28")?;
    let clock = Time::new(
        time.hour as i8,
        time.minute as i8,
        time.second.unwrap_or(0) as i8,
        time.nanosecond.unwrap_or(0) as i32,
    );
    let minutes = match offset {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i32::from(minutes),
    };
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
            format!("{d} is not a valid date and time"),
            format!("write it like {key} = {EXAMPLE}"),
        );
    }
    made
}
