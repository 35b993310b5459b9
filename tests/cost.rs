//! The cost of an elevator retrofit shared by floor: the agenda's plan, `pavilion cost`, plan changes
//! kept as events and checked by `verify`, and the cost table in the minutes and the notice.

mod common;

use std::collections::BTreeMap;

use common::cli::{ok, pavilion, root, sample_db};
use pavilion::domain::cost::{Coefficient, CostPlan, Fen};

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

fn plan(subsidy_yuan: &str) -> CostPlan {
    let floors: BTreeMap<u32, Coefficient> = [
        (1, "0"),
        (2, "0.3"),
        (3, "0.6"),
        (4, "0.9"),
        (5, "1.2"),
        (6, "1.5"),
    ]
    .iter()
    .map(|(f, c)| (*f, Coefficient::parse(c).unwrap()))
    .collect();
    CostPlan {
        amount_fen: Fen::parse_yuan("600000.01").unwrap(),
        subsidy_fen: Fen::parse_yuan(subsidy_yuan).unwrap(),
        floors,
        by_area: true,
    }
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

#[test]
fn agenda_cost_plans_are_checked_where_they_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pavilion.db");
    let sample =
        std::fs::read_to_string(root().join("agendas/hongqi-2026-11-28-elevator.toml")).unwrap();
    for (from, to, want) in [
        (", 6 = 0.31 }", " }", "no coefficient for floor 6"),
        ("6 = 0.31 }", "6 = 0.31123 }", "more than 4 decimals"),
        ("6 = 0.31 }", "6 = -0.31 }", "negative"),
    ] {
        let wrong = sample.replace(from, to);
        assert_ne!(wrong, sample);
        let file = dir.path().join("agenda.toml");
        std::fs::write(&file, wrong).unwrap();
        let out = pavilion(
            &db,
            &[
                "check",
                file.to_str().unwrap(),
                "--roster",
                "agendas/roster-hongqi.csv",
            ],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{to}");
        assert!(err.contains(want), "{to}: {err}");
        assert!(
            err.contains("agenda.toml:"),
            "names the file and line: {err}"
        );
    }
    let subsidy = sample.replace("subsidy = \"200000.00\"", "subsidy = \"900000.00\"");
    let file = dir.path().join("agenda.toml");
    std::fs::write(&file, subsidy).unwrap();
    let out = pavilion(
        &db,
        &[
            "check",
            file.to_str().unwrap(),
            "--roster",
            "agendas/roster-hongqi.csv",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than the amount"));
}
