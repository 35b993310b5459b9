//! An item of the agenda in its three steps: raised, discussed and voted on, acted upon.

use super::{Align, Block, Builder, Section, Table, aligns};
use crate::export::labels::{self as lb, L};
use crate::export::snapshot::{ActionLine, ItemSnapshot};

impl<'s> Builder<'s> {
    pub(super) fn item(&self, it: &'s ItemSnapshot) -> Section<'s> {
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
            b.extend(crate::export::cost::blocks(cost, lang, &|at| {
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
}
