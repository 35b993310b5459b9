//! Roster import: CSV (UTF-8, UTF-8 with BOM, GBK — detected; commas, tabs or semicolons) or a
//! workbook (every sheet holding a roster), Chinese or English headers, as property companies keep them.
//!
//! Every file is first read into plain tables, one per sheet (`table`); in each the header row is found
//! by its content (`headers`), total rows skipped and merged building/unit cells filled down (`layout`);
//! one validator checks every row (`rows`); owners are keyed over the whole roster (`owners`); and what
//! was done is told in a summary (`summary`), rendered in the reader's language by `i18n::roster`.

mod clean;
mod csv_file;
pub mod floors;
mod headers;
mod layout;
mod owners;
mod render;
mod rows;
pub mod summary;
mod table;
mod xlsx_file;

use std::path::Path;

use crate::domain::RosterRow;
use crate::lang::Lang;

use super::{Location, Problem, Problems};
use crate::i18n::{IntakeText as I, RosterProblem as R, Said, said};
use headers::{Field, Found, find_header};
use summary::{RosterImport, SheetRead, SheetSkipped, SkipReason, Summary};
use table::Table;
use xlsx_file::Container;

pub use headers::HEADER_SEARCH_ROWS;
pub use owners::certificate_key;
pub use rows::AREA_RANGE;

/// The salt of ID-number hashes when no database gives one (checking a file, the built-in sample).
pub const DEFAULT_SALT: &[u8] = b"pavilion";

/// Reads a roster file. All problems are reported at once; on any problem nothing is returned.
pub fn read_roster(path: &Path) -> Result<Vec<RosterRow>, Problems> {
    read_roster_import(path, DEFAULT_SALT).map(|i| i.rows)
}

/// Reads a roster file with its summary; `salt` hashes ID and certificate numbers (the database's own).
pub fn read_roster_import(path: &Path, salt: &[u8]) -> Result<RosterImport, Problems> {
    let file = path.display().to_string();
    let one = |problem: Problem| Problems(vec![problem]);
    let bytes = super::read_input(path, super::MAX_ROSTER_BYTES, I::ARoster).map_err(one)?;
    if Container::sniff(&bytes).is_none() && is_workbook_name(path) {
        // Often a web page or text that some system saved under an Excel name.
        return Err(one(Problem::said(
            &file,
            Location::File,
            said!(I::NotAWorkbook),
            said!(I::SaveAsXlsxOrCsv),
        )));
    }
    import_bytes(&file, bytes, salt)
}

/// Reads a roster from its bytes (a workbook, or CSV in any supported encoding); `file` names it
/// in problems. Used for files and for the sample roster built into the program.
pub fn read_roster_bytes(file: &str, bytes: Vec<u8>) -> Result<Vec<RosterRow>, Problems> {
    import_bytes(file, bytes, DEFAULT_SALT).map(|i| i.rows)
}

/// Reads a roster from its bytes, with its summary.
pub fn import_bytes(file: &str, bytes: Vec<u8>, salt: &[u8]) -> Result<RosterImport, Problems> {
    let one = |problem: Problem| Problems(vec![problem]);
    let mut summary = Summary::default();
    let tables = match Container::sniff(&bytes) {
        Some(container) => xlsx_file::read(file, bytes, container).map_err(one)?,
        None => {
            let text = super::encoding::decode(file, &bytes).map_err(one)?;
            let (table, delimiter) = csv_file::read(file, &text).map_err(one)?;
            summary.delimiter = (delimiter != b',').then_some(delimiter as char);
            vec![table]
        }
    };
    let mut checker = rows::Checker::default();
    let mut parsed = Vec::new();
    let mut problems = Vec::new();
    for table in &tables {
        let sheet_name = table.sheet.as_deref();
        summary
            .far_cells
            .extend((table.far_cells.iter()).map(|c| (table.sheet.clone(), c.clone())));
        let columns = match find_header(file, sheet_name, table) {
            Found::Roster(columns) => *columns,
            Found::Broken(p) => {
                problems.extend(p);
                continue;
            }
            Found::NotARoster => {
                let reason = match first_text(table) {
                    None => SkipReason::Empty,
                    Some(first_text) => SkipReason::NoHeader { first_text },
                };
                skip(table, reason, &mut summary);
                continue;
            }
        };
        let layout = layout::lay_out(table, &columns);
        if layout.rows.is_empty() {
            let reason = SkipReason::NoFlats {
                header_row: columns.row,
            };
            skip(table, reason, &mut summary);
            continue;
        }
        let sheet = rows::Sheet {
            file,
            name: sheet_name,
            columns: &columns,
        };
        let before = parsed.len();
        checker.rounded.clear();
        for row in &layout.rows {
            if let Some(p) = checker.row(&sheet, row) {
                parsed.push(p);
            }
        }
        summary
            .rounded_areas
            .extend(checker.rounded.iter().map(|&r| (table.sheet.clone(), r)));
        summary.sheets.push(SheetRead {
            name: table.sheet.clone(),
            header_row: columns.row,
            area_header: columns.header_of(Field::Area).to_string(),
            other_areas: columns.other_areas.clone(),
            address_header: columns
                .address_column()
                .map(|c| columns.header(c).to_string()),
            rows: layout.rows.len(),
            area: parsed[before..].iter().map(|p| p.area).sum(),
            total_rows: layout.total_rows,
            filled: layout.filled,
        });
    }
    problems.append(&mut checker.problems);
    if summary.sheets.is_empty() && problems.is_empty() {
        problems.push(no_roster(file, &tables, &summary));
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    let rows = owners::key_owners(parsed, salt, &mut summary);
    summary.rows = summary.sheets.iter().map(|s| s.rows).sum();
    summary.flats = rows.len();
    summary.owners = rows
        .iter()
        .map(|r| r.owner.key.as_str())
        .collect::<std::collections::HashSet<_>>()
        .len();
    summary.area = rows.iter().map(|r| r.area).sum();
    summary.floors_given = rows.iter().filter(|r| r.floor.is_some()).count();
    summary.floor_conflicts = floors::conflicts(&rows);
    Ok(RosterImport { rows, summary })
}

fn skip(table: &Table, reason: SkipReason, summary: &mut Summary) {
    summary.skipped.push(SheetSkipped {
        name: table.sheet.clone().unwrap_or_default(),
        reason,
    });
}

/// The first text on a sheet, shortened, to recognise it by.
fn first_text(table: &Table) -> Option<String> {
    let row = table.rows.iter().find(|r| !r.is_blank())?;
    let cells: Vec<&str> = row
        .cells
        .iter()
        .map(|c| c.shown())
        .filter(|c| !c.is_empty())
        .take(4)
        .collect();
    let text = cells.join(", ");
    Some(if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    })
}

/// No sheet (or no CSV row) names a roster's columns.
fn no_roster(file: &str, tables: &[Table], summary: &Summary) -> Problem {
    if tables.len() == 1 && tables[0].sheet.is_none() {
        let table = &tables[0];
        return match (table.rows.iter().find(|r| !r.is_blank()), first_text(table)) {
            (Some(row), Some(text))
                if summary
                    .skipped
                    .iter()
                    .all(|s| !matches!(s.reason, SkipReason::NoFlats { .. })) =>
            {
                Problem::said(
                    file,
                    Location::File,
                    said!(R::NoHeaderRow, row = row.number, text = text),
                    said!(R::HeaderNotInFirstRows, n = HEADER_SEARCH_ROWS)
                        .with("hint", &header_hint()),
                )
            }
            (_, None) => Problem::said(file, Location::File, said!(R::EmptyFile), header_hint()),
            _ => no_flats(file, summary),
        };
    }
    if summary
        .skipped
        .iter()
        .any(|s| matches!(s.reason, SkipReason::NoFlats { .. }))
    {
        return no_flats(file, summary);
    }
    let sheets = |lang| {
        let list: Vec<String> = (summary.skipped.iter())
            .map(|s| match &s.reason {
                SkipReason::NoHeader { first_text } => {
                    R::SheetBegins.fill(lang, &[("sheet", &s.name), ("text", first_text)])
                }
                _ => R::SheetEmpty.fill(lang, &[("sheet", &s.name)]),
            })
            .collect();
        list.join(crate::i18n::terms::list_separator(lang))
    };
    Problem::said(
        file,
        Location::File,
        said!(R::NoSheetIsRoster).both("sheets", sheets(Lang::Zh), sheets(Lang::En)),
        said!(R::HeaderInSomeSheet).with("hint", &header_hint()),
    )
}

/// What a roster's header row looks like.
fn header_hint() -> Said {
    said!(R::HeaderHint)
}

fn no_flats(file: &str, summary: &Summary) -> Problem {
    let row = summary
        .skipped
        .iter()
        .find_map(|s| match s.reason {
            SkipReason::NoFlats { header_row } => Some(header_row),
            _ => None,
        })
        .unwrap_or(1);
    Problem::said(
        file,
        Location::File,
        said!(R::NoFlats, row = row),
        said!(R::AddFlats),
    )
}

fn is_workbook_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xls", "xlsb", "ods"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    })
}
