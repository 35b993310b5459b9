//! The cost sheets of the workbook, for the items with a cost plan: each flat's share (费用分摊) and
//! every plan, replaced and current (费用方案). Money is a number of yuan with two decimals written
//! from the integer fen (never computed in floating point), coefficients exact decimals.

use crate::i18n::{CostText as C, WorkbookText as W};
use crate::lang::Lang;

use super::super::cost::{floors_line, method};
use super::super::cost_data::{plan_head, plan_rows};
use super::super::labels::{self as lb, L};
use super::super::snapshot::MeetingSnapshot;
use super::sheets::{Cell, Sheet, columns};

/// The two sheets, or none when no item has a plan.
pub fn sheets(s: &MeetingSnapshot, lang: Lang) -> Vec<Sheet<'_>> {
    if s.items.iter().all(|it| it.cost.is_none()) {
        return Vec::new();
    }
    vec![shares(s, lang), plans(s, lang)]
}

fn shares(s: &MeetingSnapshot, lang: Lang) -> Sheet<'_> {
    let columns = columns(&[
        (L::CsvItem.get(lang), 6),
        (L::CsvItemTitle.get(lang), 24),
        (C::Flat.get(lang), 12),
        (C::Floor.get(lang), 6),
        (C::Coefficient.get(lang), 8),
        (C::AreaM2.get(lang), 10),
        (C::ShareYuan.get(lang), 14),
    ]);
    let mut rows = Vec::new();
    for it in &s.items {
        let Some(Ok(sharing)) = it.cost.as_ref().map(|c| c.sharing.as_ref()) else {
            continue;
        };
        for x in &sharing.shares {
            rows.push(vec![
                Cell::Int(it.item.number),
                Cell::text(&it.item.title),
                Cell::text(x.flat.to_string()),
                Cell::Int(i64::from(x.floor)),
                Cell::Coefficient(x.coefficient),
                // The area weighs only in a plan by area.
                if sharing.by_area {
                    Cell::Area(x.area_m2)
                } else {
                    Cell::Empty
                },
                Cell::Yuan(x.fen),
            ]);
        }
    }
    Sheet {
        name: W::SheetCost.get(lang).into(),
        title: String::new(),
        columns,
        rows,
    }
}

fn plans(s: &MeetingSnapshot, lang: Lang) -> Sheet<'_> {
    let o = s.meeting.offset;
    let day = s.meeting.local_start().date();
    let widths = [14, 14, 14, 14, 16, 30, 20, 36, 36];
    let mut spec = vec![(L::CsvItem.get(lang), 6), (L::CsvItemTitle.get(lang), 24)];
    spec.extend(plan_head(lang).into_iter().zip(widths));
    let mut rows = Vec::new();
    for it in &s.items {
        let Some(cost) = &it.cost else { continue };
        for p in plan_rows(cost) {
            let at = p
                .changed_at
                .map(|at| lb::moment(at.parse().ok(), o, day, lang));
            rows.push(vec![
                Cell::Int(it.item.number),
                Cell::text(&it.item.title),
                Cell::text(p.kind(lang)),
                Cell::Yuan(p.plan.amount_fen),
                Cell::Yuan(p.plan.subsidy_fen),
                Cell::Yuan(p.plan.to_raise()),
                Cell::text(method(p.plan.by_area, lang)),
                Cell::text(floors_line(p.plan)),
                at.map_or(Cell::Empty, Cell::text),
                p.reason.map_or(Cell::Empty, Cell::text),
                match p.remarks(lang) {
                    r if r.is_empty() => Cell::Empty,
                    r => Cell::text(r),
                },
            ]);
        }
    }
    Sheet {
        name: W::SheetCostPlans.get(lang).into(),
        title: String::new(),
        columns: columns(&spec),
        rows,
    }
}
