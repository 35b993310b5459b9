//! Export time for a large estate: 20,000 owners, one estate-wide vote with 20,000 named ballots.
//! Prints the figures (target: at most 300 ms per format for the whole command, from the process's
//! start to its exit); never fails on speed.
//!
//! Run with `cargo bench --bench export`. With `PAVILION_BENCH_KEEP=FILE` the estate's database is
//! also copied to FILE (to profile a command on it).

mod common;

use std::time::{Duration, Instant};

use jiff::Timestamp;
use pavilion::domain::roster::owner_key;
use pavilion::domain::{
    Area, Choice, FlatRef, ItemPlan, MeetingKind, MeetingPlan, Owner, RosterRow, Rule, Scope,
};
use pavilion::export::{self, Format, Lang, MeetingSnapshot, Variant};
use pavilion::store::{BallotInput, Method, Presence, Store};

const SURNAMES: [&str; 12] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "欧阳", "徐",
];
const GIVEN: [&str; 16] = [
    "秀", "兰", "建", "国", "明", "华", "丽", "强", "海", "涛", "桂", "芳", "志", "德", "文", "静",
];

fn fixed_now() -> Timestamp {
    "2026-11-28T11:30:00Z".parse().unwrap()
}

fn roster() -> Vec<RosterRow> {
    let mut rows = Vec::with_capacity(20_000);
    let mut n = 0usize;
    for building in 1..=50 {
        for unit in 1..=4 {
            for floor in 1..=20 {
                for door in 1..=5 {
                    let flat = FlatRef::new(
                        building.to_string(),
                        unit.to_string(),
                        format!("{floor}{door:02}"),
                    );
                    let name = format!(
                        "{}{}{}",
                        SURNAMES[n % SURNAMES.len()],
                        GIVEN[n / 7 % GIVEN.len()],
                        GIVEN[n / 3 % GIVEN.len()]
                    );
                    rows.push(RosterRow {
                        owner: Owner {
                            key: owner_key(Some(&format!("O{n:05}")), &name, &flat),
                            name,
                            phone: Some(format!("139{n:08}")),
                        },
                        area: Area(5000 + (n as i64 * 37) % 9000),
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

fn build(path: &std::path::Path) -> i64 {
    let mut store = Store::open(path).unwrap().with_clock(fixed_now);
    store.init("大型小区").unwrap();
    let rows = roster();
    store.import_roster(&rows, "bench").unwrap();
    let plan = MeetingPlan {
        title: "全体业主大会：续聘物业服务企业".into(),
        number: None,
        kind: MeetingKind::Owners,
        starts: "2026-11-28T11:00:00Z".parse().unwrap(),
        offset: jiff::tz::Offset::from_hours(8).unwrap(),
        place: "小区广场".into(),
        host: "郭建敏".into(),
        secretary: "马长祥".into(),
        objections_to: Some("业主委员会办公室".into()),
        objections_until: Some("2026-12-12".parse().unwrap()),
        notice: Default::default(),
        items: vec![ItemPlan {
            title: "续聘物业服务企业".into(),
            raised_by: "业主委员会".into(),
            raised_from: None,
            raised_on: None,
            statement: "物业服务合同将于年底到期。".into(),
            category: None,
            proposal: Some("续聘现物业服务企业三年。".into()),
            rule: Rule::civil_code_ordinary(),
            scope: Scope::Estate,
            required_consent: Vec::new(),
            cost: None,
        }],
    };
    let meeting = store.intake(&plan, "bench").unwrap();
    for r in rows.iter().take(300) {
        store.attend(meeting, &r.flat, &Presence::Present).unwrap();
    }
    let inputs: Vec<BallotInput> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| BallotInput {
            flat: &r.flat,
            choice: match i % 10 {
                0..=6 => Choice::Yes,
                7 | 8 => Choice::No,
                _ => Choice::Abstain,
            },
            method: match i % 20 {
                0 => Method::Proxy,
                1..=9 => Method::Written,
                _ => Method::InPerson,
            },
            proxy: (i % 20 == 0).then_some("代理人"),
            reason: None,
        })
        .collect();
    store.cast_ballots(meeting, 1, &inputs).unwrap().unwrap();
    store.close_vote(meeting, 1).unwrap();
    meeting
}

/// Runs `f` a few times; the best and the median.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    times.sort();
    (times[0], times[runs / 2], last.unwrap())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    common::print_load();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let start = Instant::now();
    let meeting = build(&path);
    println!(
        "set-up: 20,000 owners, 20,000 named ballots in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    if let Some(keep) = std::env::var_os("PAVILION_BENCH_KEEP") {
        std::fs::copy(&path, &keep).unwrap();
        println!("kept the database as {}", keep.to_string_lossy());
    }
    let store = Store::open(&path).unwrap();
    const RUNS: usize = 7;

    let (best, median, snapshot) = time(RUNS, || MeetingSnapshot::gather(&store, meeting).unwrap());
    println!(
        "gather snapshot (store → MeetingSnapshot): best {} median {}",
        ms(best),
        ms(median)
    );
    let (best, median, public) = time(RUNS, || snapshot.public());
    println!(
        "mask for the public notice:                best {} median {}",
        ms(best),
        ms(median)
    );

    println!();
    println!(
        "{:<16}{:>22}{:>22}{:>14}{:>12}",
        "export", "command best/median", "in process b/m", "render only", "size"
    );
    let out = dir.path().join("out");
    for variant in [Variant::Minutes, Variant::PublicNotice] {
        for format in Format::ALL {
            // The whole command, as the secretary runs it: process start to exit, file written.
            let (cmd_best, cmd_median, ()) = time(RUNS, || {
                let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_pavilion"));
                c.arg("--db").arg(&path).args(["--lang", "zh", "export"]);
                c.arg(meeting.to_string())
                    .args(["--format", format.extension(), "--force", "-o"])
                    .arg(&out);
                if variant == Variant::PublicNotice {
                    c.arg("--public");
                }
                let done = c.output().unwrap();
                assert!(
                    done.status.success(),
                    "{}",
                    String::from_utf8_lossy(&done.stderr)
                );
            });
            let (best, median, bytes) = time(RUNS, || {
                export::export(&store, meeting, format, variant, Lang::Zh).unwrap()
            });
            let source = match variant {
                Variant::Minutes => &snapshot,
                Variant::PublicNotice => &public,
            };
            let (render, _, _) = time(RUNS, || export::render(source, format, Lang::Zh).unwrap());
            let name = format!(
                "{} {}",
                match variant {
                    Variant::Minutes => "minutes",
                    Variant::PublicNotice => "notice",
                },
                format.extension()
            );
            let verdict = if cmd_median <= Duration::from_millis(300) {
                "within 300 ms"
            } else {
                "OVER 300 ms"
            };
            println!(
                "{name:<16}{:>11}{:>11}{:>11}{:>11}{:>14}{:>9} KiB  {verdict}",
                ms(cmd_best),
                ms(cmd_median),
                ms(best),
                ms(median),
                ms(render),
                bytes.len() / 1024
            );
        }
    }
}
