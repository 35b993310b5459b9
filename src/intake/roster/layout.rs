//! The shape of a sheet below its header: rows that are totals, and building/unit cells merged over
//! several rows (or, in CSV, left empty under the first row of their block) filled down.

use super::headers::{Columns, Field};
use super::table::{Cell, Table, TableRow};
use crate::domain::address::fold_width;

/// Words that open a total row.
const TOTAL_WORDS: [&str; 6] = ["合计", "小计", "总计", "共计", "total", "subtotal"];

/// The data rows of a sheet, ready for checking, and what was done to get them.
#[derive(Debug, Default)]
pub struct Layout {
    pub rows: Vec<TableRow>,
    /// Rows skipped as totals (合计, 小计, total), 1-based.
    pub total_rows: Vec<usize>,
    /// Cells filled from the merged cell (or the row) above: (row, header of the column).
    pub filled: Vec<(usize, String)>,
}

/// Takes the rows below the header, skips blank and total rows, and fills building and unit cells down.
pub fn lay_out(table: &Table, columns: &Columns) -> Layout {
    let mut layout = Layout::default();
    let fill_columns: Vec<usize> = [Field::Building, Field::Unit, Field::Address]
        .iter()
        .filter_map(|&f| columns.get(f))
        .collect();
    let mut rows: Vec<TableRow> = table
        .rows
        .iter()
        .filter(|r| r.number > columns.row)
        .cloned()
        .collect();
    if table.sheet.is_some() {
        fill_merged(table, &fill_columns, columns, &mut rows, &mut layout.filled);
    }
    let mut previous: Option<&TableRow> = None;
    let mut last_number = columns.row;
    let mut kept = Vec::with_capacity(rows.len());
    for mut row in rows {
        if is_blank(&row, columns) {
            continue;
        }
        if is_total(&row) {
            layout.total_rows.push(row.number);
            continue;
        }
        // In CSV a merged cell arrives as a value in its first row and empty cells below; a blank
        // line ends the block.
        if table.sheet.is_none() {
            let same_block = row.number == last_number + 1;
            if let (Some(prev), true) = (previous, same_block) {
                for &c in &fill_columns {
                    let above = prev.cells.get(c).filter(|c| !c.is_blank());
                    if let Some(value) = above
                        && row.cells.get(c).is_none_or(Cell::is_blank)
                        && has_room(&row, columns)
                    {
                        set(&mut row, c, value.clone());
                        layout
                            .filled
                            .push((row.number, columns.header(c).to_string()));
                    }
                }
            }
        }
        last_number = row.number;
        kept.push(row);
        previous = kept.last();
    }
    layout.rows = kept;
    layout
}

/// XLSX merges: the value lives in the region's first cell; every row of the region gets it.
fn fill_merged(
    table: &Table,
    fill_columns: &[usize],
    columns: &Columns,
    rows: &mut [TableRow],
    filled: &mut Vec<(usize, String)>,
) {
    for &(r0, c0, r1, c1) in &table.merged {
        if r1 == r0 {
            continue;
        }
        for &c in fill_columns {
            if (c as u32) < c0 || (c as u32) > c1 {
                continue;
            }
            let first = r0 as usize + 1;
            if first <= columns.row {
                continue;
            }
            let value = table
                .rows
                .iter()
                .find(|r| r.number == first)
                .and_then(|r| r.cells.get(c0 as usize))
                .filter(|v| !v.is_blank())
                .cloned();
            let Some(value) = value else { continue };
            // Only rows that exist: a merge down to row 1,048,576 costs nothing.
            let from = rows.partition_point(|r| r.number <= first);
            let to = rows.partition_point(|r| r.number <= r1 as usize + 1);
            for row in &mut rows[from..to] {
                if row.cells.get(c).is_none_or(Cell::is_blank) && has_room(row, columns) {
                    set(row, c, value.clone());
                    filled.push((row.number, columns.header(c).to_string()));
                }
            }
        }
    }
}

fn set(row: &mut TableRow, column: usize, value: Cell) {
    if row.cells.len() <= column {
        row.cells.resize(column + 1, Cell::Text(String::new()));
    }
    row.cells[column] = value;
}

/// A row to fill is a flat: something in its room (or address) column.
fn has_room(row: &TableRow, columns: &Columns) -> bool {
    [Field::Room, Field::Address]
        .iter()
        .filter_map(|&f| columns.get(f))
        .any(|c| row.cells.get(c).is_some_and(|v| !v.is_blank()))
}

/// Blank in every known column: rows holding only a remark in some other column are no flat either.
fn is_blank(row: &TableRow, columns: &Columns) -> bool {
    columns
        .present()
        .iter()
        .all(|&(_, c)| row.cells.get(c).is_none_or(Cell::is_blank))
}

/// A row whose some cell opens with 合计, 小计, 总计, 共计 or total.
pub fn is_total(row: &TableRow) -> bool {
    row.cells.iter().any(|c| {
        let text: String = fold_width(c.shown())
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        TOTAL_WORDS.iter().any(|w| text.starts_with(w))
    })
}
