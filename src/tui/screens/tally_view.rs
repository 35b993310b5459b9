//! The double tally beside the roll call: figures, bars against their thresholds, consents, verdict.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::tally::Measure;
use crate::domain::{Area, Tally};
use crate::i18n::T;
use crate::store::ItemRecord;
use crate::textwidth::{pad, pad_left};

use super::super::app::App;

/// The counts table: total / taking part / yes / no / abstain, by headcount and area.
pub fn figure_lines(app: &App, t: &Tally) -> Vec<Line<'static>> {
    let labels = [T::Total, T::Participating, T::Yes, T::No, T::Abstain];
    let label_w = labels
        .iter()
        .map(|l| crate::textwidth::width(app.t(*l)))
        .max()
        .unwrap_or(8)
        + 1;
    let mut lines = vec![Line::styled(
        format!(
            "{}{}{}",
            pad("", label_w),
            pad_left(app.t(T::OwnersUnit), 7),
            pad_left(super::wording::area_unit(app.lang), 12)
        ),
        app.theme.dim,
    )];
    lines.extend(
        [
            (T::Total, t.total, app.theme.text),
            (T::Participating, t.participating, app.theme.text),
            (T::Yes, t.yes, app.theme.yes),
            (T::No, t.no, app.theme.no),
            (T::Abstain, t.abstain, app.theme.abstain),
        ]
        .into_iter()
        .map(|(label, c, style)| {
            Line::from(vec![
                Span::styled(pad(app.t(label), label_w), style),
                Span::raw(format!(
                    "{}{}",
                    pad_left(&c.owners.to_string(), 7),
                    pad_left(&c.area.to_string(), 12)
                )),
            ])
        }),
    );
    lines
}

/// Tenths of a percent, exactly (integer division): 2/3 → 666.
fn permille(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part as i128 * 1000 / whole as i128) as i64
    }
}

/// A bar of `width` cells filled to part/whole, with the threshold marked `│`.
fn bar(
    app: &App,
    part: i64,
    whole: i64,
    num: u32,
    den: u32,
    width: usize,
    met: bool,
) -> Vec<Span<'static>> {
    let filled = if whole <= 0 {
        0
    } else {
        (part as i128 * width as i128 / whole as i128) as usize
    };
    let mark = (num as usize * width)
        .div_ceil(den as usize)
        .min(width.saturating_sub(1));
    let mut spans = Vec::new();
    for i in 0..width {
        let (ch, style) = if i == mark {
            ("│", if met { app.theme.ok } else { app.theme.warn })
        } else if i < filled {
            ("█", app.theme.bar)
        } else {
            ("░", app.theme.bar_empty)
        };
        spans.push(Span::styled(ch, style));
    }
    spans
}

/// How readily a line of the panel gives way when the panel is short: blank lines first, then
/// the bars and the table heading; the figures, conditions and consents always stay.
const BLANK: u8 = 0;
const DECOR: u8 = 1;
const KEEP: u8 = 2;

pub fn draw_panel(app: &App, item: &ItemRecord, t: &Tally, area: Rect, buf: &mut Buffer) {
    let th = app.theme;
    // The verdict first: it is what the room is waiting for.
    let verdict_style = if t.passed {
        th.ok
    } else if t.outlook.is_settled() || item.vote_closed {
        th.bad
    } else {
        th.warn
    };
    let blank = || (Line::raw(""), BLANK);
    let mut lines = vec![
        (
            Line::styled(super::wording::vote_state(app, item, t), verdict_style),
            KEEP,
        ),
        blank(),
    ];
    for (i, l) in figure_lines(app, t).into_iter().enumerate() {
        lines.push((l, if i == 0 { DECOR } else { KEEP }));
    }
    lines.push(blank());
    for c in &t.conditions {
        let (label, by) = match c.measure {
            Measure::ParticipationArea => (T::Participation, T::ByArea),
            Measure::ParticipationHeads => (T::Participation, T::ByHeads),
            Measure::ApprovalArea => (T::Approval, T::ByArea),
            Measure::ApprovalHeads => (T::Approval, T::ByHeads),
        };
        let pm = permille(c.part, c.whole);
        let style = if c.met { th.ok } else { th.warn };
        let line = Line::from(vec![
            Span::raw(format!("{}·{} ", app.t(label), app.t(by))),
            Span::raw(format!("{}.{}% ", pm / 10, pm % 10)),
            Span::styled(
                format!("{} {}", c.threshold, if c.met { "✓" } else { "✗" }),
                style,
            ),
        ]);
        lines.push((line, KEEP));
        let detail = match c.measure {
            Measure::ParticipationArea | Measure::ApprovalArea => {
                format!(
                    " {}/{} {}",
                    Area(c.part),
                    Area(c.whole),
                    super::wording::area_unit(app.lang)
                )
            }
            _ => format!(" {}/{} {}", c.part, c.whole, app.t(T::OwnersUnit)),
        };
        // One bar width for all four, leaving room for the longest figure ("20505.55/20505.55 ㎡").
        let bar_w = (area.width as usize).saturating_sub(22).clamp(4, 40);
        let mut spans = bar(
            app,
            c.part,
            c.whole,
            c.threshold.num,
            c.threshold.den,
            bar_w,
            c.met,
        );
        spans.push(Span::styled(detail, th.dim));
        lines.push((Line::from(spans), DECOR));
    }
    if !t.consents.is_empty() {
        lines.push(blank());
        lines.push((Line::styled(app.t(T::RequiredConsents), th.title), KEEP));
        for c in &t.consents {
            let (text, style) = match c.choice {
                Some(crate::domain::Choice::Yes) => (app.t(T::Yes), th.ok),
                Some(crate::domain::Choice::No) => (app.t(T::No), th.bad),
                Some(crate::domain::Choice::Abstain) => (app.t(T::Abstain), th.bad),
                None => (app.t(T::NotVoted), th.warn),
            };
            let line = Line::from(vec![
                Span::raw(format!("  {}  ", c.flat)),
                Span::styled(text, style),
            ]);
            lines.push((line, KEEP));
        }
    }
    let wrapped: Vec<(Vec<Line<'static>>, u8)> = lines
        .into_iter()
        .map(|(l, p)| (super::wrap::wrap(vec![l], area.width), p))
        .collect();
    let height = area.height as usize;
    let mut keep_from = BLANK;
    let count = |from: u8| -> usize {
        wrapped
            .iter()
            .filter(|(_, p)| *p >= from)
            .map(|(l, _)| l.len())
            .sum()
    };
    while keep_from < KEEP && count(keep_from) > height {
        keep_from += 1;
    }
    let shown: Vec<Line> = wrapped
        .into_iter()
        .filter(|(_, p)| *p >= keep_from)
        .flat_map(|(l, _)| l)
        .collect();
    Paragraph::new(shown).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::permille;

    #[test]
    fn permille_is_exact_integer_division() {
        assert_eq!(permille(2, 3), 666);
        assert_eq!(permille(8, 12), 666);
        assert_eq!(permille(3, 4), 750);
        assert_eq!(permille(0, 0), 0);
    }
}
