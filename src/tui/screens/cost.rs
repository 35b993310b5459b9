//! The cost panel of the item screen: how the item's cost is shared by floor, each floor's subtotal
//! and each flat's share (the same figures as `pavilion cost` and the minutes), then each change of
//! the plan with its reason and the earlier plan.

use ratatui::text::Line;

use crate::export::cost::{ItemCost, flat_table, floor_table, plan_line, summary};
use crate::export::document::{Align, Table};
use crate::i18n::{CostText as C, date, terms};
use crate::textwidth::{pad, pad_left, width};

use super::super::app::App;

/// The panel's lines, if the item has a cost plan.
pub fn lines(app: &App, cost: &ItemCost) -> Vec<Line<'static>> {
    let th = &app.theme;
    let lang = app.lang;
    let mut out = vec![Line::raw(""), Line::styled(C::Heading.get(lang), th.title)];
    let s = match &cost.sharing {
        Ok(s) => s,
        Err(why) => {
            out.push(Line::styled(
                C::CannotShare.fill(lang, &[("why", &why.render(lang))]),
                th.bad,
            ));
            out.extend(changes(app, cost));
            return out;
        }
    };
    for (label, value) in summary(s, lang) {
        out.push(Line::raw(format!("{}{value}", terms::label(lang, &label))));
    }
    out.push(Line::styled(C::PerFloor.get(lang), th.dim));
    out.extend(
        table_lines(&floor_table(s, lang))
            .into_iter()
            .map(Line::raw),
    );
    out.push(Line::styled(C::PerFlat.get(lang), th.dim));
    out.extend(table_lines(&flat_table(s, lang)).into_iter().map(Line::raw));
    out.extend(changes(app, cost));
    out
}

/// Each change of the plan after the first, as the minutes say it: when, why, and the earlier plan.
fn changes(app: &App, cost: &ItemCost) -> Vec<Line<'static>> {
    let lang = app.lang;
    let offset = app.model.as_ref().map(|m| m.meeting.offset);
    let when = |at: &str| match (at.parse::<jiff::Timestamp>(), offset) {
        (Ok(t), Some(o)) => {
            let local = o.to_datetime(t);
            format!("{} {}", date(lang, local.date()), local.strftime("%H:%M"))
        }
        _ => at.to_string(),
    };
    cost.changes
        .iter()
        .map(|c| {
            let line = C::Changed.fill(
                lang,
                &[
                    ("at", &when(&c.at)),
                    ("reason", &c.reason),
                    ("earlier", &plan_line(&c.earlier, lang)),
                ],
            );
            Line::styled(line, app.theme.warn)
        })
        .collect()
}

/// A table as aligned text lines (display width, so CJK headings line up).
pub fn table_lines(t: &Table) -> Vec<String> {
    let widths: Vec<usize> = (0..t.head.len())
        .map(|c| {
            std::iter::once(&t.head)
                .chain(&t.rows)
                .map(|r| width(&r[c]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    std::iter::once(&t.head)
        .chain(&t.rows)
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .zip(&t.align)
                .map(|((cell, w), a)| match a {
                    Align::Left => pad(cell, *w),
                    Align::Right => pad_left(cell, *w),
                })
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect()
}
