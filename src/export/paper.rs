//! The paper's own parts of the minutes and the notice: those who sat in (列席), and how the notice
//! closes — the notice period, where to object, 特此公示, and the issuing body and posting day with
//! room for the seal.

use serde::Serialize;

use crate::domain::NoticeSettings;
use crate::i18n::PaperText as P;
use crate::lang::Lang;

use super::document::{Align, Block, Section, Table};
use super::labels::{self as lb, L};
use super::snapshot::MeetingSnapshot;

/// Someone who sat in, as the minutes show them (the notice masks the name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuestLine {
    pub name: String,
    pub role: String,
}

/// The table of those who sat in, under the attendance (nothing when nobody did).
pub(crate) fn guests(s: &MeetingSnapshot, lang: Lang) -> Vec<Block<'static>> {
    if s.guests.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading(3, P::Guests.get(lang).into()),
        Block::Table(Table {
            head: vec![P::GuestName.get(lang).into(), P::GuestRole.get(lang).into()],
            align: vec![Align::Left; 2],
            rows: s
                .guests
                .iter()
                .map(|g| vec![g.name.clone(), g.role.clone()])
                .collect(),
            class: "guests",
        }),
    ]
}

/// The notice period in words: "自2026年11月29日起至2026年12月5日止，共 7 天", or from the posting
/// day when that is not known yet.
pub fn period(n: &NoticeSettings, lang: Lang) -> String {
    let days = crate::i18n::terms::counted(lang, n.days(), P::Day, P::Days);
    match n.period() {
        Some((from, until)) => P::PeriodFromTo.fill(
            lang,
            &[
                ("from", &lb::date(from, lang)),
                ("until", &lb::date(until, lang)),
                ("days", &days),
            ],
        ),
        None => P::PeriodFromPosting.fill(lang, &[("days", &days)]),
    }
}

/// The end of the notice: period, objections, 特此公示, then issuer, seal and date at the right.
pub(crate) fn notice_end(s: &MeetingSnapshot, lang: Lang) -> Section<'static> {
    let o = &s.objections;
    let n = &s.notice;
    let issuer = match &n.issuer {
        Some(i) => i.clone(),
        None => format!("{}{}______________", P::Issuer.get(lang), lb::colon(lang)),
    };
    let posted = n
        .posted_on
        .map_or_else(|| P::DateBlank.get(lang).to_string(), |d| lb::date(d, lang));
    Section {
        class: "notice",
        blocks: vec![
            Block::Heading(2, P::PeriodAndObjections.get(lang).into()),
            Block::Labelled(P::NoticePeriod.get(lang).into(), period(n, lang)),
            Block::Para(lb::objections(o.to.as_deref(), o.until, lang)),
            Block::Para(L::SoNotified.get(lang).into()),
            Block::Closing(vec![issuer, P::Seal.get(lang).into(), posted]),
        ],
    }
}

/// The notice settings and those who sat in, as JSON carries them.
#[derive(Serialize)]
pub(crate) struct NoticeJson<'a> {
    issuer: Option<&'a str>,
    posted_on: Option<String>,
    notice_days: u16,
    period_from: Option<String>,
    period_until: Option<String>,
    show_officers: bool,
}

pub(crate) fn notice_json(n: &NoticeSettings) -> NoticeJson<'_> {
    let period = n.period();
    NoticeJson {
        issuer: n.issuer.as_deref(),
        posted_on: n.posted_on.map(|d| d.to_string()),
        notice_days: n.days(),
        period_from: period.map(|p| p.0.to_string()),
        period_until: period.map(|p| p.1.to_string()),
        show_officers: n.show_officers,
    }
}

#[derive(Serialize)]
pub(crate) struct GuestJson<'a> {
    name: &'a str,
    role: &'a str,
}

pub(crate) fn guests_json(s: &MeetingSnapshot) -> Vec<GuestJson<'_>> {
    s.guests
        .iter()
        .map(|g| GuestJson {
            name: &g.name,
            role: &g.role,
        })
        .collect()
}
