//! The workbook as the secretary prints it: the XLSX of a 225-ballot whole-estate vote converted to
//! PDF by LibreOffice Calc (`soffice --headless`) and read back with poppler: A4 landscape, the
//! header row on every page of the roll call, page numbers and the digest in the footer, every flat
//! whole, names in the minutes and none in the public version.
//!
//! Under CI (`CI` set) a missing tool fails; elsewhere the test says it was skipped and how to
//! install the tools.

mod common;

use common::print::{self, estate_vote, pdfinfo, pdftotext};
use pavilion::domain::Responsible;
use pavilion::export::{self, Format};
use pavilion::store::{NewAction, Presence};

#[test]
fn xlsx_prints_on_a4_landscape_with_the_header_row_on_every_page() {
    let test = "xlsx_prints_on_a4_landscape_with_the_header_row_on_every_page";
    if !print::tools_available(
        test,
        &["soffice", "pdfinfo", "pdftotext"],
        "libreoffice-calc-nogui poppler-utils fonts-noto-cjk",
    ) {
        return;
    }
    let (dir, mut store, m) = estate_vote();
    // Forty owners signed in, every fourth by proxy; an action whose text looks like a formula.
    let roster = store.roster().unwrap();
    for (i, e) in roster.iter().take(40).enumerate() {
        let presence = if i % 4 == 3 {
            Presence::Proxy("欧阳晓".into())
        } else {
            Presence::Present
        };
        store.attend(m, &e.flat, &presence).unwrap();
    }
    store
        .add_action(&NewAction {
            item: Some((m, 1)),
            meeting: None,
            what: "=1+1 公示停车收费新标准并张贴在各单元门口",
            responsible: Responsible::OwnersCommittee,
            due: Some(jiff::civil::date(2026, 12, 31)),
        })
        .unwrap();

    let files = print::three_documents(
        &store,
        m,
        Format::Xlsx,
        [
            "records-zh.xlsx",
            "records-public-zh.xlsx",
            "records-en.xlsx",
        ],
        dir.path(),
    );
    let pdfs = print::soffice_to_pdf(&files, dir.path());
    let snapshot = export::MeetingSnapshot::gather(&store, m).unwrap();
    let roll = &snapshot.items[0].roll_call;
    assert_eq!(roll.len(), 225);
    for (pdf, what) in pdfs.iter().zip(["minutes zh", "public zh", "minutes en"]) {
        let (pages, size) = pdfinfo(pdf);
        assert!(
            size.starts_with("841") && size.contains("x 595"),
            "{what}: A4 landscape, not {size}"
        );
        let text = pdftotext(pdf);
        let joined: String = text.split_whitespace().collect();
        let (page_of, choice_head) = match what {
            "minutes en" => (format!("Page{pages}of{pages}"), "Choice"),
            _ => (format!("第{pages}页共{pages}页"), "表决意见"),
        };
        assert!(
            joined.contains(&page_of),
            "{what}: page numbers ({page_of})"
        );
        assert!(
            joined.contains(&snapshot.digest.hash),
            "{what}: the digest in the footer"
        );
        // Every flat whole (also an owner's second flat in the list of their flats), with its
        // area as written (two decimals).
        let mut flats = std::collections::HashMap::<String, usize>::new();
        for line in roll {
            for f in line.flats.iter().chain([&line.flat]) {
                *flats.entry(f.to_string()).or_default() += 1;
            }
        }
        print::never_broken(what, &flats, &text);
        assert!(text.contains(&roll[0].area.to_string()), "{what}: areas");
        // The roll call spans pages: each of its pages repeats the header row.
        let roll_pages = print::roll_pages_with_header(what, pdf, pages, choice_head, |t| {
            roll.iter().any(|l| t.contains(&l.flat.to_string())) && !t.contains("欧阳晓")
        });
        assert!(
            roll_pages >= 3,
            "{what}: the roll call on {roll_pages} page(s)"
        );
        assert!(
            text.contains("=1+1"),
            "{what}: a formula-like text printed as text"
        );
        if what == "public zh" {
            assert!(
                !text.contains(roll[0].owner.as_str()),
                "{what} shows {}",
                roll[0].owner
            );
            assert!(!text.contains("欧阳晓"), "{what}: no sign-in list");
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
            assert!(text.contains("欧阳晓"), "{what}: the sign-in list");
        }
    }
}
