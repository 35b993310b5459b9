//! Excel workbooks (XLSX and XLSB streamed cell by cell; XLS and ODS as far as calamine reads them) into
//! one table per worksheet. A sheet is never read by its declared dimension: only cells that exist are
//! kept, and cells far to the right of any roster's columns are left out and named.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Dimensions, Ods, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::table::{Cell, Table, TableRow};
use crate::i18n::{IntakeText as I, said};
use crate::intake::problem::column_letter;
use crate::intake::{Location, Problem};

/// Columns read per sheet (A to BL); a roster has a dozen. Cells beyond are reported, not read.
pub const MAX_COLUMNS: u32 = 64;

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

/// Every worksheet of the workbook, in the workbook's order.
pub fn read(file: &str, bytes: Vec<u8>, container: Container) -> Result<Vec<Table>, Problem> {
    let cursor = Cursor::new(bytes);
    let sheets = match container {
        Container::Zip => match open_workbook_from_rs::<Xlsx<Source>, _>(cursor.clone()) {
            Ok(mut book) => xlsx_sheets(&mut book),
            // XLSB and ODS files are ZIPs too; if it is neither, the XLSX reason is the useful one.
            Err(xlsx_error) => {
                if let Ok(mut book) = open_workbook_from_rs::<Xlsb<Source>, _>(cursor.clone()) {
                    xlsb_sheets(&mut book)
                } else if let Ok(mut book) = open_workbook_from_rs::<Ods<Source>, _>(cursor) {
                    range_sheets(&mut book, |_, _| Vec::new())
                } else {
                    Err(xlsx_error.to_string())
                }
            }
        },
        Container::Compound => match open_workbook_from_rs::<Xls<Source>, _>(cursor) {
            Ok(mut book) => range_sheets(&mut book, |b: &Xls<Source>, name| {
                b.merge_cells_by_sheet_name(name).unwrap_or_default()
            }),
            Err(e) => Err(e.to_string()),
        },
    };
    let sheets = sheets.map_err(|reason| {
        Problem::said(
            file,
            Location::File,
            said!(I::WorkbookUnreadable, reason = reason),
            said!(I::SaveWorkbookAgain),
        )
    })?;
    if sheets.is_empty() {
        return Err(Problem::said(
            file,
            Location::File,
            said!(I::NoWorksheet),
            said!(I::PutOnWorksheet),
        ));
    }
    Ok(sheets)
}

/// Cells of one sheet gathered by row, bounded to `MAX_COLUMNS`.
#[derive(Default)]
struct Gather {
    rows: BTreeMap<u32, Vec<(u32, Cell)>>,
    far: Vec<String>,
}

impl Gather {
    fn add(&mut self, (row, column): (u32, u32), cell: Cell) {
        if cell.is_blank() {
            return;
        }
        if column >= MAX_COLUMNS {
            self.far.push(format!(
                "{}{}",
                column_letter(column as usize + 1),
                row as u64 + 1
            ));
            return;
        }
        self.rows.entry(row).or_default().push((column, cell));
    }

    fn table(self, name: String, merged: Vec<Dimensions>) -> Table {
        let rows = self
            .rows
            .into_iter()
            .map(|(row, cells)| {
                let width = cells
                    .iter()
                    .map(|(c, _)| *c as usize + 1)
                    .max()
                    .unwrap_or(0);
                let mut out = vec![Cell::Text(String::new()); width];
                for (c, cell) in cells {
                    out[c as usize] = cell;
                }
                TableRow {
                    number: row as usize + 1,
                    cells: out,
                }
            })
            .collect();
        Table {
            sheet: Some(name),
            rows,
            merged: merged
                .iter()
                .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
                .collect(),
            far_cells: self.far,
        }
    }
}

fn xlsx_sheets(book: &mut Xlsx<Source>) -> Result<Vec<Table>, String> {
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut gather = Gather::default();
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| e.to_string())?;
        while let Some(c) = reader.next_cell_with_formula().map_err(|e| e.to_string())? {
            gather.add(c.pos, cell_ref(&c.value, c.formula.as_deref()));
        }
        drop(reader);
        out.push(gather.table(name, merged));
    }
    Ok(out)
}

fn xlsb_sheets(book: &mut Xlsb<Source>) -> Result<Vec<Table>, String> {
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let mut gather = Gather::default();
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| e.to_string())?;
        while let Some(c) = reader.next_cell().map_err(|e| e.to_string())? {
            gather.add(c.get_position(), cell_ref(c.get_value(), None));
        }
        drop(reader);
        out.push(gather.table(name, Vec::new()));
    }
    Ok(out)
}

/// XLS and ODS: calamine reads these whole (an XLS sheet is at most 65,536 × 256 cells).
fn range_sheets<R>(
    book: &mut R,
    merged: impl Fn(&R, &str) -> Vec<Dimensions>,
) -> Result<Vec<Table>, String>
where
    R: Reader<Source>,
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let values = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        let mut gather = Gather::default();
        for (row, column, data) in values.used_cells() {
            let (r0, c0) = values.start().unwrap_or((0, 0));
            gather.add((r0 + row as u32, c0 + column as u32), cell(data));
        }
        let merged = merged(book, &name);
        out.push(gather.table(name, merged));
    }
    Ok(out)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Text(String::new()),
        Data::String(s) => Cell::text(s),
        Data::Float(f) => float(*f),
        Data::Int(i) => Cell::Text(i.to_string()),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Cell::Date,
    }
}

fn cell_ref(data: &DataRef, formula: Option<&str>) -> Cell {
    match data {
        DataRef::Empty => match formula.filter(|f| !f.is_empty()) {
            Some(f) => Cell::FormulaWithoutValue(f.to_string()),
            None => Cell::Text(String::new()),
        },
        DataRef::String(s) => Cell::text(s),
        DataRef::SharedString(s) => Cell::text(s),
        DataRef::Float(f) => float(*f),
        DataRef::Int(i) => Cell::Text(i.to_string()),
        DataRef::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => Cell::Date,
    }
}

/// Rust's shortest round-trip form: 501.0 → "501", 56.45 → "56.45", never an exponent, so the area is
/// parsed from the same digits Excel stored (and float noise such as 74.85000000000001 is seen as such).
fn float(f: f64) -> Cell {
    Cell::Text(f.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(cell(&Data::Float(501.0)), Cell::text("501"));
        assert_eq!(cell(&Data::Float(56.45)), Cell::text("56.45"));
        assert_eq!(cell(&Data::Float(56.456)), Cell::text("56.456"));
        assert_eq!(cell(&Data::Float(13610070497.0)), Cell::text("13610070497"));
        assert_eq!(
            cell(&Data::Float(1e20)),
            Cell::text("100000000000000000000")
        );
        assert_eq!(cell(&Data::Int(3)), Cell::text("3"));
        assert_eq!(cell(&Data::String(" 王秀兰 ".into())), Cell::text("王秀兰"));
        assert_eq!(
            cell_ref(&DataRef::Empty, Some("A1&B1")),
            Cell::FormulaWithoutValue("A1&B1".into())
        );
    }

    #[test]
    fn sniffs_containers() {
        assert_eq!(Container::sniff(b"PK\x03\x04rest"), Some(Container::Zip));
        assert_eq!(Container::sniff(b"\xEF\xBB\xBFa,b"), None);
    }

    #[test]
    fn far_cells_are_named_not_stored() {
        let mut g = Gather::default();
        g.add((0, 0), Cell::text("a"));
        g.add((1_048_575, 16_383), Cell::text("stray"));
        g.add((999_999, 25), Cell::text("z"));
        let t = g.table("s".into(), Vec::new());
        assert_eq!(t.far_cells, ["XFD1048576"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].number, 1_000_000);
        assert_eq!(t.rows[1].cells.len(), 26);
    }
}
