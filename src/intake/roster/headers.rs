//! Which column holds what: the header row found by its content, header names in Chinese or English
//! with the synonyms rosters use.

use super::table::{Table, TableRow};
use crate::domain::address::fold_width;
use crate::i18n::{RosterProblem as R, said};
use crate::intake::problem::column_letter;
use crate::intake::{Location, Problem};

/// Rows looked at for the header: title, compiling unit and date lines come above it.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// A column the roster reader knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Building,
    Unit,
    Room,
    /// One column holding the whole flat: 3-2-501, 3栋2单元501室.
    Address,
    Area,
    OwnerName,
    OwnerId,
    /// An ID card or property certificate number: identifies one owner, never stored as written.
    Certificate,
    Phone,
    /// A marker column: the flat is the developer's (or former work unit's), unsold.
    Unsold,
    /// The floor, when the room number does not give it (or gives it wrongly): cost sharing by floor.
    Floor,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Building,
        Field::Unit,
        Field::Room,
        Field::Address,
        Field::Area,
        Field::OwnerName,
        Field::OwnerId,
        Field::Certificate,
        Field::Phone,
        Field::Unsold,
        Field::Floor,
    ];

    /// The field's name in messages ("the building is empty").
    pub fn label(self) -> R {
        match self {
            Field::Building => R::FieldBuilding,
            Field::Unit => R::FieldUnit,
            Field::Room => R::FieldRoom,
            Field::Address => R::FieldAddress,
            Field::Area => R::FieldArea,
            Field::OwnerName => R::FieldOwnerName,
            Field::OwnerId => R::FieldOwnerId,
            Field::Certificate => R::FieldCertificate,
            Field::Phone => R::FieldPhone,
            Field::Unsold => R::FieldUnsold,
            Field::Floor => R::FieldFloor,
        }
    }

    /// Accepted headers, the usual Chinese one first. Matching ignores case, spaces, `_`, `-`,
    /// full-width forms and a unit in brackets, so 建筑面积（㎡） and "Area (m²)" match too. For the
    /// area, the order is the order of preference when a roster has several (the registered area first,
    /// DOMAIN §2.4).
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Building => &[
                "楼栋",
                "楼栋号",
                "楼号",
                "栋",
                "栋号",
                "幢",
                "幢号",
                "楼幢",
                "楼宇",
                "building",
            ],
            Field::Unit => &["单元", "单元号", "unit"],
            Field::Room => &[
                "房号",
                "房间号",
                "室号",
                "门牌号",
                "房屋号",
                "室",
                "户号",
                "room",
            ],
            Field::Address => &[
                "房屋地址",
                "地址",
                "房屋坐落",
                "坐落",
                "房屋",
                "address",
                "flat",
            ],
            Field::Area => &[
                "产权面积",
                "建筑面积",
                "面积",
                "房屋面积",
                "登记面积",
                "套内面积",
                "area_m2",
                "area",
            ],
            Field::OwnerName => &[
                "业主姓名",
                "姓名",
                "业主",
                "业主名称",
                "产权人",
                "房屋所有权人",
                "所有权人",
                "权利人",
                "owner_name",
                "name",
                "owner",
            ],
            Field::OwnerId => &["业主编号", "owner_id"],
            Field::Certificate => &[
                "身份证号",
                "身份证号码",
                "身份证",
                "证件号码",
                "证件号",
                "产权证号",
                "不动产权证号",
                "房产证号",
                "id_number",
                "certificate",
            ],
            Field::Phone => &[
                "联系电话",
                "电话",
                "手机",
                "手机号",
                "手机号码",
                "联系方式",
                "电话号码",
                "phone",
                "mobile",
            ],
            Field::Unsold => &["未售", "是否未售", "开发商持有", "unsold"],
            Field::Floor => &["楼层", "所在楼层", "层", "层次", "floor"],
        }
    }

    /// The header to suggest when the column is missing.
    pub fn suggested(self) -> &'static str {
        match self {
            Field::Area => "建筑面积(㎡)",
            other => other.headers()[0],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where each known field is in one sheet, and what was set aside.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    found: [Option<usize>; Field::ALL.len()],
    headers: Vec<String>,
    /// The 1-based row of the header.
    pub row: usize,
    /// Further area columns, not used (产权面积 taken, 套内面积 set aside).
    pub other_areas: Vec<String>,
}

impl Columns {
    pub fn get(&self, field: Field) -> Option<usize> {
        self.found[field.index()]
    }

    /// The header text of a column as written in the file (for locations).
    pub fn header(&self, column: usize) -> &str {
        self.headers.get(column).map_or("", String::as_str)
    }

    /// The header of a field's column.
    pub fn header_of(&self, field: Field) -> &str {
        self.get(field).map_or("", |c| self.header(c))
    }

    /// The fields present, in column order.
    pub fn present(&self) -> Vec<(Field, usize)> {
        let mut present: Vec<(Field, usize)> = Field::ALL
            .iter()
            .filter_map(|&f| self.get(f).map(|c| (f, c)))
            .collect();
        present.sort_by_key(|&(_, c)| c);
        present
    }

    /// Whether the flat comes from one address column (an address column, or a room column without
    /// building and unit columns beside it).
    pub fn address_column(&self) -> Option<usize> {
        self.get(Field::Address).or_else(|| {
            (self.get(Field::Building).is_none() && self.get(Field::Unit).is_none())
                .then(|| self.get(Field::Room))
                .flatten()
        })
    }

    fn missing(&self) -> Vec<Field> {
        let mut missing = Vec::new();
        if self.address_column().is_none() {
            for f in [Field::Building, Field::Unit, Field::Room] {
                if self.get(f).is_none() {
                    missing.push(f);
                }
            }
        }
        for f in [Field::Area, Field::OwnerName] {
            if self.get(f).is_none() {
                missing.push(f);
            }
        }
        missing
    }
}

/// What a sheet turned out to be.
pub enum Found {
    /// The header row and its columns.
    Roster(Box<Columns>),
    /// No row of the first ones names a roster's columns: an instructions sheet, a chart, an empty sheet.
    NotARoster,
    /// A row names some columns of a roster but others are missing or given twice.
    Broken(Vec<Problem>),
}

/// Finds the header: the first row (of the first `HEADER_SEARCH_ROWS` holding anything) that names
/// every column a roster needs; else the row naming most known columns (three or more) decides which
/// columns are missing; else the sheet is no roster.
pub fn find_header(file: &str, sheet: Option<&str>, table: &Table) -> Found {
    let mut best: Option<(usize, &TableRow)> = None;
    for row in table
        .rows
        .iter()
        .filter(|r| !r.is_blank())
        .take(HEADER_SEARCH_ROWS)
    {
        let (columns, twice) = match_row(file, sheet, row);
        if columns.missing().is_empty() {
            return if twice.is_empty() {
                Found::Roster(Box::new(columns))
            } else {
                Found::Broken(twice)
            };
        }
        let known = columns.found.iter().flatten().count();
        if known >= 3 && best.is_none_or(|(k, _)| known > k) {
            best = Some((known, row));
        }
    }
    let Some((_, row)) = best else {
        return Found::NotARoster;
    };
    let (columns, mut problems) = match_row(file, sheet, row);
    let width = columns
        .headers
        .iter()
        .rposition(|h| !h.is_empty())
        .map_or(0, |i| i + 1);
    for field in columns.missing() {
        let accepted = field.headers();
        problems.push(
            Problem::said(
                file,
                cell(row.number, width, field.suggested()),
                said!(R::NoColumn).word("field", field.label()),
                said!(R::AddColumn, header = field.suggested()).both(
                    "accepted",
                    accepted.join("、"),
                    accepted.join(", "),
                ),
            )
            .in_sheet(sheet),
        );
    }
    Found::Broken(problems)
}

/// The known columns of one row, and the problems of a field given twice.
fn match_row(file: &str, sheet: Option<&str>, row: &TableRow) -> (Columns, Vec<Problem>) {
    let headers: Vec<String> = row.cells.iter().map(|c| c.shown().to_string()).collect();
    let mut columns = Columns {
        row: row.number,
        ..Columns::default()
    };
    let mut problems = Vec::new();
    let mut area_rank = usize::MAX;
    for (column, header) in headers.iter().enumerate() {
        let Some((field, rank)) = field_of(header) else {
            continue;
        };
        let slot = &mut columns.found[field.index()];
        match *slot {
            None => {
                *slot = Some(column);
                if field == Field::Area {
                    area_rank = rank;
                }
            }
            // Several areas are common (建筑面积 and 套内面积): the registered one is used.
            Some(first) if field == Field::Area && rank != area_rank => {
                if rank < area_rank {
                    columns.other_areas.push(headers[first].clone());
                    *slot = Some(column);
                    area_rank = rank;
                } else {
                    columns.other_areas.push(header.clone());
                }
            }
            Some(first) => problems.push(
                Problem::said(
                    file,
                    cell(row.number, column, header),
                    said!(
                        R::SecondColumn,
                        letter = column_letter(first + 1),
                        first = headers[first]
                    )
                    .word("field", field.label()),
                    said!(R::KeepOneColumn).word("field", field.label()),
                )
                .in_sheet(sheet),
            ),
        }
    }
    columns.headers = headers;
    (columns, problems)
}

fn cell(row: usize, column: usize, header: &str) -> Location {
    Location::Cell {
        row,
        column: column + 1,
        header: header.to_string(),
    }
}

/// The field a header names, with the rank of the name among the field's headers.
fn field_of(header: &str) -> Option<(Field, usize)> {
    let wanted = normalise(header);
    if wanted.is_empty() {
        return None;
    }
    Field::ALL.into_iter().find_map(|f| {
        f.headers()
            .iter()
            .position(|h| normalise(h) == wanted)
            .map(|rank| (f, rank))
    })
}

/// Lower case, folded to half width, without spaces, `_`, `-`, `*` (a "required" mark) and without a
/// trailing unit in brackets.
fn normalise(header: &str) -> String {
    let mut text: String = fold_width(header)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*'))
        .collect::<String>()
        .to_lowercase();
    for unit in ["(㎡)", "(m²)", "(m2)", "(平方米)", "(平米)"] {
        if let Some(rest) = text.strip_suffix(unit) {
            text = rest.to_string();
            break;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::table::Cell;
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| TableRow {
                    number: i + 1,
                    cells: cells.iter().map(|c| Cell::text(c)).collect(),
                })
                .collect(),
            ..Table::default()
        }
    }

    fn roster(rows: &[&[&str]]) -> Columns {
        match find_header("f", None, &table(rows)) {
            Found::Roster(c) => *c,
            Found::NotARoster => panic!("not a roster"),
            Found::Broken(p) => panic!("{p:?}"),
        }
    }

    #[test]
    fn accepts_variants() {
        for (header, field) in [
            ("建筑面积(㎡)", Field::Area),
            ("建筑面积（㎡）", Field::Area),
            (" Area (m²) ", Field::Area),
            ("AREA_M2", Field::Area),
            ("产权面积", Field::Area),
            ("Owner Name", Field::OwnerName),
            ("房屋所有权人", Field::OwnerName),
            ("产权人", Field::OwnerName),
            ("楼号", Field::Building),
            ("室号", Field::Room),
            ("门牌号", Field::Room),
            ("Owner_ID", Field::OwnerId),
            ("手机号码", Field::Phone),
            ("联系方式", Field::Phone),
            ("身份证号", Field::Certificate),
            ("不动产权证号", Field::Certificate),
            ("*业主姓名", Field::OwnerName),
        ] {
            assert_eq!(field_of(header).map(|f| f.0), Some(field), "{header}");
        }
        assert_eq!(field_of("备注"), None);
        assert_eq!(field_of(""), None);
    }

    #[test]
    fn finds_the_header_below_title_lines() {
        let c = roster(&[
            &["红旗小区业主名册（2026年）"],
            &["制表单位：红旗物业", "", "日期：2026-01-05"],
            &["备注", "姓名", "室号", "单元", "楼栋", "面积"],
        ]);
        assert_eq!(c.row, 3);
        assert_eq!(c.get(Field::Building), Some(4));
        assert_eq!(c.get(Field::OwnerName), Some(1));
        assert_eq!(c.get(Field::Phone), None);
        assert_eq!(c.header(2), "室号");
    }

    #[test]
    fn prefers_the_registered_area_and_says_which_was_set_aside() {
        let c = roster(&[&["房屋地址", "套内面积", "产权面积", "产权人"]]);
        assert_eq!(c.get(Field::Area), Some(2));
        assert_eq!(c.other_areas, ["套内面积"]);
        assert_eq!(c.address_column(), Some(0));
    }

    #[test]
    fn a_room_column_alone_is_the_address() {
        let c = roster(&[&["房号", "面积", "业主"]]);
        assert_eq!(c.address_column(), Some(0));
    }

    #[test]
    fn instructions_are_no_roster() {
        assert!(matches!(
            find_header(
                "f",
                None,
                &table(&[&["填表说明"], &["1. 每户一行"], &["2. 面积保留两位小数"]])
            ),
            Found::NotARoster
        ));
    }
}
