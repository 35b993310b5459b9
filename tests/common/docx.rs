//! The text of a DOCX file, read with a real ZIP reader: one line per paragraph, table cells
//! separated by " | ", then each footer part, so DOCX exports can be snapshot and searched like the
//! text formats.

use std::io::Read;

pub fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    let mut footers: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().into_owned())
        .filter(|n| n.starts_with("word/footer"))
        .collect();
    footers.sort();
    for part in std::iter::once("word/document.xml".to_string()).chain(footers) {
        let mut xml = String::new();
        zip.by_name(&part)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        if part != "word/document.xml" {
            out.push_str(&format!("[{part}]\n"));
        }
        out.push_str(&part_text(&xml));
    }
    out
}

/// The paragraphs and table rows of one part's XML.
fn part_text(xml: &str) -> String {
    let mut out = String::new();
    let mut in_cell = false;
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        out.push_str(&unescape(&rest[..open]));
        let close = open + rest[open..].find('>').unwrap();
        let tag = &rest[open + 1..close];
        let name = tag.split([' ', '/']).find(|s| !s.is_empty()).unwrap_or("");
        match (tag.starts_with('/'), name) {
            (false, "w:tc") => in_cell = true,
            (true, "w:tc") => {
                in_cell = false;
                out.push_str(" | ");
            }
            (true, "w:tr") => {
                out.truncate(out.trim_end_matches(" | ").len());
                out.push('\n');
            }
            (true, "w:p") if !in_cell => out.push('\n'),
            (false, "w:br") => out.push_str(if in_cell { " / " } else { "\n" }),
            _ => {}
        }
        rest = &rest[close + 1..];
    }
    out
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
