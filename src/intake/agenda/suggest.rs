//! "Did you mean …?": the closest known name by edit distance, for typos in keys and rule names.

/// The candidate closest to `typed`, if it is close enough to be a plausible typo.
/// Case and `-`/`_` differences count as one edit each, so `Raised-By` still finds `raised_by`.
pub(super) fn closest<'c>(typed: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (distance(typed, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
/// (`raised_form` → `raised_from` is one edit).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(!a[i - 1].eq_ignore_ascii_case(&b[j - 1]));
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// "did you mean 'x'? " before a hint, or nothing.
pub(super) fn guess(name: Option<&str>) -> crate::i18n::Said {
    match name {
        Some(n) => crate::i18n::Said::new(crate::i18n::AgendaText::GuessPrefix, &[("name", &n)]),
        None => crate::i18n::Said::verbatim(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: [&str; 5] = ["title", "raised_by", "raised_from", "rule", "scope"];

    #[test]
    fn finds_plausible_typos() {
        assert_eq!(closest("raised_form", &KEYS), Some("raised_from"));
        assert_eq!(closest("titel", &KEYS), Some("title"));
        assert_eq!(closest("Raised-By", &KEYS), Some("raised_by"));
        assert_eq!(closest("rules", &KEYS), Some("rule"));
        assert_eq!(
            closest("civil-code-majr", &["civil-code-major", "none"]),
            Some("civil-code-major")
        );
    }

    #[test]
    fn ignores_unrelated_words() {
        assert_eq!(closest("budget", &KEYS), None);
        assert_eq!(closest("x", &KEYS), None);
    }
}
