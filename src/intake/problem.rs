//! A problem found in an input file: where it is, what is wrong, and what to do about it.

use std::fmt;

use crate::i18n::Said;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (unreadable, wrong encoding, empty).
    File,
    /// A text position, 1-based (agenda files).
    Text { line: usize, column: usize },
    /// A spreadsheet cell, 1-based; row 1 is the header. `header` names the column.
    Cell {
        row: usize,
        column: usize,
        header: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The worksheet of a workbook, if the problem is on one.
    pub sheet: Option<String>,
    pub location: Location,
    /// What is wrong, and what to do: message values, rendered in the reader's language.
    pub message: Said,
    pub hint: Said,
}

impl Problem {
    pub fn new(
        file: &str,
        location: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self::said(
            file,
            location,
            Said::verbatim(message.into()),
            Said::verbatim(hint.into()),
        )
    }

    /// A problem whose message and hint are message values (e.g. from `src/i18n/agenda.rs`).
    pub fn said(file: &str, location: Location, message: Said, hint: Said) -> Self {
        Problem {
            file: file.to_string(),
            sheet: None,
            location,
            message,
            hint,
        }
    }
}

impl Problem {
    /// The same problem, on worksheet `sheet` of the file.
    pub fn in_sheet(mut self, sheet: Option<&str>) -> Self {
        self.sheet = sheet.map(str::to_string);
        self
    }

    /// The file, and its worksheet: `roster.xlsx（工作表「3号楼」）` / `roster.xlsx (sheet 3号楼)`.
    pub fn place(&self, lang: crate::lang::Lang) -> String {
        match &self.sheet {
            None => self.file.clone(),
            Some(sheet) => crate::i18n::IntakeText::InSheet
                .fill(lang, &[("file", &self.file), ("sheet", sheet)]),
        }
    }
}

/// Spreadsheet-style column letters: 1 → A, 27 → AA.
pub fn column_letter(mut column: usize) -> String {
    let mut out = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        out.push(b'A' + rem as u8);
        column = (column - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl Problem {
    /// The problem in the reader's language: where it is (`第 5 行，D 列` / `row 5, column D`), then
    /// the message and the hint.
    pub fn render(&self, lang: crate::lang::Lang) -> String {
        use crate::i18n::CliText as C;
        let message = self.message.render(lang);
        let place = self.place(lang);
        // After a file name, `: `; after the closing bracket of a Chinese sheet name, `：`.
        let after_place = if place.ends_with(|c: char| c.is_ascii()) {
            ": "
        } else {
            crate::i18n::terms::colon(lang)
        };
        let mut out = match &self.location {
            Location::File => format!("{place}{after_place}{message}"),
            Location::Text { line, column } => {
                format!("{place}:{line}:{column}: {message}")
            }
            Location::Cell {
                row,
                column,
                header,
            } => format!(
                "{place}{after_place}{}{}{message}",
                C::Cell.fill(
                    lang,
                    &[
                        ("row", row),
                        ("column", &column_letter(*column)),
                        ("header", header)
                    ]
                ),
                crate::i18n::terms::colon(lang),
            ),
        };
        if !self.hint.is_empty() {
            out.push_str(" — ");
            out.push_str(&self.hint.render(lang));
        }
        out
    }
}

impl fmt::Display for Problem {
    /// `agenda.toml:12:9: unknown rule 'majority' — use one of …`
    /// `roster.csv: row 5, column D (建筑面积(㎡)): … — …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(crate::lang::Lang::En))
    }
}

/// All problems found in one input; the error of every intake function.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(1), "A");
        assert_eq!(column_letter(4), "D");
        assert_eq!(column_letter(26), "Z");
        assert_eq!(column_letter(27), "AA");
    }

    #[test]
    fn formats_locations() {
        let p = Problem::new(
            "roster.csv",
            Location::Cell {
                row: 5,
                column: 4,
                header: "建筑面积(㎡)".into(),
            },
            "'56.456' has more than two decimals",
            "write the area with at most two decimals",
        );
        assert_eq!(
            p.to_string(),
            "roster.csv: row 5, column D (建筑面积(㎡)): '56.456' has more than two decimals — write the area with at most two decimals"
        );
        let p = Problem::new(
            "a.toml",
            Location::Text { line: 3, column: 9 },
            "unknown rule",
            "",
        );
        assert_eq!(p.to_string(), "a.toml:3:9: unknown rule");
    }
}
