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
mod layout;
mod package;
mod sheet_data;
mod sheets;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::i18n::ExportText;
use crate::lang::Lang;

use super::labels::{self as lb, L};
use super::snapshot::MeetingSnapshot;
use layout::{Layout, Style};
use sheets::Sheet;

/// A4 in Excel's paper size codes.
const A4: u8 = 9;
/// Header and footer are limited to 255 characters by Excel; the title gets at most this many.
const TITLE_CHARS: usize = 120;

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
    let sheets = sheets::build(s, lang);
    let layouts: Vec<Layout> = sheets.iter().map(|sh| Layout::of(sh, lang)).collect();
    for (sheet, layout) in sheets.iter().zip(&layouts) {
        let ws = book.add_worksheet();
        set_up(ws, sheet, layout, &styles)?;
        ws.set_header(format!("&C{}", escape(&clip(&sheet.title))));
        ws.set_footer(&footer);
    }
    // The rows are written into the saved package (see `package`).
    package::fill(book.save_to_buffer()?, &sheets, &layouts, lang)
}

/// The cell formats, all in 宋体 with thin borders, by [`Style`].
struct Styles([Format; Style::COUNT]);

impl Styles {
    fn new(lang: Lang) -> Styles {
        let base = Format::new()
            .set_font_name("宋体")
            .set_font_charset(134)
            .set_font_size(10.5)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        let text = base.clone().set_num_format("@").set_text_wrap();
        let head = text
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(0xE7E6E6);
        let date = base.clone().set_num_format(match lang {
            Lang::Zh => "yyyy\"年\"m\"月\"d\"日\"",
            Lang::En => "d mmm yyyy",
        });
        let mut styles: [Format; Style::COUNT] = Default::default();
        styles[Style::Head as usize] = head;
        styles[Style::Quoted as usize] = text.clone().set_quote_prefix();
        styles[Style::Text as usize] = text;
        styles[Style::Int as usize] = base.clone().set_num_format("0");
        styles[Style::Area as usize] = base.clone().set_num_format("0.00");
        styles[Style::Date as usize] = date;
        styles[Style::Plain as usize] = base;
        Styles(styles)
    }
}

/// Everything of a sheet but its rows: name, column widths, frozen header, filter, print set-up;
/// and one placeholder cell per style it uses (see [`package`]).
fn set_up(
    ws: &mut Worksheet,
    sheet: &Sheet,
    layout: &Layout,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    for (c, style) in layout.first_used.iter().enumerate() {
        ws.write_blank(0, c as u16, &st.0[*style as usize])?;
    }
    for (c, w) in layout.widths.iter().enumerate() {
        ws.set_column_width(c as u16, layout::units(*w))?;
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
