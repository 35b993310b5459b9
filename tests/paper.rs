//! The paper around a meeting: the notice's closing (issuer, posting day, notice period, seal),
//! host and secretary named or masked by decision, those who sat in (列席) — all recorded as events
//! that `verify` replays, and a posted notice that changes only when deliberately re-issued.

mod common;

use common::cli::{assert_verifies, ok, pavilion, sample_db};
use pavilion::domain::{NoticeSettings, Responsible};
use pavilion::export::{self, Format, Lang, Variant};
use pavilion::store::{NewAction, Store};

fn posted(days: Option<u16>) -> NoticeSettings {
    NoticeSettings {
        issuer: Some("红旗小区业主委员会".into()),
        posted_on: Some("2026-11-29".parse().unwrap()),
        notice_days: days,
        show_officers: false,
    }
}

fn text(store: &Store, m: i64, format: Format, variant: Variant, lang: Lang) -> String {
    let bytes = export::export(store, m, format, variant, lang).unwrap();
    match format {
        Format::Docx => common::docx::docx_text(&bytes),
        _ => String::from_utf8(bytes).unwrap(),
    }
}

/// The estate of `common::estate` with a notice set, two people sitting in (one withdrawn again),
/// and an action for the host.
/// The posted notice as Markdown, and how many events the file holds: what a refused change must
/// leave as it was.
fn as_posted(store: &Store, m: i64) -> (Vec<u8>, usize) {
    let notice =
        export::export(store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh).unwrap();
    (notice, store.events(None).unwrap().len())
}

fn prepared() -> (tempfile::TempDir, std::path::PathBuf, Store, i64) {
    let (dir, path, mut store, m) = common::estate();
    assert!(store.set_notice(m, &posted(None), false).unwrap());
    store.add_guest(m, "李红梅", "社区党委书记", false).unwrap();
    let wrong = store.add_guest(m, "张律师", "律师", false).unwrap();
    store.add_guest(m, "陈建国", "物业项目经理", false).unwrap();
    store.remove_guest(m, wrong, false).unwrap();
    store
        .add_action(&NewAction {
            item: Some((m, 1)),
            meeting: None,
            what: "联系电梯公司出方案，郭建敏跟进",
            responsible: Responsible::Person("郭建敏".into()),
            due: Some("2026-12-20".parse().unwrap()),
        })
        .unwrap();
    (dir, path, store, m)
}

#[test]
fn settings_and_guests_are_events_that_verify_replays() {
    let (_dir, path, store, m) = prepared();
    common::assert_intact(&store);
    let guests = store.guests(m).unwrap();
    let names: Vec<&str> = guests.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        ["李红梅", "陈建国"],
        "the withdrawn entry is left out"
    );
    assert_eq!(store.notice_settings(m).unwrap(), posted(None));
    let v = store.verify().unwrap();
    assert!(
        v.checked.contains(&("notice_settings", 1)),
        "{:?}",
        v.checked
    );
    assert!(v.checked.contains(&("guests", 3)), "{:?}", v.checked);
    drop(store);

    // Edits behind the program's back show.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE notice_settings SET show_officers = 1", [])
        .unwrap();
    conn.execute("UPDATE guests SET name = '李 红梅' WHERE id = 1", [])
        .unwrap();
    conn.execute(
        "INSERT INTO guests (meeting_id, name, role, at) VALUES (?1, '王五', '记者', '2026-11-28T11:30:00Z')",
        [m],
    )
    .unwrap();
    drop(conn);
    let v = Store::open(&path).unwrap().verify().unwrap();
    let found: Vec<String> = v.findings.iter().map(|f| f.to_string()).collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("notice_settings meeting 1: the row differs"),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("guests id 1: the row differs"),
        "{found:#?}"
    );
    assert!(
        found[2].starts_with("guests id 4: no event records this row"),
        "{found:#?}"
    );
    // The same findings in Chinese.
    let zh: Vec<String> = v.findings.iter().map(|f| f.render(Lang::Zh)).collect();
    assert_eq!(
        zh[..2],
        [
            "公示设置 议事会 1：此行记录与其事件所记载的不同（事件 6）",
            "列席人员 编号 1：此行记录与其事件所记载的不同（事件 7）"
        ],
        "{zh:#?}"
    );
    assert_eq!(
        zh[2],
        "列席人员 编号 4：没有事件记载此行记录：它是绕过本程序添加的"
    );
}

#[test]
fn the_store_refuses_what_the_paper_cannot_say() {
    let (_dir, _path, mut store, m) = common::estate();
    let say = |e: pavilion::store::StoreError| e.to_string();
    let early = NoticeSettings {
        posted_on: Some("2026-11-27".parse().unwrap()),
        ..NoticeSettings::default()
    };
    // Days said as each language writes a date (docs/glossary.md).
    let e = store.set_notice(m, &early, false).unwrap_err();
    assert!(say(e).contains("27 Nov 2026"));
    let e = store.set_notice(m, &early, false).unwrap_err();
    let zh = pavilion::i18n::errors::describe(&e, pavilion::lang::Lang::Zh);
    assert!(
        zh.contains("2026年11月27日") && !zh.contains("2026-11-27"),
        "{zh}"
    );
    let blank = store.add_guest(m, "李红梅", "  ", false).unwrap_err();
    assert!(!say(blank).is_empty());
    store.add_guest(m, "李红梅", "社区书记", false).unwrap();
    assert!(store.add_guest(m, "李红梅", "社区书记", false).is_err());
    assert!(store.remove_guest(m, 99, false).is_err());
    // Setting what is already set records nothing.
    let events = store.events(Some(m)).unwrap().len();
    assert!(
        !store
            .set_notice(m, &NoticeSettings::default(), false)
            .unwrap()
    );
    assert_eq!(store.events(Some(m)).unwrap().len(), events);
    common::assert_intact(&store);
}

#[test]
fn a_posted_notice_changes_only_when_reissued() {
    let (_dir, _path, mut store, m) = prepared();
    // While votes are open the notice is not out yet: changes are free.
    store.set_notice(m, &posted(Some(10)), false).unwrap();
    store.close_vote(m, 1).unwrap();
    store.close_vote(m, 2).unwrap();
    let before =
        export::export(&store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh).unwrap();
    let refused = store.set_notice(m, &posted(Some(14)), false).unwrap_err();
    assert!(refused.to_string().contains("--reissue"), "{refused}");
    let zh = pavilion::i18n::errors::describe(&refused, Lang::Zh);
    assert!(zh.contains("已于 2026年11月29日 张贴"), "{zh}");
    assert!(store.add_guest(m, "王五", "记者", false).is_err());
    assert!(store.remove_guest(m, 1, false).is_err());
    let after =
        export::export(&store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh).unwrap();
    assert_eq!(
        before, after,
        "a refused change leaves the posted notice byte for byte"
    );
    // Deliberately issued again.
    assert!(store.set_notice(m, &posted(Some(14)), true).unwrap());
    store.add_guest(m, "王五", "记者", true).unwrap();
    let reissued = text(&store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh);
    assert!(reissued.contains("共 14 天"), "{reissued}");
    let event = store.events(Some(m)).unwrap();
    let last = event
        .iter()
        .rev()
        .find(|e| e.kind == "meeting.notice")
        .unwrap();
    assert!(last.data.contains("\"reissue\":true"), "{}", last.data);
    common::assert_intact(&store);
}

#[test]
fn the_notice_closes_with_issuer_period_and_seal_in_every_format() {
    let (_dir, _path, store, m) = prepared();
    for lang in [Lang::Zh, Lang::En] {
        let notice = text(&store, m, Format::Markdown, Variant::PublicNotice, lang);
        let end = &notice[notice.rfind("\n## ").unwrap()..];
        insta::assert_snapshot!(format!("notice_end_{}", lang.code()), end);
    }
    let md = text(&store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh).replace('\\', "");
    assert!(
        md.contains("自2026年11月29日起至2026年12月5日止，共 7 天"),
        "{md}"
    );
    assert!(
        md.contains("请于2026年12月5日（含当日）前"),
        "objections run to the period's end"
    );
    assert!(
        md.contains("李*梅") && md.contains("社区党委书记"),
        "sat in, masked"
    );
    assert!(!md.contains("李红梅") && !md.contains("陈建国"), "{md}");
    let html = text(&store, m, Format::Html, Variant::PublicNotice, Lang::Zh);
    assert!(html.contains("<div class=\"closing\" align=\"right\">\n<p>红旗小区业主委员会</p>\n<p>（盖章）</p>\n<p>2026年11月29日</p>"), "{html}");
    let docx = text(&store, m, Format::Docx, Variant::PublicNotice, Lang::Zh);
    for want in [
        "公示期",
        "红旗小区业主委员会",
        "（盖章）",
        "2026年11月29日",
        "李*梅",
    ] {
        assert!(
            docx.contains(want),
            "{want} missing from the DOCX notice:\n{docx}"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&text(
        &store,
        m,
        Format::Json,
        Variant::PublicNotice,
        Lang::En,
    ))
    .unwrap();
    assert_eq!(
        json["notice"],
        serde_json::json!({
            "issuer": "红旗小区业主委员会", "posted_on": "2026-11-29", "notice_days": 7,
            "period_from": "2026-11-29", "period_until": "2026-12-05", "show_officers": false
        })
    );
    assert_eq!(json["attendance"]["guests"][0]["name"], "李*梅");
    // The minutes name those who sat in, in full.
    let minutes = text(&store, m, Format::Markdown, Variant::Minutes, Lang::En);
    assert!(minutes.contains("### Also sitting in"), "{minutes}");
    assert!(
        minutes.contains("| 李红梅 | 社区党委书记 |")
            && minutes.contains("| 陈建国 | 物业项目经理 |")
    );
    assert!(
        !minutes.contains("张律师"),
        "a withdrawn entry is not shown"
    );
    let minutes_docx = text(&store, m, Format::Docx, Variant::Minutes, Lang::Zh);
    assert!(minutes_docx.contains("列席人员") && minutes_docx.contains("李红梅"));
}

#[test]
fn a_notice_without_settings_leaves_blanks_to_fill_in_by_hand() {
    let (_dir, _path, store, m) = common::estate();
    let md = text(&store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh).replace('\\', "");
    assert!(md.contains("自张贴之日起 7 天"), "{md}");
    assert!(
        md.contains("发布单位：______________\n（盖章）\n____年____月____日"),
        "{md}"
    );
    let en = text(&store, m, Format::Markdown, Variant::PublicNotice, Lang::En);
    assert!(en.contains("7 days from the day of posting"), "{en}");
}

#[test]
fn host_and_secretary_are_masked_or_named_alike_everywhere() {
    let (_dir, _path, mut store, m) = prepared();
    let masked = text(&store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh);
    assert!(
        !masked.contains("郭建敏") && !masked.contains("马长祥"),
        "{masked}"
    );
    assert!(
        masked.contains("| 主持人 | 郭\\*敏 |"),
        "header masked:\n{masked}"
    );
    assert!(
        masked.contains("郭\\*敏跟进"),
        "free text masked alike:\n{masked}"
    );
    let mut s = posted(None);
    s.show_officers = true;
    store.set_notice(m, &s, false).unwrap();
    for format in [Format::Markdown, Format::Html, Format::Json, Format::Docx] {
        let shown = text(&store, m, format, Variant::PublicNotice, Lang::Zh);
        assert!(
            !shown.contains("郭\\*敏") && !shown.contains("郭*敏"),
            "{format:?}: {shown}"
        );
        assert!(shown.contains("马长祥"), "{format:?}");
    }
    let shown = text(&store, m, Format::Markdown, Variant::PublicNotice, Lang::Zh);
    assert!(shown.contains("| 主持人 | 郭建敏 |"), "{shown}");
    assert!(shown.contains("郭建敏跟进"), "{shown}");
    assert!(!shown.contains("李红梅"), "others stay masked");
    common::assert_intact(&store);
}

#[test]
fn the_command_line_sets_the_notice_and_those_who_sat_in() {
    let (dir, db) = sample_db();
    let out = ok(
        &db,
        &[
            "meeting",
            "set",
            "1",
            "--issuer",
            "红旗社区居民委员会",
            "--posted-on",
            "2026-11-30",
            "--notice-days",
            "10",
            "--show-officers",
        ],
    );
    assert!(out.contains("notice settings of meeting 1 saved"), "{out}");
    assert!(
        out.contains(
            "issued by: 红旗社区居民委员会; posted on: 30 Nov 2026; notice period: 10 days"
        ),
        "{out}"
    );
    let again = ok(&db, &["meeting", "set", "1", "--notice-days", "10"]);
    assert!(again.contains("unchanged"), "{again}");
    let bad = pavilion(&db, &["meeting", "set", "1", "--notice-days", "0"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("0 days"));
    let bad = pavilion(&db, &["meeting", "set", "1", "--posted-on", "30/11"]);
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("2026-12-15, 2026/12/15 or 2026年12月15日"),
        "the hint shows the forms"
    );

    let added = ok(
        &db,
        &[
            "guest",
            "add",
            "1",
            "--name",
            "李红梅",
            "--role",
            "社区党委书记",
        ],
    );
    assert!(added.contains("李红梅 (社区党委书记)"), "{added}");
    ok(
        &db,
        &["guest", "add", "1", "--name", "张三", "--role", "记者"],
    );
    ok(&db, &["guest", "remove", "1", "2"]);
    let list: serde_json::Value =
        serde_json::from_str(&ok(&db, &["guest", "list", "1", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["role"], "社区党委书记");
    assert_verifies(&db);

    let file = dir.path().join("notice.md");
    let out = pavilion(
        &db,
        &["export", "1", "--public", "-o", file.to_str().unwrap()],
    );
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("masked on the notice"), "{stderr}");
    assert!(
        !stderr.contains("issuing body") && !stderr.contains("posting day"),
        "{stderr}"
    );
    let notice = std::fs::read_to_string(&file).unwrap();
    assert!(
        notice.contains("红旗社区居民委员会\\\n(seal)\\\n30 Nov 2026"),
        "{notice}"
    );
    assert!(
        notice.contains("from 30 Nov 2026 to 9 Dec 2026 inclusive, 10 days"),
        "{notice}"
    );
    assert!(notice.contains("郭建敏"), "shown by decision");
}

#[test]
fn the_agenda_sets_the_notice_and_reports_bad_values_where_they_are() {
    let (dir, db) = sample_db();
    let agenda = std::fs::read_to_string(
        common::cli::root().join("agendas/hongqi-2026-11-28-elevator.toml"),
    )
    .unwrap();
    let with = |extra: &str| {
        agenda.replacen(
            "objections_until = 2026-12-05\n",
            &format!("objections_until = 2026-12-05\n{extra}"),
            1,
        )
    };
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        with("notice_days = 0\nshow_officers = \"yes\"\nposted_on = 2026-11-20\n"),
    )
    .unwrap();
    let out = pavilion(&db, &["check", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml:13:") && err.contains("0 days"),
        "{err}"
    );
    assert!(
        err.contains("bad.toml:14:") && err.contains("show_officers"),
        "{err}"
    );
    assert!(
        err.contains("bad.toml:15:") && err.contains("before the meeting"),
        "{err}"
    );

    let good = dir.path().join("good.toml");
    let text = with("issuer = \"红旗小区业主委员会\"\nposted_on = 2026-11-29\nnotice_days = 10\n")
        .replace(
            "title = \"红旗小区 3号楼加装电梯议事会\"",
            "title = \"红旗小区 3号楼议事会（二）\"",
        );
    std::fs::write(&good, text).unwrap();
    let id = ok(&db, &["intake", good.to_str().unwrap()]);
    let store = Store::open(&db).unwrap();
    let s = store.notice_settings(id.trim().parse().unwrap()).unwrap();
    assert_eq!(s.issuer.as_deref(), Some("红旗小区业主委员会"));
    assert_eq!(s.notice_days, Some(10));
    assert!(!s.show_officers);
    drop(store);
    assert_verifies(&db);
}

/// The meeting's header (its number, 第 N 次会议, its date, title …) is printed on the notice: once
/// the notice is out, a header change on screen is refused like any other change to it, and the
/// posted notice stays byte for byte. Before that, the meeting cannot move to a day after the
/// notice's posting day (a notice posted before its meeting is what `set_notice` refuses).
#[test]
fn the_header_cannot_change_a_posted_notice_nor_move_past_its_posting_day() {
    let (_dir, _path, mut store, m) = prepared();
    let header = |store: &Store| {
        let r = store.meeting(m).unwrap();
        common::meeting_plan(&r.title, &r.starts.to_string(), vec![])
    };
    // Votes still open: posted 2026-11-29, so the meeting cannot move to 2026-12-05.
    let mut later = header(&store);
    later.starts = "2026-12-05T11:00:00Z".parse().unwrap();
    let events = store.events(None).unwrap().len();
    let refused = store.edit_meeting(m, &later).unwrap_err().to_string();
    assert!(refused.contains("29 Nov 2026"), "{refused}");
    assert_eq!(
        store.events(None).unwrap().len(),
        events,
        "nothing recorded"
    );
    // A number while it is not out yet is fine.
    let mut numbered = header(&store);
    numbered.number = Some(12);
    store.edit_meeting(m, &numbered).unwrap();

    store.close_vote(m, 1).unwrap();
    store.close_vote(m, 2).unwrap();
    let before = as_posted(&store, m);
    for change in [
        |p: &mut pavilion::domain::MeetingPlan| p.number = Some(13),
        |p: &mut pavilion::domain::MeetingPlan| p.title = "红旗小区 第二次议事会".into(),
        |p: &mut pavilion::domain::MeetingPlan| p.place = "社区活动室".into(),
    ] {
        let mut plan = header(&store);
        plan.number = Some(12);
        change(&mut plan);
        // A closed vote's minutes print the header too: that refusal comes first.
        let refused = store.edit_meeting(m, &plan).unwrap_err().to_string();
        assert!(
            refused.contains("the vote on item 1 closed at"),
            "{refused}"
        );
    }
    assert_eq!(
        as_posted(&store, m),
        before,
        "nothing recorded; the posted notice stays byte for byte"
    );
    common::assert_intact(&store);
}

/// The items are printed on the notice too: once it is out, an item's texts and the agenda's order
/// stay as posted (refused, nothing recorded, the notice byte for byte).
#[test]
fn a_posted_notice_keeps_its_items_and_their_order() {
    let (_dir, _path, mut store, m) = prepared();
    store.close_vote(m, 1).unwrap();
    store.close_vote(m, 2).unwrap();
    let before = as_posted(&store, m);
    let item = store.item(m, 2).unwrap();
    let plan = pavilion::domain::ItemPlan {
        title: "划停车线（改过）".into(),
        raised_by: item.raised_by.clone(),
        raised_from: item.raised_from.clone(),
        raised_on: item.raised_on,
        statement: item.statement.clone(),
        category: item.category.clone(),
        proposal: item.proposal.clone(),
        rule: item.rule.clone(),
        scope: item.scope.clone(),
        required_consent: item.consents.clone(),
        cost: None,
    };
    let refused = store.edit_item(m, 2, &plan).unwrap_err().to_string();
    assert!(
        refused.contains("the vote on item 2 is closed"),
        "{refused}"
    );
    let refused = store.move_item(m, 2, pavilion::store::Move::Up);
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(
        as_posted(&store, m),
        before,
        "nothing recorded; the posted notice stays byte for byte"
    );
    common::assert_intact(&store);
}
