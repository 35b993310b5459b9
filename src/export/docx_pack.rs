//! docx-rs stores every part of the package uncompressed; the same parts re-packed with deflate
//! (entry order, directories and the fixed 1980 entry times kept, so the bytes stay the same for
//! the same document).

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The stored package `stored` with every file deflated; the file named `part` is written by
/// `write_part` from what is stored under that name (so a large part can be written straight
/// into the deflater, never held whole).
pub fn deflate(
    stored: &[u8],
    part: &str,
    write_part: impl FnOnce(&[u8], &mut dyn Write) -> std::io::Result<()>,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut write_part = Some(write_part);
    let mut input = ZipArchive::new(Cursor::new(stored))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(64 * 1024)));
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
        let write = (name == part).then(|| write_part.take()).flatten();
        out.start_file(name, options)?;
        match write {
            Some(write) => write(&buf, &mut out)?,
            None => out.write_all(&buf)?,
        }
    }
    Ok(out.finish()?.into_inner())
}
