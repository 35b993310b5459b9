//! The README language test: every command and flag of the README run in each language, with
//! what the glossary fixes checked in the output (no English sentence in Chinese, no catalogue's
//! Chinese in English, ㎡, colons, no offset in Chinese prose).

use std::process::Command;

use super::common::cli::{BIN, root};

/// The README's commands, in order, then its documented failures: (args, expected to succeed).
fn readme_commands(dir: &std::path::Path) -> Vec<(Vec<String>, bool)> {
    let ballots = dir.join("written-ballots.csv");
    std::fs::write(&ballots, "房号,表决意见\n3-2-201,同意\n3-2-301,反对\n").unwrap();
    let backup = dir.join("copy.db");
    let s = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
    let b = ballots.display().to_string();
    let c = backup.display().to_string();
    let minutes = dir.join("minutes.md").display().to_string();
    let plan = dir.join("plan.toml");
    std::fs::write(
        &plan,
        "amount = \"780000.00\"\nsubsidy = \"250000.00\"\nby_area = false\n\
         floors = { 1 = 0, 2 = 0.06, 3 = 0.14, 4 = 0.22, 5 = 0.27, 6 = 0.31 }\n",
    )
    .unwrap();
    let plan = plan.display().to_string();
    let not_a_db = dir.join("notes.db");
    std::fs::write(&not_a_db, "这不是数据库").unwrap();
    let not_a_db = not_a_db.display().to_string();
    let missing = dir.join("missing.db").display().to_string();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let out = out.display().to_string();
    let template = dir.join("agenda.toml").display().to_string();
    // A written ballot against one given in person (3-2-101 votes yes in person below).
    let against = dir.join("against.csv");
    std::fs::write(&against, "房号,表决意见\n3-2-101,反对\n").unwrap();
    let against = against.display().to_string();
    vec![
        (s(&["init", "--estate", "红旗小区"]), true),
        (
            s(&[
                "check",
                "agendas/hongqi-2026-11-28-elevator.toml",
                "--roster",
                "agendas/roster-hongqi.csv",
            ]),
            true,
        ),
        (
            s(&["intake", "agendas/hongqi-2026-11-28-elevator.toml"]),
            false,
        ),
        (s(&["roster", "import", "agendas/roster-hongqi.csv"]), true),
        (
            s(&["roster", "import", "agendas/roster-hongqi.csv", "--yes"]),
            true,
        ),
        (
            s(&["intake", "agendas/hongqi-2026-11-28-elevator.toml"]),
            true,
        ),
        (s(&["meetings"]), true),
        (s(&["meetings", "--json"]), true),
        (
            s(&["roster", "import", "agendas/roster-hongqi.csv", "--dry-run"]),
            true,
        ),
        // Taken in already: `check` says so.
        (
            s(&["check", "agendas/hongqi-2026-11-28-elevator.toml"]),
            false,
        ),
        (s(&["cost", "1", "1", "--set", &plan]), false),
        (
            s(&["cost", "1", "1", "--set", &plan, "--reason", "区补贴提高"]),
            true,
        ),
        (s(&["cost", "1", "1", "--json"]), true),
        (s(&["cost", "1", "1", "--csv"]), true),
        (s(&["attend", "1", "3-2-101", "3-2-102"]), true),
        (s(&["attend", "1", "3-2-201", "--proxy", "王建国"]), true),
        (s(&["attend", "1", "9-9-999"]), false),
        (s(&["attend", "1", "不是房号"]), false),
        (
            s(&["attend", "1", "3-2-202", "--at", "2026-11-28 19:20"]),
            true,
        ),
        (
            s(&["attend", "1", "3-2-301", "--at", "2099-01-01 10:00"]),
            false,
        ),
        (s(&["attend", "1", "3-2-301", "--at", "昨晚"]), false),
        (
            s(&["ballot", "1", "1", "3-2-202", "yes", "--at", "19:40"]),
            true,
        ),
        (s(&["ballot", "1", "1", "3-2-101", "yes"]), true),
        (s(&["ballot", "1", "1", "3-2-102", "no", "--written"]), true),
        (
            s(&["ballot", "1", "1", "3-2-401", "yes", "--proxy", "王建国"]),
            true,
        ),
        (
            s(&[
                "ballot",
                "1",
                "1",
                "3-2-401",
                "withdraw",
                "--reason",
                "委托书有误",
            ]),
            true,
        ),
        (s(&["ballot", "1", "1", "3-2-401", "withdraw"]), false),
        (s(&["ballot", "1", "1", "9-9-999", "yes"]), false),
        (s(&["attend", "1", "3-2-102", "--leave"]), true),
        (s(&["ballot-import", "1", "1", &missing]), false),
        (
            s(&["ballot-import", "1", "1", &b, "--at", "2099-01-01 10:00"]),
            false,
        ),
        (s(&["ballot-import", "1", "1", &b, "--at", "19:50"]), true),
        (s(&["ballot-import", "1", "1", &against]), false),
        (
            s(&[
                "ballot-import",
                "1",
                "1",
                &against,
                "--replace",
                "书面票为准",
            ]),
            true,
        ),
        (s(&["tally", "1", "1"]), true),
        (s(&["tally", "1", "1", "--json"]), true),
        (s(&["tally", "1", "9"]), false),
        (s(&["tally", "9", "1"]), false),
        (
            s(&["note", "1", "1", "--speaker", "王秀兰", "希望尽快开工"]),
            true,
        ),
        (s(&["proposal", "1", "1", "按楼层分摊费用"]), true),
        (
            s(&[
                "raise",
                "东门路灯不亮",
                "--by",
                "赵大爷",
                "--from",
                "4-1-302",
            ]),
            true,
        ),
        (s(&["backlog"]), true),
        (s(&["backlog", "--all"]), true),
        (s(&["backlog", "--json"]), true),
        (
            s(&["raise", "电梯井漏水", "--by", "钱阿姨", "--meeting", "1"]),
            true,
        ),
        (s(&["schedule", "1", "1"]), true),
        (
            s(&[
                "actions",
                "add",
                "--what",
                "修路灯",
                "--who",
                "物业",
                "--due",
                "2026年12月15日",
            ]),
            true,
        ),
        (
            s(&[
                "actions", "add", "--what", "x", "--who", "物业", "--due", "12/01",
            ]),
            false,
        ),
        (s(&["actions", "update", "1", "--note", "已下单灯具"]), true),
        (s(&["actions", "list"]), true),
        (
            s(&["actions", "close", "1", "--confirm", "赵大爷确认已修好"]),
            true,
        ),
        (s(&["actions", "list", "--all"]), true),
        (
            s(&["actions", "close", "1", "--confirm", "再次确认"]),
            false,
        ),
        (
            s(&["actions", "add", "--what", " ", "--who", "物业"]),
            false,
        ),
        (s(&["actions", "update", "9", "--note", "x"]), false),
        (s(&["actions", "list", "--json"]), true),
        (
            s(&[
                "actions",
                "add",
                "--what",
                "装扶手",
                "--who",
                "社区",
                "--meeting",
                "1",
                "--item",
                "1",
            ]),
            true,
        ),
        (
            s(&[
                "actions",
                "update",
                "2",
                "--note",
                "已报价",
                "--meeting",
                "1",
            ]),
            true,
        ),
        (
            s(&[
                "actions",
                "close",
                "2",
                "--confirm",
                "王秀兰确认",
                "--meeting",
                "1",
            ]),
            true,
        ),
        (s(&["close", "1", "1", "--at", "19:30"]), false),
        (s(&["close", "1", "1"]), true),
        (s(&["close", "1", "1"]), false),
        (s(&["ballot", "1", "1", "3-2-101", "no"]), false),
        (
            s(&["proposal", "1", "1", "同意加装，按楼层分摊", "--resolution"]),
            true,
        ),
        (s(&["step", "1", "2", "deferred"]), true),
        (s(&["export", "1"]), false),
        (s(&["verify"]), true),
        (s(&["verify", "--digest", "zz"]), false),
        (s(&["verify", "--digest", "0123456789abcdef"]), false),
        (s(&["backup", &c]), true),
        (s(&["backups"]), true),
        (s(&["roster", "list"]), true),
        (s(&["cost", "1", "1"]), true),
        (s(&["export", "1", "--format", "md", "-o", &minutes]), true),
        (s(&["export", "1", "--format", "md", "-o", &minutes]), true),
        (
            s(&["export", "1", "--format", "md", "-o", &minutes, "--force"]),
            true,
        ),
        (s(&["export", "1", "--check"]), true),
        (s(&["export", "1", "--public", "--check"]), true),
        (s(&["export", "1", "--format", "html", "-o", &out]), true),
        (s(&["export", "1", "--format", "json", "-o", &out]), true),
        (s(&["export", "1", "--format", "csv", "-o", &out]), true),
        (s(&["export", "1", "--format", "docx", "-o", &out]), true),
        (s(&["export", "1", "--format", "xlsx", "-o", &out]), true),
        (
            s(&[
                "export",
                "1",
                "--public",
                "--format",
                "html",
                "--objections-to",
                "社区居委会",
                "--objections-until",
                "2026年12月15日",
                "-o",
                &out,
            ]),
            true,
        ),
        (s(&["export", "1", "--objections-until", "明天"]), false),
        (s(&["agenda-template", "1", "-o", &template]), true),
        (s(&["agenda-template", "1", "-o", &template]), true),
        (
            s(&["agenda-template", "1", "-o", &template, "--force"]),
            true,
        ),
        (
            s(&["guest", "add", "1", "--name", "刘强", "--role", "物业经理"]),
            true,
        ),
        (s(&["guest", "list", "1"]), true),
        (s(&["guest", "list", "1", "--json"]), true),
        (s(&["guest", "remove", "1", "1"]), true),
        (s(&["guest", "remove", "1", "1"]), false),
        (
            s(&[
                "meeting",
                "set",
                "1",
                "--issuer",
                "红旗社区居委会",
                "--posted-on",
                "2026-11-30",
                "--notice-days",
                "7",
                "--show-officers",
            ]),
            true,
        ),
        (s(&["meeting", "set", "1", "--notice-days", "0"]), false),
        (
            s(&["meeting", "set", "1", "--mask-officers", "--reissue"]),
            true,
        ),
        (
            s(&[
                "guest",
                "add",
                "1",
                "--name",
                "吴芳",
                "--role",
                "记者",
                "--reissue",
            ]),
            true,
        ),
        (
            s(&["meeting", "set", "1", "--posted-on", "2026年12月1日"]),
            false,
        ),
        (
            s(&["guest", "add", "1", "--name", "周敏", "--role", "街道干部"]),
            false,
        ),
        (s(&["ballots", "1", "1", "-o", &out]), true),
        (
            s(&[
                "ballots",
                "1",
                "1",
                "-f",
                "docx",
                "--return-by",
                "12月5日",
                "-o",
                &out,
            ]),
            true,
        ),
        (s(&["sign-in-sheet", "1", "-o", &out]), true),
        (s(&["sign-in-sheet", "1", "-o", &out, "--force"]), true),
        (s(&["ballots", "1", "1", "-o", &out, "--force"]), true),
        (s(&["sign-in-sheet", "1", "-f", "docx", "-o", &out]), true),
        (s(&["verify", "--json"]), true),
        (s(&["verify", "--against", &c]), true),
        (s(&["verify", "--against", &not_a_db]), false),
        (s(&["backup", &c]), false),
        (s(&["backups", "--json"]), true),
        (s(&["restore", &missing, "--yes"]), false),
        (s(&["restore", &not_a_db, "--yes"]), false),
        (s(&["restore", &c, "--yes"]), true),
        (s(&["show"]), false),
        (s(&["show", "1", "--theme", "light"]), false),
        // The screens need a terminal; here the output is a pipe.
        (s(&["run", "1"]), false),
        (s(&["demo"]), false),
    ]
}

/// What the glossary fixes for each language (docs/glossary.md): ㎡ in Chinese, a full-width colon
/// after Chinese and none in English, no UTC offset shown in Chinese prose.
pub(crate) fn typography(lang: &str, text: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with('{') || t.starts_with('[') || t.starts_with('"') {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let after_chinese_colon = chars
            .windows(2)
            .any(|w| !w[0].is_ascii() && w[0] != '）' && w[0] != '”' && w[1] == ':');
        let wrong = match lang {
            "zh" => line.contains("m²") || line.contains("UTC+") || after_chinese_colon,
            // (㎡ and 年月日 may be quoted in English: a roster's header, a form to type.)
            _ => line.contains('：'),
        };
        if wrong {
            bad.push(format!("typography: {line}"));
        }
    }
    bad
}

/// Words of three or more ASCII letters in a row, outside code (`…`), flats, file names, numbers,
/// hashes and JSON: an English sentence in Chinese output.
pub(crate) fn english_runs(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with('{') || t.starts_with('[') || t.starts_with('"') {
            continue;
        }
        // Drop `code` spans; a Chinese character (or any other non-ASCII one) ends a run of words,
        // so "用 Excel 或 WPS 打开" is no English sentence.
        let mut plain = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                for c in part.chars() {
                    if c.is_ascii() {
                        plain.push(c);
                    } else {
                        plain.push_str(" 0 ");
                    }
                }
                plain.push(' ');
            }
        }
        let mut run: Vec<&str> = Vec::new();
        for token in plain.split(|c: char| !(c.is_ascii_alphanumeric() || "-_./'".contains(c))) {
            let word = !token.is_empty()
                && token.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
                && token.len() > 1;
            if word {
                run.push(token);
            } else if !token.is_empty() || run.is_empty() {
                if run.len() >= 3 {
                    found.push(format!("{} ⟨{line}⟩", run.join(" ")));
                }
                run.clear();
            }
        }
        if run.len() >= 3 {
            found.push(format!("{} ⟨{line}⟩", run.join(" ")));
        }
    }
    found
}

/// Chinese texts of the catalogues (the parts between placeholders, three characters or more)
/// found in English output, once the data is taken out: every run of non-ASCII characters that is
/// also in `data` (the agenda, the roster, what was typed) is a name or a title, not a message.
fn chinese_catalogue_text(text: &str, data: &str) -> Vec<String> {
    let mut kept = String::new();
    for run in text.split(|c: char| c.is_ascii()) {
        if !run.is_empty() && !data.contains(run) {
            kept.push_str(run);
            kept.push('\n');
        }
    }
    let text = kept.as_str();
    let mut fragments: Vec<&str> = Vec::new();
    for (_, zh, en) in pavilion::i18n::all::every_text() {
        // Words that are the same in both languages (名册 headers quoted in English hints) are data.
        for part in zh.split(['{', '}']).step_by(2) {
            let part = part.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
            if part.chars().filter(|c| !c.is_ascii()).count() >= 3 && !en.contains(part) {
                fragments.push(part);
            }
        }
    }
    fragments
        .into_iter()
        .filter(|f| text.contains(f))
        .map(String::from)
        .collect()
}

#[test]
fn every_readme_command_speaks_one_language() {
    let mut wrong = Vec::new();
    for lang in ["zh", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("hongqi.db");
        let commands = readme_commands(dir.path());
        let mut data: String = [
            "agendas/hongqi-2026-11-28-elevator.toml",
            "agendas/roster-hongqi.csv",
        ]
        .iter()
        .map(|f| std::fs::read_to_string(root().join(f)).unwrap())
        .collect();
        for (args, _) in &commands {
            data.push_str(&args.join("\n"));
        }
        for (args, succeeds) in commands {
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = Command::new(BIN)
                .arg("--db")
                .arg(&db)
                .args(["--lang", lang])
                .args(&argv)
                .env_remove("PAVILION_DB")
                .current_dir(root())
                .output()
                .unwrap();
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            if out.status.success() != succeeds {
                wrong.push(format!("{lang} {argv:?} succeeds: {}\n{text}", !succeeds));
            }
            if text.contains("panicked") {
                wrong.push(format!("{lang} {argv:?} panicked:\n{text}"));
            }
            for bad in typography(lang, &text) {
                wrong.push(format!("{lang} {argv:?}: {bad}"));
            }
            if lang == "zh" {
                let runs = english_runs(&text);
                if !runs.is_empty() {
                    wrong.push(format!(
                        "English in {argv:?} --lang zh:\n{}",
                        runs.join("\n")
                    ));
                }
            } else {
                let zh = chinese_catalogue_text(&text, &data);
                if !zh.is_empty() {
                    wrong.push(format!("Chinese in {argv:?} --lang en: {zh:?}\n{text}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn the_english_detector_finds_sentences_but_not_code() {
    assert!(english_runs("议题 1：已记录方案").is_empty());
    assert!(english_runs("pavilion: 3-2-101 `pavilion roster import FILE` a.toml:3:4").is_empty());
    assert_eq!(english_runs("错误：flat is not in the roster").len(), 1);
    assert!(english_runs("请用 Excel 或 WPS 打开，另存为“CSV UTF-8”").is_empty());
    assert_eq!(english_runs("（building, unit, room）").len(), 1);
    let said = "pavilion: 议事会 1 的公示已于 30 Nov 2026 张贴";
    assert!(!chinese_catalogue_text(said, "").is_empty());
    assert!(
        chinese_catalogue_text(
            "notice of 红旗小区 3号楼加装电梯议事会",
            "红旗小区 3号楼加装电梯议事会"
        )
        .is_empty()
    );
}
