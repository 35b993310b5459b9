//! Written ballots as they come back from door-to-door collection: one row per flat, through the
//! binary on the sample estate (a real database file).

mod common;

use common::cli::{assert_verifies, dump, ok, pavilion, sample_db};

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn tally(db: &std::path::Path, item: &str) -> serde_json::Value {
    serde_json::from_str(&ok(db, &["tally", "1", item, "--json"])).unwrap()
}

/// 韦娟斌 owns 3-2-501 and 3-3-602: two paper ballots, one owner, one vote.
#[test]
fn one_row_per_flat_and_an_owner_of_two_flats_votes_once() {
    let (dir, db) = sample_db();
    ok(&db, &["attend", "1", "3-2-501", "3-3-601"]);
    let file = write(
        dir.path(),
        "item2.csv",
        "房号,表决意见\n3-2-501,同意\n3栋3单元602室,同意\n3-3-601,反对\n",
    );
    assert_eq!(
        ok(&db, &["ballot-import", "1", "2", &file]),
        "item 2: 2 written ballots recorded\n\
         rows for further flats of an owner already counted (same choice, one ballot): 1\n"
    );
    let t = tally(&db, "2");
    assert_eq!(
        (t["yes"]["owners"].as_i64(), t["no"]["owners"].as_i64()),
        (Some(1), Some(1))
    );
    // The same file again changes nothing.
    let before = dump(&db);
    assert_eq!(
        ok(&db, &["ballot-import", "1", "2", &file]),
        "item 2: 0 written ballots recorded\n\
         owners whose ballot already said the same, nothing recorded: 2\n\
         rows for further flats of an owner already counted (same choice, one ballot): 1\n"
    );
    assert_eq!(dump(&db), before);
    assert_verifies(&db);
}

#[test]
fn two_choices_for_one_owner_are_refused_naming_both_rows() {
    let (dir, db) = sample_db();
    ok(&db, &["attend", "1", "3-2-501"]);
    let file = write(
        dir.path(),
        "b.csv",
        "room,choice\n3-2-501,yes\n3-3-602,no\n",
    );
    let before = dump(&db);
    let out = pavilion(&db, &["ballot-import", "1", "2", &file]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(&format!(
            "{file}: row 3, column A (room): the owner of 3-3-602 also owns 3-2-501 (row 2), which \
             votes yes where this row votes no: one owner gives one choice"
        )),
        "{err}"
    );
    assert_eq!(dump(&db), before);
}

#[test]
fn replacing_an_in_person_ballot_needs_replace_and_a_reason_on_record() {
    let (dir, db) = sample_db();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    let file = write(dir.path(), "b.csv", "3-2-101,反对\n3-2-102,同意\n");
    let before = dump(&db);
    let out = pavilion(&db, &["ballot-import", "1", "1", &file]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(
            "these written ballots would replace ballots cast in person or by proxy: 3-2-101 (yes → no); \
             nothing was recorded. Check them, then import again with --replace REASON"
        ),
        "{err}"
    );
    assert_eq!(dump(&db), before, "nothing written");

    let reason = "业主书面更正，签字票附后";
    assert_eq!(
        ok(
            &db,
            &["ballot-import", "1", "1", &file, "--replace", reason]
        ),
        format!(
            "item 1: 2 written ballots recorded\n\
             in-person ballot replaced: 3-2-101 (yes → no), reason: {reason}\n"
        )
    );
    let t = tally(&db, "1");
    assert_eq!(
        (t["yes"]["owners"].as_i64(), t["no"]["owners"].as_i64()),
        (Some(1), Some(1))
    );
    // The reason is on record: in the ballot history and in the event chain.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (method, stored): (String, Option<String>) = conn
        .query_row(
            "SELECT method, reason FROM ballots b JOIN flats f ON f.id = b.flat_id
             WHERE f.room = '101' AND f.unit = '2' AND f.building = '3' AND b.current = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (method.as_str(), stored.as_deref()),
        ("written", Some(reason))
    );
    let events: i64 = conn
        .query_row(
            "SELECT count(*) FROM events WHERE kind = 'ballot' AND data LIKE ?1",
            [format!("%{reason}%")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(events, 1);
    drop(conn);
    assert_verifies(&db);
}

/// A ballot withdrawn at the roll call, then given on paper: the written one becomes current (the
/// withdrawal stays as history) and nothing is "replaced".
#[test]
fn a_written_ballot_after_a_withdrawal_is_recorded() {
    let (dir, db) = sample_db();
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    ok(&db, &["ballot", "1", "1", "3-2-101", "withdraw"]);
    let file = write(dir.path(), "b.csv", "3-2-101,反对\n");
    assert_eq!(
        ok(&db, &["ballot-import", "1", "1", &file]),
        "item 1: 1 written ballot recorded\n"
    );
    let t = tally(&db, "1");
    assert_eq!(
        (t["yes"]["owners"].as_i64(), t["no"]["owners"].as_i64()),
        (Some(0), Some(1))
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let rows: i64 = conn
        .query_row(
            "SELECT count(*) FROM ballots b JOIN flats f ON f.id = b.flat_id
             WHERE f.building = '3' AND f.unit = '2' AND f.room = '101'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        rows, 3,
        "the in-person ballot, its withdrawal and the written one"
    );
    drop(conn);
    assert_verifies(&db);
}

/// A file of written ballots keeps the chain's head in memory instead of reading it back for each
/// ballot: the events it appends are exactly those that recording the same ballots one at a time
/// appends (same ids, data, links and hashes), and the chain verifies.
#[test]
fn a_file_of_ballots_appends_the_events_single_ballots_append() {
    use pavilion::domain::{Choice, FlatRef};
    use pavilion::store::{BallotInput, Method, Store, WrittenBallot};

    let (dir, db) = sample_db();
    // An earlier written ballot, which both paths replace.
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes", "--written"]);
    let single = dir.path().join("single.db");
    std::fs::copy(&db, &single).unwrap();
    assert!(!dir.path().join("pavilion.db-wal").exists(), "copied whole");
    let ballots: Vec<(&str, Choice)> = vec![
        ("3-2-101", Choice::No),
        ("3-2-102", Choice::Yes),
        ("3-2-201", Choice::Abstain),
        ("3-2-202", Choice::No),
        ("3-2-501", Choice::Yes),
    ];
    let clock = || "2026-11-28T12:00:00Z".parse().unwrap();

    let mut batch = Store::open(&db).unwrap().with_clock(clock);
    let rows: Vec<WrittenBallot> = ballots
        .iter()
        .enumerate()
        .map(|(i, (flat, choice))| WrittenBallot {
            row: i + 2,
            flat: FlatRef::parse(flat).unwrap(),
            choice: *choice,
        })
        .collect();
    let outcome = batch
        .import_written_ballots(1, 1, &rows, None)
        .unwrap()
        .unwrap();
    assert_eq!(outcome.recorded, 5);

    let mut one = Store::open(&single).unwrap().with_clock(clock);
    for (flat, choice) in &ballots {
        let flat = FlatRef::parse(flat).unwrap();
        let input = BallotInput {
            flat: &flat,
            choice: *choice,
            method: Method::Written,
            proxy: None,
            reason: None,
        };
        one.cast_ballot(1, 1, &input).unwrap();
    }

    let (a, b) = (batch.events(None).unwrap(), one.events(None).unwrap());
    assert_eq!(a.len(), b.len());
    assert_eq!(a.iter().filter(|e| e.kind == "ballot").count(), 6);
    assert_eq!(a, b);
    drop((batch, one));
    assert_verifies(&db);
    assert_verifies(&single);
}

/// The second writer of `a_vote_closed_by_another_writer_during_an_import_…`: a store of its own
/// on the same file, that closes item 1 when the importing store first reads its clock.
static RIVAL: std::sync::Mutex<Option<pavilion::store::Store>> = std::sync::Mutex::new(None);
/// 0: the rival did not act; 1: it closed the vote; 2: it was kept out (the file was busy).
static RIVAL_CLOSED: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

fn racing_clock() -> jiff::Timestamp {
    if let Some(mut rival) = RIVAL.lock().unwrap().take() {
        let closed = rival.close_vote(1, 1).is_ok();
        RIVAL_CLOSED.store(
            if closed { 1 } else { 2 },
            std::sync::atomic::Ordering::SeqCst,
        );
    }
    common::fixed_now()
}

/// A second writing process closes the vote while a ballots file is being imported (the moment
/// the import reads its clock). The import's "vote open" check and its writes are one transaction:
/// either the close came first and the whole file is refused, or the close waits for the import
/// and then counts its ballots. Never a ballot recorded on a vote already closed. (Through the
/// binary the host lock keeps two writers apart; this is the store's own guarantee, on a real
/// file with two connections.)
#[test]
fn a_vote_closed_by_another_writer_during_an_import_never_gets_the_files_ballots() {
    use pavilion::domain::{Choice, FlatRef};
    use pavilion::store::{Store, WrittenBallot};
    let (_dir, db) = sample_db();
    let rival = Store::open(&db).unwrap();
    rival
        .connection()
        .busy_timeout(std::time::Duration::ZERO)
        .unwrap();
    *RIVAL.lock().unwrap() = Some(rival);
    let mut store = Store::open(&db).unwrap().with_clock(racing_clock);
    let ballots: Vec<WrittenBallot> = [("3-2-101", Choice::Yes), ("3-2-102", Choice::No)]
        .into_iter()
        .enumerate()
        .map(|(i, (flat, choice))| WrittenBallot {
            row: i + 2,
            flat: FlatRef::parse(flat).unwrap(),
            choice,
        })
        .collect();
    let out = store.import_written_ballots(1, 1, &ballots, None);
    let item = store.item(1, 1).unwrap();
    let current: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM ballots WHERE item_id = ?1 AND current = 1",
            [item.id],
            |r| r.get(0),
        )
        .unwrap();
    match RIVAL_CLOSED.load(std::sync::atomic::Ordering::SeqCst) {
        1 => {
            let err = match out {
                Err(e) => e.to_string(),
                Ok(done) => panic!("ballots recorded on a vote already closed: {done:?}"),
            };
            assert!(err.contains("the vote on item 1 is closed"), "{err}");
            assert_eq!(current, 0, "nothing written");
        }
        2 => {
            assert_eq!(out.unwrap().unwrap().recorded, 2);
            assert!(!item.vote_closed, "the close waited");
            let closed = store.close_vote(1, 1).unwrap();
            assert_eq!(
                closed.tally.participating.owners, 2,
                "the close counts them"
            );
        }
        _ => panic!("the import never read its clock"),
    }
    assert_verifies(&db);
}
