//! The agenda parser on arbitrary text: it must answer every input with a plan or with problems
//! (each inside the text it points at), never panic, loop or overflow its stack.

#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pavilion::domain::FlatRef;
use pavilion::intake::Location;
use pavilion::intake::agenda::parse_agenda;

/// The flats of the built-in sample roster, read once.
fn flats() -> &'static HashSet<FlatRef> {
    static FLATS: OnceLock<HashSet<FlatRef>> = OnceLock::new();
    FLATS.get_or_init(|| {
        pavilion::intake::roster::read_roster_bytes("sample", pavilion::demo::ROSTER.to_vec())
            .expect("the sample roster reads")
            .into_iter()
            .map(|r| r.flat)
            .collect()
    })
}

fn check(text: &str, flats: &HashSet<FlatRef>) {
    match parse_agenda("fuzz.toml", text, flats) {
        Ok(plan) => {
            assert!(!plan.items.is_empty(), "a plan without items");
            for item in &plan.items {
                for flat in &item.required_consent {
                    assert!(item.scope.contains(flat), "a consent outside the scope");
                }
            }
        }
        Err(problems) => {
            assert!(!problems.0.is_empty(), "refused without a reason");
            let lines = text.lines().count().max(1);
            for p in &problems.0 {
                if let Location::Text { line, column } = p.location {
                    assert!(line >= 1 && column >= 1, "{p}");
                    assert!(line <= lines + 1, "line {line} of {lines}: {p}");
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        // Against the sample roster, and with no roster (`check` before any import).
        check(text, flats());
        check(text, &HashSet::new());
    }
});
