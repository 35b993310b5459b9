//! Forms people type: full-width digits and punctuation from a Chinese input method, dates
//! written 2026-12-15, 2026/12/15, 2026.12.15, 2026年12月15日 or 12月15日, and a moment: such a
//! date (or none, for a given day) and a time 19:20, with an offset if the writer gives one.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;

/// Full-width ASCII (０-９, Ａ-Ｚ, －, ／, ．, ：…) as plain ASCII, the ideographic space as a space.
pub use super::address::fold_width as half_width;

/// A date in any of the forms people write; a month and day without a year (`12月15日`) fall in
/// `year`. None if it is not a real date.
pub fn parse_date(text: &str, year: i16) -> Option<Date> {
    let t = half_width(text);
    let t = t.trim();
    let numbers: Vec<&str> = t
        .split(['-', '/', '.', '年', '月', '日', '号'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if numbers
        .iter()
        .any(|p| !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let ymd: (i16, i8, i8) = match numbers.as_slice() {
        [y, m, d] if y.len() == 4 => (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        // Only 12月15日, not 12/15 (which reads as day/month in some places and month/day in others).
        [m, d] if t.contains('月') => (year, m.parse().ok()?, d.parse().ok()?),
        _ => return None,
    };
    Date::new(ymd.0, ymd.1, ymd.2).ok()
}

/// A moment as people write it: a date in any form [`parse_date`] takes (none: `day`), then a
/// time `19:20` or `19:20:30` (after a space, a `T`, or straight after 日), then optionally an
/// offset `+08:00`, `+0800`, `+08` or `Z`. The date and time are as written; the offset is None
/// when the writer gave none (the caller knows whose local time it then is).
pub fn parse_moment(text: &str, day: Date) -> Option<(DateTime, Option<Offset>)> {
    let t = half_width(text);
    let t = t.trim();
    // The time starts at the digits just before the first colon.
    let colon = t.find(':')?;
    let start = t[..colon]
        .char_indices()
        .rfind(|(_, c)| !c.is_ascii_digit())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let date_part = t[..start].trim_end();
    let date_part = date_part
        .strip_suffix(['T', 't'])
        .unwrap_or(date_part)
        .trim();
    let date = if date_part.is_empty() {
        day
    } else {
        parse_date(date_part, day.year())?
    };
    let (time, offset) = split_offset(&t[start..])?;
    let numbers: Vec<&str> = time.split(':').collect();
    if numbers
        .iter()
        .any(|n| n.is_empty() || n.len() > 2 || !n.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let hms: Vec<i8> = numbers
        .iter()
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    let time = match hms.as_slice() {
        [h, m] => Time::new(*h, *m, 0, 0).ok()?,
        [h, m, s] => Time::new(*h, *m, *s, 0).ok()?,
        _ => return None,
    };
    Some((date.to_datetime(time), offset))
}

/// `19:20+08:00` → (`19:20`, +8h); `19:20` → (`19:20`, None). None if what follows the time is
/// not an offset.
fn split_offset(text: &str) -> Option<(&str, Option<Offset>)> {
    let text = text.trim();
    let Some(at) = text.find(|c: char| !(c.is_ascii_digit() || c == ':')) else {
        return Some((text, None));
    };
    let (time, rest) = text.split_at(at);
    let rest = rest.trim();
    if rest.eq_ignore_ascii_case("z") {
        return Some((time, Some(Offset::UTC)));
    }
    let sign: i32 = match rest.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = if digits.len() == 4 {
        digits[2..].parse().ok()?
    } else {
        0
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    let offset = Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()?;
    Some((time, Some(offset)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_documented_moment_form() {
        let day = date(2026, 11, 28);
        let at = day.at(19, 20, 0, 0);
        for text in [
            "2026-11-28 19:20",
            "2026-11-28T19:20",
            "2026-11-28 19:20:00",
            "2026/11/28 19:20",
            "2026.11.28 19:20",
            "2026年11月28日 19:20",
            "2026年11月28日19:20",
            "11月28日 19:20",
            "19:20",
            " １９：２０ ",
            "２０２６－１１－２８　１９：２０",
        ] {
            assert_eq!(parse_moment(text, day), Some((at, None)), "{text}");
        }
        let eight = Offset::from_hours(8).unwrap();
        for text in [
            "2026-11-28T19:20:00+08:00",
            "2026-11-28 19:20 +08:00",
            "2026-11-28 19:20+0800",
            "2026-11-28 19:20+08",
        ] {
            assert_eq!(parse_moment(text, day), Some((at, Some(eight))), "{text}");
        }
        assert_eq!(
            parse_moment("2026-11-28T11:20Z", day),
            Some((day.at(11, 20, 0, 0), Some(Offset::UTC)))
        );
        let west = Offset::from_seconds(-(5 * 3600 + 1800)).unwrap();
        assert_eq!(
            parse_moment("2026-11-28 19:20-05:30", day),
            Some((at, Some(west)))
        );
        // The day given stands for a time written alone; another day's date is taken as written.
        assert_eq!(
            parse_moment("2026-12-01 08:05", day),
            Some((date(2026, 12, 1).at(8, 5, 0, 0), None))
        );
    }

    #[test]
    fn what_is_not_a_moment() {
        let day = date(2026, 11, 28);
        for text in [
            "",
            "19",
            "2026-11-28",
            "25:00",
            "19:60",
            "19:20:61",
            "19:20 tomorrow",
            "2026-11-31 19:20",
            "yesterday 19:20",
            "19:20+25:00",
            "19:20+8",
            "1:2:3:4",
            "119:20",
        ] {
            assert_eq!(parse_moment(text, day), None, "{text}");
        }
    }

    #[test]
    fn every_documented_date_form() {
        let d = date(2026, 12, 15);
        for text in [
            "2026-12-15",
            "2026/12/15",
            "2026.12.15",
            "2026年12月15日",
            "2026年12月15号",
            " ２０２６－１２－１５ ",
            "２０２６年１２月１５日",
        ] {
            assert_eq!(parse_date(text, 2025), Some(d), "{text}");
        }
        assert_eq!(parse_date("12月15日", 2026), Some(d));
        assert_eq!(parse_date("１２月１５日", 2026), Some(d));
    }

    #[test]
    fn what_is_not_a_date() {
        for text in [
            "12/01",
            "2026-02-30",
            "2026-13-01",
            "明天",
            "",
            "26-12-15",
            "2026-12",
        ] {
            assert_eq!(parse_date(text, 2026), None, "{text}");
        }
    }

    #[test]
    fn full_width_is_made_plain() {
        assert_eq!(half_width("３－２－５０１"), "3-2-501");
        assert_eq!(half_width("３栋２单元５０１"), "3栋2单元501");
        assert_eq!(half_width("５６．５０"), "56.50");
        assert_eq!(half_width("同意。"), "同意。");
    }
}
