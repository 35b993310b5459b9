//! The notice keys of `[meeting]`: who issues the public notice, when it is posted, how many days it
//! stays up, and whether the host and secretary are named in full.

use jiff::civil::Date;
use toml::de::DeValue;

use crate::domain::NoticeSettings;
use crate::domain::notice::{MAX_NOTICE_DAYS, valid_days};
use crate::i18n::{AgendaText as A, PaperText as P, said};

use super::report::Report;
use super::table::{Fields, wrong_type};
use super::when;

/// Reads the notice keys; a problem is reported and leaves that setting at its default.
pub(super) fn read(report: &mut Report, fields: &Fields, meeting: Option<Date>) -> NoticeSettings {
    NoticeSettings {
        issuer: fields.optional_text(report, "issuer").map(|t| t.value),
        posted_on: posted_on(report, fields, meeting),
        notice_days: fields.get("notice_days").and_then(|v| match v.get_ref() {
            DeValue::Integer(n) => {
                let days = n.as_str().parse::<i64>().ok().and_then(valid_days);
                if days.is_none() {
                    report.at(
                        v.span().start,
                        said!(P::BadDays, days = n.as_str()),
                        said!(P::DaysHint, max = MAX_NOTICE_DAYS),
                    );
                }
                days
            }
            _ => {
                wrong_type(report, "notice_days", v, A::TypeInteger, "notice_days = 7");
                None
            }
        }),
        show_officers: match fields.get("show_officers").map(|v| (v, v.get_ref())) {
            None => false,
            Some((_, DeValue::Boolean(b))) => *b,
            Some((v, _)) => {
                wrong_type(
                    report,
                    "show_officers",
                    v,
                    A::TypeTrueFalse,
                    "show_officers = false",
                );
                false
            }
        },
    }
}

/// The posting day comes on or after the meeting day: the notice reports what was decided.
fn posted_on(report: &mut Report, fields: &Fields, meeting: Option<Date>) -> Option<Date> {
    let value = fields.get("posted_on")?;
    let day = when::date(report, "posted_on", value, "2026-11-29")?;
    if let Some(meeting) = meeting.filter(|m| day < *m) {
        report.at(
            value.span().start,
            said!(P::PostedBefore, posted = day, meeting = meeting),
            said!(P::PostedBeforeHint, meeting = meeting),
        );
        return None;
    }
    Some(day)
}
