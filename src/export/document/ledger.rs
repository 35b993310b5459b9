//! The action ledger: actions agreed at this meeting, carried over, and closed.

use super::{Align, Block, Builder, Section, Table};
use crate::export::labels::{self as lb, L};
use crate::lang::Lang;

impl<'s> Builder<'s> {
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

    pub(super) fn ledger(&self) -> Section<'s> {
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
}
