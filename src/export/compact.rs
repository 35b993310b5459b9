//! The roll call of a public notice in a compact layout for the notice board: several flat → choice
//! column pairs side by side, read down each pair in roll-call order, so a whole-estate vote of
//! 225 ballots fits on a few A4 pages. The developer's unsold flats are shown once, as a count.
//! The rows are made one at a time ([`super::document::RollCallRows`]).

use crate::domain::roster::is_unsold_name;
use crate::i18n::ExportText;
use crate::lang::Lang;

use super::document::{Align, Table};
use super::labels::{self as lb, L};
use super::snapshot::RollLine;

/// Column pairs per row.
const PAIRS: usize = 4;

/// The table's heading, alignment and class (its rows are made by [`row`]).
pub fn table(lang: Lang) -> Table {
    let head = [
        L::Flat.get(lang).to_string(),
        L::Choice.get(lang).to_string(),
    ];
    Table {
        head: (0..PAIRS).flat_map(|_| head.clone()).collect(),
        align: vec![Align::Left; PAIRS * 2],
        rows: Vec::new(),
        class: "roll-call compact",
    }
}

/// How many rows a roll call of `lines` ballots takes.
pub fn rows(lines: usize) -> usize {
    lines.div_ceil(PAIRS)
}

/// Row `row` (from 0): the ballots `row`, `row + rows`, … of the roll call.
pub fn row(roll: &[RollLine], row: usize, lang: Lang) -> Vec<String> {
    let rows = rows(roll.len());
    let cell = |r: &RollLine| -> [String; 2] {
        let flat = if is_unsold_name(&r.owner) && r.flats.len() > 1 {
            ExportText::UnsoldFlats.fill(lang, &[("n", &r.flats.len())])
        } else {
            r.flats.join(lb::list_sep(lang).0)
        };
        [flat, lb::choice(r.choice, lang).to_string()]
    };
    (0..PAIRS)
        .flat_map(|pair| match roll.get(pair * rows + row) {
            Some(r) => cell(r),
            None => [String::new(), String::new()],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Area, Choice};
    use crate::store::Method;

    fn line(n: usize) -> RollLine {
        let flat: compact_str::CompactString = format!("1-1-{n}").into();
        RollLine {
            flats: smallvec::smallvec![flat.clone()],
            flat,
            owner: "业主".into(),
            area: Area(100),
            choice: Choice::Yes,
            method: Method::InPerson,
            proxy: None,
            at: None,
            entered: None,
        }
    }

    #[test]
    fn read_down_each_pair_the_rows_give_the_roll_call_in_order() {
        for n in 0..=13 {
            let roll: Vec<RollLine> = (1..=n).map(line).collect();
            let made: Vec<Vec<String>> = (0..rows(n)).map(|r| row(&roll, r, Lang::En)).collect();
            assert!(made.iter().all(|r| r.len() == PAIRS * 2), "{n}");
            let read: Vec<String> = (0..PAIRS)
                .flat_map(|pair| made.iter().map(move |r| r[pair * 2].clone()))
                .collect();
            let (flats, blanks) = read.split_at(n);
            let want: Vec<String> = (1..=n).map(|k| format!("1-1-{k}")).collect();
            assert_eq!(flats, want, "{n}");
            assert!(
                blanks.iter().all(String::is_empty),
                "{n}: blanks only at the end"
            );
        }
    }
}
