//! The annexes of the minutes: the sign-in list (签到表) — every owner signed in, in flat order,
//! in person or by proxy with the holder, and when.

use crate::i18n::ExportText;
use crate::lang::Lang;
use crate::store::{Method, Presence};

use super::document::{Align, Block, Section, Table};
use super::labels::{self as lb, L};
use super::snapshot::MeetingSnapshot;

pub fn sign_in(s: &MeetingSnapshot, lang: Lang) -> Section<'static> {
    let m = &s.meeting;
    let day = m.local_start().date();
    let rows: Vec<Vec<String>> = s
        .attendance
        .sign_in
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let how = match &line.presence {
                Presence::Present => lb::method(Method::InPerson, lang).to_string(),
                Presence::Proxy(holder) => lb::method_with_proxy(Method::Proxy, Some(holder), lang),
                Presence::Left => ExportText::LeftEarly.get(lang).to_string(),
            };
            vec![
                (n + 1).to_string(),
                lb::list_sep(lang).join_display(&line.flats),
                line.owner.clone(),
                how,
                super::entered::mark(
                    s,
                    lb::moment(line.at, m.offset, day, lang),
                    line.entered,
                    lang,
                ),
            ]
        })
        .collect();
    let mut blocks = vec![Block::Heading(2, ExportText::SignInAnnex.get(lang).into())];
    if rows.is_empty() {
        blocks.push(Block::Para(L::NoneRecorded.get(lang).into()));
    } else {
        blocks.push(Block::Table(Table {
            head: vec![
                L::Seq.get(lang).into(),
                L::Flat.get(lang).into(),
                L::Owner.get(lang).into(),
                ExportText::Attended.get(lang).into(),
                L::At.get(lang).into(),
            ],
            align: vec![
                Align::Right,
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Left,
            ],
            rows,
            class: "sign-in",
        }));
    }
    Section {
        class: "annex",
        blocks,
    }
}
