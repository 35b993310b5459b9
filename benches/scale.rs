//! At 100,000 flats: start-up to first frame, opening the roll call, export per format, and the
//! memory each needs. The targets: start-up and roll call ≤ 150 ms, export ≤ 1 s, memory
//! ≤ 100 MiB. Each step runs in a process of its own (this bench started again with `--measure`),
//! so its peak resident set is what the program needs for it, not what building the estate left
//! behind. Prints figures; asserts nothing about speed.
//! Run: `cargo bench --bench scale`

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{estate_of, once, show};
use pavilion::domain::RosterRow;
use pavilion::export::{self, Format, Lang, Variant};
use pavilion::store::Store;
use pavilion::tui::app::App;
use pavilion::tui::model::{Model, Roster};
use pavilion::tui::theme::Theme;
use pavilion::tui::worker::{Reply, Request, Session, execute_in};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const BUILDINGS: usize = 250;

/// The peak resident set of this process, in MiB.
fn peak_mib() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| format!("{} MiB", kb / 1024))
        .unwrap_or_else(|| "unknown".into())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--measure") {
        let (step, path) = (&args[at + 1], Path::new(&args[at + 2]));
        measure_step(step, path, args[at + 3].parse().unwrap());
        return;
    }
    common::print_load();
    let dir = tempfile::tempdir().unwrap();
    // `PAVILION_SCALE_DB=FILE` keeps the estate in FILE and uses it again next time (building it
    // takes longer than the steps; handy when comparing two builds).
    let kept = std::env::var_os("PAVILION_SCALE_DB").map(std::path::PathBuf::from);
    let path = kept.clone().unwrap_or_else(|| dir.path().join("estate.db"));
    let steps: Vec<String> = std::env::var("PAVILION_SCALE_STEPS")
        .map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_else(|_| {
            ["start", "roll", "md", "html", "json", "csv", "docx"]
                .map(str::to_string)
                .to_vec()
        });
    let meeting = if kept.is_some() && path.exists() {
        1
    } else {
        build(&path)
    };
    for step in &steps {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--measure", step, &path.display().to_string()])
            .arg(meeting.to_string())
            .status()
            .unwrap();
        assert!(status.success(), "{step}: {status}");
    }
}

/// The estate: 100,000 flats, one estate-wide vote, 80% voted. Returns the meeting.
fn build(path: &Path) -> i64 {
    once(
        "build: 100,000 flats, one estate-wide vote, 80% voted",
        || {
            let rows: Vec<RosterRow> = estate_of(BUILDINGS);
            let mut store = Store::open(path).unwrap();
            store.init("基准小区").unwrap();
            store.import_roster(&rows, "bench").unwrap();
            let m = store
                .intake(&common::meeting(&["全体表决"]), "bench")
                .unwrap();
            let inputs = common::written_ballots(&rows);
            store.cast_ballots(m, 1, &inputs).unwrap().unwrap();
            m
        },
    )
}

/// One step, timed `runs` times in this process; then the process's peak resident set.
fn measure_step(step: &str, path: &Path, meeting: i64) {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let new_app = || App::new(Lang::Zh, Theme::colour(), jiff::civil::date(2026, 11, 28));
    let mut times: Vec<Duration> = Vec::new();
    let label = match step {
        // Start-up as `run` does it: open the file, load the meeting, draw the first frame (the
        // app then goes, untimed: a program that starts does not drop its screens).
        // The roster's list is read just after, on the store thread (timed apart: the sign-in
        // list is there that much later).
        "start" => {
            let mut lists = Vec::new();
            for _ in 0..10 {
                let t = Instant::now();
                let store = Store::open_existing(path).unwrap();
                let mut app = new_app();
                app.on_reply(Reply::Model(Box::new(
                    Model::load(&store, meeting).unwrap(),
                )));
                terminal.draw(|f| app.draw(f)).unwrap();
                times.push(t.elapsed());
                let t = Instant::now();
                app.on_reply(Reply::Roster(std::sync::Arc::new(
                    Roster::load(&store).unwrap(),
                )));
                lists.push(t.elapsed());
                drop((app, store));
            }
            show(
                "  then the sign-in list (store thread, after)",
                &common::stats(lists),
            );
            "start-up to first frame (target ≤ 150 ms)".to_string()
        }
        // From the overview, open the roll call of the estate-wide vote and draw it.
        "roll" => {
            let mut store = Store::open_existing(path).unwrap();
            for _ in 0..5 {
                let mut app = new_app();
                app.take_requests();
                app.on_reply(Reply::Model(Box::new(
                    Model::load(&store, meeting).unwrap(),
                )));
                // The screens and the store thread hold the roster's list by then (untimed: read
                // after the first frame).
                let mut session = Session::default();
                for reply in execute_in(&mut session, &mut store, meeting, Request::Roster) {
                    app.on_reply(reply);
                }
                let t = Instant::now();
                app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
                app.on_key(KeyEvent::new(KeyCode::Char('v'), KeyModifiers::NONE));
                loop {
                    let requests = app.take_requests();
                    if requests.is_empty() {
                        break;
                    }
                    for r in requests {
                        for reply in execute_in(&mut session, &mut store, meeting, r) {
                            app.on_reply(reply);
                        }
                    }
                }
                terminal.draw(|f| app.draw(f)).unwrap();
                times.push(t.elapsed());
                assert!(app.roll.is_some(), "the roll call opened");
            }
            "overview → roll call open and drawn (target ≤ 150 ms)".to_string()
        }
        format => {
            let (name, format) = match format {
                "md" => ("markdown", Format::Markdown),
                "html" => ("html", Format::Html),
                "json" => ("json", Format::Json),
                "csv" => ("csv", Format::Csv),
                _ => ("docx", Format::Docx),
            };
            let store = Store::open_existing(path).unwrap();
            for _ in 0..3 {
                let t = Instant::now();
                std::hint::black_box(
                    export::export(&store, meeting, format, Variant::Minutes, Lang::Zh).unwrap(),
                );
                times.push(t.elapsed());
            }
            format!("export {name}, minutes (target ≤ 1 s)")
        }
    };
    show(&label, &common::stats(times));
    println!("  peak memory of the process: {}", peak_mib());
}
