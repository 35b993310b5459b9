//! How a sheet is laid out before it is written: each column's width from its content, each
//! cell's style and the lines its text needs, and the order in which a sheet first uses each
//! style (the workbook's style table lists them in that order).

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::domain::Area;
use crate::domain::cost::Fen;
use crate::lang::Lang;

use super::super::labels as lb;
use super::sheets::{Cell, Sheet};

/// The styles of the workbook's cells (see [`super::Styles`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Head,
    Text,
    /// Text that a spreadsheet would take for a formula: it carries the quote prefix.
    Quoted,
    Int,
    /// Areas and money: two decimals.
    Area,
    Date,
    /// No number format (coefficients, empty cells).
    Plain,
}

impl Style {
    pub const COUNT: usize = 7;
}

/// A sheet's column widths (display columns) and its styles in the order of their first use,
/// the header row first, then row by row.
pub struct Layout {
    pub widths: Vec<usize>,
    pub first_used: Vec<Style>,
}

impl Layout {
    pub fn of(sheet: &Sheet, lang: Lang) -> Layout {
        let mut first_used = vec![Style::Head];
        for cell in sheet.rows.iter().flatten() {
            let style = style(cell);
            if !first_used.contains(&style) {
                first_used.push(style);
                if first_used.len() == Style::COUNT {
                    break;
                }
            }
        }
        Layout {
            widths: widths(sheet, lang),
            first_used,
        }
    }
}

/// The style a cell is written in.
pub fn style(cell: &Cell) -> Style {
    match cell {
        Cell::Text(t) if is_formula_like(t) => Style::Quoted,
        Cell::Text(_) => Style::Text,
        Cell::Int(_) => Style::Int,
        Cell::Area(_) | Cell::Yuan(_) => Style::Area,
        Cell::Date(_) => Style::Date,
        Cell::Coefficient(_) | Cell::Empty => Style::Plain,
    }
}

/// Whether a text starts like a formula (see [`super::super::csv::neutralise`]).
fn is_formula_like(t: &str) -> bool {
    matches!(super::super::csv::neutralise(t), Cow::Owned(_))
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

/// A text as written in a column `w` display columns wide (see [`fitted`]) and the lines it
/// needs there; a single line that fits, as nearly every cell, is measured once.
pub fn fit(t: &str, w: usize) -> (Cow<'_, str>, usize) {
    if !t.contains('\n') && width(t) <= w * 11 / 10 {
        return (Cow::Borrowed(t), 1);
    }
    let t = fitted(t, w);
    let lines = text_lines(&t, w);
    (t, lines)
}

/// The lines a text needs as written (`fitted`) in a column `w` display columns wide (see
/// [`units`]; Latin text wraps at spaces and needs a little more).
pub fn text_lines(fitted: &str, w: usize) -> usize {
    let room = room(w);
    fitted
        .lines()
        .map(|l| match width(l) {
            n if n <= room => 1,
            n if l.contains(' ') => n.div_ceil(room.saturating_sub(2).max(1)),
            n => n.div_ceil(room),
        })
        .sum()
}

/// The lines a number or date needs in a column `w` display columns wide.
pub fn number_lines(cell: &Cell, w: usize, lang: Lang) -> usize {
    shown_width(cell, lang).div_ceil(room(w))
}

fn room(w: usize) -> usize {
    w * 11 / 10 + 1
}

/// A text as written in a column `w` display columns wide: a list of flats too long for one line
/// broken after its separators, so that Excel, WPS and Calc never break inside a flat (6-2-/202).
fn fitted(t: &str, w: usize) -> Cow<'_, str> {
    super::super::wrap::pack(
        t,
        w * 11 / 10,
        width,
        super::super::wrap::Breaks::Separators,
    )
}

/// The display width of a line, a Han character counting two; printable ASCII at a glance.
fn width(t: &str) -> usize {
    if t.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        t.len()
    } else {
        t.width()
    }
}

/// A column's width in Excel's units (the width of a digit): a Han character is a little wider
/// than two digits in 宋体, and 2 for the cell's padding.
pub fn units(w: usize) -> f64 {
    (w * 11 / 10 + 2) as f64
}

/// The width of a cell's widest line as shown; a number's without writing it out.
fn shown_width(cell: &Cell, lang: Lang) -> usize {
    match cell {
        Cell::Text(t) => t.lines().map(width).max().unwrap_or(0),
        Cell::Int(n) => digits(*n),
        // Hundredths, shown with two decimals: "-1234.50".
        Cell::Area(Area(h)) | Cell::Yuan(Fen(h)) => {
            digits(h / 100) + usize::from(*h < 0 && *h > -100) + 3
        }
        Cell::Coefficient(k) => k.to_string().len(),
        Cell::Date(d) => lb::date(*d, lang).width(),
        Cell::Empty => 0,
    }
}

/// The characters of an integer written out: "-120" → 4.
fn digits(n: i64) -> usize {
    usize::from(n < 0)
        + n.unsigned_abs()
            .checked_ilog10()
            .map_or(1, |d| d as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_measured_as_they_are_written() {
        let values = [
            0,
            1,
            5,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            12345,
            1_000_000,
            i64::MAX,
        ];
        for v in values.into_iter().flat_map(|v| [v, -v]) {
            assert_eq!(shown_width(&Cell::Int(v), Lang::Zh), v.to_string().len());
            let area = Cell::Area(Area(v));
            assert_eq!(shown_width(&area, Lang::Zh), Area(v).to_string().len());
            assert_eq!(
                shown_width(&Cell::Yuan(Fen(v)), Lang::En),
                Fen(v).to_string().len()
            );
        }
    }

    #[test]
    fn a_text_that_fits_is_measured_once_and_kept() {
        assert_eq!(fit("3-2-501", 8), (Cow::Borrowed("3-2-501"), 1));
        assert_eq!(fit("王秀兰", 6), (Cow::Borrowed("王秀兰"), 1));
        // Wider than its column: broken after separators, as the general path does.
        let long = "1-1-101、1-1-102、1-1-103、1-1-104";
        let (t, lines) = fit(long, 10);
        assert_eq!(t, fitted(long, 10));
        assert_eq!(lines, text_lines(&t, 10));
        assert!(lines > 1);
        assert_eq!(fit("a\nb", 10).1, 2);
    }
}
