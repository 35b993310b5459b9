//! `cost MEETING ITEM [--json|--csv]`: each flat's share of an item's cost, exact to the fen.
//! `--json` is the shape of an item's `cost` in `export --format json`.

use std::path::Path;

use anyhow::{Result, bail};

use crate::domain::cost::Sharing;
use crate::export::cost::{ItemCost, flat_table, floor_table, summary};
use crate::export::cost_data::CostJson;
use crate::export::document::Table;
use crate::i18n::CostText as C;
use crate::intake::agenda::parse_cost_plan;
use crate::lang::Lang;
use crate::store::{Store, StoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Text,
    Json,
    Csv,
}

pub fn cost(store: &Store, meeting: &str, number: i64, out: Output, lang: Lang) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let item = store.item(meeting, number)?;
    let Some(cost) = ItemCost::gather(store, &item)? else {
        bail!("{}", C::NoPlan.fill(lang, &[("n", &number)]));
    };
    let sharing = cost.sharing.clone().map_err(StoreError::Said)?;
    match out {
        // The shape of the item's `cost` in `export --format json`.
        Output::Json => {
            let offset = store.meeting(meeting)?.offset;
            let shape = CostJson::new(meeting, number, &cost, offset, lang);
            println!("{}", serde_json::to_string(&shape)?);
        }
        Output::Csv => print!("{}", csv(&sharing, lang)?),
        Output::Text => {
            let heading = format!("{} {number}", C::Heading.get(lang));
            println!(
                "{}{}",
                crate::i18n::terms::label(lang, &heading),
                item.title
            );
            for (label, value) in summary(&sharing, lang) {
                println!("{}{value}", crate::i18n::terms::label(lang, &label));
            }
            println!("{}", C::Rounding.get(lang));
            println!();
            println!("{}", C::PerFloor.get(lang));
            print!("{}", text_table(&floor_table(&sharing, lang)));
            println!();
            println!("{}", C::PerFlat.get(lang));
            print!("{}", text_table(&flat_table(&sharing, lang)));
        }
    }
    Ok(())
}

/// The flat table as CSV (UTF-8 with BOM for Excel), without the total row.
fn csv(s: &Sharing, lang: Lang) -> Result<String> {
    let table = flat_table(s, lang);
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(&table.head)?;
    for row in &table.rows[..table.rows.len() - 1] {
        w.write_record(row)?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(format!("\u{feff}{}", String::from_utf8(bytes)?))
}

/// A table in columns, aligned by display width (CJK headings are two columns a character).
fn text_table(t: &Table) -> String {
    crate::tui::screens::cost::table_lines(t)
        .into_iter()
        .map(|l| l + "\n")
        .collect()
}

/// `cost MEETING ITEM --set FILE [--reason TEXT]`: records a new plan (an `item.cost` event; the
/// earlier plan stays in the record) and prints the new sharing's summary.
pub fn set(
    store: &mut Store,
    meeting: &str,
    number: i64,
    file: &Path,
    reason: Option<&str>,
    lang: Lang,
) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let text = super::meetings::toml_text(file)?;
    let plan = parse_cost_plan(&file.display().to_string(), &text, number)?;
    store.set_cost_plan(meeting, number, &plan, reason)?;
    let item = store.item(meeting, number)?;
    let version = store.cost_plan_history(item.id)?.len();
    println!(
        "{}",
        C::PlanSet.fill(
            lang,
            &[
                ("n", &number),
                ("version", &version),
                ("to_raise", &plan.to_raise())
            ]
        )
    );
    Ok(())
}
