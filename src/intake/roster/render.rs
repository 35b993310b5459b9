//! The import summary in the reader's language, one line per fact.

use super::summary::{SkipReason, Summary};
use crate::domain::FlatRef;
use crate::i18n::RosterText as R;
use crate::i18n::terms::list_separator as sep;
use crate::lang::Lang;

/// Items listed in one line before "and more".
const LISTED: usize = 10;

impl Summary {
    /// The summary as lines of text: sheets read and skipped, then the totals, then what was decided
    /// about owners, then warnings.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        match self.delimiter {
            Some('\t') => out.push(R::DelimiterTab.get(lang).to_string()),
            Some(_) => out.push(R::DelimiterSemicolon.get(lang).to_string()),
            None => {}
        }
        for s in &self.sheets {
            let (row, rows, area) = (&s.header_row, &s.rows, &s.area);
            out.push(match &s.name {
                Some(sheet) => R::SheetRead.fill(
                    lang,
                    &[
                        ("sheet", sheet),
                        ("row", row),
                        ("rows", rows),
                        ("area", area),
                    ],
                ),
                None => R::FileRead.fill(lang, &[("row", row), ("rows", rows), ("area", area)]),
            });
            let used = &s.area_header;
            out.push(if s.other_areas.is_empty() {
                format!("  {}", R::AreaColumn.fill(lang, &[("used", used)]))
            } else {
                let others = s.other_areas.join(sep(lang));
                format!(
                    "  {}",
                    R::AreaColumnOthers.fill(lang, &[("used", used), ("others", &others)])
                )
            });
            if let Some(header) = &s.address_header {
                out.push(format!(
                    "  {}",
                    R::AddressColumn.fill(lang, &[("header", header)])
                ));
            }
            if !s.total_rows.is_empty() {
                let rows = ranges(&s.total_rows, lang);
                out.push(format!("  {}", R::TotalRows.fill(lang, &[("rows", &rows)])));
            }
            if !s.filled.is_empty() {
                let mut rows: Vec<usize> = s.filled.iter().map(|f| f.0).collect();
                rows.sort_unstable();
                rows.dedup();
                let list = ranges(&rows, lang);
                out.push(format!(
                    "  {}",
                    R::Filled.fill(lang, &[("n", &s.filled.len()), ("rows", &list)])
                ));
            }
        }
        for s in &self.skipped {
            let sheet = &s.name;
            out.push(match &s.reason {
                SkipReason::Empty => R::SkippedEmpty.fill(lang, &[("sheet", sheet)]),
                SkipReason::NoHeader { first_text } => {
                    R::SkippedNoHeader.fill(lang, &[("sheet", sheet), ("text", first_text)])
                }
                SkipReason::NoFlats { header_row } => {
                    R::SkippedNoFlats.fill(lang, &[("sheet", sheet), ("row", header_row)])
                }
            });
        }
        out.push(R::Totals.fill(
            lang,
            &[
                ("rows", &self.rows),
                ("flats", &self.flats),
                ("owners", &self.owners),
                ("area", &self.area),
            ],
        ));
        if !self.rounded_areas.is_empty() {
            // Rows grouped by sheet, in the order read.
            let mut by_sheet: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
            for (sheet, row) in &self.rounded_areas {
                match by_sheet.last_mut() {
                    Some((s, rows)) if *s == sheet.as_deref() => rows.push(*row),
                    _ => by_sheet.push((sheet.as_deref(), vec![*row])),
                }
            }
            let places: Vec<String> = by_sheet
                .iter()
                .map(|(sheet, rows)| place(*sheet, &ranges(rows, lang), lang))
                .collect();
            let list = listed(&places, lang);
            let n = self.rounded_areas.len();
            out.push(R::Rounded.fill(lang, &[("n", &n), ("rows", &list)]));
        }
        if self.owners_by_certificate > 0 {
            out.push(R::ByCertificate.fill(lang, &[("n", &self.owners_by_certificate)]));
        }
        for o in &self.merged_by_name_and_phone {
            let flats = flats(&o.flats, lang);
            out.push(R::MergedByPhone.fill(lang, &[("name", &o.name), ("flats", &flats)]));
        }
        if !self.unsold_by_name.is_empty() {
            let flats = flats(&self.unsold_by_name, lang);
            out.push(R::UnsoldByName.fill(lang, &[("flats", &flats)]));
        }
        for o in &self.same_name {
            let list = flats(&o.flats, lang);
            out.push(R::SameName.fill(
                lang,
                &[("name", &o.name), ("n", &o.flats.len()), ("flats", &list)],
            ));
        }
        if !self.far_cells.is_empty() {
            let cells: Vec<String> = self
                .far_cells
                .iter()
                .map(|(sheet, cell)| match sheet {
                    Some(s) => format!("{s}!{cell}"),
                    None => cell.clone(),
                })
                .collect();
            let cells = listed(&cells, lang);
            out.push(R::FarCells.fill(lang, &[("cells", &cells)]));
        }
        out.extend(super::floors::lines(self, lang));
        out
    }
}

fn place(sheet: Option<&str>, row: &str, lang: Lang) -> String {
    match (sheet, lang) {
        (Some(s), Lang::Zh) => format!("「{s}」第 {row} 行"),
        (Some(s), Lang::En) => format!("'{s}' rows {row}"),
        (None, Lang::Zh) => format!("第 {row} 行"),
        (None, Lang::En) => format!("rows {row}"),
    }
}

fn flats(list: &[FlatRef], lang: Lang) -> String {
    let shown: Vec<String> = list.iter().map(ToString::to_string).collect();
    listed(&shown, lang)
}

/// Row numbers with runs shortened: 2, 5–9, 12.
fn ranges(rows: &[usize], lang: Lang) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        runs.push(if j > i {
            format!("{}–{}", rows[i], rows[j])
        } else {
            rows[i].to_string()
        });
        i = j + 1;
    }
    listed(&runs, lang)
}

/// The first items joined, then "and more, N in all".
fn listed(items: &[String], lang: Lang) -> String {
    let mut text = items[..items.len().min(LISTED)].join(sep(lang));
    if items.len() > LISTED {
        text.push(' ');
        text.push_str(&R::More.fill(lang, &[("n", &items.len())]));
    }
    text
}
