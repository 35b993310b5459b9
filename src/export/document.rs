//! What the minutes and the public notice say, in order, as a list of plain blocks (headings,
//! labelled lines, tables, charts). Markdown and HTML are two ways of writing the same document,
//! so they can never disagree on a figure.

use crate::domain::tally::Measure;
use crate::domain::{Area, Counts, Tally};
use crate::lang::Lang;

use super::labels::{self as lb, L};
use super::snapshot::{ActionLine, ItemSnapshot, MeetingSnapshot, Variant};

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
pub enum Block {
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
    /// The tally as bars (HTML only).
    Chart(Tally),
    /// The issuer's lines at the end of a notice, set to the right with room for the seal.
    Closing(Vec<String>),
}

/// A part of the document; HTML starts each item on a new printed page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub class: &'static str,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    pub sections: Vec<Section>,
    /// The last line: the record digest.
    pub digest: String,
}

/// Lays out the minutes (or, for a public snapshot, the notice) in the reader's language.
pub fn build(s: &MeetingSnapshot, lang: Lang) -> Document {
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

impl Builder<'_> {
    fn t(&self, l: L) -> String {
        text(l, self.lang)
    }

    fn labelled(&self, l: L, value: impl Into<String>) -> Block {
        Block::Labelled(self.t(l), value.into())
    }

    fn counts_table(&self, rows: Vec<(String, Counts)>, class: &'static str) -> Block {
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

    fn header(&self) -> Section {
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

    fn attendance(&self) -> Section {
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

    fn item(&self, it: &ItemSnapshot) -> Section {
        let i = &it.item;
        let lang = self.lang;
        let mut b = vec![
            Block::Heading(2, lb::item_heading(i.number, &i.title, lang)),
            self.labelled(L::ItemStatus, lb::step(i.step, lang)),
            Block::Heading(3, self.t(L::Step1)),
        ];
        let from = i.raised_from.as_ref().map(ToString::to_string);
        b.push(self.labelled(
            L::RaisedBy,
            lb::raised_by(&i.raised_by, from.as_deref(), lang),
        ));
        if let Some(d) = i.raised_on {
            b.push(self.labelled(L::RaisedOn, lb::date(d, lang)));
        }
        if let Some(c) = i.category.as_deref().filter(|c| !c.trim().is_empty()) {
            b.push(self.labelled(L::Category, c));
        }
        if !i.statement.trim().is_empty() {
            b.push(Block::Quote(i.statement.clone()));
        }

        b.push(Block::Heading(3, self.t(L::Step2)));
        if !self.public {
            b.push(Block::Heading(4, self.t(L::Discussion)));
            if it.notes.is_empty() {
                b.push(Block::Para(self.t(L::NoneRecorded)));
            } else {
                b.push(Block::Table(Table {
                    head: self.heads(&[L::At, L::Speaker, L::Point]),
                    align: vec![Align::Left; 3],
                    rows: it
                        .notes
                        .iter()
                        .map(|n| {
                            let at = self.when_entered(n.at, n.entered);
                            vec![at, n.speaker.clone(), n.point.clone()]
                        })
                        .collect(),
                    class: "notes",
                }));
            }
        }
        let proposal = i
            .proposal
            .clone()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| self.t(L::NoneRecorded));
        b.push(self.labelled(L::Proposal, proposal));
        if let Some(cost) = &it.cost {
            b.extend(super::cost::blocks(cost, lang, &|at| {
                self.when(at.parse().ok())
            }));
        }

        b.push(Block::Heading(4, self.t(L::Vote)));
        b.push(self.labelled(L::RuleApplied, lb::rule_name(&i.rule, lang)));
        b.push(self.labelled(L::Basis, lb::rule_basis(&i.rule, lang)));
        if i.rule.votes {
            b.push(self.labelled(L::Scope, lb::scope(&i.scope, lang)));
        }
        match (&it.tally, i.rule.votes) {
            (_, false) => b.push(Block::Para(self.t(L::NoVote))),
            (None, true) => b.push(Block::Para(self.t(L::NotVotedOn))),
            (Some(t), true) => self.vote(&mut b, it, t),
        }

        b.push(Block::Heading(4, self.t(L::Resolution)));
        b.push(Block::Para(
            i.resolution
                .clone()
                .filter(|r| !r.trim().is_empty())
                .unwrap_or_else(|| self.t(L::NoResolution)),
        ));

        b.push(Block::Heading(3, self.t(L::Step3)));
        let own: Vec<&ActionLine> = it
            .actions
            .iter()
            .filter_map(|id| self.s.actions.new.iter().find(|a| a.id == *id))
            .collect();
        if own.is_empty() {
            b.push(Block::Para(self.t(L::NoneRecorded)));
        } else {
            b.push(Block::Table(Table {
                head: self.heads(&[L::Id, L::What, L::Responsible, L::Due]),
                align: aligns("RLLL"),
                rows: own
                    .iter()
                    .map(|a| {
                        vec![
                            a.id.to_string(),
                            a.what.clone(),
                            lb::responsible(&a.responsible, lang),
                            self.due(a),
                        ]
                    })
                    .collect(),
                class: "actions",
            }));
            b.push(Block::Para(self.t(L::SeeLedger)));
        }
        Section {
            class: "item",
            blocks: b,
        }
    }

    /// The figures, the conditions, the result, the chart, the roll call and the corrections.
    fn vote(&self, b: &mut Vec<Block>, it: &ItemSnapshot, t: &Tally) {
        let i = &it.item;
        let lang = self.lang;
        if !i.vote_closed {
            b.push(Block::Para(self.t(L::VoteOpen)));
        }
        b.push(Block::Heading(4, self.t(L::Figures)));
        b.push(self.counts_table(
            vec![
                (self.t(L::Total), t.total),
                (self.t(L::Participating), t.participating),
                (self.t(L::Yes), t.yes),
                (self.t(L::No), t.no),
                (self.t(L::Abstain), t.abstain),
                (self.t(L::NotVoted), t.remaining),
            ],
            "figures",
        ));
        let met = |m: bool| self.t(if m { L::Met } else { L::NotMet });
        let mut rows: Vec<Vec<String>> = t
            .conditions
            .iter()
            .map(|c| {
                let show = |v: i64| match c.measure {
                    Measure::ParticipationArea | Measure::ApprovalArea => Area(v).to_string(),
                    _ => v.to_string(),
                };
                vec![
                    lb::measure(c.measure, lang).into(),
                    lb::threshold(&c.threshold, lang),
                    format!("{} / {}", show(c.part), show(c.whole)),
                    met(c.met),
                ]
            })
            .collect();
        for c in &t.consents {
            rows.push(vec![
                format!("{} {}", self.t(L::ConsentOf), c.flat),
                lb::choice(crate::domain::Choice::Yes, lang).into(),
                c.choice
                    .map_or(self.t(L::ConsentNotGiven), |ch| lb::choice(ch, lang).into()),
                met(c.met()),
            ]);
        }
        if !rows.is_empty() {
            b.push(Block::Table(Table {
                head: self.heads(&[L::Condition, L::Required, L::Actual, L::Outcome]),
                align: aligns("LLRL"),
                rows,
                class: "conditions",
            }));
        }
        let sep = lb::colon(lang);
        let verdict = if i.vote_closed {
            let when = i
                .closed_at
                .as_deref()
                .and_then(|c| c.parse().ok())
                .map(|c| {
                    super::entered::closed(self.s, self.when(Some(c)), it.closed_entered, lang)
                })
                .unwrap_or_default();
            let result = self.t(if t.passed { L::Passed } else { L::NotPassed });
            let tone = if t.passed { Tone::Good } else { Tone::Bad };
            Block::Verdict(format!("{}{sep}{result}{when}", self.t(L::Result)), tone)
        } else {
            let missing = t.participation_shortfall;
            let missing = if missing.owners > 0 || missing.area.0 > 0 {
                lb::shortfall(missing.owners, &missing.area.to_string(), lang)
            } else {
                String::new()
            };
            Block::Verdict(
                format!(
                    "{}{sep}{}{missing}",
                    self.t(L::Result),
                    lb::outlook(t.outlook, lang)
                ),
                Tone::Neutral,
            )
        };
        b.push(verdict);
        if t.ignored_ballots > 0 {
            b.push(Block::Para(lb::ignored_ballots(t.ignored_ballots, lang)));
        }
        b.push(Block::Chart(t.clone()));

        b.push(Block::Heading(4, self.t(L::RollCall)));
        if it.roll_call.is_empty() {
            b.push(Block::Para(self.t(L::NoBallots)));
        } else if self.public {
            b.push(Block::Table(super::compact::roll_call(&it.roll_call, lang)));
        } else {
            let sep = lb::list_sep(lang);
            b.push(Block::Table(Table {
                head: self.heads(&[
                    L::Seq,
                    L::Flat,
                    L::Owner,
                    L::AreaM2,
                    L::Choice,
                    L::Method,
                    L::At,
                ]),
                align: aligns("RLLRLLL"),
                rows: it
                    .roll_call
                    .iter()
                    .enumerate()
                    .map(|(n, r)| {
                        vec![
                            (n + 1).to_string(),
                            sep.join_display(&r.flats),
                            r.owner.clone(),
                            r.area.to_string(),
                            lb::choice(r.choice, lang).into(),
                            lb::method_with_proxy(r.method, r.proxy.as_deref(), lang),
                            self.when_entered(r.at, r.entered),
                        ]
                    })
                    .collect(),
                class: "roll-call",
            }));
        }

        b.push(Block::Heading(4, self.t(L::Corrections)));
        if it.corrections.is_empty() {
            b.push(Block::Para(self.t(L::NoneRecorded)));
        } else {
            b.push(Block::Table(Table {
                head: self.heads(&[L::At, L::Flat, L::Owner, L::Before, L::After, L::Reason]),
                align: vec![Align::Left; 6],
                rows: it
                    .corrections
                    .iter()
                    .map(|c| {
                        vec![
                            self.when_entered(c.at, c.entered),
                            c.flat.to_string(),
                            c.owner.clone(),
                            lb::choice_or_withdrawn(c.before, lang).into(),
                            lb::choice_or_withdrawn(c.after, lang).into(),
                            c.reason.clone().unwrap_or_else(|| self.t(L::NoReason)),
                        ]
                    })
                    .collect(),
                class: "corrections",
            }));
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

    /// A table of the action ledger: the id column right-aligned, the others left.
    fn ledger_table(&self, head: &[L], rows: Vec<Vec<String>>) -> Table {
        let mut align = vec![Align::Left; head.len()];
        align[0] = Align::Right;
        Table {
            head: head.iter().map(|h| self.t(*h)).collect(),
            align,
            rows,
            class: "ledger",
        }
    }

    fn ledger(&self) -> Section {
        let lang = self.lang;
        let l = &self.s.actions;
        let o = self.s.meeting.offset;
        let mut b = vec![Block::Heading(2, self.t(L::Ledger))];
        let mut list = |heading: L, table: Table| {
            b.push(Block::Heading(3, self.t(heading)));
            if table.rows.is_empty() {
                b.push(Block::Para(self.t(L::NoneRecorded)));
            } else {
                b.push(Block::Table(table));
            }
        };
        let new = self.ledger_table(
            &[
                L::Id,
                L::What,
                L::FromItem,
                L::Responsible,
                L::Due,
                L::Status,
            ],
            l.new
                .iter()
                .map(|a| {
                    vec![
                        a.id.to_string(),
                        a.what.clone(),
                        a.item_title.clone().unwrap_or_default(),
                        lb::responsible(&a.responsible, lang),
                        self.due(a),
                        lb::action_status(a.status, lang).into(),
                    ]
                })
                .collect(),
        );
        list(L::NewActions, new);
        let progress_sep = match lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        };
        let carried = self.ledger_table(
            &[
                L::Id,
                L::What,
                L::Agreed,
                L::Responsible,
                L::Due,
                L::Status,
                L::ProgressLabel,
            ],
            l.carried
                .iter()
                .map(|a| {
                    let progress: Vec<String> = a
                        .progress
                        .iter()
                        .map(|p| {
                            format!(
                                "{}{}{}",
                                lb::local_date(p.at, o, lang),
                                lb::colon(lang),
                                p.note
                            )
                        })
                        .collect();
                    vec![
                        a.id.to_string(),
                        a.what.clone(),
                        a.origin.map(|d| lb::date(d, lang)).unwrap_or_default(),
                        lb::responsible(&a.responsible, lang),
                        self.due(a),
                        lb::action_status(a.status, lang).into(),
                        progress.join(progress_sep),
                    ]
                })
                .collect(),
        );
        list(L::CarriedActions, carried);
        let closed = self.ledger_table(
            &[L::Id, L::What, L::Responsible, L::ClosedOn, L::ConfirmedBy],
            l.closed
                .iter()
                .map(|a| {
                    vec![
                        a.id.to_string(),
                        a.what.clone(),
                        lb::responsible(&a.responsible, lang),
                        lb::local_date(a.closed_at, o, lang),
                        a.confirmation.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        );
        list(L::ClosedActions, closed);
        Section {
            class: "ledger",
            blocks: b,
        }
    }

    fn signatures(&self) -> Section {
        let m = &self.s.meeting;
        let mut rows = vec![
            vec![
                self.t(L::Host),
                m.host.clone(),
                String::new(),
                String::new(),
            ],
            vec![
                self.t(L::Secretary),
                m.secretary.clone(),
                String::new(),
                String::new(),
            ],
        ];
        for _ in 0..3 {
            rows.push(vec![
                self.t(L::ResidentRep),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        Section {
            class: "signatures",
            blocks: vec![
                Block::Heading(2, self.t(L::Signatures)),
                Block::Table(Table {
                    head: self.heads(&[L::Role, L::Name, L::Signature, L::SignDate]),
                    align: vec![Align::Left; 4],
                    rows,
                    class: "signatures",
                }),
            ],
        }
    }
}
