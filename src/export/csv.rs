//! The roll call as CSV for Excel and WPS: UTF-8 with a byte-order mark (so Excel on a Chinese
//! Windows machine does not read it as GBK), a first `#` comment line with the record digest (so it
//! joins no sort or filter of the data), then one row per current ballot; then, for each item with a
//! cost plan, a blank line and its cost section ([`super::cost_data::csv_section`]). Every cell that a
//! spreadsheet would take for a formula is neutralised (OWASP "CSV injection").

use std::borrow::Cow;
use std::io::Write;

use crate::lang::Lang;

use super::labels::{self, L};
use super::snapshot::{MeetingSnapshot, Variant};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A cell as a spreadsheet may read it: one that begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return (also after leading spaces, also in full width) gets a leading apostrophe, so
/// Excel and WPS show it as text instead of evaluating it.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let first = cell.trim_start_matches(' ').chars().next();
    let first = cell
        .chars()
        .next()
        .filter(|c| matches!(c, '\t' | '\r'))
        .or(first);
    match first {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => {
            Cow::Owned(format!("'{cell}"))
        }
        _ => Cow::Borrowed(cell),
    }
}

/// Writes the roll call out row by row.
pub fn write(s: &MeetingSnapshot, lang: Lang, to: &mut dyn Write) -> Result<(), ::csv::Error> {
    to.write_all(BOM)?;
    let d = &s.digest;
    to.write_all(labels::digest_comment(&d.hash, d.event, d.events, lang).as_bytes())?;
    to.write_all(b"\r\n")?;
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut *to);
    let o = s.meeting.offset;
    let with_offset = |label: L| match lang {
        Lang::Zh => format!("{}（{}）", label.get(lang), labels::offset(o)),
        Lang::En => format!("{} ({})", label.get(lang), labels::offset(o)),
    };
    // When a ballot entered later from paper was entered (minutes only: the notice shows the
    // stated time alone).
    let entered = s.variant() == Variant::Minutes;
    let head = [
        L::CsvItem,
        L::CsvItemTitle,
        L::Flat,
        L::CsvFlats,
        L::Owner,
        L::AreaM2,
        L::Choice,
        L::Method,
        L::CsvProxy,
    ];
    let mut row: Vec<String> = head.iter().map(|l| l.get(lang).to_string()).collect();
    row.push(with_offset(L::At));
    if entered {
        row.push(with_offset(L::CsvEntered));
    }
    w.write_record(&row)?;
    for it in &s.items {
        let number = it.item.number.to_string();
        for r in &it.roll_call {
            let flats: Vec<String> = r.flats.iter().map(ToString::to_string).collect();
            let entered_at = labels::machine_time(r.entered, o);
            let cells = [
                number.as_str(),
                &it.item.title,
                r.flat.as_str(),
                &flats.join(" "),
                &r.owner,
                &r.area.to_string(),
                labels::choice(r.choice, lang),
                labels::method(r.method, lang),
                r.proxy.as_deref().unwrap_or(""),
                &labels::machine_time(r.at, o),
                &entered_at,
            ];
            let n = if entered {
                cells.len()
            } else {
                cells.len() - 1
            };
            let cells: Vec<Cow<str>> = cells[..n].iter().map(|c| neutralise(c)).collect();
            w.write_record(cells.iter().map(|c| c.as_bytes()))?;
        }
    }
    w.flush()?;
    drop(w);
    for it in &s.items {
        if let Some(cost) = &it.cost {
            let section = super::cost_data::csv_section(
                Vec::new(),
                it.item.number,
                &it.item.title,
                cost,
                o,
                lang,
            )?;
            to.write_all(&section)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_become_text() {
        for cell in [
            "=HYPERLINK(\"http://x\",\"点我\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "  =1",
            "＝1+1",
            "=cmd|' /C calc'!A0",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["王秀兰", "3-2-501", "80.00", "", "a=b"] {
            assert_eq!(neutralise(cell), cell);
        }
    }
}
