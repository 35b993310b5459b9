//! Printing as the secretary prints: the external programs (LibreOffice, Chromium, poppler), the
//! rule for when they are missing, and a whole-estate vote large enough to span pages.
//!
//! Under CI (`CI` set) a missing tool fails; elsewhere the test says it was skipped and how to
//! install the tools — never a silent pass.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use pavilion::domain::roster::is_unsold_name;
use pavilion::domain::{Choice, Rule, Scope};
use pavilion::export::{self, Format, Lang, Variant, labels};
use pavilion::store::{BallotInput, Store};

/// Whether the tools are here; false (after saying so) when the test is to be skipped.
pub fn tools_available(test: &str, tools: &[&str], packages: &str) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
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
    let how = format!("install them with `apt-get install --no-install-recommends {packages}`");
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
pub fn estate_vote() -> (tempfile::TempDir, Store, i64) {
    let (dir, db) = super::cli::sample_db();
    let mut store = Store::open(&db).unwrap();
    let mut item = super::item(
        "小区停车收费标准调整",
        Rule::civil_code_ordinary(),
        Scope::Estate,
        &[],
    );
    item.raised_from = None;
    let m = store
        .intake(
            &super::meeting_plan("红旗小区 全体业主表决", "2026-12-12T02:00:00Z", vec![item]),
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

/// Exports each (variant, language) into `dir` under its name, checking that a second export gives
/// the same bytes; returns the files in the same order.
pub fn write_exports(
    store: &Store,
    m: i64,
    format: Format,
    which: &[(Variant, Lang, &str)],
    dir: &Path,
) -> Vec<PathBuf> {
    which
        .iter()
        .map(|&(variant, lang, name)| {
            let bytes = export::export(store, m, format, variant, lang).unwrap();
            let again = export::export(store, m, format, variant, lang).unwrap();
            assert_eq!(bytes, again, "byte-identical re-export of {name}");
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

/// The three documents the print tests print: the minutes in Chinese, the public notice in
/// Chinese and the minutes in English, exported into `dir` under `names` in that order (see
/// [`write_exports`]).
pub fn three_documents(
    store: &Store,
    m: i64,
    format: Format,
    names: [&str; 3],
    dir: &Path,
) -> Vec<PathBuf> {
    let [minutes_zh, notice_zh, minutes_en] = names;
    write_exports(
        store,
        m,
        format,
        &[
            (Variant::Minutes, Lang::Zh, minutes_zh),
            (Variant::PublicNotice, Lang::Zh, notice_zh),
            (Variant::Minutes, Lang::En, minutes_en),
        ],
        dir,
    )
}

/// The public notice of [`estate_vote`] printed: its 225 ballots fit in six pages, and the first
/// owner of the roll call is not named (names are masked on the notice).
pub fn assert_notice_short_and_masked(what: &str, pages: usize, text: &str, first_owner: &str) {
    assert!(pages <= 6, "the 225-ballot notice takes {pages} pages");
    assert!(!text.contains(first_owner), "{what} shows {first_owner}");
}

/// Converts the files to PDF in one LibreOffice run; returns the PDFs in the same order.
pub fn soffice_to_pdf(files: &[PathBuf], out: &Path) -> Vec<PathBuf> {
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
            assert!(
                pdf.exists(),
                "no PDF for {} (an .xlsx needs LibreOffice Calc: libreoffice-calc-nogui)",
                f.display()
            );
            pdf
        })
        .collect()
}

/// The number of pages and the page size ("595.276 x 841.89 pts (A4)").
pub fn pdfinfo(pdf: &Path) -> (usize, String) {
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

/// What `pdftotext` writes for a PDF with these options, as text.
fn pdftotext_with(pdf: &Path, options: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(options)
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF, laid out as printed.
pub fn pdftotext(pdf: &Path) -> String {
    pdftotext_with(pdf, &["-layout"])
}

/// The text of one page (from 1).
pub fn pdftotext_page(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    pdftotext_with(pdf, &["-layout", "-f", &p, "-l", &p])
}

/// Prints HTML files to PDF with headless Chromium, as "Print → Save as PDF" does (no header or
/// footer of the browser's own): one process per file, all at once; returns the PDFs in order.
pub fn chromium_to_pdf(files: &[PathBuf], out: &Path) -> Vec<PathBuf> {
    let runs: Vec<(PathBuf, std::process::Child)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let pdf = out.join(f.with_extension("pdf").file_name().unwrap());
            let child = Command::new("chromium")
                .args(["--headless", "--no-sandbox", "--disable-gpu"])
                .args(["--no-pdf-header-footer", "--no-first-run"])
                .arg(format!(
                    "--user-data-dir={}",
                    out.join(format!("chromium-{i}")).display()
                ))
                .arg(format!("--print-to-pdf={}", pdf.display()))
                .arg(format!("file://{}", f.canonicalize().unwrap().display()))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            (pdf, child)
        })
        .collect();
    runs.into_iter()
        .map(|(pdf, child)| {
            let done = child.wait_with_output().unwrap();
            assert!(
                done.status.success() && pdf.exists(),
                "chromium did not print {}: {}",
                pdf.display(),
                String::from_utf8_lossy(&done.stderr)
            );
            pdf
        })
        .collect()
}

/// A word as poppler places it on a page, in points from the top left corner.
#[derive(Debug)]
pub struct Word {
    pub page: usize,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
    pub text: String,
}

/// The page size (width, height in points) and every word with its box (`pdftotext -bbox`).
pub fn words(pdf: &Path) -> ((f64, f64), Vec<Word>) {
    let xml = pdftotext_with(pdf, &["-bbox"]);
    let attr = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    let mut size = (0.0, 0.0);
    let mut page = 0;
    let mut found = Vec::new();
    for line in xml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
            size = (attr(line, "width"), attr(line, "height"));
        } else if line.starts_with("<word ") {
            let text = &line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()];
            found.push(Word {
                page,
                x_min: attr(line, "xMin"),
                x_max: attr(line, "xMax"),
                y_min: attr(line, "yMin"),
                y_max: attr(line, "yMax"),
                text: text.to_string(),
            });
        }
    }
    (size, found)
}

/// The text inside a rectangle of one page (from 1), in points from the top left corner.
pub fn pdftotext_area(pdf: &Path, page: usize, (x, y, w, h): (u32, u32, u32, u32)) -> String {
    let p = page.to_string();
    let [x, y, w, h] = [x, y, w, h].map(|v| v.to_string());
    let crop = ["-x", &x, "-y", &y, "-W", &w, "-H", &h];
    pdftotext_with(pdf, &[&["-layout", "-f", &p, "-l", &p], &crop[..]].concat())
}

/// One page rendered in shades of grey as a black-and-white printer would (`pdftoppm -gray`):
/// width, height and a byte per pixel (0 black … 255 white), `dpi` pixels per inch.
pub fn grey_page(pdf: &Path, page: usize, dpi: u32) -> (usize, usize, Vec<u8>) {
    let p = page.to_string();
    let out = Command::new("pdftoppm")
        .args(["-gray", "-r", &dpi.to_string(), "-f", &p, "-l", &p])
        .arg(pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftoppm failed");
    // A binary PGM: "P5", width, height, maximum value, one byte per pixel.
    let data = out.stdout;
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = data[at + 1..].to_vec();
    assert_eq!(pixels.len(), w * h);
    (w, h, pixels)
}

/// The pages of a PDF that `is_roll` takes for pages of the roll call each carry the header row's
/// `heading` (the header repeated on every page); returns how many such pages there are.
pub fn roll_pages_with_header(
    what: &str,
    pdf: &Path,
    pages: usize,
    heading: &str,
    is_roll: impl Fn(&str) -> bool,
) -> usize {
    let mut roll_pages = 0;
    for page in 1..=pages {
        let t = pdftotext_page(pdf, page);
        if is_roll(&t) {
            roll_pages += 1;
            assert!(
                t.contains(heading),
                "{what}: page {page} has no header row:\n{t}"
            );
        }
    }
    roll_pages
}

/// Without the spaces pdftotext adds or drops around Chinese text.
pub fn joined(text: &str) -> String {
    text.split_whitespace().collect()
}

/// Each text is whole on a printed line, at least as often as wanted.
pub fn never_broken(what: &str, wanted: &HashMap<String, usize>, pdf_text: &str) {
    let lines: Vec<String> = pdf_text.lines().map(joined).collect();
    for (t, n) in wanted {
        let printed: usize = lines.iter().map(|l| l.matches(t.as_str()).count()).sum();
        assert!(
            printed >= *n,
            "{what}: «{t}» whole {printed} times, wanted {n}"
        );
    }
}

/// What the roll call of the snapshot's first item prints that must never break across lines,
/// with how often: every flat of every owner (also the second and later of an owner's flats), and
/// in the minutes each area, each piece of each time and each name of up to four characters. The
/// notice shows the unsold flats as a count.
pub fn roll_call_pieces(
    snapshot: &export::MeetingSnapshot,
    lang: Lang,
    public: bool,
) -> HashMap<String, usize> {
    let mut wanted = HashMap::<String, usize>::new();
    let (offset, day) = (
        snapshot.meeting.offset,
        snapshot.meeting.local_start().date(),
    );
    for line in &snapshot.items[0].roll_call {
        if public && is_unsold_name(&line.owner) {
            continue;
        }
        let mut pieces: Vec<String> = line.flats.iter().map(ToString::to_string).collect();
        if !public {
            pieces.push(line.area.to_string());
            let at = labels::moment(line.at, offset, day, lang);
            pieces.extend(at.split_whitespace().map(str::to_string));
            if line.owner.chars().count() <= 4 {
                pieces.push(line.owner.to_string());
            }
        }
        for p in pieces {
            *wanted.entry(p).or_default() += 1;
        }
    }
    wanted
}
