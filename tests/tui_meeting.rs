//! One whole meeting, keys only, against a real database, as the host runs it: set up on screen
//! (no agenda file), thirty owners signed in without a single Backspace, three votes each with a
//! correction and a ballot for an absent owner, closed, a backlog concern scheduled, actions
//! added. Then `verify` passes and the minutes carry the reasons and how each ballot came.

mod common;

use common::tui::Harness;
use pavilion::domain::FlatRef;
use pavilion::lang::Lang;
use pavilion::store::{Method, Presence};
use pavilion::tui::app::{Modal, Screen};
use ratatui::crossterm::event::KeyCode;

/// Fills the open form field by field (each emptied first with Ctrl-U, never Backspace) and saves.
fn fill(h: &mut Harness, fields: &[&str]) {
    h.fill(fields);
    h.press(KeyCode::F(2));
    assert!(h.app.modal.is_none(), "saved: {}", h.render(80, 24));
}

/// Jumps the roll call to a flat with `/`.
fn find(h: &mut Harness, flat: &str) {
    h.keys("/");
    h.type_text(flat);
    h.press(KeyCode::Enter);
}

/// The roll call of the selected item, from the overview.
fn roll_call(h: &mut Harness, item: usize) {
    while h.app.selected_item < item {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    h.keys("v");
    assert_eq!(h.app.screen, Screen::RollCall);
}

/// Closes the vote (confirmed) and goes back to the item screen.
fn close(h: &mut Harness) {
    h.keys("c");
    h.keys("y");
    assert!(h.app.roll.as_ref().unwrap().item.vote_closed);
    h.press(KeyCode::Esc);
}

/// The absent owner under the cursor votes in writing: the dialog asks, `w` answers.
fn written(h: &mut Harness, choice: char) {
    h.keys(&choice.to_string());
    assert!(
        matches!(h.app.modal, Some(Modal::Channel { .. })),
        "asks how it came: {}",
        h.render(80, 24)
    );
    h.keys("w");
}

#[test]
fn a_whole_meeting_set_up_signed_in_voted_closed_and_acted_on_from_the_keys_alone() {
    let mut h = Harness::empty(Lang::Zh);
    // A concern raised between meetings (`pavilion raise`), waiting in the backlog.
    h.raise_lamp_concern();

    // The meeting and its three items, typed on screen.
    fill(
        &mut h,
        &[
            "3号楼议事会",
            // The kind is picked from a list: 1 owners, 2 residents.
            "1",
            "2026-11-28 19:00",
            "莲心亭",
            "郭建敏",
            "马长祥",
            "第１２次",
        ],
    );
    assert_eq!(h.store.meeting(h.meeting).unwrap().number, Some(12));
    assert!(h.render(80, 24).contains("3号楼议事会  第 12 次会议"));
    // Item 1: the rule picked from the list with the arrow keys, its meaning shown as it moves.
    h.keys("i");
    h.fill(&[
        "3号楼2单元加装电梯",
        "王秀兰",
        "3-2-501",
        "2026-10-20",
        "加装电梯",
        "老人上下楼太难",
    ]);
    h.press(KeyCode::Tab);
    assert!(h.render(80, 24).contains("只议不决：只讨论，不表决"));
    h.press(KeyCode::Down);
    assert!(h.render(80, 24).contains("重大事项（民法典第278条第6–8项"));
    h.press(KeyCode::Tab);
    fill(&mut h, &["3-2", "3-2-101"]);
    for item in [
        [
            "维修资金用于屋面防水",
            "马长祥",
            "",
            "",
            "维修资金",
            "顶楼漏水",
            "2",
            "全小区",
            "",
        ],
        [
            "划停车线",
            "李建国",
            "",
            "",
            "",
            "乱停车",
            "3",
            "全小区",
            "",
        ],
    ] {
        h.keys("i");
        fill(&mut h, &item);
    }
    assert_eq!(
        h.item_rules(),
        ["civil-code-major", "civil-code-ordinary", "show-of-hands"]
    );
    let items = h.store.items(h.meeting).unwrap();
    assert_eq!(items[0].consents, [FlatRef::parse("3-2-101").unwrap()]);

    // Thirty owners sign in, typed in the ways people write flats: the box empties after each,
    // so no Backspace (no key but the flat's own characters and Enter) is ever pressed.
    // Unit 3-2 but 602 (who votes in writing), then building 1 until thirty are here.
    h.keys("s");
    let mut flats: Vec<String> = ["3栋2单元101", "３-２-１０２"].map(String::from).to_vec();
    flats.extend(
        [
            "201", "202", "301", "302", "401", "402", "501", "502", "601",
        ]
        .map(|r| format!("3-2-{r}")),
    );
    let mut owners = std::collections::HashSet::new();
    for e in h.store.roster().unwrap() {
        if e.flat.building == "3" && e.flat.unit == "2" {
            owners.insert(e.owner_id);
        }
    }
    owners.remove(
        &h.store
            .find_flat(&FlatRef::parse("3-2-602").unwrap())
            .unwrap()
            .owner_id,
    );
    for e in h.store.roster().unwrap() {
        if owners.len() == 30 {
            break;
        }
        if e.flat.building == "1" && owners.insert(e.owner_id) {
            flats.push(e.flat.to_string());
        }
    }
    for f in &flats {
        h.type_text(f);
        h.press(KeyCode::Enter);
        assert_eq!(h.app.sign_in.query, "", "the box is empty after {f}");
    }
    let here = h.store.attendance(h.meeting).unwrap();
    assert_eq!(here.len(), 30);
    assert!(here.values().all(|a| a.presence == Presence::Present));
    assert!(
        h.render(80, 24).contains("本人到场 30 ·"),
        "{}",
        h.render(80, 24)
    );
    h.press(KeyCode::Esc);

    // Item 1, the unit's elevator: everyone present yes, 602's written ballot, a correction with
    // the host's own reason.
    roll_call(&mut h, 0);
    h.keys("A");
    h.keys("y");
    // The cursor is on the one owner who has not voted: 602, not here.
    written(&mut h, 'y');
    find(&mut h, "3-2-201");
    h.keys("n");
    fill(&mut h, &["业主本人改投反对"]);
    close(&mut h);
    let t = h.store.tally(h.meeting, 1).unwrap().tally;
    assert_eq!((t.yes.owners, t.no.owners), (11, 1));
    assert!(t.passed, "12 of 12 took part; 11 of 12 agree");
    // An action for it.
    h.keys("a");
    fill(
        &mut h,
        &["委托设计单位出具加装电梯方案", "业委会", "2026-12-20"],
    );
    h.press(KeyCode::Esc);

    // Item 2, the estate's ordinary vote: an absent owner's written no, a correction with the
    // default reason offered (当场更正).
    roll_call(&mut h, 1);
    h.keys("A");
    h.keys("y");
    find(&mut h, "3-2-602");
    written(&mut h, 'n');
    find(&mut h, "3-2-101");
    h.keys("a");
    h.press(KeyCode::F(2));
    close(&mut h);
    let t = h.store.tally(h.meeting, 2).unwrap().tally;
    assert_eq!((t.yes.owners, t.no.owners, t.abstain.owners), (29, 1, 1));
    h.press(KeyCode::Esc);

    // Item 3, the show of hands: only those present decide. The absent owner's written ballot is
    // refused with the reason and nothing is written; a correction goes through.
    roll_call(&mut h, 2);
    h.keys("A");
    h.keys("y");
    find(&mut h, "3-2-602");
    written(&mut h, 'y');
    let (status, warning) = h.app.status.clone().unwrap();
    assert!(warning && status.contains("由到会者表决"), "{status}");
    find(&mut h, "1-1-101");
    h.keys("n");
    fill(&mut h, &["举手时看错"]);
    close(&mut h);
    let t = h.store.tally(h.meeting, 3).unwrap().tally;
    assert_eq!(
        (t.yes.owners, t.no.owners, t.participating.owners),
        (29, 1, 30)
    );
    h.keys("a");
    fill(&mut h, &["物业重新划线", "物业", ""]);
    h.press(KeyCode::Esc);

    // The backlog concern, read and scheduled into this meeting.
    h.keys("b");
    assert!(h.render(80, 24).contains("晚上老人出门不方便"));
    h.schedule_lamp_concern(4);

    // What the record holds: how each ballot came, the reasons, the actions; `verify` passes.
    let ballots = h.store.ballot_history(items[0].id).unwrap();
    // The latest ballot of each flat (a correction comes after the first).
    let of = |flat: &str| {
        ballots
            .iter()
            .rfind(|b| b.flat.to_string() == flat)
            .unwrap()
    };
    assert_eq!(of("3-2-602").method, Method::Written);
    assert_eq!(of("3-2-101").method, Method::InPerson);
    assert_eq!(of("3-2-201").reason.as_deref(), Some("业主本人改投反对"));
    assert_eq!(h.store.actions().unwrap().len(), 2);
    common::assert_intact(&h.store);
    let minutes = h.minutes(Lang::Zh);
    for expected in [
        "本小区第 12 次会议",
        "业主本人改投反对",
        "当场更正",
        "举手时看错",
        "书面",
        "委托设计单位出具加装电梯方案",
        "物业重新划线",
        "小区东门路灯不亮",
    ] {
        assert!(minutes.contains(expected), "{expected} missing:\n{minutes}");
    }
}
