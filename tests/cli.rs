//! The real binary, headless: the contract of DESIGN §2, exit codes, one-line errors, nothing
//! written on bad input.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::cli::{dump, pavilion, sample_db};

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("estate.db");
        Db { _dir: dir, path }
    }

    fn run(&self, args: &[&str]) -> Output {
        pavilion(&self.path, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        common::cli::ok(&self.path, args)
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(
            out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("pavilion:")
        );
        String::from_utf8(out.stderr).unwrap()
    }

    /// The sample estate with the elevator meeting taken in.
    fn sample() -> Db {
        let (dir, path) = sample_db();
        Db { _dir: dir, path }
    }

    /// Every row of every table, to show a failed command wrote nothing.
    fn dump(&self) -> String {
        dump(&self.path)
    }
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn sample_roster_gives_288_flats_of_270_owners() {
    let db = Db::new();
    db.ok(&["init", "--estate", "红旗小区"]);
    let out = db.ok(&["roster", "import", "agendas/roster-hongqi.csv"]);
    assert_eq!(
        out.lines().take(3).collect::<Vec<_>>(),
        [
            "header in row 1, 288 rows read, area 20505.55 m²",
            "  area taken from the column '建筑面积(㎡)'",
            "in all: 288 rows read, 288 flats, 270 owners, total area 20505.55 m²",
        ],
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("imported 288 flats of 270 owners")),
        "{out}"
    );
    let list = json(&db.ok(&["roster", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 288);
    // Importing the same file again changes nothing.
    let again = db.ok(&["roster", "import", "agendas/roster-hongqi.csv"]);
    assert!(
        again.contains("0 flats added, 0 updated, 0 no longer listed; 0 owners added, 0 updated"),
        "{again}"
    );
}

#[test]
fn a_roll_call_headless_and_the_tally_json_shape() {
    let db = Db::sample();
    for r in [
        "3-2-101", "3-2-102", "3-2-201", "3-2-202", "3-2-301", "3-2-302",
    ] {
        db.ok(&["ballot", "latest", "1", r, "yes"]);
    }
    db.ok(&["ballot", "1", "1", "3栋2单元401", "no"]);
    db.ok(&["attend", "1", "3-2-402", "--proxy", "李明"]);
    db.ok(&["ballot", "1", "1", "3-2-402", "abstain", "--proxy", "李明"]);
    let raw = db.ok(&["tally", "1", "1", "--json"]);
    // The documented order of DESIGN §2, then the extra detail.
    assert!(
        raw.starts_with(r#"{"meeting":1,"item":1,"rule":"civil-code-major","status":"open","total":{"owners":12,"area_m2":"852.55"},"participating":{"owners":8,"area_m2":"#),
        "{raw}"
    );
    let order = [
        "\"participating\"",
        "\"yes\"",
        "\"no\"",
        "\"abstain\"",
        "\"participation_met\"",
        "\"approval_met\"",
        "\"consents_met\"",
        "\"passed\"",
    ];
    let at: Vec<usize> = order.iter().map(|k| raw.find(k).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{raw}");
    let t = json(&raw);
    assert_eq!(t["meeting"], 1);
    assert_eq!(t["item"], 1);
    assert_eq!(t["rule"], "civil-code-major");
    assert_eq!(t["status"], "open");
    assert_eq!(
        t["total"],
        serde_json::json!({"owners": 12, "area_m2": "852.55"})
    );
    assert_eq!(t["participating"]["owners"], 8);
    assert_eq!(t["yes"]["owners"], 6);
    assert_eq!(t["no"]["owners"], 1);
    assert_eq!(t["abstain"]["owners"], 1);
    assert!(
        t["participating"]["area_m2"]
            .as_str()
            .unwrap()
            .split('.')
            .nth(1)
            .unwrap()
            .len()
            == 2
    );
    assert_eq!(t["participation_met"], true, "8/12 is exactly 2/3");
    assert_eq!(t["approval_met"], true, "6/8 is exactly 3/4");
    assert_eq!(t["consents_met"], true);
    assert_eq!(t["passed"], true);
    let closed = db.ok(&["close", "1", "1"]);
    assert!(closed.starts_with("item 1 closed: PASSED"), "{closed}");
    let t = json(&db.ok(&["tally", "1", "1", "--json"]));
    assert_eq!(t["status"], "closed");
    let err = db.fails(&["ballot", "1", "1", "3-2-501", "yes"]);
    assert_eq!(
        err,
        "pavilion: the vote on item 1 is closed; ballots can no longer change\n"
    );
}

#[test]
fn errors_are_one_line_and_name_what_to_do() {
    let db = Db::sample();
    assert_eq!(
        db.fails(&["ballot", "1", "1", "9-9-999", "yes"]),
        "pavilion: flat 9-9-999 is not in the roster (see `pavilion roster list`)\n"
    );
    assert_eq!(
        db.fails(&["ballot", "1", "1", "1-1-101", "yes"]),
        "pavilion: flat 1-1-101 is outside the scope of item 1 (building 3 unit 2): only owners in scope vote\n"
    );
    assert_eq!(
        db.fails(&["tally", "7", "1"]),
        "pavilion: no meeting 7 (see `pavilion meetings`)\n"
    );
    assert_eq!(
        db.fails(&["tally", "1", "9"]),
        "pavilion: meeting 1 has no item 9 (items are numbered from 1)\n"
    );
    let none = Db::new();
    let err = none.fails(&["meetings"]);
    assert!(
        err.starts_with("pavilion: no database at ") && err.ends_with("(or give --db PATH)\n"),
        "{err}"
    );
    assert!(!none.path.exists(), "a failed command creates no database");
}

#[test]
fn a_bad_agenda_is_reported_in_full_and_writes_nothing() {
    let db = Db::sample();
    let before = db.dump();
    let out = db.run(&["intake", "tests/fixtures/agenda/bad/unknown-rule.toml"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("tests/fixtures/agenda/bad/unknown-rule.toml:"),
        "{err}"
    );
    assert!(err.trim_end().ends_with("nothing was written"), "{err}");
    assert_eq!(db.dump(), before);
    // `check` validates several files and writes nothing either.
    let out = db.run(&[
        "check",
        "agendas/hongqi-2026-12-parking.toml",
        "tests/fixtures/agenda/bad/unknown-rule.toml",
    ]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("hongqi-2026-12-parking.toml: ok")
    );
    assert_eq!(db.dump(), before);
}

#[test]
fn check_works_against_a_roster_file_without_any_database() {
    let db = Db::new();
    let out = db.ok(&[
        "check",
        "--roster",
        "agendas/roster-hongqi.csv",
        "agendas/hongqi-2026-11-28-elevator.toml",
    ]);
    assert!(out.contains("ok"), "{out}");
    assert!(
        !db.path.exists(),
        "check writes nothing, not even a database"
    );
}

#[test]
fn written_ballots_import_all_or_nothing() {
    let db = Db::sample();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "房号,表决意见\n3-2-101,同意\n1-1-101,同意\n3-2-102,maybe\n3-2-101,反对\n",
    )
    .unwrap();
    let before = db.dump();
    let err = db.fails(&["ballot-import", "1", "1", bad.to_str().unwrap()]);
    let name = bad.display();
    assert!(
        err.contains(&format!(
            "{name}: row 4, column B (choice): 'maybe' is not a choice"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{name}: row 5, column A (room): flat 3-2-101 appears twice (first in row 2)"
        )),
        "{err}"
    );
    assert_eq!(db.dump(), before);
    std::fs::write(&bad, "房号,表决意见\n3-2-101,同意\n1-1-101,同意\n").unwrap();
    let err = db.fails(&["ballot-import", "1", "1", bad.to_str().unwrap()]);
    assert!(
        err.contains("row 3, column A (room): flat 1-1-101 is outside the scope of item 1"),
        "{err}"
    );
    assert_eq!(db.dump(), before);
    let good = dir.path().join("good.csv");
    // GBK-encoded, as Excel on a Chinese Windows machine saves it.
    let (bytes, _, _) = encoding_rs::GBK.encode("3-2-101,同意\n3-2-102,反对\n3栋2单元201,弃权\n");
    std::fs::write(&good, bytes).unwrap();
    assert_eq!(
        db.ok(&["ballot-import", "1", "1", good.to_str().unwrap()])
            .trim(),
        "item 1: 3 written ballots recorded"
    );
    let t = json(&db.ok(&["tally", "1", "1", "--json"]));
    assert_eq!(
        (
            t["yes"]["owners"].as_i64(),
            t["no"]["owners"].as_i64(),
            t["abstain"]["owners"].as_i64()
        ),
        (Some(1), Some(1), Some(1))
    );
}

#[test]
fn backlog_and_actions_across_meetings() {
    let db = Db::sample();
    assert_eq!(
        db.ok(&[
            "raise",
            "东门路灯不亮",
            "--by",
            "赵大爷",
            "--from",
            "4-1-302"
        ])
        .trim(),
        "concern 1 logged in the backlog"
    );
    assert!(
        db.ok(&["backlog"])
            .contains("赵大爷 (4-1-302): 东门路灯不亮")
    );
    assert_eq!(
        db.ok(&["schedule", "1", "1"]).trim(),
        "concern 1 is item 4 of meeting 1"
    );
    db.ok(&[
        "actions",
        "add",
        "--what",
        "更换东门路灯",
        "--who",
        "物业",
        "--due",
        "2026-12-01",
        "--meeting",
        "1",
        "--item",
        "4",
    ]);
    assert_eq!(
        db.fails(&[
            "actions", "add", "--what", "x", "--who", "物业", "--due", "12/01"
        ]),
        "pavilion: '12/01' is not a date: write it as 2026-12-15, 2026/12/15 or 2026年12月15日\n"
    );
    db.ok(&["actions", "update", "1", "--note", "已下单灯具"]);
    assert_eq!(
        db.fails(&["actions", "close", "1", "--confirm", " "]),
        "pavilion: an action is closed only with a note of who confirmed it is done\n"
    );
    db.ok(&["actions", "close", "1", "--confirm", "赵大爷确认已亮"]);
    let list = json(&db.ok(&["actions", "list", "--all", "--json"]));
    assert_eq!(list[0]["status"], "closed");
    assert_eq!(list[0]["responsible"], "property");
    assert_eq!(list[0]["progress"][0]["note"], "已下单灯具");
    assert!(db.ok(&["actions", "list"]).contains("no open actions"));
}

#[test]
fn the_sample_agendas_all_pass_check() {
    let db = Db::new();
    db.ok(&["init", "--estate", "红旗小区"]);
    db.ok(&["roster", "import", "agendas/roster-hongqi.csv"]);
    let out = db.ok(&[
        "check",
        "agendas/hongqi-2026-11-28-elevator.toml",
        "agendas/hongqi-2026-12-maintenance-fund.toml",
        "agendas/hongqi-2026-12-parking.toml",
    ]);
    assert_eq!(out.lines().count(), 3);
    assert!(
        Path::new("agendas/README.md").exists()
            || Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("agendas/README.md")
                .exists()
    );
}

/// A database with the sample estate and roster, and nothing else.
fn roster_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pavilion.db");
    common::cli::ok(&db, &["init", "--estate", "红旗小区"]);
    common::cli::ok(&db, &["roster", "import", "agendas/roster-hongqi.csv"]);
    (dir, db)
}

/// A meeting as the record holds it: header, then each item with its cost plan.
fn meeting_as_stored(db: &Path, id: i64) -> String {
    let store = pavilion::store::Store::open_read_only(db).unwrap();
    let mut m = store.meeting(id).unwrap();
    m.id = 0;
    let notice = store.notice_settings(id).unwrap();
    let mut out = format!("{m:?}\n{notice:?}\n");
    for mut item in store.items(id).unwrap() {
        let plan = store.cost_plan(item.id).unwrap().map(|p| p.plan);
        (item.id, item.meeting_id) = (0, 0);
        out.push_str(&format!("{item:?}\n{plan:?}\n"));
    }
    out
}

/// `agenda-template` writes a meeting as an agenda file that intake takes in again as the same
/// meeting: the three sample agendas (custom rule, cost plan, objections, multi-line proposal) and
/// a meeting set up without any file (a list of flats as scope, items changed and reordered).
#[test]
fn agenda_template_round_trips_through_intake() {
    use pavilion::domain::{FlatRef, Rule, Scope};
    let (_a, source) = roster_db();
    for f in [
        "agendas/hongqi-2026-11-28-elevator.toml",
        "agendas/hongqi-2026-12-maintenance-fund.toml",
        "agendas/hongqi-2026-12-parking.toml",
    ] {
        common::cli::ok(&source, &["intake", f]);
    }
    {
        let mut store = pavilion::store::Store::open(&source).unwrap();
        let mut plan = common::meeting_plan("楼道议事会", "2026-12-20T11:00:00Z", vec![]);
        plan.number = Some(12);
        let m = store.create_meeting(&plan).unwrap();
        let notice = pavilion::domain::notice::NoticeSettings {
            issuer: Some("红旗小区业主委员会".into()),
            posted_on: Some("2026-12-21".parse().unwrap()),
            notice_days: Some(10),
            show_officers: true,
        };
        store.set_notice(m, &notice, false).unwrap();
        let flats = Scope::Flats(vec![
            FlatRef::parse("3-2-101").unwrap(),
            FlatRef::parse("3-2-102").unwrap(),
        ]);
        let mut a = common::item("楼道堆物清理", Rule::show_of_hands(), Scope::Estate, &[]);
        a.statement = "第一行\n第二行：\"引号\" 与 \\ 反斜杠".into();
        store.add_item(m, &a, None).unwrap();
        let b = common::item(
            "一楼小院围栏",
            Rule::civil_code_ordinary(),
            flats,
            &["3-2-101"],
        );
        store.add_item(m, &b, None).unwrap();
        store.move_item(m, 2, pavilion::store::Move::Up).unwrap();
    }
    let (_b, target) = roster_db();
    let dir = tempfile::tempdir().unwrap();
    for id in 1..=4 {
        let file = dir.path().join(format!("meeting-{id}.toml"));
        let file_text = file.to_str().unwrap();
        common::cli::ok(
            &source,
            &["agenda-template", &id.to_string(), "-o", file_text],
        );
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.starts_with("# Agenda of meeting"), "{text}");
        common::cli::ok(&target, &["check", file_text]);
        let new: i64 = common::cli::ok(&target, &["intake", file_text])
            .trim()
            .parse()
            .unwrap();
        assert_eq!(
            meeting_as_stored(&target, new),
            meeting_as_stored(&source, id),
            "meeting {id} through {text}"
        );
    }
    common::cli::assert_verifies(&target);
}

/// An agenda file like a sample one, with `number = N` in its header (or under another title).
fn agenda_with(dir: &Path, sample: &str, title: Option<&str>, number: u32) -> String {
    let text = std::fs::read_to_string(Path::new("agendas").join(sample)).unwrap();
    let (head, rest) = text.split_once("\ntitle = ").unwrap();
    let (old_title, rest) = rest.split_once('\n').unwrap();
    let title = title.map_or(old_title.to_string(), |t| format!("\"{t}\""));
    let text = format!("{head}\ntitle = {title}\nnumber = {number}\n{rest}");
    let file = dir.join(format!("{number}-{sample}"));
    std::fs::write(&file, text).unwrap();
    file.display().to_string()
}

/// `check` says what `intake` would: a meeting already taken in, or a number its kind already
/// has, is refused by both with the same words; a number of the other kind is fine; and the
/// refusal offers the next number of that kind (owners' and residents' meetings are numbered each
/// on their own). Without a database, `check` says it did not look at any meetings.
#[test]
fn check_refuses_what_intake_refuses_a_taken_number_or_meeting() {
    let db = Db::sample();
    let dir = tempfile::tempdir().unwrap();
    // Owners' meeting 5 (the maintenance fund), then residents' meeting 1 (parking).
    let fund = agenda_with(dir.path(), "hongqi-2026-12-maintenance-fund.toml", None, 5);
    db.ok(&["intake", &fund]);
    let parking = agenda_with(dir.path(), "hongqi-2026-12-parking.toml", None, 1);
    db.ok(&["intake", &parking]);
    let before = db.dump();
    // Another owners' meeting numbered 5, and the elevator agenda again: check and intake agree.
    let again = agenda_with(
        dir.path(),
        "hongqi-2026-11-28-elevator.toml",
        Some("又一次业主大会"),
        5,
    );
    let cases = [
        (again.as_str(), "number 5 is already meeting 2's"),
        (
            "agendas/hongqi-2026-11-28-elevator.toml",
            "this agenda was already taken in as meeting 1",
        ),
    ];
    for (file, said) in cases {
        let intake = db.fails(&["intake", file]);
        let why = intake.trim_end().strip_prefix("pavilion: ").unwrap();
        assert!(why.starts_with(said), "{intake}");
        let check = db.fails(&["check", file]);
        assert!(
            check.contains(&format!("{file}: {why}")),
            "{check}\nvs {intake}"
        );
        assert_eq!(db.dump(), before, "{file}: nothing written");
    }
    // The owners' series has meetings 1 (counted), 5 (given): the next is 6. Residents' has 1.
    let check = db.fails(&["check", &again]);
    assert!(
        check.contains("the next number of this kind is 6"),
        "{check}"
    );
    let parking2 = agenda_with(
        dir.path(),
        "hongqi-2026-12-parking.toml",
        Some("第二次居民议事会"),
        1,
    );
    let check = db.fails(&["check", &parking2]);
    assert!(
        check.contains("the next number of this kind is 2"),
        "{check}"
    );
    // Number 5 of the residents' series is free although an owners' meeting has 5.
    let residents5 = agenda_with(
        dir.path(),
        "hongqi-2026-12-parking.toml",
        Some("第五次居民议事会"),
        5,
    );
    assert!(db.ok(&["check", &residents5]).contains(": ok"));
    assert_eq!(db.ok(&["intake", &residents5]).trim(), "4");

    // A roster file and no database: the meetings were not looked at, and check says so.
    let none = Db::new();
    let out = none.ok(&["check", "--roster", "agendas/roster-hongqi.csv", &again]);
    assert!(out.contains(": ok"), "{out}");
    assert!(
        out.contains("not compared with any database's meetings"),
        "{out}"
    );
    let out = std::process::Command::new(common::cli::BIN)
        .args(["--lang", "zh", "--db"])
        .arg(&none.path)
        .args(["check", "--roster", "agendas/roster-hongqi.csv", &again])
        .current_dir(common::cli::root())
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("未对照任何数据库中的议事会"), "{said}");
    assert!(
        !none.path.exists(),
        "check writes nothing, not even a database"
    );
}
