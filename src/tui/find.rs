//! Finding an owner by what the host types: a flat in any written form (`3-2-501`, `3 2 501`,
//! `3栋2单元501`, full-width digits), the start of one (`3-2`, `3栋2单元5`), or a name.

use crate::domain::address::{fold_width, split_parts};

/// The query with full-width digits, letters, dashes and spaces made plain (Chinese input methods
/// often type them).
pub fn normalise(query: &str) -> String {
    fold_width(query.trim())
}

/// What the host typed, taken apart once so that a search of 20,000 owners compares each
/// owner's name and flats with it and allocates nothing per owner.
#[derive(Clone, Debug)]
pub struct Query {
    /// The normalised text, as a name is searched for.
    text: String,
    /// Each part in the roster's kept form (三号楼 → 3, 0501 → 501, a → A); none if the text
    /// cannot be (the start of) a flat.
    parts: Vec<String>,
    /// "3-1-" or "3栋1单元": the last part is complete, so 3-10-… no longer matches.
    complete: bool,
}

impl Query {
    /// `query` normalised already (see [`normalise`]).
    pub fn new(query: &str) -> Query {
        let parts = split_parts(query);
        let complete = ["-", " ", "/", "栋", "幢", "楼", "单元"]
            .iter()
            .any(|end| query.ends_with(end));
        Query {
            text: query.to_string(),
            parts,
            complete,
        }
    }

    /// Whether an owner (name and flats written `3-2-501`) matches: every part before the last
    /// equal, the last a prefix (so `3-1` finds 3-1-… but not 3-10-…), or the name contains the
    /// query.
    pub fn matches<S: AsRef<str>>(&self, name: &str, flats: &[S]) -> bool {
        if self.text.is_empty() || name.contains(self.text.as_str()) {
            return true;
        }
        if self.parts.is_empty() || self.parts.len() > 3 {
            return false;
        }
        flats.iter().any(|f| self.flat_starts(f.as_ref()))
    }

    fn flat_starts(&self, flat: &str) -> bool {
        let mut parts = flat.split('-');
        let last = self.parts.len() - 1;
        self.parts.iter().enumerate().all(|(i, q)| {
            parts.next().is_some_and(|p| {
                if i == last && !self.complete {
                    p.starts_with(q.as_str())
                } else {
                    p == q
                }
            })
        })
    }

    /// Whether the query names one whole flat exactly (`3-2-501`), which then wins over prefixes.
    pub fn is_flat_of<S: AsRef<str>>(&self, flats: &[S]) -> bool {
        self.parts.len() == 3
            && flats.iter().any(|f| {
                let mut p = f.as_ref().split('-');
                self.parts.iter().all(|q| p.next() == Some(q.as_str())) && p.next().is_none()
            })
    }
}

/// Whether an owner matches a normalised query (see [`Query::matches`]); a search of many owners
/// makes one [`Query`] instead.
pub fn owner_matches(query: &str, name: &str, flats: &[String]) -> bool {
    Query::new(query).matches(name, flats)
}

/// Whether the query names one whole flat exactly (see [`Query::is_flat_of`]).
pub fn exact_flat(query: &str, flats: &[String]) -> bool {
    Query::new(query).is_flat_of(flats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flats(f: &[&str]) -> Vec<String> {
        f.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_written_form_of_a_flat_and_its_prefixes() {
        let f = flats(&["3-2-501"]);
        for q in [
            "3-2-501",
            "3 2 501",
            "3栋2单元501",
            "3号楼2单元501室",
            "3-2",
            "3栋2单元5",
            "3",
        ] {
            assert!(owner_matches(&normalise(q), "王秀兰", &f), "{q}");
        }
        assert!(owner_matches(&normalise("３－２－５０１"), "王秀兰", &f));
        assert!(owner_matches(&normalise("３　２　５"), "王秀兰", &f));
        assert!(
            owner_matches("3-1", "王秀兰", &flats(&["3-10-101"])),
            "still typing"
        );
        assert!(!owner_matches("3-1-", "王秀兰", &flats(&["3-10-101"])));
        assert!(!owner_matches("3栋1单元", "王秀兰", &flats(&["3-10-101"])));
        assert!(!owner_matches("3-2-6", "王秀兰", &f));
        assert!(owner_matches("王秀", "王秀兰", &f));
        assert!(exact_flat("3栋2单元501", &f));
        assert!(!exact_flat("3-2-50", &f));
    }
}
