//! The workbook for Excel and WPS (rust_xlsxwriter): the roll call, the sign-in list and the
//! action ledger, one sheet each, ready to sort, filter and print.
//!
//! - Every text is written as a text cell in the text format `@` (flat numbers like `3-2-501` stay
//!   text, never a date or a subtraction); a text that a spreadsheet would take for a formula
//!   (`=`, `+`, `-`, `@`, tab, CR — see [`super::csv::neutralise`]) also carries Excel's quote
//!   prefix, so it stays text even when someone edits the cell. No cell is ever a formula.
//! - Areas are numbers in the format `0.00`: the exact hundredths as a decimal literal, which a
//!   spreadsheet reads exactly as if typed; nothing is summed here (the tally is in the minutes).
//! - Column widths from the content (a Han character counts twice), long texts wrap.
//! - Printing: A4 landscape, all columns on one page width, the header row repeated on every page,
//!   the print area set to the table, thin borders on every cell; the page header names the
//!   estate, meeting and sheet, the footer carries the record digest and "第 N 页 共 M 页".
//! - The same snapshot always gives the same bytes (the document's date is the meeting's).

mod cost;
mod sheets;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use crate::i18n::ExportText;
use crate::lang::Lang;

use super::labels::{self as lb, L};
use super::snapshot::MeetingSnapshot;
use sheets::{Cell, Sheet};

/// A4 in Excel's paper size codes.
const A4: u8 = 9;
/// Header and footer are limited to 255 characters by Excel; the title gets at most this many.
const TITLE_CHARS: usize = 120;
/// The height of one line of 10.5-point text, in points.
const LINE_HEIGHT: f64 = 14.0;

pub fn render(s: &MeetingSnapshot, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let start = s.meeting.local_start().date();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(start.year()).unwrap_or(2000),
        start.month() as u8,
        start.day() as u8,
    )?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&s.meeting.title)
            .set_creation_datetime(&created),
    );
    // The fastest deflate, as for DOCX: a tenth larger, several times quicker at 20,000 rows.
    book.set_zip_compression_level(1);
    let styles = Styles::new(lang);
    let footer = footer(s, lang);
    for sheet in sheets::build(s, lang) {
        let ws = book.add_worksheet();
        write_sheet(ws, &sheet, &styles, lang)?;
        ws.set_header(format!("&C{}", escape(&clip(&sheet.title))));
        ws.set_footer(&footer);
    }
    book.save_to_buffer()
}

/// The cell formats, all in 宋体 with thin borders.
struct Styles {
    head: Format,
    text: Format,
    quoted: Format,
    int: Format,
    area: Format,
    date: Format,
    empty: Format,
}

impl Styles {
    fn new(lang: Lang) -> Styles {
        let base = Format::new()
            .set_font_name("宋体")
            .set_font_charset(134)
            .set_font_size(10.5)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        let text = base.clone().set_num_format("@").set_text_wrap();
        Styles {
            head: text
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xE7E6E6),
            quoted: text.clone().set_quote_prefix(),
            text,
            int: base.clone().set_num_format("0"),
            area: base.clone().set_num_format("0.00"),
            date: base.clone().set_num_format(match lang {
                Lang::Zh => "yyyy\"年\"m\"月\"d\"日\"",
                Lang::En => "d mmm yyyy",
            }),
            empty: base,
        }
    }
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    st: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    for (c, col) in sheet.columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, &col.head, &st.head)?;
    }
    let widths = widths(sheet, lang);
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let w = widths[c];
            let c = c as u16;
            match cell {
                Cell::Text(t) if is_formula_like(t) => {
                    ws.write_string_with_format(r, c, fitted(t, w).as_ref(), &st.quoted)?
                }
                Cell::Text(t) => {
                    ws.write_string_with_format(r, c, fitted(t, w).as_ref(), &st.text)?
                }
                Cell::Int(n) => ws.write_number_with_format(r, c, *n as f64, &st.int)?,
                Cell::Area(a) => ws.write_number_with_format(r, c, decimal(a), &st.area)?,
                Cell::Yuan(f) => ws.write_number_with_format(r, c, decimal(f), &st.area)?,
                Cell::Coefficient(k) => ws.write_number_with_format(r, c, decimal(k), &st.empty)?,
                Cell::Date(d) => {
                    let d = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        d.month() as u8,
                        d.day() as u8,
                    )?;
                    ws.write_datetime_with_format(r, c, d, &st.date)?
                }
                Cell::Empty => ws.write_blank(r, c, &st.empty)?,
            };
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, units(*w))?;
    }
    // Wrapped rows get their height here: LibreOffice keeps the default height of a row that has
    // none, and would hide the second line.
    let head: Vec<Cell> = sheet
        .columns
        .iter()
        .map(|c| Cell::Text(c.head.clone()))
        .collect();
    let heights = std::iter::once(&head)
        .chain(&sheet.rows)
        .map(|row| lines(row, &widths, lang));
    for (r, n) in heights.enumerate() {
        if n > 1 {
            ws.set_row_height(r as u32, LINE_HEIGHT * n as f64)?;
        }
    }
    let last_row = sheet.rows.len() as u32;
    let last_col = sheet.columns.len().saturating_sub(1) as u16;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true);
    ws.set_print_area(0, 0, last_row, last_col)?;
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// The number a spreadsheet stores for an exact decimal's literal (area "80.25", yuan "1234.56",
/// coefficient "0.3"): parsed from the exact decimal text, not computed.
fn decimal(d: &impl std::fmt::Display) -> f64 {
    d.to_string().parse().unwrap_or_default()
}

/// Whether a text starts like a formula (see [`super::csv::neutralise`]).
fn is_formula_like(t: &str) -> bool {
    matches!(super::csv::neutralise(t), std::borrow::Cow::Owned(_))
}

/// Column widths in display columns: the widest content, a Han character counting two, up to the
/// column's limit; a heading wider than its content wraps instead.
fn widths(sheet: &Sheet, lang: Lang) -> Vec<usize> {
    sheet
        .columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let head = col.head.width().min(8);
            let content = sheet
                .rows
                .iter()
                .map(|row| shown_width(&row[c], lang))
                .max()
                .unwrap_or(0);
            content.max(head).min(col.max).max(4)
        })
        .collect()
}

/// The lines a row needs: each cell's text over its column's room (see [`units`]; Latin text
/// wraps at spaces and needs a little more).
fn lines(row: &[Cell], widths: &[usize], lang: Lang) -> usize {
    row.iter()
        .zip(widths)
        .map(|(cell, w)| {
            let room = w * 11 / 10 + 1;
            match cell {
                Cell::Text(t) => fitted(t, *w)
                    .lines()
                    .map(|l| match l.width() {
                        n if n <= room => 1,
                        n if l.contains(' ') => n.div_ceil(room.saturating_sub(2).max(1)),
                        n => n.div_ceil(room),
                    })
                    .sum(),
                other => shown_width(other, lang).div_ceil(room),
            }
        })
        .max()
        .unwrap_or(1)
        .max(1)
}

/// A text as written in a column `w` display columns wide: a list of flats too long for one line
/// broken after its separators, so that Excel, WPS and Calc never break inside a flat (6-2-/202).
fn fitted(t: &str, w: usize) -> std::borrow::Cow<'_, str> {
    let width = |t: &str| t.width();
    super::wrap::pack(t, w * 11 / 10, width, super::wrap::Breaks::Separators)
}

/// A column's width in Excel's units (the width of a digit): a Han character is a little wider
/// than two digits in 宋体, and 2 for the cell's padding.
fn units(w: usize) -> f64 {
    (w * 11 / 10 + 2) as f64
}

fn shown_width(cell: &Cell, lang: Lang) -> usize {
    match cell {
        Cell::Text(t) => t.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
        Cell::Int(n) => n.to_string().len(),
        Cell::Area(a) => a.to_string().len(),
        Cell::Yuan(f) => f.to_string().len(),
        Cell::Coefficient(k) => k.to_string().len(),
        Cell::Date(d) => lb::date(*d, lang).width(),
        Cell::Empty => 0,
    }
}

/// The footer: the record digest on the left, "第 N 页 共 M 页" on the right.
fn footer(s: &MeetingSnapshot, lang: Lang) -> String {
    let digest = format!(
        "{}{}{}",
        L::DigestLabel.get(lang),
        lb::colon(lang),
        s.digest.hash
    );
    let page = ExportText::PageOf.fill(lang, &[("page", &"&P"), ("pages", &"&N")]);
    format!("&L&8{}&R{}", escape(&digest), page)
}

/// `&` starts a code in Excel's header and footer: a literal one is doubled.
fn escape(t: &str) -> String {
    t.replace('&', "&&")
}

fn clip(t: &str) -> String {
    t.chars().take(TITLE_CHARS).collect()
}
