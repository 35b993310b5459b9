//! An item's cost in the data formats: the JSON object (the `cost --json` shape, plus the plan as
//! recorded and each change) and the CSV section below the roll call. Flats and amounts only, never
//! names; a change's reason is already redacted in the public notice's snapshot.

use jiff::Timestamp;
use jiff::tz::Offset;
use serde::Serialize;

use crate::domain::cost::{CostPlan, Sharing};
use crate::i18n::CostText as C;
use crate::lang::Lang;

use super::cost::{ItemCost, flat_table, floors_line, method};
use super::labels::{self, L};

/// One object per item with a plan. Money in integer fen, coefficients exact decimal strings, areas
/// strings with two decimals; the sharing's fields are those of `cost --json`.
#[derive(Serialize)]
pub struct CostJson<'a> {
    pub meeting: i64,
    pub item: i64,
    #[serde(flatten)]
    pub sharing: Option<&'a Sharing>,
    /// Why the plan cannot be shared (a flat whose floor nothing gives); absent when it can.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The current plan as recorded (coefficients by floor).
    pub plan: &'a CostPlan,
    /// Each change after the first plan, oldest first.
    pub changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
pub struct ChangeJson<'a> {
    /// Local time with the meeting's offset.
    pub at: Option<String>,
    pub reason: &'a str,
    /// The plan it replaced.
    pub earlier: &'a CostPlan,
}

impl<'a> CostJson<'a> {
    pub fn new(
        meeting: i64,
        item: i64,
        cost: &'a ItemCost,
        offset: Offset,
        lang: Lang,
    ) -> CostJson<'a> {
        CostJson {
            meeting,
            item,
            sharing: cost.sharing.as_ref().ok(),
            error: cost.sharing.as_ref().err().map(|why| why.render(lang)),
            plan: &cost.plan,
            changes: cost
                .changes
                .iter()
                .map(|c| ChangeJson {
                    at: labels::rfc3339(c.at.parse::<Timestamp>().ok(), offset),
                    reason: &c.reason,
                    earlier: &c.earlier,
                })
                .collect(),
        }
    }
}

/// The CSV section of an item's cost, appended to `out` after the roll call: a blank line, a `#`
/// line with the figures (one cell: no comma, so it joins no sort or filter), a header, and one row
/// per flat (item, title, then `cost --csv`'s columns).
/// Then, when the plan changed, a second section: a blank line, a `#` line, a header and one row
/// per plan ([`plan_rows`]: each plan replaced, oldest first, then the current one).
pub fn csv_section(
    out: Vec<u8>,
    number: i64,
    title: &str,
    cost: &ItemCost,
    offset: Offset,
    lang: Lang,
) -> Result<Vec<u8>, ::csv::Error> {
    let mut out = csv_shares(out, number, title, cost, lang)?;
    if cost.changes.is_empty() {
        return Ok(out);
    }
    comment(&mut out, &C::CsvPlans.fill(lang, &[("n", &number)]));
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let mut head = vec![L::CsvItem.get(lang), L::CsvItemTitle.get(lang)];
    head.extend(plan_head(lang));
    w.write_record(&head)?;
    let number = number.to_string();
    for p in plan_rows(cost) {
        let at = p
            .changed_at
            .map(|at| labels::machine_time(at.parse::<Timestamp>().ok(), offset))
            .unwrap_or_default();
        let cells = [
            number.as_str(),
            title,
            p.kind(lang),
            &p.plan.amount_fen.to_string(),
            &p.plan.subsidy_fen.to_string(),
            &p.plan.to_raise().to_string(),
            method(p.plan.by_area, lang),
            &floors_line(p.plan),
            &at,
            p.reason.unwrap_or(""),
            &p.remarks(lang),
        ];
        w.write_record(
            cells
                .map(super::csv::neutralise)
                .iter()
                .map(|c| c.as_bytes()),
        )?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// The headings of a plan's columns (after the item's number and title).
pub fn plan_head(lang: Lang) -> [&'static str; 9] {
    [
        C::Plan,
        C::AmountYuan,
        C::SubsidyYuan,
        C::ToRaiseYuan,
        C::Method,
        C::FloorCoefficients,
        C::ChangedAt,
        C::ChangeReason,
        C::Remarks,
    ]
    .map(|c| c.get(lang))
}

/// One plan of an item, as the CSV and the workbook list them.
pub struct PlanRow<'a> {
    pub plan: &'a CostPlan,
    /// When and why it was replaced (stored time); none for the current plan.
    pub changed_at: Option<&'a str>,
    pub reason: Option<&'a str>,
    /// Why the current plan cannot be shared, if so.
    pub cannot_share: Option<&'a crate::i18n::Said>,
}

impl PlanRow<'_> {
    /// "修改前方案" or "现行方案".
    pub fn kind(&self, lang: Lang) -> &'static str {
        match self.changed_at {
            Some(_) => C::PlanReplaced.get(lang),
            None => C::PlanCurrent.get(lang),
        }
    }

    pub fn remarks(&self, lang: Lang) -> String {
        self.cannot_share
            .map(|why| C::CannotShare.fill(lang, &[("why", &why.render(lang))]))
            .unwrap_or_default()
    }
}

/// The plans of an item: each one replaced, oldest first, with when and why, then the current one.
pub fn plan_rows(cost: &ItemCost) -> Vec<PlanRow<'_>> {
    let replaced = cost.changes.iter().map(|c| PlanRow {
        plan: &c.earlier,
        changed_at: Some(&c.at),
        reason: Some(&c.reason),
        cannot_share: None,
    });
    let current = PlanRow {
        plan: &cost.plan,
        changed_at: None,
        reason: None,
        cannot_share: cost.sharing.as_ref().err(),
    };
    replaced.chain(std::iter::once(current)).collect()
}

/// The shares section: the figures in a `#` line, a header and a row per flat (or a `#` line saying
/// why the cost cannot be shared).
fn csv_shares(
    mut out: Vec<u8>,
    number: i64,
    title: &str,
    cost: &ItemCost,
    lang: Lang,
) -> Result<Vec<u8>, ::csv::Error> {
    let s = match &cost.sharing {
        Ok(s) => s,
        Err(why) => {
            let why = why.render(lang);
            let line = C::CsvCannotShare.fill(lang, &[("n", &number), ("why", &why)]);
            comment(&mut out, &line);
            return Ok(out);
        }
    };
    let line = C::CsvHeading.fill(
        lang,
        &[
            ("n", &number),
            ("amount", &s.amount_fen),
            ("subsidy", &s.subsidy_fen),
            ("to_raise", &s.to_raise_fen),
            ("method", &method(s.by_area, lang)),
        ],
    );
    comment(&mut out, &line);
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let table = flat_table(s, lang);
    let mut head = vec![L::CsvItem.get(lang), L::CsvItemTitle.get(lang)];
    head.extend(table.head.iter().map(String::as_str));
    w.write_record(&head)?;
    let number = number.to_string();
    // The table's last row is its total: the rows before it are the data.
    for row in &table.rows[..table.rows.len() - 1] {
        let cells = [number.as_str(), title]
            .into_iter()
            .chain(row.iter().map(String::as_str))
            .map(super::csv::neutralise);
        w.write_record(cells.collect::<Vec<_>>().iter().map(|c| c.as_bytes()))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// A blank line, then `line` as a `#` comment in one cell (a comma in a quoted reason becomes `;`).
fn comment(out: &mut Vec<u8>, line: &str) {
    let line = line.replace(',', ";").replace(['\r', '\n'], " ");
    out.extend_from_slice(b"\r\n# ");
    out.extend_from_slice(line.as_bytes());
    out.extend_from_slice(b"\r\n");
}
