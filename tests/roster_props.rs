//! Property: a roster written in the plain form, and the same roster written with the variations
//! real files show (full-width digits, 3#楼, 三号楼, 一单元, 0501室, 501.0, zero-width characters,
//! padded names, title rows, merged or blank building/unit cells, float noise, a 合计 row, tabs,
//! one sheet per building), import to the same flats, owners and areas.

mod common;

use common::xlsx::{Sheet, Value, workbook};
use pavilion::domain::RosterRow;
use pavilion::intake::roster::{DEFAULT_SALT, import_bytes};
use proptest::prelude::*;

/// One flat of the plain roster: building, unit, floor, door, area in hundredths, owner number.
type Flat = (u32, u32, u32, u32, i64, u32);

const HEADER: [&str; 6] = [
    "楼栋",
    "单元",
    "房号",
    "建筑面积(㎡)",
    "业主姓名",
    "业主编号",
];

/// How each cell of a row is written in the variant file.
#[derive(Clone, Debug)]
struct Style {
    building: u8,
    unit: u8,
    room: u8,
    noise: u8,
    padded: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (0u8..7, 0u8..4, 0u8..6, 0u8..3, any::<bool>()).prop_map(
        |(building, unit, room, noise, padded)| Style {
            building,
            unit,
            room,
            noise,
            padded,
        },
    )
}

fn roster() -> impl Strategy<Value = Vec<(Flat, Style)>> {
    prop::collection::btree_map(
        (1u32..=12, 1u32..=6, 1u32..=18, 1u32..=4),
        (3_000i64..=20_000, 0u32..40, style()),
        1..40,
    )
    .prop_map(|m| {
        m.into_iter()
            .map(|((b, u, f, d), (area, owner, s))| ((b, u, f, d, area, owner), s))
            .collect()
    })
}

const CN: [&str; 13] = [
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

fn full_width(t: &str) -> String {
    t.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            c => c,
        })
        .collect()
}

fn building(b: u32, s: u8) -> String {
    match s {
        0 => b.to_string(),
        1 => format!("{b}#"),
        2 => format!("{b}#楼"),
        3 => format!("{b}号楼"),
        4 => format!("{}号楼", CN[b as usize]),
        5 => full_width(&b.to_string()),
        _ => format!("0{b}"),
    }
}

fn unit(u: u32, s: u8) -> String {
    match s {
        0 => u.to_string(),
        1 => format!("{u}单元"),
        2 => format!("{}单元", CN[u as usize]),
        _ => format!("第{u}单元"),
    }
}

fn room(f: u32, d: u32, s: u8) -> String {
    let r = format!("{f}{d:02}");
    match s {
        0 => r,
        1 => format!("{r}室"),
        2 => format!("0{r}"),
        3 => format!("{r}.0"),
        4 => full_width(&r),
        _ => format!("\u{200B}{r}\u{FEFF}"),
    }
}

fn area(centi: i64, s: u8) -> String {
    let plain = format!("{}.{:02}", centi / 100, centi % 100);
    match s {
        0 => plain,
        1 => format!("{plain}0000000001"),
        _ => format!("{}.{:02}999999999", (centi - 1) / 100, (centi - 1) % 100),
    }
}

fn name(owner: u32, padded: bool) -> String {
    if padded {
        format!("业\u{3000}主 {owner}")
    } else {
        format!("业主{owner}")
    }
}

fn plain_csv(flats: &[(Flat, Style)]) -> Vec<u8> {
    let mut t = HEADER.join(",") + "\n";
    for ((b, u, f, d, a, o), _) in flats {
        t += &format!(
            "{b},{u},{f}{d:02},{}.{:02},{},O{o}\n",
            a / 100,
            a % 100,
            name(*o, false)
        );
    }
    t.into_bytes()
}

/// The variant CSV: title rows, tab-separated when asked, building/unit left blank under the row
/// above (as a CSV of merged cells comes out), a 合计 row.
fn variant_csv(flats: &[(Flat, Style)], titles: usize, tabs: bool) -> Vec<u8> {
    let sep = if tabs { "\t" } else { "," };
    let mut t = String::new();
    for i in 0..titles {
        t += &format!("红旗小区业主名册（第{i}稿）\n");
    }
    t += &(HEADER.join(sep) + "\n");
    let mut previous: Option<(u32, u32)> = None;
    for ((b, u, f, d, a, o), s) in flats {
        let same_building = previous.is_some_and(|(pb, _)| pb == *b);
        let same_unit = previous == Some((*b, *u));
        let cells = [
            if same_building {
                String::new()
            } else {
                building(*b, s.building)
            },
            if same_unit {
                String::new()
            } else {
                unit(*u, s.unit)
            },
            room(*f, *d, s.room),
            area(*a, s.noise),
            name(*o, s.padded),
            format!("O{o}"),
        ];
        t += &(cells.join(sep) + "\n");
        previous = Some((*b, *u));
    }
    t += &format!("合计{sep}{sep}{sep}{sep}{sep}\n");
    t.into_bytes()
}

/// The variant workbook: one sheet per building, a title row, building merged down the sheet,
/// numbers with float noise, a 合计 row.
fn variant_xlsx(flats: &[(Flat, Style)]) -> Vec<u8> {
    let mut sheets: Vec<Sheet> = Vec::new();
    for ((b, u, f, d, a, o), s) in flats {
        if sheets.last().is_none_or(|sh| sh.name != format!("{b}栋")) {
            sheets.push(Sheet {
                name: format!("{b}栋"),
                rows: vec![
                    vec![Value::Text("业主名册".into())],
                    HEADER.iter().map(|h| Value::Text(h.to_string())).collect(),
                ],
                merges: vec!["A1:F1".into()],
            });
        }
        let sheet = sheets.last_mut().unwrap();
        let first = sheet.rows.len() == 2;
        let area = *a as f64 / 100.0 * (1.0 + 1e-15 * f64::from(s.noise));
        sheet.rows.push(vec![
            if first {
                Value::Text(building(*b, s.building))
            } else {
                Value::Empty
            },
            Value::Text(unit(*u, s.unit)),
            Value::Number(f64::from(f * 100 + d)),
            Value::Number(area),
            Value::Text(name(*o, s.padded)),
            Value::Text(format!("O{o}")),
        ]);
    }
    for sheet in &mut sheets {
        let last = sheet.rows.len();
        if last > 3 {
            sheet.merges.push(format!("A3:A{last}"));
        }
        sheet.rows.push(vec![Value::Text("合计".into())]);
    }
    workbook(&sheets)
}

fn import(name: &str, bytes: Vec<u8>) -> Result<Vec<RosterRow>, String> {
    import_bytes(name, bytes, DEFAULT_SALT)
        .map(|i| i.rows)
        .map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn variations_import_to_the_same_roster(
        flats in roster(),
        titles in 0usize..3,
        tabs in any::<bool>(),
    ) {
        let plain = import("plain.csv", plain_csv(&flats)).unwrap();
        prop_assert_eq!(plain.len(), flats.len());
        let csv = import("variant.csv", variant_csv(&flats, titles, tabs));
        prop_assert_eq!(csv.as_ref(), Ok(&plain));
        let xlsx = import("variant.xlsx", variant_xlsx(&flats));
        prop_assert_eq!(xlsx.as_ref(), Ok(&plain));
    }
}

/// The variations are really there (a guard against a generator that writes the plain form).
#[test]
fn the_variant_files_differ_from_the_plain_one() {
    let s = |building, unit, room, noise, padded| Style {
        building,
        unit,
        room,
        noise,
        padded,
    };
    let flats = vec![
        ((3, 2, 5, 1, 5505, 1), s(4, 2, 2, 2, true)),
        ((3, 2, 5, 2, 7485, 1), s(2, 1, 5, 1, false)),
    ];
    let text = String::from_utf8(variant_csv(&flats, 1, false)).unwrap();
    assert_eq!(
        text,
        "红旗小区业主名册（第0稿）\n楼栋,单元,房号,建筑面积(㎡),业主姓名,业主编号\n\
         三号楼,二单元,0501,55.04999999999,业\u{3000}主 1,O1\n\
         ,,\u{200B}502\u{FEFF},74.850000000001,业主1,O1\n合计,,,,,\n"
    );
    let rows = import("v.csv", variant_csv(&flats, 1, false)).unwrap();
    assert_eq!(rows, import("p.csv", plain_csv(&flats)).unwrap());
    assert_eq!(rows[1].flat.to_string(), "3-2-502");
}
