//! `verify` holds what one item needs, not the whole record: an allocation counter shows its peak
//! memory does not grow with the number of meetings (issue 13, point 2; issue 8).

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{fixed_now, item, meeting_plan, row};
use pavilion::domain::{Choice, FlatRef, Rule, Scope};
use pavilion::store::{BallotInput, Method, Store};

/// Counts the bytes allocated now and the most at any moment since the last reset.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A unit of 240 flats; `meetings` meetings, each with one vote of the unit that 200 owners cast
/// (written ballots, one transaction per item) and then closed.
fn record(meetings: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pavilion.db");
    let mut store = Store::open(&path).unwrap().with_clock(fixed_now);
    store.init("红旗小区").unwrap();
    let rows: Vec<_> = (0..240)
        .map(|i| {
            let flat = format!("3-2-{}{:02}", i / 10 + 1, i % 10 + 1);
            row(&flat, "80.00", Some(&format!("O{i}")), &format!("业主{i}"))
        })
        .collect();
    store.import_roster(&rows, "test").unwrap();
    let flats: Vec<FlatRef> = rows.iter().map(|r| r.flat.clone()).collect();
    for m in 0..meetings {
        let mut door = item(
            "更换门禁",
            Rule::civil_code_ordinary(),
            Scope::parse("3-2").unwrap(),
            &[],
        );
        // Raised before these January meetings (the store refuses a day after the meeting).
        door.raised_on = Some(jiff::civil::date(2025, 12, 20));
        let plan = meeting_plan(
            &format!("第{m}次议事会"),
            &format!("2026-01-{:02}T11:00:00Z", m + 1),
            vec![door],
        );
        let id = store.intake(&plan, "test").unwrap();
        let inputs: Vec<BallotInput> = flats
            .iter()
            .take(200)
            .enumerate()
            .map(|(i, flat)| BallotInput {
                flat,
                choice: Choice::ALL[i % 3],
                method: Method::Written,
                proxy: None,
                reason: None,
            })
            .collect();
        store.cast_ballots(id, 1, &inputs).unwrap().unwrap();
        store.close_vote(id, 1).unwrap();
    }
    (dir, store)
}

/// The most memory `verify` held at once, in bytes above what was allocated before it.
fn verify_peak(store: &Store) -> usize {
    let before = NOW.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let v = store.verify().unwrap();
    assert!(v.is_intact(), "{:#?}", v.findings);
    PEAK.load(Ordering::Relaxed) - before
}

#[test]
fn verify_memory_does_not_grow_with_the_number_of_meetings() {
    let (_a, few) = record(2);
    let (_b, many) = record(10);
    let few_peak = verify_peak(&few);
    let many_peak = verify_peak(&many);
    eprintln!("verify peak: 2 meetings {few_peak} bytes, 10 meetings {many_peak} bytes");
    // Five times the meetings (and ballots, and events): a record held whole would need about
    // five times the memory; one item's ballots at a time, barely more.
    assert!(
        many_peak * 10 < few_peak * 14,
        "2 meetings: {few_peak} bytes, 10 meetings: {many_peak} bytes"
    );
}
