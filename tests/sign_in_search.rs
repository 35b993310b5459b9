//! Finding an owner on the sign-in screen reads the typed text once per search, not once per
//! owner: an allocation counter shows a search of 20,000 owners allocates no more than a search of
//! 200 (the 28–32 ms per key at 20,000 owners was the query taken apart again for every owner).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use pavilion::domain::Area;
use pavilion::tui::model::{OwnerRow, Roster};
use pavilion::tui::screens::sign_in::matches;

/// Counts allocations made on this thread while counting is on (the test harness's own threads
/// are left out).
struct Counting;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if ON.with(Cell::get) {
            COUNT.with(|c| c.set(c.get() + 1));
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Owners of `n` flats in buildings of 4 units × 20 floors × 2 rooms; every tenth owner also
/// holds the flat above.
fn roster(n: usize) -> Roster {
    let mut owners = Vec::new();
    for i in 0..n {
        let flat = |j: usize| {
            format!(
                "{}-{}-{}{:02}",
                j / 160 + 1,
                j / 40 % 4 + 1,
                j / 2 % 20 + 1,
                j % 2 + 1
            )
        };
        let mut flats = vec![flat(i)];
        if i % 10 == 0 {
            flats.push(flat(i + n));
        }
        owners.push(OwnerRow {
            owner_id: i as i64 + 1,
            name: format!("业主{i}"),
            flats,
            area: Area(8_000),
        });
    }
    Roster {
        owners,
        ..Roster::default()
    }
}

/// Allocations made by one search, and how many owners it found.
fn search(roster: &Roster, query: &str) -> (usize, usize) {
    COUNT.with(|c| c.set(0));
    ON.with(|on| on.set(true));
    let found = matches(roster, query).len();
    ON.with(|on| on.set(false));
    (COUNT.with(Cell::get), found)
}

#[test]
fn a_search_of_twenty_thousand_owners_allocates_no_more_than_a_search_of_two_hundred() {
    let small = roster(200);
    let large = roster(20_000);
    // What the host types, key by key: a flat in its forms, the start of one, a name.
    for query in [
        "3",
        "3-",
        "3-2",
        "3-2-5",
        "3-2-501",
        "3栋2单元5",
        "３－２－５０１",
        "业主1",
        "业主19999",
        "王",
        "",
    ] {
        let (few, found_few) = search(&small, query);
        let (many, found_many) = search(&large, query);
        assert!(
            found_many >= found_few,
            "{query:?}: {found_many} found of 20,000, {found_few} of 200"
        );
        // The list of what was found grows by doubling: a few more allocations, not one per owner.
        assert!(
            many <= few + 16,
            "{query:?}: {many} allocations for 20,000 owners, {few} for 200 (found {found_many})"
        );
    }
    // The search still finds what it should.
    let exact = matches(&large, "3栋2单元501");
    assert_eq!(exact.len(), 1);
    assert_eq!(exact[0].flats[0], "3-2-501");
    let started: Vec<&str> = matches(&large, "3-2-50")
        .iter()
        .map(|o| o.flats[0].as_str())
        .collect();
    assert_eq!(started, ["3-2-501", "3-2-502"]);
    assert_eq!(matches(&large, "业主19999").len(), 1);
    assert!(
        matches(&large, "3-1-")
            .iter()
            .all(|o| o.flats.iter().any(|f| f.starts_with("3-1-")))
    );
}
