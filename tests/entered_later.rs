//! `--at TIME`: paper records entered afterwards (补录) through the real binary on a real SQLite
//! file — the row takes the stated time, the event keeps when it was entered, refusals name the
//! option and the value in both languages and write nothing, counting follows the stated time,
//! `verify` replays it and catches tampering with it.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{assert_verifies, dump, ok, pavilion, rehash_chain, sample_db};

fn run(db: &Path, lang: &str, args: &[&str]) -> Output {
    common::cli::pavilion_in(db, lang, args)
}

fn query(db: &Path, sql: &str) -> Vec<String> {
    common::cli::column(db, sql)
}

fn one(db: &Path, sql: &str) -> String {
    query(db, sql)
        .pop()
        .unwrap_or_else(|| panic!("no row: {sql}"))
}

/// The owner id of a flat, as SQL.
fn owner(flat: &str) -> String {
    let parts: Vec<&str> = flat.split('-').collect();
    format!(
        "(SELECT owner_id FROM flats WHERE building = '{}' AND unit = '{}' AND room = '{}')",
        parts[0], parts[1], parts[2]
    )
}

/// The sample meeting (28 Nov 2026 19:00 +08:00) with paper records entered afterwards:
/// 3-2-101 and 3-2-102 signed in at 19:20, 3-2-101's yes on item 1 at 19:40, a note at 19:30.
fn entered_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, db) = sample_db();
    let said = ok(
        &db,
        &[
            "attend",
            "1",
            "3-2-101",
            "3-2-102",
            "--at",
            "2026-11-28 19:20",
        ],
    );
    assert!(
        said.contains("entered later: recorded as of 28 Nov 2026 19:20"),
        "{said}"
    );
    ok(
        &db,
        &[
            "ballot",
            "1",
            "1",
            "3-2-101",
            "yes",
            "--at",
            "2026/11/28 19:40",
        ],
    );
    ok(
        &db,
        &[
            "note",
            "1",
            "1",
            "--speaker",
            "王秀兰",
            "老人上下楼太难了",
            "--at",
            "19:30",
        ],
    );
    (dir, db)
}

#[test]
fn the_row_takes_the_stated_time_and_the_event_keeps_when_it_was_entered() {
    let (_dir, db) = entered_db();
    // 20:30 in Beijing, written with an explicit offset.
    let said = run(
        &db,
        "zh",
        &["close", "1", "1", "--at", "2026-11-28T12:30:00Z"],
    );
    assert!(said.status.success(), "{said:?}");
    let stdout = String::from_utf8_lossy(&said.stdout);
    assert!(
        stdout.contains("补录：按 2026年11月28日 20:30 记入"),
        "{stdout}"
    );

    let sign_in = format!(
        "SELECT at FROM attendance WHERE owner_id = {}",
        owner("3-2-101")
    );
    assert_eq!(one(&db, &sign_in), "2026-11-28T11:20:00Z");
    assert_eq!(one(&db, "SELECT at FROM ballots"), "2026-11-28T11:40:00Z");
    assert_eq!(one(&db, "SELECT at FROM notes"), "2026-11-28T11:30:00Z");
    assert_eq!(
        one(&db, "SELECT closed_at FROM items WHERE number = 1"),
        "2026-11-28T12:30:00Z"
    );
    // Each event says when it was entered and what time it stands for.
    let events = query(
        &db,
        "SELECT at || ' ' || json_extract(data, '$.stated_at') FROM events
         WHERE kind IN ('attend', 'ballot', 'note.add', 'vote.close') ORDER BY id",
    );
    let stated: Vec<&str> = events
        .iter()
        .map(|e| e.split(' ').nth(1).unwrap())
        .collect();
    assert_eq!(
        stated,
        [
            "2026-11-28T11:20:00Z",
            "2026-11-28T11:20:00Z",
            "2026-11-28T11:40:00Z",
            "2026-11-28T11:30:00Z",
            "2026-11-28T12:30:00Z"
        ]
    );
    // The chain stays in the order things were entered: its times never go back.
    let times = query(&db, "SELECT at FROM events ORDER BY id");
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert!(times.last().unwrap().as_str() > "2026-12-01", "{times:?}");
    assert_verifies(&db);
}

/// A refusal in both languages: status 1, the option and the value named, the reason given, and
/// nothing written.
fn assert_refused(db: &Path, args: &[&str], value: &str, zh: &str, en: &str) {
    let option = |lang| match lang {
        "zh" => format!("--at “{value}”：{zh}"),
        _ => format!("--at '{value}': {en}"),
    };
    assert_refused_with(db, args, &option("zh"), &option("en"));
}

/// A refusal in both languages that says `zh` / `en`, and nothing written.
fn assert_refused_with(db: &Path, args: &[&str], zh: &str, en: &str) {
    let before = dump(db);
    for (lang, reason) in [("zh", zh), ("en", en)] {
        let out = run(db, lang, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?} ({lang}): {stderr}");
        assert!(stderr.contains(reason), "{args:?} ({lang}): {stderr}");
    }
    assert_eq!(dump(db), before, "{args:?} changed the database");
}

#[test]
fn a_stated_time_that_cannot_be_is_refused_naming_the_option_and_the_value() {
    let (_dir, db) = entered_db();
    let cases: &[(&[&str], &str, &str, &str)] = &[
        (
            &["attend", "1", "3-2-201", "--at", "2099-01-01 10:00"],
            "2099-01-01 10:00",
            "补录时间 2099年1月1日 10:00 晚于现在",
            "the stated time 1 Jan 2099 10:00 is later than now",
        ),
        (
            &["attend", "1", "3-2-201", "--at", "2026-11-28 18:30"],
            "2026-11-28 18:30",
            "补录时间 2026年11月28日 18:30 早于会议开始（2026年11月28日 19:00）",
            "the stated time 28 Nov 2026 18:30 is before the meeting began (28 Nov 2026 19:00)",
        ),
        (
            &["note", "1", "1", "--speaker", "王", "要点", "--at", "昨晚"],
            "昨晚",
            "不是时间",
            "not a time",
        ),
        (
            &["attend", "1", "3-2-101", "--at", "19:10"],
            "19:10",
            "3-2-101 的业主已有 2026年11月28日 19:20 的签到记录",
            "the owner of 3-2-101 already has a sign-in record at 28 Nov 2026 19:20",
        ),
        (
            // One flat of the list cannot be signed in then: none is.
            &["attend", "1", "3-2-201", "3-2-101", "--at", "19:15"],
            "19:15",
            "3-2-101 的业主已有",
            "the owner of 3-2-101 already has",
        ),
        (
            &["ballot", "1", "1", "3-2-101", "no", "--at", "19:35"],
            "19:35",
            "3-2-101 的业主在议题 1 上已有 2026年11月28日 19:40 的表决记录",
            "the owner of 3-2-101 already has a ballot on item 1 at 28 Nov 2026 19:40",
        ),
        (
            &["ballot", "1", "1", "3-2-101", "withdraw", "--at", "19:35"],
            "19:35",
            "3-2-101 的业主在议题 1 上已有 2026年11月28日 19:40 的表决记录",
            "the owner of 3-2-101 already has a ballot on item 1 at 28 Nov 2026 19:40",
        ),
        (
            &["close", "1", "1", "--at", "19:39"],
            "19:39",
            "议题 1 有一张 2026年11月28日 19:40 的表决票（3-2-101）",
            "item 1 has a ballot at 28 Nov 2026 19:40 (3-2-101)",
        ),
        (
            // Item 2 is decided by those present: 3-2-101 signed in at 19:20, not before.
            &["ballot", "1", "2", "3-2-101", "yes", "--at", "19:15"],
            "19:15",
            "议题 2 由到会者表决：3-2-101 的业主在 2026年11月28日 19:15 未签到",
            "item 2 is decided by those present: the owner of 3-2-101 was not signed in at 28 Nov 2026 19:15",
        ),
        (
            &["ballot", "1", "2", "3-2-201", "yes", "--at", "19:50"],
            "19:50",
            "议题 2 由到会者表决：3-2-201 的业主在 2026年11月28日 19:50 未签到",
            "item 2 is decided by those present: the owner of 3-2-201 was not signed in at 28 Nov 2026 19:50",
        ),
    ];
    for (args, value, zh, en) in cases {
        assert_refused(&db, args, value, zh, en);
    }
    assert_verifies(&db);
}

#[test]
fn a_show_of_hands_closed_at_a_stated_time_counts_those_present_then() {
    let (_dir, db) = sample_db();
    let at = |args: &[&str], time: &str| {
        let mut all = args.to_vec();
        all.extend(["--at", time]);
        ok(&db, &all);
    };
    at(&["attend", "1", "3-2-101", "3-2-102", "3-2-201"], "19:10");
    at(&["ballot", "1", "2", "3-2-101", "yes"], "19:20");
    at(&["ballot", "1", "2", "3-2-102", "no"], "19:21");
    at(&["ballot", "1", "2", "3-2-201", "yes"], "19:22");
    at(&["attend", "1", "3-2-201", "--leave"], "19:30");
    at(&["attend", "1", "3-2-202"], "19:45");
    // Closed at 19:40: those present then are 3-2-101 and 3-2-102 (3-2-201 had left, 3-2-202
    // not yet come), so the vote is 1 yes to 1 no and fails.
    at(&["close", "1", "2"], "19:40");
    let tally: serde_json::Value =
        serde_json::from_str(&ok(&db, &["tally", "1", "2", "--json"])).unwrap();
    assert_eq!(tally["total"]["owners"], 2, "{tally}");
    assert_eq!(tally["yes"]["owners"], 1, "{tally}");
    assert_eq!(tally["no"]["owners"], 1, "{tally}");
    assert_eq!(tally["passed"], false, "{tally}");
    assert_verifies(&db);

    // The past does not change: no ballot on the closed vote, and no sign-in or leaving that
    // would change who was present when it closed.
    assert_refused_with(
        &db,
        &["ballot", "1", "2", "3-2-202", "yes", "--at", "19:35"],
        "议题 2 的表决已结束",
        "the vote on item 2 is closed",
    );
    assert_refused(
        &db,
        &["attend", "1", "3-2-301", "--at", "19:35"],
        "19:35",
        "议题 2 由到会者表决，已于 2026年11月28日 19:40 结束：2026年11月28日 19:35 的签到或离场会改变当时的到会者",
        "item 2 is decided by those present and its vote closed at 28 Nov 2026 19:40: a sign-in or leaving at 28 Nov 2026 19:35 would change who was there",
    );
    // After the close it is the record of someone who came late.
    at(&["attend", "1", "3-2-301"], "19:50");
    assert_verifies(&db);

    // Behind the program's back (events re-hashed): that late sign-in moved before the close, and
    // the first ballot moved before its owner signed in.
    let late = format!(
        "UPDATE events SET data = json_set(data, '$.stated_at', '2026-11-28T11:35:00Z')
             WHERE kind = 'attend' AND owner_id = {o};
         UPDATE attendance SET at = '2026-11-28T11:35:00Z' WHERE owner_id = {o};",
        o = owner("3-2-301")
    );
    let stderr = tampered(&db, &late, true);
    // Said in the meeting's local time, as the refusals are.
    let expected = "item 2 is decided by those present and its vote closed at 28 Nov 2026 19:40: \
                    a sign-in or leaving at 28 Nov 2026 19:35 entered after that";
    assert!(stderr.contains(expected), "{stderr}");
    let early = "UPDATE events SET data = json_set(data, '$.stated_at', '2026-11-28T11:05:00Z')
             WHERE id = (SELECT MIN(id) FROM events WHERE kind = 'ballot');
         UPDATE ballots SET at = '2026-11-28T11:05:00Z' WHERE id = 1;";
    let stderr = tampered(&db, early, true);
    let expected = "item 2 is decided by those present, but the owner of this ballot entered \
                    later was not signed in at 28 Nov 2026 19:05";
    assert!(stderr.contains(expected), "{stderr}");
}

const DROP_TRIGGERS: &str = "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;";

/// Edits a copy of `db` with SQL (the event triggers dropped when `events` is edited, and the
/// chain re-hashed as a tamperer who knows the format would), then runs `verify` in English.
fn tampered(db: &Path, sql: &str, rehash: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("tampered.db");
    std::fs::copy(db, &copy).unwrap();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    if rehash {
        conn.execute_batch(DROP_TRIGGERS).unwrap();
    }
    conn.execute_batch(sql).unwrap();
    if rehash {
        rehash_chain(&conn, &copy);
    }
    drop(conn);
    let out = pavilion(&copy, &["verify"]);
    assert_eq!(out.status.code(), Some(3), "verify passed after: {sql}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn verify_replays_stated_times_and_catches_tampering_with_them() {
    let (_dir, db) = entered_db();
    ok(&db, &["close", "1", "1", "--at", "20:30"]);
    assert_verifies(&db);
    let recorded = one(
        &db,
        "SELECT at FROM events WHERE kind = 'attend' ORDER BY id LIMIT 1",
    );
    let noted = one(&db, "SELECT at FROM events WHERE kind = 'note.add'");
    let cases = [
        // A stated row moved to when it was entered, or anywhere else.
        (
            format!(
                "UPDATE attendance SET at = '{recorded}' WHERE owner_id = {}",
                owner("3-2-101")
            ),
            false,
            "but the events say '2026-11-28T11:20:00Z'".to_string(),
        ),
        (
            "UPDATE notes SET at = '2026-11-28T11:31:00Z'".into(),
            false,
            "(2026-11-28T11:30:00Z)".into(),
        ),
        (
            "UPDATE ballots SET at = '2026-11-28T11:41:00Z'".into(),
            false,
            "'2026-11-28T11:40:00Z'".into(),
        ),
        (
            "UPDATE items SET closed_at = '2026-11-28T12:31:00Z' WHERE number = 1".into(),
            false,
            "'2026-11-28T12:30:00Z'".into(),
        ),
        // The stated time taken out of its event: the row no longer fits the event's time.
        (
            "UPDATE events SET data = json_remove(data, '$.stated_at') WHERE kind = 'note.add'"
                .into(),
            true,
            format!("(2026-11-28T11:30:00Z) but the event recorded 王秀兰: 老人上下楼太难了 ({noted})"),
        ),
        // A stated time later than its entry, row and all.
        (
            "UPDATE events SET data = json_set(data, '$.stated_at', '2099-01-01T00:00:00Z')
                 WHERE kind = 'note.add';
             UPDATE notes SET at = '2099-01-01T00:00:00Z';"
                .into(),
            true,
            "the stated time 1 Jan 2099 08:00 is later than when it was entered".into(),
        ),
        // A vote said to have closed before a ballot it counted.
        (
            "UPDATE events SET data = json_set(data, '$.stated_at', '2026-11-28T11:35:00Z')
                 WHERE kind = 'vote.close';
             UPDATE items SET closed_at = '2026-11-28T11:35:00Z' WHERE number = 1;"
                .into(),
            true,
            "the vote on item 1 closed at 28 Nov 2026 19:35, before one of its ballots (28 Nov 2026 19:40)".into(),
        ),
        (
            "UPDATE events SET data = json_set(data, '$.stated_at', 'last night')
                 WHERE kind = 'ballot';"
                .into(),
            true,
            "the stated time 'last night' is not a time".into(),
        ),
    ];
    for (sql, rehash, expected) in cases {
        let stderr = tampered(&db, &sql, rehash);
        assert!(
            stderr.contains(&expected),
            "{sql}\nexpected {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn the_minutes_mark_records_entered_later_and_the_notice_does_not() {
    let (dir, db) = entered_db();
    ok(&db, &["close", "1", "1", "--at", "20:30"]);
    let file = |name: &str| dir.path().join(name);
    let export = |lang: &str, args: &[&str], name: &str| -> String {
        let path = file(name);
        let mut all = vec!["export", "1"];
        all.extend(args);
        all.extend(["-o", path.to_str().unwrap()]);
        let out = run(&db, lang, &all);
        assert!(out.status.success(), "{out:?}");
        if name.ends_with(".docx") {
            common::docx::docx_text(&std::fs::read(&path).unwrap())
        } else {
            std::fs::read_to_string(&path).unwrap()
        }
    };
    // The sign-in list (two owners), the note, the ballot; the closing of the vote.
    for (lang, mark, closing, explained) in [
        (
            "zh",
            "（补录，",
            "（表决于 20:30 结束；",
            "标有“补录”的记录是会后根据纸质记录录入的",
        ),
        (
            "en",
            " (entered later, ",
            " (vote closed 20:30; entered later, ",
            "were entered afterwards from paper records",
        ),
    ] {
        for format in ["md", "html", "docx"] {
            let minutes = export(lang, &["--format", format], &format!("m-{lang}.{format}"));
            assert_eq!(
                minutes.matches(mark).count(),
                4,
                "{lang} {format}:\n{minutes}"
            );
            assert!(minutes.contains(closing), "{lang} {format}:\n{minutes}");
            assert!(minutes.contains(explained), "{lang} {format}");
            let notice = export(
                lang,
                &["--format", format, "--public"],
                &format!("n-{lang}.{format}"),
            );
            assert!(!notice.contains(mark), "{lang} {format} notice:\n{notice}");
            assert!(!notice.contains(closing), "{lang} {format} notice");
            assert!(!notice.contains(explained), "{lang} {format} notice");
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&export("en", &["--format", "json"], "m.json")).unwrap();
    let item = &json["items"][0];
    let entered = item["roll_call"][0]["entered_at"].as_str().unwrap();
    assert!(entered.starts_with("20"), "{entered}");
    assert!(entered.ends_with("+08:00"), "{entered}");
    assert_eq!(item["roll_call"][0]["at"], "2026-11-28T19:40:00+08:00");
    assert_eq!(item["discussion"][0]["at"], "2026-11-28T19:30:00+08:00");
    assert!(item["discussion"][0]["entered_at"].is_string());
    assert_eq!(item["closed_at"], "2026-11-28T20:30:00+08:00");
    assert!(item["closed_entered_at"].is_string());
    let public: serde_json::Value =
        serde_json::from_str(&export("en", &["--format", "json", "--public"], "n.json")).unwrap();
    assert!(public["items"][0]["closed_entered_at"].is_null());
    // The CSV roll call: when each ballot was entered, if later from paper; none on the notice.
    for (lang, head) in [
        ("zh", "时间（UTC+08:00）,补录的录入时间（UTC+08:00）"),
        ("en", "Time (UTC+08:00),Entered later at (UTC+08:00)"),
    ] {
        let csv = export(lang, &["--format", "csv"], &format!("m-{lang}.csv"));
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[1].ends_with(head), "{csv}");
        let row = lines.iter().find(|l| l.contains(",3-2-101,")).unwrap();
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[cells.len() - 2], "2026-11-28 19:40", "{row}");
        let entered = cells[cells.len() - 1];
        assert!(
            entered.len() == "2026-11-28 19:40".len() && entered > "2026-11-28 19:40",
            "{row}"
        );
        let notice = export(
            lang,
            &["--format", "csv", "--public"],
            &format!("n-{lang}.csv"),
        );
        assert!(!notice.contains(head), "{notice}");
        assert!(
            notice
                .lines()
                .nth(2)
                .unwrap()
                .ends_with(",2026-11-28 19:40"),
            "{notice}"
        );
    }
}

/// The next morning, when the secretary enters the paper records (10:15 in Beijing).
fn next_morning() -> jiff::Timestamp {
    "2026-11-29T02:15:00Z".parse().unwrap()
}

#[test]
fn snapshots_of_minutes_with_records_entered_later() {
    use pavilion::domain::{Choice, FlatRef};
    use pavilion::export::{self, Format, Lang, Variant};
    use pavilion::store::{BallotInput, Presence};

    let (_dir, _path, store, m) = common::estate();
    let mut store = store.with_clock(next_morning);
    let flat = |f: &str| FlatRef::parse(f).unwrap();
    let local = |hm: &str| -> Option<jiff::Timestamp> {
        Some(format!("2026-11-28T{hm}:00+08:00").parse().unwrap())
    };
    for f in ["3-2-101", "3-2-102"] {
        store
            .attend_at(m, &flat(f), &Presence::Present, local("19:20"))
            .unwrap();
    }
    // A point entered as it is typed (next morning) and one from the paper of the evening before:
    // the minutes list the evening's first.
    store
        .add_note(m, 1, "物业 张经理", "施工期间安排临时停车")
        .unwrap();
    store
        .add_note_at(m, 1, "王秀兰", "老人上下楼太难了", local("19:30"))
        .unwrap();
    let (f101, f102) = (flat("3-2-101"), flat("3-2-102"));
    let yes = BallotInput::in_person(&f101, Choice::Yes);
    store.cast_ballot_at(m, 1, &yes, local("19:40")).unwrap();
    let no = BallotInput::in_person(&f102, Choice::No);
    store.cast_ballot_at(m, 1, &no, local("19:41")).unwrap();
    let changed = BallotInput {
        reason: Some("听错了"),
        ..BallotInput::in_person(&f102, Choice::Yes)
    };
    store
        .cast_ballot_at(m, 1, &changed, local("19:45"))
        .unwrap();
    store.close_vote_at(m, 1, local("20:30")).unwrap();
    common::assert_intact(&store);
    for lang in [Lang::Zh, Lang::En] {
        let md = export::export(&store, m, Format::Markdown, Variant::Minutes, lang).unwrap();
        insta::assert_snapshot!(
            format!("minutes_{}_md", lang.code()),
            String::from_utf8(md).unwrap()
        );
    }
}
