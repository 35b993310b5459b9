//! Markdown: headings, labelled lines and pipe tables that pandoc (and any CommonMark reader) reads.
//! Text from the database is escaped so a `|`, `*` or `@` in a name or a note never breaks a table.

use std::io::{self, Write};

use super::document::{Align, Block, Document, Rows, Table};
use super::sink::{self, Sink};
use crate::lang::Lang;

pub fn render(doc: &Document) -> Vec<u8> {
    sink::to_bytes(|to| write(doc, to))
}

/// Writes the document out as it goes (see [`Sink`]).
pub fn write(doc: &Document, to: &mut dyn Write) -> io::Result<()> {
    let mut out = Sink::new(to);
    out.push_str("# ");
    out.push_str(&escape(&doc.title));
    out.push_str("\n\n");
    for section in &doc.sections {
        for block in &section.blocks {
            write_block(&mut out, block, doc.lang);
        }
    }
    out.push_str("---\n\n");
    out.push_str(&escape(&doc.digest));
    out.push('\n');
    out.finish()
}

fn write_block(out: &mut Sink, block: &Block, lang: Lang) {
    match block {
        Block::Heading(level, text) => {
            out.push_str(&"#".repeat(usize::from(*level)));
            out.push(' ');
            out.push_str(&escape(text));
            out.push_str("\n\n");
        }
        Block::Para(text) => {
            out.push_str(&paragraph(text));
            out.push_str("\n\n");
        }
        Block::Labelled(label, text) => {
            out.push_str("**");
            out.push_str(&escape(label));
            out.push_str("**");
            out.push_str(super::labels::colon(lang));
            out.push_str(&paragraph(text));
            out.push_str("\n\n");
        }
        Block::Quote(text) => {
            for line in paragraph(text).lines() {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
        }
        Block::Verdict(text, _) => {
            out.push_str("**");
            out.push_str(&escape(&one_line(text)));
            out.push_str("**\n\n");
        }
        Block::Closing(closing) => {
            out.push_str(&paragraph(&closing.join("\n")));
            out.push_str("\n\n");
        }
        Block::Table(t) => write_table(out, t, Rows::Held(&t.rows)),
        Block::RollCall(t, rows) => write_table(out, t, Rows::Made(rows)),
        Block::Chart(_) => {}
    }
}

fn write_table(out: &mut Sink, t: &Table, rows: Rows) {
    let row = |out: &mut String, cells: &[String]| {
        out.push('|');
        for c in cells {
            out.push(' ');
            push_cell(out, c);
            out.push_str(" |");
        }
        out.push('\n');
    };
    row(out, &t.head);
    out.push('|');
    for a in &t.align {
        out.push_str(match a {
            Align::Left => "---|",
            Align::Right => "--:|",
        });
    }
    out.push('\n');
    for r in rows.iter() {
        row(out, &r);
        out.spill();
    }
    out.push('\n');
}

/// A table cell or a verdict is one line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `escape(&one_line(text))` written straight into `out`: a roll call has 140,000 cells.
fn push_cell(out: &mut String, text: &str) {
    let lines = text
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty());
    for (k, line) in lines.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        push_escaped(out, line);
    }
}

/// Escapes what Markdown would read as inline markup (see [`escape`]) onto the end of `out`.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '$' | '~' | '^' | '@' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escaped lines joined with hard line breaks (a backslash at the end of a line).
fn paragraph(text: &str) -> String {
    let lines: Vec<String> = text
        .trim()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_line)
        .collect();
    lines.join("\\\n")
}

/// Escapes what Markdown (and pandoc's extensions: math, citations, sub/superscript) would read as
/// inline markup; enough for headings and table cells.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

/// Escapes a line of a paragraph: inline markup, and what would start a heading, a list, a rule
/// or a definition at the beginning of a line.
fn escape_line(text: &str) -> String {
    let mut out = escape(text);
    let first = out.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=' | ':')) {
        out.insert(0, '\\');
    } else if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
        && out[dot + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        out.insert(dot, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("王*兰、莫*超"), "王\\*兰、莫\\*超");
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line("1. not a list"), "1\\. not a list");
        assert_eq!(escape("1. in a cell"), "1. in a cell");
        assert_eq!(escape("3-2-501 80.00"), "3-2-501 80.00");
        assert_eq!(escape_line("638.20"), "638.20");
        assert_eq!(escape_line("2) second"), "2\\) second");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape("mail@x"), "mail\\@x");
        for cell in ["a\n b |c", " \r\n", "x\r\n\r\ny*", "", "3-2-501"] {
            let mut out = String::new();
            push_cell(&mut out, cell);
            assert_eq!(out, escape(&one_line(cell)), "{cell:?}");
        }
    }
}
