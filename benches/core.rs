//! Core figures: tally of a 20,000-flat estate, one ballot committed vs a plain SQLite commit,
//! and a 20,000-row roster import. Prints figures; asserts nothing about speed.
//! Run: `cargo bench --bench core`

mod common;

use std::collections::HashMap;
use std::io::Write;

use common::{FLATS, estate_rows, measure, show};
use pavilion::domain::tally::{members_of, tally};
use pavilion::domain::{Choice, RosterRow, Rule};
use pavilion::intake::roster::read_roster;
use pavilion::store::{BallotInput, Method, Store};

fn main() {
    common::print_load();
    let dir = tempfile::tempdir().expect("temp dir");
    let rows = estate_rows();

    // 1. Roster import of 20,000 rows: read the CSV file and write the store.
    let csv_path = dir.path().join("roster-20000.csv");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&csv_path).unwrap());
        writeln!(f, "楼栋,单元,房号,建筑面积(㎡),业主姓名,业主编号,联系电话").unwrap();
        for r in &rows {
            let fl = &r.flat;
            writeln!(
                f,
                "{},{},{},{},{},{},",
                fl.building, fl.unit, fl.room, r.area, r.owner.name, r.owner.key
            )
            .unwrap();
        }
    }
    let import = measure(5, |i| {
        let path = dir.path().join(format!("import-{i}.db"));
        let mut store = Store::open(&path).unwrap();
        store.init("基准小区").unwrap();
        let parsed = read_roster(&csv_path).unwrap();
        store.import_roster(&parsed, "bench").unwrap();
    });
    show("roster import, 20,000 rows CSV (parse + write)", &import);

    // An estate with one estate-wide item and a ballot from 80% of owners.
    let path = dir.path().join("estate.db");
    let mut store = Store::open(&path).unwrap();
    store.init("基准小区").unwrap();
    store.import_roster(&rows, "bench").unwrap();
    let plan = common::meeting(&["全体表决", "逐票记录"]);
    let m = store.intake(&plan, "bench").unwrap();
    let voters: Vec<&RosterRow> = rows.iter().step_by(5).skip(1).collect();
    let inputs: Vec<BallotInput> = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 5 != 0 && i % 10 != 1)
        .map(|(i, r)| BallotInput {
            flat: &r.flat,
            choice: Choice::ALL[i % 3],
            method: Method::Written,
            proxy: None,
            reason: None,
        })
        .collect();
    store.cast_ballots(m, 1, &inputs).unwrap().unwrap();

    // 2. Tally from scratch: the pure count, and the store's (read ballots and roster, then count).
    let members = members_of(
        rows.iter()
            .enumerate()
            .map(|(i, r)| (if i % 10 == 1 { i as i64 - 1 } else { i as i64 }, r.area)),
    );
    let ballots: HashMap<i64, Choice> = members
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 5 != 0)
        .map(|(i, m)| (m.owner, Choice::ALL[i % 3]))
        .collect();
    let pure = measure(200, |_| {
        std::hint::black_box(tally(&Rule::civil_code_major(), &members, &ballots, &[]));
    });
    show(
        &format!("tally, pure, {} owners / {FLATS} flats", members.len()),
        &pure,
    );
    let stored = measure(50, |_| {
        std::hint::black_box(store.tally(m, 1).unwrap());
    });
    show(
        &format!(
            "tally from the store, {FLATS} flats, {} ballots",
            inputs.len()
        ),
        &stored,
    );
    let item = store.item(m, 1).unwrap();
    let electorate = measure(50, |_| {
        std::hint::black_box(store.electorate(&item).unwrap());
    });
    show(
        "  of which: electorate (owners and areas in scope)",
        &electorate,
    );
    let current = measure(50, |_| {
        std::hint::black_box(store.current_choices(item.id).unwrap());
    });
    show("  of which: current ballots", &current);

    // 3. One ballot, committed (WAL, synchronous=FULL) vs a plain insert-and-commit in the same
    // file system, in interleaved pairs: the ratio comes from each pair, not from two separate runs.
    let runs = 200;
    let plain_path = dir.path().join("plain.db");
    let plain = rusqlite::Connection::open(&plain_path).unwrap();
    plain.pragma_update(None, "journal_mode", "WAL").unwrap();
    plain.pragma_update(None, "synchronous", "FULL").unwrap();
    plain
        .execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, owner INTEGER, choice TEXT, at TEXT)",
            [],
        )
        .unwrap();
    let p = common::pairs(
        runs,
        |i| {
            let r = voters[i % voters.len()];
            let input = BallotInput {
                flat: &r.flat,
                choice: if i % 2 == 0 { Choice::Yes } else { Choice::No },
                method: Method::InPerson,
                proxy: None,
                reason: None,
            };
            store.cast_ballot(m, 2, &input).unwrap();
        },
        |i| {
            plain
                .execute(
                    "INSERT INTO t (owner, choice, at) VALUES (?1, 'yes', '2026-11-28T11:00:00Z')",
                    [i as i64],
                )
                .unwrap();
        },
    );
    show("one ballot recorded and committed", &p.a);
    show("plain SQLite insert + commit (same pragmas)", &p.b);
    println!(
        "ballot / plain commit, per interleaved pair ({runs} pairs): median {:.2}×, p99 {:.2}×",
        p.ratio_median, p.ratio_p99
    );
}
