//! How a public notice (公示) closes: who issues it, when it is posted, how long it stays up, and
//! whether the host and secretary are named in full. Pure values; the store keeps them per meeting.

use jiff::ToSpan;
use jiff::civil::Date;

/// The notice period when nobody set one: a week, the common minimum (local rules vary).
pub const DEFAULT_NOTICE_DAYS: u16 = 7;

/// The longest notice period accepted, to catch a typo (a year).
pub const MAX_NOTICE_DAYS: u16 = 365;

/// The closing of a meeting's notice, as set by the agenda or later by the secretary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticeSettings {
    /// The issuing body (发布单位): owners' committee, residents' committee …; None leaves a blank.
    pub issuer: Option<String>,
    /// The day the notice is posted; None leaves a blank to fill in by hand.
    pub posted_on: Option<Date>,
    /// How many days the notice stays up, the posting day included; None = [`DEFAULT_NOTICE_DAYS`].
    pub notice_days: Option<u16>,
    /// The community decided to name the host and secretary in full (masked otherwise).
    pub show_officers: bool,
}

impl NoticeSettings {
    /// The notice period in days.
    pub fn days(&self) -> u16 {
        self.notice_days.unwrap_or(DEFAULT_NOTICE_DAYS)
    }

    /// The notice period, first and last day (both included), once the posting day is known.
    pub fn period(&self) -> Option<(Date, Date)> {
        let from = self.posted_on?;
        let last = from.checked_add((i64::from(self.days()) - 1).days()).ok()?;
        Some((from, last))
    }

    /// Nothing set: the notice closes with blanks and a week's period.
    pub fn is_default(&self) -> bool {
        *self == NoticeSettings::default()
    }
}

/// A notice period in days, if usable: at least one day, at most [`MAX_NOTICE_DAYS`].
pub fn valid_days(days: i64) -> Option<u16> {
    u16::try_from(days)
        .ok()
        .filter(|d| (1..=MAX_NOTICE_DAYS).contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_week_counts_the_posting_day() {
        let s = NoticeSettings {
            posted_on: Some(date(2026, 11, 29)),
            ..NoticeSettings::default()
        };
        assert_eq!(s.days(), 7);
        assert_eq!(s.period(), Some((date(2026, 11, 29), date(2026, 12, 5))));
        let one = NoticeSettings {
            notice_days: Some(1),
            ..s.clone()
        };
        assert_eq!(one.period(), Some((date(2026, 11, 29), date(2026, 11, 29))));
        assert_eq!(NoticeSettings::default().period(), None);
        assert!(NoticeSettings::default().is_default());
        assert!(!s.is_default());
    }

    #[test]
    fn days_within_reason() {
        assert_eq!(valid_days(0), None);
        assert_eq!(valid_days(-3), None);
        assert_eq!(valid_days(7), Some(7));
        assert_eq!(valid_days(365), Some(365));
        assert_eq!(valid_days(366), None);
    }
}
