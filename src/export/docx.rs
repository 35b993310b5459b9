//! The minutes and the notice as a Word document (DOCX) that Word and WPS on a Chinese Windows
//! machine open as written: A4 with set margins, 宋体/黑体 with Latin fallbacks and the zh-CN
//! East-Asian language tag, tables with a full grid, proportional column widths, a header row
//! repeated on every page and rows that never split, a signature table with rows tall enough to
//! sign, "第 N 页 共 M 页" in the footer and the record digest as the last line. The same
//! [`Document`] as Markdown and HTML, so the three never disagree.

use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, HeightRule, LineSpacing, NumPages, PageMargin,
    PageNum, Paragraph, Run, RunFonts, Shading, Style, StyleType, Table as DocxTable, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableLayoutType, TableRow, WidthType,
};
use unicode_width::UnicodeWidthStr;

use crate::i18n::ExportText;
use crate::lang::Lang;

use super::document::{Align, Block, Document, Table, Tone};
use super::labels::colon;

/// A4 in twentieths of a point, and the margins (25 mm top and bottom, 28/26 mm left/right).
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN: (i32, i32, i32, i32) = (1418, 1588, 1418, 1474);
/// The width of the text between the margins.
const TEXT_WIDTH: usize = (PAGE.0 as usize) - 1588 - 1474;
/// Rows of the signature table: 15 mm, room for a signature.
const SIGN_ROW: f32 = 850.0;
/// Font sizes in half-points: 五号 (10.5 pt) body, 小五 (9 pt) tables and the digest.
const BODY: usize = 21;
const SMALL: usize = 18;
/// Column widths are shares of the text width, in display columns, bounded.
const MIN_COLUMN: usize = 4;
/// The paragraph styles of table cells.
const TABLE_TEXT: &str = "TableText";
const TABLE_HEAD: &str = "TableHeading";
const MAX_COLUMN: usize = 40;

pub(super) fn body_fonts() -> RunFonts {
    RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .east_asia("宋体")
}

pub(super) fn heading_fonts() -> RunFonts {
    RunFonts::new()
        .ascii("Arial")
        .hi_ansi("Arial")
        .east_asia("黑体")
}

pub fn render(doc: &Document) -> Vec<u8> {
    let mut d = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN.0)
                .left(MARGIN.1)
                .bottom(MARGIN.2)
                .right(MARGIN.3)
                .header(851)
                .footer(851),
        )
        .default_fonts(body_fonts())
        .add_style(
            Style::new(TABLE_TEXT, StyleType::Paragraph)
                .name("Table Text")
                .size(SMALL),
        )
        .add_style(
            Style::new(TABLE_HEAD, StyleType::Paragraph)
                .name("Table Heading")
                .size(SMALL)
                .bold()
                .fonts(heading_fonts()),
        )
        .default_size(BODY)
        .footer(Footer::new().add_paragraph(page_numbers(doc.lang)))
        .add_paragraph(heading(1, &doc.title));
    for block in doc.sections.iter().flat_map(|s| &s.blocks) {
        d = match block {
            Block::Table(t) => d.add_table(table(t)),
            Block::Chart(tally) => match super::bars::table(tally, doc.lang) {
                Some(t) => d.add_table(table(&t)),
                None => d,
            },
            other => d.add_paragraph(paragraph(other, doc.lang)),
        };
    }
    d = d.add_paragraph(
        Paragraph::new()
            .add_run(Run::new().add_text(&doc.digest).size(SMALL))
            .line_spacing(LineSpacing::new().before(240)),
    );
    let mut xml = d.build();
    xml.document = repeat_header_rows(&xml.document);
    xml.styles = language_tag(&xml.styles, doc.lang);
    let mut out = std::io::Cursor::new(Vec::with_capacity(64 * 1024));
    xml.pack(&mut out).expect("writing into memory");
    super::docx_pack::deflate(&out.into_inner()).expect("re-reading what was just written")
}

/// "第 N 页 共 M 页" with the page fields, centred.
fn page_numbers(lang: Lang) -> Paragraph {
    let template = ExportText::PageOf.get(lang);
    let mut p = Paragraph::new().align(AlignmentType::Center);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("closed placeholder");
        if open > 0 {
            p = p.add_run(Run::new().add_text(&rest[..open]).size(SMALL));
        }
        p = match &rest[open + 1..close] {
            "page" => p.add_page_num(PageNum::new()),
            _ => p.add_num_pages(NumPages::new()),
        };
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        p = p.add_run(Run::new().add_text(rest).size(SMALL));
    }
    p
}

fn heading(level: u8, text: &str) -> Paragraph {
    let (size, before) = match level {
        1 => (36, 0),
        2 => (30, 360),
        3 => (26, 240),
        _ => (BODY + 1, 160),
    };
    let mut p = Paragraph::new()
        .add_run(
            Run::new()
                .add_text(text)
                .bold()
                .size(size)
                .fonts(heading_fonts()),
        )
        .keep_next(true)
        .keep_lines(true)
        .outline_lvl(usize::from(level.saturating_sub(1)))
        .line_spacing(LineSpacing::new().before(before).after(120));
    if level == 1 {
        p = p.align(AlignmentType::Center);
    }
    p
}

/// A run per line, with line breaks between them.
fn lines(mut run: Run, text: &str) -> Run {
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line.trim());
    }
    run
}

fn paragraph(block: &Block, lang: Lang) -> Paragraph {
    let spaced = |p: Paragraph| p.line_spacing(LineSpacing::new().after(80));
    match block {
        Block::Heading(level, text) => heading(*level, text),
        Block::Para(text) => spaced(Paragraph::new().add_run(lines(Run::new(), text))),
        Block::Labelled(label, text) => spaced(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(format!("{label}{}", colon(lang)))
                        .bold(),
                )
                .add_run(lines(Run::new(), text)),
        ),
        Block::Quote(text) => spaced(Paragraph::new().add_run(lines(Run::new(), text)).indent(
            Some(420),
            None,
            Some(0),
            None,
        )),
        // A verdict stays on the page of the chart that follows it.
        Block::Verdict(text, tone) => {
            let mut run = Run::new().add_text(text).bold().size(BODY + 3);
            if *tone != Tone::Neutral {
                run = run.fonts(heading_fonts());
            }
            Paragraph::new()
                .add_run(run)
                .keep_next(true)
                .line_spacing(LineSpacing::new().before(120).after(120))
        }
        // One paragraph, so issuer, seal mark and date stay together; room above for the seal.
        Block::Closing(closing) => Paragraph::new()
            .add_run(lines(Run::new(), &closing.join("\n")))
            .align(AlignmentType::Right)
            .indent(None, None, Some(1200), None)
            .line_spacing(LineSpacing::new().before(720).after(480)),
        Block::Table(_) | Block::Chart(_) => Paragraph::new(),
    }
}

fn grid() -> TableBorders {
    use TableBorderPosition::*;
    borders(
        BorderType::Single,
        &[Top, Left, Bottom, Right, InsideH, InsideV],
    )
}

/// Thin black borders of one kind at these positions.
pub(super) fn borders(kind: BorderType, at: &[TableBorderPosition]) -> TableBorders {
    at.iter().fold(TableBorders::new(), |b, pos| {
        b.set(
            TableBorder::new(pos.clone())
                .border_type(kind)
                .size(4)
                .color("000000"),
        )
    })
}

/// Display width of the widest line of a cell.
fn width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Display width of the longest piece of a cell that must not break (a flat, a time, a name).
fn unbreakable(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | '；' | ','))
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Twips per display column at the table font size (9 pt: a Chinese character is two columns),
/// and the cell's own left and right margins.
const TWIPS_PER_COLUMN: usize = 92;
const CELL_MARGINS: usize = 240;

/// Column widths in twips: each column first gets room for its longest unbreakable piece (a
/// flat, a time, a name, a short heading), then what is left of the text width is shared by what
/// each column would like beyond that.
pub fn column_widths(t: &Table) -> Vec<usize> {
    let columns = t.head.len();
    let mut want = vec![MIN_COLUMN; columns];
    let mut floor = vec![MIN_COLUMN; columns];
    for row in std::iter::once(&t.head).chain(&t.rows) {
        for (i, cell) in row.iter().enumerate().take(columns) {
            want[i] = want[i].max(width(cell).min(MAX_COLUMN));
            floor[i] = floor[i].max(unbreakable(cell).min(MAX_COLUMN / 2));
        }
    }
    if t.class == "signatures" {
        // Room to sign: the signature column gets the most.
        want[2] = want[2].max(MAX_COLUMN);
    }
    let twips = |c: usize| c * TWIPS_PER_COLUMN + CELL_MARGINS;
    let floors: Vec<usize> = floor.iter().map(|f| twips(*f)).collect();
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

fn cell(text: &str, width: usize, align: Align, head: bool) -> TableCell {
    // The size, weight and fonts come from the cell styles: one run property set per document,
    // not one per cell.
    let style = if head { TABLE_HEAD } else { TABLE_TEXT };
    let mut p = Paragraph::new()
        .add_run(lines(Run::new(), text))
        .style(style);
    if align == Align::Right {
        p = p.align(AlignmentType::Right);
    }
    let mut c = TableCell::new()
        .add_paragraph(p)
        .width(width, WidthType::Dxa);
    if head {
        c = c.shading(Shading::new().fill("E7E6E6"));
    }
    c
}

/// Marks a header row: docx-rs writes no `w:tblHeader`, so the row carries a marker
/// ([`repeat_header_rows`] turns it into one).
const HEADER_MARK: u32 = 0;

fn table(t: &Table) -> DocxTable {
    let widths = column_widths(t);
    let align = |i: usize| t.align.get(i).copied().unwrap_or(Align::Left);
    let head = TableRow::new(
        t.head
            .iter()
            .enumerate()
            .map(|(i, h)| cell(h, widths[i], align(i), true))
            .collect(),
    )
    .cant_split()
    .grid_before(HEADER_MARK);
    let mut rows = vec![head];
    for r in &t.rows {
        let mut row = TableRow::new(
            (0..t.head.len())
                .map(|i| {
                    cell(
                        r.get(i).map_or("", String::as_str),
                        widths[i],
                        align(i),
                        false,
                    )
                })
                .collect(),
        )
        .cant_split();
        if t.class == "signatures" {
            row = row.row_height(SIGN_ROW).height_rule(HeightRule::AtLeast);
        }
        rows.push(row);
    }
    DocxTable::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(grid())
}

/// Turns the header-row markers into `w:tblHeader` (repeated at the top of every page).
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let mark = format!(r#"<w:gridBefore w:val="{HEADER_MARK}" />"#);
    xml.replace(&mark, "<w:tblHeader />").into_bytes()
}

/// Adds the language of the text to the document defaults: Chinese for East-Asian text in both
/// languages (the names are Chinese), so Word and LibreOffice pick Chinese, not Japanese, glyphs.
pub(super) fn language_tag(styles: &[u8], lang: Lang) -> Vec<u8> {
    let xml = String::from_utf8_lossy(styles);
    let latin = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-GB",
    };
    let tag = format!(r#"<w:lang w:val="{latin}" w:eastAsia="zh-CN" w:bidi="ar-SA" />"#);
    // w:lang comes last but a few in a run's properties.
    xml.replacen(
        "</w:rPr></w:rPrDefault>",
        &format!("{tag}</w:rPr></w:rPrDefault>"),
        1,
    )
    .into_bytes()
}
