//! Every text of every catalogue in one list: for the checks that read them all (the glossary's
//! forbidden variants, Chinese words in English output).

use super::Catalogue;
use crate::lang::Lang;

/// One text of a catalogue: its key, Chinese and English.
pub type Entry = (String, &'static str, &'static str);

fn texts<C: Catalogue>(all: &[C]) -> impl Iterator<Item = Entry> + '_ {
    all.iter()
        .map(|t| (format!("{t:?}"), t.text(Lang::Zh), t.text(Lang::En)))
}

/// Every catalogue's texts, and the documents' labels. A new catalogue adds its line here (a test
/// counts the catalogues in `src/i18n/`).
pub fn every_text() -> Vec<Entry> {
    use super::*;
    let mut out: Vec<Entry> = Vec::new();
    out.extend(texts(AgendaText::ALL));
    out.extend(texts(AgendaKeyText::ALL));
    out.extend(texts(BackupText::ALL));
    out.extend(texts(BallotText::ALL));
    out.extend(texts(CliText::ALL));
    out.extend(texts(CmdText::ALL));
    out.extend(texts(CostText::ALL));
    out.extend(texts(CostFindingText::ALL));
    out.extend(texts(ExportText::ALL));
    out.extend(texts(FindingText::ALL));
    out.extend(texts(IntakeText::ALL));
    out.extend(texts(IoText::ALL));
    out.extend(texts(PaperText::ALL));
    out.extend(texts(RecordText::ALL));
    out.extend(texts(RosterText::ALL));
    out.extend(texts(RosterFloorText::ALL));
    out.extend(texts(RosterProblem::ALL));
    out.extend(texts(T::ALL));
    out.extend(texts(SetupText::ALL));
    out.extend(texts(ShowText::ALL));
    out.extend(texts(StatedText::ALL));
    out.extend(texts(StoreText::ALL));
    out.extend(texts(TableText::ALL));
    out.extend(texts(UsageText::ALL));
    out.extend(texts(WorkbookText::ALL));
    out.extend(
        crate::export::labels::L::ALL
            .iter()
            .map(|l| (format!("L::{l:?}"), l.get(Lang::Zh), l.get(Lang::En))),
    );
    out
}

#[cfg(test)]
mod tests {
    /// Each `catalogue!` of `src/i18n/` is in [`super::every_text`].
    #[test]
    fn every_catalogue_is_listed() {
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
        let listed = include_str!("all.rs");
        let mut missing = Vec::new();
        let mut found = 0;
        for entry in std::fs::read_dir(here).unwrap() {
            let path = entry.unwrap().path();
            // mod.rs declares the macro; this file names it.
            if ["mod.rs", "all.rs"].iter().any(|f| path.ends_with(f)) {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            let Some((_, after)) = text.split_once("catalogue! {") else {
                continue;
            };
            // The enum's name: the first identifier followed by ` {` after the doc comments.
            let name = after
                .lines()
                .map(str::trim)
                .find(|l| l.ends_with(" {") && !l.starts_with("//"))
                .and_then(|l| l.strip_suffix(" {"))
                .unwrap()
                .to_string();
            found += 1;
            if !listed.contains(&format!("texts({name}::ALL)")) {
                missing.push(name);
            }
        }
        assert!(found >= 20, "the catalogues are read: {found}");
        assert!(missing.is_empty(), "not in every_text: {missing:?}");
    }
}
