//! What the DOCX and XLSX files are made of, read from the package as Word, WPS and Excel read it.
//! DOCX: A4 with the set margins, 宋体/黑体 with Latin fonts and the zh-CN East-Asian language tag,
//! every table a full grid at fixed proportional widths with its header row repeated and rows that
//! never split, the signature table's rows tall enough to sign, page numbers and the record digest
//! in the footer. XLSX: each sheet set to print on A4 landscape, one page wide, its print area the
//! table and its header row repeated, columns set to widths. (How they print is
//! `tests/export_print*.rs`.)

mod common;

use common::print::estate_vote;
use common::workbook::parts;
use pavilion::export::{self, Format, Lang, Variant};

/// The value of `attr` in the first element `tag` of `xml`.
fn attr<'a>(xml: &'a str, tag: &str, attr: &str) -> &'a str {
    let at = xml
        .find(&format!("<{tag} "))
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let element = &xml[at..at + xml[at..].find('>').unwrap()];
    let start = element
        .find(&format!(" {attr}=\""))
        .unwrap_or_else(|| panic!("{tag} has no {attr}: {element}"))
        + attr.len()
        + 3;
    &element[start..start + element[start..].find('"').unwrap()]
}

/// Every `<w:tbl>…</w:tbl>` of the document.
fn tables(xml: &str) -> Vec<&str> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| &t[..t.find("</w:tbl>").unwrap()])
        .collect()
}

fn numbers(xml: &str, tag: &str, attr: &str) -> Vec<u32> {
    xml.split(&format!("<{tag} {attr}=\""))
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect()
}

#[test]
fn docx_is_a4_in_chinese_fonts_with_grid_tables_and_room_to_sign() {
    let (_dir, store, m) = estate_vote();
    let hash = export::MeetingSnapshot::gather(&store, m)
        .unwrap()
        .digest
        .hash;
    for (variant, lang) in [
        (Variant::Minutes, Lang::Zh),
        (Variant::Minutes, Lang::En),
        (Variant::PublicNotice, Lang::Zh),
    ] {
        let what = format!("{variant:?} {lang:?}");
        let bytes = export::export(&store, m, Format::Docx, variant, lang).unwrap();
        let parts = parts(&bytes);
        let part = |name: &str| {
            parts
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{what}: no {name}"))
                .1
                .as_str()
        };
        let doc = part("word/document.xml");
        // A4, margins 25 mm top and bottom, 28 mm left, 26 mm right.
        assert_eq!(attr(doc, "w:pgSz", "w:w"), "11906", "{what}");
        assert_eq!(attr(doc, "w:pgSz", "w:h"), "16838", "{what}");
        for (side, twips) in [
            ("w:top", "1418"),
            ("w:bottom", "1418"),
            ("w:left", "1588"),
            ("w:right", "1474"),
        ] {
            assert_eq!(attr(doc, "w:pgMar", side), twips, "{what}: {side}");
        }
        // 宋体 with Times New Roman for text, the Chinese language tag on every run by default.
        let styles = part("word/styles.xml");
        let defaults = &styles[styles.find("<w:docDefaults>").unwrap()..];
        assert_eq!(attr(defaults, "w:rFonts", "w:eastAsia"), "宋体", "{what}");
        assert_eq!(
            attr(defaults, "w:rFonts", "w:ascii"),
            "Times New Roman",
            "{what}"
        );
        assert_eq!(attr(defaults, "w:lang", "w:eastAsia"), "zh-CN", "{what}");
        // 黑体 with Arial for headings (the title, and table headings by their style).
        assert_eq!(attr(doc, "w:rFonts", "w:eastAsia"), "黑体", "{what}");
        assert_eq!(attr(doc, "w:rFonts", "w:ascii"), "Arial", "{what}");
        let heading_style = &styles[styles.find("w:styleId=\"TableHeading\"").unwrap()..];
        assert_eq!(attr(heading_style, "w:rFonts", "w:eastAsia"), "黑体");

        let tables = tables(doc);
        assert!(tables.len() >= 4, "{what}: {} tables", tables.len());
        for t in &tables {
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                assert_eq!(attr(t, &format!("w:{side}"), "w:val"), "single", "{what}");
            }
            assert!(t.contains(r#"<w:tblLayout w:type="fixed" />"#), "{what}");
            let grid = numbers(t, "w:gridCol", "w:w");
            assert_eq!(grid.iter().sum::<u32>(), 8844, "{what}: the text width");
            let rows = t.matches("<w:tr>").count();
            assert_eq!(t.matches("<w:cantSplit />").count(), rows, "{what}");
            assert_eq!(t.matches("<w:tblHeader />").count(), 1, "{what}");
            assert!(
                t.starts_with("<w:tblPr>") && t.find("<w:tblHeader />") < t.find("</w:tr>"),
                "{what}: the first row repeats"
            );
            // The header row and the first row keep with the next: never one row alone under the
            // header at the foot of a page.
            let kept = if rows > 2 { 2 } else { 1 };
            assert_eq!(
                t.matches("<w:keepNext />").count(),
                kept * grid.len(),
                "{what}"
            );
        }
        // Widths by content: the roll call's flat column is narrower than its owner or time one.
        let roll = tables
            .iter()
            .max_by_key(|t| t.matches("<w:tr>").count())
            .unwrap();
        let grid = numbers(roll, "w:gridCol", "w:w");
        assert!(
            grid.iter().min() < grid.iter().max(),
            "{what}: proportional widths {grid:?}"
        );
        if variant == Variant::Minutes {
            // The signature table: rows at least 15 mm tall (850 twips).
            let sign = tables
                .iter()
                .find(|t| t.contains("w:trHeight"))
                .unwrap_or_else(|| panic!("{what}: no signature table"));
            let heights = numbers(sign, "w:trHeight", "w:val");
            assert_eq!(heights.len(), 5, "{what}: host, secretary, three residents");
            assert!(heights.iter().all(|h| *h >= 850), "{what}: {heights:?}");
            assert_eq!(attr(sign, "w:trHeight", "w:hRule"), "atLeast");
        }
        // The footer: the digest, and the page number of the page count.
        let footer = part("word/footer1.xml");
        assert!(footer.contains(&hash), "{what}: the digest in the footer");
        assert!(
            footer.contains("PAGE") && footer.contains("NUMPAGES"),
            "{what}: page fields"
        );
        let again = export::export(&store, m, Format::Docx, variant, lang).unwrap();
        assert_eq!(bytes, again, "{what}: the same bytes");
    }
}

#[test]
fn each_sheet_prints_landscape_on_a4_with_its_header_row_on_every_page() {
    let (_dir, store, m) = estate_vote();
    for (variant, lang, sheets) in [
        (Variant::Minutes, Lang::Zh, 3),
        (Variant::PublicNotice, Lang::En, 2),
    ] {
        let what = format!("{variant:?} {lang:?}");
        let bytes = export::export(&store, m, Format::Xlsx, variant, lang).unwrap();
        let parts = parts(&bytes);
        let book = &parts
            .iter()
            .find(|(n, _)| n == "xl/workbook.xml")
            .unwrap()
            .1;
        assert_eq!(book.matches("_xlnm.Print_Area").count(), sheets, "{what}");
        assert_eq!(book.matches("_xlnm.Print_Titles").count(), sheets, "{what}");
        assert!(book.contains("$1:$1"), "{what}: the header row repeated");
        for n in 1..=sheets {
            let name = format!("xl/worksheets/sheet{n}.xml");
            let sheet = &parts.iter().find(|(p, _)| *p == name).unwrap().1;
            assert_eq!(attr(sheet, "pageSetup", "paperSize"), "9", "{what}: A4");
            assert_eq!(attr(sheet, "pageSetup", "orientation"), "landscape");
            assert_eq!(attr(sheet, "pageSetup", "fitToHeight"), "0", "{what}");
            assert_eq!(attr(sheet, "pageSetUpPr", "fitToPage"), "1", "{what}");
            assert!(
                sheet.contains("<cols>") && sheet.contains(r#"customWidth="1""#),
                "{what}: column widths"
            );
            assert!(sheet.contains("<pane "), "{what}: the header row frozen");
        }
    }
}
