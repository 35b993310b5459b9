//! The cost of an elevator retrofit shared by floor: the agenda's plan, `pavilion cost`, plan changes
//! kept as events and checked by `verify`, and the cost table in the minutes and the notice.

mod common;

use std::path::Path;

use common::cli::{ok, pavilion, root, sample_db};
use pavilion::domain::cost::CostPlan;

fn json(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(db, args)).unwrap()
}

#[test]
fn the_sample_elevator_plan_adds_up_to_the_fen() {
    let (_dir, db) = sample_db();
    let v = json(&db, &["cost", "1", "1", "--json"]);
    assert_eq!(v["meeting"], 1);
    assert_eq!(v["amount_fen"], 78_000_000);
    assert_eq!(v["subsidy_fen"], 20_000_000);
    assert_eq!(v["to_raise_fen"], 58_000_000);
    let shares = v["shares"].as_array().unwrap();
    assert_eq!(shares.len(), 12, "the twelve flats of unit 3-2");
    let sum: i64 = shares.iter().map(|s| s["fen"].as_i64().unwrap()).sum();
    assert_eq!(sum, 58_000_000);
    let s501 = shares.iter().find(|s| s["flat"] == "3-2-501").unwrap();
    assert_eq!(s501["floor"], 5);
    assert_eq!(s501["coefficient"], "0.27");
    assert_eq!(s501["fen"], 7_830_000);
    let floors: Vec<(i64, i64)> = v["floors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["floor"].as_i64().unwrap(), f["fen"].as_i64().unwrap()))
        .collect();
    assert_eq!(floors[0], (1, 0), "the ground floor pays nothing");
    assert_eq!(floors[5], (6, 17_980_000));

    let text = ok(&db, &["cost", "1", "1"]);
    assert!(text.contains("Shared by the owners: ¥580000.00"), "{text}");
    assert!(text.contains("largest-remainder"), "{text}");
    let csv = ok(&db, &["cost", "1", "1", "--csv"]);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("3-2-501,5,0.27,78300.00"), "{csv}");

    let out = pavilion(&db, &["cost", "1", "2"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("item 2 has no cost plan"));
    common::cli::assert_verifies(&db);
}

/// The issue's six-storey plan, weighted by area, with `subsidy_yuan` deducted.
fn plan(subsidy_yuan: &str) -> CostPlan {
    common::cost_example::six_storeys("600000.01", subsidy_yuan, true)
}

#[test]
fn a_change_after_the_vote_needs_a_reason_and_keeps_the_earlier_plan() {
    let (_dir, path, mut store, meeting) = common::estate();
    store.set_cost_plan(meeting, 1, &plan("0"), None).unwrap();
    let item = store.item(meeting, 1).unwrap();
    let sharing = store.cost_sharing(&item).unwrap().unwrap();
    assert_eq!(
        sharing.shares.iter().map(|s| s.fen.0).sum::<i64>(),
        60_000_001
    );

    store.close_vote(meeting, 1).unwrap();
    let refused = store.set_cost_plan(meeting, 1, &plan("200000"), None);
    assert!(
        refused.unwrap_err().to_string().contains("--reason"),
        "a change after the vote must say why"
    );
    store
        .set_cost_plan(meeting, 1, &plan("200000"), Some("区级补贴到位"))
        .unwrap();
    let history = store.cost_plan_history(item.id).unwrap();
    assert_eq!(history.len(), 2);
    assert!(!history[0].current && history[1].current);
    assert_eq!(
        history[0].plan,
        plan("0"),
        "the earlier plan is kept as it was"
    );
    assert_eq!(history[1].reason.as_deref(), Some("区级补贴到位"));
    common::assert_intact(&store);

    // An edit behind the program's back shows in `verify`.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE cost_plans SET plan = replace(plan, '\"1.5\"', '\"0.1\"') WHERE id = 2",
        [],
    )
    .unwrap();
    let v = store.verify().unwrap();
    assert!(
        v.findings
            .iter()
            .any(|f| f.table == "cost_plans" && f.row == "id 2"),
        "{:#?}",
        v.findings
    );
}

#[test]
fn the_minutes_and_the_notice_carry_the_cost_table() {
    let (_dir, db) = sample_db();
    let minutes = ok(&db, &["export", "1", "--format", "md"]);
    assert!(minutes.contains("Cost sharing"), "{minutes}");
    assert!(minutes.contains("3-2-501"), "{minutes}");
    assert!(minutes.contains("78300.00"), "{minutes}");
    assert!(minutes.contains("largest-remainder"));
    let notice = ok(&db, &["export", "1", "--format", "md", "--public"]);
    let table: Vec<&str> = notice
        .lines()
        .skip_while(|l| !l.contains("Cost sharing"))
        .take_while(|l| !l.starts_with("#### ") || l.contains("Cost sharing"))
        .collect();
    assert!(
        table
            .iter()
            .any(|l| l.contains("3-2-602") && l.contains("89900.00"))
    );
    // Flats, not names: the owner of 3-2-501 (王秀兰 in the sample roster) is not in the table.
    let roster = std::fs::read_to_string(root().join("agendas/roster-hongqi.csv")).unwrap();
    for line in roster.lines().filter(|l| l.starts_with("3,2,")) {
        let name = line.split(',').nth(4).unwrap();
        assert!(
            !table.iter().any(|l| l.contains(name)),
            "{name} in the notice's cost table"
        );
    }
}

/// `pavilion check FILE --roster (the sample roster)` on `text`: its stderr, after asserting it failed.
fn check_fails(db: &Path, file: &Path, text: &str) -> String {
    std::fs::write(file, text).unwrap();
    let out = pavilion(
        db,
        &[
            "check",
            file.to_str().unwrap(),
            "--roster",
            "agendas/roster-hongqi.csv",
        ],
    );
    assert!(!out.status.success(), "{text}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn agenda_cost_plans_are_checked_where_they_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pavilion.db");
    let file = dir.path().join("agenda.toml");
    let sample =
        std::fs::read_to_string(root().join("agendas/hongqi-2026-11-28-elevator.toml")).unwrap();
    for (from, to, want) in [
        (", 6 = 0.31 }", " }", "no coefficient for floor 6"),
        ("6 = 0.31 }", "6 = 0.31123 }", "more than 4 decimals"),
        ("6 = 0.31 }", "6 = -0.31 }", "negative"),
        (
            "subsidy = \"200000.00\"",
            "subsidy = \"900000.00\"",
            "larger than the amount",
        ),
    ] {
        let wrong = sample.replace(from, to);
        assert_ne!(wrong, sample);
        let err = check_fails(&db, &file, &wrong);
        assert!(err.contains(want), "{to}: {err}");
        assert!(
            err.contains("agenda.toml:"),
            "names the file and line: {err}"
        );
    }
}

/// The sample's plan with another subsidy, as a `--set` file holds it.
const CHANGED: &str = r#"
amount = "780000.00"
subsidy = "250000.00"
by_area = false
floors = { 1 = 0, 2 = 0.06, 3 = 0.14, 4 = 0.22, 5 = 0.27, 6 = 0.31 }
"#;

/// `pavilion cost 1 1 --set FILE [--reason WHY]`.
fn set_plan(db: &Path, file: &Path, reason: Option<&str>) -> std::process::Output {
    let mut args = vec!["cost", "1", "1", "--set", file.to_str().unwrap()];
    args.extend(reason.iter().flat_map(|r| ["--reason", r]));
    pavilion(db, &args)
}

/// The stderr of a command that must fail.
fn refused(out: std::process::Output) -> String {
    assert!(!out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The stdout of a command that must succeed.
fn done(out: std::process::Output) -> String {
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_plan_changed_from_the_command_line_is_recorded_replayed_and_in_the_minutes() {
    let (dir, db) = sample_db();
    let file = dir.path().join("plan.toml");
    std::fs::write(&file, CHANGED).unwrap();

    // Changing the plan taken in with the agenda needs a reason; refused, nothing is written.
    let before = common::cli::dump(&db);
    assert!(refused(set_plan(&db, &file, None)).contains("needs a reason (--reason)"));
    assert_eq!(common::cli::dump(&db), before);

    let out = done(set_plan(&db, &file, Some("区级补贴增加 5 万元")));
    assert!(out.contains("now version 2: ¥530000.00 shared"), "{out}");
    let v = json(&db, &["cost", "1", "1", "--json"]);
    assert_eq!(v["subsidy_fen"], 25_000_000);
    let sum: i64 = v["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["fen"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 53_000_000);

    // The same plan again changes nothing, and says so.
    assert!(refused(set_plan(&db, &file, Some("again"))).contains("nothing changed"));

    // The minutes give the reason and the earlier plan; the record replays.
    let minutes = ok(&db, &["export", "1", "--format", "md"]);
    assert!(minutes.contains("区级补贴增加 5 万元"), "{minutes}");
    assert!(
        minutes.contains("Earlier plan (kept in the record): total ¥780000.00, subsidy ¥200000.00"),
        "{minutes}"
    );
    common::cli::assert_verifies(&db);

    // While owners are voting on the plan it cannot change.
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    std::fs::write(&file, CHANGED.replace("250000.00", "260000.00")).unwrap();
    let before = common::cli::dump(&db);
    assert!(refused(set_plan(&db, &file, Some("late"))).contains("owners are voting"));
    assert_eq!(common::cli::dump(&db), before);
    // After the close it can, with a reason.
    ok(&db, &["close", "1", "1"]);
    done(set_plan(&db, &file, Some("中标价确定")));
    common::cli::assert_verifies(&db);
}

#[test]
fn a_plan_file_is_checked_where_it_is_written() {
    let (dir, db) = sample_db();
    let file = dir.path().join("plan.toml");
    let set = |text: &str| {
        std::fs::write(&file, text).unwrap();
        refused(set_plan(&db, &file, Some("r")))
    };
    let before = common::cli::dump(&db);
    let e = set(&CHANGED.replace("6 = 0.31", "6 = 0.31123"));
    assert!(
        e.contains("plan.toml:5:") && e.contains("more than 4 decimals"),
        "{e}"
    );
    let e = set(&CHANGED.replace(", 6 = 0.31", ""));
    assert!(
        e.contains("3-2-601 is on floor 6, which has no coefficient"),
        "{e}"
    );
    let e = set(&CHANGED.replace("amount", "amuont"));
    assert!(e.contains("plan.toml:2:1"), "{e}");
    // The [items.cost] header copied from an agenda is understood.
    std::fs::write(&file, format!("[items.cost]\n{CHANGED}")).unwrap();
    assert_eq!(common::cli::dump(&db), before);
    done(set_plan(&db, &file, Some("r")));
}

#[test]
fn the_plan_is_changed_on_screen_with_a_reason_and_refused_during_the_vote() {
    use pavilion::lang::Lang;
    use ratatui::crossterm::event::KeyCode;

    let mut h = common::tui::Harness::new(Lang::En);
    h.press(KeyCode::Enter); // item 1, the elevator
    h.keys("m");
    let screen = h.render(120, 40);
    assert!(screen.contains("Cost plan"), "{screen}");
    assert!(
        screen.contains("780000.00"),
        "the current plan fills the form: {screen}"
    );
    // The subsidy goes up; the reason is required (the field stays empty at first).
    h.press(KeyCode::Tab);
    h.ctrl('u');
    h.type_text("250000");
    h.press(KeyCode::F(2));
    let screen = h.render(120, 40);
    assert!(screen.contains("required"), "{screen}");
    for _ in 0..3 {
        h.press(KeyCode::Tab);
    }
    h.type_text("区级补贴增加");
    // A floor that does not read is named, and nothing is written.
    h.press(KeyCode::BackTab);
    h.type_text(", seven = 1");
    h.press(KeyCode::F(2));
    let screen = h.render(120, 40);
    assert!(
        screen.contains("'seven = 1' is not 'floor = coefficient'"),
        "{screen}"
    );
    for _ in 0..", seven = 1".len() {
        h.press(KeyCode::Backspace);
    }
    h.press(KeyCode::F(2));
    let item = h.store.item(h.meeting, 1).unwrap();
    let history = h.store.cost_plan_history(item.id).unwrap();
    assert_eq!(history.len(), 2, "{}", h.render(120, 40));
    assert_eq!(history[1].reason.as_deref(), Some("区级补贴增加"));
    assert_eq!(history[1].plan.subsidy_fen.0, 25_000_000);
    let (old, new) = (&history[0].plan, &history[1].plan);
    assert_eq!((old.amount_fen, &old.floors), (new.amount_fen, &new.floors));
    let screen = h.render(120, 60);
    assert!(
        screen.contains("¥530000.00"),
        "the panel shows the new plan: {screen}"
    );
    // Below the tables, the change: when, why, and the plan it replaced.
    let screen = h.render(220, 80);
    assert!(
        screen.contains("Plan changed on 28 Nov 2026 19:05: 区级补贴增加. Earlier plan (kept in the record): total ¥780000.00"),
        "the panel lists the change: {screen}"
    );

    // Once an owner has voted, the store refuses a change and the form comes back with why.
    let flat = pavilion::domain::FlatRef::parse("3-2-101").unwrap();
    let input = pavilion::store::BallotInput::in_person(&flat, pavilion::domain::Choice::Yes);
    h.store.cast_ballot(h.meeting, 1, &input).unwrap();
    h.keys("m");
    h.press(KeyCode::Tab);
    h.ctrl('u');
    h.type_text("260000");
    for _ in 0..3 {
        h.press(KeyCode::Tab);
    }
    h.type_text("late");
    h.press(KeyCode::F(2));
    let screen = h.render(120, 40);
    assert!(screen.contains("owners are voting"), "{screen}");
    assert_eq!(h.store.cost_plan_history(item.id).unwrap().len(), 2);
    common::assert_intact(&h.store);
}

#[test]
fn a_scope_the_cost_plan_cannot_cover_is_refused_until_the_plan_covers_it() {
    use pavilion::domain::{FlatRef, Rule, Scope};
    use pavilion::lang::Lang;

    let (_dir, _path, mut store, m) = common::estate();
    // Item 1 first covers floors 1 to 5 only, with a plan for those floors.
    let lower = (1..=5)
        .flat_map(|f| (1..=2).map(move |d| FlatRef::parse(&format!("3-2-{f}0{d}")).unwrap()))
        .collect();
    let unit = Scope::parse("3-2").unwrap();
    let rule = Rule::civil_code_major();
    let mut item = common::item(
        "3号楼2单元加装电梯",
        rule,
        Scope::Flats(lower),
        &["3-2-101"],
    );
    store.edit_item(m, 1, &item).unwrap();
    let six = common::cost_example::six_storeys("500000", "0", false);
    let mut five = six.clone();
    five.floors.remove(&6);
    store.set_cost_plan(m, 1, &five, None).unwrap();

    // The whole unit would bring in the sixth floor, which the plan gives no coefficient.
    let narrow = store.item(m, 1).unwrap().scope;
    item.scope = unit.clone();
    let said = match store.edit_item(m, 1, &item).unwrap_err() {
        pavilion::store::StoreError::Said(s) => s,
        e => panic!("{e}"),
    };
    assert_eq!(said.key(), "ScopeBreaksPlan");
    let en = said.render(Lang::En);
    assert!(
        en.contains("the scope of item 1 cannot change so")
            && en.contains("flat 3-2-601 is on floor 6, which has no coefficient"),
        "{en}"
    );
    assert!(said.render(Lang::Zh).contains("议题 1 的范围不能这样改"));
    assert_eq!(store.item(m, 1).unwrap().scope, narrow, "nothing changed");

    // Once the plan covers the sixth floor, the scope may grow.
    store.set_cost_plan(m, 1, &six, Some("六楼也装")).unwrap();
    store.edit_item(m, 1, &item).unwrap();
    let record = store.item(m, 1).unwrap();
    assert_eq!(record.scope, unit);
    let sharing = store.cost_sharing(&record).unwrap().unwrap();
    assert_eq!(sharing.shares.len(), 12);
    common::assert_intact(&store);
}

/// A later roster import brings a floor the plan has no coefficient for into the open item's scope:
/// `cost` refuses, saying what to add; the minutes and the data still export and say why the cost
/// cannot be shared, in the reader's language.
#[test]
fn a_floor_the_plan_does_not_cover_is_said_in_the_minutes_not_a_failed_export() {
    let (dir, db) = sample_db();
    let roster = std::fs::read_to_string(root().join("agendas/roster-hongqi.csv")).unwrap();
    let file = dir.path().join("roster.csv");
    std::fs::write(&file, format!("{roster}3,2,701,70.00,新业主,O09999,\r\n")).unwrap();
    let why = "flat 3-2-701 is on floor 7, which has no coefficient";
    let said = ok(&db, &["roster", "import", file.to_str().unwrap()]);
    assert!(
        said.contains("warning: with the roster as it now stands, the cost of item 1 of meeting 1 cannot be shared")
            && said.contains(why),
        "the import says so: {said}"
    );
    assert!(refused(pavilion(&db, &["cost", "1", "1"])).contains(why));
    let minutes = ok(&db, &["export", "1", "--format", "md"]);
    assert!(
        minutes.contains(&format!(
            "The cost cannot be shared: the cost plan of item 1: {why}"
        )),
        "{minutes}"
    );
    let data = json(&db, &["export", "1", "--format", "json"]);
    let error = data["items"][0]["cost"]["error"].as_str().unwrap();
    assert!(error.contains(why), "{error}");
    let csv = ok(&db, &["export", "1", "--format", "csv", "--public"]);
    // One cell: its comma is a semicolon there.
    let why = why.replace(',', ";");
    let line = format!("# Item 1: the cost cannot be shared: the cost plan of item 1: {why}");
    assert!(csv.contains(&line), "{csv}");
}
