//! The cost of an item in the data exports: a `cost` object per item in `export --format json`
//! (the `cost --json` shape, the plan as recorded and its changes) and a cost section after the roll
//! call in `--format csv`, in the minutes and the public notice (flats only, reasons redacted), in
//! both languages; and the workbook's cost sheets (each flat's share, every plan); the same bytes on
//! every export.

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
            let (shares, plans) = csv.split_once("\r\n\r\n#").expect("a plans section");
            assert_eq!(
                shares.lines().count(),
                2 + 12,
                "comment, header, twelve flats"
            );
            for comment in [shares, plans] {
                let first = comment.lines().next().unwrap();
                assert!(!first.contains(','), "one cell: {first}");
            }
            // The plan replaced (with when and why) and the current one, to the fen.
            let plans: Vec<&str> = plans.lines().skip(2).collect();
            assert_eq!(plans.len(), 2, "{plans:?}");
            let (earlier, current) = match lang {
                Lang::Zh => ("修改前方案", "现行方案"),
                Lang::En => ("plan before a change", "current plan"),
            };
            assert!(
                plans[0].contains(&format!(",{earlier},600000.01,0.00,600000.01,"))
                    && plans[0].contains(",2026-11-28 19:05,"),
                "{}",
                plans[0]
            );
            assert!(
                plans[1].contains(&format!(",{current},600000.01,200000.00,400000.01,")),
                "{}",
                plans[1]
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
            let xlsx = cost_sheets(&store, m, variant, lang, public);
            insta::assert_snapshot!(name, format!("{written}\n\n{csv}\n{xlsx}"));
        }
    }
}

/// The workbook's cost sheets as text (from the first of them), after checking that each flat's
/// amount is its exact share in fen and the public workbook holds no secret of the reason.
fn cost_sheets(store: &Store, m: i64, variant: Variant, lang: Lang, public: bool) -> String {
    let bytes = export::export(store, m, Format::Xlsx, variant, lang).unwrap();
    let text = common::workbook::xlsx_text(&bytes);
    let sheet = match lang {
        Lang::Zh => "## 费用分摊\n",
        Lang::En => "## Cost sharing\n",
    };
    let at = text.find(sheet).expect("a cost sheet");
    let sheets = &text[at..];
    // Amount (yuan) is the last column of the shares sheet: numbers whose hundredths are the fen.
    let fen: Vec<i64> = sheets
        .lines()
        .skip(2)
        .take(12)
        .map(|row| {
            let yuan = row
                .rsplit(" | ")
                .next()
                .unwrap()
                .strip_prefix("n:")
                .unwrap();
            let (int, frac) = yuan.split_once('.').unwrap_or((yuan, "0"));
            int.parse::<i64>().unwrap() * 100 + format!("{frac:0<2}").parse::<i64>().unwrap()
        })
        .collect();
    assert_eq!(fen.iter().sum::<i64>(), 40_000_001, "{sheets}");
    if public {
        for secret in ["业主61", "13912345678"] {
            assert!(!text.contains(secret), "{secret} in the public workbook");
        }
    }
    sheets.to_string()
}

#[test]
fn the_cost_is_the_same_bytes_on_every_export() {
    let (_dir, path, m) = meeting();
    let store = Store::open_read_only(&path).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for variant in [Variant::Minutes, Variant::PublicNotice] {
            for format in [Format::Json, Format::Csv, Format::Xlsx] {
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
