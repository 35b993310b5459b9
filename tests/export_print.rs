//! The documents as the secretary prints them: the DOCX minutes and notice converted to PDF by
//! LibreOffice (`soffice --headless`) and read back with poppler (`pdfinfo`, `pdftotext`): A4,
//! page numbers, the roll call's names and figures, flats never broken across lines, and the notice
//! of a 225-ballot whole-estate vote within six pages. One `soffice` run converts every file.
//!
//! Under CI (`CI` set) a missing tool fails; elsewhere the test says it was skipped and how to
//! install the tools.

mod common;

use common::print::{self, estate_vote, pdfinfo, pdftotext};
use pavilion::domain::roster::is_unsold_name;
use pavilion::export::{self, Format, Lang, Variant};

fn tools_available(test: &str) -> bool {
    print::tools_available(
        test,
        &["soffice", "pdfinfo", "pdftotext"],
        "libreoffice-writer-nogui poppler-utils fonts-noto-cjk",
    )
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
    let pdfs = print::soffice_to_pdf(&files, dir.path());
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
