//! The export as files: the same bytes every time, objections given as options, default file
//! names, and the file written whole or refused clearly.

use super::*;

#[test]
fn exports_are_deterministic() {
    let (store, m) = open();
    for lang in [Lang::Zh, Lang::En] {
        for variant in [Variant::Minutes, Variant::PublicNotice] {
            for format in Format::ALL {
                let a = export::export(&store, m, format, variant, lang).unwrap();
                let b = export::export(&store, m, format, variant, lang).unwrap();
                assert_eq!(a, b, "{format:?} {variant:?} {lang:?}");
                let again = Store::open(&fixture().path).unwrap();
                let c = export::export(&again, m, format, variant, lang).unwrap();
                assert_eq!(a, c, "after reopening: {format:?} {variant:?} {lang:?}");
            }
        }
    }
}

#[test]
fn objections_given_on_the_command_line_replace_the_agendas() {
    let (store, m) = open();
    let mut o = Options::new(Format::Markdown, Variant::PublicNotice, Lang::En);
    o.objections_to = Some("the owners' committee office".into());
    o.objections_until = Some("2026-12-12".parse().unwrap());
    let out = String::from_utf8(export::export_with(&store, m, &o).unwrap()).unwrap();
    assert!(out.contains("the owners' committee office until 12 Dec 2026"));
}

#[test]
fn default_file_names_say_what_the_file_holds() {
    let (store, m) = open();
    let record = store.meeting(m).unwrap();
    assert_eq!(
        export::default_file_name(&record, Format::Html, Variant::Minutes, Lang::Zh),
        format!("meeting-{m}-2026-11-28-minutes-zh.html")
    );
    assert_eq!(
        export::default_file_name(&record, Format::Csv, Variant::PublicNotice, Lang::En),
        format!("meeting-{m}-2026-11-28-roll-call-public-en.csv")
    );
}

#[test]
fn the_command_writes_the_file_atomically_and_refuses_clearly() {
    let (store, m) = open();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("minutes.html");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_pavilion"))
            .arg("--db")
            .arg(&fixture().path)
            .args(args)
            .env("LANG", "zh_CN.UTF-8")
            .output()
            .unwrap()
    };
    let done = run(&["export", &m.to_string(), "-o", out.to_str().unwrap()]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let want = export::export(&store, m, Format::Html, Variant::Minutes, Lang::Zh).unwrap();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        want,
        "format from the extension, zh from LANG"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left behind");

    let stdout = run(&[
        "export", "latest", "--format", "csv", "--public", "--lang", "en",
    ]);
    assert!(stdout.status.success());
    let want = export::export(&store, m, Format::Csv, Variant::PublicNotice, Lang::En).unwrap();
    assert_eq!(stdout.stdout, want);

    let into_dir = run(&[
        "export",
        "latest",
        "-f",
        "md",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(into_dir.status.success());
    assert!(
        dir.path()
            .join(format!("meeting-{m}-2026-11-28-minutes-zh.md"))
            .exists()
    );

    for (args, message) in [
        (
            vec!["export", "99", "-f", "md", "--lang", "en"],
            "pavilion: no meeting 99 (see `pavilion meetings`)\n",
        ),
        (
            vec!["export", "latest", "--lang", "en"],
            "pavilion: give --format md|html|json|csv|docx|xlsx\n",
        ),
    ] {
        let failed = run(&args);
        assert!(!failed.status.success());
        assert_eq!(String::from_utf8_lossy(&failed.stderr), message);
    }
}
