//! HTML in one self-contained file: no external resources of any kind (no links, no fonts to fetch,
//! no scripts), a print stylesheet for A4 with each item on a new page, tally charts as inline SVG,
//! and CJK text in the reader's own serif and sans-serif fonts (generic families).

use super::document::{Align, Block, Document, Table, Tone};
use super::labels;
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
blockquote { margin: 2mm 0 3mm; padding: 1mm 4mm; border-left: 3px solid #777; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #666; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: bold; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.fields th:first-child, table.fields td:first-child { width: 22%; }
table.signatures td { height: 14mm; }
table.signatures td:nth-child(3) { width: 38%; }
.verdict { font-size: 12.5pt; font-weight: bold; margin: 3mm 0; }
.verdict.good { color: #1b5e20; }
.verdict.bad { color: #b71c1c; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 2mm 0 4mm; font-size: 12px; }
svg.chart text { fill: #000; }
svg.chart .track { fill: #f0f0f0; stroke: #999; stroke-width: 0.5; }
svg.chart .took-part { fill: #4a6fa5; }
svg.chart .yes { fill: #2e7d32; }
svg.chart .no { fill: #c62828; }
svg.chart .abstain { fill: #9e9e9e; }
svg.chart .threshold { stroke: #000; stroke-width: 2; stroke-dasharray: 3 2; }
svg.chart .value.not-met { fill: #b71c1c; }
footer.digest { margin-top: 8mm; border-top: 1px solid #000; padding-top: 2mm; font-size: 8pt; overflow-wrap: anywhere; }
@page { size: A4; margin: 15mm 15mm 18mm; }
@media print {
  main { max-width: none; padding: 0; }
  section.item + section.item { break-before: page; page-break-before: always; }
  section.signatures, section.notice { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn render(doc: &Document) -> Vec<u8> {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(doc.lang.html_tag());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"pavilion\">\n<title>");
    out.push_str(&escape(&doc.title));
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    out.push_str(&escape(&doc.title));
    out.push_str("</h1>\n");
    for section in &doc.sections {
        out.push_str("<section class=\"");
        out.push_str(section.class);
        out.push_str("\">\n");
        for block in &section.blocks {
            write_block(&mut out, block, doc);
        }
        out.push_str("</section>\n");
    }
    out.push_str("<footer class=\"digest\"><p>");
    out.push_str(&escape(&doc.digest));
    out.push_str("</p></footer>\n</main>\n</body>\n</html>\n");
    out.into_bytes()
}

fn write_block(out: &mut String, block: &Block, doc: &Document) {
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
        Block::Table(t) => write_table(out, t),
        Block::Chart(tally) => {
            let chart = svg::tally_chart(tally, doc.lang);
            if !chart.is_empty() {
                out.push_str(&chart);
                out.push('\n');
            }
        }
    }
}

fn write_table(out: &mut String, t: &Table) {
    let class = |i: usize| match t.align.get(i) {
        Some(Align::Right) => " class=\"num\"",
        _ => "",
    };
    out.push_str("<table class=\"");
    out.push_str(t.class);
    out.push_str("\">\n<thead><tr>");
    for (i, h) in t.head.iter().enumerate() {
        out.push_str(&format!("<th{}>{}</th>", class(i), escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            out.push_str("<td");
            out.push_str(class(i));
            out.push('>');
            out.push_str(&lines(c));
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Escaped text with its line breaks kept.
fn lines(text: &str) -> String {
    let parts: Vec<String> = text.trim().lines().map(|l| escape(l.trim())).collect();
    parts.join("<br>")
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
