//! Data rows into flats with their owner's particulars, collecting every problem on the way
//! (DOMAIN §2.4, §3). Owners are keyed afterwards, over the whole roster (`owners`).

use std::collections::HashMap;

use super::clean;

mod floor;
use super::headers::{Columns, Field};
use super::table::{Cell, TableRow};
use crate::domain::address::{Part, normalise_part, reads_back, split_parts};
use crate::domain::area::AreaError;
use crate::domain::{Area, FlatRef};
use crate::i18n::{RosterProblem as R, Said, said};
use crate::intake::{Location, Problem};

/// The smallest and largest area of one flat (exclusive part) believed: outside, a typo (a missing
/// decimal point, a total typed into a flat's row). Documented in docs/roster.md.
pub const AREA_RANGE: (Area, Area) = (Area(100), Area(200_000));

/// One flat as read, before owners are keyed.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub flat: FlatRef,
    pub area: Area,
    pub name: String,
    pub owner_id: Option<String>,
    pub certificate: Option<String>,
    pub phone: Option<String>,
    pub unsold: bool,
    /// From the floor column, if the roster has one and the cell is filled.
    pub floor: Option<u32>,
}

/// Checks rows sheet by sheet; flats and owner ids are checked across the whole file.
#[derive(Default)]
pub struct Checker {
    /// Flat → where it first appeared: its sheet and row.
    flats: HashMap<FlatRef, (Option<String>, usize)>,
    /// Owner id → the row and name it first appeared with.
    owner_ids: HashMap<String, (usize, String)>,
    pub problems: Vec<Problem>,
    /// Rows whose area lost binary noise.
    pub rounded: Vec<usize>,
}

/// A problem already recorded; the row gives no flat.
struct Reported;

/// One sheet's context while checking it.
pub struct Sheet<'a> {
    /// The file, and the sheet's name in a workbook.
    pub file: &'a str,
    pub name: Option<&'a str>,
    pub columns: &'a Columns,
}

impl Checker {
    pub fn row(&mut self, sheet: &Sheet, row: &TableRow) -> Option<Parsed> {
        let first_problem = self.problems.len();
        let flat = self.flat(sheet, row);
        let area = self.area(sheet, row);
        let name = self.text(sheet, row, Field::OwnerName, true);
        let owner_id = self.text(sheet, row, Field::OwnerId, false);
        let certificate = self.text(sheet, row, Field::Certificate, false);
        let phone = self.phone(sheet, row);
        let unsold = self.unsold(sheet, row);
        let floor = self.floor(sheet, row);
        if let Ok(flat) = &flat {
            self.check_flat_once(sheet, row, flat);
        }
        if let (Ok(Some(id)), Ok(Some(name))) = (&owner_id, &name) {
            self.check_owner_id(sheet, row, id, name);
        }
        // Within a row, report left to right.
        self.problems[first_problem..].sort_by_key(|p| match p.location {
            Location::Cell { column, .. } => column,
            _ => 0,
        });
        if self.problems.len() > first_problem {
            return None;
        }
        let (
            Ok(flat),
            Ok(area),
            Ok(Some(name)),
            Ok(owner_id),
            Ok(certificate),
            Ok(phone),
            Ok(unsold),
            Ok(floor),
        ) = (
            flat,
            area,
            name,
            owner_id,
            certificate,
            phone,
            unsold,
            floor,
        )
        else {
            return None;
        };
        Some(Parsed {
            flat,
            area,
            name: clean::name(&name),
            owner_id,
            certificate,
            phone,
            unsold,
            floor,
        })
    }

    /// The trimmed text of a cell: `None` if an optional cell is empty; required cells must be filled.
    fn value(
        &mut self,
        sheet: &Sheet,
        row: &TableRow,
        field: Field,
        required: bool,
    ) -> Result<Option<String>, Reported> {
        let Some(column) = sheet.columns.get(field) else {
            return Ok(None);
        };
        self.cell(sheet, row, column, field, required)
    }

    fn cell(
        &mut self,
        sheet: &Sheet,
        row: &TableRow,
        column: usize,
        field: Field,
        required: bool,
    ) -> Result<Option<String>, Reported> {
        let (message, hint) = match row.cells.get(column) {
            // A formula typed or exported as text: its value was never computed.
            Some(Cell::Text(text)) if text.starts_with('=') && text.len() > 1 => {
                (said!(R::Formula, text = text), said!(R::PasteValues))
            }
            Some(Cell::Text(text)) if !text.is_empty() => match clean::forbidden_char(text) {
                None => return Ok(Some(text.clone())),
                Some((c, what)) => (
                    said!(R::ForbiddenChar, code = format!("{:04X}", c as u32)).word("what", what),
                    said!(R::Retype),
                ),
            },
            None | Some(Cell::Text(_)) if !required => return Ok(None),
            Some(Cell::Text(_)) => (
                said!(R::Empty).word("field", field.label()),
                said!(R::EmptyHint),
            ),
            None => (
                said!(R::MissingCells, n = row.cells.len()).word("field", field.label()),
                said!(R::CheckCommas),
            ),
            Some(Cell::Error(error)) => (said!(R::ExcelError, error = error), said!(R::FixFormula)),
            Some(Cell::Date) => (said!(R::Date), said!(R::FormatAsText)),
            Some(Cell::FormulaWithoutValue(formula)) => (
                said!(R::FormulaWithoutValue, formula = formula),
                said!(R::SaveAgain),
            ),
        };
        self.report(sheet, row, column, message, hint);
        Err(Reported)
    }

    /// A text field, control characters refused; the name keeps its own cleaning (`clean::name`).
    fn text(
        &mut self,
        sheet: &Sheet,
        row: &TableRow,
        field: Field,
        required: bool,
    ) -> Result<Option<String>, Reported> {
        Ok(self
            .value(sheet, row, field, required)?
            .map(|t| clean::name(&t))
            .filter(|t| !t.is_empty() || required))
    }

    fn flat(&mut self, sheet: &Sheet, row: &TableRow) -> Result<FlatRef, Reported> {
        if let Some(column) = sheet.columns.address_column() {
            let text = self
                .cell(sheet, row, column, Field::Address, true)?
                .ok_or(Reported)?;
            return match split_parts(&text).as_slice() {
                [b, u, r] => Ok(FlatRef::new(b, u, r)),
                _ => {
                    self.report(
                        sheet,
                        row,
                        column,
                        said!(R::NotAFlat, text = text),
                        said!(R::WriteFlat),
                    );
                    Err(Reported)
                }
            };
        }
        let building = self.part(sheet, row, Field::Building, Part::Building);
        let unit = self.part(sheet, row, Field::Unit, Part::Unit);
        let room = self.part(sheet, row, Field::Room, Part::Room);
        Ok(FlatRef::new(building?, unit?, room?))
    }

    /// Building, unit or room in its kept form (3#楼 → 3, 一单元 → 1, 0501室 → 501).
    fn part(
        &mut self,
        sheet: &Sheet,
        row: &TableRow,
        field: Field,
        kind: Part,
    ) -> Result<String, Reported> {
        let text = self.value(sheet, row, field, true)?.ok_or(Reported)?;
        let part = normalise_part(&text, kind);
        // The part must survive being written as building-unit-room and read back.
        if !reads_back(&part, kind) {
            let column = sheet.columns.get(field).unwrap_or(0);
            self.report(
                sheet,
                row,
                column,
                said!(R::BadPart, text = text).word("field", field.label()),
                said!(R::OneWord).word("field", field.label()),
            );
            return Err(Reported);
        }
        Ok(part)
    }

    fn area(&mut self, sheet: &Sheet, row: &TableRow) -> Result<Area, Reported> {
        let text = self.value(sheet, row, Field::Area, true)?.ok_or(Reported)?;
        let (number, rounded) = clean::area(&text);
        let column = sheet.columns.get(Field::Area).unwrap_or(0);
        let area = Area::parse_positive(&number).map_err(|e| {
            self.report(sheet, row, column, area_error(&e), said!(R::AreaHint));
            Reported
        })?;
        if area < AREA_RANGE.0 || area > AREA_RANGE.1 {
            self.report(
                sheet,
                row,
                column,
                said!(
                    R::Implausible,
                    area = area,
                    min = AREA_RANGE.0,
                    max = AREA_RANGE.1
                ),
                said!(R::CheckDecimalPoint),
            );
            return Err(Reported);
        }
        if rounded {
            self.rounded.push(row.number);
        }
        Ok(area)
    }

    fn phone(&mut self, sheet: &Sheet, row: &TableRow) -> Result<Option<String>, Reported> {
        let Some(text) = self.value(sheet, row, Field::Phone, false)? else {
            return Ok(None);
        };
        if clean::is_scientific(&text) {
            let column = sheet.columns.get(Field::Phone).unwrap_or(0);
            self.report(
                sheet,
                row,
                column,
                said!(R::ShortenedPhone, text = text),
                said!(R::PhoneAsText),
            );
            return Err(Reported);
        }
        Ok(Some(crate::domain::address::fold_width(&text)))
    }

    fn unsold(&mut self, sheet: &Sheet, row: &TableRow) -> Result<bool, Reported> {
        let Some(text) = self.value(sheet, row, Field::Unsold, false)? else {
            return Ok(false);
        };
        let t = crate::domain::address::fold_width(&text).to_lowercase();
        match t.as_str() {
            "是" | "y" | "yes" | "√" | "✓" | "1" | "true" | "未售" => Ok(true),
            "否" | "n" | "no" | "×" | "0" | "false" | "已售" => Ok(false),
            _ => {
                let column = sheet.columns.get(Field::Unsold).unwrap_or(0);
                self.report(
                    sheet,
                    row,
                    column,
                    said!(R::NotUnsoldMark, text = text),
                    said!(R::UnsoldHint),
                );
                Err(Reported)
            }
        }
    }

    fn check_flat_once(&mut self, sheet: &Sheet, row: &TableRow, flat: &FlatRef) {
        match self.flats.get(flat) {
            Some((first_sheet, first)) => {
                let column = (sheet.columns.address_column())
                    .or(sheet.columns.get(Field::Room))
                    .unwrap_or(0);
                let place = match first_sheet {
                    Some(name) if first_sheet.as_deref() != sheet.name => {
                        said!(R::AtSheetRow, sheet = name, row = first)
                    }
                    _ => said!(R::AtRow, row = first),
                };
                let message = said!(R::FlatAgain, flat = flat).with("place", &place);
                self.report(sheet, row, column, message, said!(R::ListOnce));
            }
            None => {
                let name = sheet.name.map(str::to_string);
                self.flats.insert(flat.clone(), (name, row.number));
            }
        }
    }

    fn check_owner_id(&mut self, sheet: &Sheet, row: &TableRow, id: &str, name: &str) {
        let name = clean::name(name);
        match self.owner_ids.get(id) {
            Some((first_row, first_name)) if *first_name != name => {
                let message = said!(
                    R::OwnerIdConflict,
                    id = id,
                    first = first_name,
                    row = first_row,
                    name = name
                );
                let column = sheet.columns.get(Field::OwnerId).unwrap_or(0);
                self.report(sheet, row, column, message, said!(R::OneOwnerId));
            }
            Some(_) => {}
            None => {
                self.owner_ids.insert(id.to_string(), (row.number, name));
            }
        }
    }

    fn report(&mut self, sheet: &Sheet, row: &TableRow, column: usize, message: Said, hint: Said) {
        let location = Location::Cell {
            row: row.number,
            column: column + 1,
            header: sheet.columns.header(column).to_string(),
        };
        let problem = Problem::said(sheet.file, location, message, hint).in_sheet(sheet.name);
        self.problems.push(problem);
    }
}

/// The parser's reason; its own example for a non-number is left to the hint, and a cell holding
/// only a unit (㎡) is simply empty.
fn area_error(error: &AreaError) -> Said {
    match error {
        AreaError::Empty => said!(R::AreaEmpty),
        AreaError::NotANumber(text) => said!(R::AreaNotANumber, text = text),
        AreaError::TooManyDecimals(text) => said!(R::AreaDecimals, text = text),
        AreaError::NotPositive(text) => said!(R::AreaNotPositive, text = text),
        AreaError::TooLarge(text) => said!(R::AreaTooLarge, text = text),
    }
}
