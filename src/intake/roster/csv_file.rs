//! CSV text into a table, numbering rows as Excel or WPS shows them when they open the file.

use std::ops::Range;

use csv::{ReaderBuilder, StringRecord};

use super::table::{Cell, Table, TableRow};
use crate::intake::{Location, Problem};

/// Splits decoded text into rows. Quoted cells may span lines; the row number is the spreadsheet row,
/// so newlines inside quotes do not count, but blank lines (which a spreadsheet shows as empty rows) do.
pub fn read(file: &str, text: &str) -> Result<Table, Problem> {
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = StringRecord::new();
    let mut rows = Vec::new();
    let mut end = 0usize; // byte just after the previous record
    let mut newlines_before = 0usize; // line breaks in the text before `end`
    let mut quoted_newlines = 0usize; // line breaks inside quoted cells so far
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(Problem::new(
                    file,
                    Location::File,
                    format!("the file could not be read as CSV: {e}"),
                    "open it in Excel or WPS and save it as \"CSV UTF-8 (comma delimited)\"",
                ));
            }
        }
        // csv skips empty lines between records: the record starts after them.
        let skipped = text[end..]
            .bytes()
            .take_while(|&b| b == b'\n' || b == b'\r')
            .count();
        let start = end + skipped;
        newlines_before += line_breaks(text, end..start);
        let number = newlines_before - quoted_newlines + 1;
        let record_end = (reader.position().byte() as usize).min(text.len());
        newlines_before += line_breaks(text, start..record_end);
        quoted_newlines += record
            .iter()
            .map(|c| line_breaks(c, 0..c.len()))
            .sum::<usize>();
        end = record_end;
        rows.push(TableRow {
            number,
            cells: record.iter().map(Cell::text).collect(),
        });
    }
    Ok(Table {
        what: "the file".to_string(),
        rows,
    })
}

/// Line breaks within `range` of `text`: `\n`, `\r\n` or a lone `\r`, each counted once. The whole
/// text is looked at, so a `\r\n` split across two ranges still counts once.
fn line_breaks(text: &str, range: Range<usize>) -> usize {
    let bytes = text.as_bytes();
    range
        .filter(|&i| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(usize, String)> {
        read("f.csv", text)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| (r.number, r.cells[0].shown().to_string()))
            .collect()
    }

    #[test]
    fn numbers_rows_as_a_spreadsheet_shows_them() {
        let want = |v: &[(usize, &str)]| -> Vec<(usize, String)> {
            v.iter().map(|(n, s)| (*n, s.to_string())).collect()
        };
        assert_eq!(
            numbers("a,b\n1,x\n2,y\n"),
            want(&[(1, "a"), (2, "1"), (3, "2")])
        );
        assert_eq!(
            numbers("a,b\r\n1,\"two\r\nlines\"\r\n2,y\r\n"),
            want(&[(1, "a"), (2, "1"), (3, "2")])
        );
        assert_eq!(
            numbers("a,b\n1,\"x\ny\nz\"\n\n\n2,y"),
            want(&[(1, "a"), (2, "1"), (5, "2")])
        );
        assert_eq!(numbers("\na,b\n1,x"), want(&[(2, "a"), (3, "1")]));
    }

    #[test]
    fn trims_cells_and_keeps_short_rows() {
        let table = read("f.csv", "a , b,c\n1,\u{3000}2\n").unwrap();
        assert_eq!(
            table.rows[0].cells,
            [Cell::text("a"), Cell::text("b"), Cell::text("c")]
        );
        assert_eq!(table.rows[1].cells, [Cell::text("1"), Cell::text("2")]);
    }
}
