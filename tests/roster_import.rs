//! Roster import from real files: the sample estate in each encoding, XLSX, and every kind of bad input
//! with the exact message a secretary would see.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use encoding_rs::GBK;
use pavilion::domain::{Area, FlatRef, RosterRow};
use pavilion::intake::roster::read_roster;

const SAMPLE: &str = "agendas/roster-hongqi.csv";

fn read_ok(path: &Path) -> Vec<RosterRow> {
    read_roster(path).unwrap_or_else(|e| panic!("{} should import:\n{e}", path.display()))
}

fn row<'a>(rows: &'a [RosterRow], flat: &str) -> &'a RosterRow {
    let flat = FlatRef::parse(flat).unwrap();
    rows.iter()
        .find(|r| r.flat == flat)
        .unwrap_or_else(|| panic!("no row for {flat}"))
}

fn write_temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn hongqi_sample_imports_288_flats_of_270_owners() {
    let rows = read_ok(Path::new(SAMPLE));
    assert_eq!(rows.len(), 288);
    let owners: HashSet<&str> = rows.iter().map(|r| r.owner.key.as_str()).collect();
    assert_eq!(owners.len(), 270);

    let first = &rows[0];
    assert_eq!(first.flat, FlatRef::new("1", "1", "101"));
    assert_eq!(first.owner.name, "毛超军");
    assert_eq!(first.owner.phone.as_deref(), Some("13610070497"));

    let co_owned = row(&rows, "1-1-402");
    assert_eq!(co_owned.owner.name, "刘斌艳、莫刚超");
    assert_eq!(co_owned.area, Area(6285));
    assert_eq!(co_owned.owner.key, "O00007");

    let unsold: Vec<&RosterRow> = rows
        .iter()
        .filter(|r| r.owner.name == "原单位（未售）")
        .collect();
    assert_eq!(unsold.len(), 9);
    assert!(unsold.iter().all(|r| r.owner.key == "UNIT-FORMER"));
}

#[test]
fn hongqi_sample_in_gbk_without_bom_imports_identically() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let text = text.strip_prefix('\u{FEFF}').expect("the sample has a BOM");
    let (gbk, _, unmappable) = GBK.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "must exercise GBK detection"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "名册-gbk.csv", &gbk);

    assert_eq!(read_ok(&path), read_ok(Path::new(SAMPLE)));
}

#[test]
fn plain_utf8_with_english_headers_and_no_owner_ids() {
    let text = "Building, Unit ,Room,Area (m²),Owner Name,Phone,Note\n\
                1,1,101,55.05,Mao Chaojun,13610070497,\n\
                1,1,102,59.2,Guo Qiangzhen,,\"moved out,\nback in May\"\n\
                \n\
                ,,,,,,\n\
                1,1,201,49.20,Developer (unsold),,\n\
                1,1,202,56.45,原单位（未售）,,\n\
                3栋,2单元,501室,88,Wang Xiulan, 139 0000 0000 ,\n";
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "roster.csv", text.as_bytes());
    let rows = read_ok(&path);

    let shown: Vec<(String, String, &str, Option<&str>)> = rows
        .iter()
        .map(|r| {
            (
                r.flat.to_string(),
                r.area.to_string(),
                r.owner.key.as_str(),
                r.owner.phone.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "1-1-101".into(),
                "55.05".into(),
                "flat:1-1-101",
                Some("13610070497")
            ),
            ("1-1-102".into(), "59.20".into(), "flat:1-1-102", None),
            ("1-1-201".into(), "49.20".into(), "UNSOLD", None),
            ("1-1-202".into(), "56.45".into(), "UNSOLD", None),
            (
                "3-2-501".into(),
                "88.00".into(),
                "flat:3-2-501",
                Some("139 0000 0000")
            ),
        ]
    );
    assert_eq!(rows[1].owner.name, "Guo Qiangzhen");
}

#[test]
fn xlsx_with_numeric_cells_imports() {
    let rows = read_ok(Path::new("tests/fixtures/roster/good.xlsx"));
    let shown: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {}",
                r.flat,
                r.area,
                r.owner.key,
                r.owner.name,
                r.owner.phone.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            "1-1-101 55.05 O00001 毛超军 13610070497",
            "1-1-202 56.45 UNIT-FORMER 原单位（未售） -",
            "1-1-402 62.85 O00007 刘斌艳、莫刚超 13125333494",
            "3-2-501 88.00 flat:3-2-501 王秀兰 13900000000",
            "3-2-502 72.60 O00001 毛超军 -",
        ]
    );
}

#[test]
fn workbook_is_recognised_by_its_bytes_whatever_its_name() {
    let bytes = std::fs::read("tests/fixtures/roster/good.xlsx").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "roster.csv", &bytes);
    assert_eq!(
        read_ok(&path),
        read_ok(Path::new("tests/fixtures/roster/good.xlsx"))
    );
}

// --- bad input: the exact text of every problem -------------------------------------------------

/// All problems for a file, as `Problems` displays them.
fn problems(path: &str) -> String {
    match read_roster(Path::new(path)) {
        Ok(rows) => panic!("{path} should be refused, but gave {} rows", rows.len()),
        Err(problems) => problems.to_string(),
    }
}

fn bad(name: &str) -> String {
    problems(&format!("tests/fixtures/roster/bad/{name}"))
}

const AREA_HINT: &str = "write the area in m² with at most two decimals, e.g. 56.45";

#[test]
fn bad_xlsx_names_the_cells() {
    assert_eq!(
        problems("tests/fixtures/roster/bad.xlsx"),
        [
            "tests/fixtures/roster/bad.xlsx (sheet Sheet1): row 2, column E (area_m2): the cell holds the Excel error #VALUE! — fix the formula, or type the value itself",
            &format!("tests/fixtures/roster/bad.xlsx (sheet Sheet1): row 3, column E (area_m2): '56.456' has more than two decimals — {AREA_HINT}"),
            "tests/fixtures/roster/bad.xlsx (sheet Sheet1): row 4, column F (owner_name): the formula =A1&B1 has no saved value — open the file in Excel or WPS and save it again, or type the value itself",
            "tests/fixtures/roster/bad.xlsx (sheet Sheet1): row 5, column D (room): Excel has turned this cell into a date — format the column as Text, type the value again and save",
        ]
        .join("\n")
    );
}

#[test]
fn missing_column_header() {
    assert_eq!(
        bad("missing-column-header.csv"),
        "tests/fixtures/roster/bad/missing-column-header.csv: row 1, column F (建筑面积(㎡)): there is no area column — add a column headed 建筑面积(㎡) (accepted headers: 产权面积, 建筑面积, 面积, 房屋面积, 登记面积, 套内面积, area_m2, area)"
    );
}

#[test]
fn duplicate_header() {
    assert_eq!(
        bad("duplicate-header.csv"),
        "tests/fixtures/roster/bad/duplicate-header.csv: row 1, column F (building): a second building column (column A is already 楼栋) — keep one building column: delete or rename this one"
    );
}

#[test]
fn missing_cell_and_short_row() {
    assert_eq!(
        bad("missing-cell.csv"),
        [
            "tests/fixtures/roster/bad/missing-cell.csv: row 3, column E (业主姓名): the owner name is empty — every flat needs its building, unit, room, area and owner name; delete the row if it is not a flat",
            "tests/fixtures/roster/bad/missing-cell.csv: row 4, column E (业主姓名): the owner name is missing: the row has only 4 cells — check the commas in this row: every flat needs its building, unit, room, area and owner name",
        ]
        .join("\n")
    );
}

#[test]
fn duplicate_flat() {
    assert_eq!(
        bad("duplicate-flat.csv"),
        "tests/fixtures/roster/bad/duplicate-flat.csv: row 4, column C (房号): flat 1-1-101 already appears in row 2 — list each flat once; co-owners go in one row, names joined by 、 (e.g. 刘斌艳、莫刚超)"
    );
}

#[test]
fn area_with_three_decimals() {
    assert_eq!(
        bad("area-three-decimals.csv"),
        format!(
            "tests/fixtures/roster/bad/area-three-decimals.csv: row 3, column D (建筑面积(㎡)): '56.456' has more than two decimals — {AREA_HINT}"
        )
    );
}

#[test]
fn negative_area() {
    assert_eq!(
        bad("area-negative.csv"),
        format!(
            "tests/fixtures/roster/bad/area-negative.csv: row 2, column D (建筑面积(㎡)): '-55.05' is not positive — {AREA_HINT}"
        )
    );
}

#[test]
fn area_not_a_number() {
    assert_eq!(
        bad("area-not-a-number.csv"),
        format!(
            "tests/fixtures/roster/bad/area-not-a-number.csv: row 2, column D (建筑面积(㎡)): '五十五' is not a number — {AREA_HINT}"
        )
    );
}

#[test]
fn zero_area() {
    assert_eq!(
        bad("area-zero.csv"),
        format!(
            "tests/fixtures/roster/bad/area-zero.csv: row 2, column D (建筑面积(㎡)): '0' is not positive — {AREA_HINT}"
        )
    );
}

#[test]
fn owner_id_reused_with_another_name() {
    assert_eq!(
        bad("owner-id-reused.csv"),
        "tests/fixtures/roster/bad/owner-id-reused.csv: row 4, column F (业主编号): owner id O00001 belongs to 毛超军 in row 2, but this row names 毛超君 — rows with the same owner id are one owner: write the same name, or give this owner their own id"
    );
}

#[test]
fn undecodable_bytes() {
    assert_eq!(
        bad("undecodable.csv"),
        "tests/fixtures/roster/bad/undecodable.csv: the text encoding could not be recognised: line 3 is neither UTF-8 nor GBK — open it in Excel or WPS and save it as \"CSV UTF-8 (comma delimited)\", then import that file"
    );
}

#[test]
fn damaged_utf8_is_not_mistaken_for_gbk() {
    assert_eq!(
        bad("utf8-damaged.csv"),
        "tests/fixtures/roster/bad/utf8-damaged.csv: line 3 has bytes that are not UTF-8, though the rest of the file is — open it in Excel or WPS and save it as \"CSV UTF-8 (comma delimited)\", then import that file"
    );
}

#[test]
fn empty_file() {
    assert_eq!(
        bad("empty.csv"),
        "tests/fixtures/roster/bad/empty.csv: the file is empty — the header row names the columns: 楼栋, 单元, 房号, 建筑面积(㎡), 业主姓名 (or building, unit, room, area_m2, owner_name); below it, one row per flat"
    );
}

#[test]
fn header_only() {
    assert_eq!(
        bad("header-only.csv"),
        "tests/fixtures/roster/bad/header-only.csv: there are no flats below the header row (row 1) — add one row per flat under the header, with building, unit, room, area and owner name"
    );
}

#[test]
fn web_page_saved_as_xls() {
    assert_eq!(
        bad("not-a-workbook.xls"),
        "tests/fixtures/roster/bad/not-a-workbook.xls: the file is named like an Excel workbook but is not one — open it in Excel or WPS and save it as .xlsx or as \"CSV UTF-8 (comma delimited)\""
    );
}

/// Rows are numbered as a spreadsheet shows them: row 3 spans two lines (a quoted remark), rows 4 and 5
/// are blank and skipped. Row 9's empty unit is filled from row 8 above it (a CSV of merged cells).
#[test]
fn several_problems_at_once() {
    let file = "tests/fixtures/roster/bad/several-problems.csv";
    let needs = "every flat needs its building, unit, room, area and owner name; delete the row if it is not a flat";
    assert_eq!(
        bad("several-problems.csv"),
        [
            format!("{file}: row 6, column D (建筑面积(㎡)): '49.2O' is not a number — {AREA_HINT}"),
            format!("{file}: row 7, column C (房号): flat 1-1-101 already appears in row 2 — list each flat once; co-owners go in one row, names joined by 、 (e.g. 刘斌艳、莫刚超)"),
            format!("{file}: row 8, column C (房号): '301-1' cannot be used as a room: '-', '/', spaces and markers such as 栋, 座, 单元 or # separate building, unit and room in a flat like 3-2-501 — write the room as one word, without them"),
            format!("{file}: row 8, column E (业主姓名): the owner name is empty — {needs}"),
            format!("{file}: row 9, column D (建筑面积(㎡)): '0.005' has more than two decimals — {AREA_HINT}"),
            format!("{file}: row 10, column F (业主编号): owner id O00002 belongs to 郭强珍 in row 3, but this row names 周磊 — rows with the same owner id are one owner: write the same name, or give this owner their own id"),
        ]
        .join("\n")
    );
}

#[test]
fn unreadable_file_gives_the_os_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.csv");
    let os_error = std::fs::read(&path).unwrap_err(); // its wording differs between systems
    assert_eq!(
        read_roster(&path).unwrap_err().to_string(),
        format!(
            "{}: the file cannot be read: there is no such file or directory; the system said: \
             `{os_error}` — check the file name and folder",
            path.display()
        )
    );
}
