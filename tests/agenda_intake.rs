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
/// Every bad fixture and the exact problems it gives, in file order: `line:column: message — hint`
/// (the file name is put in front of each line by `expected`).
const BAD: &[(&str, &[&str])] = &[
    (
        "bad-custom-rule.toml",
        &[
            "12:18: '2/3以上' is not a threshold — write a comparison and a fraction: approval_heads = \">= 2/3\" (2/3 or more, 以上) or \"> 1/2\" (more than half, 过半数)",
            "13:17: '3/2' is not a fraction between 0 and 1 — write a comparison and a fraction: approval_area = \">= 2/3\" (2/3 or more, 以上) or \"> 1/2\" (more than half, 过半数)",
            "15:1: rule 'none' has no approval threshold — add approval_heads and/or approval_area, e.g. approval_heads = \"> 1/2\"; for discussion only use rule = \"none\"",
            "15:8: rule 'none' is built in and cannot be redeclared — give your rule another name, e.g. [rules.none-local], and use that name in the items",
            "17:14: unknown electorate 'everyone' — write \"owners\" (every owner in the scope) or \"present\" (only those signed in)",
        ],
    ),
    (
        "consent-outside-scope.toml",
        &[
            "15:32: flat 3-1-101 must consent but is outside the item's scope (building 3 unit 2) — a required consent must be an owner within the scope: check the room number, or widen the scope",
            "23:1: required consent on an item with rule 'none', which has no vote — consent is given by voting yes: remove required_consent, or choose a rule with a vote",
        ],
    ),
    (
        "dates-out-of-order.toml",
        &[
            "9:20: the objection period ends (2026-11-20) before the meeting (2026-11-28) — objections to the notice come after the meeting: give a day on or after 2026-11-28",
            "14:13: 'raised_on' (2026-12-20) is after the meeting (2026-11-28) — a concern is raised before the meeting that discusses it: check the year and month",
        ],
    ),
    (
        "duplicate-items.toml",
        &[
            "24:9: two items have the title '楼前停车' — item 1 (line 10) has the same title: give each item its own title, or merge them",
        ],
    ),
    (
        "empty-unit.toml",
        &[
            "14:9: unit 3-4 has no flats in the roster — building 3 has units 1, 2, 3",
            "21:9: building 9 has no flats in the roster — the roster has buildings 1, 2, 3, 4, 5, 6, 7, 8",
        ],
    ),
    (
        "malformed-date.toml",
        &[
            "4:10: 'next friday' is not a valid date and time: expected year or hour — write it like starts = 2026-11-28T19:00:00+08:00",
            "9:20: '2026-02-30' is not a valid date: expected day between 01 and 28 — write it like objections_until = 2026-12-05",
            "14:13: '2026-13-01' is not a valid date: expected month between 01 and 12 — write it like raised_on = 2026-10-20",
        ],
    ),
    (
        "missing-key.toml",
        &[
            "1:1: [meeting] is missing 'place' — add place = \"莲心亭\" (where the meeting is held)",
            "8:1: item 1 is missing 'statement' — add statement = \"单元里老人多，爬楼太难，希望加装电梯\" (the concern in the words of whoever raised it)",
        ],
    ),
    (
        "no-items.toml",
        &[
            "9:2: unknown key 'item' at the top of the file — did you mean [[items]]?",
            "11:1: the agenda has no items — add at least one [[items]] table with title, raised_by, statement, rule and scope",
        ],
    ),
    (
        "no-meeting.toml",
        &[
            "1:1: the agenda has no [meeting] table — start the file with [meeting] and its title, kind, starts, place, host and secretary",
        ],
    ),
    (
        "raised-from-unknown.toml",
        &[
            "12:15: flat 3-2-510 is not in the roster — check the room number: unit 3-2 has rooms 101, 102, 201, 202, 301, 302, 401, 402, 501, 502, 601, 602",
            "20:15: '3楼202' is not a flat — write building-unit-room, e.g. 3-2-501 or 3栋2单元501",
        ],
    ),
    (
        "scope-flat-not-in-roster.toml",
        &[
            "14:32: flat 3-2-701 is not in the roster — check the room number: unit 3-2 has rooms 101, 102, 201, 202, 301, 302, 401, 402, 501, 502, 601, 602",
            "14:43: flat 3-2-101 is listed twice — remove the repeated entry",
        ],
    ),
    (
        "several-problems.toml",
        &[
            "2:1: unknown key 'title' at the top of the file — meeting details go below the [meeting] header",
            "4:1: [meeting] is missing 'title' — add title = \"红旗小区 3号楼加装电梯议事会\" (the meeting's title)",
            "5:8: unknown meeting kind 'owner' — did you mean 'owners'? write \"owners\" (owners' joint decisions) or \"residents\" (residents' consultation); 业主 and 居民 are accepted too",
            "6:10: 'starts' needs a time of day — write date, time and offset: starts = 2026-11-28T19:00:00+08:00",
            "7:9: 'place' is empty — fill in where the meeting is held, e.g. place = \"莲心亭\"",
            "10:1: 'objections_until' is given without 'objections_to' — add where objections are raised, e.g. objections_to = \"社区居委会一楼服务窗口\"",
            "18:9: '3-2-501' is a single flat, not a building or unit — to let only listed flats vote, write a list: scope = [\"3-2-501\"]",
            "19:32: flat 3-2-101 is listed twice — remove the repeated entry",
            "21:1: item 2 is missing 'title' — add title = \"3号楼2单元加装电梯\" (the item's title)",
            "22:1: unknown key 'Title' in item 2 — did you mean 'title'?",
        ],
    ),
    (
        "syntax-error.toml",
        &[
            "2:25: TOML syntax error: invalid basic string, expected `\"` — fix the syntax here (text in double quotes, one key = value per line); the rest of the file was not checked",
        ],
    ),
    (
        "cost-plan.toml",
        &[
            "18:10: 'amount': '七十八万' is not a number — write yuan, to the fen: 780000.00",
            "19:11: 'subsidy': '-200000' is negative — write yuan, to the fen: 780000.00",
            "20:12: '一楼' is not a floor number — write each floor as a whole number from 1: floors = { 1 = 0, 2 = 0.3 }",
            "20:26: floor 2: '0.123456' has more than 4 decimals — write a coefficient such as 0.3 or 1.25 (at most 4 decimals, not negative)",
            "32:1: the cost plan of item 2 has no coefficient for floor 5 (3-1-501), 6 (3-1-601) — give every floor of the scope a coefficient (0 for a floor that pays nothing)",
            "44:1: the cost plan of item 3: the subsidy (¥200000.00) is larger than the amount (¥100000.00) — the subsidy is deducted from the amount: check both figures",
        ],
    ),
    (
        "unknown-key.toml",
        &[
            "8:1: unknown key 'recorder' in [meeting] — allowed keys in [meeting]: title, number, kind, starts, place, host, secretary, objections_to, objections_until, issuer, posted_on, notice_days, show_officers",
            "13:1: unknown key 'raised_form' in item 1 — did you mean 'raised_from'?",
        ],
    ),
    (
        "bad-number.toml",
        &[
            "3:10: meeting number: a whole number such as 12 (or leave it empty) — the meeting's number in the estate's series (a whole number; may be left out)",
        ],
    ),
    (
        "unknown-rule.toml",
        &[
            "13:8: unknown rule 'civil-code-majr' — did you mean 'civil-code-major'? use a built-in rule (civil-code-major, civil-code-ordinary, show-of-hands, none), or declare one as [rules.NAME]",
            "20:8: unknown rule 'majority' — use a built-in rule (civil-code-major, civil-code-ordinary, show-of-hands, none), or declare one as [rules.NAME]",
        ],
    ),
    (
        "wrong-type.toml",
        &[
            "2:9: 'title' must be a string, not an integer — put the text in double quotes: title = \"5\"",
            "3:8: 'kind' must be a string, not true/false — write it as text in double quotes, e.g. kind = \"owners\"",
            "6:8: 'host' must be a string, not a list — write it as text in double quotes, e.g. host = \"郭建敏\"",
            "12:13: 'raised_on' must be a date, not an integer — write it like raised_on = 2026-10-20",
            "15:9: 'scope' must be a string, not a decimal number — write a unit as text: scope = \"3-2\"",
            "16:32: each entry of 'required_consent' must be a flat in double quotes, not an integer — write required_consent = [\"3-2-101\", \"3-2-102\"]",
        ],
    ),
];

const BAD_DIR: &str = "tests/fixtures/agenda/bad";

fn expected(path: &str, lines: &[&str]) -> String {
    lines
        .iter()
        .map(|line| format!("{path}:{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_bad_fixture_gives_exactly_its_problems() {
    let mut failures = Vec::new();
    for (name, lines) in BAD {
        let path = format!("{BAD_DIR}/{name}");
        let want = expected(&path, lines);
        match parse_file(&path) {
            Ok(_) => failures.push(format!("{path}: parsed without problems")),
            Err(got) if got != want => {
                failures.push(format!("{path}:\n--- want\n{want}\n--- got\n{got}"))
            }
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_bad_fixture_is_listed() {
    for entry in fs::read_dir(BAD_DIR).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            BAD.iter().any(|(listed, _)| *listed == name),
            "{name} has no expected problems in BAD"
        );
    }
}

/// A small valid agenda; tests change one line of it.
const MINIMAL: &str = r#"[meeting]
title = "红旗小区议事会"
kind = "owners"
starts = 2026-11-28T19:00:00+08:00
place = "莲心亭"
host = "郭建敏"
secretary = "马长祥"

[[items]]
title = "3号楼2单元加装电梯"
raised_by = "王秀兰"
statement = "老人多，爬楼太难。"
rule = "civil-code-major"
scope = "3-2"
"#;

fn parse_text(text: &str) -> Result<pavilion::domain::MeetingPlan, String> {
    parse_agenda("t.toml", text, &roster_flats()).map_err(|p| p.to_string())
}

#[test]
fn dates_may_also_be_written_as_strings() {
    let text = MINIMAL
        .replace(
            "starts = 2026-11-28T19:00:00+08:00",
            "starts = \"2026-11-28T19:00:00+08:00\"",
        )
        .replace(
            "raised_by = \"王秀兰\"",
            "raised_by = \"王秀兰\"\nraised_on = \"2026-10-20\"",
        );
    let plan = parse_text(&text).unwrap();
    assert_eq!(plan.starts.to_string(), "2026-11-28T11:00:00Z");
    assert_eq!(plan.items[0].raised_on.unwrap().to_string(), "2026-10-20");
}

#[test]
fn rooms_and_scopes_in_chinese_forms_and_building_numbers() {
    let text = MINIMAL
        .replace("scope = \"3-2\"", "scope = \"3栋2单元\"")
        .replace(
            "raised_by = \"王秀兰\"",
            "raised_by = \"王秀兰\"\nraised_from = \"3号楼2单元501室\"",
        )
        + "required_consent = \"3栋2单元101\"\n";
    let plan = parse_text(&text).unwrap();
    let item = &plan.items[0];
    assert_eq!(item.raised_from, Some(FlatRef::new("3", "2", "501")));
    assert_eq!(item.required_consent, [FlatRef::new("3", "2", "101")]);
    assert_eq!(
        item.scope,
        Scope::Unit {
            building: "3".into(),
            unit: "2".into()
        }
    );

    let building = parse_text(&MINIMAL.replace("scope = \"3-2\"", "scope = 3")).unwrap();
    assert_eq!(building.items[0].scope, Scope::Building("3".into()));
}

#[test]
fn a_statutory_rule_is_allowed_in_a_residents_meeting() {
    // The count is the same whoever convenes: all owners in the scope, ballots collected as needed.
    let text = MINIMAL.replace("kind = \"owners\"", "kind = \"residents\"");
    let plan = parse_text(&text).unwrap();
    assert_eq!(plan.kind, MeetingKind::Residents);
    assert_eq!(plan.items[0].rule.name, CIVIL_CODE_MAJOR);
}

#[test]
fn an_empty_roster_skips_only_the_roster_checks() {
    let text = MINIMAL.replace("scope = \"3-2\"", "scope = \"9-9\"");
    assert!(parse_agenda("t.toml", &text, &HashSet::new()).is_ok());
    let broken = text.replace("rule = \"civil-code-major\"", "rule = \"major\"");
    let problems = parse_agenda("t.toml", &broken, &HashSet::new()).unwrap_err();
    assert_eq!(problems.0.len(), 1, "{problems}");
}

#[test]
fn a_byte_order_mark_does_not_shift_columns() {
    let text = format!("\u{feff}version = 1\n{MINIMAL}");
    assert_eq!(
        parse_text(&text).unwrap_err(),
        "t.toml:1:1: unknown key 'version' at the top of the file — an agenda holds [meeting], [rules.NAME] and [[items]]"
    );
}

#[test]
fn blank_optional_texts_are_left_out() {
    let text = MINIMAL.to_string() + "proposal = \"\"\ncategory = \"  \"\n";
    let plan = parse_text(&text).unwrap();
    assert_eq!(plan.items[0].proposal, None);
    assert_eq!(plan.items[0].category, None);
}

#[test]
fn tables_may_be_written_inline() {
    let text = r#"meeting = { title = "红旗小区议事会", kind = "owners", starts = 2026-11-28T19:00:00+08:00, place = "莲心亭", host = "郭建敏", secretary = "马长祥" }
items = [
  { title = "楼道杂物清理", raised_by = "姜红丽", statement = "楼梯底下堆满杂物。", rule = "none", scope = "3" },
]
"#;
    let plan = parse_text(text).unwrap();
    assert_eq!(plan.items[0].title, "楼道杂物清理");
}

#[test]
fn a_duplicate_title_names_the_earlier_item_by_its_number() {
    let item = |title: &str| {
        format!(
            "\n[[items]]\n{title}raised_by = \"赵刚\"\nstatement = \"没车位。\"\nrule = \"none\"\nscope = \"3\"\n"
        )
    };
    let text = MINIMAL.split("\n[[items]]").next().unwrap().to_string()
        + &item("")
        + &item("title = \"停车\"\n")
        + &item("title = \"停车\"\n");
    assert_eq!(
        parse_text(&text).unwrap_err(),
        "t.toml:9:1: item 1 is missing 'title' — add title = \"3号楼2单元加装电梯\" (the item's title)\n\
         t.toml:23:9: two items have the title '停车' — item 2 (line 16) has the same title: give each item its own title, or merge them"
    );
}
