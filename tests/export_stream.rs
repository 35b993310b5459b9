//! Exports are written as they are made: the roll call's rows are made one at a time from the
//! snapshot and the text goes to the file (or standard output) in pieces of 64 KiB. These check,
//! on a roll call many pieces long, that the command's file is byte for byte the document rendered
//! in memory, that the tables hold every ballot once in order, and that a failure to write is
//! said and leaves nothing behind.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use pavilion::domain::roster::owner_key;
use pavilion::domain::{Area, Choice, FlatRef, Owner, RosterRow, Rule, Scope};
use pavilion::export::{self, Format, Lang, Variant};
use pavilion::store::{BallotInput, Method, Store};

/// 1,600 flats (4 buildings × 4 units × 20 floors × 5 doors); every seventh owner holds the next
/// flat too; a few names with Markdown and HTML markup in them.
fn roster() -> Vec<RosterRow> {
    let mut rows = Vec::new();
    let mut n = 0usize;
    for b in 1..=4 {
        for u in 1..=4 {
            for floor in 1..=20 {
                for door in 1..=5 {
                    let flat =
                        FlatRef::new(b.to_string(), u.to_string(), format!("{floor}0{door}"));
                    let id = if n % 7 == 1 { n - 1 } else { n };
                    let name = match id % 97 {
                        3 => format!("王|兰<{id}>"),
                        5 => format!("Li *{id}* & Co"),
                        _ => format!("业主{id}"),
                    };
                    rows.push(RosterRow {
                        owner: Owner {
                            key: owner_key(Some(&format!("O{id}")), &name, &flat),
                            name,
                            phone: Some(format!("139{id:08}")),
                        },
                        area: Area(5_000 + (n as i64 * 37) % 6_000),
                        flat,
                        floor: None,
                    });
                    n += 1;
                }
            }
        }
    }
    rows
}

/// The estate, a meeting whose estate-wide vote is closed with ballots for three flats in four
/// (some by proxy) and whose vote for building 2 is still open (half of its flats).
fn estate() -> (tempfile::TempDir, std::path::PathBuf, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pavilion.db");
    let mut store = Store::open(&path).unwrap().with_clock(common::fixed_now);
    store.init("长流小区").unwrap();
    let rows = roster();
    store.import_roster(&rows, "test").unwrap();
    let plan = common::meeting(vec![
        common::item("续聘物业", Rule::civil_code_ordinary(), Scope::Estate, &[]),
        common::item(
            "2号楼外墙维修",
            Rule::civil_code_major(),
            Scope::parse("2").unwrap(),
            &[],
        ),
    ]);
    let m = store.intake(&plan, "test").unwrap();
    let ballots = |keep: usize| -> Vec<BallotInput> {
        rows.iter()
            .enumerate()
            // An owner of two flats votes once, through the first.
            .filter(|(i, _)| i % 4 < keep && i % 7 != 1)
            .map(|(i, r)| BallotInput {
                flat: &r.flat,
                choice: Choice::ALL[i % 3],
                method: match i % 10 {
                    0 => Method::Proxy,
                    1..=4 => Method::Written,
                    _ => Method::InPerson,
                },
                proxy: (i % 10 == 0).then_some("代理人赵"),
                reason: None,
            })
            .collect()
    };
    store.cast_ballots(m, 1, &ballots(3)).unwrap().unwrap();
    store.close_vote(m, 1).unwrap();
    let building_two: Vec<BallotInput> = ballots(2)
        .into_iter()
        .filter(|b| b.flat.building == "2")
        .collect();
    store.cast_ballots(m, 2, &building_two).unwrap().unwrap();
    (dir, path, m)
}

fn pavilion(db: &Path, args: &[&str], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pavilion"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn the_file_written_as_it_goes_is_the_document_rendered_whole() {
    let (dir, db, m) = estate();
    let store = Store::open(&db).unwrap();
    let snapshot = export::MeetingSnapshot::gather(&store, m).unwrap();
    let called: Vec<usize> = snapshot.items.iter().map(|i| i.roll_call.len()).collect();
    assert!(called[0] > 1_000 && called[1] > 150, "{called:?}");
    for variant in [Variant::Minutes, Variant::PublicNotice] {
        for lang in [Lang::Zh, Lang::En] {
            for format in [
                Format::Markdown,
                Format::Html,
                Format::Json,
                Format::Csv,
                Format::Docx,
            ] {
                let want = export::export(&store, m, format, variant, lang).unwrap();
                let out = dir.path().join(format!("out.{}", format.extension()));
                let mut args = vec!["--lang", lang.code(), "export", "latest", "--force", "-o"];
                args.push(out.to_str().unwrap());
                if variant == Variant::PublicNotice {
                    args.push("--public");
                }
                let done = pavilion(&db, &args, Stdio::null());
                let what = format!("{variant:?} {lang:?} {format:?}");
                assert!(
                    done.status.success(),
                    "{what}: {}",
                    String::from_utf8_lossy(&done.stderr)
                );
                let got = std::fs::read(&out).unwrap();
                if variant == Variant::Minutes && format != Format::Docx {
                    assert!(got.len() > 64 * 1024, "{what}: more than one piece");
                }
                assert!(
                    got == want,
                    "{what}: the file differs from the document rendered whole"
                );
            }
            // Every ballot once, in order, in the minutes' tables.
            if variant == Variant::Minutes {
                let md = export::export(&store, m, Format::Markdown, variant, lang).unwrap();
                let md = String::from_utf8(md).unwrap();
                let numbers: Vec<usize> = md
                    .lines()
                    .filter_map(|l| l.strip_prefix("| ")?.split(" |").next()?.parse().ok())
                    .collect();
                let mut expected: Vec<usize> = (1..=called[0]).collect();
                expected.extend(1..=called[1]);
                assert_eq!(numbers, expected, "{lang:?}: the roll calls' numbers");
            }
        }
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "no temporary file left: {names:?}");
}

#[test]
fn a_full_disk_under_standard_output_is_said_not_ignored() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        assert!(std::env::var_os("CI").is_none(), "/dev/full is missing");
        eprintln!("skipped: no /dev/full on this system");
        return;
    };
    let (_dir, db, _) = estate();
    for format in ["md", "html", "json", "csv", "docx"] {
        let done = pavilion(
            &db,
            &["--lang", "en", "export", "latest", "--format", format],
            Stdio::from(full.try_clone().unwrap()),
        );
        assert!(!done.status.success(), "{format}: a write that failed");
        let said = String::from_utf8_lossy(&done.stderr);
        assert!(
            said.contains("cannot write stdout: the disk is full"),
            "{format}: {said}"
        );
    }
}
