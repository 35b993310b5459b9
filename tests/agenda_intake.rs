//! Agenda intake: the sample agendas parse cleanly against the sample roster, and every bad fixture
//! gives exactly the problems it should, each with file, line, column, message and hint.

use std::collections::HashSet;
use std::fs;

use pavilion::domain::rule::{CIVIL_CODE_MAJOR, CIVIL_CODE_ORDINARY, NONE, SHOW_OF_HANDS};
use pavilion::domain::{FlatRef, MeetingKind, Scope, Threshold};
use pavilion::intake::agenda::parse_agenda;

/// The flats of the sample roster, read plainly (columns building, unit, room) so this test does not
/// depend on the roster importer.
fn roster_flats() -> HashSet<FlatRef> {
    let text = fs::read_to_string("agendas/roster-hongqi.csv").expect("sample roster");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split(',').collect();
            FlatRef::new(cols[0].trim(), cols[1].trim(), cols[2].trim())
        })
        .collect()
}

fn parse_file(path: &str) -> Result<pavilion::domain::MeetingPlan, String> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_agenda(path, &text, &roster_flats()).map_err(|p| p.to_string())
}

#[test]
fn every_sample_agenda_parses_without_problems() {
    let mut seen = 0;
    for entry in fs::read_dir("agendas").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let path = path.to_string_lossy().into_owned();
            if let Err(problems) = parse_file(&path) {
                panic!("{path} has problems:\n{problems}");
            }
            seen += 1;
        }
    }
    assert!(
        seen >= 3,
        "expected at least three sample agendas, found {seen}"
    );
}

#[test]
fn the_demo_meeting_reads_as_written() {
    let plan = parse_file("agendas/hongqi-2026-11-28-elevator.toml").unwrap();
    assert_eq!(plan.title, "红旗小区 3号楼加装电梯议事会");
    assert_eq!(plan.kind, MeetingKind::Owners);
    assert_eq!(plan.starts.to_string(), "2026-11-28T11:00:00Z");
    assert_eq!(plan.offset.seconds(), 8 * 3600);
    assert_eq!(plan.objections_until.unwrap().to_string(), "2026-12-05");
    let rules: Vec<&str> = plan.items.iter().map(|i| i.rule.name.as_str()).collect();
    assert_eq!(rules, [CIVIL_CODE_MAJOR, SHOW_OF_HANDS, NONE]);

    let elevator = &plan.items[0];
    assert_eq!(elevator.title, "3号楼2单元加装电梯");
    assert_eq!(
        elevator.scope,
        Scope::Unit {
            building: "3".into(),
            unit: "2".into()
        }
    );
    assert_eq!(elevator.required_consent, [FlatRef::new("3", "2", "101")]);
    assert_eq!(elevator.raised_from, Some(FlatRef::new("3", "2", "501")));
    assert_eq!(elevator.raised_on.unwrap().to_string(), "2026-10-20");
    assert!(elevator.statement.starts_with("我家住五楼"));
    assert!(!elevator.statement.ends_with('\n'), "texts are trimmed");
    assert_eq!(plan.items[1].scope, Scope::Building("3".into()));
    assert!(!plan.items[2].rule.votes);
}

#[test]
fn the_maintenance_fund_is_an_ordinary_matter_for_the_estate() {
    let plan = parse_file("agendas/hongqi-2026-12-maintenance-fund.toml").unwrap();
    assert_eq!(plan.items[0].rule.name, CIVIL_CODE_ORDINARY);
    assert_eq!(plan.items[0].scope, Scope::Estate);
}

#[test]
fn a_custom_rule_is_built_from_its_table() {
    let plan = parse_file("agendas/hongqi-2026-12-parking.toml").unwrap();
    assert_eq!(plan.kind, MeetingKind::Residents);
    let rule = &plan.items[1].rule;
    assert_eq!(rule.name, "present-two-thirds");
    assert!(rule.basis.contains("三分之二以上"));
    assert_eq!(rule.electorate, pavilion::domain::rule::Electorate::Present);
    assert_eq!(rule.approval.heads, Some(Threshold::at_least(2, 3)));
    assert_eq!(rule.approval.area, None);
    assert_eq!(rule.participation.area, None);
    assert!(rule.votes);
}
