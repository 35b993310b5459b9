//! Finding an owner by what the host types: a flat in any written form (`3-2-501`, `3 2 501`,
//! `3栋2单元501`, full-width digits), the start of one (`3-2`, `3栋2单元5`), or a name.

use crate::domain::address::{fold_width, split_parts};

/// The query with full-width digits, letters, dashes and spaces made plain (Chinese input methods
/// often type them).
pub fn normalise(query: &str) -> String {
    fold_width(query.trim())
}

/// Whether an owner (name and flats written `3-2-501`) matches a normalised query: every part
/// before the last equal, the last a prefix (so `3-1` finds 3-1-… but not 3-10-…), or the
/// name contains the query.
pub fn owner_matches(query: &str, name: &str, flats: &[String]) -> bool {
    if query.is_empty() {
        return true;
    }
    if name.contains(query) {
        return true;
    }
    // Each part in the roster's kept form (三号楼 → 3, 0501 → 501, a → A).
    let q = split_parts(query);
    if q.is_empty() || q.len() > 3 {
        return false;
    }
    // "3-1-" or "3栋1单元": the unit is complete, so 3-10-… no longer matches.
    let complete = ["-", " ", "/", "栋", "幢", "楼", "单元"]
        .iter()
        .any(|end| query.ends_with(end));
    flats.iter().any(|f| {
        let parts: Vec<&str> = f.split('-').collect();
        parts.len() >= q.len()
            && q.iter().enumerate().all(|(i, p)| {
                if i + 1 == q.len() && !complete {
                    parts[i].starts_with(p)
                } else {
                    parts[i] == p
                }
            })
    })
}

/// Whether the query names one whole flat exactly (`3-2-501`), which then wins over prefixes.
pub fn exact_flat(query: &str, flats: &[String]) -> bool {
    let q = split_parts(query);
    q.len() == 3 && flats.iter().any(|f| *f == q.join("-"))
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
