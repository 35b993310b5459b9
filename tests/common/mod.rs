//! Shared set-up for integration tests: a real SQLite file in a temp dir, a small estate.
#![allow(dead_code)]

pub mod cli;
pub mod cost_example;
pub mod docx;
pub mod print;
pub mod tui;
pub mod workbook;
pub mod xlsx;

use std::path::PathBuf;

use jiff::Timestamp;
use pavilion::domain::cost::{Coefficient, CostPlan, Fen};
use pavilion::domain::roster::owner_key;
use pavilion::domain::{
    Area, FlatRef, ItemPlan, MeetingKind, MeetingPlan, Owner, RosterRow, Rule, Scope,
};
use pavilion::store::Store;

pub fn fixed_now() -> Timestamp {
    "2026-11-28T11:05:00Z".parse().unwrap()
}

pub fn row(flat: &str, area: &str, id: Option<&str>, name: &str) -> RosterRow {
    let flat = FlatRef::parse(flat).unwrap();
    RosterRow {
        owner: Owner {
            key: owner_key(id, name, &flat),
            name: name.into(),
            phone: Some("13800000000".into()),
        },
        area: Area::parse(area).unwrap(),
        flat,
        floor: None,
    }
}

/// Unit 3-2 with 12 flats of 80.00 m², each its own owner, plus two flats elsewhere.
pub fn twelve_flat_unit() -> Vec<RosterRow> {
    let mut rows = Vec::new();
    for floor in 1..=6 {
        for door in 1..=2 {
            let room = format!("3-2-{floor}0{door}");
            rows.push(row(
                &room,
                "80.00",
                Some(&format!("O{floor}{door}")),
                &format!("业主{floor}{door}"),
            ));
        }
    }
    rows.push(row("3-1-101", "70.00", Some("X1"), "甲"));
    rows.push(row("4-1-101", "90.00", Some("X2"), "乙"));
    rows
}

pub fn item(title: &str, rule: Rule, scope: Scope, consents: &[&str]) -> ItemPlan {
    ItemPlan {
        title: title.into(),
        raised_by: "王秀兰".into(),
        raised_from: Some(FlatRef::parse("3-2-501").unwrap()),
        raised_on: Some("2026-10-20".parse().unwrap()),
        statement: "老人上下楼太难了。".into(),
        category: None,
        proposal: None,
        rule,
        scope,
        required_consent: consents
            .iter()
            .map(|f| FlatRef::parse(f).unwrap())
            .collect(),
        cost: None,
    }
}

pub fn meeting(items: Vec<ItemPlan>) -> MeetingPlan {
    meeting_plan(
        "红旗小区 3号楼加装电梯议事会",
        "2026-11-28T11:00:00Z",
        items,
    )
}

/// A meeting at 莲心亭 (UTC+8) with the given title, start (UTC) and items.
pub fn meeting_plan(title: &str, starts: &str, items: Vec<ItemPlan>) -> MeetingPlan {
    MeetingPlan {
        title: title.into(),
        number: None,
        kind: MeetingKind::Owners,
        starts: starts.parse().unwrap(),
        offset: jiff::tz::Offset::from_hours(8).unwrap(),
        place: "莲心亭".into(),
        host: "郭建敏".into(),
        secretary: "马长祥".into(),
        objections_to: None,
        objections_until: None,
        notice: Default::default(),
        items,
    }
}

/// A fresh database file with the estate, the roster and one meeting: item 1 an elevator retrofit
/// of unit 3-2 (major rule, consent of 3-2-101), item 2 a show of hands for the estate.
pub fn estate() -> (tempfile::TempDir, PathBuf, Store, i64) {
    estate_with(vec![
        item(
            "3号楼2单元加装电梯",
            Rule::civil_code_major(),
            Scope::parse("3-2").unwrap(),
            &["3-2-101"],
        ),
        item("划停车线", Rule::show_of_hands(), Scope::Estate, &[]),
    ])
}

/// A fresh database file with the estate, the twelve-flat unit's roster and one meeting of
/// `items`.
pub fn estate_with(items: Vec<ItemPlan>) -> (tempfile::TempDir, PathBuf, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pavilion.db");
    let mut store = Store::open(&path).unwrap().with_clock(fixed_now);
    store.init("红旗小区").unwrap();
    store.import_roster(&twelve_flat_unit(), "test").unwrap();
    let id = store.intake(&meeting(items), "test").unwrap();
    (dir, path, store, id)
}

/// `verify` passes: the tables are what the events say.
pub fn assert_intact(store: &Store) {
    let v = store.verify().unwrap();
    assert!(v.is_intact(), "verify: {:#?}", v.findings);
}
