//! Roster import: CSV (UTF-8, UTF-8 with BOM, GBK — detected) or XLSX, Chinese or English headers.

use std::path::Path;

use crate::domain::RosterRow;

use super::Problems;

/// Reads a roster file. All problems are reported at once; on any problem nothing is returned.
pub fn read_roster(path: &Path) -> Result<Vec<RosterRow>, Problems> {
    let _ = path;
    unimplemented!("roster import")
}
