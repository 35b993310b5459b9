//! The cells of an XLSX file as text, read with calamine: one `## sheet` heading per sheet, one line
//! per row, cells separated by " | "; numbers marked `n:`, dates `d:` (so a snapshot shows each
//! cell's type as well as its content), then the printed page header and footer as written. Also
//! every part's XML, to look for formulas.

use std::io::Read;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

pub fn xlsx_text(bytes: &[u8]) -> String {
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    let parts = parts(bytes);
    for (n, name) in book.sheet_names().into_iter().enumerate() {
        out.push_str(&format!("## {name}\n"));
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            let cells: Vec<String> = row.iter().map(cell).collect();
            out.push_str(cells.join(" | ").trim_end());
            out.push('\n');
        }
        let sheet = format!("xl/worksheets/sheet{}.xml", n + 1);
        let xml = &parts.iter().find(|(p, _)| *p == sheet).unwrap().1;
        for tag in ["oddHeader", "oddFooter"] {
            out.push_str(&format!("{tag}: {}\n", element(xml, tag)));
        }
    }
    out
}

/// The text of the first `<tag>` element, unescaped.
fn element(xml: &str, tag: &str) -> String {
    let Some(start) = xml.find(&format!("<{tag}>")) else {
        return String::new();
    };
    let rest = &xml[start + tag.len() + 2..];
    let end = rest.find(&format!("</{tag}>")).unwrap();
    rest[..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn cell(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("n:{f}"),
        Data::Int(i) => format!("n:{i}"),
        Data::DateTime(dt) => {
            // Days since 1899-12-30 (Excel's 1900 system past February 1900).
            let days = dt.as_f64() as i64;
            let d = jiff::civil::date(1899, 12, 30) + jiff::Span::new().days(days);
            format!("d:{d}")
        }
        Data::Empty => String::new(),
        other => format!("?{other:?}"),
    }
}

/// The XML of every part of the package, by name.
pub fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut xml = String::new();
            f.read_to_string(&mut xml).unwrap();
            (f.name().unwrap().into_owned(), xml)
        })
        .collect()
}
