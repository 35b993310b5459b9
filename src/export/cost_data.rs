//! An item's cost in the data formats: the JSON object (the `cost --json` shape, plus the plan as
//! recorded and each change) and the CSV section below the roll call. Flats and amounts only, never
//! names; a change's reason is already redacted in the public notice's snapshot.

use jiff::Timestamp;
use jiff::tz::Offset;
use serde::Serialize;

use crate::domain::cost::{CostPlan, Sharing};
use crate::i18n::CostText as C;
use crate::lang::Lang;

use super::cost::{ItemCost, flat_table};
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
pub fn csv_section(
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
    let method = if s.by_area {
        C::ByFloorArea
    } else {
        C::ByFloor
    };
    let line = C::CsvHeading.fill(
        lang,
        &[
            ("n", &number),
            ("amount", &s.amount_fen),
            ("subsidy", &s.subsidy_fen),
            ("to_raise", &s.to_raise_fen),
            ("method", &method.get(lang)),
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
