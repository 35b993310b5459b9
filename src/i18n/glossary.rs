//! The catalogue checked against `docs/glossary.md`: its forbidden variants, owners never counted in
//! 户, and full-width colons after Chinese.

#[cfg(test)]
mod tests {

    const GLOSSARY: &str = include_str!("../../docs/glossary.md");

    /// Every catalogue's texts: (key, zh, en).
    fn every_text() -> Vec<(String, &'static str, &'static str)> {
        crate::i18n::all::every_text()
    }

    /// The rows of the glossary's forbidden-variants table: (zh, en).
    fn forbidden() -> Vec<(String, String)> {
        let section = GLOSSARY
            .split("## Forbidden variants")
            .nth(1)
            .expect("the glossary has a section of forbidden variants");
        let rows: Vec<(String, String)> = section
            .lines()
            .filter(|l| l.starts_with('|') && !l.contains("---") && !l.contains("(forbidden)"))
            .map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                (cells[1].to_string(), cells[2].to_string())
            })
            .collect();
        assert!(rows.len() >= 5, "the table of forbidden variants is read");
        rows
    }

    #[test]
    fn no_text_uses_a_forbidden_variant() {
        let rows = forbidden();
        let mut bad = Vec::new();
        for (key, zh, en) in every_text() {
            for (fzh, fen) in &rows {
                if zh.contains(fzh.as_str()) {
                    bad.push(format!("{key}: '{zh}' has '{fzh}'"));
                }
                if en.to_lowercase().contains(&fen.to_lowercase()) {
                    bad.push(format!("{key}: '{en}' has '{fen}'"));
                }
            }
        }
        assert!(
            bad.is_empty(),
            "forbidden variants (docs/glossary.md):\n{}",
            bad.join("\n")
        );
    }

    #[test]
    fn owners_are_never_counted_in_hu() {
        let bad: Vec<String> = every_text()
            .into_iter()
            .filter(|(_, zh, en)| {
                let en = en.to_lowercase();
                zh.contains('户') && en.contains("owner") && !en.contains("flat")
            })
            .map(|(key, zh, en)| format!("{key}: '{zh}' / '{en}'"))
            .collect();
        assert!(bad.is_empty(), "owners counted in 户:\n{}", bad.join("\n"));
    }

    #[test]
    fn chinese_labels_take_a_full_width_colon() {
        let bad: Vec<String> = every_text()
            .into_iter()
            .filter(|(_, zh, _)| {
                let chars: Vec<char> = zh.chars().collect();
                chars.windows(2).any(|w| w[1] == ':' && is_cjk(w[0]))
            })
            .map(|(key, zh, _)| format!("{key}: '{zh}'"))
            .collect();
        assert!(
            bad.is_empty(),
            "ASCII colon after Chinese:\n{}",
            bad.join("\n")
        );
    }

    fn is_cjk(c: char) -> bool {
        matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
    }
}
