//! `cost MEETING ITEM [--json|--csv]`: each flat's share of an item's cost, exact to the fen.

use anyhow::{Result, bail};

use crate::domain::cost::Sharing;
use crate::export::cost::{flat_table, floor_table, summary};
use crate::export::document::{Align, Table};
use crate::i18n::CostText as C;
use crate::lang::Lang;
use crate::store::Store;
use crate::textwidth::{pad, pad_left, width};

/// The `--json` shape: the meeting and item, then the sharing (money in integer fen, coefficients as
/// exact decimal strings, areas as strings with two decimals).
#[derive(serde::Serialize)]
struct CostJson<'a> {
    meeting: i64,
    item: i64,
    #[serde(flatten)]
    sharing: &'a Sharing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Text,
    Json,
    Csv,
}

pub fn cost(store: &Store, meeting: &str, number: i64, out: Output, lang: Lang) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let item = store.item(meeting, number)?;
    let Some(sharing) = store.cost_sharing(&item)? else {
        bail!("{}", C::NoPlan.fill(lang, &[("n", &number)]));
    };
    match out {
        Output::Json => {
            let shape = CostJson {
                meeting,
                item: number,
                sharing: &sharing,
            };
            println!("{}", serde_json::to_string(&shape)?);
        }
        Output::Csv => print!("{}", csv(&sharing, lang)?),
        Output::Text => {
            println!("{} {number}: {}", C::Heading.get(lang), item.title);
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
    let cols = t.head.len();
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            std::iter::once(&t.head)
                .chain(&t.rows)
                .map(|r| width(&r[c]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |row: &Vec<String>| {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .zip(&t.align)
            .map(|((cell, w), a)| match a {
                Align::Left => pad(cell, *w),
                Align::Right => pad_left(cell, *w),
            })
            .collect();
        format!("{}\n", cells.join("  ").trim_end())
    };
    std::iter::once(&t.head).chain(&t.rows).map(line).collect()
}
