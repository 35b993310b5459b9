//! The roster importer on arbitrary bytes (CSV in any encoding, or a workbook): every input gives
//! valid rows or problems, never a panic; accepted rows keep the roster's invariants.

#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use pavilion::domain::Area;
use pavilion::intake::roster::read_roster_bytes;

fuzz_target!(|data: &[u8]| {
    match read_roster_bytes("fuzz.csv", data.to_vec()) {
        Ok(rows) => {
            assert!(!rows.is_empty(), "a roster without flats");
            let mut flats = HashSet::new();
            for r in &rows {
                assert!(r.area > Area(0), "a flat without area: {}", r.flat);
                assert!(flats.insert(r.flat.clone()), "flat {} twice", r.flat);
                assert!(!r.owner.name.trim().is_empty(), "an owner without a name");
                // A flat must read back as itself, or ballots could name another flat.
                let again = pavilion::domain::FlatRef::parse(&r.flat.to_string());
                assert_eq!(again.as_ref(), Ok(&r.flat), "flat {} does not read back", r.flat);
            }
        }
        Err(problems) => assert!(!problems.0.is_empty(), "refused without a reason"),
    }
});
