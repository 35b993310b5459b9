//! Rosters shaped like the ones property companies keep (tests/fixtures/roster/real/, written by
//! make.py there): each imports to exactly these flats, owners and total area, or is refused with
//! exactly these problems; the summary says what was done, in both languages.

use std::collections::HashSet;
use std::path::Path;

use pavilion::domain::{Area, RosterRow};
use pavilion::intake::roster::summary::RosterImport;
use pavilion::intake::roster::{DEFAULT_SALT, read_roster_import};
use pavilion::lang::Lang;

const DIR: &str = "tests/fixtures/roster/real";

fn import(name: &str) -> RosterImport {
    let path = format!("{DIR}/{name}");
    read_roster_import(Path::new(&path), DEFAULT_SALT)
        .unwrap_or_else(|e| panic!("{path} should import:\n{e}"))
}

fn refused(name: &str) -> String {
    let path = format!("{DIR}/{name}");
    match read_roster_import(Path::new(&path), DEFAULT_SALT) {
        Ok(i) => panic!("{path} should be refused, gave {} rows", i.rows.len()),
        Err(e) => e.to_string(),
    }
}

/// Flats, owners, total area (two decimals).
fn figures(rows: &[RosterRow]) -> (usize, usize, String) {
    let owners: HashSet<&str> = rows.iter().map(|r| r.owner.key.as_str()).collect();
    let area: Area = rows.iter().map(|r| r.area).sum();
    (rows.len(), owners.len(), area.to_string())
}

/// `flat area name owner-key` per row.
fn shown(rows: &[RosterRow]) -> Vec<String> {
    rows.iter()
        .map(|r| format!("{} {} {} {}", r.flat, r.area, r.owner.name, r.owner.key))
        .collect()
}

#[test]
fn messy_hongqi_workbook_imports_like_the_clean_csv() {
    let messy = read_roster_import(Path::new("agendas/roster-hongqi-messy.xlsx"), DEFAULT_SALT)
        .unwrap_or_else(|e| panic!("{e}"));
    let clean = read_roster_import(Path::new("agendas/roster-hongqi.csv"), DEFAULT_SALT).unwrap();
    assert_eq!(figures(&messy.rows), (288, 270, "20505.55".to_string()));
    let mut a = messy.rows.clone();
    let mut b = clean.rows.clone();
    a.sort_by(|x, y| x.flat.cmp(&y.flat));
    b.sort_by(|x, y| x.flat.cmp(&y.flat));
    assert_eq!(a, b);
    let s = &messy.summary;
    assert_eq!(s.sheets.len(), 8);
    assert!(s.sheets.iter().all(|s| s.header_row == 3 && s.rows == 36));
    assert!(s.sheets.iter().all(|s| s.total_rows == [40]));
    assert_eq!(s.skipped.len(), 1);
    assert_eq!(s.skipped[0].name, "填表说明");
    assert_eq!(s.rounded_areas.len(), 288 - clean_exact_areas());
}

/// Areas of the sample that survive the generator's noise exactly (the float happens to round-trip).
fn clean_exact_areas() -> usize {
    let text = std::fs::read_to_string("agendas/roster-hongqi.csv").unwrap();
    text.lines()
        .skip(1)
        .filter(|l| {
            let area: f64 = l.split(',').nth(3).unwrap().parse().unwrap();
            area + area * 2.5e-16 == area
        })
        .count()
}

#[test]
fn title_rows_merged_cells_totals_and_float_noise() {
    let i = import("title-merged-total.xlsx");
    assert_eq!(
        shown(&i.rows),
        [
            "3-2-101 55.05 毛超军 flat:3-2-101",
            "3-2-102 74.85 郭强珍 flat:3-2-102",
            "3-3-201 60.50 侯长 flat:3-3-201",
            "3-3-202 55.05 余强 flat:3-3-202",
        ]
    );
    assert_eq!(
        i.summary.lines(Lang::En),
        [
            "sheet '业主名册': header in row 3, 4 rows read, area 245.45 m²",
            "  area taken from the column '建筑面积(㎡)'",
            "  total rows skipped: 8",
            "  merged or empty building/unit cells filled from above: 5 (rows 5–7)",
            "in all: 4 rows read, 4 flats, 4 owners, total area 245.45 m²",
            "areas with float noise rounded to hundredths: 2 ('业主名册' rows 5, 7)",
        ]
    );
    assert_eq!(
        i.summary.lines(Lang::Zh),
        [
            "工作表「业主名册」：表头在第 3 行，读取 4 行，面积 245.45 ㎡",
            "  面积取自「建筑面积(㎡)」列",
            "  跳过合计行：第 8 行",
            "  合并或空白的楼栋/单元格按上方填充：5 处（第 5–7 行）",
            "合计：读取 4 行，4 套房屋，4 名业主，总面积 245.45 ㎡",
            "带计算误差的面积已取两位小数：2 处（「业主名册」第 5、7 行）",
        ]
    );
}

#[test]
fn every_sheet_of_a_workbook_per_building_and_the_instructions_skipped() {
    let i = import("sheet-per-building.xlsx");
    assert_eq!(figures(&i.rows), (9, 9, "720.00".into()));
    assert_eq!(
        i.summary.lines(Lang::En),
        [
            "sheet '1栋': header in row 1, 3 rows read, area 240.00 m²",
            "  area taken from the column '建筑面积(㎡)'",
            "sheet '2栋': header in row 1, 2 rows read, area 160.00 m²",
            "  area taken from the column '建筑面积(㎡)'",
            "sheet '3栋': header in row 1, 4 rows read, area 320.00 m²",
            "  area taken from the column '建筑面积(㎡)'",
            "sheet '填表说明' skipped: no header row (it begins '填表说明：每户一行，面积保留两位小数')",
            "empty sheet 'Sheet4' skipped",
            "in all: 9 rows read, 9 flats, 9 owners, total area 720.00 m²",
        ]
    );
}

#[test]
fn a_workbook_without_a_roster_names_its_sheets() {
    assert_eq!(
        refused("instructions-only.xlsx"),
        "tests/fixtures/roster/real/instructions-only.xlsx: no worksheet names the roster's columns: \
         填表说明 ('填表说明：每户一行'), Sheet2 (empty) — the header row names the columns: 楼栋, 单元, \
         房号, 建筑面积(㎡), 业主姓名 (or building, unit, room, area_m2, owner_name); below it, one row \
         per flat, in one sheet or one sheet per building"
    );
}

#[test]
fn header_synonyms_and_the_ways_flats_are_written() {
    let i = import("variants-gbk.csv");
    // 室号/楼号/产权面积/房屋所有权人/身份证号/手机号码; ５０１ and 0502 in 3#楼 一单元; 王　秀兰 on two
    // flats with one ID number is one owner; 三号楼 二单元 101 and 3-2-102.0.
    let key = &i.rows[0].owner.key;
    assert!(key.starts_with("id:") && !key.contains("110101"), "{key}");
    assert_eq!(
        shown(&i.rows),
        [
            format!("3-1-501 88.10 王秀兰 {key}"),
            format!("3-1-502 72.60 王秀兰 {key}"),
            "3-2-101 60.00 毛超军 flat:3-2-101".to_string(),
            "3-2-102 61.00 郭强珍 flat:3-2-102".to_string(),
        ]
    );
    assert_eq!(figures(&i.rows), (4, 3, "281.70".into()));
    assert!(
        i.summary.lines(Lang::En).contains(
            &"owners identified by ID or certificate number: 1 (the numbers are kept only as a salted hash)"
                .to_string()
        )
    );
}

#[test]
fn one_address_column_in_any_written_form() {
    let i = import("address-column.csv");
    assert_eq!(figures(&i.rows), (3, 3, "230.70".into()));
    let flats: Vec<String> = i.rows.iter().map(|r| r.flat.to_string()).collect();
    assert_eq!(flats, ["3-2-501", "3-2-502", "3-2-601"]);

    let i = import("address-in-room-column.xlsx");
    assert_eq!(
        shown(&i.rows),
        [
            "3-2-501 88.10 王秀兰 flat:3-2-501",
            "3-2-502 72.60 毛超军 flat:3-2-502",
            "3-1-101 60.00 侯长 flat:3-1-101",
        ]
    );
    assert!(
        i.summary
            .lines(Lang::En)
            .contains(&"  area taken from the column '产权面积' (not used: 套内面积)".to_string())
    );
}

#[test]
fn csv_of_merged_cells_fills_down_within_a_block_and_skips_the_total() {
    let i = import("merged-blocks.csv");
    assert_eq!(
        shown(&i.rows),
        [
            "1-1-101 55.05 毛超军 flat:1-1-101",
            "1-1-102 59.20 郭强珍 flat:1-1-102",
            "1-2-201 49.20 侯长 flat:1-2-201",
            "1-2-202 56.45 余强 flat:1-2-202",
        ]
    );
    assert_eq!(i.summary.sheets[0].header_row, 2);
    assert_eq!(i.summary.sheets[0].total_rows, [7]);
}

#[test]
fn owners_as_the_law_counts_them() {
    let i = import("same-name-and-phone.csv");
    assert_eq!(
        shown(&i.rows),
        [
            "1-1-101 55.05 毛超军 flat:1-1-101",
            "2-1-301 60.00 毛超军 flat:1-1-101",
            "1-1-102 59.20 王秀兰 flat:1-1-102",
            "3-2-501 88.00 王秀兰 flat:3-2-501",
            "1-1-201 49.20 刘开发商贸 flat:1-1-201",
            "1-1-202 56.45 开发商 UNSOLD",
            "1-1-203 56.45 原单位（未售） UNSOLD",
        ]
    );
    assert_eq!(figures(&i.rows), (7, 5, "424.35".into()));
    let lines = i.summary.lines(Lang::En);
    assert_eq!(
        lines[2..],
        [
            "in all: 7 rows read, 7 flats, 5 owners, total area 424.35 m²",
            "same name and phone, counted as one owner: 毛超军 (1-1-101, 2-1-301)",
            "counted by name as the developer's unsold flats, one owner together: 1-1-202, 1-1-203",
            "warning: 王秀兰 is named on 2 flats (1-1-102, 3-2-501), counted as different owners; if one \
             person, give these rows the same owner id (业主编号)",
        ]
    );
}

#[test]
fn tab_and_semicolon_separated_files_are_read_and_said_so() {
    for (name, line) in [
        ("tab-separated.csv", "the columns are separated by tabs"),
        ("semicolon.csv", "the columns are separated by semicolons"),
    ] {
        let i = import(name);
        assert_eq!(figures(&i.rows), (2, 2, "114.25".into()), "{name}");
        assert_eq!(i.summary.lines(Lang::En)[0], line);
    }
}

#[test]
fn stray_far_cells_cost_nothing() {
    let i = import("stray-xfd.xlsx");
    assert_eq!(figures(&i.rows), (2, 2, "114.25".into()));
    assert_eq!(
        i.summary.lines(Lang::En).last().unwrap(),
        "warning: cells far outside the table were not read: 名册!XFD1048576"
    );
    let i = import("stray-z1000000.xlsx");
    assert_eq!(figures(&i.rows), (2, 2, "114.25".into()));
}

#[test]
fn one_flat_written_several_ways_is_refused() {
    let file = format!("{DIR}/same-flat-written-twice.csv");
    let hint =
        "list each flat once; co-owners go in one row, names joined by 、 (e.g. 刘斌艳、莫刚超)";
    assert_eq!(
        refused("same-flat-written-twice.csv"),
        [
            format!(
                "{file}: row 3, column C (房号): flat 3-2-501 already appears in row 2 — {hint}"
            ),
            format!(
                "{file}: row 4, column C (房号): flat 3-2-501 already appears in row 2 — {hint}"
            ),
            format!(
                "{file}: row 6, column C (房号): flat 3-2-103 already appears in row 5 — {hint}"
            ),
            format!(
                "{file}: row 8, column C (房号): flat 3-2-104 already appears in row 7 — {hint}"
            ),
            format!(
                "{file}: row 9, column C (房号): flat 3-2-104 already appears in row 7 — {hint}"
            ),
        ]
        .join("\n")
    );
}

#[test]
fn control_characters_absurd_areas_and_shortened_phones_are_refused() {
    let file = format!("{DIR}/control-and-absurd.csv");
    let retype = "retype the cell; co-owners go on one line, names joined by 、";
    let area = "check the decimal point; a flat's area is its registered floor area";
    assert_eq!(
        refused("control-and-absurd.csv"),
        [
            format!("{file}: row 2, column E (业主姓名): the cell holds a control character (U+0000) — {retype}"),
            format!("{file}: row 3, column E (业主姓名): the cell holds a control character (U+001B) — {retype}"),
            format!("{file}: row 4, column C (房号): the cell holds a text-direction control (U+202E) — {retype}"),
            format!("{file}: row 5, column D (建筑面积(㎡)): 999999999999.99 m² is not a plausible area for one flat (1.00 to 2000.00 m²) — {area}"),
            format!("{file}: row 6, column D (建筑面积(㎡)): 0.50 m² is not a plausible area for one flat (1.00 to 2000.00 m²) — {area}"),
            format!("{file}: row 7, column G (联系电话): '1.36E+10' is a phone number Excel shortened: its last digits are lost — format the column as Text in Excel or WPS and type the numbers again (or export them again from where they came from)"),
        ]
        .join("\n")
    );
}

#[test]
fn every_fixture_has_a_case() {
    let cases = [
        "address-column.csv",
        "address-in-room-column.xlsx",
        "control-and-absurd.csv",
        "instructions-only.xlsx",
        "make.py",
        "merged-blocks.csv",
        "same-flat-written-twice.csv",
        "same-name-and-phone.csv",
        "semicolon.csv",
        "sheet-per-building.xlsx",
        "stray-xfd.xlsx",
        "stray-z1000000.xlsx",
        "tab-separated.csv",
        "title-merged-total.xlsx",
        "variants-gbk.csv",
    ];
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(cases.contains(&name.as_str()), "{DIR}/{name} has no case");
    }
}
