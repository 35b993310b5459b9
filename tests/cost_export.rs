//! The cost of an item in the data exports: a `cost` object per item in `export --format json`
//! (the `cost --json` shape, the plan as recorded and its changes) and a cost section after the roll
//! call in `--format csv`, in the minutes and the public notice (flats only, reasons redacted), in
//! both languages; the same bytes on every export.

mod common;

use pavilion::domain::{Choice, FlatRef};
use pavilion::export::{self, Format, Lang, Variant};
use pavilion::store::{BallotInput, Method, Presence, Store};

/// Why the plan changed after the vote: a name of the roster and a phone number, which the notice
/// must not show.
const REASON: &str = "业主61来电（13912345678）：区级补贴到位";

/// The twelve-flat unit's elevator: the plan taken in, eight owners vote yes, the vote
/// closes, then the subsidy is confirmed and the plan changed with a reason. A fixed clock.
fn meeting() -> (tempfile::TempDir, std::path::PathBuf, i64) {
    let (dir, path, mut store, m) = common::estate();
    let plan = |subsidy| common::cost_example::six_storeys("600000.01", subsidy, false);
    store.set_cost_plan(m, 1, &plan("0"), None).unwrap();
    for room in [
        "3-2-101", "3-2-201", "3-2-202", "3-2-301", "3-2-402", "3-2-501", "3-2-502", "3-2-601",
    ] {
        let flat = FlatRef::parse(room).unwrap();
        store.attend(m, &flat, &Presence::Present).unwrap();
        let ballot = BallotInput {
            flat: &flat,
            choice: Choice::Yes,
            method: Method::InPerson,
            proxy: None,
            reason: None,
        };
        store.cast_ballot(m, 1, &ballot).unwrap();
    }
    store.close_vote(m, 1).unwrap();
    store
        .set_cost_plan(m, 1, &plan("200000"), Some(REASON))
        .unwrap();
    common::assert_intact(&store);
    (dir, path, m)
}

fn exported(store: &Store, m: i64, format: Format, variant: Variant, lang: Lang) -> String {
    let bytes = export::export(store, m, format, variant, lang).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// Item 1's `cost` in the JSON export (parsed, and its text as written), and the cost section of
/// the CSV export (from its blank line).
fn cost_parts(
    store: &Store,
    m: i64,
    variant: Variant,
    lang: Lang,
) -> (serde_json::Value, String, String) {
    let text = exported(store, m, Format::Json, variant, lang);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Pretty-printed: the item's fields are indented by six spaces.
    let written: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "      \"cost\": {")
        .take_while(|l| *l != "      },")
        .collect();
    let csv = exported(store, m, Format::Csv, variant, lang);
    let (_, section) = csv.split_once("\r\n\r\n#").expect("a cost section");
    let cost = json["items"][0]["cost"].clone();
    (
        cost,
        written.join("\n") + "\n      },",
        format!("#{section}"),
    )
}

#[test]
fn the_json_and_csv_exports_carry_the_cost_in_both_languages() {
    let (_dir, path, m) = meeting();
    let store = Store::open_read_only(&path).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for variant in [Variant::Minutes, Variant::PublicNotice] {
            let (cost, written, csv) = cost_parts(&store, m, variant, lang);
            // The figures add up to the fen, and the change keeps the earlier plan.
            let shares = cost["shares"].as_array().unwrap();
            let sum: i64 = shares.iter().map(|s| s["fen"].as_i64().unwrap()).sum();
            assert_eq!(sum, 40_000_001, "¥600,000.01 − ¥200,000");
            assert_eq!(cost["plan"]["subsidy_fen"], 20_000_000);
            assert_eq!(cost["changes"][0]["earlier"]["subsidy_fen"], 0);
            assert_eq!(cost["changes"][0]["at"], "2026-11-28T19:05:00+08:00");
            assert_eq!(csv.lines().count(), 2 + 12, "comment, header, twelve flats");
            assert!(
                !csv.lines().next().unwrap().contains(','),
                "one cell: {csv}"
            );
            let public = variant == Variant::PublicNotice;
            let reason = cost["changes"][0]["reason"].as_str().unwrap();
            assert_eq!(reason == REASON, !public, "{reason}");
            if public {
                for secret in ["业主61", "13912345678"] {
                    assert!(
                        !reason.contains(secret) && !csv.contains(secret),
                        "{reason}"
                    );
                }
            }
            let name = format!(
                "{}_{}",
                if public { "notice" } else { "minutes" },
                lang.code()
            );
            let csv = csv.replace("\r\n", "\n");
            insta::assert_snapshot!(name, format!("{written}\n\n{csv}"));
        }
    }
}

#[test]
fn the_cost_is_the_same_bytes_on_every_export() {
    let (_dir, path, m) = meeting();
    let store = Store::open_read_only(&path).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for variant in [Variant::Minutes, Variant::PublicNotice] {
            for format in [Format::Json, Format::Csv] {
                let a = export::export(&store, m, format, variant, lang).unwrap();
                let again = Store::open_read_only(&path).unwrap();
                let b = export::export(&again, m, format, variant, lang).unwrap();
                assert_eq!(a, b, "{format:?} {variant:?} {lang:?}");
            }
        }
    }
}

#[test]
fn cost_json_has_the_shape_of_the_items_cost_in_the_export() {
    let (_dir, db) = common::cli::sample_db();
    let alone: serde_json::Value =
        serde_json::from_str(&common::cli::ok(&db, &["cost", "1", "1", "--json"])).unwrap();
    let export: serde_json::Value =
        serde_json::from_str(&common::cli::ok(&db, &["export", "1", "--format", "json"])).unwrap();
    assert_eq!(alone, export["items"][0]["cost"]);
    assert_eq!(
        export["items"][1]["cost"],
        serde_json::Value::Null,
        "no plan"
    );
}
