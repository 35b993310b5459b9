//! The vote on an item: figures, conditions, the result, the chart, the roll call and the
//! corrections.

use super::{Align, Block, Builder, RollCallRows, Table, Tone, aligns};
use crate::domain::tally::Measure;
use crate::domain::{Area, Tally};
use crate::export::labels::{self as lb, L};
use crate::export::snapshot::ItemSnapshot;

impl<'s> Builder<'s> {
    /// The figures, the conditions, the result, the chart, the roll call and the corrections.
    pub(super) fn vote(&self, b: &mut Vec<Block<'s>>, it: &'s ItemSnapshot, t: &Tally) {
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
                    let when = self.when(Some(c));
                    crate::export::entered::closed(self.s, when, it.closed_entered, lang)
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
            let rows = RollCallRows::compact(self.s, &it.roll_call, lang);
            b.push(Block::RollCall(crate::export::compact::table(lang), rows));
        } else {
            let table = Table {
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
                rows: Vec::new(),
                class: "roll-call",
            };
            let rows = RollCallRows::full(self.s, &it.roll_call, lang);
            b.push(Block::RollCall(table, rows));
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
}
