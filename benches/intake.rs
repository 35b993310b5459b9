//! Intake figures: a 20,000-row messy roster workbook (one sheet per building, title rows, merged
//! building cells, float noise, 合计 rows) read and checked; a 200,000-row written-ballots file (one
//! row per flat, 100,000 owners of two flats each) read, checked and recorded in one transaction.
//! Prints figures; asserts nothing about speed. Run: `cargo bench --bench intake`

mod common;
#[path = "../tests/common/xlsx.rs"]
mod xlsx;

use std::time::Instant;

use pavilion::domain::roster::owner_key;
use pavilion::domain::{Area, FlatRef, Owner, RosterRow};
use pavilion::intake::ballots::read_ballots;
use pavilion::intake::roster::{DEFAULT_SALT, import_bytes};
use pavilion::store::{Store, WrittenBallot};
use xlsx::{Sheet, Value, workbook};

fn main() {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average at start: {}", load.trim());

    // 1. A 20,000-row messy workbook: 50 buildings × 4 units × 25 floors × 4 doors.
    let mut sheets = Vec::new();
    for b in 1..=50 {
        let mut rows = vec![
            vec![Value::Text(format!("红旗小区业主名册（2026年）——{b}号楼"))],
            vec![Value::Text("制表单位：物业服务中心".into())],
            [
                "楼栋",
                "单元",
                "房号",
                "建筑面积(㎡)",
                "业主姓名",
                "联系电话",
            ]
            .iter()
            .map(|h| Value::Text(h.to_string()))
            .collect(),
        ];
        for u in 1..=4 {
            for floor in 1..=25 {
                for door in 1..=4 {
                    let n = rows.len();
                    rows.push(vec![
                        if n == 3 {
                            Value::Text(format!("{b}#楼"))
                        } else {
                            Value::Empty
                        },
                        Value::Text(format!("{u}单元")),
                        Value::Number(f64::from(floor * 100 + door)),
                        Value::Number(
                            (5000 + (n as i64 * 37) % 6000) as f64 / 100.0 * (1.0 + 2e-16),
                        ),
                        Value::Text(format!("业主{b}-{u}-{floor}{door:02}")),
                        Value::Number(
                            13_600_000_000.0 + f64::from(b * 10_000 + u * 1000 + floor * 10 + door),
                        ),
                    ]);
                }
            }
        }
        let last = rows.len();
        rows.push(vec![Value::Text("合计".into())]);
        sheets.push(Sheet {
            name: format!("{b}号楼"),
            rows,
            merges: vec!["A1:F1".into(), format!("A4:A{last}")],
        });
    }
    let bytes = workbook(&sheets);
    println!(
        "messy workbook: {} sheets, 20,000 rows, {} KB",
        sheets.len(),
        bytes.len() / 1024
    );
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let import = import_bytes("bench.xlsx", bytes.clone(), DEFAULT_SALT).expect("imports");
        times.push(start.elapsed());
        assert_eq!(import.rows.len(), 20_000);
    }
    times.sort();
    println!(
        "read and check the 20,000-row workbook: median {:?}, min {:?}, max {:?}",
        times[2], times[0], times[4]
    );

    // 2. 200,000 written ballots, one row per flat, owners of two flats each.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("b.db")).expect("store");
    store.init("bench").expect("init");
    let mut rows = Vec::with_capacity(200_000);
    for b in 1..=100 {
        for u in 1..=4 {
            for floor in 1..=100 {
                for door in 1..=5 {
                    let n = rows.len();
                    let flat =
                        FlatRef::new(b.to_string(), u.to_string(), format!("{floor}{door:02}"));
                    let id = format!("O{}", n / 2);
                    rows.push(RosterRow {
                        owner: Owner {
                            key: owner_key(Some(&id), "业主", &flat),
                            name: format!("业主{id}"),
                            phone: None,
                        },
                        area: Area(8000),
                        flat,
                        floor: None,
                    });
                }
            }
        }
    }
    let start = Instant::now();
    store.import_roster(&rows, "bench").expect("roster");
    println!("setup: 200,000-flat roster stored in {:?}", start.elapsed());
    let plan = common::meeting(&["全体表决"]);
    let meeting = store.intake(&plan, "bench").expect("meeting");
    let mut text = String::from("房号,表决意见\n");
    for (i, r) in rows.iter().enumerate() {
        let choice = if (i / 2) % 3 == 0 { "反对" } else { "同意" };
        text += &format!("{},{choice}\n", r.flat);
    }
    let file = dir.path().join("ballots.csv");
    std::fs::write(&file, &text).expect("write");
    let start = Instant::now();
    let read = read_ballots(&file).expect("ballots read");
    let reading = start.elapsed();
    let ballots: Vec<WrittenBallot> = read.into_iter().map(Into::into).collect();
    let (start, cpu) = (Instant::now(), common::cpu_time());
    let outcome = store
        .import_written_ballots(meeting, 1, &ballots, None)
        .expect("store")
        .expect("accepted");
    let recording = start.elapsed();
    let cpu = common::cpu_time().zip(cpu).map(|(b, a)| b - a);
    assert_eq!(outcome.recorded, 100_000);
    println!(
        "200,000-row ballot file ({} KB): read {reading:?}, checked and recorded {recording:?} \
         (CPU {cpu:?}; {} ballots, {} further flats of the same owners)",
        text.len() / 1024,
        outcome.recorded,
        outcome.extra_rows
    );
}
