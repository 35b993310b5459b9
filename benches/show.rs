//! The room display's figures: commit → display redrawn latency (p50/p99), and the real `pavilion show`
//! process's CPU use over 30 idle seconds. Prints figures; asserts nothing.
//! Run: `cargo bench --bench show` (the idle figure needs tmux; it is skipped, saying so, without).

use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pavilion::domain::{Choice, FlatRef};
use pavilion::lang::Lang;
use pavilion::show::draw::draw;
use pavilion::show::source::Source;
use pavilion::show::theme::{ShowTheme, ThemeName};
use pavilion::store::{BallotInput, DisplayState, Store};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const BIN: &str = env!("CARGO_BIN_EXE_pavilion");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn pavilion(db: &Path, args: &[&str]) {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("pavilion runs");
    assert!(out.status.success(), "{args:?}: {out:?}");
}

/// The sample estate (288 flats) and its elevator meeting, made with the real commands.
fn sample(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("pavilion.db");
    pavilion(&db, &["init", "--estate", "红旗小区"]);
    pavilion(&db, &["roster", "import", "agendas/roster-hongqi.csv"]);
    pavilion(&db, &["intake", "agendas/hongqi-2026-11-28-elevator.toml"]);
    db
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

/// The display's loop (as `show::run` runs it, drawing into a buffer instead of a terminal) on one
/// thread; ballots committed on another at uneven intervals; the time from each commit's return to
/// the end of the redraw that shows it.
fn latency(db: &Path) {
    let mut store = Store::open(db).unwrap();
    store
        .set_display(&DisplayState {
            meeting: Some(1),
            item: Some(1),
            ..DisplayState::default()
        })
        .unwrap();
    let (tx, rx) = mpsc::channel::<(i64, Instant)>();
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let path = db.to_path_buf();
    let display = std::thread::spawn(move || {
        let mut source = Source::new(&path, None);
        let theme = ShowTheme::new(ThemeName::Dark);
        let area = Rect::new(0, 0, 160, 48);
        let mut buf = Buffer::empty(area);
        while stop_rx.try_recv().is_err() {
            if let Some(board) = source.poll() {
                draw(
                    &board,
                    Lang::Zh,
                    &theme,
                    jiff::Timestamp::now(),
                    area,
                    &mut buf,
                );
                if let pavilion::show::model::View::Item(item) = &board.view {
                    let done = item.tally.as_ref().map_or(0, |t| t.participating.owners);
                    let _ = tx.send((done, Instant::now()));
                }
            }
            std::thread::sleep(pavilion::show::POLL);
        }
    });
    while rx.recv_timeout(Duration::from_secs(2)).is_ok() {} // the first board
    let rooms: Vec<String> = (1..=6)
        .flat_map(|f| (1..=2).map(move |d| format!("3-2-{f}0{d}")))
        .collect();
    let mut samples = Vec::new();
    let mut seed: u64 = 7;
    for round in 0..20 {
        for (i, room) in rooms.iter().enumerate() {
            // Uneven gaps (0–190 ms), so commits fall anywhere within the poll interval.
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            std::thread::sleep(
                Duration::from_millis(seed >> 33 & 0xFF).min(Duration::from_millis(190)),
            );
            let flat = FlatRef::parse(room).unwrap();
            let choice = if round % 2 == 0 {
                Choice::Yes
            } else {
                Choice::No
            };
            let mut input = BallotInput::in_person(&flat, choice);
            input.reason = (round > 0).then_some("bench");
            store.cast_ballot(1, 1, &input).unwrap();
            let committed = Instant::now();
            let want = if round == 0 { i as i64 + 1 } else { 12 };
            // Wait for the redraw showing this commit (in round 0 the count grows; later the choice
            // flips, so any redraw after the commit shows it).
            loop {
                let (done, at) = rx
                    .recv_timeout(Duration::from_secs(5))
                    .expect("the display redraws");
                if at >= committed && done >= want {
                    samples.push(at - committed);
                    break;
                }
            }
        }
    }
    let _ = stop_tx.send(());
    display.join().unwrap();
    samples.sort();
    println!(
        "show: commit → display redrawn (160×48, poll every {} ms), {} commits: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        pavilion::show::POLL.as_millis(),
        samples.len(),
        percentile(&samples, 50).as_secs_f64() * 1e3,
        percentile(&samples, 99).as_secs_f64() * 1e3,
        samples.last().unwrap().as_secs_f64() * 1e3,
    );
}

/// CPU ticks (user + system) of a process, from /proc.
fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// The real `pavilion show` in a tmux pane, left alone for 30 s.
fn idle_cpu(dir: &Path, db: &Path) {
    let tmux_ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tmux_ok || !Path::new("/proc/self/stat").exists() {
        println!("show: idle CPU skipped: needs tmux and /proc");
        return;
    }
    let socket = dir.join("bench.sock");
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .env_remove("TMUX")
            .output()
            .unwrap()
    };
    let command = format!("exec {BIN} --db '{}' show", db.display());
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "show",
        "-x",
        "160",
        "-y",
        "48",
        &command,
    ]);
    std::thread::sleep(Duration::from_secs(2));
    let pid = String::from_utf8_lossy(
        &tmux(&["display-message", "-p", "-t", "show", "#{pane_pid}"]).stdout,
    )
    .trim()
    .to_string();
    let (Some(before), start) = (cpu_ticks(&pid), Instant::now()) else {
        println!("show: idle CPU skipped: the display process was not found");
        tmux(&["kill-server"]);
        return;
    };
    std::thread::sleep(Duration::from_secs(30));
    let after = cpu_ticks(&pid).unwrap_or(before);
    let seconds = start.elapsed().as_secs_f64();
    tmux(&["kill-server"]);
    // /proc counts in clock ticks of 1/100 s on Linux.
    let cpu = (after - before) as f64 / 100.0;
    println!(
        "show: idle over {seconds:.0} s: {cpu:.2} s of CPU ({:.2}% of one core)",
        cpu / seconds * 100.0
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    latency(&db);
    idle_cpu(dir.path(), &db);
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average: {}", load.trim());
    }
}
