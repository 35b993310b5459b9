//! A worksheet's `<sheetData>`, written as SpreadsheetML directly. rust_xlsxwriter looks up each
//! cell's style by hashing its whole `Format` and keeps every cell in memory until it saves; for
//! a roll call of 20,000 ballots that was most of the export's time. This writes the markup it
//! wrote, except that texts are inline strings (`t="inlineStr"`, as its constant-memory mode
//! writes them) instead of entries of the shared-string table, straight into the package.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write;

use rust_xlsxwriter::{ExcelDateTime, XlsxError};

use crate::lang::Lang;

use super::layout::{self, Layout, Style};
use super::sheets::{Cell, Sheet};

/// Excel's limit on a cell's text, in UTF-16 units.
const MAX_TEXT: usize = 32_767;
/// The height of one line of 10.5-point text, in points.
const LINE_HEIGHT: f64 = 14.0;
/// Written out in pieces of about this many bytes.
const CHUNK: usize = 1 << 16;

/// The style indices of the workbook's style table, by [`Style`].
pub type StyleIds = [u32; Style::COUNT];

/// The sheet's used range, as `<dimension ref>` gives it: the header row and every row below,
/// every column.
pub fn dimension(sheet: &Sheet) -> String {
    let last_col = sheet.columns.len().saturating_sub(1);
    let last_row = sheet.rows.len() + 1;
    if last_col == 0 && last_row == 1 {
        return "A1".into();
    }
    format!("A1:{}{last_row}", column_name(last_col))
}

/// Writes `<sheetData>…</sheetData>`: the header row, then one row per record; rows whose text
/// wraps get the height of their lines (LibreOffice keeps the default height of a row that has
/// none, and would hide the second line).
pub fn write(
    out: &mut impl Write,
    sheet: &Sheet,
    layout: &Layout,
    ids: &StyleIds,
    lang: Lang,
) -> Result<(), XlsxError> {
    let n = sheet.columns.len();
    let names: Vec<String> = (0..n).map(column_name).collect();
    let mut rows = Rows {
        buf: String::with_capacity(CHUNK + 4096),
        names,
        styles: ids.map(|id| format!(r#"" s="{id}""#)),
        spans: format!(r#"" spans="1:{n}""#),
    };
    rows.buf.push_str("<sheetData>");
    let mut cells: Vec<(Style, Value)> = Vec::with_capacity(n);
    let mut height = 1;
    for (col, w) in sheet.columns.iter().zip(&layout.widths) {
        height = height.max(layout::fit(&col.head, *w).1);
        cells.push((Style::Head, text(&col.head)?));
    }
    rows.push(1, height, &cells);
    for (r, row) in sheet.rows.iter().enumerate() {
        cells.clear();
        let mut height = 1;
        for (cell, w) in row.iter().zip(&layout.widths) {
            let style = layout::style(cell);
            let value = match cell {
                Cell::Text(t) => {
                    let (t, lines) = layout::fit(t, *w);
                    height = height.max(lines);
                    text(t)?
                }
                other => {
                    height = height.max(layout::number_lines(other, *w, lang));
                    number(other)?
                }
            };
            cells.push((style, value));
        }
        rows.push(r + 2, height, &cells);
        if rows.buf.len() >= CHUNK {
            out.write_all(rows.buf.as_bytes())?;
            rows.buf.clear();
        }
    }
    rows.buf.push_str("</sheetData>");
    out.write_all(rows.buf.as_bytes())?;
    Ok(())
}

/// What a cell holds, as written.
enum Value<'a> {
    Text(Cow<'a, str>),
    Number(String),
    Blank,
}

/// A text cell; an empty text is a blank cell in the text's style (as rust_xlsxwriter wrote it).
fn text<'a>(t: impl Into<Cow<'a, str>>) -> Result<Value<'a>, XlsxError> {
    let t = t.into();
    if t.len() > MAX_TEXT && t.encode_utf16().count() > MAX_TEXT {
        return Err(XlsxError::MaxStringLengthExceeded);
    }
    Ok(if t.is_empty() {
        Value::Blank
    } else {
        Value::Text(t)
    })
}

/// A number as Excel reads it back: the exact decimal of areas, money and coefficients (never
/// computed in floating point), a date as its serial day.
fn number(cell: &Cell) -> Result<Value<'static>, XlsxError> {
    let exact = |d: String| Value::Number(shortest(d));
    Ok(match cell {
        Cell::Int(n) => Value::Number(n.to_string()),
        Cell::Area(a) => exact(a.to_string()),
        Cell::Yuan(f) => exact(f.to_string()),
        Cell::Coefficient(k) => exact(k.to_string()),
        Cell::Date(d) => {
            let d = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1900),
                d.month() as u8,
                d.day() as u8,
            )?;
            Value::Number(d.to_excel().to_string())
        }
        Cell::Text(_) | Cell::Empty => Value::Blank,
    })
}

/// A decimal without trailing zeros ("80.50" → "80.5", "100.00" → "100"): the digits a
/// spreadsheet writes for the number it reads from the decimal.
fn shortest(mut d: String) -> String {
    if d.contains('.') {
        let keep = d.trim_end_matches('0').trim_end_matches('.').len();
        d.truncate(keep);
    }
    d
}

struct Rows {
    buf: String,
    /// Column letters, by column.
    names: Vec<String>,
    /// ` s="N"` of each style.
    styles: [String; Style::COUNT],
    spans: String,
}

impl Rows {
    /// One `<row>` (`r` counts from 1) of `lines` lines. Pieces are pushed rather than formatted:
    /// this is the inner loop of the export.
    fn push(&mut self, r: usize, lines: usize, cells: &[(Style, Value)]) {
        let b = &mut self.buf;
        let r = r.to_string();
        b.push_str("<row r=\"");
        b.push_str(&r);
        b.push_str(&self.spans);
        if lines > 1 {
            // As rust_xlsxwriter stores a height: whole pixels at 96 dpi, written in points.
            let pixels = (LINE_HEIGHT * lines as f64 * 4.0 / 3.0).round();
            let _ = write!(b, r#" ht="{}" customHeight="1""#, pixels * 0.75);
        }
        b.push('>');
        for ((style, value), col) in cells.iter().zip(&self.names) {
            b.push_str("<c r=\"");
            b.push_str(col);
            b.push_str(&r);
            b.push_str(&self.styles[*style as usize]);
            match value {
                Value::Text(t) => {
                    let whitespace = ['\t', '\n', ' '];
                    if t.starts_with(whitespace) || t.ends_with(whitespace) {
                        b.push_str(r#" t="inlineStr"><is><t xml:space="preserve">"#);
                    } else {
                        b.push_str(r#" t="inlineStr"><is><t>"#);
                    }
                    escape_into(b, t);
                    b.push_str("</t></is></c>");
                }
                Value::Number(v) => {
                    b.push_str("><v>");
                    b.push_str(v);
                    b.push_str("</v></c>");
                }
                Value::Blank => b.push_str("/>"),
            }
        }
        b.push_str("</row>");
    }
}

/// A text as element content, escaped as Excel does: `&`, `<`, `>`; control characters (other
/// than tab and line feed) and U+FFFE/U+FFFF as `_xHHHH_`; and a literal `_xHHHH_` by escaping its
/// underscore (`_x005F_xHHHH_`), so that it reads back as typed.
pub fn escape_into(out: &mut String, t: &str) {
    let b = t.as_bytes();
    // Unescaped runs are copied whole; every byte that starts an escape is ASCII or the lead
    // byte of U+FFFE/U+FFFF, so `start..i` always lies on character boundaries.
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let (escaped, len): (&str, usize) = match b[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'\t' | b'\n' => ("", 0),
            c @ 0..=0x1F => (CONTROL[usize::from(c)], 1),
            b'_' if is_escape(&b[i..]) => ("_x005F_", 1),
            0xEF if b[i + 1..].starts_with(&[0xBF, 0xBE]) => ("_xFFFE_", 3),
            0xEF if b[i + 1..].starts_with(&[0xBF, 0xBF]) => ("_xFFFF_", 3),
            _ => ("", 0),
        };
        if len == 0 {
            i += 1;
            continue;
        }
        out.push_str(&t[start..i]);
        out.push_str(escaped);
        i += len;
        start = i;
    }
    out.push_str(&t[start..]);
}

/// `_xHHHH_` of the control characters U+0000–U+001F.
const CONTROL: [&str; 32] = [
    "_x0000_", "_x0001_", "_x0002_", "_x0003_", "_x0004_", "_x0005_", "_x0006_", "_x0007_",
    "_x0008_", "_x0009_", "_x000A_", "_x000B_", "_x000C_", "_x000D_", "_x000E_", "_x000F_",
    "_x0010_", "_x0011_", "_x0012_", "_x0013_", "_x0014_", "_x0015_", "_x0016_", "_x0017_",
    "_x0018_", "_x0019_", "_x001A_", "_x001B_", "_x001C_", "_x001D_", "_x001E_", "_x001F_",
];

/// Whether a text starts with `_xHHHH_`.
fn is_escape(b: &[u8]) -> bool {
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

/// A column's letters: A … Z, AA …
fn column_name(mut c: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(t: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, t);
        out
    }

    #[test]
    fn texts_are_escaped_as_excel_reads_them_back() {
        assert_eq!(escaped("a&b<c>d\"e'"), "a&amp;b&lt;c&gt;d\"e'");
        assert_eq!(escaped("一\t二\n三"), "一\t二\n三");
        assert_eq!(escaped("x\u{1}y\rz\u{FFFF}"), "x_x0001_y_x000D_z_xFFFF_");
        assert_eq!(escaped("_x00aF_ and _x12_"), "_x005F_x00aF_ and _x12_");
        assert_eq!(escaped("__x0041_"), "__x005F_x0041_");
        assert_eq!(escaped("\u{FFFE}\u{FFFD}_"), "_xFFFE_\u{FFFD}_");
        assert_eq!(escaped("\0\u{1F} "), "_x0000__x001F_ ");
    }

    #[test]
    fn decimals_are_written_as_the_shortest_exact_number() {
        assert_eq!(shortest("80.25".into()), "80.25");
        assert_eq!(shortest("80.50".into()), "80.5");
        assert_eq!(shortest("100.00".into()), "100");
        assert_eq!(shortest("-0.30".into()), "-0.3");
        assert_eq!(shortest("1200".into()), "1200");
    }

    #[test]
    fn columns_are_named_as_in_excel() {
        let names: Vec<String> = [0, 9, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_name)
            .collect();
        assert_eq!(
            names,
            ["A", "J", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"].map(String::from)
        );
    }
}
