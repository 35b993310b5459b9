//! Ballot papers as one self-contained HTML file: each paper an A5 half of an A4 sheet, a dashed
//! line to cut along between the two.

use super::BallotPapers;
use crate::export::html::escape;
use crate::i18n::PaperText as P;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #000; font-family: serif; font-size: 10.5pt; line-height: 1.45; }
h1, th, .choices td { font-family: sans-serif; }
section.ballot { box-sizing: border-box; height: 148mm; padding: 9mm 16mm 6mm; border-bottom: 1px dashed #000;
  break-inside: avoid; page-break-inside: avoid; }
section.ballot:nth-of-type(2n) { border-bottom: none; break-after: page; page-break-after: always; }
section.ballot:last-of-type { break-after: auto; page-break-after: auto; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 2mm; letter-spacing: 0.1em; }
p { margin: 1.2mm 0; }
p.meta { text-align: center; }
p.rule { font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; white-space: nowrap; }
th { background: #eee; width: 10%; }
.choices td { text-align: center; font-size: 14pt; height: 11mm; width: 33%; }
@page { size: A4; margin: 0; }
@media screen { section.ballot { margin: 0 auto; max-width: 210mm; } }
@media print { * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"#;

pub fn render(p: &BallotPapers) -> Vec<u8> {
    let l = p.lang;
    let mut out = String::with_capacity(4096 + p.owners.len() * 2048);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(l.html_tag());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"pavilion\">\n<title>");
    out.push_str(&escape(&format!("{} — {}", p.title(), p.item)));
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    let box_ = |c: &str| format!("<td>□ {}</td>", escape(c));
    let choices: String = p.choices().iter().map(|c| box_(c)).collect();
    for o in &p.owners {
        out.push_str("<section class=\"ballot\">\n<h1>");
        out.push_str(&escape(&p.title()));
        out.push_str("</h1>\n<p class=\"meta\">");
        out.push_str(&escape(&format!("{}　{}", p.meeting, p.time)));
        out.push_str("</p>\n<p><b>");
        out.push_str(&escape(&p.item));
        out.push_str("</b></p>\n<p><b>");
        out.push_str(&escape(P::Matter.get(l)));
        out.push_str("</b>");
        out.push_str(&escape(&p.matter).replace('\n', "<br>"));
        out.push_str("</p>\n<p class=\"rule\">");
        out.push_str(&escape(&p.rule));
        out.push_str("</p>\n<table class=\"owner\" border=\"1\" cellpadding=\"4\" cellspacing=\"0\" width=\"100%\"><tr>");
        for (label, value) in p.owner_line(o) {
            out.push_str(&format!(
                "<th>{}</th><td>{}</td>",
                escape(&label),
                escape(&value)
            ));
        }
        out.push_str("</tr></table>\n<table class=\"choices\" border=\"1\" cellpadding=\"4\" cellspacing=\"0\" width=\"100%\"><tr>");
        out.push_str(&choices);
        out.push_str("</tr></table>\n<p>");
        out.push_str(&escape(P::MarkOne.get(l)));
        out.push_str("</p>\n<p class=\"sign\">");
        out.push_str(&escape(P::SignLine.get(l)));
        out.push_str("</p>\n<p class=\"return\">");
        out.push_str(&escape(&p.return_line()));
        out.push_str("</p>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}
