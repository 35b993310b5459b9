//! At 100,000 flats: start-up to first frame, opening the roll call, export per format, and the
//! memory each needs (peak resident set, reset before each). The targets: start-up and roll
//! call ≤ 150 ms, export ≤ 1 s, memory ≤ 100 MiB. Prints figures; asserts nothing about speed.
//! Run: `cargo bench --bench scale`

mod common;

use std::time::Instant;

use common::{estate_of, measure, once, show};
use pavilion::domain::RosterRow;
use pavilion::export::{self, Format, Lang, Variant};
use pavilion::store::Store;
use pavilion::tui::app::App;
use pavilion::tui::model::Model;
use pavilion::tui::theme::Theme;
use pavilion::tui::worker::{Reply, execute};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const BUILDINGS: usize = 250;

/// Resets the process's peak resident set (Linux: `clear_refs` 5), so the next peak is one step's.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The peak resident set since the last reset, in MiB.
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
    common::print_load();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("estate.db");
    let rows: Vec<RosterRow> = estate_of(BUILDINGS);
    let meeting = once(
        &format!(
            "build: {} flats, one estate-wide vote, 80% voted",
            rows.len()
        ),
        || {
            let mut store = Store::open(&path).unwrap();
            store.init("基准小区").unwrap();
            store.import_roster(&rows, "bench").unwrap();
            let m = store
                .intake(&common::meeting(&["全体表决"]), "bench")
                .unwrap();
            let inputs = common::written_ballots(&rows);
            store.cast_ballots(m, 1, &inputs).unwrap().unwrap();
            m
        },
    );
    drop(rows);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();

    // Start-up as `run` does it: open the file, load the meeting, draw the first frame.
    reset_peak();
    let startup = measure(10, |_| {
        let store = Store::open_existing(&path).unwrap();
        let mut app = App::new(Lang::Zh, Theme::colour(), jiff::civil::date(2026, 11, 28));
        app.on_reply(Reply::Model(Box::new(
            Model::load(&store, meeting).unwrap(),
        )));
        terminal.draw(|f| app.draw(f)).unwrap();
    });
    show("start-up to first frame (target ≤ 150 ms)", &startup);
    println!("  peak memory: {}", peak_mib());

    // Opening the roll call of the estate-wide vote from the overview, drawn.
    let mut store = Store::open_existing(&path).unwrap();
    reset_peak();
    let mut times = Vec::new();
    for _ in 0..5 {
        let mut app = App::new(Lang::Zh, Theme::colour(), jiff::civil::date(2026, 11, 28));
        app.take_requests();
        app.on_reply(Reply::Model(Box::new(
            Model::load(&store, meeting).unwrap(),
        )));
        let t = Instant::now();
        app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        app.on_key(KeyEvent::new(KeyCode::Char('v'), KeyModifiers::NONE));
        loop {
            let requests = app.take_requests();
            if requests.is_empty() {
                break;
            }
            for r in requests {
                for reply in execute(&mut store, meeting, r) {
                    app.on_reply(reply);
                }
            }
        }
        terminal.draw(|f| app.draw(f)).unwrap();
        times.push(t.elapsed());
        assert!(app.roll.is_some(), "the roll call opened");
    }
    let roll = common::stats(times);
    show(
        "overview → roll call open and drawn (target ≤ 150 ms)",
        &roll,
    );
    println!("  peak memory: {}", peak_mib());

    for (label, format) in [
        ("markdown", Format::Markdown),
        ("html", Format::Html),
        ("json", Format::Json),
        ("csv", Format::Csv),
        ("docx", Format::Docx),
    ] {
        reset_peak();
        let s = measure(3, |_| {
            std::hint::black_box(
                export::export(&store, meeting, format, Variant::Minutes, Lang::Zh).unwrap(),
            );
        });
        show(&format!("export {label}, minutes (target ≤ 1 s)"), &s);
        println!("  peak memory: {}", peak_mib());
    }
}
