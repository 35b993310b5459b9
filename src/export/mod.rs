//! What leaves the program: the minutes the secretary files (会议纪要) and the public notice for the
//! notice board (公示), as Markdown, HTML, JSON or CSV; and the machine-readable tally shape.
//!
//! [`snapshot`] is the only part that reads the store: it gathers a meeting into one immutable
//! [`MeetingSnapshot`]; every format is then a pure function of that snapshot, so the same
//! database always gives byte-identical files.
//!
//! ```no_run
//! # use pavilion::export::{self, Format, Lang, Variant};
//! # let store = pavilion::store::Store::open("pavilion.db".as_ref()).unwrap();
//! let bytes = export::export(&store, 1, Format::Html, Variant::Minutes, Lang::Zh).unwrap();
//! let name = export::default_file_name(&store.meeting(1).unwrap(), Format::Html, Variant::Minutes, Lang::Zh);
//! ```

pub mod agenda_template;
mod annex;
pub mod ballot_paper;
mod bars;
mod compact;
pub mod cost;
pub mod cost_data;
mod csv;
pub mod document;
pub(crate) mod docx;
mod docx_pack;
mod docx_table;
mod entered;
pub mod file;
pub(crate) mod html;
mod json;
pub mod json_shapes;
pub mod labels;
mod markdown;
pub mod paper;
mod privacy;
mod public;
pub mod sign_in_sheet;
mod sink;
pub mod snapshot;
mod svg;
mod wrap;
mod xlsx;

use jiff::civil::Date;

pub use crate::lang::Lang;
pub use privacy::{Masked, suspicious};
pub use snapshot::{MeetingSnapshot, Variant};

use crate::store::{MeetingRecord, Store, StoreError};

/// The file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown with pipe tables (pandoc reads it; convert to Word with `pandoc -o minutes.docx`).
    Markdown,
    /// One self-contained HTML file to open in a browser and print on A4.
    Html,
    /// Every figure, for other tools.
    Json,
    /// The roll call, UTF-8 with BOM for Excel.
    Csv,
    /// A Word document (A4) for Word and WPS: the minutes or the notice.
    Docx,
    /// An Excel/WPS workbook: the roll call, the sign-in list and the action ledger.
    Xlsx,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::Docx,
        Format::Xlsx,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a file name asks for: `.md`, `.markdown`, `.html`, `.htm`, `.json`, `.csv`, `.docx`,
    /// `.xlsx`.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "docx" => Some(Format::Docx),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("writing the CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("writing the JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("writing the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl ExportError {
    /// The failure to write the output, if that is what it was (a full disk, a closed pipe); else
    /// the error itself.
    pub fn into_io(self) -> Result<std::io::Error, ExportError> {
        match self {
            ExportError::Io(e) => Ok(e),
            ExportError::Csv(e) if e.is_io_error() => match e.into_kind() {
                ::csv::ErrorKind::Io(e) => Ok(e),
                _ => unreachable!("an I/O error"),
            },
            ExportError::Json(e) if e.is_io() => Ok(e.into()),
            e => Err(e),
        }
    }
}

/// Everything an export can be asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    pub variant: Variant,
    pub lang: Lang,
    /// Where residents raise objections (public notice); replaces the meeting's own when given.
    pub objections_to: Option<String>,
    /// Until when objections are taken (public notice); replaces the meeting's own when given.
    pub objections_until: Option<Date>,
}

impl Options {
    pub fn new(format: Format, variant: Variant, lang: Lang) -> Options {
        Options {
            format,
            variant,
            lang,
            objections_to: None,
            objections_until: None,
        }
    }
}

/// Exports a meeting: the minutes or the public notice, in one format and language.
pub fn export(
    store: &Store,
    meeting: i64,
    format: Format,
    variant: Variant,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    export_with(store, meeting, &Options::new(format, variant, lang))
}

/// Exports a meeting with every option.
pub fn export_with(store: &Store, meeting: i64, o: &Options) -> Result<Vec<u8>, ExportError> {
    render(&prepare(store, meeting, o)?, o.format, o.lang)
}

/// The snapshot an export renders: the minutes' own, or the public notice's (masked; see
/// [`MeetingSnapshot::masked`] and [`MeetingSnapshot::suspicious`]).
pub fn prepare(store: &Store, meeting: i64, o: &Options) -> Result<MeetingSnapshot, ExportError> {
    let snapshot = MeetingSnapshot::gather(store, meeting)?
        .with_objections(o.objections_to.clone(), o.objections_until);
    Ok(match o.variant {
        Variant::Minutes => snapshot,
        Variant::PublicNotice => snapshot.public(),
    })
}

/// Renders a snapshot (pure): the minutes, or the public notice for a snapshot from
/// [`MeetingSnapshot::public`].
pub fn render(s: &MeetingSnapshot, format: Format, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(64 * 1024);
    render_to(s, format, lang, &mut out)?;
    Ok(out)
}

/// Renders a snapshot into `to` as it goes: the same bytes as [`render`], never held whole but
/// for XLSX. `to` should be buffered (JSON and CSV write small pieces).
pub fn render_to(
    s: &MeetingSnapshot,
    format: Format,
    lang: Lang,
    to: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    match format {
        Format::Markdown => markdown::write(&document::build(s, lang), to)?,
        Format::Html => html::write(&document::build(s, lang), to)?,
        Format::Json => json::write(s, lang, to)?,
        Format::Csv => self::csv::write(s, lang, to)?,
        Format::Docx => docx::write(&document::build(s, lang), to)?,
        Format::Xlsx => to.write_all(&xlsx::render(s, lang)?)?,
    }
    Ok(())
}

/// The blank sign-in sheet of a meeting as HTML or DOCX (other formats are not offered).
pub fn sign_in_sheet(
    store: &Store,
    meeting: i64,
    format: Format,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let doc = sign_in_sheet::sheet(store, meeting, lang)?;
    Ok(match format {
        Format::Docx => docx::render(&doc),
        Format::Markdown => markdown::render(&doc),
        _ => html::render(&doc),
    })
}

/// A file name that says what the file holds: `meeting-3-2026-11-28-minutes-zh.html`,
/// `meeting-3-2026-11-28-notice-en.md`, `meeting-3-2026-11-28-roll-call-zh.csv`,
/// `meeting-3-2026-11-28-records-zh.xlsx`.
pub fn default_file_name(
    meeting: &MeetingRecord,
    format: Format,
    variant: Variant,
    lang: Lang,
) -> String {
    let what = match (format, variant) {
        (Format::Csv, Variant::Minutes) => "roll-call",
        (Format::Csv, Variant::PublicNotice) => "roll-call-public",
        (Format::Xlsx, Variant::Minutes) => "records",
        (Format::Xlsx, Variant::PublicNotice) => "records-public",
        (_, Variant::Minutes) => "minutes",
        (_, Variant::PublicNotice) => "notice",
    };
    format!(
        "meeting-{}-{}-{what}-{}.{}",
        meeting.id,
        meeting.local_start().date(),
        lang.code(),
        format.extension()
    )
}
