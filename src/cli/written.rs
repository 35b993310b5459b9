//! `ballot-import`: written ballots from a CSV file, one row per flat.

use std::path::Path;

use anyhow::{Result, bail};

use crate::export::labels::choice as word;
use crate::i18n::terms::list_separator;
use crate::i18n::{BallotText, CmdText, Said};
use crate::intake::ballots::{BallotRow, read_ballots};
use crate::intake::{Location, Problem, Problems};
use crate::lang::Lang;
use crate::store::{Store, WrittenBallot, WrittenRefusal};

use super::say::{count, say, text};

pub fn ballot_import(
    store: &mut Store,
    (meeting, item): (&str, i64),
    file: &Path,
    (replace, at): (Option<&str>, Option<&str>),
    lang: Lang,
) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let ballots: Vec<WrittenBallot> = read_ballots(file)?.into_iter().map(Into::into).collect();
    let stated = super::stated::stated(store, meeting, at)?;
    let imported = store
        .import_written_ballots_at(meeting, item, &ballots, replace, stated)
        .map_err(|e| super::stated::named(e, at))?;
    let outcome = match imported {
        Ok(outcome) => outcome,
        Err(WrittenRefusal::Rows(rows)) => {
            let name = file.display().to_string();
            let problems = rows
                .into_iter()
                .map(|(row, message)| {
                    let location = Location::Cell {
                        row,
                        column: 1,
                        header: text(CmdText::RoomColumn, &[]),
                    };
                    Problem::said(&name, location, message, Said::verbatim(""))
                })
                .collect();
            return Err(Problems(problems).into());
        }
        Err(WrittenRefusal::WouldReplace(list)) => {
            let list: Vec<String> = list
                .iter()
                .map(|(flat, old, new)| {
                    BallotText::Change.fill(
                        lang,
                        &[
                            ("flat", flat),
                            ("old", &word(*old, lang)),
                            ("new", &word(*new, lang)),
                        ],
                    )
                })
                .collect();
            let list = list.join(list_separator(lang));
            bail!(BallotText::WouldReplace.fill(lang, &[("list", &list)]));
        }
    };
    let ballots = count(
        outcome.recorded,
        CmdText::WrittenBallot,
        CmdText::WrittenBallots,
    );
    say(
        CmdText::WrittenRecorded,
        &[("item", &item), ("ballots", &ballots)],
    );
    if outcome.unchanged > 0 {
        println!(
            "{}",
            BallotText::Unchanged.fill(lang, &[("n", &outcome.unchanged)])
        );
    }
    if outcome.extra_rows > 0 {
        println!(
            "{}",
            BallotText::ExtraRows.fill(lang, &[("n", &outcome.extra_rows)])
        );
    }
    super::stated::say_back(store, meeting, stated)?;
    let reason = replace.unwrap_or_default();
    for (flat, old, new) in &outcome.replaced {
        println!(
            "{}",
            BallotText::Replaced.fill(
                lang,
                &[
                    ("flat", flat),
                    ("old", &word(*old, lang)),
                    ("new", &word(*new, lang)),
                    ("reason", &reason),
                ],
            )
        );
    }
    Ok(())
}

/// A row of a ballots file is what the store records: the same row, flat and choice.
impl From<BallotRow> for WrittenBallot {
    fn from(r: BallotRow) -> WrittenBallot {
        WrittenBallot {
            row: r.row,
            flat: r.flat,
            choice: r.choice,
        }
    }
}
