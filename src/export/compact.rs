//! The roll call of a public notice in a compact layout for the notice board: several flat → choice
//! column pairs side by side, read down each pair in roll-call order, so a whole-estate vote of
//! 225 ballots fits on a few A4 pages. The developer's unsold flats are shown once, as a count.

use crate::domain::roster::is_unsold_name;
use crate::i18n::ExportText;
use crate::lang::Lang;

use super::document::{Align, Table};
use super::labels::{self as lb, L};
use super::snapshot::RollLine;

/// Column pairs per row.
const PAIRS: usize = 4;

pub fn roll_call(roll: &[RollLine], lang: Lang) -> Table {
    let rows = roll.len().div_ceil(PAIRS);
    let cell = |r: &RollLine| -> [String; 2] {
        let flat = if is_unsold_name(&r.owner) && r.flats.len() > 1 {
            ExportText::UnsoldFlats.fill(lang, &[("n", &r.flats.len())])
        } else {
            lb::list_sep(lang).join_display(&r.flats)
        };
        [flat, lb::choice(r.choice, lang).to_string()]
    };
    let head = [
        L::Flat.get(lang).to_string(),
        L::Choice.get(lang).to_string(),
    ];
    Table {
        head: (0..PAIRS).flat_map(|_| head.clone()).collect(),
        align: vec![Align::Left; PAIRS * 2],
        rows: (0..rows)
            .map(|row| {
                (0..PAIRS)
                    .flat_map(|pair| match roll.get(pair * rows + row) {
                        Some(r) => cell(r),
                        None => [String::new(), String::new()],
                    })
                    .collect()
            })
            .collect(),
        class: "roll-call compact",
    }
}
