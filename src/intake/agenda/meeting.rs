//! The `[meeting]` table: what, when, where, who runs it, and where objections to the notice go.

use jiff::civil::Date;
use toml::de::DeValue;

use crate::domain::{ItemPlan, MeetingKind, MeetingPlan};

use crate::i18n::AgendaKeyText as K;
use crate::i18n::{AgendaText as A, said};

use super::report::Report;
use super::suggest::{closest, guess};
use super::table::{At, Fields, KeySpec, Value, wrong_type};
use super::when::{self, Start};

pub(super) const MEETING_KEYS: &[KeySpec] = &[
    KeySpec {
        key: "title",
        what: K::MeetingTitle,
        example: "title = \"红旗小区 3号楼加装电梯议事会\"",
    },
    KeySpec {
        key: "number",
        what: K::MeetingNumber,
        example: "number = 12",
    },
    KeySpec {
        key: "kind",
        what: K::MeetingKind,
        example: "kind = \"owners\"",
    },
    KeySpec {
        key: "starts",
        what: K::MeetingStarts,
        example: "starts = 2026-11-28T19:00:00+08:00",
    },
    KeySpec {
        key: "place",
        what: K::MeetingPlace,
        example: "place = \"莲心亭\"",
    },
    KeySpec {
        key: "host",
        what: K::MeetingHost,
        example: "host = \"郭建敏\"",
    },
    KeySpec {
        key: "secretary",
        what: K::MeetingSecretary,
        example: "secretary = \"马长祥\"",
    },
    KeySpec {
        key: "objections_to",
        what: K::MeetingObjectionsTo,
        example: "objections_to = \"社区居委会一楼服务窗口\"",
    },
    KeySpec {
        key: "objections_until",
        what: K::MeetingObjectionsUntil,
        example: "objections_until = 2026-12-05",
    },
    KeySpec {
        key: "issuer",
        what: K::MeetingIssuer,
        example: "issuer = \"红旗小区业主委员会\"",
    },
    KeySpec {
        key: "posted_on",
        what: K::MeetingPostedOn,
        example: "posted_on = 2026-11-29",
    },
    KeySpec {
        key: "notice_days",
        what: K::MeetingNoticeDays,
        example: "notice_days = 7",
    },
    KeySpec {
        key: "show_officers",
        what: K::MeetingShowOfficers,
        example: "show_officers = false",
    },
];

/// What was read from `[meeting]`; a field is `None` if it had a problem (already reported).
pub(super) struct Header {
    title: Option<String>,
    number: Option<u32>,
    kind: Option<MeetingKind>,
    start: Option<Start>,
    place: Option<String>,
    host: Option<String>,
    secretary: Option<String>,
    objections_to: Option<String>,
    objections_until: Option<Date>,
    notice: crate::domain::NoticeSettings,
}

impl Header {
    /// The meeting's local date, to check the dates of items against.
    pub(super) fn date(&self) -> Option<Date> {
        self.start.map(|s| s.date)
    }

    pub(super) fn read(report: &mut Report, value: Option<&Value>) -> Option<Header> {
        let Some(value) = value else {
            report.at(0, said!(A::NoMeetingTable), said!(A::MeetingHint));
            return None;
        };
        let DeValue::Table(table) = value.get_ref() else {
            let hint = match value.get_ref() {
                DeValue::Array(_) => said!(A::SingleBrackets),
                _ => said!(A::MeetingHint),
            };
            wrong_type(report, "meeting", value, A::TypeTable, hint);
            return None;
        };
        let fields = Fields::new(
            report,
            said!(A::TableMeeting),
            value.span().start,
            table,
            MEETING_KEYS,
        );
        let start = fields
            .required(report, "starts")
            .and_then(|v| when::start(report, "starts", v));
        let meeting_date = start.map(|s| s.date);
        let header = Header {
            title: text(report, &fields, "title"),
            number: number(report, &fields),
            kind: kind(report, &fields),
            start,
            place: text(report, &fields, "place"),
            host: text(report, &fields, "host"),
            secretary: text(report, &fields, "secretary"),
            objections_to: fields
                .optional_text(report, "objections_to")
                .map(|t| t.value),
            objections_until: objections_until(report, &fields, meeting_date),
            notice: super::notice::read(report, &fields, meeting_date),
        };
        objections_pair(report, &fields);
        Some(header)
    }

    /// The plan, if every field was valid.
    pub(super) fn into_plan(self, items: Vec<ItemPlan>) -> Option<MeetingPlan> {
        let start = self.start?;
        Some(MeetingPlan {
            title: self.title?,
            number: self.number,
            kind: self.kind?,
            starts: start.timestamp,
            offset: start.offset,
            place: self.place?,
            host: self.host?,
            secretary: self.secretary?,
            objections_to: self.objections_to,
            objections_until: self.objections_until,
            notice: self.notice,
            items,
        })
    }
}

fn text(report: &mut Report, fields: &Fields, key: &str) -> Option<String> {
    fields.text(report, key).map(|t| t.value)
}

/// The meeting's number in the estate's series: a whole number from 1 (the key may be left out).
fn number(report: &mut Report, fields: &Fields) -> Option<u32> {
    let v = fields.get("number")?;
    match v.get_ref() {
        DeValue::Integer(n) => {
            let number = n.as_str().parse::<u32>().ok().filter(|&n| n > 0);
            if number.is_none() {
                report.at(
                    v.span().start,
                    said!(crate::i18n::SetupText::BadNumber),
                    said!(K::MeetingNumber),
                );
            }
            number
        }
        _ => {
            wrong_type(report, "number", v, A::TypeInteger, "number = 12");
            None
        }
    }
}

fn kind(report: &mut Report, fields: &Fields) -> Option<MeetingKind> {
    let At { value, at } = fields.text(report, "kind")?;
    let kind = MeetingKind::parse(&value);
    if kind.is_none() {
        let guess = guess(closest(&value, &["owners", "residents"]));
        report.at(
            at,
            said!(A::UnknownKind, kind = value),
            said!(A::KindHint).with("guess", &guess),
        );
    }
    kind
}

/// The objection period ends on or after the meeting day: the notice is posted after the meeting.
fn objections_until(report: &mut Report, fields: &Fields, meeting: Option<Date>) -> Option<Date> {
    let value = fields.get("objections_until")?;
    let until = when::date(report, "objections_until", value, "2026-12-05")?;
    if let Some(meeting) = meeting.filter(|m| until < *m) {
        report.at(
            value.span().start,
            said!(A::ObjectionsBefore, until = until, meeting = meeting),
            said!(A::ObjectionsBeforeHint, meeting = meeting),
        );
        return None;
    }
    Some(until)
}

/// A notice names both where and until when objections are taken, or neither.
fn objections_pair(report: &mut Report, fields: &Fields) {
    let to = fields.get("objections_to").is_some();
    let until = fields.get("objections_until").is_some();
    if to && !until {
        report.at(
            fields.key_at("objections_to"),
            said!(A::ToWithoutUntil),
            said!(A::ToWithoutUntilHint),
        );
    } else if until && !to {
        report.at(
            fields.key_at("objections_until"),
            said!(A::UntilWithoutTo),
            said!(A::UntilWithoutToHint),
        );
    }
}
