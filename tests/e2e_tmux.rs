//! End to end: the real binary in a real terminal (tmux). Sign owners in, vote at the roll call,
//! quit, and check the record with `pavilion tally --json`.

mod common;

use std::time::{Duration, Instant};

use common::cli::{BIN, Tmux, ok, row_ballot, sample_db, tmux_available};

const WAIT: Duration = Duration::from_secs(15);

/// `q` on the overview, and the program is gone within ten seconds.
fn quit(tmux: &Tmux) {
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.format("#{pane_dead}") != "1" {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the program did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn sign_in_vote_quit_and_check_the_tally() {
    if !tmux_available("e2e") {
        return;
    }
    let (dir, db) = sample_db();
    let command = format!("{BIN} --db '{}' --lang en run 1", db.display());
    let tmux = Tmux::start(dir.path(), "e2e", &command);
    tmux.wait_for("Agenda", WAIT);

    // Sign in the unit: typed the Chinese way, then plain; the box empties after each, so no
    // Backspace is ever needed. One owner by proxy, with Ctrl-P (no Fn key on a laptop).
    tmux.keys(&["s"]);
    tmux.wait_for("type a flat", WAIT);
    tmux.keys(&["-l", "3栋2单元101"]);
    tmux.wait_for("1 owners", WAIT);
    tmux.keys(&["Enter"]);
    tmux.wait_for("in person 1 ·", WAIT);
    tmux.keys(&["-l", "3-2-102"]);
    tmux.keys(&["C-p"]);
    tmux.wait_for("Proxy holder's name", WAIT);
    tmux.keys(&["-l", "李明"]);
    tmux.keys(&["F2"]);
    tmux.wait_for("by proxy 1 ·", WAIT);
    let rest = [
        "3-2-201", "3-2-202", "3-2-301", "3-2-302", "3-2-401", "3-2-402", "3-2-501", "3-2-502",
        "3-2-601", "3-2-602",
    ];
    for (i, flat) in rest.iter().enumerate() {
        tmux.keys(&["-l", flat]);
        tmux.keys(&["Enter"]);
        tmux.wait_for(&format!("in person {} ·", i + 2), WAIT);
    }
    tmux.keys(&["Escape"]);
    tmux.wait_for("Agenda", WAIT);

    // Roll call on item 1: six yes, one no, then undo the no and record an abstention.
    tmux.keys(&["Enter"]);
    tmux.wait_for("1. Residents raise it", WAIT);
    tmux.keys(&["v"]);
    tmux.wait_for("Ballot", WAIT);
    for k in ["y", "y", "y", "y", "y", "y", "n"] {
        tmux.keys(&[k]);
    }
    // The seventh owner's row shows the no once it is committed; the undo empties it again,
    // and only then the abstention is keyed (a key for an owner still being recorded is refused).
    tmux.wait_ballot("3-2-401", "No");
    tmux.keys(&["u"]);
    tmux.wait_ballot("3-2-401", "·");
    tmux.keys(&["a"]);
    let screen = tmux.wait_ballot("3-2-401", "Abstain");
    assert_eq!(
        row_ballot(&screen, "3-2-102").as_deref(),
        Some("Yes(proxy)"),
        "the proxy's ballot is marked: {screen}"
    );

    // Back to the overview and quit.
    // (A key right after Escape would read as Alt+key: wait for each screen.)
    tmux.keys(&["Escape"]);
    tmux.wait_for("1. Residents raise it", WAIT);
    tmux.keys(&["Escape"]);
    tmux.wait_for("Agenda", WAIT);
    quit(&tmux);

    let t: serde_json::Value =
        serde_json::from_str(&ok(&db, &["tally", "1", "1", "--json"])).unwrap();
    assert_eq!(t["participating"]["owners"], 7);
    assert_eq!(t["yes"]["owners"], 6);
    assert_eq!(t["no"]["owners"], 0);
    assert_eq!(t["abstain"]["owners"], 1);
    assert_eq!(t["consents"][0]["choice"], "yes");
    assert_eq!(t["status"], "open");
}

/// Set up on screen, Chinese typed into the fields: a meeting on a database that has only its
/// roster, then an item (the scope's owners counted as it is typed), three owners signed in and a
/// roll call. The command line then finds the meeting, the item and the ballots, and `verify` passes.
#[test]
fn set_up_a_meeting_on_screen_in_chinese_then_vote_and_check_it_from_the_command_line() {
    if !tmux_available("e2e-setup") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pavilion.db");
    ok(&db, &["init", "--estate", "红旗小区"]);
    ok(&db, &["roster", "import", "agendas/roster-hongqi.csv"]);
    let command = format!("{BIN} --db '{}' --lang zh run", db.display());
    let tmux = Tmux::start(dir.path(), "setup", &command);
    tmux.wait_for("新建议事会", WAIT);
    let field = |text: &str| {
        tmux.keys(&["-l", text]);
        tmux.wait_for(text, WAIT);
        tmux.keys(&["Tab"]);
    };
    field("3号楼议事会");
    tmux.keys(&["Tab"]);
    tmux.keys(&["C-u"]);
    field("2026-12-05 19:30");
    field("莲心亭");
    field("郭建敏");
    tmux.keys(&["-l", "马长祥"]);
    tmux.wait_for("马长祥", WAIT);
    tmux.keys(&["F2"]);
    tmux.wait_for("按 i 添加议题", WAIT);

    tmux.keys(&["i"]);
    tmux.wait_for("新增议题", WAIT);
    field("3号楼2单元加装电梯");
    field("王秀兰");
    field("3-2-501");
    field("2026-10-20");
    field("加装电梯");
    field("老人上下楼太难，希望加装电梯");
    // The rule from the list with the arrow keys, its meaning shown as it moves.
    tmux.wait_for("只议不决：只讨论，不表决", WAIT);
    tmux.keys(&["Down"]);
    tmux.wait_for("重大事项（民法典第278条", WAIT);
    tmux.keys(&["Down"]);
    tmux.wait_for("一般事项（民法典第278条", WAIT);
    tmux.keys(&["Tab", "C-u"]);
    tmux.keys(&["-l", "3栋2单元"]);
    tmux.wait_for("范围内：12 套房屋、12 位业主", WAIT);
    tmux.keys(&["F2"]);
    tmux.wait_for("已保存", WAIT);

    tmux.keys(&["s"]);
    tmux.wait_for("输入房号", WAIT);
    for (i, flat) in ["3-2-101", "3-2-102", "3-2-201"].iter().enumerate() {
        tmux.keys(&["-l", flat]);
        tmux.keys(&["Enter"]);
        tmux.wait_for(&format!("本人到场 {} ·", i + 1), WAIT);
    }
    tmux.keys(&["Escape"]);
    tmux.wait_for("议程", WAIT);
    tmux.keys(&["Enter"]);
    tmux.wait_for("3号楼2单元加装电梯", WAIT);
    tmux.keys(&["v"]);
    // The roll call is loaded once its owners are listed.
    tmux.wait_for("3-2-101", WAIT);
    for (k, flat, ballot) in [
        ("y", "3-2-101", "同意"),
        ("y", "3-2-102", "同意"),
        ("n", "3-2-201", "反对"),
    ] {
        tmux.keys(&[k]);
        // Each ballot is committed (its row shows it) before the next key.
        tmux.wait_ballot(flat, ballot);
    }
    tmux.keys(&["Escape"]);
    tmux.wait_for("一、群众说事", WAIT);
    tmux.keys(&["Escape"]);
    tmux.wait_for("议程", WAIT);
    quit(&tmux);

    let meetings: serde_json::Value =
        serde_json::from_str(&ok(&db, &["meetings", "--json"])).unwrap();
    assert_eq!(meetings[0]["title"], "3号楼议事会", "{meetings}");
    let t: serde_json::Value =
        serde_json::from_str(&ok(&db, &["tally", "1", "1", "--json"])).unwrap();
    assert_eq!(t["rule"], "civil-code-ordinary");
    assert_eq!(t["total"]["owners"], 12);
    assert_eq!(t["yes"]["owners"], 2);
    assert_eq!(t["no"]["owners"], 1);
    let agenda = ok(&db, &["agenda-template", "1"]);
    for line in ["raised_on = 2026-10-20", "category = \"加装电梯\""] {
        assert!(agenda.contains(line), "{line} in {agenda}");
    }
    common::cli::assert_verifies(&db);
}
