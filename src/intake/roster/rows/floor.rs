//! The optional floor column (楼层): a filled cell must name a floor; an empty one leaves the floor to
//! the room number.

use super::super::floors::parse_floor;
use super::super::headers::Field;
use super::super::table::TableRow;
use super::{Checker, Reported, Sheet};
use crate::i18n::{RosterFloorText as F, said};

impl Checker {
    pub(super) fn floor(&mut self, sheet: &Sheet, row: &TableRow) -> Result<Option<u32>, Reported> {
        let Some(text) = self.value(sheet, row, Field::Floor, false)? else {
            return Ok(None);
        };
        if let Some(floor) = parse_floor(&text) {
            return Ok(Some(floor));
        }
        let column = sheet.columns.get(Field::Floor).unwrap_or(0);
        let message = said!(F::NotAFloor, text = text);
        self.report(sheet, row, column, message, said!(F::NotAFloorHint));
        Err(Reported)
    }
}
