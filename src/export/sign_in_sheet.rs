//! The blank sign-in sheet (签到表) printed for a meeting: one row per owner of the estate, in
//! flat order, with room to sign in person or as an authorised agent and the time. The same
//! [`Document`] as the minutes, so it prints as HTML or DOCX with a repeated header row and rows
//! tall enough to sign.

use crate::i18n::PaperText as P;
use crate::lang::Lang;
use crate::store::{Store, StoreError};

use super::document::{Align, Block, Document, Section, Table};
use super::labels::{self as lb, L};

/// The sheet of a meeting: every owner of the roster as it stands for the meeting.
pub fn sheet(store: &Store, meeting: i64, lang: Lang) -> Result<Document<'static>, StoreError> {
    let m = store.meeting(meeting)?;
    let roster = store.roster_as_of(store.meeting_epoch(meeting)?)?;
    let mut owners: Vec<(i64, String, Vec<crate::domain::FlatRef>)> = Vec::new();
    for e in roster {
        match owners.iter_mut().find(|(id, ..)| *id == e.owner_id) {
            Some((.., flats)) => flats.push(e.flat),
            None => owners.push((e.owner_id, e.owner_name, vec![e.flat])),
        }
    }
    let flats: usize = owners.iter().map(|(.., f)| f.len()).sum();
    let t = |l: L| l.get(lang).to_string();
    let rows = owners
        .iter()
        .map(|(_, name, f)| {
            // One flat a line: a long list never breaks inside a flat number.
            vec![
                f.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
                name.clone(),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    let header = Table {
        head: vec![t(L::Field), t(L::Content)],
        align: vec![Align::Left; 2],
        rows: vec![
            vec![t(L::Estate), store.estate()?.unwrap_or_default()],
            vec![t(L::Time), lb::meeting_time(m.local_start(), lang)],
            vec![t(L::Place), m.place.clone()],
        ],
        class: "fields",
    };
    let table = Table {
        head: vec![
            t(L::Flat),
            t(L::Owner),
            P::SheetSignature.get(lang).into(),
            P::SheetAgent.get(lang).into(),
            P::SheetTime.get(lang).into(),
        ],
        align: vec![Align::Left; 5],
        rows,
        // Rows tall enough to sign, the signature column the widest.
        class: "signatures",
    };
    Ok(Document {
        lang,
        title: P::SheetTitle.fill(lang, &[("meeting", &m.title)]),
        sections: vec![Section {
            class: "sheet",
            blocks: vec![
                Block::Table(header),
                Block::Para(P::SheetHow.get(lang).into()),
                Block::Table(table),
            ],
        }],
        digest: P::SheetCount.fill(lang, &[("owners", &owners.len()), ("flats", &flats)]),
        footer: None,
    })
}
