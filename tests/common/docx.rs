//! The text of a DOCX file, read with a real ZIP reader: one line per paragraph, table cells
//! separated by " | ", so DOCX exports can be snapshot and searched like the text formats.

use std::io::Read;

pub fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    let mut in_cell = false;
    let mut rest = xml.as_str();
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
