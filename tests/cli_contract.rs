//! The command line's contract beyond its output: exit statuses (README "Exit status") and the
//! language of every message.

mod common;

use std::process::Command;
use std::str::FromStr;
use std::time::Duration;

use common::cli::{BIN, pavilion, root, sample_db};
use language::{english_runs, typography};
use pavilion::store::lock::HostLock;

#[path = "cli_contract/language.rs"]
mod language;

fn status(out: &std::process::Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

#[test]
fn exit_statuses_are_the_documented_ones() {
    let (_dir, db) = sample_db();
    // 0: done.
    assert_eq!(status(&pavilion(&db, &["tally", "1", "1"])), 0);
    // 1: refused or invalid input.
    assert_eq!(
        status(&pavilion(&db, &["ballot", "1", "1", "9-9-999", "yes"])),
        1
    );
    assert_eq!(
        status(&pavilion(
            &db,
            &["check", "tests/fixtures/bad/agenda/unknown-rule.toml"]
        )),
        1
    );
    // 2: usage.
    assert_eq!(status(&pavilion(&db, &["ballot", "1"])), 2);
    assert_eq!(status(&pavilion(&db, &["no-such-command"])), 2);
    // 3: the record does not match its events.
    let out = pavilion(
        &db,
        &["verify", "--digest", "0123456789abcdef0123456789abcdef"],
    );
    assert_eq!(status(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        status(&pavilion(&db, &["ballot", "1", "1", "3-2-101", "yes"])),
        0
    );
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("UPDATE ballots SET choice = 'no'")
        .unwrap();
    let out = pavilion(&db, &["verify"]);
    assert_eq!(status(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    // 4: another pavilion holds the database.
    let held = HostLock::acquire(&db, "run", Duration::ZERO).unwrap();
    let out = pavilion(&db, &["note", "1", "1", "--speaker", "王", "point"]);
    assert_eq!(status(&out), 4, "{}", String::from_utf8_lossy(&out.stderr));
    drop(held);
}

#[test]
fn help_is_not_an_error() {
    let out = Command::new(BIN)
        .arg("--help")
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(status(&out), 0);
}

/// RFC 3339 with seconds and offset, in the estate's offset, for every time in JSON.
#[test]
fn json_times_are_rfc3339_in_the_estates_offset() {
    let (_dir, db) = sample_db();
    let meetings: serde_json::Value =
        serde_json::from_str(&common::cli::ok(&db, &["meetings", "--json"])).unwrap();
    assert_eq!(meetings[0]["starts"], "2026-11-28T19:00:00+08:00");
    common::cli::ok(&db, &["raise", "楼道灯坏了", "--by", "李大爷"]);
    let backlog: serde_json::Value =
        serde_json::from_str(&common::cli::ok(&db, &["backlog", "--json"])).unwrap();
    let at = backlog[0]["raised_at"].as_str().unwrap();
    assert!(at.ends_with("+08:00"), "{at}");
    assert!(jiff::Timestamp::from_str(at).is_ok(), "{at}");
    assert_eq!(at.len(), "2026-11-28T19:00:00+08:00".len(), "{at}");
    // A backup's time (a vote's close makes one), in the machine's offset.
    common::cli::ok(&db, &["close", "1", "1"]);
    let backups: serde_json::Value =
        serde_json::from_str(&common::cli::ok(&db, &["backups", "--json"])).unwrap();
    let made = backups["backups"][0]["made"].as_str().unwrap();
    assert!(jiff::Timestamp::from_str(made).is_ok(), "{made}");
    assert_eq!(made.len(), "2026-11-28T19:00:00+08:00".len(), "{made}");
    // Listed for people as each language writes a date and time.
    let zh = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["--lang", "zh", "backups"])
        .output()
        .unwrap();
    let zh = String::from_utf8_lossy(&zh.stdout);
    let day: jiff::civil::Date = made[..10].parse().unwrap();
    let day = day.strftime("%Y年%-m月%-d日").to_string();
    assert!(zh.contains(&day), "{zh}");
}

/// A start without an offset is this machine's local time, and `check` says so; the agenda's
/// Chinese aliases (业主, 重大事项 …) are the built-in names.
#[test]
fn agendas_in_the_forms_people_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let roster = ["--roster", "agendas/roster-hongqi.csv"];
    for (lang, said) in [("zh", "按本机时区"), ("en", "taken as this machine's")] {
        let out = Command::new(BIN)
            .args(["--db"])
            .arg(&db)
            .args([
                "--lang",
                lang,
                "check",
                "tests/fixtures/agenda/starts-without-offset.toml",
            ])
            .args(roster)
            .current_dir(root())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains(said) && stdout.contains("2026-11-28T19:00:00"),
            "{stdout}"
        );
    }
    let elevator = std::fs::read_to_string(root().join("agendas/hongqi-2026-11-28-elevator.toml"))
        .unwrap()
        .replace("kind = \"owners\"", "kind = \"业主\"")
        .replace("rule = \"civil-code-major\"", "rule = \"重大事项\"")
        .replace("rule = \"none\"", "rule = \"只议不决\"");
    assert!(elevator.contains("重大事项") && elevator.contains("业主\""));
    let file = dir.path().join("aliases.toml");
    std::fs::write(&file, elevator).unwrap();
    let out = Command::new(BIN)
        .args(["--lang", "en", "check"])
        .arg(&file)
        .args(roster)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Curly quotes and a full-width ＝ from a Chinese input method get a hint of their own.
#[test]
fn input_method_typography_in_toml_gets_a_specific_hint() {
    let dir = tempfile::tempdir().unwrap();
    let base =
        std::fs::read_to_string(root().join("agendas/hongqi-2026-11-28-elevator.toml")).unwrap();
    for (from, to, zh, en) in [
        (
            "place = \"莲心亭\"",
            "place = “莲心亭”",
            "中文引号",
            "Chinese quotes",
        ),
        (
            "place = \"莲心亭\"",
            "place ＝ \"莲心亭\"",
            "全角等号",
            "full-width equals",
        ),
    ] {
        assert!(base.contains(from));
        let file = dir.path().join("typo.toml");
        std::fs::write(&file, base.replacen(from, to, 1)).unwrap();
        for (lang, want) in [("zh", zh), ("en", en)] {
            let out = Command::new(BIN)
                .args(["--lang", lang, "check"])
                .arg(&file)
                .args(["--roster", "agendas/roster-hongqi.csv"])
                .current_dir(root())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1));
            assert!(stderr.contains(want), "{lang} {to}: {stderr}");
        }
    }
}

/// Every bad agenda through `check`, and every bad roster through `roster import`, in both
/// languages: the whole of what the user reads, as snapshots.
#[test]
fn check_and_roster_import_errors_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let out = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["init", "--estate", "红旗小区"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let files = |folder: &str| {
        let mut v: Vec<String> = std::fs::read_dir(root().join(folder))
            .unwrap()
            .map(|e| format!("{folder}/{}", e.unwrap().file_name().to_string_lossy()))
            .filter(|f| [".toml", ".csv", ".xlsx"].iter().any(|e| f.ends_with(e)))
            .collect();
        v.sort();
        v
    };
    for lang in ["zh", "en"] {
        let mut agenda = String::new();
        for f in files("tests/fixtures/agenda/bad") {
            let out = Command::new(BIN)
                .args([
                    "--lang",
                    lang,
                    "check",
                    &f,
                    "--roster",
                    "agendas/roster-hongqi.csv",
                ])
                .current_dir(root())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{f}");
            agenda.push_str(&String::from_utf8_lossy(&out.stderr));
        }
        insta::assert_snapshot!(format!("check_errors_{lang}"), agenda);
        let mut roster = String::new();
        let refused_rosters = files("tests/fixtures/bad/roster").into_iter().chain(
            [
                "control-and-absurd.csv",
                "instructions-only.xlsx",
                "same-flat-written-twice.csv",
            ]
            .map(|f| format!("tests/fixtures/roster/real/{f}")),
        );
        for f in refused_rosters {
            let out = Command::new(BIN)
                .arg("--db")
                .arg(&db)
                .args(["--lang", lang, "roster", "import", &f])
                .current_dir(root())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{f}");
            roster.push_str(&String::from_utf8_lossy(&out.stderr));
        }
        if lang == "zh" {
            let runs = english_runs(&roster);
            assert!(
                runs.is_empty(),
                "English in roster import --lang zh:\n{}",
                runs.join("\n")
            );
        }
        insta::assert_snapshot!(format!("roster_import_errors_{lang}"), roster);
    }
}

/// Every bad file of written ballots through `ballot-import`, in both languages, as snapshots; the
/// Chinese has no English sentence.
#[test]
fn ballot_file_errors_in_both_languages() {
    let (_dir, db) = sample_db();
    let mut files: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/bad/ballots"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    for lang in ["zh", "en"] {
        let mut all = String::new();
        for f in &files {
            let path = format!("tests/fixtures/bad/ballots/{f}");
            let out = Command::new(BIN)
                .arg("--db")
                .arg(&db)
                .args(["--lang", lang, "ballot-import", "1", "2", &path])
                .current_dir(root())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{f}");
            all.push_str(&String::from_utf8_lossy(&out.stderr));
        }
        if lang == "zh" {
            let runs = english_runs(&all);
            assert!(
                runs.is_empty(),
                "English in ballot-import --lang zh:\n{}",
                runs.join("\n")
            );
        }
        insta::assert_snapshot!(format!("ballot_import_errors_{lang}"), all);
    }
}

/// `pavilion … | head`: a reader that stops reading ends the command quietly, with status 0 (README
/// "Exit status"), whether it prints line by line or writes a document to stdout.
#[test]
fn a_reader_that_stops_reading_ends_the_command_quietly() {
    let (_dir, db) = sample_db();
    for args in [
        &["roster", "list"][..],
        &["meetings"],
        &["tally", "1", "1"],
        &["cost", "1", "1"],
        &["verify"],
        &["export", "1", "--format", "md"],
        &["export", "1", "--format", "csv"],
        &["agenda-template", "1"],
        &["ballots", "1", "1"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        // Closed before the command writes a byte: its first write finds no reader.
        drop(reader);
        let out = Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(["--lang", "zh"])
            .args(args)
            .stdout(writer)
            .env_remove("PAVILION_DB")
            .current_dir(root())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// A mistake on the command line itself (status 2) is said in the reader's language: clap finds it,
/// the catalogue says it, with the usage line.
#[test]
fn usage_errors_in_the_readers_language() {
    let run = |args: &[&str], env: Option<&str>| {
        let mut c = Command::new(BIN);
        c.args(args).env_remove("LC_ALL").env_remove("LC_MESSAGES");
        match env {
            Some(l) => c.env("LANG", l),
            None => c.env_remove("LANG"),
        };
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    for (args, env, want) in [
        (&["--lang", "zh", "ballot", "1"][..], None, "缺少"),
        (
            &["--lang", "zh", "no-such-command"],
            None,
            "没有命令“no-such-command”",
        ),
        (
            &["--lang=zh", "ballot", "1", "1", "3-2-101", "maybe"],
            None,
            "“maybe”不是",
        ),
        (
            &["ballot", "1", "1", "3-2-101", "yes", "--colour"],
            Some("zh_CN.UTF-8"),
            "没有选项“--colour”",
        ),
        (
            &["attend", "1", "3-2-101", "--proxy", "王", "--leave"],
            None,
            "不能与",
        ),
    ] {
        let said = run(args, env);
        assert!(said.contains(want), "{args:?}: {said}");
        assert!(said.contains("--help`"), "{args:?}: {said}");
        assert!(english_runs(&said).is_empty(), "{args:?}: {said}");
    }
    assert!(
        run(&["--lang", "zh", "ballot", "1"], None).contains("用法：`pavilion ballot <MEETING>")
    );
    // English stays clap's own words.
    let said = run(&["--lang", "en", "ballot", "1"], None);
    assert!(
        said.contains("the following required arguments were not provided"),
        "{said}"
    );
}

/// `--help` in the reader's language: every command's and option's text, the headings with a
/// full-width colon; English is the commands' own.
#[test]
fn help_in_the_readers_language() {
    let help = |args: &[&str]| {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for args in [
        &["--lang", "zh", "--help"][..],
        &["--lang", "zh", "ballot", "--help"],
        &["--lang", "zh", "roster", "import", "--help"],
        &["--lang", "zh", "export", "-h"],
        &["--lang", "zh", "show", "--help"],
    ] {
        let text = help(args);
        assert!(
            text.contains("用法：") && text.contains("选项："),
            "{args:?}: {text}"
        );
        let runs = english_runs(&text);
        assert!(runs.is_empty(), "{args:?}:\n{}", runs.join("\n"));
        assert!(typography("zh", &text).is_empty(), "{args:?}: {text}");
    }
    assert!(help(&["--lang", "zh", "--help"]).contains("为一个小区建立数据库"));
    let en = help(&["--lang", "en", "ballot", "--help"]);
    assert!(
        en.contains("Usage:") && en.contains("Cast by a proxy holder"),
        "{en}"
    );
}
