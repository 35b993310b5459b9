//! The HTML minutes, notice and ballot papers as the secretary prints them from a browser: headless
//! Chromium "prints to PDF" and poppler (`pdfinfo`, `pdftotext`) reads the result back — A4, the
//! footer "第N页共M页" on every page, no word outside the printable width, every flat whole, the
//! verdict on the page of its chart, its bars told apart in grey, the 225-ballot notice within six
//! pages, and ballot papers two to a sheet, each whole on its own half.
//!
//! Under CI (`CI` set) a missing tool fails; elsewhere the test says it was skipped and how to
//! install the tools.

mod common;

use common::print::{
    self, Word, estate_vote, joined, never_broken, pdfinfo, pdftotext, pdftotext_area,
    pdftotext_page,
};
use pavilion::export::ballot_paper::{self, BallotPapers};
use pavilion::export::{self, Format, Lang};
use std::collections::HashMap;

fn tools_available(test: &str) -> bool {
    print::tools_available(
        test,
        &["chromium", "pdfinfo", "pdftotext", "pdftoppm"],
        "chromium poppler-utils fonts-noto-cjk",
    )
}

/// The page margins of the stylesheet (`@page { margin: 15mm … }`), in points, less a point of
/// rounding.
const SIDE_MARGIN: f64 = 15.0 * 72.0 / 25.4 - 1.0;

/// Every word lies between the side margins: nothing runs off the paper or into the margin (a
/// table too wide, a line that would not wrap).
fn within_width(what: &str, (width, _): (f64, f64), words: &[Word], margin: f64) {
    for w in words {
        assert!(
            w.x_min >= margin && w.x_max <= width - margin,
            "{what}: page {} «{}» at x {:.1}–{:.1} of {width:.1}",
            w.page,
            w.text,
            w.x_min,
            w.x_max
        );
    }
}

/// The texts the HTML keeps on one line (cells and spans of class `nw`: flats, times, short
/// names and headings), unescaped.
fn kept_whole(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("nw\"") {
        rest = &rest[at..];
        let start = rest.find('>').unwrap() + 1;
        let end = start + rest[start..].find('<').unwrap();
        let text = rest[start..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        found.push(text);
        rest = &rest[end..];
    }
    found
}

/// The mean and spread of the grey of a rectangle of pixels.
fn grey(
    px: &(usize, usize, Vec<u8>),
    (x0, x1): (usize, usize),
    (y0, y1): (usize, usize),
) -> (f64, f64) {
    let values: Vec<f64> = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| f64::from(px.2[y * px.0 + x])))
        .collect();
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64;
    (mean, var.sqrt())
}

/// The bar of 同意·面积 printed in grey: its 同意, 反对 and 弃权 parts differ from each other in
/// shade or texture (not two greys of the same darkness).
fn bars_differ_in_grey(
    pdf: &std::path::Path,
    page: usize,
    words: &[Word],
    (width, height): (f64, f64),
    tally: &pavilion::domain::Tally,
) {
    use pavilion::domain::tally::Measure;
    let label = words
        .iter()
        .find(|w| w.page == page && w.text == "同意·面积")
        .expect("the chart's label");
    let c = tally
        .conditions
        .iter()
        .find(|c| c.measure == Measure::ApprovalArea)
        .unwrap();
    // The chart's geometry (src/export/svg.rs): 700 units across the text width, the bar from
    // unit 150, 360 units long; each part's length in proportion, rounded down.
    let dpi = 144;
    let px = print::grey_page(pdf, page, dpi);
    let per_unit = (width - 2.0 * 15.0 * 72.0 / 25.4) / 700.0;
    let to_px = |pt: f64| (pt * f64::from(dpi) / 72.0).round() as usize;
    assert_eq!(px.0, to_px(width), "page width in pixels");
    assert!(px.1 >= to_px(height) - 1);
    let y = to_px((label.y_min + label.y_max) / 2.0);
    let mut x = 150;
    let mut parts = Vec::new();
    for (name, part) in [
        ("同意", tally.yes.area.0),
        ("反对", tally.no.area.0),
        ("弃权", tally.abstain.area.0),
    ] {
        let w = i64::try_from(i128::from(part) * 360 / i128::from(c.whole)).unwrap();
        assert!(w >= 40, "{name}: too short a part to look at ({w})");
        // The middle of the part, clear of its edges.
        let from = label.x_min + per_unit * (x + w / 5) as f64;
        let to = label.x_min + per_unit * (x + w - w / 5) as f64;
        parts.push((name, grey(&px, (to_px(from), to_px(to)), (y - 4, y + 4))));
        x += w;
    }
    for (i, (a, (mean_a, spread_a))) in parts.iter().enumerate() {
        for (b, (mean_b, spread_b)) in &parts[i + 1..] {
            assert!(
                (mean_a - mean_b).abs() > 30.0 || (spread_a - spread_b).abs() > 20.0,
                "{a} ({mean_a:.0} ± {spread_a:.0}) and {b} ({mean_b:.0} ± {spread_b:.0}) print alike in grey"
            );
        }
    }
}

#[test]
fn html_minutes_notice_and_ballot_papers_print_from_chromium_on_a4() {
    if !tools_available("html_minutes_notice_and_ballot_papers_print_from_chromium_on_a4") {
        return;
    }
    let (dir, store, m) = estate_vote();
    let mut files = print::three_documents(
        &store,
        m,
        Format::Html,
        ["minutes-zh.html", "notice-zh.html", "minutes-en.html"],
        dir.path(),
    );
    // The sample meeting's elevator vote: the twelve owners of unit 3-2.
    let papers: Vec<BallotPapers> = [Lang::Zh, Lang::En]
        .map(|lang| BallotPapers::gather(&store, 1, 1, lang, None).unwrap())
        .into();
    for p in &papers {
        let path = dir.path().join(format!("ballots-{}.html", p.lang.code()));
        std::fs::write(&path, ballot_paper::render_html(p)).unwrap();
        files.push(path);
    }
    let pdfs = print::chromium_to_pdf(&files, dir.path());

    let snapshot = export::MeetingSnapshot::gather(&store, m).unwrap();
    let roll = &snapshot.items[0].roll_call;
    assert_eq!(roll.len(), 225);
    let names = ["minutes zh", "notice zh", "minutes en"];
    for ((pdf, html), what) in pdfs.iter().zip(&files).zip(names) {
        let (pages, size) = pdfinfo(pdf);
        assert!(size.ends_with("(A4)"), "{what}: A4, not {size}");
        let (page_size, words) = print::words(pdf);
        within_width(what, page_size, &words, SIDE_MARGIN);
        let en = what.ends_with("en");
        for page in 1..=pages {
            let footer = match en {
                true => format!("Page{page}of{pages}"),
                false => format!("第{page}页共{pages}页"),
            };
            let text = joined(&pdftotext_page(pdf, page));
            assert!(
                text.ends_with(&footer),
                "{what}: page {page} without {footer}"
            );
        }
        // No page ends with a heading: each is kept with what follows it (its table, its text).
        let source = std::fs::read_to_string(html).unwrap();
        let headings: Vec<String> = ["h2", "h3", "h4"]
            .iter()
            .flat_map(|h| {
                let open = format!("<{h}>");
                let close = format!("</{h}>");
                source
                    .split(open.as_str())
                    .skip(1)
                    .map(move |t| joined(&t[..t.find(close.as_str()).unwrap()]))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(headings.len() > 5, "{what}: headings");
        for page in 1..pages {
            let text = pdftotext_page(pdf, page);
            let lines: Vec<String> = text.lines().map(joined).filter(|l| !l.is_empty()).collect();
            let last = &lines[lines.len().saturating_sub(2)];
            assert!(
                !headings.iter().any(|h| h == last),
                "{what}: page {page} ends with the heading {last}"
            );
        }
        // The result of the vote on the page of its chart (the chart's first bar, the text bars).
        let (verdict, bar) = match en {
            true => ("Result:", "Tookpart,byarea"),
            false => ("表决结果：", "参与表决·面积"),
        };
        let page = (1..=pages)
            .find(|p| joined(&pdftotext_page(pdf, *p)).contains(verdict))
            .unwrap_or_else(|| panic!("{what}: no {verdict}"));
        let after = joined(&pdftotext_page(pdf, page));
        let after = &after[after.find(verdict).unwrap()..];
        assert!(
            after.contains(bar) && after.contains('■'),
            "{what}: the chart is not on page {page} with the verdict"
        );
        if what == "minutes zh" {
            let tally = snapshot.items[0].tally.as_ref().unwrap();
            bars_differ_in_grey(pdf, page, &words, page_size, tally);
        }

        // Whole on one line: what the HTML keeps from wrapping, and the roll call's flats (names
        // of up to four characters and each piece of the time in the minutes).
        let text = pdftotext(pdf);
        let mut from_html = HashMap::<String, usize>::new();
        for t in kept_whole(&std::fs::read_to_string(html).unwrap()) {
            *from_html.entry(joined(&t)).or_default() += 1;
        }
        assert!(
            from_html.len() > 20,
            "{what}: {} texts kept whole",
            from_html.len()
        );
        let public = what == "notice zh";
        let lang = if en { Lang::En } else { Lang::Zh };
        if public {
            assert!(
                joined(&text).contains("开发商未售房屋"),
                "{what}: unsold flats"
            );
        }
        for (t, n) in print::roll_call_pieces(&snapshot, lang, public) {
            let n = n.max(from_html.get(&t).copied().unwrap_or(0));
            from_html.insert(t, n);
        }
        never_broken(what, &from_html, &text);
        if public {
            print::assert_notice_short_and_masked(what, pages, &text, &roll[0].owner);
        } else {
            assert!(
                joined(&text).contains(&snapshot.digest.hash),
                "{what}: the digest"
            );
        }
    }

    for (p, pdf) in papers.iter().zip(&pdfs[3..]) {
        let what = format!("ballot papers {}", p.lang.code());
        let (pages, size) = pdfinfo(pdf);
        assert!(size.ends_with("(A4)"), "{what}: A4, not {size}");
        assert_eq!(pages, p.owners.len().div_ceil(2), "{what}: two to a sheet");
        // The papers' side padding is 16 mm.
        let (page_size, words) = print::words(pdf);
        within_width(&what, page_size, &words, 16.0 * 72.0 / 25.4 - 1.0);
        let title = joined(&p.title());
        let return_line = joined(&p.return_line());
        // Each half of each sheet holds one whole paper: title to return line, the owner's own.
        let half = (page_size.1 / 2.0) as u32;
        let width = page_size.0.ceil() as u32;
        for (n, o) in p.owners.iter().enumerate() {
            let area = (0, half * (n as u32 % 2), width, half);
            let text = joined(&pdftotext_area(pdf, n / 2 + 1, area));
            assert_eq!(text.matches(&title).count(), 1, "{what}: paper {n}: {text}");
            assert!(
                text.contains(&joined(&o.name)),
                "{what}: {} not on paper {n}",
                o.name
            );
            for f in &o.flats {
                assert!(
                    text.contains(&f.to_string()),
                    "{what}: {f} missing or broken"
                );
            }
            assert!(
                text.ends_with(&return_line),
                "{what}: paper {n} cut: {text}"
            );
        }
    }
}
