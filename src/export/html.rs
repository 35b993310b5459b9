//! HTML in one self-contained file: no external resources of any kind (no links, no fonts to fetch,
//! no scripts), a print stylesheet for A4 with each item on a new page, tally charts as inline SVG,
//! and CJK text in the reader's own serif and sans-serif fonts (generic families).

use std::io::{self, Write};

use super::document::{Align, Block, Document, Rows, Table, Tone};
use super::labels;
use super::sink::{self, Sink};
use super::svg;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #000; font-family: serif; font-size: 11pt; line-height: 1.55; }
main { max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; }
h1, h2, h3, h4, th, .verdict, svg.chart { font-family: sans-serif; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 6mm; }
h2 { font-size: 14pt; border-bottom: 1.5px solid #000; margin: 8mm 0 3mm; padding-bottom: 1mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
h4 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 1.5mm 0; }
.name { font-weight: bold; }
.closing { text-align: right; margin: 12mm 20mm 8mm 0; min-height: 40mm; break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 2mm 0 3mm; padding: 1mm 4mm; border-left: 3px solid #777; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #666; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: bold; }
.nw { white-space: nowrap; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.fields th:first-child, table.fields td:first-child { width: 22%; }
table.signatures td { height: 15mm; }
table.bars td:nth-child(2) { letter-spacing: -0.05em; white-space: nowrap; }
table.signatures td:nth-child(3) { width: 38%; }
.verdict { font-size: 12.5pt; font-weight: bold; margin: 3mm 0; break-after: avoid; page-break-after: avoid; }
svg.chart, table.bars { break-before: avoid; page-break-before: avoid; break-inside: avoid; page-break-inside: avoid; }
.verdict.good { color: #1b5e20; }
.verdict.bad { color: #b71c1c; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 2mm 0 4mm; font-size: 12px; }
svg.chart text { fill: #000; }
svg.chart .track { fill: #f0f0f0; stroke: #999; stroke-width: 0.5; }
svg.chart .took-part { fill: #7393c9; }
svg.chart .yes { fill: #2e7d32; }
svg.chart .yes, svg.chart .no, svg.chart .abstain { stroke: #000; stroke-width: 0.5; }
svg.chart .threshold { stroke: #000; stroke-width: 2; stroke-dasharray: 3 2; }
svg.chart .value.not-met { fill: #b71c1c; }
footer.digest { margin-top: 8mm; border-top: 1px solid #000; padding-top: 2mm; font-size: 8pt; overflow-wrap: anywhere; }
@page { size: A4; margin: 15mm 15mm 18mm; }
@media print {
  main { max-width: none; padding: 0; }
  section.signatures, section.notice { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h2 + table, h3 + table, h4 + table { break-before: avoid; page-break-before: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn render(doc: &Document) -> Vec<u8> {
    sink::to_bytes(|to| write(doc, to))
}

/// Writes the document out as it goes (see [`Sink`]).
pub fn write(doc: &Document, to: &mut dyn Write) -> io::Result<()> {
    let mut out = Sink::new(to);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(doc.lang.html_tag());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"pavilion\">\n<title>");
    out.push_str(&escape(&doc.title));
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str(&page_numbers(doc.lang));
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    out.push_str(&escape(&doc.title));
    out.push_str("</h1>\n");
    let mut charts = 0;
    for section in &doc.sections {
        out.push_str("<section class=\"");
        out.push_str(section.class);
        out.push_str("\">\n");
        for block in &section.blocks {
            write_block(&mut out, block, doc, &mut charts);
        }
        out.push_str("</section>\n");
    }
    out.push_str("<footer class=\"digest\"><p>");
    out.push_str(&escape(&doc.digest));
    out.push_str("</p></footer>\n</main>\n</body>\n</html>\n");
    out.finish()
}

/// "第 N 页 共 M 页" at the foot of every printed page (a CSS page margin box, which Chromium and
/// other print engines honour).
fn page_numbers(lang: crate::lang::Lang) -> String {
    let content = crate::i18n::ExportText::PageOf
        .get(lang)
        .replace("{page}", "\" counter(page) \"")
        .replace("{pages}", "\" counter(pages) \"");
    format!(
        "@page {{ @bottom-center {{ content: \"{content}\"; font-family: sans-serif; font-size: 9pt; }} }}\n"
    )
}

/// Cells that must not wrap: a short heading, or a value without spaces as short as a flat, a time
/// or a name (3-2-402, 19:05, 欧阳明华), or a short one with spaces (3 Dec 2026 19:05, in person).
fn nowrap(text: &str, head: bool) -> bool {
    let w = unicode_width::UnicodeWidthStr::width(text);
    let spaced = text.contains(char::is_whitespace);
    let most = match (head, spaced) {
        (true, true) => 0,
        (true, false) => 12,
        (false, false) => 16,
        (false, true) => 18,
    };
    w > 0 && w <= most && !text.contains('\n')
}

/// Writes one block; `charts` counts the charts written so far (each names its own patterns).
fn write_block(out: &mut Sink, block: &Block, doc: &Document, charts: &mut usize) {
    match block {
        Block::Heading(level, text) => {
            out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
        }
        Block::Para(text) => {
            out.push_str("<p>");
            out.push_str(&lines(text));
            out.push_str("</p>\n");
        }
        Block::Labelled(label, text) => {
            out.push_str("<p><span class=\"name\">");
            out.push_str(&escape(label));
            out.push_str("</span>");
            out.push_str(labels::colon(doc.lang));
            out.push_str(&lines(text));
            out.push_str("</p>\n");
        }
        Block::Quote(text) => {
            out.push_str("<blockquote><p>");
            out.push_str(&lines(text));
            out.push_str("</p></blockquote>\n");
        }
        Block::Verdict(text, tone) => {
            let class = match tone {
                Tone::Good => "verdict good",
                Tone::Bad => "verdict bad",
                Tone::Neutral => "verdict",
            };
            out.push_str(&format!("<p class=\"{class}\">{}</p>\n", escape(text)));
        }
        Block::Closing(closing) => {
            out.push_str("<div class=\"closing\" align=\"right\">\n");
            for line in closing {
                out.push_str(&format!("<p>{}</p>\n", escape(line)));
            }
            out.push_str("</div>\n");
        }
        Block::Table(t) => write_table(out, t, Rows::Held(&t.rows)),
        Block::RollCall(t, rows) => write_table(out, t, Rows::Made(rows)),
        Block::Chart(tally) => {
            *charts += 1;
            let chart = svg::tally_chart(tally, doc.lang, *charts);
            if !chart.is_empty() {
                out.push_str(&chart);
                out.push('\n');
            }
            // The same as text, for black-and-white printing and programs that drop SVG.
            if let Some(t) = super::bars::table(tally, doc.lang) {
                write_table(out, &t, Rows::Held(&t.rows));
            }
        }
    }
}

fn write_table(out: &mut Sink, t: &Table, rows: Rows) {
    let class = |i: usize, text: &str, head: bool| {
        let mut c = Vec::new();
        if t.align.get(i) == Some(&Align::Right) {
            c.push("num");
        }
        if nowrap(text, head) {
            c.push("nw");
        }
        match c.is_empty() {
            true => String::new(),
            false => format!(" class=\"{}\"", c.join(" ")),
        }
    };
    // Attributes as well as CSS, so Word, WPS and LibreOffice opening the file keep the grid.
    out.push_str("<table class=\"");
    out.push_str(t.class);
    out.push_str(
        "\" border=\"1\" cellpadding=\"4\" cellspacing=\"0\" width=\"100%\">\n<thead><tr>",
    );
    for (i, h) in t.head.iter().enumerate() {
        out.push_str(&format!("<th{}>{}</th>", class(i, h, true), escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let height = if t.class == "signatures" {
        " height=\"57\""
    } else {
        ""
    };
    for row in rows.iter() {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            out.push_str("<td");
            out.push_str(&class(i, c, false));
            out.push_str(height);
            out.push('>');
            out.push_str(&cell_lines(c));
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
        out.spill();
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A cell's lines; a list of flats (3-2-501、3-2-502) may wrap after a separator, and a line of a
/// few short pieces with Chinese in them (a date and a time: "2026年12月3日 19:45") between them,
/// but never inside one.
fn cell_lines(text: &str) -> String {
    let line = |l: &str| {
        if let Some(listed) = list_pieces(l) {
            return listed;
        }
        let pieces: Vec<&str> = l.split_whitespace().collect();
        // A line short enough is kept whole by its cell's class; Latin words never break inside,
        // Chinese may break anywhere.
        let wide = |p: &&str| unicode_width::UnicodeWidthStr::width(*p) > p.chars().count();
        let split = (2..=4).contains(&pieces.len())
            && !nowrap(l, false)
            && pieces.iter().any(wide)
            && pieces.iter().all(|p| nowrap(p, false));
        match split {
            true => pieces
                .iter()
                .map(|p| format!("<span class=\"nw\">{}</span>", escape(p)))
                .collect::<Vec<_>>()
                .join(" "),
            false => escape(l),
        }
    };
    let parts: Vec<String> = text.trim().lines().map(|l| line(l.trim())).collect();
    parts.join("<br>")
}

/// A line that is a list of short pieces with digits (flats, numbers), too long to keep whole:
/// each piece with its separator kept whole, a break allowed after it.
fn list_pieces(l: &str) -> Option<String> {
    let pieces: Vec<&str> = l.split_inclusive(['、', '，', '；', ',']).collect();
    let list = pieces.len() >= 2
        && !nowrap(l, false)
        && l.bytes().any(|b| b.is_ascii_digit())
        && pieces.iter().all(|p| nowrap(p.trim(), false));
    if !list {
        return None;
    }
    let mut out = String::with_capacity(l.len() * 2);
    for (i, p) in pieces.iter().enumerate() {
        match (i, p.starts_with(char::is_whitespace)) {
            (0, _) => {}
            (_, true) => out.push(' '),
            (_, false) => out.push_str("<wbr>"),
        }
        out.push_str("<span class=\"nw\">");
        escape_into(&mut out, p.trim());
        out.push_str("</span>");
    }
    Some(out)
}

/// Escaped text with its line breaks kept.
fn lines(text: &str) -> String {
    let parts: Vec<String> = text.trim().lines().map(|l| escape(l.trim())).collect();
    parts.join("<br>")
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends text escaped for HTML or XML (content and attribute values); control characters,
/// which XML does not allow, are dropped.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            _ => out.push(c),
        }
    }
}
