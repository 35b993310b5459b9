//! The documents as the secretary prints them: the DOCX minutes and notice converted to PDF by
//! LibreOffice (`soffice --headless`) and read back with poppler (`pdfinfo`, `pdftotext`): A4,
//! page numbers, the roll call's names and figures, flats never broken across lines, and the notice
//! of a 225-ballot whole-estate vote within six pages. One `soffice` run converts every file.
//!
//! Under CI (`CI` set) a missing tool fails; elsewhere the test says it was skipped and how to
//! install the tools.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use pavilion::domain::roster::is_unsold_name;
use pavilion::domain::{Choice, Rule, Scope};
use pavilion::export::{self, Format, Lang, Variant};
use pavilion::store::{BallotInput, Store};

/// Whether the tools are here; false (after saying so) when the test is to be skipped.
fn tools_available(test: &str) -> bool {
    let missing: Vec<&str> = ["soffice", "pdfinfo", "pdftotext"]
        .into_iter()
        .filter(|t| {
            Command::new("sh")
                .args(["-c", &format!("command -v {t}")])
                .output()
                .map_or(true, |o| !o.status.success())
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    let how = "install them with `apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk`";
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: {} missing under CI; {how}",
        missing.join(", ")
    );
    eprintln!(
        "{test}: SKIPPED, {} not installed; {how}",
        missing.join(", ")
    );
    false
}

/// The sample estate with a second meeting: a whole-estate vote with 225 ballots.
fn estate_vote() -> (tempfile::TempDir, Store, i64) {
    let (dir, db) = common::cli::sample_db();
    let mut store = Store::open(&db).unwrap();
    let mut item = common::item(
        "小区停车收费标准调整",
        Rule::civil_code_ordinary(),
        Scope::Estate,
        &[],
    );
    item.raised_from = None;
    let m = store
        .intake(
            &common::meeting_plan("红旗小区 全体业主表决", "2026-12-12T02:00:00Z", vec![item]),
            "print",
        )
        .unwrap();
    let mut owners = std::collections::HashSet::new();
    let roster = store.roster().unwrap();
    let mut cast = 0;
    for (i, e) in roster.iter().enumerate() {
        if cast == 225 || !owners.insert(e.owner_id) {
            continue;
        }
        let choice = [Choice::Yes, Choice::Yes, Choice::No, Choice::Abstain][i % 4];
        store
            .cast_ballot(m, 1, &BallotInput::in_person(&e.flat, choice))
            .unwrap();
        cast += 1;
    }
    store.close_vote(m, 1).unwrap();
    (dir, store, m)
}

/// Converts the files to PDF in one LibreOffice run; returns the PDFs in the same order.
fn to_pdf(files: &[PathBuf], out: &Path) -> Vec<PathBuf> {
    let profile = out.join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    files
        .iter()
        .map(|f| {
            let pdf = out.join(f.with_extension("pdf").file_name().unwrap());
            assert!(pdf.exists(), "no PDF for {}", f.display());
            pdf
        })
        .collect()
}

fn pdfinfo(pdf: &Path) -> (usize, String) {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|p| p.trim().parse().ok())
        .unwrap();
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap()
        .trim()
        .to_string();
    (pages, size)
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn docx_minutes_and_notice_print_on_a4_with_page_numbers_and_whole_flats() {
    if !tools_available("docx_minutes_and_notice_print_on_a4_with_page_numbers_and_whole_flats") {
        return;
    }
    let (dir, store, m) = estate_vote();
    let mut files = Vec::new();
    for (variant, lang, name) in [
        (Variant::Minutes, Lang::Zh, "minutes-zh.docx"),
        (Variant::PublicNotice, Lang::Zh, "notice-zh.docx"),
        (Variant::Minutes, Lang::En, "minutes-en.docx"),
    ] {
        let bytes = export::export(&store, m, Format::Docx, variant, lang).unwrap();
        let again = export::export(&store, m, Format::Docx, variant, lang).unwrap();
        assert_eq!(bytes, again, "byte-identical re-export");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        files.push(path);
    }
    let pdfs = to_pdf(&files, dir.path());
    let snapshot = export::MeetingSnapshot::gather(&store, m).unwrap();
    let roll = &snapshot.items[0].roll_call;
    assert_eq!(roll.len(), 225);
    for (pdf, what) in pdfs.iter().zip(["minutes zh", "notice zh", "minutes en"]) {
        let (pages, size) = pdfinfo(pdf);
        assert!(
            size.starts_with("595") && size.contains("x 841"),
            "{what}: A4, not {size}"
        );
        let text = pdftotext(pdf);
        // pdftotext drops or adds spaces around Chinese text: compare without them.
        let joined: String = text.split_whitespace().collect();
        let last = match what {
            "minutes en" => format!("Page{pages}of{pages}"),
            _ => format!("第{pages}页共{pages}页"),
        };
        assert!(joined.contains(&last), "{what}: page numbers ({last})");
        // Every flat of the roll call whole on one line (never 3-2-/402).
        for line in roll {
            if what == "notice zh" && is_unsold_name(&line.owner) {
                // Shown once, as a count.
                assert!(joined.contains("开发商未售房屋"), "{what}: unsold flats");
                continue;
            }
            let flat = line.flat.to_string();
            assert!(text.contains(&flat), "{what}: {flat} broken or missing");
        }
        if what == "notice zh" {
            assert!(pages <= 6, "the 225-ballot notice takes {pages} pages");
            assert!(
                !text.contains(&roll[0].owner),
                "{what} shows {}",
                roll[0].owner
            );
        } else {
            for line in roll
                .iter()
                .filter(|l| l.owner.chars().count() <= 4)
                .take(20)
            {
                assert!(text.contains(&line.owner), "{what}: {} missing", line.owner);
            }
            assert!(text.contains("225"), "{what}: the figures");
            // The digest line may wrap inside the hash.
            assert!(joined.contains(&snapshot.digest.hash), "{what}: the digest");
        }
    }
}
