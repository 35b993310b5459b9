//! The tally chart as a table of text bars (■ filled, □ not) with each share: it prints the same in
//! black and white, and survives programs that drop pictures (Word opening the HTML, DOCX).

use crate::domain::Tally;
use crate::lang::Lang;

use super::document::{Align, Table};
use super::labels::L;

/// Cells of a bar.
const CELLS: i64 = 20;

/// One row per condition of the rule; None when the rule has none.
pub fn table(t: &Tally, lang: Lang) -> Option<Table> {
    if t.conditions.is_empty() {
        return None;
    }
    Some(Table {
        head: vec![
            L::ChartTitle.get(lang).to_string(),
            String::new(),
            L::Actual.get(lang).to_string(),
        ],
        align: vec![Align::Left, Align::Left, Align::Right],
        rows: t
            .conditions
            .iter()
            .map(|c| {
                let filled = share(c.part, c.whole, CELLS) as usize;
                let bar = "■".repeat(filled) + &"□".repeat(CELLS as usize - filled);
                let permille = share(c.part, c.whole, 1000);
                vec![
                    super::svg::short_label(c.measure).get(lang).to_string(),
                    bar,
                    format!("{}.{}%", permille / 10, permille % 10),
                ]
            })
            .collect(),
        class: "bars",
    })
}

/// `part / whole` of `span`, rounded down; nothing out of nothing is zero.
fn share(part: i64, whole: i64, span: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    (i128::from(part.max(0)) * i128::from(span) / i128::from(whole)).min(i128::from(span)) as i64
}

#[cfg(test)]
mod tests {
    #[test]
    fn shares_round_down_exactly() {
        assert_eq!(super::share(2, 3, 1000), 666);
        assert_eq!(super::share(1, 0, 20), 0);
        assert_eq!(super::share(5, 4, 20), 20);
    }
}
