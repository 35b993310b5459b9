//! Crash safety: the real binary in tmux, a roll call, `kill -9` at several moments; after each,
//! every ballot the screen had shown is in the database, and the database passes `verify`.
//! Also: a second host on the same database is refused, naming the one on screen.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use pavilion::tui::idle_backup::Handoff;

use common::cli::{
    BIN, Tmux, assert_verifies, ok, pavilion, row_ballot, sample_db, tmux_available,
};
use pavilion::domain::Choice;
use pavilion::store::Store;

const WAIT: Duration = Duration::from_secs(10);

#[path = "crash/exit_backups.rs"]
mod exit_backups;

/// The ballots the roll call shows: flat → choice (rows still saving, or without a ballot, are left out).
fn shown_ballots(screen: &str) -> HashMap<String, Choice> {
    let mut out = HashMap::new();
    for line in screen.lines() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let Some(pos) = tokens.iter().position(|t| t.starts_with("3-2-")) else {
            continue;
        };
        // flat, owner, area, presence, ballot
        let Some(ballot) = tokens.get(pos + 4) else {
            continue;
        };
        let choice = if ballot.starts_with("Yes") {
            Choice::Yes
        } else if ballot.starts_with("No") {
            Choice::No
        } else if ballot.starts_with("Abstain") {
            Choice::Abstain
        } else {
            continue;
        };
        out.insert(tokens[pos].to_string(), choice);
    }
    out
}

/// The roll call of item 1 as stored: flat → (current choice, every choice in its history).
fn stored_ballots(db: &Path) -> HashMap<String, (Option<Choice>, Vec<Choice>)> {
    let store = Store::open(db).unwrap();
    let item = store.item(1, 1).unwrap();
    let mut out: HashMap<String, (Option<Choice>, Vec<Choice>)> = HashMap::new();
    for b in store.ballot_history(item.id).unwrap() {
        let e = out.entry(b.flat.to_string()).or_default();
        if let Some(c) = b.choice {
            e.1.push(c);
        }
        if b.current {
            e.0 = b.choice;
        }
    }
    out
}

fn key_choice(key: &str) -> Choice {
    match key {
        "y" => Choice::Yes,
        "n" => Choice::No,
        _ => Choice::Abstain,
    }
}

/// The roll-call flats of unit 3-2, in screen order.
const ROWS: [&str; 12] = [
    "3-2-101", "3-2-102", "3-2-201", "3-2-202", "3-2-301", "3-2-302", "3-2-401", "3-2-402",
    "3-2-501", "3-2-502", "3-2-601", "3-2-602",
];

/// How a round presses its keys before the kill.
enum Pace {
    /// All keys at once, killed straight after.
    Burst,
    /// Each ballot waited for on screen, the last one killed straight after.
    OneByOne,
    /// All keys at once, killed a moment later.
    BurstThenPause(u64),
    /// All keys at once, killed once the screen shows every ballot of the round (the program has
    /// settled, however long that takes under load).
    Settled,
}

/// Opens the screens at the roll call of item 1, and for each (flat, key) jumps to the flat with
/// `/` and presses the key (a change to a recorded ballot is saved with its default reason);
/// captures the screen, and kills the program with SIGKILL. Then checks the database against the
/// screen; returns the ballots the screen showed.
fn round(
    dir: &Path,
    db: &Path,
    n: usize,
    steps: &[(&str, &str)],
    pace: Pace,
) -> HashMap<String, Choice> {
    let before = stored_ballots(db);
    let tmux = Tmux::start(
        dir,
        &format!("crash{n}"),
        &format!("exec {BIN} --db '{}' --lang en run", db.display()),
    );
    tmux.wait_for("3号楼2单元加装电梯", WAIT);
    let pid: i32 = tmux.format("#{pane_pid}").parse().unwrap();
    assert_eq!(
        std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .map(|c| c.trim().to_string())
            .unwrap_or_else(|_| "pavilion".into()),
        "pavilion",
        "the pane runs pavilion itself"
    );
    if n == 1 {
        // A second host on the same database is refused, naming this one.
        let out = pavilion(db, &["run"]);
        common::cli::assert_refused_by_host(&out, pid);
    }
    tmux.keys(&["Enter"]);
    tmux.wait_for("roll call", WAIT);
    tmux.keys(&["v"]);
    tmux.wait_until("the roll call", WAIT, |s| {
        s.contains("Roll call") && s.contains("3-2-602")
    });
    let press = |flat: &str, key: &str| {
        tmux.keys(&["/"]);
        tmux.keys(&["-l", flat]);
        tmux.keys(&["Enter"]);
        tmux.keys(&[key]);
        let had = before.get(flat).and_then(|b| b.0);
        if had.is_some_and(|c| c != key_choice(key)) {
            tmux.keys(&["F2"]);
        }
    };
    for (i, (flat, key)) in steps.iter().enumerate() {
        press(flat, key);
        if let Pace::OneByOne = pace
            && i + 1 < steps.len()
        {
            let want = key_choice(key);
            tmux.wait_until(&format!("{flat} to show {want:?}"), WAIT, |s| {
                shown_ballots(s).get(*flat) == Some(&want)
            });
        }
    }
    let screen = match pace {
        Pace::BurstThenPause(ms) => {
            std::thread::sleep(Duration::from_millis(ms));
            tmux.capture()
        }
        Pace::Settled => tmux.wait_until("every ballot of the round on screen", WAIT, |s| {
            let shown = shown_ballots(s);
            steps
                .iter()
                .all(|(flat, key)| shown.get(*flat) == Some(&key_choice(key)))
        }),
        Pace::Burst | Pace::OneByOne => tmux.capture(),
    };
    let status = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    tmux.wait_until("the program to die", WAIT, |_| {
        tmux.format("#{pane_dead}") == "1"
    });
    drop(tmux);

    let shown = shown_ballots(&screen);
    let stored = stored_ballots(db);
    eprintln!(
        "round {n}: the screen showed {} ballots, the store holds {}",
        shown.len(),
        stored.values().filter(|b| b.0.is_some()).count()
    );
    // Keys sent this round, by flat: the store may be one step ahead of the screen, never behind.
    let sent: HashMap<&str, Choice> = steps
        .iter()
        .map(|(flat, k)| (*flat, key_choice(k)))
        .collect();
    for (flat, choice) in &shown {
        let (current, history) = stored.get(flat).unwrap_or_else(|| {
            panic!("round {n}: {flat} showed {choice:?} but has no ballot\n{screen}")
        });
        assert!(
            history.contains(choice),
            "round {n}: {flat} showed {choice:?}, never stored\n{screen}"
        );
        let ahead = sent.get(flat.as_str()).copied();
        assert!(
            *current == Some(*choice) || *current == ahead,
            "round {n}: {flat} showed {choice:?}, the store has {current:?}\n{screen}"
        );
    }
    let store = Store::open(db).unwrap();
    let integrity: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    drop(store);
    assert_verifies(db);
    // The counts agree with the rows.
    let tally: serde_json::Value =
        serde_json::from_str(&ok(db, &["tally", "1", "1", "--json"])).unwrap();
    let yes = stored.values().filter(|b| b.0 == Some(Choice::Yes)).count();
    assert_eq!(tally["yes"]["owners"], yes as u64, "round {n}");
    shown
}

#[test]
fn kill_9_during_a_roll_call_loses_no_ballot_the_screen_showed() {
    if !tmux_available("kill_9_during_a_roll_call") {
        return;
    }
    let (dir, db) = sample_db();
    // The unit is here: every ballot is in person (or by proxy), none asks how it came.
    let mut attend = vec!["attend", "1"];
    attend.extend(ROWS);
    ok(&db, &attend);
    let d = dir.path();
    // Right after one keypress.
    round(d, &db, 1, &[("3-2-101", "y")], Pace::Burst);
    // After several, each seen on screen, the last one killed at once.
    let steps = [("3-2-102", "y"), ("3-2-201", "n"), ("3-2-202", "y")];
    round(d, &db, 2, &steps, Pace::OneByOne);
    // In the middle of a burst.
    let steps = [
        ("3-2-301", "a"),
        ("3-2-302", "y"),
        ("3-2-401", "y"),
        ("3-2-402", "n"),
    ];
    round(d, &db, 3, &steps, Pace::Burst);
    // A moment after a burst, changing earlier ballots too.
    let steps = [
        ("3-2-101", "n"),
        ("3-2-102", "y"),
        ("3-2-201", "y"),
        ("3-2-202", "y"),
        ("3-2-301", "a"),
        ("3-2-501", "y"),
        ("3-2-502", "y"),
        ("3-2-601", "y"),
        ("3-2-602", "n"),
    ];
    round(d, &db, 4, &steps, Pace::BurstThenPause(30));
    // After the program settled: the screen shows every ballot sent, and then the store holds
    // exactly what the screen shows.
    let steps = [("3-2-501", "y"), ("3-2-502", "y")];
    let shown = round(d, &db, 5, &steps, Pace::Settled);
    let stored = stored_ballots(&db);
    let current: HashMap<String, Choice> = stored
        .iter()
        .filter_map(|(flat, (c, _))| Some((flat.clone(), (*c)?)))
        .collect();
    assert_eq!(current, shown, "a settled screen and the store agree");
    // Not vacuous: at least the ballots each waited for on screen (rounds 2 and 5) were compared.
    assert!(shown.len() >= 4, "the rounds voted: {shown:?}");
}

/// Closing a vote on screen, then quitting: a backup after each, the screen's result in both.
#[test]
fn closing_a_vote_leaves_a_checked_backup_and_quitting_unchanged_adds_none() {
    if !tmux_available("closing_a_vote_leaves_a_checked_backup") {
        return;
    }
    let (dir, db) = sample_db();
    let mut attend = vec!["attend", "1"];
    attend.extend(ROWS);
    ok(&db, &attend);
    let tmux = Tmux::start(
        dir.path(),
        "quit",
        &format!(
            "{BIN} --db '{}' --lang en run; echo \"exit=$?\"; exec sleep 60",
            db.display()
        ),
    );
    tmux.wait_for("3号楼2单元加装电梯", WAIT);
    tmux.keys(&["Enter"]);
    tmux.wait_for("roll call", WAIT);
    tmux.keys(&["v"]);
    // Each key only once the screen shows what the one before it did (under load keys sent
    // ahead of the screen were lost once): the roll call open with its rows, each ballot on its
    // row, the question, then the vote closed.
    tmux.wait_until("the roll call", WAIT, |s| {
        s.contains("Pavilion Roll call") && row_ballot(s, "3-2-602").is_some()
    });
    for (key, flat, ballot) in [
        ("y", "3-2-101", "Yes"),
        ("y", "3-2-102", "Yes"),
        ("n", "3-2-201", "No"),
    ] {
        tmux.keys(&[key]);
        tmux.wait_ballot(flat, ballot);
    }
    tmux.keys(&["c"]);
    tmux.wait_for("Close the vote and record the result?", WAIT);
    tmux.keys(&["y"]);
    tmux.wait_for("vote closed", WAIT);
    // The close backup itself, named (so checked) with its chain head beside it: made in the
    // background while the screens go on.
    let backups = pavilion::store::backup::backups_dir(&db);
    let start = std::time::Instant::now();
    let close_backup = || {
        common::cli::backups_in(&backups)
            .into_iter()
            .find(|n| n.ends_with("-close.db") && backups.join(format!("{n}.head")).is_file())
    };
    while close_backup().is_none() && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        close_backup().is_some(),
        "{:?}",
        common::cli::backups_in(&backups)
    );
    // Back to the overview one screen at a time (two quick escapes read as one Alt-Escape): each
    // Escape once the screen before it has changed.
    for _ in 0..3 {
        let on = tmux.screen_title();
        if on == "Overview" {
            break;
        }
        tmux.keys(&["Escape"]);
        tmux.wait_until(&format!("a screen other than {on}"), WAIT, |_| {
            tmux.screen_title() != on
        });
    }
    tmux.wait_for("Pavilion Overview", WAIT);
    tmux.keys(&["q"]);
    tmux.wait_for("exit=0", WAIT);
    ok(&db, &["backups", "--wait"]);
    let names = common::cli::backups_in(&backups);
    // Nothing changed between the close and quitting: the close backup already holds the record,
    // so quitting makes no second copy.
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("-close.db"), "{names:?}");
    assert!(
        backups.join(format!("{}.head", names[0])).is_file(),
        "its chain head beside it"
    );
    let stored = ok(&db, &["tally", "1", "1", "--json"]);
    for name in &names {
        let copy = backups.join(name);
        assert_verifies(&copy);
        assert_eq!(ok(&copy, &["tally", "1", "1", "--json"]), stored);
    }
}
