//! The minutes and the notice as a Word document (DOCX) that Word and WPS on a Chinese Windows
//! machine open as written: A4 with set margins, 宋体/黑体 with Latin fallbacks and the zh-CN
//! East-Asian language tag, tables with a full grid, proportional column widths, a header row
//! repeated on every page and rows that never split, a signature table with rows tall enough to
//! sign, the record digest and "第 N 页 共 M 页" in the footer of every page. The same
//! [`Document`] as Markdown and HTML, so the three never disagree.

use std::borrow::Cow;
use std::io::{self, Write};

use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, LineSpacing, NumPages, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Style, StyleType, TableBorder, TableBorderPosition, TableBorders,
};

use crate::i18n::ExportText;
use crate::lang::Lang;

use super::document::{Block, Document, Rows, Table, Tone};
use super::docx_table::{self, TABLE_HEAD, TABLE_TEXT};
use super::labels::colon;
use super::sink::{self, Sink};

/// A4 in twentieths of a point, and the margins (25 mm top and bottom, 28/26 mm left/right).
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN: (i32, i32, i32, i32) = (1418, 1588, 1418, 1474);
/// Font sizes in half-points: 五号 (10.5 pt) body, 小五 (9 pt) tables, 7 pt the digest in the footer.
const BODY: usize = 21;
const SMALL: usize = 18;
const DIGEST: usize = 14;
/// Stands for a table in the paragraphs docx-rs writes; the table itself is written directly
/// (see [`docx_table`]) in its place.
const TABLE_MARK: char = '\u{E000}';

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
    sink::to_bytes(|to| write(doc, to))
}

/// Writes the document; its tables go straight into the package's deflater as they are written.
pub fn write(doc: &Document, to: &mut dyn Write) -> io::Result<()> {
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
        .footer(footer(doc))
        .add_paragraph(heading(1, &doc.title));
    let mut tables: Vec<DocTable> = Vec::new();
    let mut after_table = false;
    for block in doc.sections.iter().flat_map(|s| &s.blocks) {
        let table = match block {
            Block::Table(t) => Some((Cow::Borrowed(t), None)),
            Block::RollCall(t, rows) => Some((Cow::Borrowed(t), Some(Rows::Made(rows)))),
            Block::Chart(tally) => {
                super::bars::table(tally, doc.lang).map(|t| (Cow::Owned(t), None))
            }
            other => {
                d = d.add_paragraph(paragraph(other, doc.lang));
                None
            }
        };
        after_table = match table {
            Some(t) => {
                if after_table {
                    // Word and LibreOffice join two tables with nothing between them into one
                    // (the second's header row becomes a row of the first).
                    d = d.add_paragraph(spacer());
                }
                let mark = format!("{TABLE_MARK}{}{TABLE_MARK}", tables.len());
                d = d.add_paragraph(Paragraph::new().add_run(Run::new().add_text(mark)));
                tables.push(t);
                true
            }
            None => false,
        };
    }
    if doc.footer.is_none() {
        d = d.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(&doc.digest).size(SMALL))
                .line_spacing(LineSpacing::new().before(240)),
        );
    }
    let mut xml = d.build();
    xml.styles = language_tag(&xml.styles, doc.lang);
    // Packed with the tables' marks; the document part is written again with the tables in
    // their place while the package is deflated.
    let mut out = io::Cursor::new(Vec::with_capacity(64 * 1024));
    xml.pack(&mut out).expect("writing into memory");
    let zipped = super::docx_pack::deflate(&out.into_inner(), "word/document.xml", |part, w| {
        with_tables(part, &tables, w)
    })
    .map_err(io::Error::other)?;
    to.write_all(&zipped)
}

/// A table of the document, with its rows if they are made as it is written.
type DocTable<'a> = (Cow<'a, Table>, Option<Rows<'a>>);

/// A small empty paragraph that keeps two tables apart.
fn spacer() -> Paragraph {
    Paragraph::new()
        .size(SMALL)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

/// The footer: the record digest in short (7 pt), if the document has it, above the page numbers.
fn footer(doc: &Document) -> Footer {
    let mut f = Footer::new();
    if let Some(digest) = &doc.footer {
        let run = Run::new().add_text(digest).size(DIGEST);
        f = f.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run));
    }
    f.add_paragraph(page_numbers(doc.lang))
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
            .line_spacing(LineSpacing::new().before(720).after(0)),
        Block::Table(_) | Block::RollCall(..) | Block::Chart(_) => Paragraph::new(),
    }
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

/// Writes the document part with each table mark's paragraph replaced by its table.
fn with_tables(document: &[u8], tables: &[DocTable], to: &mut dyn Write) -> io::Result<()> {
    let xml = std::str::from_utf8(document).expect("docx-rs writes UTF-8");
    let mut out = Sink::new(to);
    let mut rest = xml;
    for (t, rows) in tables {
        let mark = rest.find(TABLE_MARK).expect("a mark for every table");
        let start = rest[..mark].rfind("<w:p ").expect("the mark's paragraph");
        let end = mark + rest[mark..].find("</w:p>").expect("the paragraph's end") + 6;
        out.push_str(&rest[..start]);
        docx_table::write(&mut out, t, rows.unwrap_or(Rows::Held(&t.rows)));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.finish()
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
