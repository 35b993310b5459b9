//! What an import read and decided, as data: rendered in the reader's language by `i18n::roster`, and
//! checkable against the spreadsheet (rows, flats, owners, total area per sheet).

use crate::domain::{Area, FlatRef, RosterRow};

/// A roster read from a file, with its summary.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterImport {
    pub rows: Vec<RosterRow>,
    pub summary: Summary,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Sheets read (one, unnamed, for a CSV file).
    pub sheets: Vec<SheetRead>,
    /// Worksheets left out, and why.
    pub skipped: Vec<SheetSkipped>,
    /// A CSV file separated by tabs or semicolons instead of commas.
    pub delimiter: Option<char>,
    /// Data rows read, flats, owners and total area over all sheets.
    pub rows: usize,
    pub flats: usize,
    pub owners: usize,
    pub area: Area,
    /// Areas with binary noise rounded to hundredths (55.04999999 → 55.05): (sheet, row).
    pub rounded_areas: Vec<(Option<String>, usize)>,
    /// Owners found by an ID or certificate number (kept only as a salted hash).
    pub owners_by_certificate: usize,
    /// Flats of one owner joined because the rows give the same name and the same phone.
    pub merged_by_name_and_phone: Vec<OwnerFlats>,
    /// Flats counted as the developer's unsold flats because of the owner's name (开发商, 未售).
    pub unsold_by_name: Vec<FlatRef>,
    /// One name on several flats without a shared key: counted as separate owners.
    pub same_name: Vec<OwnerFlats>,
    /// Cells far outside the table, left out unread (sheet, address).
    pub far_cells: Vec<(Option<String>, String)>,
    /// Flats whose floor the floor column gives, and those where it disagrees with the room number.
    pub floors_given: usize,
    pub floor_conflicts: Vec<super::floors::FloorConflict>,
}

/// A sheet that held (part of) the roster.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetRead {
    /// `None` for a CSV file.
    pub name: Option<String>,
    /// 1-based row of the header.
    pub header_row: usize,
    /// Which area column was used, and which others were set aside.
    pub area_header: String,
    pub other_areas: Vec<String>,
    /// Whether the flat came from one address column (its header).
    pub address_header: Option<String>,
    pub rows: usize,
    pub area: Area,
    /// Total rows skipped (1-based).
    pub total_rows: Vec<usize>,
    /// Building/unit cells filled from a merged cell or the row above: (row, column header).
    pub filled: Vec<(usize, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetSkipped {
    pub name: String,
    pub reason: SkipReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Nothing on the sheet.
    Empty,
    /// No row names a roster's columns; the first text on the sheet, to recognise it by.
    NoHeader { first_text: String },
    /// The header is there, but no flat below it (a template sheet).
    NoFlats { header_row: usize },
}

/// An owner's name and flats, for a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerFlats {
    pub name: String,
    pub flats: Vec<FlatRef>,
}
