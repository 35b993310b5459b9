//! Texts of setting a meeting up on screen: refusals of the store and what the forms explain.

use super::catalogue;

catalogue! {
    /// Setting up a meeting and its items without an agenda file.
    SetupText {
        MeetingNeedsTitle => "议事会需要一个标题", "the meeting needs a title";
        KindLocked => "已有人投票，议事会类型不能再改", "ballots have been cast in this meeting: its kind can no longer change";
        SameMeeting => "已有同名、同一时间的议事会 {id}", "meeting {id} already has this title and start";
        ItemNeedsTitle => "议题需要标题和提出人", "an item needs a title and who raised it";
        RuleLocked => "议题 {item} 已开始表决（已有 {n} 张票）：表决规则、范围和须同意业主不能再改；标题和陈述仍可修改", "item {item}: voting has begun ({n} ballots recorded), so its rule, scope and required consents can no longer change; its title and statement still can";
        CannotMove => "议题 {item} 不能再往这个方向移动", "item {item} cannot move further that way";
        EmptyScope => "范围“{scope}”在业主名册中没有任何房屋", "the scope '{scope}' holds no flat of the roster";
        FlatOutside => "房号 {flat} 不在业主名册中", "flat {flat} is not in the roster";
        ConsentNeedsVote => "只议不决的议题不能要求业主同意：请选择一个要表决的规则", "an item without a vote cannot require consents: pick a rule with a vote";
        ConsentOutside => "须同意的房号 {flat} 不在名册中，或不在该议题的范围内", "the consenting flat {flat} is not in the roster or not within the item's scope";
        ScopeCovers => "范围内：{flats} 套房屋、{owners} 位业主、面积 {area}", "in scope: {flats} flats, {owners} owners, {area}";
        ScopeUnread => "范围写法：全小区、3（楼栋）、3-2（单元）或房号列表", "scope: estate, 3 (building), 3-2 (unit) or a list of flats";
        ExplainMajor => "重大事项（民法典第278条第6–8项：筹集维修资金、改建重建、改变共有部分用途）：参与 面积与人数均 ≥ 2/3；同意 参与者面积与人数均 ≥ 3/4", "major matter (Civil Code art. 278 items 6–8: raising the fund, rebuilding, changing common parts): participation ≥ 2/3 of area and of owners; approval ≥ 3/4 of participating area and owners";
        ExplainOrdinary => "一般事项（民法典第278条其他事项，如使用维修资金）：参与 面积与人数均 ≥ 2/3；同意 参与者面积与人数均过半数", "ordinary matter (Civil Code art. 278, other matters, e.g. using the fund): participation ≥ 2/3 of area and of owners; approval more than half of participating area and owners";
        ExplainHands => "举手表决（协商事项）：到会者中，同意超过表决人数的一半", "show of hands (consultative): among those present, more than half of those voting agree";
        ExplainNone => "只议不决：只讨论，不表决", "discussion only: no vote";
        RuleUnread => "规则：1 重大事项、2 一般事项、3 举手表决、4 只议不决", "rule: 1 major, 2 ordinary, 3 show of hands, 4 discussion only";
        KindUnread => "类型：用 ↑↓ 选择业主议事会或居民议事会", "kind: choose owners' or residents' meeting with ↑↓";
        BadStart => "时间写法：2026-11-28 19:00", "time: write it like 2026-11-28 19:00";
        MeetingCreated => "已建立议事会 {id}：按 i 添加议题", "meeting {id} created: press i to add items";
        Moved => "议题已移到第 {n} 项", "the item is now number {n}";
        ChoiceMajor => "重大事项", "major";
        ChoiceOrdinary => "一般事项", "ordinary";
        ChoiceHands => "举手表决", "show of hands";
        ChoiceNone => "只议不决", "no vote";
        ChoiceOwners => "业主议事会（业主共同决定）", "owners' meeting (joint decisions)";
        ChoiceResidents => "居民议事会（协商议事）", "residents' meeting (consultation)";
        ChoiceCustom => "自定规则“{name}”", "custom rule “{name}”";
        BadRaisedOn => "提出日期“{text}”不是有效日期：请写成 2026-10-20（年-月-日）", "the day raised “{text}” is not a date: write it like 2026-10-20 (year-month-day)";
        RaisedAfter => "提出日期 {day} 晚于会议日期 {meeting}：诉求应在会前提出，请检查年月", "the day raised ({day}) is after the meeting ({meeting}): a concern comes before the meeting that discusses it; check the year and month";
        ItemRaisedAfter => "议题 {item}（“{title}”）的提出日期 {day} 晚于会议日期 {meeting}：诉求应在讨论它的会议之前提出，请检查年月", "item {item} ('{title}'): the day raised ({day}) is after the meeting ({meeting}) — a concern comes before the meeting that discusses it; check the year and month";
        MeetingBeforeRaised => "议题 {item} 的提出日期是 {day}，会议不能改到在此之前的 {meeting}：请检查会议日期，或先更正该议题的提出日期", "item {item} was raised on {day}: the meeting cannot move to {meeting}, before that — check the meeting's date, or first correct the item's day raised";
        OfficersMasked => "隐去（郭*敏）", "masked (郭*敏)";
        OfficersShown => "写明全名", "named in full";
        BadNoticeDays => "公示期天数“{days}”不可用：请写 1 到 {max} 之间的整数（含张贴当日），空着则为 7 天", "a notice period of “{days}” days cannot be used: give a whole number from 1 to {max} (the posting day included), or leave it empty for 7";
        NoticeOut => "公示已于 {posted} 张贴，表决均已结束：此修改会改变已张贴的公示。确要重新公示，请按 F3", "the notice was posted on {posted} and the votes are closed: this change alters the posted notice. To issue it again, press F3";
        HeaderOnNotice => "公示已于 {posted} 张贴，表决均已结束：会议的名称、编号、时间、地点和主持人、记录人都印在已张贴的公示上，不能直接修改。确要更正，请先在公示设置（N）中清空张贴日期并按 F3 重新公示，改好后再填回张贴日期", "the notice was posted on {posted} and the votes are closed: the meeting's title, number, time, place, host and secretary are printed on the posted notice and cannot change just like that. To correct them, first clear the posting day in the notice settings (N) and press F3 to issue it again, then change the header and give the posting day again";
        HeaderAfterClose => "议题 {item} 的表决已于 {closed} 结束：会议的名称、类型、编号、时间、地点和主持人、记录人都写在已结束表决的纪要里，纪要须保持原样，不能再改。如确有错误，请在已签字的纪要上写明更正（更正说明，由主持人和记录人签字）；本系统中的记录保持原样", "the vote on item {item} closed at {closed}: the meeting's title, kind, number, time, place, host and secretary are in the minutes of the votes closed, which stay as they were, so they can no longer change. If one is wrong, write the correction on the signed minutes (a note of correction, signed by the host and the secretary); the record here stays as it is";
        ItemAfterClose => "议题 {item} 的表决已结束：它的标题、提出人、日期和陈述都写在表决纪要里，纪要须保持原样，不能再改。如确有错误，请在已签字的纪要上写明更正", "the vote on item {item} is closed: its title, who raised it, when, and its statement are in the minutes of the vote, which stay as they were, so they can no longer change. If one is wrong, write the correction on the signed minutes";
        MoveAfterClose => "议题 {item} 的表决已结束，纪要中以“议题 {item}”记载：它在议程中的位置不能再变", "the vote on item {item} is closed and its minutes call it item {item}: its place on the agenda can no longer change";
        ItemsOnNotice => "公示已于 {posted} 张贴，表决均已结束：议题的内容和顺序都印在已张贴的公示上，不能直接修改。确要更正，请先在公示设置（N）中清空张贴日期并按 F3 重新公示，改好后再填回张贴日期", "the notice was posted on {posted} and the votes are closed: the items, their texts and their order are printed on the posted notice and cannot change just like that. To correct them, first clear the posting day in the notice settings (N) and press F3 to issue it again, then change the items and give the posting day again";
        MeetingUnchanged => "议事会信息没有改变", "the meeting's header is unchanged";
        BadNumber => "会议编号请填正整数，如 12（也可留空）", "meeting number: a whole number such as 12 (or leave it empty)";
        NumberTaken => "编号 {n} 已是议事会 {id}（{title}）的编号（同类议事会各自编号）：同类的下一个编号是 {next}，请改用它，或留空", "number {n} is already meeting {id}'s ({title}), a meeting of the same kind (each kind is numbered on its own): the next number of this kind is {next} — give that, or leave it empty";
        NoMeetingYet => "还没有议事会：按 M 新建一个（q 退出）", "no meeting yet: press M to set one up (q to quit)";
    }
}
