//! Ballot papers (表决票) two to an A4 sheet and the blank sign-in sheet (签到表), as the secretary
//! prints them: converted to PDF by LibreOffice and read back with poppler — A4, one sheet per
//! two owners, every owner's name and flats whole — and their text in both languages.

mod common;

use common::cli::{ok, pavilion, sample_db};
use common::print::{pdfinfo, pdftotext, soffice_to_pdf, tools_available};
use pavilion::export::ballot_paper::{self, BallotPapers};
use pavilion::export::{self, Format, Lang};
use pavilion::store::Store;

/// The text of the papers as Word holds it, up to the start of the third paper.
fn first_two(p: &BallotPapers) -> String {
    let text = common::docx::docx_text(&ballot_paper::render_docx(p));
    let title = p.title();
    let third = text
        .match_indices(&title)
        .nth(2)
        .map_or(text.len(), |(i, _)| i);
    text[..third].to_string()
}

#[test]
fn ballot_papers_say_what_is_voted_how_and_by_whom_in_both_languages() {
    let (_dir, _path, store, m) = common::estate();
    for lang in [Lang::Zh, Lang::En] {
        let return_by = Some("2026-12-05".parse().unwrap());
        let papers = BallotPapers::gather(&store, m, 1, lang, return_by).unwrap();
        // Unit 3-2: twelve owners, in flat order.
        assert_eq!(papers.owners.len(), 12);
        assert_eq!(papers.owners[0].name, "业主11");
        insta::assert_snapshot!(format!("ballots_{}", lang.code()), first_two(&papers));
        let html = String::from_utf8(ballot_paper::render_html(&papers)).unwrap();
        assert_eq!(html.matches("<section class=\"ballot\">").count(), 12);
        for o in &papers.owners {
            assert!(html.contains(&format!("<td>{}</td>", o.name)), "{}", o.name);
        }
        assert!(html.contains("@page { size: A4; margin: 0; }"));
    }
    let zh = BallotPapers::gather(&store, m, 1, Lang::Zh, None).unwrap();
    assert!(
        zh.return_line().contains("____年____月____日"),
        "a blank to fill in"
    );
    assert_eq!(
        ballot_paper::render_docx(&zh),
        ballot_paper::render_docx(&zh),
        "byte-identical"
    );
}

#[test]
fn the_sign_in_sheet_lists_every_owner_with_room_to_sign() {
    let (_dir, _path, store, m) = common::estate();
    for lang in [Lang::Zh, Lang::En] {
        let md =
            String::from_utf8(export::sign_in_sheet(&store, m, Format::Markdown, lang).unwrap())
                .unwrap();
        insta::assert_snapshot!(format!("sign_in_sheet_{}", lang.code()), md);
    }
    let html = String::from_utf8(export::sign_in_sheet(&store, m, Format::Html, Lang::Zh).unwrap())
        .unwrap();
    assert!(
        html.contains("<table class=\"signatures\""),
        "rows tall enough to sign"
    );
    assert!(html.contains(">业主11</td>") && html.contains(">业主62</td>"));
}

#[test]
fn the_commands_write_new_files_and_refuse_what_cannot_be_printed() {
    let (dir, db) = sample_db();
    let out = dir.path().join("papers");
    std::fs::create_dir(&out).unwrap();
    let o = out.to_str().unwrap();
    let first = ok(&db, &["ballots", "1", "1", "-f", "docx", "-o", o]);
    assert!(
        first.contains("meeting-1-2026-11-28-ballots-item-1-en.docx"),
        "{first}"
    );
    let again = ok(&db, &["ballots", "1", "1", "-f", "docx", "-o", o]);
    assert!(
        again.contains("was kept") && again.contains("ballots-item-1-en-2.docx"),
        "{again}"
    );
    let sheet = ok(&db, &["sign-in-sheet", "1", "-o", o]);
    assert!(
        sheet.contains("meeting-1-2026-11-28-sign-in-sheet-en.html"),
        "{sheet}"
    );
    let csv = pavilion(&db, &["ballots", "1", "1", "-o", "x.csv"]);
    assert!(!csv.status.success());
    assert!(String::from_utf8_lossy(&csv.stderr).contains("html or docx only"));
    let date = pavilion(&db, &["ballots", "1", "1", "--return-by", "5 Dec"]);
    assert!(String::from_utf8_lossy(&date.stderr).contains("2026年12月15日"));
    let html = ok(&db, &["ballots", "1", "1"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "stdout without -o");
}

#[test]
fn printed_ballot_papers_are_two_to_an_a4_sheet_with_every_owner_whole() {
    if !tools_available(
        "printed_ballot_papers_are_two_to_an_a4_sheet_with_every_owner_whole",
        &["soffice", "pdfinfo", "pdftotext"],
        "libreoffice-writer-nogui poppler-utils fonts-noto-cjk",
    ) {
        return;
    }
    let (dir, db) = sample_db();
    let store = Store::open(&db).unwrap();
    let papers = BallotPapers::gather(&store, 1, 1, Lang::Zh, None).unwrap();
    let sheet = export::sign_in_sheet(&store, 1, Format::Docx, Lang::Zh).unwrap();
    let sheet_en = export::sign_in_sheet(&store, 1, Format::Docx, Lang::En).unwrap();
    let estate = store.roster().unwrap();
    drop(store);
    let ballots = dir.path().join("ballots.docx");
    let sign_in = dir.path().join("sign-in.docx");
    let sign_in_en = dir.path().join("sign-in-en.docx");
    std::fs::write(&ballots, ballot_paper::render_docx(&papers)).unwrap();
    std::fs::write(&sign_in, sheet).unwrap();
    std::fs::write(&sign_in_en, sheet_en).unwrap();
    let pdfs = soffice_to_pdf(&[ballots, sign_in, sign_in_en], dir.path());

    let (pages, size) = pdfinfo(&pdfs[0]);
    assert!(size.contains("595") && size.contains("841"), "A4: {size}");
    assert_eq!(
        pages,
        papers.owners.len().div_ceil(2),
        "two papers to a sheet"
    );
    let text: String = pdftotext(&pdfs[0]).split_whitespace().collect();
    assert_eq!(
        text.matches("红旗小区业主表决票").count(),
        papers.owners.len()
    );
    for o in &papers.owners {
        assert!(text.contains(&o.name), "{} missing", o.name);
        for f in &o.flats {
            assert!(text.contains(&f.to_string()), "{f} missing or broken");
        }
    }

    for pdf in &pdfs[1..] {
        let (_, size) = pdfinfo(pdf);
        assert!(size.contains("595") && size.contains("841"), "A4: {size}");
        // Each flat whole on its line (never 1-1-/502).
        let text = pdftotext(pdf);
        for e in &estate {
            let flat = e.flat.to_string();
            assert!(
                text.contains(&flat),
                "{}: {flat} missing or broken",
                pdf.display()
            );
        }
    }
}
