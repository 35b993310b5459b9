//! The public notice's privacy corpus and the CSV injection corpus: names typed every way in every
//! free-text field, proxies, phones in every written form, ID numbers, e-mail addresses — and no
//! match left in any public format; cells that spreadsheets would evaluate are neutralised.

mod common;

use pavilion::domain::{FlatRef, ItemPlan, Responsible, Rule, Scope};
use pavilion::export::{self, Format, Lang, Options, Variant};
use pavilion::store::{BallotInput, ItemText, Method, NewAction, Presence, Store};

const LONG_NAME: &str = "买买提艾力·阿不都热合曼";

/// Everything personal the corpus writes somewhere, as it must never appear on the notice.
const SECRETS: &[&str] = &[
    "王秀兰",
    "买买提艾力阿不都热合曼",
    "买买提艾力",
    "李红梅",
    "13912345678",
    "li.hongmei@example.cn",
    "张三丰",
    "李四",
    "赵六",
    "13812345678",
    "01087654321",
    "075512345678",
    "11010119900307123X",
    "wang.xiulan@example.com",
];

/// The output with separators dropped and full-width digits made ASCII, so a number or a name
/// is found however it was typed.
fn normalised(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '-' | '－' | '(' | ')' | '（' | '）' | '·' | '.' | '\\' | '"'
                )
        })
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            _ => c,
        })
        .collect()
}

fn flat(text: &str) -> FlatRef {
    FlatRef::parse(text).unwrap()
}

fn corpus() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("pavilion.db"))
        .unwrap()
        .with_clock(common::fixed_now);
    s.init("红旗小区").unwrap();
    let mut rows = common::twelve_flat_unit();
    rows[4].owner.name = "王 秀兰".into();
    rows[5].owner.name = LONG_NAME.into();
    s.import_roster(&rows, "corpus").unwrap();
    let item = |title: &str, rule: Rule| ItemPlan {
        title: title.into(),
        raised_by: "张三丰".into(),
        raised_from: None,
        raised_on: None,
        statement:
            "王秀兰反映：电话 138 1234 5678，座机 (010) 8765-4321，邮箱 wang.xiulan@example.com。"
                .into(),
        category: None,
        proposal: Some(format!(
            "由{LONG_NAME}和 王.秀兰 联系 ０７５５－１２３４５６７８"
        )),
        rule,
        scope: Scope::parse("3-2").unwrap(),
        required_consent: Vec::new(),
        cost: None,
    };
    let plan = common::meeting(vec![
        item(
            "=HYPERLINK(\"http://evil.example\",\"点我\")",
            Rule::show_of_hands(),
        ),
        item("+加装电梯 张三丰", Rule::none()),
    ]);
    let m = s.intake(&plan, "corpus").unwrap();
    s.set_others(m, "社区 赵六，身份证 110101 19900307 123X")
        .unwrap();
    s.attend(m, &flat("3-2-101"), &Presence::Present).unwrap();
    s.attend(m, &flat("3-2-102"), &Presence::Proxy("李四（儿子）".into()))
        .unwrap();
    s.attend(
        m,
        &flat("3-2-201"),
        &Presence::Proxy("=cmd|' /C calc'!A0".into()),
    )
    .unwrap();
    s.add_note(m, 1, "赵六", "同意王秀兰的意见").unwrap();
    let f102 = flat("3-2-102");
    let proxy = BallotInput {
        flat: &f102,
        choice: pavilion::domain::Choice::Yes,
        method: Method::Proxy,
        proxy: Some("李四（儿子）"),
        reason: None,
    };
    s.cast_ballot(m, 1, &proxy).unwrap();
    let f201 = flat("3-2-201");
    let evil = BallotInput {
        proxy: Some("=cmd|' /C calc'!A0"),
        flat: &f201,
        ..proxy
    };
    s.cast_ballot(m, 1, &evil).unwrap();
    s.close_vote(m, 1).unwrap();
    s.set_text(
        m,
        1,
        ItemText::Resolution,
        "由赵六和李四负责，电话13812345678；联系人：孙小明",
    )
    .unwrap();
    let action = s
        .add_action(&NewAction {
            item: Some((m, 1)),
            meeting: None,
            what: "张三丰联系物业，邮箱 wang.xiulan@example.com",
            responsible: Responsible::Person("张三丰".into()),
            due: None,
        })
        .unwrap();
    // Progress and a confirmation naming people (a long name by its given name alone, someone who
    // sat in), a phone and an e-mail address.
    s.update_action(action.id, Some(m), "买买提艾力 回复：电话 139-1234-5678")
        .unwrap();
    s.add_guest(m, "李红梅", "社区党委书记", false).unwrap();
    let done = s
        .add_action(&NewAction {
            item: Some((m, 1)),
            meeting: None,
            what: "清理楼道杂物",
            responsible: Responsible::Person("网格员 赵六".into()),
            due: None,
        })
        .unwrap();
    s.close_action(
        done.id,
        Some(m),
        "李红梅、王秀兰确认，li.hongmei@example.cn",
    )
    .unwrap();
    (dir, s, m)
}

#[test]
fn no_personal_data_is_left_on_any_public_format() {
    let (_dir, store, m) = corpus();
    for lang in [Lang::Zh, Lang::En] {
        for format in Format::ALL {
            let out = export::export(&store, m, format, Variant::PublicNotice, lang).unwrap();
            let out = match format {
                Format::Docx => common::docx::docx_text(&out),
                // The cells, and every part: page header and footer, document properties.
                Format::Xlsx => {
                    let parts = common::workbook::parts(&out);
                    let xml: Vec<&str> = parts.iter().map(|(_, x)| x.as_str()).collect();
                    common::workbook::xlsx_text(&out) + &xml.concat()
                }
                _ => String::from_utf8(out).unwrap(),
            };
            let out = normalised(&out);
            for secret in SECRETS {
                assert!(
                    !out.contains(secret),
                    "{format:?} {lang:?} shows {secret}:\n{out}"
                );
            }
        }
    }
    let minutes = export::export(&store, m, Format::Markdown, Variant::Minutes, Lang::Zh).unwrap();
    let minutes = normalised(&String::from_utf8(minutes).unwrap());
    for secret in ["王秀兰", "张三丰", "李四", "13812345678"] {
        assert!(
            minutes.contains(secret),
            "the minutes are the full record: {secret}"
        );
    }
    let notice = export::prepare(
        &store,
        m,
        &Options::new(Format::Markdown, Variant::PublicNotice, Lang::Zh),
    )
    .unwrap();
    let masked = notice.masked();
    assert!(masked.names >= 10 && masked.phones >= 4, "{masked:?}");
    assert!(masked.ids >= 1 && masked.emails >= 2, "{masked:?}");
}

#[test]
fn spreadsheet_formulas_are_neutralised_in_every_csv() {
    let (_dir, store, m) = corpus();
    for variant in [Variant::Minutes, Variant::PublicNotice] {
        let out = export::export(&store, m, Format::Csv, variant, Lang::Zh).unwrap();
        let text = std::str::from_utf8(&out[3..]).unwrap();
        let (_digest, data) = text.split_once("\r\n").unwrap();
        let mut reader = csv::Reader::from_reader(data.as_bytes());
        let mut cells = 0;
        for row in reader.records() {
            for cell in row.unwrap().iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{variant:?}: {cell}"
                );
            }
        }
        assert!(cells > 0);
        assert!(text.contains("'=HYPERLINK("), "{variant:?}");
        if variant == Variant::Minutes {
            assert!(
                text.contains("'=cmd|"),
                "the proxy holder as typed, neutralised"
            );
        }
    }
}

#[test]
fn spreadsheet_formulas_stay_text_in_every_workbook() {
    let (_dir, store, m) = corpus();
    for variant in [Variant::Minutes, Variant::PublicNotice] {
        let out = export::export(&store, m, Format::Xlsx, variant, Lang::Zh).unwrap();
        let cells = common::workbook::xlsx_text(&out);
        // Kept as typed, as a text cell (a formula or number would read back otherwise).
        assert!(cells.contains("=HYPERLINK("), "{variant:?}:\n{cells}");
        if variant == Variant::Minutes {
            assert!(cells.contains("=cmd|"), "the proxy holder as typed");
        }
        for (name, xml) in common::workbook::parts(&out) {
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "{variant:?}: a formula in {name}"
            );
            if name == "xl/styles.xml" {
                // Excel's own "this is text" mark, kept when the cell is edited.
                assert!(
                    xml.contains(r#"quotePrefix="1""#),
                    "{variant:?}: no quote prefix"
                );
            }
        }
    }
}

#[test]
fn the_command_reports_what_it_masked_and_what_to_review() {
    let (dir, store, m) = corpus();
    let db = store.path().to_path_buf();
    drop(store);
    let m = m.to_string();
    let out = common::cli::pavilion(&db, &["export", &m, "-f", "md", "--public", "--lang", "en"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("masked on the notice:") && err.contains("ID numbers"),
        "{err}"
    );

    let check = common::cli::pavilion(&db, &["export", &m, "--check", "--lang", "zh"]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(!check.status.success(), "something is left to review");
    assert!(
        said.contains("张贴前请核对") && said.contains("联系人：孙小明"),
        "{said}"
    );
    assert!(
        String::from_utf8_lossy(&check.stderr).contains("未写入文件"),
        "nothing written"
    );
    let exported = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count();
    assert_eq!(exported, 0, "no notice written");
}

/// `--check`'s findings for a meeting of the database, in one language; None when it finds none.
fn check_findings(db: &std::path::Path, m: &str, lang: &str) -> Option<Vec<String>> {
    let out = common::cli::pavilion(db, &["export", m, "-f", "md", "--check", "--lang", lang]);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    match out.status.success() {
        true => None,
        false => Some(said.lines().skip(1).map(|l| l.trim().to_string()).collect()),
    }
}

#[test]
fn the_check_lists_unknown_names_but_not_everyday_words() {
    let (_dir, db) = common::cli::sample_db();
    for agenda in [
        "agendas/hongqi-2026-12-maintenance-fund.toml",
        "agendas/hongqi-2026-12-parking.toml",
    ] {
        common::cli::ok(&db, &["intake", agenda]);
    }
    // Our own words (业主议事会, 委托代理人到会) and the sample agendas' (申请区级补贴后由本单元业主
    // 分摊, 委托有资质的…, 向红旗小区…) are no names.
    for m in ["1", "2", "3"] {
        for lang in ["zh", "en"] {
            assert_eq!(check_findings(&db, m, lang), None, "meeting {m} in {lang}");
        }
    }
    // Names typed where nobody is entered as a person, among everyday words.
    let mut store = Store::open(&db).unwrap();
    store
        .set_text(
            3,
            1,
            ItemText::Resolution,
            "由钱多多负责联系施工单位，委托代理人到会的须交委托书；请于月底前向欧阳娜娜反映，\
             联系人：代小红。",
        )
        .unwrap();
    drop(store);
    for lang in ["zh", "en"] {
        assert_eq!(
            check_findings(&db, "3", lang),
            Some(vec![
                "由钱多多".to_string(),
                "向欧阳娜娜".to_string(),
                "联系人：代小红".to_string()
            ]),
            "{lang}"
        );
    }
}
