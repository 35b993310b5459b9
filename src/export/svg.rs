//! Tally bar charts as inline SVG for the HTML export: one bar per condition of the rule, the
//! threshold marked, widths in whole pixels from exact integer arithmetic (the figures are in the tables).
//! Printed in black and white the parts still differ: 同意 solid, 反对 hatched, 弃权 dotted.

use std::fmt::Write;

use crate::domain::tally::{Condition, Measure};
use crate::domain::{Area, Tally};
use crate::lang::Lang;

use super::html::escape;
use super::labels::L;

const WIDTH: i64 = 700;
const LABEL: i64 = 150;
const BAR: i64 = 360;
const ROW: i64 = 30;
const BAR_HEIGHT: i64 = 16;

/// `part / whole` of `span` pixels, rounded down; nothing out of nothing is zero.
fn scale(part: i64, whole: i64, span: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    let w = i128::from(part.max(0)) * i128::from(span) / i128::from(whole);
    (w as i64).min(span)
}

/// The fills of 反对 (diagonal hatching) and 弃权 (dots on light grey), named after the chart so
/// that several charts in one page, or one copied alone, each carry their own.
fn patterns(s: &mut String, chart: usize) {
    let _ = write!(
        s,
        concat!(
            r#"<defs><pattern id="c{n}-no" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">"#,
            r##"<rect width="6" height="6" fill="#c62828"/><rect width="2.5" height="6" fill="#fff"/></pattern>"##,
            r#"<pattern id="c{n}-abstain" width="4" height="4" patternUnits="userSpaceOnUse">"#,
            r##"<rect width="4" height="4" fill="#e0e0e0"/><circle cx="2" cy="2" r="1" fill="#424242"/></pattern></defs>"##,
        ),
        n = chart
    );
}

/// The fill attribute of a part drawn with a pattern.
fn fill(class: &str, chart: usize) -> String {
    match class {
        "no" | "abstain" => format!(r#" fill="url(#c{chart}-{class})""#),
        _ => String::new(),
    }
}

/// A chart of the tally's conditions, the `chart`-th of its page; empty when the rule has none.
pub fn tally_chart(t: &Tally, lang: Lang, chart: usize) -> String {
    if t.conditions.is_empty() {
        return String::new();
    }
    let rows = t.conditions.len() as i64;
    let height = rows * ROW + 26;
    let title = L::ChartTitle.get(lang);
    let mut s = String::with_capacity(2048);
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-label="{}"><title>{}</title>"#,
        escape(title),
        escape(title)
    );
    patterns(&mut s, chart);
    for (i, c) in t.conditions.iter().enumerate() {
        let y = i as i64 * ROW;
        bar_row(&mut s, t, c, y, lang, chart);
    }
    legend(&mut s, rows * ROW + 8, lang, chart);
    s.push_str("</svg>");
    s
}

pub(super) fn short_label(m: Measure) -> L {
    match m {
        Measure::ParticipationArea => L::ChartParticipationArea,
        Measure::ParticipationHeads => L::ChartParticipationHeads,
        Measure::ApprovalArea => L::ChartApprovalArea,
        Measure::ApprovalHeads => L::ChartApprovalHeads,
    }
}

fn bar_row(s: &mut String, t: &Tally, c: &Condition, y: i64, lang: Lang, chart: usize) {
    let x0 = LABEL;
    let by = y + (ROW - BAR_HEIGHT) / 2;
    let _ = write!(
        s,
        r#"<text x="0" y="{}" class="label">{}</text>"#,
        by + 12,
        escape(short_label(c.measure).get(lang))
    );
    let _ = write!(
        s,
        r#"<rect x="{x0}" y="{by}" width="{BAR}" height="{BAR_HEIGHT}" class="track"/>"#
    );
    match c.measure {
        Measure::ParticipationArea | Measure::ParticipationHeads => {
            let w = scale(c.part, c.whole, BAR);
            let _ = write!(
                s,
                r#"<rect x="{x0}" y="{by}" width="{w}" height="{BAR_HEIGHT}" class="took-part"/>"#
            );
        }
        Measure::ApprovalArea | Measure::ApprovalHeads => {
            let area = c.measure == Measure::ApprovalArea;
            let pick = |counts: crate::domain::Counts| {
                if area { counts.area.0 } else { counts.owners }
            };
            let mut x = x0;
            for (part, class) in [
                (pick(t.yes), "yes"),
                (pick(t.no), "no"),
                (pick(t.abstain), "abstain"),
            ] {
                let w = scale(part, c.whole, BAR).min(x0 + BAR - x);
                if w > 0 {
                    let _ = write!(
                        s,
                        r#"<rect x="{x}" y="{by}" width="{w}" height="{BAR_HEIGHT}" class="{class}"{}/>"#,
                        fill(class, chart)
                    );
                }
                x += w;
            }
        }
    }
    let mx = x0 + scale(i64::from(c.threshold.num), i64::from(c.threshold.den), BAR);
    let _ = write!(
        s,
        r#"<line x1="{mx}" y1="{}" x2="{mx}" y2="{}" class="threshold"/>"#,
        by - 3,
        by + BAR_HEIGHT + 3
    );
    let show = |v: i64| match c.measure {
        Measure::ParticipationArea | Measure::ApprovalArea => Area(v).to_string(),
        _ => v.to_string(),
    };
    let mark = if c.met { "✓" } else { "✗" };
    let _ = write!(
        s,
        r#"<text x="{}" y="{}" class="value {}">{} / {} {mark}</text>"#,
        x0 + BAR + 10,
        by + 12,
        if c.met { "met" } else { "not-met" },
        show(c.part),
        show(c.whole)
    );
}

fn legend(s: &mut String, y: i64, lang: Lang, chart: usize) {
    let mut x = LABEL;
    for (class, label) in [
        ("took-part", L::Participating),
        ("yes", L::Yes),
        ("no", L::No),
        ("abstain", L::Abstain),
    ] {
        let text = label.get(lang);
        let _ = write!(
            s,
            r#"<rect x="{x}" y="{y}" width="12" height="12" class="{class}"{}/><text x="{}" y="{}" class="legend">{}</text>"#,
            fill(class, chart),
            x + 16,
            y + 11,
            escape(text)
        );
        x += 16 + 7 * crate::textwidth::width(text) as i64 + 18;
    }
    let _ = write!(
        s,
        r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" class="threshold"/><text x="{}" y="{}" class="legend">{}</text>"#,
        y - 1,
        y + 13,
        x + 6,
        y + 11,
        escape(L::Required.get(lang))
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_exact_integers() {
        assert_eq!(scale(8, 12, 300), 200);
        assert_eq!(scale(2, 3, 300), 200);
        assert_eq!(scale(1, 3, 300), 100);
        assert_eq!(scale(5, 0, 300), 0);
        assert_eq!(scale(7, 5, 300), 300);
    }

    #[test]
    fn each_chart_carries_its_own_patterns() {
        let mut s = String::new();
        patterns(&mut s, 3);
        assert!(s.contains(r#"<pattern id="c3-no""#) && s.contains(r#"<pattern id="c3-abstain""#));
        assert_eq!(fill("no", 3), r#" fill="url(#c3-no)""#);
        assert_eq!(fill("abstain", 3), r#" fill="url(#c3-abstain)""#);
        assert_eq!(fill("yes", 3), "");
    }
}
