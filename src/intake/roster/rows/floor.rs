//! The optional floor column (楼层): a filled cell must name a floor; an empty one leaves the floor to
//! the room number.

use super::super::floors::parse_floor;
use super::super::headers::Field;
use super::super::table::TableRow;
use super::{Checker, Reported, Sheet};
use crate::i18n::{RosterFloorText as F, said};
use crate::intake::{Location, Problem};

impl Checker {
    pub(super) fn floor(&mut self, sheet: &Sheet, row: &TableRow) -> Result<Option<u32>, Reported> {
        let Some(text) = self.value(sheet, row, Field::Floor, false)? else {
            return Ok(None);
        };
        if let Some(floor) = parse_floor(&text) {
            return Ok(Some(floor));
        }
        let column = sheet.columns.get(Field::Floor).unwrap_or(0);
        self.problems.push(Problem::said(
            sheet.at,
            Location::Cell {
                row: row.number,
                column: column + 1,
                header: sheet.columns.header(column).to_string(),
            },
            said!(F::NotAFloor, text = text),
            said!(F::NotAFloorHint),
        ));
        Err(Reported)
    }
}
