//! Forms people type: full-width digits and punctuation from a Chinese input method, and dates
//! written 2026-12-15, 2026/12/15, 2026.12.15, 2026年12月15日 or 12月15日.

use jiff::civil::Date;

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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

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
