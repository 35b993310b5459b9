//! Core figures: tally of a 20,000-flat estate, one ballot committed vs a plain SQLite commit,
//! and a 20,000-row roster import. Prints figures; asserts nothing about speed.
//! Run: `cargo bench --bench core`

mod common;

use std::collections::HashMap;
use std::io::Write;

use common::{FLATS, estate_rows, measure, show};
use pavilion::domain::tally::{Member, members_of, tally};
use pavilion::domain::{Area, Choice, FlatRef, RosterRow, Rule};
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
    let inputs = common::written_ballots(&rows);
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
    let reader = rusqlite::Connection::open(&path).unwrap();
    let rule = item.rule.clone();
    let t = common::pairs(
        100,
        |_| {
            std::hint::black_box(store.tally(m, 1).unwrap());
        },
        |_| {
            std::hint::black_box(tally_read_before(&reader, &rule, item.id));
        },
    );
    common::show_pairs(
        "tally from the store (index entries only)",
        "  the same count through the table rows it replaced",
        &t,
    );
    assert_eq!(
        store.tally(m, 1).unwrap().tally,
        tally_read_before(&reader, &rule, item.id),
        "the same count either way"
    );
    let p = common::pairs(
        50,
        |_| {
            std::hint::black_box(store.electorate(&item).unwrap());
        },
        |_| {
            std::hint::black_box(members_read_before(&reader, None));
        },
    );
    common::show_pairs(
        "electorate now (owner and area only)",
        "  the whole-row read it replaced",
        &p,
    );

    // 3. One ballot, committed (WAL, synchronous=FULL) vs a plain insert-and-commit in the same
    // file system, in interleaved pairs: the ratio comes from each pair, not from two separate runs.
    let runs = 200;
    let plain = common::PlainCommit::new(dir.path());
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
        |i| plain.commit(i),
    );
    // A closed vote is counted and called with the roster as it stood when it closed.
    store.close_vote(m, 2).unwrap();
    let closed = store.item(m, 2).unwrap();
    let epoch = store.roster_epoch(&closed).unwrap();
    for (item, as_of) in [(&item, None), (&closed, epoch)] {
        let sorted = |mut v: Vec<Member>| {
            v.sort_by_key(|m| m.owner);
            v
        };
        assert_eq!(
            sorted(store.electorate(item).unwrap()),
            sorted(members_read_before(&reader, as_of)),
            "the same electorate either way"
        );
    }
    let q = common::pairs(
        50,
        |_| {
            std::hint::black_box(store.electorate(&closed).unwrap());
        },
        |_| {
            std::hint::black_box(members_read_before(&reader, epoch));
        },
    );
    common::show_pairs(
        "electorate as it stood at the close (one pass)",
        "  the per-flat MAX(since) lookup it replaced",
        &q,
    );
    common::show_pairs(
        "one ballot recorded and committed",
        "plain SQLite insert + commit (same pragmas)",
        &p,
    );
}

/// The electorate as the count read it until issue 13: every column of every flat (names, keys,
/// phones), and as it stood through a lookup of the latest `since` per flat. Kept here only to
/// measure the change against.
fn members_read_before(conn: &rusqlite::Connection, as_of: Option<i64>) -> Vec<Member> {
    let sql = match as_of {
        Some(_) => {
            "SELECT f.id, f.building, f.unit, f.room, h.area_centi, h.owner_id, h.owner_name,
                    o.key, o.phone
             FROM flats f JOIN flat_history h ON h.flat_id = f.id AND h.since =
                 (SELECT MAX(x.since) FROM flat_history x WHERE x.flat_id = f.id AND x.since <= ?1)
             JOIN owners o ON o.id = h.owner_id
             WHERE h.active = 1"
        }
        None => {
            "SELECT f.id, f.building, f.unit, f.room, f.area_centi, f.owner_id, o.name, o.key,
                    o.phone
             FROM flats f JOIN owners o ON o.id = f.owner_id
             WHERE f.active = 1 AND ?1 IS NULL"
        }
    };
    let mut stmt = conn.prepare_cached(sql).unwrap();
    let rows = stmt
        .query_map([as_of], |r| {
            let _flat = FlatRef::new(
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            );
            let _name: String = r.get(6)?;
            let _key: String = r.get(7)?;
            let _phone: Option<String> = r.get(8)?;
            Ok((r.get::<_, i64>(5)?, Area(r.get(4)?)))
        })
        .unwrap();
    members_of(rows.map(Result::unwrap))
}

/// The open vote's count as it was read until this session's indexes: the flats table's rows
/// (owner and area), each ballot through `ballots_current` and its row, a SipHash map. Kept here
/// only to measure the change against.
fn tally_read_before(
    conn: &rusqlite::Connection,
    rule: &Rule,
    item: i64,
) -> pavilion::domain::Tally {
    let mut stmt = conn
        .prepare_cached(
            "SELECT f.owner_id, f.area_centi FROM flats f NOT INDEXED
             WHERE f.active = 1 ORDER BY f.id",
        )
        .unwrap();
    let members = members_of(
        stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, Area(r.get(1)?))))
            .unwrap()
            .map(Result::unwrap),
    );
    let mut stmt = conn
        .prepare_cached(
            "SELECT owner_id, choice FROM ballots INDEXED BY ballots_current
             WHERE item_id = ?1 AND current = 1 AND choice IS NOT NULL",
        )
        .unwrap();
    let choices: HashMap<i64, Choice> = stmt
        .query_map([item], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Choice::parse(&r.get::<_, String>(1)?).unwrap(),
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tally(rule, &members, &choices, &[])
}
