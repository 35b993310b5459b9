//! End to end: `pavilion run` and `pavilion show` side by side on one database, each in its own real
//! terminal (tmux). Ballots typed in the host's window and cast with the headless `ballot` appear on
//! the display; killing and restarting the host leaves the display running; the display writes nothing.

mod common;

use std::time::Duration;

use common::cli::{BIN, Tmux, assert_verifies, dump, ok, sample_db, tmux_available};

const WAIT: Duration = Duration::from_secs(15);

#[test]
fn the_display_follows_the_host_and_outlives_it() {
    if !tmux_available("show_tmux") {
        return;
    }
    let (dir, db) = sample_db();
    let show = Tmux::start(
        dir.path(),
        "show",
        &format!("{BIN} --db '{}' --lang en show", db.display()),
    );
    // No host yet: the agenda, and the display says it waits.
    let screen = show.wait_for("Agenda", WAIT);
    assert!(screen.contains("Waiting for the host"), "{screen}");

    let run = format!("{BIN} --db '{}' --lang en run 1", db.display());
    let host = Tmux::start(dir.path(), "host", &run);
    host.wait_for("Agenda", WAIT);
    show.wait_until("the host to be seen", WAIT, |s| {
        !s.contains("Waiting for the host")
    });

    // The host opens item 1: the display follows it; two ballots typed at the roll call appear.
    host.keys(&["Enter"]);
    host.wait_for("1. Residents raise it", WAIT);
    show.wait_for("Item 1", WAIT);
    show.wait_for("0 of 12 owners", WAIT);
    host.keys(&["v"]);
    host.wait_for("Ballot", WAIT);
    // Nobody signed in yet: each ballot asks how it came; "in person after all" signs the owner in.
    for n in 1..=2 {
        host.keys(&["y"]);
        host.wait_for("how did this ballot come", WAIT);
        host.keys(&["i"]);
        show.wait_for(&format!("{n} of 12 owners"), WAIT);
    }
    let screen = show.wait_for("2 of 12 owners", WAIT);
    assert!(screen.contains("10 owners still to vote"), "{screen}");
    assert!(screen.contains("Required consents: 1 given"), "{screen}");

    // The host's program is killed: the display stays, and says it waits for the host.
    drop(host);
    show.wait_for("Waiting for the host", WAIT);
    assert_ne!(show.format("#{pane_dead}"), "1", "the display runs on");

    // While it waits it writes nothing: the file and every row stay as they are.
    let (bytes, rows) = (std::fs::read(&db).unwrap(), dump(&db));
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the database file is unchanged"
    );
    assert_eq!(dump(&db), rows);

    // A ballot cast headless (a written ballot brought in) shows up too.
    ok(&db, &["ballot", "1", "1", "3-2-501", "no", "--written"]);
    show.wait_for("3 of 12 owners", WAIT);

    // The host comes back: the display follows it again.
    let host = Tmux::start(dir.path(), "host2", &run);
    host.wait_for("Agenda", WAIT);
    show.wait_until("the host to be seen again", WAIT, |s| {
        !s.contains("Waiting for the host") && s.contains("Agenda")
    });

    show.keys(&["q"]);
    show.wait_until("the display to quit", WAIT, |_| {
        show.format("#{pane_dead}") == "1"
    });
    host.keys(&["q"]);
    host.wait_until("the host to quit", WAIT, |_| {
        host.format("#{pane_dead}") == "1"
    });
    assert_verifies(&db);
}
