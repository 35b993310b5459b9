//! Which column holds what: header names in Chinese or English, with the variants rosters use.

use super::table::TableRow;
use crate::intake::problem::column_letter;
use crate::intake::{Location, Problem};

/// A column the roster reader knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Building,
    Unit,
    Room,
    Area,
    OwnerName,
    OwnerId,
    Phone,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Building,
        Field::Unit,
        Field::Room,
        Field::Area,
        Field::OwnerName,
        Field::OwnerId,
        Field::Phone,
    ];

    pub fn required(self) -> bool {
        !matches!(self, Field::OwnerId | Field::Phone)
    }

    /// In English, for messages: "the building is empty".
    pub fn label(self) -> &'static str {
        match self {
            Field::Building => "building",
            Field::Unit => "unit",
            Field::Room => "room",
            Field::Area => "area",
            Field::OwnerName => "owner name",
            Field::OwnerId => "owner id",
            Field::Phone => "phone",
        }
    }

    /// Accepted headers, the usual Chinese one first. Matching ignores case, spaces, `_`, `-`,
    /// full-width brackets and a unit in brackets, so 建筑面积（㎡） and "Area (m²)" match too.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Building => &["楼栋", "楼栋号", "楼号", "栋", "幢", "building"],
            Field::Unit => &["单元", "单元号", "unit"],
            Field::Room => &["房号", "房间号", "室", "room"],
            Field::Area => &["建筑面积(㎡)", "建筑面积", "面积", "area_m2", "area"],
            Field::OwnerName => &["业主姓名", "姓名", "业主", "owner_name", "name"],
            Field::OwnerId => &["业主编号", "owner_id"],
            Field::Phone => &["联系电话", "电话", "手机", "手机号", "phone"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where each known field is: 0-based column index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    found: [Option<usize>; 7],
    headers: Vec<String>,
}

impl Columns {
    pub fn get(&self, field: Field) -> Option<usize> {
        self.found[field.index()]
    }

    /// The header text of a column as written in the file (for locations).
    pub fn header(&self, column: usize) -> &str {
        self.headers.get(column).map_or("", String::as_str)
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
}

/// Reads the header row. Unknown columns are ignored; a missing required column or one given twice
/// is a problem.
pub fn match_headers(file: &str, row: &TableRow) -> Result<Columns, Vec<Problem>> {
    let headers: Vec<String> = row.cells.iter().map(|c| c.shown().to_string()).collect();
    let mut found = [None; 7];
    let mut problems = Vec::new();
    for (column, header) in headers.iter().enumerate() {
        let Some(field) = field_of(header) else {
            continue;
        };
        match found[field.index()] {
            None => found[field.index()] = Some(column),
            Some(first) => problems.push(Problem::new(
                file,
                cell(row.number, column, header),
                format!(
                    "a second {} column (column {} is already {})",
                    field.label(),
                    column_letter(first + 1),
                    headers[first]
                ),
                format!(
                    "keep one {} column: delete or rename this one",
                    field.label()
                ),
            )),
        }
    }
    let missing: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| f.required() && found[f.index()].is_none())
        .collect();
    if missing.len() == Field::ALL.iter().filter(|f| f.required()).count() {
        // Nothing recognised: a title row above the header, or no header at all.
        return Err(vec![Problem::new(
            file,
            Location::File,
            format!(
                "row {} does not name the columns (it reads '{}')",
                row.number,
                preview(&headers)
            ),
            "the first row must be the header: 楼栋, 单元, 房号, 建筑面积(㎡), 业主姓名 \
             (or building, unit, room, area_m2, owner_name); delete any title rows above it",
        )]);
    }
    let width = headers
        .iter()
        .rposition(|h| !h.is_empty())
        .map_or(0, |i| i + 1);
    for field in missing {
        let names = field.headers();
        problems.push(Problem::new(
            file,
            cell(row.number, width, names[0]),
            format!("there is no {} column", field.label()),
            format!(
                "add a column headed {} (accepted headers: {})",
                names[0],
                names.join(", ")
            ),
        ));
    }
    if problems.is_empty() {
        Ok(Columns { found, headers })
    } else {
        Err(problems)
    }
}

fn cell(row: usize, column: usize, header: &str) -> Location {
    Location::Cell {
        row,
        column: column + 1,
        header: header.to_string(),
    }
}

fn field_of(header: &str) -> Option<Field> {
    let wanted = normalise(header);
    if wanted.is_empty() {
        return None;
    }
    Field::ALL
        .into_iter()
        .find(|f| f.headers().iter().any(|h| normalise(h) == wanted))
}

/// Lower case, without spaces, `_` or `-`, and without a trailing unit in brackets.
fn normalise(header: &str) -> String {
    let mut text: String = header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
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

/// The first few cells of a row, for a message.
fn preview(headers: &[String]) -> String {
    let cells: Vec<&str> = headers
        .iter()
        .map(String::as_str)
        .filter(|h| !h.is_empty())
        .take(4)
        .collect();
    let text = cells.join(", ");
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::Cell;
    use super::*;

    fn row(cells: &[&str]) -> TableRow {
        TableRow {
            number: 1,
            cells: cells.iter().map(|c| Cell::text(c)).collect(),
        }
    }

    #[test]
    fn accepts_variants() {
        for (header, field) in [
            ("建筑面积(㎡)", Field::Area),
            ("建筑面积（㎡）", Field::Area),
            (" Area (m²) ", Field::Area),
            ("AREA_M2", Field::Area),
            ("面积", Field::Area),
            ("Owner Name", Field::OwnerName),
            ("业主", Field::OwnerName),
            ("楼号", Field::Building),
            ("Owner_ID", Field::OwnerId),
            ("联系电话", Field::Phone),
        ] {
            assert_eq!(field_of(header), Some(field), "{header}");
        }
        assert_eq!(field_of("备注"), None);
        assert_eq!(field_of(""), None);
    }

    #[test]
    fn finds_columns_in_any_order() {
        let columns = match_headers(
            "f",
            &row(&["备注", "name", "room", "unit", "building", "area"]),
        )
        .unwrap();
        assert_eq!(columns.get(Field::Building), Some(4));
        assert_eq!(columns.get(Field::OwnerName), Some(1));
        assert_eq!(columns.get(Field::Phone), None);
        assert_eq!(columns.header(2), "room");
    }
}
