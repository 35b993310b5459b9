//! CSV text into a table, numbering rows as Excel or WPS shows them when they open the file.

use std::ops::Range;

use csv::{ReaderBuilder, StringRecord};

use super::table::{Cell, Table, TableRow};
use crate::i18n::{IntakeText as I, said};
use crate::intake::{Location, Problem};

/// Splits decoded text into rows, separated by the delimiter `sniff` found. Quoted cells may span
/// lines; the row number is the spreadsheet row, so newlines inside quotes do not count, but blank lines
/// (which a spreadsheet shows as empty rows) do.
pub fn read(file: &str, text: &str) -> Result<(Table, u8), Problem> {
    let delimiter = sniff(file, text)?;
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
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
                return Err(Problem::said(
                    file,
                    Location::File,
                    said!(I::NotCsv, error = e),
                    said!(I::SaveAsCsv),
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
    let table = Table {
        rows,
        ..Table::default()
    };
    Ok((table, delimiter))
}

/// The delimiter: a comma unless the lines are plainly split by tabs or semicolons instead (Excel's
/// "Unicode text" and European "CSV" exports). Counts, over the first lines, how many split into three
/// or more fields by each candidate; a file that splits as well by another as by commas is refused.
fn sniff(file: &str, text: &str) -> Result<u8, Problem> {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let score = |d: char| lines.iter().filter(|l| l.split(d).count() >= 3).count();
    let (commas, tabs, semicolons) = (score(','), score('\t'), score(';'));
    let (best, name, other) = if tabs >= semicolons {
        (b'\t', I::Tabs, tabs)
    } else {
        (b';', I::Semicolons, semicolons)
    };
    if other <= commas {
        return Ok(b',');
    }
    if commas * 2 >= other && commas > 0 {
        return Err(Problem::said(
            file,
            Location::File,
            said!(I::AmbiguousDelimiter).word("name", name),
            said!(I::SaveAsCsv),
        ));
    }
    Ok(best)
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

    #[test]
    fn finds_the_delimiter() {
        let d = |t: &str| read("f.csv", t).map(|(_, d)| d);
        assert_eq!(d("a,b,c\n1,2,3\n"), Ok(b','));
        assert_eq!(d("a\tb\tc\n1\t2,5\t3\n"), Ok(b'\t'));
        assert_eq!(d("a;b;c\n1;2;3\n"), Ok(b';'));
        assert!(d("a\tb\tc\n1\t2\t3,4,5\n").is_err());
    }

    fn numbers(text: &str) -> Vec<(usize, String)> {
        read("f.csv", text)
            .unwrap()
            .0
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
        let (table, _) = read("f.csv", "a , b,c\n1,\u{3000}2\n").unwrap();
        assert_eq!(
            table.rows[0].cells,
            [Cell::text("a"), Cell::text("b"), Cell::text("c")]
        );
        assert_eq!(table.rows[1].cells, [Cell::text("1"), Cell::text("2")]);
    }
}
