//! The documents as the secretary prints them: the DOCX minutes and notice converted to PDF by
//! LibreOffice (`soffice --headless`) and read back with poppler (`pdfinfo`, `pdftotext`): A4,
//! page numbers, the roll call's names and figures, its header row on every page, flats never
//! broken across lines, and the notice of a 225-ballot whole-estate vote within six pages. One
//! `soffice` run converts every file.
//!
//! Under CI (`CI` set) a missing tool fails; elsewhere the test says it was skipped and how to
//! install the tools.

mod common;

use common::print::{self, estate_vote, pdfinfo, pdftotext};
use pavilion::export::{self, Format, Lang};

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
    let files = print::three_documents(
        &store,
        m,
        Format::Docx,
        ["minutes-zh.docx", "notice-zh.docx", "minutes-en.docx"],
        dir.path(),
    );
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
        // Every flat of the roll call whole on one line (never 3-2-/402, also an owner's second
        // flat); in the minutes also each area, time and short name (as often as in the roll
        // call; the sign-in annex repeats them). The notice shows the unsold flats as a count.
        let (lang, public) = match what {
            "minutes en" => (Lang::En, false),
            w => (Lang::Zh, w == "notice zh"),
        };
        print::never_broken(
            what,
            &print::roll_call_pieces(&snapshot, lang, public),
            &text,
        );
        if public {
            assert!(joined.contains("开发商未售房屋"), "{what}: unsold flats");
        }
        // The roll call spans pages: each of its pages repeats the header row.
        let choice_head = if what == "minutes en" {
            "Choice"
        } else {
            "表决意见"
        };
        let roll_pages = print::roll_pages_with_header(what, pdf, pages, choice_head, |t| {
            roll.iter().any(|l| t.contains(&l.flat.to_string()))
        });
        assert!(
            roll_pages >= 2,
            "{what}: the roll call on {roll_pages} page(s)"
        );
        if what == "notice zh" {
            print::assert_notice_short_and_masked(what, pages, &text, &roll[0].owner);
        } else {
            for line in roll
                .iter()
                .filter(|l| l.owner.chars().count() <= 4)
                .take(20)
            {
                assert!(
                    text.contains(line.owner.as_str()),
                    "{what}: {} missing",
                    line.owner
                );
            }
            assert!(text.contains("225"), "{what}: the figures");
            // The digest line may wrap inside the hash.
            assert!(joined.contains(&snapshot.digest.hash), "{what}: the digest");
        }
    }
}
