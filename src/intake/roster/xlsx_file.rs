//! Excel workbooks (XLSX; also XLS, XLSB and ODS as far as calamine reads them) into a table:
//! the first worksheet only.

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::table::{Cell, Table, TableRow};
use crate::intake::{Location, Problem};

/// The container a workbook comes in, told by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    /// ZIP: XLSX (or XLSB, ODS).
    Zip,
    /// OLE compound file: old XLS (and password-protected XLSX).
    Compound,
}

impl Container {
    pub fn sniff(bytes: &[u8]) -> Option<Container> {
        if bytes.starts_with(b"PK\x03\x04") {
            Some(Container::Zip)
        } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            Some(Container::Compound)
        } else {
            None
        }
    }
}

type Source = Cursor<Vec<u8>>;

pub fn read(file: &str, bytes: Vec<u8>, container: Container) -> Result<Table, Problem> {
    let cursor = Cursor::new(bytes);
    let sheet = match container {
        Container::Zip => match open_workbook_from_rs::<Xlsx<Source>, _>(cursor.clone()) {
            Ok(mut book) => first_sheet(&mut book),
            // XLSB and ODS files are ZIPs too; if it is neither, the XLSX reason is the useful one.
            Err(xlsx_error) => {
                if let Ok(mut book) = open_workbook_from_rs::<Xlsb<Source>, _>(cursor.clone()) {
                    first_sheet(&mut book)
                } else if let Ok(mut book) = open_workbook_from_rs::<Ods<Source>, _>(cursor) {
                    first_sheet(&mut book)
                } else {
                    Err(SheetError::Open(xlsx_error.to_string()))
                }
            }
        },
        Container::Compound => match open_workbook_from_rs::<Xls<Source>, _>(cursor) {
            Ok(mut book) => first_sheet(&mut book),
            Err(e) => Err(SheetError::Open(e.to_string())),
        },
    };
    Ok(table(&sheet.map_err(|e| e.problem(file))?))
}

/// The first worksheet's values, and its formulas when the format keeps them.
struct Sheet {
    name: String,
    values: Range<Data>,
    formulas: Option<Range<String>>,
}

enum SheetError {
    Open(String),
    NoSheet,
}

impl SheetError {
    fn problem(self, file: &str) -> Problem {
        match self {
            SheetError::Open(reason) => Problem::new(
                file,
                Location::File,
                format!("the workbook could not be opened: {reason}"),
                "open it in Excel or WPS and save it again as .xlsx without a password, \
                 or save it as \"CSV UTF-8 (comma delimited)\"",
            ),
            SheetError::NoSheet => Problem::new(
                file,
                Location::File,
                "the workbook has no worksheet",
                "put the roster on the first worksheet",
            ),
        }
    }
}

fn first_sheet<R>(book: &mut R) -> Result<Sheet, SheetError>
where
    R: Reader<Source>,
    R::Error: std::fmt::Display,
{
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or(SheetError::NoSheet)?;
    let values = book
        .worksheet_range(&name)
        .map_err(|e| SheetError::Open(e.to_string()))?;
    // Only used to explain empty cells; a format that cannot give formulas just gives none.
    let formulas = book.worksheet_formula(&name).ok();
    Ok(Sheet {
        name,
        values,
        formulas,
    })
}

/// Calamine's range starts at the first used cell; rows and columns here are the sheet's own.
fn table(sheet: &Sheet) -> Table {
    let what = format!("the first worksheet ({})", sheet.name);
    let Some((first_row, first_column)) = sheet.values.start() else {
        return Table {
            what,
            rows: Vec::new(),
        };
    };
    let rows = sheet
        .values
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let row = first_row + i as u32;
            let mut out = vec![Cell::Text(String::new()); first_column as usize];
            out.extend(cells.iter().enumerate().map(|(j, data)| {
                let formula = (sheet.formulas.as_ref())
                    .and_then(|f| f.get_value((row, first_column + j as u32)))
                    .filter(|f| !f.is_empty());
                cell(data, formula)
            }));
            TableRow {
                number: row as usize + 1,
                cells: out,
            }
        })
        .collect();
    Table { what, rows }
}

fn cell(data: &Data, formula: Option<&String>) -> Cell {
    match data {
        Data::Empty => match formula {
            Some(f) => Cell::FormulaWithoutValue(f.clone()),
            None => Cell::Text(String::new()),
        },
        Data::String(s) => Cell::text(s),
        // Rust's shortest round-trip form: 501.0 → "501", 56.45 → "56.45", never an exponent,
        // so the area is parsed from the same digits Excel stored.
        Data::Float(f) => Cell::Text(f.to_string()),
        Data::Int(i) => Cell::Text(i.to_string()),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Cell::Date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(cell(&Data::Float(501.0), None), Cell::text("501"));
        assert_eq!(cell(&Data::Float(56.45), None), Cell::text("56.45"));
        assert_eq!(cell(&Data::Float(56.456), None), Cell::text("56.456"));
        assert_eq!(
            cell(&Data::Float(13610070497.0), None),
            Cell::text("13610070497")
        );
        assert_eq!(
            cell(&Data::Float(1e20), None),
            Cell::text("100000000000000000000")
        );
        assert_eq!(cell(&Data::Int(3), None), Cell::text("3"));
        assert_eq!(
            cell(&Data::String(" 王秀兰 ".into()), None),
            Cell::text("王秀兰")
        );
    }

    #[test]
    fn sniffs_containers() {
        assert_eq!(Container::sniff(b"PK\x03\x04rest"), Some(Container::Zip));
        assert_eq!(Container::sniff(b"\xEF\xBB\xBFa,b"), None);
    }
}
