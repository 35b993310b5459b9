//! `verify` on a large record: a 20,000-flat estate, 30 meetings of 5 voted items each, every vote
//! closed. Each meeting has one estate-wide vote in which two thirds of the owners took part
//! (written ballots collected door to door) and four votes of one building (elevators, parking)
//! with three quarters of its owners. Prints figures; asserts nothing about speed.
//! Run: `cargo bench --bench verify`

mod common;

use std::time::Instant;

use common::{estate_rows, measure, show};
use pavilion::domain::{ItemPlan, Rule, Scope};
use pavilion::store::Store;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rows = estate_rows();
    let path = dir.path().join("verify.db");
    let mut store = Store::open(&path).unwrap();
    store.init("基准小区").unwrap();
    store.import_roster(&rows, "bench").unwrap();
    let built = Instant::now();
    let mut ballots = 0usize;
    for m in 0..30 {
        let mut plan = common::meeting(&["全体表决", "一", "二", "三", "四"]);
        plan.title = format!("基准会议 {m}");
        for (k, item) in plan.items.iter_mut().enumerate().skip(1) {
            let building = (m * 4 + k) % 50 + 1;
            *item = ItemPlan {
                rule: Rule::civil_code_ordinary(),
                scope: Scope::Building(building.to_string()),
                ..item.clone()
            };
        }
        let meeting = store.intake(&plan, "bench").unwrap();
        for (k, item) in plan.items.iter().enumerate() {
            // The second flat of a two-flat owner is left out: an owner votes once.
            let inputs = common::written_where(&rows, m, |i, r| {
                i % 10 != 1
                    && item.scope.contains(&r.flat)
                    && if k == 0 { i % 3 != 0 } else { i % 4 != 0 }
            });
            ballots += inputs.len();
            store
                .cast_ballots(meeting, k as i64 + 1, &inputs)
                .unwrap()
                .unwrap();
            store.close_vote(meeting, k as i64 + 1).unwrap();
        }
    }
    let events = store.events(None).unwrap().len();
    println!(
        "record: 20,000 flats, 30 meetings × 5 closed votes, {ballots} ballots, {events} events (built in {:.1?})",
        built.elapsed()
    );
    drop(store);
    let store = Store::open_read_only(&path).unwrap();
    let mut checked = 0;
    let stats = measure(3, |_| {
        let v = store.verify().unwrap();
        assert!(v.is_intact(), "{:#?}", v.findings);
        checked = v.events;
    });
    show(
        &format!("verify, {checked} events, 150 votes counted again"),
        &stats,
    );
}
