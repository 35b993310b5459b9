//! Roster import: CSV (UTF-8, UTF-8 with BOM, GBK — detected) or XLSX, Chinese or English headers.
//!
//! Every file is first read into a plain table (`table`), so that one validator (`rows`) checks CSV
//! and workbooks alike and numbers rows and columns as a spreadsheet program shows them.

mod csv_file;

mod headers;
mod rows;
mod table;
mod xlsx_file;

use std::path::Path;

use crate::domain::RosterRow;

use super::{Location, Problem, Problems};
use xlsx_file::Container;

/// Reads a roster file. All problems are reported at once; on any problem nothing is returned.
pub fn read_roster(path: &Path) -> Result<Vec<RosterRow>, Problems> {
    let file = path.display().to_string();
    let one = |problem: Problem| Problems(vec![problem]);
    let bytes = super::read_input(path, super::MAX_ROSTER_BYTES, "a roster").map_err(one)?;
    if Container::sniff(&bytes).is_none() && is_workbook_name(path) {
        // Often a web page or text that some system saved under an Excel name.
        return Err(one(Problem::new(
            &file,
            Location::File,
            "the file is named like an Excel workbook but is not one",
            "open it in Excel or WPS and save it as .xlsx or as \"CSV UTF-8 (comma delimited)\"",
        )));
    }
    read_roster_bytes(&file, bytes)
}

/// Reads a roster from its bytes (a workbook, or CSV in any supported encoding); `file` names it
/// in problems. Used for files and for the sample roster built into the program.
pub fn read_roster_bytes(file: &str, bytes: Vec<u8>) -> Result<Vec<RosterRow>, Problems> {
    let one = |problem: Problem| Problems(vec![problem]);
    let table = match Container::sniff(&bytes) {
        Some(container) => xlsx_file::read(file, bytes, container).map_err(one)?,
        None => {
            let text = super::encoding::decode(file, &bytes).map_err(one)?;
            csv_file::read(file, &text).map_err(one)?
        }
    };
    rows::validate(file, &table)
}

fn is_workbook_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xls", "xlsb", "ods"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    })
}
