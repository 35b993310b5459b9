//! The estate's local time. Moments are stored as UTC instants; they are shown in the estate's
//! offset (its meetings' offset, else the machine's) and written for machines as RFC 3339 with
//! seconds and that offset, so a date never flips at midnight UTC.

use std::sync::OnceLock;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

/// The machine's time zone, resolved once per process and cheaply: the zone file (`$TZ`, else
/// `/etc/localtime`) read as it is. jiff's own lookup walks all of `/usr/share/zoneinfo` to learn
/// the zone's name, which we never show — a cost every command would pay at start-up.
pub fn machine_zone() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| zone_from_files().unwrap_or_else(TimeZone::system))
}

fn zone_from_files() -> Option<TimeZone> {
    let read = |path: &std::path::Path| {
        let bytes = std::fs::read(path).ok()?;
        TimeZone::tzif("local", &bytes).ok()
    };
    match std::env::var("TZ") {
        Ok(tz) if !tz.is_empty() => {
            let name = tz.strip_prefix(':').unwrap_or(&tz);
            let path = std::path::Path::new(name);
            if path.is_absolute() {
                read(path)
            } else if name.contains("..") {
                None
            } else {
                read(&std::path::Path::new("/usr/share/zoneinfo").join(name))
                    .or_else(|| TimeZone::posix(name).ok())
            }
        }
        Ok(_) => Some(TimeZone::UTC),
        Err(_) => read(std::path::Path::new("/etc/localtime")),
    }
}

/// Now, in the machine's time zone.
pub fn now_local() -> Zoned {
    Timestamp::now().to_zoned(machine_zone().clone())
}

/// The machine's current UTC offset (what a time typed without an offset means).
pub fn machine_offset() -> Offset {
    now_local().offset()
}

/// The estate's offset: that of its latest meeting, else the machine's.
pub fn estate_offset(store: &crate::store::Store) -> Offset {
    store
        .meetings()
        .ok()
        .and_then(|ms| ms.iter().max_by_key(|m| m.starts).map(|m| m.offset))
        .unwrap_or_else(machine_offset)
}

/// An offset as people write it after a time: +08:00.
pub fn offset_text(o: Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.unsigned_abs();
    format!("{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
}

/// A stored moment (`2026-11-28T11:05:00Z`); None if it is not one.
pub fn stored(text: &str) -> Option<Timestamp> {
    text.parse().ok()
}

/// `2026-11-28T19:05:00+08:00`.
pub fn rfc3339(at: Timestamp, o: Offset) -> String {
    format!(
        "{}{}",
        o.to_datetime(at).strftime("%Y-%m-%dT%H:%M:%S"),
        offset_text(o)
    )
}

/// A stored moment as RFC 3339 in the offset; text that is not a moment is passed through.
pub fn rfc3339_stored(text: &str, o: Offset) -> String {
    stored(text).map_or_else(|| text.to_string(), |t| rfc3339(t, o))
}

/// The local date and time of a stored moment.
pub fn local(text: &str, o: Offset) -> Option<DateTime> {
    stored(text).map(|t| o.to_datetime(t))
}

/// The local date of a stored moment.
pub fn local_date(text: &str, o: Offset) -> Option<Date> {
    local(text, o).map(|d| d.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_concern_raised_after_midnight_in_beijing_is_dated_there() {
        let beijing = Offset::from_hours(8).unwrap();
        // 01:50 on 22 Nov in Beijing is 17:50 on 21 Nov in UTC.
        let at = "2026-11-21T17:50:00Z";
        assert_eq!(
            local_date(at, beijing),
            Some(jiff::civil::date(2026, 11, 22))
        );
        assert_eq!(rfc3339_stored(at, beijing), "2026-11-22T01:50:00+08:00");
        let west = Offset::from_seconds(-(5 * 3600 + 1800)).unwrap();
        assert_eq!(rfc3339_stored(at, west), "2026-11-21T12:20:00-05:30");
        assert_eq!(rfc3339_stored("not a time", west), "not a time");
    }
}
