//! A panic anywhere in the host's screens restores the terminal (normal screen, cooked mode) and
//! writes the report to the log file, whose path is printed. Driven in tmux with the hidden
//! `PAVILION_PANIC_TEST` switch (`draw`: after the first frame; `worker`: in the store thread).

mod common;

use std::time::Duration;

use common::cli::{BIN, Tmux, assert_verifies, sample_db, tmux_available};

const WAIT: Duration = Duration::from_secs(10);

fn panics_and_restores(which: &str, keys: &[&str], exit: &str) {
    let (dir, db) = sample_db();
    let log = dir.path().join("pavilion.log");
    let tmux = Tmux::start(
        dir.path(),
        &format!("panic-{which}"),
        &format!(
            "PAVILION_PANIC_TEST={which} {BIN} --db '{}' --lang en run; \
             echo \"exit=$?\"; echo \"tty: $(stty -a | grep -o -- '-\\?icanon') $(stty -a | grep -o -- '-\\?echo ')\"; \
             exec sleep 60",
            db.display()
        ),
    );
    if !keys.is_empty() {
        tmux.wait_for("3号楼2单元加装电梯", WAIT);
        tmux.keys(keys);
    }
    let screen = tmux.wait_for("tty:", WAIT);
    assert!(screen.contains(&format!("exit={exit}")), "{screen}");
    // The report's path is on the restored screen, the report in the file.
    assert!(
        screen.contains("pavilion stopped on an internal error; the report is in"),
        "{screen}"
    );
    let flat_screen = screen.replace('\n', "");
    assert!(
        flat_screen.contains(&log.display().to_string()),
        "the path {} is shown:\n{screen}",
        log.display()
    );
    let report = std::fs::read_to_string(&log).unwrap();
    assert!(
        report.contains(&format!("PAVILION_PANIC_TEST={which}")),
        "{report}"
    );
    assert!(report.contains("panic"), "{report}");
    // Back on the normal screen, in cooked mode with echo.
    assert_eq!(tmux.format("#{alternate_on}"), "0");
    assert!(screen.contains("tty: icanon echo"), "{screen}");
    drop(tmux);
    assert_verifies(&db);
}

#[test]
fn a_panic_after_the_first_frame_restores_the_terminal_and_logs_the_report() {
    if !tmux_available("a_panic_after_the_first_frame") {
        return;
    }
    panics_and_restores("draw", &[], "101");
}

#[test]
fn a_panic_in_the_store_thread_restores_the_terminal_and_stops() {
    if !tmux_available("a_panic_in_the_store_thread") {
        return;
    }
    panics_and_restores("worker", &["Enter", "v"], "101");
}
