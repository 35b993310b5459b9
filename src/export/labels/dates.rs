//! Dates and times of the exports in the reader's convention (2026年11月28日 / 28 Nov 2026),
//! and for machines (CSV, JSON).

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::Offset;

use crate::lang::Lang;

/// A date in the reader's convention: 2026年11月28日 / 28 Nov 2026.
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            MONTHS[d.month() as usize - 1],
            d.year()
        ),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn weekday(w: Weekday, lang: Lang) -> &'static str {
    let i = w.to_monday_zero_offset() as usize;
    match lang {
        Lang::Zh => [
            "星期一",
            "星期二",
            "星期三",
            "星期四",
            "星期五",
            "星期六",
            "星期日",
        ][i],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][i],
    }
}

/// A UTC offset as UTC+08:00.
pub fn offset(o: Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
}

/// When the meeting starts, in the estate's local time (no offset, docs/glossary.md):
/// 2026年11月28日（星期六）19:00 / Saturday 28 Nov 2026, 19:00.
pub fn meeting_time(start: DateTime, lang: Lang) -> String {
    let d = start.date();
    let hm = hm(start);
    match lang {
        Lang::Zh => format!("{}（{}）{hm}", date(d, lang), weekday(d.weekday(), lang)),
        Lang::En => format!("{} {}, {hm}", weekday(d.weekday(), lang), date(d, lang)),
    }
}

fn hm(t: DateTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A moment in the meeting's local time: only the time on the meeting's day, else date and time.
pub fn moment(at: Option<Timestamp>, o: Offset, day: Date, lang: Lang) -> String {
    let Some(at) = at else { return String::new() };
    let local = o.to_datetime(at);
    if local.date() == day {
        hm(local)
    } else {
        format!("{} {}", date(local.date(), lang), hm(local))
    }
}

/// A local date of a stored moment.
pub fn local_date(at: Option<Timestamp>, o: Offset, lang: Lang) -> String {
    at.map(|t| date(o.to_datetime(t).date(), lang))
        .unwrap_or_default()
}

/// A local time for machines (CSV): 2026-11-28 19:05.
pub fn machine_time(at: Option<Timestamp>, o: Offset) -> String {
    at.map(|t| o.to_datetime(t).strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// A local time with its offset for machines (JSON): 2026-11-28T19:05:00+08:00.
pub fn rfc3339(at: Option<Timestamp>, o: Offset) -> Option<String> {
    at.map(|t| crate::localtime::rfc3339(t, o))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn dates_in_the_readers_convention() {
        assert_eq!(date(d(2026, 11, 28), Lang::Zh), "2026年11月28日");
        assert_eq!(date(d(2026, 11, 28), Lang::En), "28 Nov 2026");
        let start = d(2026, 11, 28).at(19, 0, 0, 0);
        let o = Offset::from_hours(8).unwrap();
        assert_eq!(
            meeting_time(start, Lang::Zh),
            "2026年11月28日（星期六）19:00"
        );
        assert_eq!(meeting_time(start, Lang::En), "Saturday 28 Nov 2026, 19:00");
        let at: Timestamp = "2026-11-28T11:05:00Z".parse().unwrap();
        assert_eq!(moment(Some(at), o, d(2026, 11, 28), Lang::Zh), "19:05");
        assert_eq!(
            moment(Some(at), o, d(2026, 11, 27), Lang::En),
            "28 Nov 2026 19:05"
        );
        assert_eq!(rfc3339(Some(at), o).unwrap(), "2026-11-28T19:05:00+08:00");
        assert_eq!(
            offset(Offset::from_seconds(-(5 * 3600 + 1800)).unwrap()),
            "UTC-05:30"
        );
    }
}
