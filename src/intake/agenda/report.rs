//! Collects problems while the agenda is read, so that every problem is reported, not just the first.
//! Positions are kept as byte offsets and turned into 1-based line and column (in characters).

use std::ops::Range;

use crate::i18n::{AgendaText as A, Said, said};
use crate::intake::{Location, Problem, Problems};

pub(super) struct Report<'t> {
    file: &'t str,
    text: &'t str,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// Each problem with its byte offset, to sort them in file order.
    found: Vec<(usize, Problem)>,
}

impl<'t> Report<'t> {
    pub(super) fn new(file: &'t str, text: &'t str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Report {
            file,
            text,
            line_starts,
            found: Vec::new(),
        }
    }

    /// The source text of a span (for quoting a value back in a hint).
    pub(super) fn source(&self, span: &Range<usize>) -> &'t str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// Where the file ends: the place to add something that is missing altogether.
    pub(super) fn end(&self) -> usize {
        self.text.len()
    }

    /// The 1-based line of a byte offset (to refer to another place in a hint).
    pub(super) fn line(&self, offset: usize) -> usize {
        match self.location(offset) {
            Location::Text { line, .. } => line,
            _ => 1,
        }
    }

    /// Records a problem at a byte offset.
    pub(super) fn at(&mut self, offset: usize, message: impl Into<Said>, hint: impl Into<Said>) {
        let location = self.location(offset);
        let problem = Problem::said(self.file, location, message.into(), hint.into());
        self.found.push((offset, problem));
    }

    fn is_clean(&self) -> bool {
        self.found.is_empty()
    }

    /// How many problems so far: a part of the file is valid if reading it added none.
    pub(super) fn count(&self) -> usize {
        self.found.len()
    }

    /// The value read when reading found no problem, else every problem. A value dropped with no
    /// problem reported would be a gap in the reader: it is reported as unreadable, never lost.
    pub(super) fn finish<T>(mut self, value: Option<T>) -> Result<T, Problems> {
        match value {
            Some(value) if self.is_clean() => Ok(value),
            _ => {
                if self.is_clean() {
                    self.at(0, said!(A::Unreadable), "");
                }
                Err(self.into_problems())
            }
        }
    }

    /// All problems in the order they appear in the file (stable for problems at the same place).
    pub(super) fn into_problems(mut self) -> Problems {
        self.found.sort_by_key(|(offset, _)| *offset);
        Problems(self.found.into_iter().map(|(_, p)| p).collect())
    }

    /// 1-based line and column; the column counts characters, not bytes, so CJK text lines up.
    fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        Location::Text { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(text: &str, offset: usize) -> Location {
        Report::new("a.toml", text).location(offset)
    }

    #[test]
    fn columns_count_characters() {
        let text = "[meeting]\ntitle = \"红旗小区\"\nplace = 1\n";
        assert_eq!(position(text, 0), Location::Text { line: 1, column: 1 });
        let place = text.find("place").unwrap();
        assert_eq!(position(text, place), Location::Text { line: 3, column: 1 });
        let closing_quote = text.find("\"\nplace").unwrap();
        assert_eq!(
            position(text, closing_quote),
            Location::Text {
                line: 2,
                column: 14
            }
        );
        assert_eq!(
            position(text, text.len()),
            Location::Text { line: 4, column: 1 }
        );
    }

    #[test]
    fn problems_come_out_in_file_order() {
        let mut r = Report::new("a.toml", "a\nb\nc\n");
        r.at(4, "third", "");
        r.at(0, "first", "");
        r.at(2, "second", "");
        assert_eq!(
            r.into_problems().to_string(),
            "a.toml:1:1: first\na.toml:2:1: second\na.toml:3:1: third"
        );
    }
}
