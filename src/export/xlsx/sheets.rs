//! What the workbook's sheets hold, as plain tables: the roll call of every item, the sign-in
//! list (minutes only, as in the other documents) and the action ledger — one flat table each, one
//! row per record, so a spreadsheet can sort and filter them.

use std::borrow::Cow;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::Offset;

use crate::domain::Area;
use crate::domain::cost::{Coefficient, Fen};
use crate::i18n::{ExportText, WorkbookText as W};
use crate::lang::Lang;
use crate::store::{Method, Presence};

use super::super::labels::{self as lb, L};
use super::super::snapshot::{ActionLine, MeetingSnapshot, Variant};

/// One cell: text is always written as text (never a formula), numbers and dates as such; a
/// text is borrowed from the snapshot where it can be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Int(i64),
    Area(Area),
    /// Money: yuan with two decimals, from the exact fen.
    Yuan(Fen),
    Coefficient(Coefficient),
    Date(Date),
    Empty,
}

impl<'a> Cell<'a> {
    pub fn text(t: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell::Text(t.into())
    }

    fn date(d: Option<Date>) -> Cell<'a> {
        d.map_or(Cell::Empty, Cell::Date)
    }
}

/// A column: its heading and how wide it may grow (in display columns, a Han character = 2)
/// before its text wraps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub head: String,
    pub max: usize,
}

/// One worksheet: a name, a title for the printed page header, a header row and the rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet<'a> {
    pub name: String,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell<'a>>>,
}

/// Columns from (heading, widest) pairs.
pub fn columns(spec: &[(&str, usize)]) -> Vec<Column> {
    spec.iter()
        .map(|(head, max)| Column {
            head: (*head).to_string(),
            max: *max,
        })
        .collect()
}

/// The sheets of the workbook: the sign-in list only in the minutes.
pub fn build(s: &MeetingSnapshot, lang: Lang) -> Vec<Sheet<'_>> {
    let mut sheets = vec![roll_call(s, lang)];
    if s.variant() == Variant::Minutes {
        sheets.push(sign_in(s, lang));
    }
    sheets.push(ledger(s, lang));
    sheets.extend(super::cost::sheets(s, lang));
    let what = match s.variant() {
        Variant::Minutes => L::Minutes,
        Variant::PublicNotice => L::PublicNotice,
    };
    let sep = match lang {
        Lang::Zh => "　",
        Lang::En => " · ",
    };
    // The meeting's title usually names the estate already.
    let mut parts = vec![s.estate.as_str(), s.meeting.title.as_str(), what.get(lang)];
    if s.meeting.title.contains(&s.estate) {
        parts.remove(0);
    }
    for sheet in &mut sheets {
        sheet.title = [parts.as_slice(), &[sheet.name.as_str()]]
            .concat()
            .join(sep);
    }
    sheets
}

fn roll_call(s: &MeetingSnapshot, lang: Lang) -> Sheet<'_> {
    let o = s.meeting.offset;
    let day = s.meeting.local_start().date();
    let time = match lang {
        Lang::Zh => format!("{}（{}）", L::At.get(lang), lb::offset(o)),
        Lang::En => format!("{} ({})", L::At.get(lang), lb::offset(o)),
    };
    let columns = columns(&[
        (L::CsvItem.get(lang), 6),
        (L::CsvItemTitle.get(lang), 24),
        (L::Flat.get(lang), 12),
        (L::CsvFlats.get(lang), 20),
        (L::Owner.get(lang), 16),
        (L::AreaM2.get(lang), 10),
        (L::Choice.get(lang), 10),
        (L::Method.get(lang), 10),
        (W::Holder.get(lang), 16),
        (&time, 20),
    ]);
    let mut moments = Moments::new(o, day, lang);
    let mut rows = Vec::new();
    for it in &s.items {
        for r in &it.roll_call {
            rows.push(vec![
                Cell::Int(it.item.number),
                Cell::text(&it.item.title),
                Cell::text(r.flat.as_str()),
                Cell::text(match r.flats.as_slice() {
                    [one] if *one == r.flat => Cow::Borrowed(r.flat.as_str()),
                    flats => Cow::Owned(lb::list_sep(lang).join_display(flats)),
                }),
                Cell::text(r.owner.as_str()),
                Cell::Area(r.area),
                Cell::text(lb::choice(r.choice, lang)),
                Cell::text(lb::method(r.method, lang)),
                r.proxy.as_deref().map_or(Cell::Empty, Cell::text),
                Cell::text(crate::export::entered::mark(
                    s,
                    moments.of(r.at),
                    r.entered,
                    lang,
                )),
            ]);
        }
    }
    Sheet {
        name: W::SheetRollCall.get(lang).into(),
        title: String::new(),
        columns,
        rows,
    }
}

/// [`lb::moment`] of one row after another, written once per minute: it shows hours and minutes
/// (and the date off the meeting's day), and a roll call's ballots are minutes apart, not rows.
struct Moments {
    o: Offset,
    day: Date,
    lang: Lang,
    /// The minute since the epoch of the last moment written, and its text.
    last: Option<(i64, String)>,
}

impl Moments {
    fn new(o: Offset, day: Date, lang: Lang) -> Moments {
        Moments {
            o,
            day,
            lang,
            last: None,
        }
    }

    fn of(&mut self, at: Option<Timestamp>) -> String {
        // Only whole-minute offsets (all of today's) keep a UTC minute within one local minute.
        let minute = at
            .filter(|t| t.as_second() >= 0 && self.o.seconds() % 60 == 0)
            .map(|t| t.as_second() / 60);
        match (&self.last, minute) {
            (Some((last, text)), Some(m)) if *last == m => text.clone(),
            _ => {
                let text = lb::moment(at, self.o, self.day, self.lang);
                self.last = minute.map(|m| (m, text.clone()));
                text
            }
        }
    }
}

fn sign_in(s: &MeetingSnapshot, lang: Lang) -> Sheet<'_> {
    let o = s.meeting.offset;
    let day = s.meeting.local_start().date();
    let columns = columns(&[
        (L::Seq.get(lang), 6),
        (L::Flat.get(lang), 24),
        (L::Owner.get(lang), 16),
        (ExportText::Attended.get(lang), 12),
        (W::Holder.get(lang), 16),
        (L::At.get(lang), 14),
    ]);
    let mut moments = Moments::new(o, day, lang);
    let rows = s
        .attendance
        .sign_in
        .iter()
        .zip(1..)
        .map(|(line, n)| {
            let (how, holder) = match &line.presence {
                Presence::Present => (lb::method(Method::InPerson, lang), Cell::Empty),
                Presence::Proxy(h) => (lb::method(Method::Proxy, lang), Cell::text(h)),
                Presence::Left => (ExportText::LeftEarly.get(lang), Cell::Empty),
            };
            vec![
                Cell::Int(n),
                Cell::text(lb::list_sep(lang).join_display(&line.flats)),
                Cell::text(&line.owner),
                Cell::text(how),
                holder,
                Cell::text(crate::export::entered::mark(
                    s,
                    moments.of(line.at),
                    line.entered,
                    lang,
                )),
            ]
        })
        .collect();
    Sheet {
        name: W::SheetSignIn.get(lang).into(),
        title: String::new(),
        columns,
        rows,
    }
}

fn ledger(s: &MeetingSnapshot, lang: Lang) -> Sheet<'_> {
    let o = s.meeting.offset;
    let columns = columns(&[
        (L::Id.get(lang), 6),
        (W::LedgerPart.get(lang), 18),
        (L::What.get(lang), 36),
        (L::FromItem.get(lang), 20),
        (L::Agreed.get(lang), 16),
        (L::Responsible.get(lang), 14),
        (L::Due.get(lang), 16),
        (L::Status.get(lang), 16),
        (L::ProgressLabel.get(lang), 36),
        (L::ClosedOn.get(lang), 16),
        (L::ConfirmedBy.get(lang), 24),
    ]);
    let sep = match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    let l = &s.actions;
    let parts = [
        (L::NewActions, &l.new),
        (L::CarriedActions, &l.carried),
        (L::ClosedActions, &l.closed),
    ];
    let mut rows = Vec::new();
    for (part, lines) in parts {
        for a in lines.iter() {
            let progress: Vec<String> = a
                .progress
                .iter()
                .map(|p| {
                    let day = lb::local_date(p.at, o, lang);
                    format!("{day}{}{}", lb::colon(lang), p.note)
                })
                .collect();
            rows.push(vec![
                Cell::Int(a.id),
                Cell::text(part.get(lang)),
                Cell::text(&a.what),
                a.item_title.as_deref().map_or(Cell::Empty, Cell::text),
                Cell::date(a.origin),
                Cell::text(lb::responsible(&a.responsible, lang)),
                Cell::date(a.due),
                Cell::text(status(a, lang)),
                Cell::text(progress.join(sep)),
                Cell::date(a.closed_at.map(|t| o.to_datetime(t).date())),
                a.confirmation.as_deref().map_or(Cell::Empty, Cell::text),
            ]);
        }
    }
    Sheet {
        name: W::SheetLedger.get(lang).into(),
        title: String::new(),
        columns,
        rows,
    }
}

/// The status, with the overdue mark the minutes put next to the due date.
fn status(a: &ActionLine, lang: Lang) -> String {
    let s = lb::action_status(a.status, lang);
    if a.overdue {
        match lang {
            Lang::Zh => format!("{s}（{}）", L::Overdue.get(lang)),
            Lang::En => format!("{s} ({})", L::Overdue.get(lang)),
        }
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_once_a_minute_are_the_moments() {
        let day = jiff::civil::date(2026, 11, 28);
        let base: Timestamp = "2026-11-28T11:29:58Z".parse().unwrap();
        let seconds = [0, 1, 2, 3, 61, 62, 122, 45_000, 45_001, 45_100, 200_000];
        for offset in [
            8 * 3600,
            5 * 3600 + 45 * 60,
            -(3 * 3600 + 30 * 60),
            8 * 3600 + 7,
        ] {
            let o = Offset::from_seconds(offset).unwrap();
            for lang in [Lang::Zh, Lang::En] {
                let mut moments = Moments::new(o, day, lang);
                for at in seconds
                    .iter()
                    .map(|s| Some(base + jiff::SignedDuration::from_secs(*s)))
                    .chain([None, Some(base)])
                {
                    assert_eq!(moments.of(at), lb::moment(at, o, day, lang), "{at:?} {o}");
                }
            }
        }
    }
}
