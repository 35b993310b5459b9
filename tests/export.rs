//! Minutes and public notice: snapshots of every format in both languages for a fixed sample
//! meeting (a passed and a failed vote, a correction, a withdrawal, a proxy, a written ballot, a
//! carried-over action), privacy of the notice, a self-contained HTML file, determinism, the CLI.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, Ordering};

use jiff::Timestamp;
use pavilion::domain::roster::{is_unsold_name, owner_key};
use pavilion::domain::{
    Area, Choice, FlatRef, ItemPlan, Owner, Responsible, RosterRow, Rule, Scope,
};
use pavilion::export::json_shapes::TallyJson;
use pavilion::export::{self, Format, Lang, MeetingSnapshot, Options, Variant};
use pavilion::store::{BallotInput, ItemText, Method, NewAction, Presence, Store};

#[path = "export/command.rs"]
mod command;

// ---------------------------------------------------------------------------------------------
// The sample estate and its two meetings, built once with a clock that moves on a minute per call.

static NOW: AtomicI64 = AtomicI64::new(0);

fn clock() -> Timestamp {
    Timestamp::from_second(NOW.fetch_add(60, Ordering::SeqCst)).unwrap()
}

/// Sets the clock (UTC).
fn at(utc: &str) {
    let t: Timestamp = utc.parse().unwrap();
    NOW.store(t.as_second(), Ordering::SeqCst);
}

fn flat(text: &str) -> FlatRef {
    FlatRef::parse(text).unwrap()
}

fn row(room: &str, area: &str, id: &str, name: &str, phone: &str) -> RosterRow {
    let flat = flat(room);
    RosterRow {
        owner: Owner {
            key: owner_key(Some(id).filter(|i| !i.is_empty()), name, &flat),
            name: name.into(),
            phone: Some(phone.into()).filter(|p: &String| !p.is_empty()),
        },
        area: Area::parse(area).unwrap(),
        flat,
        floor: None,
    }
}

fn roster() -> Vec<RosterRow> {
    vec![
        row("3-1-101", "70.00", "O301", "冯玉兰", "13900000301"),
        row("3-2-101", "78.50", "O101", "赵德明", "13900000101"),
        row("3-2-102", "80.20", "O102", "钱秀英", "13900000102"),
        row("3-2-201", "78.50", "O201", "孙建国", "13900000201"),
        row("3-2-202", "80.20", "O202", "李桂芳", "13900000202"),
        row("3-2-301", "78.50", "O301B", "周志强", "13900000311"),
        row("3-2-302", "80.20", "O302", "吴丽华", "13900000302"),
        row("3-2-401", "78.50", "O401", "郑海涛", "13900000401"),
        row("3-2-402", "80.20", "O402", "欧阳明华", "13900000402"),
        row("3-2-501", "78.50", "O501", "王秀兰", "13912345678"),
        row("3-2-502", "80.20", "O502", "刘斌艳、莫刚超", "13900000502"),
        row("3-2-601", "78.50", "O601", "陈国庆", "13900000601"),
        row("3-2-602", "80.20", "O601", "陈国庆", ""),
        row("4-1-101", "90.00", "O411", "褚卫东", "13900000411"),
        row("4-1-102", "65.35", "", "原单位（未售）", "83001234"),
        row("4-1-201", "65.35", "", "原单位（未售）", ""),
        row("4-1-202", "85.30", "O422", "蒋文静", "13900000422"),
    ]
}

fn item(title: &str, by: &str, from: Option<&str>, statement: &str, rule: Rule) -> ItemPlan {
    ItemPlan {
        title: title.into(),
        raised_by: by.into(),
        raised_from: from.map(flat),
        raised_on: Some("2026-10-20".parse().unwrap()),
        statement: statement.into(),
        category: None,
        proposal: None,
        rule,
        scope: Scope::Estate,
        required_consent: Vec::new(),
        cost: None,
    }
}

fn ballot(store: &mut Store, m: i64, item: i64, room: &str, choice: Choice) {
    ballot_by(store, m, item, room, choice, Method::InPerson, None, None);
}

#[allow(clippy::too_many_arguments)]
fn ballot_by(
    store: &mut Store,
    m: i64,
    item: i64,
    room: &str,
    choice: Choice,
    method: Method,
    proxy: Option<&str>,
    reason: Option<&str>,
) {
    let f = flat(room);
    let input = BallotInput {
        flat: &f,
        choice,
        method,
        proxy,
        reason,
    };
    store.cast_ballot(m, item, &input).unwrap();
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    meeting: i64,
}

/// The database, built once: October's meeting with two actions, and the November meeting.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pavilion.db");
        let mut s = Store::open(&path).unwrap().with_clock(clock);
        at("2026-09-01T02:00:00Z");
        s.init("红旗小区").unwrap();
        s.import_roster(&roster(), "roster-hongqi.csv").unwrap();

        // October: a discussion-only item; two actions, one closed before November, one carried over.
        at("2026-10-24T11:00:00Z");
        let october = s
            .intake(
                &common::meeting_plan(
                    "红旗小区 10月议事会",
                    "2026-10-24T11:00:00Z",
                    vec![item(
                        "4栋楼道灯和3号楼消防通道",
                        "褚卫东",
                        Some("4-1-101"),
                        "4栋楼道灯坏了两个月；3号楼消防通道堆满杂物。",
                        Rule::none(),
                    )],
                ),
                "agendas/2026-10.toml",
            )
            .unwrap();
        s.add_note(october, 1, "物业 张经理", "本周内更换楼道灯")
            .unwrap();
        s.close_vote(october, 1).unwrap();
        let lamps = s
            .add_action(&NewAction {
                item: Some((october, 1)),
                meeting: None,
                what: "更换4栋楼道灯",
                responsible: Responsible::PropertyCompany,
                due: Some("2026-11-10".parse().unwrap()),
            })
            .unwrap();
        let corridor = s
            .add_action(&NewAction {
                item: Some((october, 1)),
                meeting: None,
                what: "清理3号楼消防通道杂物",
                responsible: Responsible::CommunityOffice,
                due: Some("2026-11-15".parse().unwrap()),
            })
            .unwrap();
        at("2026-11-05T02:00:00Z");
        s.update_action(corridor.id, None, "已清理1单元，2单元待清理")
            .unwrap();
        at("2026-11-08T07:30:00Z");
        s.close_action(lamps.id, None, "4栋楼栋长褚卫东确认灯已全部更换")
            .unwrap();

        // November: the elevator (passes), parking lines (fails), a clean-up day (no vote).
        at("2026-11-20T01:00:00Z");
        let mut elevator = item(
            "3号楼2单元加装电梯",
            "王秀兰",
            Some("3-2-501"),
            "单元里老人多，上下楼太难了。\n希望能加装电梯。",
            Rule::civil_code_major(),
        );
        elevator.category = Some("加装电梯".into());
        elevator.scope = Scope::parse("3-2").unwrap();
        elevator.required_consent = vec![flat("3-2-101")];
        let parking = item(
            "小区内划停车线",
            "蒋文静",
            Some("4-1-202"),
            "晚上车辆乱停，消防车进不来。",
            Rule::show_of_hands(),
        );
        let mut cleanup = item(
            "垃圾分类宣传日",
            "网格员 李娜",
            None,
            "垃圾分类做得不好，需要宣传。",
            Rule::none(),
        );
        cleanup.raised_on = None;
        let mut november = common::meeting_plan(
            "红旗小区 3号楼加装电梯议事会",
            "2026-11-28T11:00:00Z",
            vec![elevator, parking, cleanup],
        );
        november.objections_to = Some("社区居委会（3号楼旁公示栏）".into());
        november.objections_until = Some("2026-12-05".parse().unwrap());
        let m = s.intake(&november, "agendas/2026-11.toml").unwrap();
        s.set_others(m, "社区居委会 李红梅主任；物业公司 张经理；业委会 何志刚")
            .unwrap();

        at("2026-11-28T10:50:00Z");
        for room in [
            "3-2-101", "3-2-102", "3-2-201", "3-2-301", "3-2-501", "3-2-601", "4-1-202",
        ] {
            s.attend(m, &flat(room), &Presence::Present).unwrap();
        }
        s.attend(m, &flat("3-2-402"), &Presence::Proxy("欧阳晓".into()))
            .unwrap();
        s.attend(m, &flat("4-1-101"), &Presence::Present).unwrap();

        // Item 1: discussion, proposal, ballots with a correction, a withdrawal, a proxy, a written one.
        at("2026-11-28T11:05:00Z");
        s.add_note(m, 1, "王秀兰", "单元12户里有5户是70岁以上老人。")
            .unwrap();
        s.add_note(m, 1, "陈国庆", "六楼支持；费用按楼层分摊，一楼不出钱。")
            .unwrap();
        s.add_note(m, 1, "赵德明", "电梯井占用我家部分阳台，要求补偿 | 已协商一致。")
            .unwrap();
        s.set_text(
            m,
            1,
            ItemText::Proposal,
            "在3号楼2单元北侧加装电梯一部；费用按楼层系数分摊（一楼0，二楼1.0，每高一层加0.2）；对101室给予补偿。",
        )
        .unwrap();
        at("2026-11-28T11:20:00Z");
        for room in ["3-2-101", "3-2-201", "3-2-401", "3-2-501", "3-2-601"] {
            ballot(&mut s, m, 1, room, Choice::Yes);
        }
        ballot(&mut s, m, 1, "3-2-301", Choice::No);
        ballot_by(
            &mut s,
            m,
            1,
            "3-2-301",
            Choice::Yes,
            Method::InPerson,
            None,
            Some("业主当场更正：误听为反对"),
        );
        ballot(&mut s, m, 1, "3-2-102", Choice::Abstain);
        s.withdraw_ballot(m, 1, &flat("3-2-102"), Some("误录：业主尚未表态"))
            .unwrap();
        ballot(&mut s, m, 1, "3-2-502", Choice::No);
        ballot_by(
            &mut s,
            m,
            1,
            "3-2-402",
            Choice::Yes,
            Method::Proxy,
            Some("欧阳晓"),
            None,
        );
        // Item 2: a show of hands of those present; 2 yes, 2 no, 1 abstain: not more than half.
        at("2026-11-28T12:00:00Z");
        s.add_note(m, 2, "物业 张经理", "划线后可增加车位约30个。")
            .unwrap();
        s.set_text(m, 2, ItemText::Proposal, "在主干道两侧划停车线。")
            .unwrap();
        ballot(&mut s, m, 2, "4-1-202", Choice::Yes);
        ballot(&mut s, m, 2, "4-1-101", Choice::Yes);
        ballot(&mut s, m, 2, "3-2-101", Choice::No);
        ballot(&mut s, m, 2, "3-2-601", Choice::No);
        ballot(&mut s, m, 2, "3-2-201", Choice::Abstain);
        s.close_vote(m, 2).unwrap();
        s.set_text(m, 2, ItemText::Resolution, "暂不划线，物业下次会议提出新方案。")
            .unwrap();

        // Item 3: discussion only; an action for a named resident.
        at("2026-11-28T12:20:00Z");
        s.add_note(m, 3, "网格员 李娜", "12月第一个周六在莲心亭办宣传日。")
            .unwrap();
        s.close_vote(m, 3).unwrap();
        s.set_text(
            m,
            3,
            ItemText::Resolution,
            "由王秀兰牵头组织志愿者，联系电话13912345678。",
        )
        .unwrap();
        s.add_action(&NewAction {
            item: Some((m, 3)),
            meeting: None,
            what: "组织垃圾分类宣传日",
            responsible: Responsible::Person("王秀兰".into()),
            due: Some("2026-12-05".parse().unwrap()),
        })
        .unwrap();
        at("2026-11-28T12:40:00Z");
        s.attend(m, &flat("4-1-101"), &Presence::Left).unwrap();
        // Written ballots collected door to door the next morning; then the vote closes.
        at("2026-11-29T02:00:00Z");
        ballot_by(
            &mut s,
            m,
            1,
            "3-2-202",
            Choice::Yes,
            Method::Written,
            None,
            None,
        );
        at("2026-11-29T03:00:00Z");
        s.close_vote(m, 1).unwrap();
        s.set_text(
            m,
            1,
            ItemText::Resolution,
            "同意在3号楼2单元加装电梯，按上述方案分摊费用，由业委会委托设计单位出具方案。",
        )
        .unwrap();
        s.add_action(&NewAction {
            item: Some((m, 1)),
            meeting: None,
            what: "委托设计单位出具加装电梯方案",
            responsible: Responsible::OwnersCommittee,
            due: Some("2026-12-20".parse().unwrap()),
        })
        .unwrap();

        Fixture {
            _dir: dir,
            path,
            meeting: m,
        }
    })
}

fn open() -> (Store, i64) {
    let f = fixture();
    (Store::open(&f.path).unwrap(), f.meeting)
}

fn text(store: &Store, m: i64, format: Format, variant: Variant, lang: Lang) -> String {
    let bytes = export::export(store, m, format, variant, lang).unwrap();
    match format {
        Format::Docx => common::docx::docx_text(&bytes),
        Format::Xlsx => common::workbook::xlsx_text(&bytes),
        _ => String::from_utf8(bytes).unwrap(),
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn snapshots_of_every_format_in_both_languages() {
    let (store, m) = open();
    for lang in [Lang::Zh, Lang::En] {
        for variant in [Variant::Minutes, Variant::PublicNotice] {
            for format in Format::ALL {
                let out = text(&store, m, format, variant, lang);
                // The snapshot files hold plain text: the BOM and CRLF of the CSV are checked below.
                let out = out.trim_start_matches('\u{feff}').replace("\r\n", "\n");
                let variant = match variant {
                    Variant::Minutes => "minutes",
                    Variant::PublicNotice => "notice",
                };
                let name = format!("{variant}_{}_{}", lang.code(), format.extension());
                insta::assert_snapshot!(name, out);
            }
        }
    }
}

#[test]
fn the_public_notice_shows_no_full_name_and_no_phone_number() {
    let (store, m) = open();
    let mut names = Vec::new();
    let mut phones = Vec::new();
    for r in roster() {
        if !is_unsold_name(&r.owner.name) {
            names.push(r.owner.name.clone());
            names.extend(r.owner.name.split('、').map(str::to_string));
        }
        phones.extend(r.owner.phone.clone());
    }
    for lang in [Lang::Zh, Lang::En] {
        for format in Format::ALL {
            let out = text(&store, m, format, Variant::PublicNotice, lang);
            for name in &names {
                assert!(
                    !out.contains(name.as_str()),
                    "{format:?} {lang:?} shows {name}"
                );
            }
            for phone in &phones {
                assert!(
                    !out.contains(phone.as_str()),
                    "{format:?} {lang:?} shows {phone}"
                );
            }
        }
    }
    let notice = text(&store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh);
    for masked in ["王\\*兰", "欧阳\\*华"] {
        assert!(notice.contains(masked), "{masked}");
    }
    assert!(notice.contains("2026年12月5日"), "objections until");
    assert!(notice.contains("社区居委会（3号楼旁公示栏）"));
    // The minutes do show names: they are the signed record.
    let minutes = text(&store, m, Format::Markdown, Variant::Minutes, Lang::Zh);
    assert!(minutes.contains("王秀兰") && minutes.contains("欧阳明华"));
}

#[test]
fn the_html_file_references_nothing_outside_itself() {
    let (store, m) = open();
    for lang in [Lang::Zh, Lang::En] {
        for variant in [Variant::Minutes, Variant::PublicNotice] {
            let html = text(&store, m, Format::Html, variant, lang).to_lowercase();
            for bad in [
                "http", "src=", "href=", "@import", "<script", "<link", "<img", "<iframe",
            ] {
                assert!(!html.contains(bad), "{variant:?} {lang:?} contains {bad}");
            }
            // url(…) only for the chart's own patterns, in the same file (url(#c1-no)).
            for (at, _) in html.match_indices("url(") {
                let id = &html[at + 4..at + 4 + html[at + 4..].find(')').unwrap()];
                let pattern = format!("<pattern id=\"{}\"", id.trim_start_matches('#'));
                assert!(
                    id.starts_with('#') && html.contains(&pattern),
                    "{variant:?} {lang:?} refers to {id}"
                );
            }
            assert!(html.contains("<svg"), "inline tally charts");
            assert!(html.contains("@page") && html.contains("size: a4"));
            assert!(html.contains("@bottom-center") && html.contains("counter(pages)"));
            assert!(!html.contains("break-before: page"), "no page per item");
            // The grid as attributes too, for Word, WPS and LibreOffice opening the file as a
            // document; the signature cells a fixed height.
            for table in html.split("<table").skip(1) {
                let tag = &table[..table.find('>').unwrap()];
                for a in [r#"border="1""#, r#"cellpadding="4""#, r#"width="100%""#] {
                    assert!(
                        tag.contains(a),
                        "{variant:?} {lang:?}: <table{tag}> without {a}"
                    );
                }
            }
            if variant == Variant::Minutes {
                assert!(html.contains(r#"height="57""#), "{lang:?}: room to sign");
            }
        }
    }
}

#[test]
fn every_export_ends_with_the_digest_of_the_meetings_last_event() {
    let (store, m) = open();
    let last = store.events(Some(m)).unwrap().pop().unwrap();
    for format in Format::ALL {
        let out = text(&store, m, format, Variant::Minutes, Lang::En);
        assert!(out.contains(&last.hash), "{format:?}");
    }
    let md = text(&store, m, Format::Markdown, Variant::Minutes, Lang::Zh);
    assert!(md.trim_end().lines().last().unwrap().ends_with(&last.hash));
    let json: serde_json::Value =
        serde_json::from_str(&text(&store, m, Format::Json, Variant::Minutes, Lang::En)).unwrap();
    assert_eq!(json["digest"]["hash"], last.hash.as_str());
    assert_eq!(json["digest"]["event"], last.id);
}

#[test]
fn json_tallies_have_the_tally_json_shape() {
    let (store, m) = open();
    let json: serde_json::Value =
        serde_json::from_str(&text(&store, m, Format::Json, Variant::Minutes, Lang::Zh)).unwrap();
    for n in [1, 2] {
        let t = store.tally(m, n).unwrap();
        let want = serde_json::to_value(TallyJson::new(
            m,
            n,
            &t.item.rule.name,
            t.item.vote_closed,
            &t.tally,
        ))
        .unwrap();
        assert_eq!(json["items"][n as usize - 1]["tally"], want, "item {n}");
    }
    let items = json["items"].as_array().unwrap();
    assert_eq!(items[0]["tally"]["passed"], true);
    assert_eq!(items[1]["tally"]["passed"], false);
    assert_eq!(items[2]["tally"], serde_json::Value::Null);
    assert_eq!(items[0]["tally"]["participating"]["area_m2"], "791.80");
    assert_eq!(items[0]["roll_call"].as_array().unwrap().len(), 9);
    assert_eq!(items[0]["corrections"].as_array().unwrap().len(), 2);
}

#[test]
fn the_action_ledger_sorts_new_carried_and_closed() {
    let (store, m) = open();
    let s = MeetingSnapshot::gather(&store, m).unwrap();
    let whats = |l: &[export::snapshot::ActionLine]| -> Vec<String> {
        l.iter().map(|a| a.what.clone()).collect()
    };
    assert_eq!(
        whats(&s.actions.new),
        ["组织垃圾分类宣传日", "委托设计单位出具加装电梯方案"]
    );
    assert_eq!(whats(&s.actions.carried), ["清理3号楼消防通道杂物"]);
    assert!(s.actions.carried[0].overdue, "due 15 Nov, meeting 28 Nov");
    assert_eq!(s.actions.carried[0].progress.len(), 1);
    assert_eq!(whats(&s.actions.closed), ["更换4栋楼道灯"]);
    // October's minutes, exported now, show its own actions as new and nothing closed later.
    let october = MeetingSnapshot::gather(&store, 1).unwrap();
    assert_eq!(october.actions.new.len(), 2);
    assert!(october.actions.new.iter().all(|a| a.progress.is_empty()));
    assert!(october.actions.carried.is_empty() && october.actions.closed.is_empty());
}

#[test]
fn the_csv_is_utf8_with_bom_a_digest_comment_and_one_row_per_ballot() {
    let (store, m) = open();
    let bytes = export::export(&store, m, Format::Csv, Variant::Minutes, Lang::Zh).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF for Excel");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let (comment, data) = text.split_once("\r\n").unwrap();
    assert!(comment.starts_with('#') && !comment.contains(','));
    assert!(comment.ends_with(&store.events(Some(m)).unwrap().pop().unwrap().hash));
    let mut reader = csv::ReaderBuilder::new().from_reader(data.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9 + 5, "item 1: 9 ballots, item 2: 5");
    assert!(
        rows.iter().all(|r| r.len() == 11),
        "every row has every column"
    );
    // Nothing here was entered later from paper: that column is empty.
    assert!(rows.iter().all(|r| r[10].is_empty()));
    let written = rows.iter().find(|r| &r[2] == "3-2-202").unwrap();
    assert_eq!(&written[7], "书面");
    let proxy = rows.iter().find(|r| &r[2] == "3-2-402").unwrap();
    assert_eq!((&proxy[7], &proxy[8]), ("委托", "欧阳晓"));
}

#[test]
fn an_open_vote_says_where_it_stands_and_a_deferred_item_has_no_figures() {
    let (_dir, _path, mut store, m) = common::estate();
    for room in ["3-2-101", "3-2-102", "3-2-201"] {
        ballot(&mut store, m, 1, room, Choice::Yes);
    }
    store
        .add_note(m, 2, "物业 张经理", "等下次会议再议")
        .unwrap();
    store
        .set_step(m, 2, pavilion::domain::Step::Deferred)
        .unwrap();
    let zh = text(&store, m, Format::Markdown, Variant::Minutes, Lang::Zh);
    assert!(zh.contains("表决尚未结束，以下为截至导出时的统计"), "{zh}");
    assert!(
        zh.contains("**表决结果：参与表决尚未达到法定比例（还需 5 名业主、400.00 ㎡参与表决）**"),
        "{zh}"
    );
    assert!(zh.contains("**议题状态**：暂缓") && zh.contains("本议题未付表决。"));
    let en = text(&store, m, Format::Markdown, Variant::Minutes, Lang::En);
    assert!(
        en.contains("participation not yet reached (5 more owners and 400.00 m² must take part)")
    );
    let json: serde_json::Value =
        serde_json::from_str(&text(&store, m, Format::Json, Variant::Minutes, Lang::En)).unwrap();
    assert_eq!(json["items"][0]["vote"], "open");
    assert_eq!(json["items"][0]["tally"]["status"], "open");
    assert_eq!(json["items"][1]["tally"], serde_json::Value::Null);
}
