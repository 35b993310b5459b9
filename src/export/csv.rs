//! The roll call as CSV for Excel and WPS: UTF-8 with a byte-order mark (so Excel on a Chinese
//! Windows machine does not read it as GBK), one row per current ballot, and a last `#` row with
//! the record digest.

use crate::lang::Lang;

use super::labels::{self, L};
use super::snapshot::MeetingSnapshot;

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn render(s: &MeetingSnapshot, lang: Lang) -> Result<Vec<u8>, ::csv::Error> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(BOM);
    let mut w = ::csv::WriterBuilder::new()
        .flexible(true)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let o = s.meeting.offset;
    let time = match lang {
        Lang::Zh => format!("{}（{}）", L::At.get(lang), labels::offset(o)),
        Lang::En => format!("{} ({})", L::At.get(lang), labels::offset(o)),
    };
    w.write_record([
        L::CsvItem.get(lang),
        L::CsvItemTitle.get(lang),
        L::Flat.get(lang),
        L::CsvFlats.get(lang),
        L::Owner.get(lang),
        L::AreaM2.get(lang),
        L::Choice.get(lang),
        L::Method.get(lang),
        L::CsvProxy.get(lang),
        &time,
    ])?;
    for it in &s.items {
        let number = it.item.number.to_string();
        for r in &it.roll_call {
            let flats: Vec<String> = r.flats.iter().map(ToString::to_string).collect();
            w.write_record([
                number.as_str(),
                &it.item.title,
                &r.flat.to_string(),
                &flats.join(" "),
                &r.owner,
                &r.area.to_string(),
                labels::choice(r.choice, lang),
                labels::method(r.method, lang),
                r.proxy.as_deref().unwrap_or(""),
                &labels::machine_time(r.at, o),
            ])?;
        }
    }
    let d = &s.digest;
    w.write_record([
        labels::digest_row(d.event, d.events, lang).as_str(),
        &d.hash,
    ])?;
    w.into_inner().map_err(|e| e.into_error().into())
}
