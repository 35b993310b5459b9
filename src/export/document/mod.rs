//! What the minutes and the public notice say, in order, as a list of plain blocks (headings,
//! labelled lines, tables, charts). Markdown and HTML are two ways of writing the same document,
//! so they can never disagree on a figure.

use crate::domain::{Counts, Tally};
use crate::lang::Lang;

use super::labels::{self as lb, L};
use super::snapshot::{ActionLine, MeetingSnapshot, Variant};

mod item;
mod ledger;
mod roll_call;
mod signatures;
mod vote;

pub use roll_call::{RollCallRows, Rows};

/// Column alignments written compactly: `aligns("RLLR")`.
fn aligns(spec: &str) -> Vec<Align> {
    spec.chars()
        .map(|c| if c == 'R' { Align::Right } else { Align::Left })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<String>>,
    /// A style hook for HTML (`figures`, `roll-call`, `signatures` …).
    pub class: &'static str,
}

/// Good or bad news, for the colour of a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'s> {
    /// Level 2 to 4 (level 1 is the document's title).
    Heading(u8, String),
    Para(String),
    /// "label：text".
    Labelled(String, String),
    /// The resident's own words.
    Quote(String),
    /// The result of a vote, set off in bold.
    Verdict(String, Tone),
    Table(Table),
    /// A roll call: a table (its `rows` empty) whose rows are made from the snapshot one at a time
    /// as it is written.
    RollCall(Table, RollCallRows<'s>),
    /// The tally as bars (HTML only).
    Chart(Tally),
    /// The issuer's lines at the end of a notice, set to the right with room for the seal.
    Closing(Vec<String>),
}

/// A part of the document; HTML starts each item on a new printed page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section<'s> {
    pub class: &'static str,
    pub blocks: Vec<Block<'s>>,
}

impl Block<'_> {
    /// The table of a table block (a chart's is made by the writer), with its rows.
    pub fn table(&self) -> Option<(&Table, Rows<'_>)> {
        match self {
            Block::Table(t) => Some((t, Rows::Held(&t.rows))),
            Block::RollCall(t, rows) => Some((t, Rows::Made(rows))),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document<'s> {
    pub lang: Lang,
    pub title: String,
    pub sections: Vec<Section<'s>>,
    /// The last line: the record digest.
    pub digest: String,
    /// The record digest in short, which a DOCX prints in the footer of every page instead of the
    /// last line (so that each printed page can be matched to the record, and the last line never
    /// takes a page of its own).
    pub footer: Option<String>,
}

/// Lays out the minutes (or, for a public snapshot, the notice) in the reader's language.
pub fn build(s: &MeetingSnapshot, lang: Lang) -> Document<'_> {
    let public = s.variant() == Variant::PublicNotice;
    let b = Builder { s, lang, public };
    let title = format!(
        "{} — {}",
        s.meeting.title,
        if public { L::PublicNotice } else { L::Minutes }.get(lang)
    );
    let mut sections = vec![b.header(), b.attendance()];
    sections.extend(s.items.iter().map(|i| b.item(i)));
    sections.push(b.ledger());
    if public {
        sections.push(super::paper::notice_end(s, lang));
    } else {
        sections.push(b.signatures());
        sections.push(super::annex::sign_in(s, lang));
    }
    Document {
        lang,
        title,
        sections,
        digest: lb::digest(&s.digest.hash, s.digest.event, s.digest.events, lang),
        footer: Some(crate::i18n::ExportText::DigestFooter.fill(
            lang,
            &[("event", &s.digest.event), ("hash", &s.digest.hash)],
        )),
    }
}

struct Builder<'a> {
    s: &'a MeetingSnapshot,
    lang: Lang,
    public: bool,
}

fn text(l: L, lang: Lang) -> String {
    l.get(lang).to_string()
}

impl<'s> Builder<'s> {
    fn t(&self, l: L) -> String {
        text(l, self.lang)
    }

    fn labelled(&self, l: L, value: impl Into<String>) -> Block<'s> {
        Block::Labelled(self.t(l), value.into())
    }

    fn counts_table(&self, rows: Vec<(String, Counts)>, class: &'static str) -> Block<'s> {
        Block::Table(Table {
            head: vec![String::new(), self.t(L::Owners), self.t(L::AreaM2)],
            align: aligns("LRR"),
            rows: rows
                .into_iter()
                .map(|(label, c)| vec![label, c.owners.to_string(), c.area.to_string()])
                .collect(),
            class,
        })
    }

    fn when(&self, at: Option<jiff::Timestamp>) -> String {
        let m = &self.s.meeting;
        lb::moment(at, m.offset, m.local_start().date(), self.lang)
    }

    /// A time, marked in the minutes if it was entered later from paper.
    fn when_entered(
        &self,
        at: Option<jiff::Timestamp>,
        entered: Option<jiff::Timestamp>,
    ) -> String {
        super::entered::mark(self.s, self.when(at), entered, self.lang)
    }

    fn header(&self) -> Section<'s> {
        let m = &self.s.meeting;
        let lang = self.lang;
        let mut rows = vec![
            vec![self.t(L::Estate), self.s.estate.clone()],
            vec![self.t(L::Kind), lb::meeting_kind(m.kind, lang).into()],
            vec![
                crate::i18n::ExportText::MeetingNumber.get(lang).into(),
                crate::i18n::ExportText::NthMeeting.fill(lang, &[("n", &self.s.number)]),
            ],
            vec![self.t(L::Time), lb::meeting_time(m.local_start(), lang)],
            vec![self.t(L::Place), m.place.clone()],
            vec![self.t(L::Host), m.host.clone()],
        ];
        rows.push(vec![self.t(L::Secretary), m.secretary.clone()]);
        let mut blocks = vec![Block::Table(Table {
            head: self.heads(&[L::Field, L::Content]),
            align: vec![Align::Left, Align::Left],
            rows,
            class: "fields",
        })];
        if self.public {
            blocks.push(Block::Para(self.t(L::NoticeIntro)));
        }
        blocks.extend(super::entered::explained(self.s, lang));
        Section {
            class: "header",
            blocks,
        }
    }

    fn attendance(&self) -> Section<'s> {
        let a = &self.s.attendance;
        let mut rows = vec![
            (self.t(L::InPerson), a.in_person),
            (self.t(L::ByProxy), a.proxy),
            (self.t(L::Here), a.here()),
        ];
        if a.left.owners > 0 {
            rows.push((self.t(L::LeftEarly), a.left));
        }
        rows.push((self.t(L::AllOwners), a.estate));
        let mut blocks = vec![
            Block::Heading(2, self.t(L::Attendance)),
            self.counts_table(rows, "figures"),
        ];
        if !a.proxies.is_empty() {
            blocks.push(Block::Heading(3, self.t(L::Proxies)));
            blocks.push(Block::Table(Table {
                head: self.heads(&[L::Flat, L::Owner, L::ProxyHolder]),
                align: vec![Align::Left; 3],
                rows: a
                    .proxies
                    .iter()
                    .map(|p| {
                        vec![
                            lb::list_sep(self.lang).join_display(&p.flats),
                            p.owner.clone(),
                            p.holder.clone(),
                        ]
                    })
                    .collect(),
                class: "proxies",
            }));
        }
        let others = if a.others.trim().is_empty() {
            self.t(L::NoneRecorded)
        } else {
            a.others.clone()
        };
        blocks.push(self.labelled(L::Others, others));
        blocks.extend(super::paper::guests(self.s, self.lang));
        Section {
            class: "attendance",
            blocks,
        }
    }

    fn due(&self, a: &ActionLine) -> String {
        match a.due {
            Some(d) if a.overdue => {
                format!("{}（{}）", lb::date(d, self.lang), self.t(L::Overdue))
            }
            Some(d) => lb::date(d, self.lang),
            None => String::new(),
        }
    }

    /// Column headings in the reader's language.
    fn heads(&self, labels: &[L]) -> Vec<String> {
        labels.iter().map(|l| self.t(*l)).collect()
    }
}
