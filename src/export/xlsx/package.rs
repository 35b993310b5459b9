//! The package: rust_xlsxwriter writes the whole workbook — styles, sheet set-up, print settings,
//! defined names — with each sheet holding one placeholder row; every part is then copied
//! unchanged (no inflating, no deflating) except the worksheets, whose `<dimension>` and
//! `<sheetData>` are replaced by the sheet's rows ([`super::sheet_data`]).
//!
//! The placeholder row has one blank cell per style the sheet uses, in the order the sheet first
//! uses them, so the style table lists exactly the styles a workbook written cell by cell would
//! list, in the same order; the style index each placeholder got is read back from its `s`.

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::XlsxError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::lang::Lang;

use super::layout::Layout;
use super::sheet_data::{self, StyleIds};
use super::sheets::Sheet;

/// The package with every sheet's rows written into its worksheet part.
pub fn fill(
    skeleton: Vec<u8>,
    sheets: &[Sheet],
    layouts: &[Layout],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut parts = ZipArchive::new(Cursor::new(skeleton))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    // As rust_xlsxwriter writes its parts (the fastest deflate is set in `super::render`).
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .unix_permissions(0o600)
        .last_modified_time(DateTime::default());
    for i in 0..parts.len() {
        let name = parts.name_for_index(i).transpose()?;
        let name = name.map(|n| n.into_owned()).unwrap_or_default();
        let sheet = sheet_number(&name).and_then(|n| Some((sheets.get(n)?, layouts.get(n)?)));
        let Some((sheet, layout)) = sheet else {
            out.raw_copy_file(parts.by_index_raw(i)?)?;
            continue;
        };
        let mut part = parts.by_index(i)?;
        let mut xml = String::new();
        part.read_to_string(&mut xml)?;
        drop(part);
        let (head, placeholder, tail) = split(&xml)?;
        let ids = style_ids(placeholder, layout)?;
        out.start_file(name, options)?;
        out.write_all(with_dimension(head, &sheet_data::dimension(sheet))?.as_bytes())?;
        sheet_data::write(&mut out, sheet, layout, &ids, lang)?;
        out.write_all(tail.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// The sheet a part holds: `xl/worksheets/sheet3.xml` → 2.
fn sheet_number(name: &str) -> Option<usize> {
    let n: usize = name
        .strip_prefix("xl/worksheets/sheet")?
        .strip_suffix(".xml")?
        .parse()
        .ok()?;
    n.checked_sub(1)
}

/// A worksheet's XML around its `<sheetData>` element: before, the element, after.
fn split(xml: &str) -> Result<(&str, &str, &str), XlsxError> {
    let start = xml
        .find("<sheetData>")
        .ok_or_else(|| unexpected("<sheetData>"))?;
    let end = xml[start..]
        .find("</sheetData>")
        .map(|e| start + e + "</sheetData>".len())
        .ok_or_else(|| unexpected("</sheetData>"))?;
    Ok((&xml[..start], &xml[start..end], &xml[end..]))
}

/// The head of a worksheet with its `<dimension ref>` set to `range`.
fn with_dimension(head: &str, range: &str) -> Result<String, XlsxError> {
    const OPEN: &str = "<dimension ref=\"";
    let start = head.find(OPEN).ok_or_else(|| unexpected(OPEN))? + OPEN.len();
    let end = start + head[start..].find('"').ok_or_else(|| unexpected(OPEN))?;
    Ok(format!("{}{range}{}", &head[..start], &head[end..]))
}

/// The style index of each style the sheet uses, from its placeholder cells' `s`.
fn style_ids(placeholder: &str, layout: &Layout) -> Result<StyleIds, XlsxError> {
    let found: Vec<u32> = placeholder
        .split(" s=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    if found.len() != layout.first_used.len() {
        return Err(unexpected("one styled placeholder cell per style"));
    }
    let mut ids = StyleIds::default();
    for (style, id) in layout.first_used.iter().zip(found) {
        ids[*style as usize] = id;
    }
    Ok(ids)
}

/// rust_xlsxwriter wrote a worksheet otherwise than this module reads it: a bug, said plainly.
fn unexpected(what: &str) -> XlsxError {
    XlsxError::ParameterError(format!(
        "internal error: rust_xlsxwriter's worksheet has no {what} where expected"
    ))
}
