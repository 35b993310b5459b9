//! The signature table at the end of the minutes: host, secretary and residents' representatives,
//! with room to sign.

use super::{Align, Block, Builder, Section, Table};
use crate::export::labels::L;

impl<'s> Builder<'s> {
    pub(super) fn signatures(&self) -> Section<'s> {
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
