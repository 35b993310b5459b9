//! Table rows into roster rows, collecting every problem on the way (DOMAIN §2.4, §3).

use std::collections::HashMap;

use super::headers::{Columns, Field, match_headers};
use super::table::{Cell, Table, TableRow};
use crate::domain::area::AreaError;
use crate::domain::flat::split_address;
use crate::domain::roster::owner_key;
use crate::domain::{Area, FlatRef, Owner, RosterRow};
use crate::intake::{Location, Problem, Problems};

const AREA_HINT: &str = "write the area in m² with at most two decimals, e.g. 56.45";
const NEEDS: &str = "every flat needs its building, unit, room, area and owner name";
const HEADER_HINT: &str = "the first row names the columns (楼栋, 单元, 房号, 建筑面积(㎡), 业主姓名); \
                           below it, one row per flat";

/// Validates a whole table; returns the rows in file order, or every problem found.
pub fn validate(file: &str, table: &Table) -> Result<Vec<RosterRow>, Problems> {
    let mut rows = table.rows.iter().skip_while(|r| r.is_blank());
    let Some(header) = rows.next() else {
        return Err(Problems(vec![Problem::new(
            file,
            Location::File,
            format!("{} is empty", table.what),
            HEADER_HINT,
        )]));
    };
    let columns = match_headers(file, header).map_err(Problems)?;
    let mut check = Checker {
        file,
        columns: &columns,
        flats: HashMap::new(),
        owner_ids: HashMap::new(),
        problems: Vec::new(),
    };
    let mut out = Vec::new();
    let mut any_data = false;
    for row in rows {
        if check.is_blank(row) {
            continue;
        }
        any_data = true;
        if let Some(roster_row) = check.row(row) {
            out.push(roster_row);
        }
    }
    if !any_data {
        check.problems.push(Problem::new(
            file,
            Location::File,
            format!(
                "there are no flats below the header row (row {})",
                header.number
            ),
            "add one row per flat under the header, with building, unit, room, area and owner name",
        ));
    }
    if check.problems.is_empty() {
        Ok(out)
    } else {
        Err(Problems(check.problems))
    }
}

struct Checker<'a> {
    file: &'a str,
    columns: &'a Columns,
    /// Flat → the row it first appeared in.
    flats: HashMap<FlatRef, usize>,
    /// Owner id → the row and name it first appeared with.
    owner_ids: HashMap<String, (usize, String)>,
    problems: Vec<Problem>,
}

/// A problem already recorded; the row gives no roster row.
struct Reported;

impl Checker<'_> {
    /// Blank in every known column: rows holding only a remark in some other column are no flat either.
    fn is_blank(&self, row: &TableRow) -> bool {
        self.columns
            .present()
            .iter()
            .all(|&(_, c)| row.cells.get(c).is_none_or(Cell::is_blank))
    }

    fn row(&mut self, row: &TableRow) -> Option<RosterRow> {
        let first_problem = self.problems.len();
        let building = self.flat_part(row, Field::Building);
        let unit = self.flat_part(row, Field::Unit);
        let room = self.flat_part(row, Field::Room);
        let area = self.area(row);
        let name = self.value(row, Field::OwnerName);
        let owner_id = self.value(row, Field::OwnerId);
        let phone = self.value(row, Field::Phone);

        let flat = match (building, unit, room) {
            (Ok(Some(b)), Ok(Some(u)), Ok(Some(r))) => Some(FlatRef::new(b, u, r)),
            _ => None,
        };
        if let Some(flat) = &flat {
            self.check_flat_once(row, flat);
        }
        if let (Ok(Some(id)), Ok(Some(name))) = (&owner_id, &name) {
            self.check_owner_id(row, id, name);
        }
        // Within a row, report left to right.
        self.problems[first_problem..].sort_by_key(|p| match p.location {
            Location::Cell { column, .. } => column,
            _ => 0,
        });
        if self.problems.len() > first_problem {
            return None;
        }
        let (flat, Ok(area), Ok(Some(name)), Ok(owner_id), Ok(phone)) =
            (flat?, area, name, owner_id, phone)
        else {
            return None;
        };
        let key = owner_key(owner_id.as_deref(), &name, &flat);
        Some(RosterRow {
            flat,
            area,
            owner: Owner { key, name, phone },
        })
    }

    /// The trimmed text of a cell: `None` if an optional cell is empty; required cells must be filled.
    fn value(&mut self, row: &TableRow, field: Field) -> Result<Option<String>, Reported> {
        let Some(column) = self.columns.get(field) else {
            return Ok(None);
        };
        let (message, hint) = match row.cells.get(column) {
            // A formula typed or exported as text: its value was never computed.
            Some(Cell::Text(text)) if text.starts_with('=') && text.len() > 1 => (
                format!("'{text}' is an Excel formula, not a value"),
                "in Excel or WPS copy the column and paste it back as values (Paste Special → \
                 Values), or type the value itself"
                    .to_string(),
            ),
            Some(Cell::Text(text)) if !text.is_empty() => return Ok(Some(text.clone())),
            None | Some(Cell::Text(_)) if !field.required() => return Ok(None),
            Some(Cell::Text(_)) => (
                format!("the {} is empty", field.label()),
                format!("{NEEDS}; delete the row if it is not a flat"),
            ),
            None => (
                format!(
                    "the {} is missing: the row has only {} cells",
                    field.label(),
                    row.cells.len()
                ),
                format!("check the commas in this row: {NEEDS}"),
            ),
            Some(Cell::Error(error)) => (
                format!("the cell holds the Excel error {error}"),
                "fix the formula, or type the value itself".to_string(),
            ),
            Some(Cell::Date) => (
                "Excel has turned this cell into a date".to_string(),
                "format the column as Text, type the value again and save".to_string(),
            ),
            Some(Cell::FormulaWithoutValue(formula)) => (
                format!("the formula ={formula} has no saved value"),
                "open the file in Excel or WPS and save it again, or type the value itself"
                    .to_string(),
            ),
        };
        self.report(row, column, message, hint);
        Err(Reported)
    }

    /// Building, unit or room, without the markers people add (3栋, 2单元, 501室).
    fn flat_part(&mut self, row: &TableRow, field: Field) -> Result<Option<String>, Reported> {
        let Some(text) = self.value(row, field)? else {
            return Ok(None);
        };
        let markers: &[&str] = match field {
            Field::Building => &["号楼", "栋", "幢", "楼"],
            Field::Unit => &["单元"],
            _ => &["室"],
        };
        let part = markers
            .iter()
            .find_map(|m| text.strip_suffix(m))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .unwrap_or(&text)
            .to_string();
        // The part must survive being written as building-unit-room and read back.
        if split_address(&part) != [part.as_str()] {
            let column = self.columns.get(field).unwrap_or(0);
            self.report(
                row,
                column,
                format!(
                    "'{text}' cannot be used as a {}: '-', '/', spaces and 栋/单元 separate \
                     building, unit and room in a flat like 3-2-501",
                    field.label()
                ),
                format!("write the {} as one word, without them", field.label()),
            );
            return Err(Reported);
        }
        Ok(Some(part))
    }

    fn area(&mut self, row: &TableRow) -> Result<Area, Reported> {
        let text = self.value(row, Field::Area)?.ok_or(Reported)?;
        // Units some rosters write out; ㎡ and m² are understood by the parser itself.
        let number = ["平方米", "平米", "m2", "M2"]
            .iter()
            .find_map(|u| text.strip_suffix(u))
            .unwrap_or(&text);
        Area::parse_positive(number).map_err(|e| {
            let column = self.columns.get(Field::Area).unwrap_or(0);
            self.report(row, column, area_error_message(&e), AREA_HINT);
            Reported
        })
    }

    fn check_flat_once(&mut self, row: &TableRow, flat: &FlatRef) {
        match self.flats.get(flat) {
            Some(&first) => {
                let column = self.columns.get(Field::Room).unwrap_or(0);
                self.report(
                    row,
                    column,
                    format!("flat {flat} already appears in row {first}"),
                    "list each flat once; co-owners go in one row, names joined by 、 \
                     (e.g. 刘斌艳、莫刚超)",
                );
            }
            None => {
                self.flats.insert(flat.clone(), row.number);
            }
        }
    }

    fn check_owner_id(&mut self, row: &TableRow, id: &str, name: &str) {
        match self.owner_ids.get(id) {
            Some((first_row, first_name)) if first_name != name => {
                let message = format!(
                    "owner id {id} belongs to {first_name} in row {first_row}, but this row names {name}"
                );
                let column = self.columns.get(Field::OwnerId).unwrap_or(0);
                self.report(
                    row,
                    column,
                    message,
                    "rows with the same owner id are one owner: write the same name, \
                     or give this owner their own id",
                );
            }
            Some(_) => {}
            None => {
                self.owner_ids
                    .insert(id.to_string(), (row.number, name.to_string()));
            }
        }
    }

    fn report(
        &mut self,
        row: &TableRow,
        column: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.problems.push(Problem::new(
            self.file,
            Location::Cell {
                row: row.number,
                column: column + 1,
                header: self.columns.header(column).to_string(),
            },
            message,
            hint,
        ));
    }
}

/// The parser's reason; its own example for a non-number is left to the hint, and a cell holding
/// only a unit (㎡) is simply empty.
fn area_error_message(error: &AreaError) -> String {
    match error {
        AreaError::Empty => "the area is empty".to_string(),
        AreaError::NotANumber(text) => format!("'{text}' is not a number"),
        other => other.to_string(),
    }
}
