//! Written ballots collected on paper, typed into a CSV: `room,choice` (header optional;
//! 房号,表决意见 accepted), one row per flat as ballots are handed out. Choices: yes/no/abstain or
//! 同意/反对/弃权. A flat given twice with the same choice counts once; with two choices it is refused.

use std::collections::HashMap;
use std::path::Path;

use crate::domain::{Choice, FlatRef};

use super::{Location, Problem, Problems, encoding::decode};
use crate::export::labels::choice as word;
use crate::i18n::{BallotText as B, CliText, IntakeText, Said, said};
use crate::lang::Lang;

/// One written ballot and the row it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotRow {
    pub row: usize,
    pub flat: FlatRef,
    pub choice: Choice,
}

const ROOM_HEADERS: [&str; 6] = ["room", "flat", "房号", "房间", "房间号", "室号"];
const CHOICE_HEADERS: [&str; 5] = ["choice", "vote", "表决意见", "意见", "表决"];

/// Reads a ballots CSV; every problem is reported with row and column, and nothing is returned on any.
pub fn read_ballots(path: &Path) -> Result<Vec<BallotRow>, Problems> {
    let name = path.display().to_string();
    let file_problem =
        |msg: Said, hint: Said| Problems(vec![Problem::said(&name, Location::File, msg, hint)]);
    let bytes = super::read_input(path, super::MAX_BALLOTS_BYTES, IntakeText::ABallotFile)
        .map_err(|p| Problems(vec![p]))?;
    let text = decode(&name, &bytes).map_err(|p| Problems(vec![p]))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<FlatRef, (usize, Choice)> = HashMap::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem::said(
                    &name,
                    Location::File,
                    said!(B::RowUnreadable, row = row, error = e),
                    said!(B::CheckQuoting),
                ));
                continue;
            }
        };
        let cell = |c: usize| record.get(c).unwrap_or("").trim();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if row == 1 && ROOM_HEADERS.contains(&cell(0).to_lowercase().as_str()) {
            if !CHOICE_HEADERS.contains(&cell(1).to_lowercase().as_str()) {
                problems.push(Problem::said(
                    &name,
                    Location::Cell {
                        row,
                        column: 2,
                        header: cell(1).to_string(),
                    },
                    said!(B::NotChoiceColumn, text = cell(1)),
                    said!(B::TheColumns),
                ));
            }
            continue;
        }
        let at = |column: usize, header: &str| Location::Cell {
            row,
            column,
            header: header.to_string(),
        };
        let flat = FlatRef::parse(cell(0));
        let choice = Choice::parse(cell(1));
        if let Err(e) = &flat {
            let message = said!(CliText::NotAFlat, text = e.0);
            problems.push(Problem::said(
                &name,
                at(1, "room"),
                message,
                Said::verbatim(""),
            ));
        }
        if choice.is_none() {
            problems.push(Problem::said(
                &name,
                at(2, "choice"),
                said!(B::NotAChoice, text = cell(1)),
                said!(B::WriteChoice),
            ));
        }
        if let (Ok(flat), Some(choice)) = (flat, choice) {
            match seen.get(&flat) {
                Some((_, same)) if *same == choice => continue,
                Some((first, other)) => {
                    let message = said!(B::FlatTwice, flat = flat, first = first)
                        .both("there", word(*other, Lang::Zh), word(*other, Lang::En))
                        .both("here", word(choice, Lang::Zh), word(choice, Lang::En));
                    let hint = said!(B::KeepSigned);
                    problems.push(Problem::said(&name, at(1, "room"), message, hint));
                    continue;
                }
                None => {
                    seen.insert(flat.clone(), (row, choice));
                }
            }
            out.push(BallotRow { row, flat, choice });
        }
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    if out.is_empty() {
        return Err(file_problem(said!(B::NoBallots), said!(B::OnePerLine)));
    }
    Ok(out)
}
