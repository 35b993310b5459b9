//! The grid both CSV and spreadsheet files are read into, so one validator serves both.

/// The rows of one sheet (or of a CSV file) as a spreadsheet program would show them. Only rows that
/// hold a cell are kept: a stray cell a million rows down costs one row, not a million.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The worksheet's name; `None` for a CSV file.
    pub sheet: Option<String>,
    pub rows: Vec<TableRow>,
    /// Merged regions, 0-based and inclusive: (first row, first column, last row, last column).
    pub merged: Vec<(u32, u32, u32, u32)>,
    /// Cells left out because they lie far beyond any roster's columns, as `XFD1048576`.
    pub far_cells: Vec<String>,
}

/// One row; `number` is the 1-based row a spreadsheet program shows, `cells[0]` is column A.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// A cell as found. Only spreadsheets produce the non-text kinds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, trimmed (numbers from a spreadsheet are already written out: 501.0 → "501").
    Text(String),
    /// An Excel error value such as `#VALUE!`.
    Error(String),
    /// A date: Excel turns some typed values (3-2, 1/2) into dates.
    Date,
    /// A formula saved without its computed value (files written by scripts).
    FormulaWithoutValue(String),
}

impl Cell {
    pub fn text(value: &str) -> Cell {
        Cell::Text(value.trim().to_string())
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(t) if t.is_empty())
    }

    /// How the cell reads in a message or a header.
    pub fn shown(&self) -> &str {
        match self {
            Cell::Text(t) | Cell::Error(t) => t,
            Cell::Date => "(a date)",
            Cell::FormulaWithoutValue(_) => "(a formula without a value)",
        }
    }
}

impl TableRow {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}
