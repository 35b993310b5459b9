//! An export never replaces an earlier file of the same name: the command writes the new file under
//! a numbered name and says which (or overwrites with `--force`), and the Export screen does the
//! same and shows the name it used.

mod common;

use common::tui::Harness;
use pavilion::lang::Lang;
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_command_keeps_an_earlier_file_and_names_the_new_one() {
    let (dir, db) = common::cli::sample_db();
    let out = dir.path().join("纪要.md");
    let path = out.to_str().unwrap();
    common::cli::ok(&db, &["export", "1", "-o", path]);
    std::fs::write(&out, "edited by the secretary").unwrap();

    let said = common::cli::ok(&db, &["export", "1", "-o", path]);
    let second = dir.path().join("纪要-2.md");
    assert!(
        said.contains("exists and was kept") && said.contains(second.to_str().unwrap()),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "edited by the secretary"
    );
    let said = common::cli::ok(&db, &["export", "1", "-o", path]);
    assert!(said.contains("纪要-3.md"), "{said}");
    let minutes = std::fs::read(&second).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("纪要-3.md")).unwrap(),
        minutes
    );

    common::cli::ok(&db, &["export", "1", "-o", path, "--force"]);
    assert_eq!(std::fs::read(&out).unwrap(), minutes, "--force overwrites");
    assert!(!dir.path().join("纪要-4.md").exists());
}

#[test]
fn the_export_screen_keeps_an_earlier_file_and_shows_the_new_name() {
    let mut h = Harness::new(Lang::En);
    h.keys("e");
    h.keys("f"); // html
    h.press(KeyCode::Enter);
    let exports = h.dir.path().join("exports");
    let first = exports.join("meeting-1-2026-11-28-minutes-en.html");
    std::fs::write(&first, "printed and annotated").unwrap();
    h.press(KeyCode::Enter);
    let second = exports.join("meeting-1-2026-11-28-minutes-en-2.html");
    assert!(second.exists(), "the new file under a numbered name");
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        "printed and annotated"
    );
    let screen = h.render(120, 30);
    assert!(
        screen.contains("meeting-1-2026-11-28-minutes-en-2.html"),
        "{screen}"
    );
}

/// `-o` naming no file (a path ending in `..` whose folder does not exist) is refused with what is
/// wrong and what to write instead, in the reader's language; nothing is created, not even the
/// folder.
#[test]
fn a_path_that_names_no_file_is_refused_with_what_to_write_instead() {
    let (dir, db) = common::cli::sample_db();
    let nowhere = dir.path().join("新文件夹").join("..");
    let path = nowhere.to_str().unwrap();
    for (lang, expected) in [
        ("zh", "不是文件名：它以“..”结尾"),
        ("en", "is not a file name: it ends in '..'"),
    ] {
        for args in [
            &["export", "1", "--format", "md", "-o", path][..],
            &["agenda-template", "1", "-o", path],
            &["ballots", "1", "1", "-o", path],
        ] {
            let out = common::cli::pavilion_in(&db, lang, args);
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?}: {said}");
            assert!(said.contains(expected), "{lang} {args:?}: {said}");
            assert!(
                said.contains(path),
                "{lang} {args:?}: names the path: {said}"
            );
            for os in ["操作系统", "the system said", "not a file name`"] {
                assert!(
                    !said.contains(os),
                    "{lang} {args:?}: not an OS error: {said}"
                );
            }
            assert!(
                !dir.path().join("新文件夹").exists(),
                "{lang} {args:?}: nothing created"
            );
        }
    }
}

/// Four `export` commands started together for one file name: each writes a whole file of its own
/// (the name, then -2, -3, -4), none is overwritten and no temporary file is left.
#[test]
fn exports_racing_for_one_name_each_get_their_own_file() {
    let (dir, db) = common::cli::sample_db();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let path = out.join("纪要.md");
    // All four started before any is waited for.
    let racers: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(common::cli::BIN)
                .arg("--db")
                .arg(&db)
                .args(["--lang", "en", "export", "1", "--format", "md", "-o"])
                .arg(&path)
                .env_remove("PAVILION_DB")
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut racer in racers {
        assert!(racer.wait().unwrap().success());
    }
    let reference = common::cli::ok(&db, &["export", "1", "--format", "md"]);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["纪要-2.md", "纪要-3.md", "纪要-4.md", "纪要.md"]);
    for name in &names {
        assert_eq!(
            std::fs::read_to_string(out.join(name)).unwrap(),
            reference,
            "{name}"
        );
    }
}

/// `-o` naming a folder that does not exist yet, written with `/` at its end: the folder is
/// made and the file written in it under its default name (not a file named like the folder).
#[test]
fn a_new_folder_written_with_a_slash_gets_the_file_inside() {
    let (dir, db) = common::cli::sample_db();
    let folder = dir.path().join("新文件夹");
    let arg = format!("{}/", folder.display());
    let said = common::cli::ok(&db, &["export", "1", "--format", "md", "-o", &arg]);
    assert!(folder.is_dir(), "{said}");
    let inside = folder.join("meeting-1-2026-11-28-minutes-en.md");
    assert!(inside.is_file(), "{said}");
    assert!(
        said.contains("meeting-1-2026-11-28-minutes-en.md"),
        "{said}"
    );
    let papers = format!("{}/", dir.path().join("表决票").display());
    common::cli::ok(&db, &["ballots", "1", "1", "-o", &papers]);
    assert_eq!(
        std::fs::read_dir(dir.path().join("表决票"))
            .unwrap()
            .count(),
        1
    );
}
