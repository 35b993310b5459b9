//! The workbook written with its rows as SpreadsheetML is the workbook rust_xlsxwriter writes cell
//! by cell (as this module did before): every part byte for byte, the worksheets once the
//! reference's shared strings are put in place as inline strings.

use std::io::{Cursor, Read};

use jiff::civil::date;

use crate::domain::Area;
use crate::domain::cost::{Coefficient, Fen};

use super::layout::{self, Layout, Style};
use super::sheets::{Cell, columns};
use super::*;

fn text(t: &str) -> Cell<'_> {
    Cell::text(t)
}

/// Two sheets with every kind of cell, in different orders of first use: formula-like texts,
/// an empty text, whitespace to keep, characters to escape, a flat list and lines that wrap,
/// numbers (negative too), money, a coefficient, dates, empty cells.
fn sample() -> Vec<Sheet<'static>> {
    let flats = "1-1-101、1-1-102、1-1-201、1-1-202、1-1-301、1-1-302、1-1-401";
    let roll = Sheet {
        name: "表决记录".into(),
        title: "红旗小区　会议纪要　表决记录".into(),
        columns: columns(&[
            ("议题编号", 6),
            ("房号", 12),
            ("该业主在范围内的全部房号", 20),
            ("业主", 16),
            ("专有部分面积（㎡）", 10),
            ("金额", 12),
            ("系数", 8),
            ("日期", 16),
            ("受托人", 16),
        ]),
        rows: vec![
            vec![
                Cell::Int(1),
                text("3-2-501"),
                text(flats),
                text("王秀兰"),
                Cell::Area(Area(8025)),
                Cell::Yuan(Fen(123_456)),
                Cell::Coefficient(Coefficient::parse("0.3").unwrap()),
                Cell::Date(date(2026, 12, 31)),
                Cell::Empty,
            ],
            vec![
                Cell::Int(-12),
                text("=1+1"),
                text(""),
                text(" 前后有空格 "),
                Cell::Area(Area(-50)),
                Cell::Yuan(Fen(0)),
                Cell::Coefficient(Coefficient::parse("1.25").unwrap()),
                Cell::Date(date(1900, 1, 5)),
                text("＋86 139"),
            ],
            vec![
                Cell::Int(3),
                text("a&b<c>\"d\" 'e'"),
                text("第一行\n第二行\n"),
                text("ctrl\u{1}x\u{FFFF}"),
                Cell::Area(Area(10_000)),
                Cell::Yuan(Fen(-99)),
                Cell::Empty,
                Cell::Empty,
                text("_x0041_ as typed"),
            ],
            vec![
                Cell::Int(4),
                text("@cmd"),
                text("Flats 1-1-101, 1-1-102, 1-1-201, 1-1-202 and 1-1-301 of the owner"),
                text("\tTabbed"),
                Cell::Area(Area(123_456_789)),
                Cell::Yuan(Fen(1)),
                Cell::Coefficient(Coefficient::parse("0").unwrap()),
                Cell::Date(date(2027, 1, 1)),
                text("-"),
            ],
        ],
    };
    let ledger = Sheet {
        name: "办理事项".into(),
        title: "A & B".into(),
        columns: columns(&[("日期", 16), ("事项", 36), ("编号", 6), ("备注", 8)]),
        rows: vec![
            vec![
                Cell::Date(date(2026, 11, 28)),
                text("公示停车收费新标准并张贴在各单元门口，请各楼长协助"),
                Cell::Empty,
                Cell::Int(7),
            ],
            vec![Cell::Empty, text("=SUM(A1:A2)"), Cell::Int(8), text("")],
        ],
    };
    vec![roll, ledger]
}

/// The workbook as rust_xlsxwriter writes it cell by cell.
fn cell_by_cell(sheets: &[Sheet], footer: &str, lang: Lang) -> Vec<u8> {
    let mut book = Workbook::new();
    book.set_zip_compression_level(1);
    let st = Styles::new(lang);
    let format = |style: Style| &st.0[style as usize];
    for sheet in sheets {
        let layout = Layout::of(sheet, lang);
        let ws = book.add_worksheet();
        set_up(ws, sheet, &layout).unwrap();
        ws.set_header(format!("&C{}", escape(&clip(&sheet.title))));
        ws.set_footer(footer);
        let mut head_lines = 1;
        for (c, (col, w)) in sheet.columns.iter().zip(&layout.widths).enumerate() {
            ws.write_string_with_format(0, c as u16, &col.head, format(Style::Head))
                .unwrap();
            head_lines = head_lines.max(layout::fit(&col.head, *w).1);
        }
        let mut heights = vec![head_lines];
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            let mut lines = 1;
            for (c, (cell, w)) in row.iter().zip(&layout.widths).enumerate() {
                let (c, f) = (c as u16, format(layout::style(cell)));
                let exact = |d: String| d.parse::<f64>().unwrap();
                match cell {
                    Cell::Text(t) => {
                        let (t, n) = layout::fit(t, *w);
                        lines = lines.max(n);
                        ws.write_string_with_format(r, c, t.as_ref(), f)
                    }
                    Cell::Int(n) => ws.write_number_with_format(r, c, *n as f64, f),
                    Cell::Area(a) => ws.write_number_with_format(r, c, exact(a.to_string()), f),
                    Cell::Yuan(y) => ws.write_number_with_format(r, c, exact(y.to_string()), f),
                    Cell::Coefficient(k) => {
                        ws.write_number_with_format(r, c, exact(k.to_string()), f)
                    }
                    Cell::Date(d) => {
                        let d = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .unwrap();
                        ws.write_datetime_with_format(r, c, d, f)
                    }
                    Cell::Empty => ws.write_blank(r, c, f),
                }
                .unwrap();
                if !matches!(cell, Cell::Text(_)) {
                    lines = lines.max(layout::number_lines(cell, *w, lang));
                }
            }
            heights.push(lines);
        }
        for (r, n) in heights.into_iter().enumerate() {
            if n > 1 {
                ws.set_row_height(r as u32, 14.0 * n as f64).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).unwrap();
            let mut xml = String::new();
            part.read_to_string(&mut xml).unwrap();
            (part.name().unwrap().into_owned(), xml)
        })
        .collect()
}

/// The strings of a shared-string table, as their `<t>` elements.
fn shared_strings(xml: &str) -> Vec<&str> {
    xml.split("<si>")
        .skip(1)
        .map(|si| si.split("</si>").next().unwrap())
        .collect()
}

/// A worksheet with each shared string written in its cell.
fn inline(sheet: &str, strings: &[&str]) -> String {
    const SHARED: &str = r#" t="s"><v>"#;
    let mut out = String::new();
    let mut rest = sheet;
    while let Some(at) = rest.find(SHARED) {
        out.push_str(&rest[..at]);
        let after = &rest[at + SHARED.len()..];
        let end = after.find("</v>").unwrap();
        let n: usize = after[..end].parse().unwrap();
        out.push_str(r#" t="inlineStr"><is>"#);
        out.push_str(strings[n]);
        out.push_str("</is>");
        rest = &after[end + "</v>".len()..];
    }
    out.push_str(rest);
    out
}

/// The reference's parts as they read without a shared-string table: its strings in their
/// cells, its entries in the content types and the workbook's relationships left out.
fn without_shared_strings(parts: Vec<(String, String)>) -> Vec<(String, String)> {
    let (_, table) = parts
        .iter()
        .find(|(name, _)| name == "xl/sharedStrings.xml")
        .expect("the reference has shared strings");
    let strings = shared_strings(table);
    parts
        .iter()
        .filter(|(name, _)| name != "xl/sharedStrings.xml")
        .map(|(name, xml)| {
            let mut xml = if name.starts_with("xl/worksheets/") {
                inline(xml, &strings)
            } else {
                xml.clone()
            };
            // Each empty element naming the table: from its `<` to its `/>`.
            while let Some(at) = xml.find("sharedStrings") {
                let start = xml[..at].rfind('<').unwrap();
                let end = at + xml[at..].find("/>").unwrap() + 2;
                xml.replace_range(start..end, "");
            }
            (name.clone(), xml)
        })
        .collect()
}

#[test]
fn the_rows_written_directly_are_the_rows_rust_xlsxwriter_writes_cell_by_cell() {
    let sheets = sample();
    for lang in [Lang::Zh, Lang::En] {
        let footer = "&L&8摘要：abc&R第 &P 页 共 &N 页";
        let direct = parts(&write(Workbook::new(), &sheets, footer, lang).unwrap());
        let reference = without_shared_strings(parts(&cell_by_cell(&sheets, footer, lang)));
        let names = |p: &[(String, String)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&direct), names(&reference));
        for ((name, got), (_, want)) in direct.iter().zip(&reference) {
            assert_eq!(got, want, "{name} ({lang:?})");
        }
        // The sample reaches what it means to: wrapped rows, the quote prefix, both sheets'
        // own orders of styles.
        let roll = &direct[names(&direct)
            .iter()
            .position(|n| n.ends_with("sheet1.xml"))
            .unwrap()];
        assert!(roll.1.contains(r#"customHeight="1""#), "no wrapped row");
        assert!(roll.1.contains("_x005F_x0041_") && roll.1.contains("_x0001_"));
        let styles = &direct.iter().find(|(n, _)| n == "xl/styles.xml").unwrap().1;
        assert!(styles.contains(r#"quotePrefix="1""#));
    }
}

#[test]
fn the_same_sheets_give_the_same_bytes() {
    let sheets = sample();
    let once = write(Workbook::new(), &sheets, "", Lang::Zh).unwrap();
    assert_eq!(once, write(Workbook::new(), &sheets, "", Lang::Zh).unwrap());
}
