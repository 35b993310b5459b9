//! What the workbook's sheets hold, as plain tables: the roll call of every item, the sign-in
//! list (minutes only, as in the other documents) and the action ledger — one flat table each, one
//! row per record, so a spreadsheet can sort and filter them.

use std::borrow::Cow;

use jiff::civil::Date;

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
    let mut rows = Vec::new();
    for it in &s.items {
        for r in &it.roll_call {
            let flat = r.flat.to_string();
            rows.push(vec![
                Cell::Int(it.item.number),
                Cell::text(&it.item.title),
                Cell::text(flat.clone()),
                Cell::text(match r.flats.as_slice() {
                    [one] if *one == r.flat => flat.clone(),
                    flats => lb::list_sep(lang).join_display(flats),
                }),
                Cell::text(&r.owner),
                Cell::Area(r.area),
                Cell::text(lb::choice(r.choice, lang)),
                Cell::text(lb::method(r.method, lang)),
                r.proxy.as_deref().map_or(Cell::Empty, Cell::text),
                Cell::text(crate::export::entered::mark(
                    s,
                    lb::moment(r.at, o, day, lang),
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
                    lb::moment(line.at, o, day, lang),
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
