//! The DOCX tables, written as WordprocessingML directly: a full single grid, fixed layout,
//! column widths by content, the header row repeated on every page, rows that never split, the
//! cells' text in two paragraph styles. A roll call of 20,000 ballots is nearly all of the
//! document, and building it as docx-rs elements took over a second; this writes the same markup
//! docx-rs wrote (less its optional paragraph ids) straight into the document part.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::document::{Align, Rows, Table};
use super::sink::Sink;
use super::wrap::Breaks;

/// The paragraph styles of table cells (defined in [`super::docx`]).
pub const TABLE_TEXT: &str = "TableText";
pub const TABLE_HEAD: &str = "TableHeading";
/// The width of the text between the page margins, in twips.
pub const TEXT_WIDTH: usize = 11906 - 1588 - 1474;
/// Rows of the signature table: 15 mm, room for a signature.
const SIGN_ROW: u32 = 850;
/// Widths of text at the table size (9 pt = 180 twips), generous enough for the fonts a machine
/// may put in place of 宋体 and Times New Roman (Noto CJK, DejaVu Serif: digits 0.64 em): a
/// Chinese character, a Latin letter or digit, and one in a heading (bold sans-serif).
const WIDE: usize = 190;
const NARROW: usize = 116;
const NARROW_BOLD: usize = 126;
/// Column widths are shares of the text width, bounded (twips).
const MIN_COLUMN: usize = 4 * NARROW;
const MAX_COLUMN: usize = 3680;
/// The cell's own left and right margins (LibreOffice and Word: 0.19 cm each).
const CELL_MARGINS: usize = 240;
/// A cell with spaces at most this wide (display columns) is kept on one line where the page
/// allows: "3 Dec 2026 19:05", "2026年12月13日 19:05".
const SHORT: usize = 20;
/// Header cells are shaded light grey.
const HEAD_FILL: &str = "E7E6E6";

/// The printed width of a piece of text in twips, in a heading (bold) or not.
fn measure(text: &str, heading: bool) -> usize {
    let narrow = if heading { NARROW_BOLD } else { NARROW };
    text.chars()
        .map(|c| match c.width() {
            Some(2) => WIDE,
            Some(k) => k * narrow,
            None => 0,
        })
        .sum()
}

/// The printed width of the widest line of a cell.
fn width(text: &str, heading: bool) -> usize {
    text.lines().map(|l| measure(l, heading)).max().unwrap_or(0)
}

/// The printed width of the longest piece of a cell that must not break (a flat, a time, a name),
/// with the list separator after it: a line never starts with 、 (3-2-501、); and the width it
/// should rather keep whole: a short text with spaces (3 Dec 2026 19:05, in person), as in the
/// HTML, when there is room.
fn unbreakable(text: &str, heading: bool) -> (usize, usize) {
    let piece = text
        .split_inclusive(['、', '，', '；', ','])
        .flat_map(str::split_whitespace)
        .map(|p| piece_width(p, heading))
        .max()
        .unwrap_or(0);
    let spaced = text.contains(' ') && !text.contains('\n');
    if !heading && spaced && UnicodeWidthStr::width(text) <= SHORT {
        return (piece, measure(text, false));
    }
    (piece, piece)
}

/// The width a piece needs on one line: the widest of its parts before and from an opening
/// bracket, where word processors may break it (专有部分面积 /（㎡）, 委托 /（欧阳晓）); a bracketed
/// name longer than four characters (委托（买买提艾力·阿不都热合曼）) may break inside too.
fn piece_width(piece: &str, heading: bool) -> usize {
    let part = |p: &str| {
        let han = p
            .chars()
            .filter(|c| c.is_alphabetic() && c.width() == Some(2));
        match p.starts_with(['（', '(']) && han.count() > 4 {
            true => 5 * WIDE,
            false => measure(p, heading),
        }
    };
    let mut widest = 0;
    let mut start = 0;
    for (i, c) in piece.char_indices() {
        if matches!(c, '（' | '(') && i > start {
            widest = widest.max(part(&piece[start..i]));
            start = i;
        }
    }
    widest.max(part(&piece[start..]))
}

/// Column widths in twips: each column first gets room for its longest unbreakable piece (a
/// flat, a time, a name, a short heading), then what is left of the text width is shared by what
/// each column would like beyond that.
pub fn column_widths(t: &Table, rows: Rows) -> Vec<usize> {
    let columns = t.head.len();
    let mut want = vec![MIN_COLUMN; columns];
    let mut hard = vec![MIN_COLUMN; columns];
    let mut whole = vec![MIN_COLUMN; columns];
    let head = std::iter::once((Cow::Borrowed(t.head.as_slice()), true));
    for (row, heading) in head.chain(rows.iter().map(|r| (r, false))) {
        for (i, cell) in row.iter().enumerate().take(columns) {
            want[i] = want[i].max(width(cell, heading).min(MAX_COLUMN));
            let (piece, kept) = unbreakable(cell, heading);
            hard[i] = hard[i].max(piece.min(MAX_COLUMN / 2));
            whole[i] = whole[i].max(kept.min(MAX_COLUMN / 2));
        }
    }
    let floor = floors(&hard, &whole);
    if t.class == "signatures" {
        // Room to sign: the signature column gets the most.
        want[2] = want[2].max(MAX_COLUMN);
    }
    let floors: Vec<usize> = floor.iter().map(|f| f + CELL_MARGINS).collect();
    let floor_sum: usize = floors.iter().sum();
    let mut widths: Vec<usize> = if floor_sum >= TEXT_WIDTH {
        floors.iter().map(|f| f * TEXT_WIDTH / floor_sum).collect()
    } else {
        let spare = TEXT_WIDTH - floor_sum;
        let extra: Vec<usize> = want.iter().zip(&floor).map(|(w, f)| w - f).collect();
        let extra_sum: usize = extra.iter().sum();
        floors
            .iter()
            .zip(&extra)
            .map(|(f, e)| match extra_sum {
                0 => f + spare / columns,
                _ => f + spare * e / extra_sum,
            })
            .collect()
    };
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH.saturating_sub(used);
    }
    widths
}

/// Each column's least width (without the cell margins): room for its short texts with spaces
/// kept whole where the page allows, else for as much of them as it allows beyond the pieces that
/// never break (a flat, an area, a time), which always get theirs.
fn floors(hard: &[usize], whole: &[usize]) -> Vec<usize> {
    let sum = |v: &[usize]| v.iter().map(|w| w + CELL_MARGINS).sum::<usize>();
    let (hard_sum, whole_sum) = (sum(hard), sum(whole));
    if whole_sum <= TEXT_WIDTH {
        return whole.to_vec();
    }
    if hard_sum >= TEXT_WIDTH {
        return hard.to_vec();
    }
    let spare = TEXT_WIDTH - hard_sum;
    hard.iter()
        .zip(whole)
        .map(|(h, w)| h + (w - h) * spare / (whole_sum - hard_sum))
        .collect()
}

/// Writes the table as `<w:tbl>…</w:tbl>` (its rows walked twice: for the widths, then written).
pub fn write(out: &mut Sink, t: &Table, rows: Rows) {
    let widths = column_widths(t, rows);
    out.push_str("<w:tbl><w:tblPr>");
    push_num(out, r#"<w:tblW w:w=""#, TEXT_WIDTH, r#"" w:type="dxa" />"#);
    out.push_str(r#"<w:jc w:val="left" /><w:tblBorders>"#);
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str("<w:");
        out.push_str(side);
        out.push_str(r#" w:val="single" w:sz="4" w:space="0" w:color="000000" />"#);
    }
    out.push_str(r#"</w:tblBorders><w:tblLayout w:type="fixed" /></w:tblPr><w:tblGrid>"#);
    for w in &widths {
        push_num(out, r#"<w:gridCol w:w=""#, *w, r#"" />"#);
    }
    out.push_str("</w:tblGrid>");
    // The cell properties of each column, written once.
    let props = |fill: &str| -> Vec<String> {
        widths
            .iter()
            .map(|w| format!(r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa" />{fill}</w:tcPr>"#))
            .collect()
    };
    let shaded = format!(r#"<w:shd w:val="clear" w:color="auto" w:fill="{HEAD_FILL}" />"#);
    let head_props = props(&shaded);
    let body_props = props("");
    let paragraph = |style: &str, i: usize, keep: bool| {
        let right = t.align.get(i) == Some(&Align::Right);
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}" />{}{}</w:pPr><w:r>"#,
            if keep { "<w:keepNext />" } else { "" },
            if right {
                r#"<w:jc w:val="right" />"#
            } else {
                ""
            }
        )
    };
    // The header row and the first row are kept with the row after them: a table never starts
    // at the foot of a page with a single row under its header (LibreOffice 7.4 then drops the
    // rows after it when they may not split: CollaboraOnline/online#11629).
    let head_paras: Vec<String> = (0..widths.len())
        .map(|i| paragraph(TABLE_HEAD, i, true))
        .collect();
    let first_paras: Vec<String> = (0..widths.len())
        .map(|i| paragraph(TABLE_TEXT, i, rows.len() > 1))
        .collect();
    let body_paras: Vec<String> = (0..widths.len())
        .map(|i| paragraph(TABLE_TEXT, i, false))
        .collect();

    // What a cell's lines may measure, and the cell's text broken into such lines.
    let rooms: Vec<usize> = widths.iter().map(|w| w - CELL_MARGINS.min(*w)).collect();
    out.push_str("<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>");
    for (i, h) in t.head.iter().enumerate() {
        cell(out, &head_props[i], &head_paras[i], &fit(h, rooms[i], true));
    }
    out.push_str("</w:tr>");
    let row_props = match t.class {
        "signatures" => format!(
            r#"<w:tr><w:trPr><w:cantSplit /><w:trHeight w:val="{SIGN_ROW}" w:hRule="atLeast" /></w:trPr>"#
        ),
        _ => "<w:tr><w:trPr><w:cantSplit /></w:trPr>".to_string(),
    };
    for (n, r) in rows.iter().enumerate() {
        out.push_str(&row_props);
        let paras = if n == 0 { &first_paras } else { &body_paras };
        for i in 0..widths.len() {
            let text = r.get(i).map_or("", String::as_str);
            cell(out, &body_props[i], &paras[i], &fit(text, rooms[i], false));
        }
        out.push_str("</w:tr>");
        out.spill();
    }
    out.push_str("</w:tbl>");
}

/// A cell's text broken into lines that fit `room` (see [`super::wrap`]).
fn fit(text: &str, room: usize, heading: bool) -> Cow<'_, str> {
    let measure = |t: &str| measure(t, heading);
    super::wrap::pack(text, room, measure, Breaks::SeparatorsAndSpaces)
}

fn push_num(out: &mut String, before: &str, n: usize, after: &str) {
    out.push_str(before);
    out.push_str(&n.to_string());
    out.push_str(after);
}

/// One cell: its properties, its paragraph's start, the text a line at a time, the ends.
fn cell(out: &mut String, props: &str, paragraph: &str, text: &str) {
    out.push_str(props);
    out.push_str(paragraph);
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push_str(r#"<w:br w:type="textWrapping" />"#);
        }
        text_run(out, line.trim());
    }
    out.push_str("</w:r></w:p></w:tc>");
}

/// `<w:t>` with the text escaped; spaces kept where Word would drop them.
pub fn text_run(out: &mut String, text: &str) {
    let keep = text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
        || text.contains("  ")
        || text.contains('\t');
    out.push_str(if keep {
        r#"<w:t xml:space="preserve">"#
    } else {
        "<w:t>"
    });
    super::html::escape_into(out, text);
    out.push_str("</w:t>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(head: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            head: head.iter().map(|h| h.to_string()).collect(),
            align: vec![Align::Left, Align::Right],
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            class: "roll-call",
        }
    }

    #[test]
    fn the_header_row_repeats_and_every_row_stays_whole() {
        let t = table(
            &["房号", "面积"],
            &[&["3-2-501", "80.20"], &["1<2 & \u{1}", ""]],
        );
        let out = crate::export::sink::to_bytes(|to| {
            let mut out = Sink::new(to);
            write(&mut out, &t, Rows::Held(&t.rows));
            out.finish()
        });
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.matches("<w:tblHeader />").count(), 1);
        assert_eq!(out.matches("<w:cantSplit />").count(), 3);
        assert_eq!(
            out.matches(r#"<w:jc w:val="right" />"#).count(),
            3,
            "the area column"
        );
        assert!(out.contains("<w:t>1&lt;2 &amp; </w:t>"), "escaped");
        assert!(!out.contains('\u{1}'), "no control characters in XML");
        assert!(out.starts_with("<w:tbl>") && out.ends_with("</w:tbl>"));
    }

    #[test]
    fn columns_hold_their_unbreakable_pieces() {
        let t = table(
            &["Flat", "Choice"],
            &[
                &["3-2-501、3-3-602", "abstain"],
                &["1-1-101", "3 Dec 2026 19:05"],
            ],
        );
        let widths = column_widths(&t, Rows::Held(&t.rows));
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        // A flat with the separator after it; a short text with spaces whole.
        assert!(widths[0] >= measure("3-2-501、", false) + CELL_MARGINS);
        assert!(widths[1] >= measure("3 Dec 2026 19:05", false) + CELL_MARGINS);
        assert!(
            measure("Choice", true) > measure("Choice", false),
            "bold headings"
        );
        assert_eq!(
            unbreakable("2026年12月3日 19:05 以后", false).0,
            measure("2026年12月3日", false)
        );
    }
}
