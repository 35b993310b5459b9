//! The roll call's table with its rows made one at a time from the snapshot as the table is
//! written, so a roll call of 100,000 ballots is never held as text: in the minutes' layout, or
//! the notice's compact one ([`crate::export::compact`]).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::Offset;

use crate::export::compact;
use crate::export::labels as lb;
use crate::export::snapshot::{MeetingSnapshot, RollLine};
use crate::lang::Lang;

/// The rows of a roll call, made on demand.
#[derive(Clone)]
pub struct RollCallRows<'s> {
    s: &'s MeetingSnapshot,
    lines: &'s [RollLine],
    lang: Lang,
    compact: bool,
    /// The meeting's offset and day, for the times of the ballots.
    offset: Offset,
    day: Date,
    /// Each local minute as written, once: 70,000 ballots were cast in a few hundred minutes, and
    /// writing a date and time is most of making a row.
    times: RefCell<HashMap<(Date, i8, i8), String>>,
}

impl<'s> RollCallRows<'s> {
    /// The minutes' layout: number, flats, owner, area, choice, method, time.
    pub fn full(s: &'s MeetingSnapshot, lines: &'s [RollLine], lang: Lang) -> Self {
        Self::new(s, lines, lang, false)
    }

    /// The notice's layout: flat → choice pairs side by side ([`compact`]).
    pub fn compact(s: &'s MeetingSnapshot, lines: &'s [RollLine], lang: Lang) -> Self {
        Self::new(s, lines, lang, true)
    }

    fn new(s: &'s MeetingSnapshot, lines: &'s [RollLine], lang: Lang, compact: bool) -> Self {
        RollCallRows {
            s,
            lines,
            lang,
            compact,
            offset: s.meeting.offset,
            day: s.meeting.local_start().date(),
            times: RefCell::default(),
        }
    }

    pub fn len(&self) -> usize {
        match self.compact {
            true => compact::rows(self.lines.len()),
            false => self.lines.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `n` (from 0) of the table.
    pub fn row(&self, n: usize) -> Vec<String> {
        if self.compact {
            return compact::row(self.lines, n, self.lang);
        }
        let (r, lang) = (&self.lines[n], self.lang);
        let when = self.when(r.at);
        vec![
            (n + 1).to_string(),
            r.flats.join(lb::list_sep(lang).0),
            r.owner.to_string(),
            r.area.to_string(),
            lb::choice(r.choice, lang).into(),
            lb::method_with_proxy(r.method, r.proxy.as_deref(), lang),
            crate::export::entered::mark(self.s, when, r.entered, lang),
        ]
    }
}

impl RollCallRows<'_> {
    /// [`lb::moment`], each local minute written once.
    fn when(&self, at: Option<Timestamp>) -> String {
        let Some(t) = at else { return String::new() };
        let local = self.offset.to_datetime(t);
        self.times
            .borrow_mut()
            .entry((local.date(), local.hour(), local.minute()))
            .or_insert_with(|| lb::moment(at, self.offset, self.day, self.lang))
            .clone()
    }
}

/// Two roll calls are the same table when they make the same rows.
impl PartialEq for RollCallRows<'_> {
    fn eq(&self, other: &Self) -> bool {
        Rows::Made(self).iter().eq(Rows::Made(other).iter())
    }
}

impl Eq for RollCallRows<'_> {}

impl std::fmt::Debug for RollCallRows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RollCallRows")
            .field("lines", &self.lines.len())
            .field("lang", &self.lang)
            .field("compact", &self.compact)
            .finish()
    }
}

/// A table's rows as writers walk them: the rows a table holds, or a roll call's made one at a
/// time.
#[derive(Clone, Copy, Debug)]
pub enum Rows<'a> {
    Held(&'a [Vec<String>]),
    Made(&'a RollCallRows<'a>),
}

impl<'a> Rows<'a> {
    pub fn len(self) -> usize {
        match self {
            Rows::Held(rows) => rows.len(),
            Rows::Made(m) => m.len(),
        }
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Each row in order; a made row is made when it is reached, and gone after.
    pub fn iter(self) -> impl Iterator<Item = Cow<'a, [String]>> {
        (0..self.len()).map(move |n| match self {
            Rows::Held(rows) => Cow::Borrowed(rows[n].as_slice()),
            Rows::Made(m) => Cow::Owned(m.row(n)),
        })
    }
}
