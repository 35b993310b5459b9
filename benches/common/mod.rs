//! Shared by the benchmarks: a 20,000-flat estate and a timing helper that prints figures.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use pavilion::domain::roster::owner_key;
use pavilion::domain::{
    Area, FlatRef, ItemPlan, MeetingKind, MeetingPlan, Owner, RosterRow, Rule, Scope,
};

pub const FLATS: usize = 20_000;

/// 50 buildings × 4 units × 25 floors × 4 doors; every 10th owner holds two flats.
pub fn estate_rows() -> Vec<RosterRow> {
    estate_of(50)
}

/// `buildings` × 4 units × 25 floors × 4 doors (400 flats a building); every 10th owner holds two.
pub fn estate_of(buildings: usize) -> Vec<RosterRow> {
    let mut rows = Vec::with_capacity(buildings * 400);
    let mut n = 0usize;
    for b in 1..=buildings {
        for u in 1..=4 {
            for floor in 1..=25 {
                for door in 1..=4 {
                    let flat =
                        FlatRef::new(b.to_string(), u.to_string(), format!("{floor}{door:02}"));
                    let id = if n % 10 == 1 {
                        format!("O{}", n - 1)
                    } else {
                        format!("O{n}")
                    };
                    rows.push(RosterRow {
                        owner: Owner {
                            key: owner_key(Some(&id), "业主", &flat),
                            name: format!("业主{id}"),
                            phone: None,
                        },
                        area: Area(5_000 + (n as i64 * 37) % 6_000),
                        flat,
                        floor: None,
                    });
                    n += 1;
                }
            }
        }
    }
    rows
}

pub struct Stats {
    pub median: Duration,
    pub p99: Duration,
    pub mean: Duration,
}

pub fn measure(runs: usize, mut f: impl FnMut(usize)) -> Stats {
    let mut times: Vec<Duration> = (0..runs)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed()
        })
        .collect();
    times.sort();
    let mean = times.iter().sum::<Duration>() / runs as u32;
    Stats {
        median: times[runs / 2],
        p99: times[(runs * 99 / 100).min(runs - 1)],
        mean,
    }
}

pub fn show(label: &str, s: &Stats) {
    println!(
        "{label:<52} median {:>9.3?}  p99 {:>9.3?}  mean {:>9.3?}",
        s.median, s.p99, s.mean
    );
}

/// One estate-wide item per title, under the major rule.
pub fn meeting(titles: &[&str]) -> MeetingPlan {
    let item = |title: &str| ItemPlan {
        title: title.into(),
        raised_by: "业主".into(),
        raised_from: None,
        raised_on: None,
        statement: "基准".into(),
        category: None,
        proposal: None,
        rule: Rule::civil_code_major(),
        scope: Scope::Estate,
        required_consent: vec![],
        cost: None,
    };
    MeetingPlan {
        title: "基准会议".into(),
        number: None,
        kind: MeetingKind::Owners,
        starts: "2026-11-28T11:00:00Z".parse().unwrap(),
        offset: jiff::tz::Offset::from_hours(8).unwrap(),
        place: "亭".into(),
        host: "主持".into(),
        secretary: "记录".into(),
        objections_to: None,
        objections_until: None,
        notice: Default::default(),
        items: titles.iter().map(|t| item(t)).collect(),
    }
}

/// Prints the machine's load average: every figure below is read against it.
pub fn print_load() {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_else(|_| "unknown".into());
    println!(
        "load average (1, 5, 15 min): {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
}

/// The CPU time this thread has used so far (Linux: `/proc/thread-self/schedstat`), or none
/// elsewhere. On a machine shared with busy neighbours it moves far less than the wall clock, so
/// figures are read with it.
pub fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// One sample of a one-off operation, printed.
pub fn once<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    println!("{label:<52} {:>9.3?}", t.elapsed());
    out
}

/// Interleaved A/B pairs in one run: each pair times A and B back to back (the order alternating),
/// so a swing in the disk's or the machine's speed hits both sides of a ratio alike.
pub struct Pairs {
    pub a: Stats,
    pub b: Stats,
    /// Median and p99 of the per-pair ratios A/B.
    pub ratio_median: f64,
    pub ratio_p99: f64,
    pub runs: usize,
}

pub fn stats(mut times: Vec<Duration>) -> Stats {
    times.sort();
    let runs = times.len();
    Stats {
        median: times[runs / 2],
        p99: times[(runs * 99 / 100).min(runs - 1)],
        mean: times.iter().sum::<Duration>() / runs as u32,
    }
}

pub fn pairs(runs: usize, a: impl FnMut(usize), b: impl FnMut(usize)) -> Pairs {
    pairs_after(runs, |_| {}, a, b)
}

/// The same, with `setup` run untimed before each pair (what A needs done first).
pub fn pairs_after(
    runs: usize,
    mut setup: impl FnMut(usize),
    mut a: impl FnMut(usize),
    mut b: impl FnMut(usize),
) -> Pairs {
    let mut ta = Vec::with_capacity(runs);
    let mut tb = Vec::with_capacity(runs);
    let mut ratios = Vec::with_capacity(runs);
    let time = |f: &mut dyn FnMut(usize), i: usize| {
        let t = Instant::now();
        f(i);
        t.elapsed()
    };
    for i in 0..runs {
        setup(i);
        let (da, db) = if i % 2 == 0 {
            let da = time(&mut a, i);
            (da, time(&mut b, i))
        } else {
            let db = time(&mut b, i);
            (time(&mut a, i), db)
        };
        ta.push(da);
        tb.push(db);
        ratios.push(da.as_secs_f64() / db.as_secs_f64().max(1e-9));
    }
    ratios.sort_by(f64::total_cmp);
    Pairs {
        a: stats(ta),
        b: stats(tb),
        ratio_median: ratios[runs / 2],
        ratio_p99: ratios[(runs * 99 / 100).min(runs - 1)],
        runs,
    }
}

/// A bare SQLite insert-and-commit with the store's pragmas (WAL, synchronous=FULL), in its own
/// file in the same folder: what the speed of a write is compared with.
pub struct PlainCommit(rusqlite::Connection);

impl PlainCommit {
    pub fn new(dir: &std::path::Path) -> PlainCommit {
        let conn = rusqlite::Connection::open(dir.join("plain.db")).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "synchronous", "FULL").unwrap();
        conn.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, owner INTEGER, choice TEXT, at TEXT)",
            [],
        )
        .unwrap();
        PlainCommit(conn)
    }

    pub fn commit(&self, i: usize) {
        self.0
            .execute(
                "INSERT INTO t (owner, choice, at) VALUES (?1, 'yes', '2026-11-28T11:00:00Z')",
                [i as i64],
            )
            .unwrap();
    }
}

/// Prints both sides of interleaved pairs, the ratio of their p99s, and the per-pair ratios.
pub fn show_pairs(a: &str, b: &str, p: &Pairs) {
    show(a, &p.a);
    show(b, &p.b);
    println!(
        "  {} pairs: p99 / p99 {:.2}×; per pair: median {:.2}×, p99 {:.2}×",
        p.runs,
        p.a.p99.as_secs_f64() / p.b.p99.as_secs_f64().max(1e-9),
        p.ratio_median,
        p.ratio_p99
    );
}

/// Written ballots from four owners in five (every fifth and every tenth-but-one flat stay away),
/// the choices taken in turn: the estate vote the core and scale benches count.
pub fn written_ballots(rows: &[RosterRow]) -> Vec<pavilion::store::BallotInput<'_>> {
    written_where(rows, 0, |i, _| i % 5 != 0 && i % 10 != 1)
}

/// Written ballots from the flats `keep` takes (by position and row), choices in turn from `turn`.
pub fn written_where(
    rows: &[RosterRow],
    turn: usize,
    keep: impl Fn(usize, &RosterRow) -> bool,
) -> Vec<pavilion::store::BallotInput<'_>> {
    use pavilion::domain::Choice;
    use pavilion::store::{BallotInput, Method};
    rows.iter()
        .enumerate()
        .filter(|(i, r)| keep(*i, r))
        .map(|(i, r)| BallotInput {
            flat: &r.flat,
            choice: Choice::ALL[(i + turn) % 3],
            method: Method::Written,
            proxy: None,
            reason: None,
        })
        .collect()
}
