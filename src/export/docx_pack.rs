//! docx-rs stores every part of the package uncompressed; the same parts re-packed with deflate
//! (entry order, directories and the fixed 1980 entry times kept, so the bytes stay the same for
//! the same document).

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The stored package `stored` with every file deflated.
pub fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut input = ZipArchive::new(Cursor::new(stored))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 8)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(DateTime::default());
    let mut buf = Vec::new();
    for i in 0..input.len() {
        let mut entry = input.by_index(i)?;
        let name = entry.name()?.into_owned();
        if entry.is_dir() {
            out.add_directory(name, options)?;
            continue;
        }
        buf.clear();
        entry.read_to_end(&mut buf)?;
        out.start_file(name, options)?;
        out.write_all(&buf)?;
    }
    Ok(out.finish()?.into_inner())
}
