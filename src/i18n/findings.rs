use super::catalogue;

catalogue! {
    /// Texts of `verify`'s findings: which row, and what does not fit.
    FindingText {
        Line => "{table} {row}：{message}", "{table} {row}: {message}";
        AtEvent => "（事件 {event}）", " (event {event})";
        RowId => "编号 {id}", "id {id}";
        RowSignIn => "议事会 {meeting} 业主 {owner}", "meeting {meeting} owner {owner}";
        RowFlat => "房号 {flat}", "flat {flat}";
        RowOf => "{what} {id}", "{what} {id}";
        RowIntegrity => "完整性", "integrity";
        RowSchema => "结构版本", "schema";
        RowObject => "{kind} {name}", "{kind} {name}";
        KindTable => "表", "table";
        KindIndex => "索引", "index";
        KindTrigger => "触发器", "trigger";
        KindView => "视图", "view";
        Ballot => "选票", "ballot";
        SignIn => "签到", "sign-in";
        Item => "议题", "item";
        Note => "发言记录", "note";
        Meeting => "议事会", "meeting";
        Action => "办事事项", "action";
        Progress => "进展记录", "progress";
        Concern => "诉求", "concern";
        Added => "没有事件记载此{what}：它是绕过本程序添加的", "no event records this {what}: it was added behind the program's back";
        Deleted => "此{what}有事件记载，但表中没有：它被删除了", "this {what} is recorded by an event but missing from the table: it was deleted";
        AddedOn => "没有事件记载{parent} {id} 上的此{what}：它是绕过本程序添加的", "no event records this {what} on {parent} {id}: it was added behind the program's back";
        NoteMissing => "此事件记载的一条发言记录在表中没有：它被删除了", "a note recorded by this event is missing from the table: it was deleted";
        ProgressMissing => "此事件记载的一条进展记录没有了：它被删除了", "a progress note recorded by this event is missing: it was deleted";
        FieldDiffers => "{column} 为 {actual}，而事件记载为 {expected}", "{column} is {actual} but the events say {expected}";
        Figures => "通过 = {passed}，同意 {yes} / 反对 {no} / 弃权 {abstain}，共 {total} 名业主", "passed = {passed}, {yes} yes / {no} no / {abstain} abstain of {total} owners";
        RecountDiffers => "它记载第 {item} 项为 {recorded}，而重新计票得 {counted}", "it records item {item} as {recorded} but counting its ballots gives {counted}";
        RecountPassed => "它记载第 {item} 项为 通过 = {recorded}，而重新计票得 {counted}", "it records item {item} as passed = {recorded} but counting its ballots gives {counted}";
        CannotRecount => "其表决无法重新计票：{why}", "its vote cannot be counted again: {why}";
        DecidedWhileOpen => "第 {item} 项在其表决仍进行时被记为已决定", "item {item} becomes decided while its vote is still open";
        IntegrityCheck => "SQLite 完整性检查：{line}", "SQLite's integrity check: {line}";
        UnknownVersion => "结构版本 {version} 不是本程序所知的版本", "schema version {version} is not one this build knows";
        ObjectAdded => "没有迁移会创建它：它是绕过本程序添加的", "no migration creates it: it was added behind the program's back";
        ObjectDiffers => "其定义与迁移所创建的不同", "its definition differs from what the migrations create";
        ObjectDropped => "迁移会创建它，但它不存在：它被删除了", "the migrations create it but it is missing: it was dropped";
        ItemTakenChanged => "收入时的内容（标题、说明、表决规则、范围或须同意的房号）被改动过", "what was taken in (title, statement, rule, scope or required consents) was changed";
        MeetingTakenChanged => "收入时的内容（标题、时间、地点、主持人、记录人……）被改动过", "what was taken in (title, time, place, host, secretary …) was changed";
        ResultPassedDiffers => "记载的结果为 通过 = {recorded}，而事件记载为 {expected}", "the recorded result says passed = {recorded} but the events say {expected}";
        NoteDiffers => "发言记录为 {speaker}：{point}（{at}），而事件记载为 {espeaker}：{epoint}（{eat}）", "the note reads {speaker}: {point} ({at}) but the event recorded {espeaker}: {epoint} ({eat})";
        ProgressDiffers => "进展记录为 '{note}'（{at}），而事件记载为 '{enote}'（{eat}）", "the progress note reads '{note}' ({at}) but the event recorded '{enote}' ({eat})";
        RowAll => "（全部）", "(all)";
        RosterUnrecorded => "数据库中有业主和房屋，但没有记载任何名册导入", "owners and flats are in the database but no roster import is recorded";
        RosterDiffers => "业主或房屋（面积、业主、房号）与最后一次名册导入所记载的不同", "the owners or flats (areas, owners, rooms) differ from what the last roster import recorded";
        EstateAdded => "没有事件记载小区：它是绕过本程序添加的", "no event records the estate: it was added behind the program's back";
        EstateDeleted => "小区有事件记载，但表中没有：它被删除了", "the estate is recorded by an event but missing: it was deleted";
        HistoryNotRecorded => "{area} ㎡，业主 {name}（{owner}）在名册历史中，但不在此次导入记载的变更中", "{area} m² owned by {name} ({owner}) is in the roster's history but not among the changes this import recorded";
        HistoryMissing => "{area} ㎡，业主 {name}（{owner}）在此次导入记载的变更中，但不在名册历史中", "{area} m² owned by {name} ({owner}) is among the changes this import recorded but not in the roster's history";
        HistoryCount => "名册历史有 {rows} 行，而各次导入记载了 {changes} 项变更：它被改动过", "{rows} rows of roster history, but the imports recorded {changes} changes: it was edited";
        StepFrom => "它将第 {item} 项从 {from} 改为下一步，但该项当时为 {was}（事件 {at}）", "it moves item {item} from {from} but the item was {was} (event {at})";
        BallotAfterClose => "第 {item} 项表决结束（事件 {at}）之后的选票", "a ballot on item {item} after its vote closed (event {at})";
        ReplacesBallot => "它取代选票 {replaces}，但该业主当时的选票为 {current}", "it replaces ballot {replaces} but the owner's current ballot was {current}";
        BallotTwice => "它再次记载选票 {ballot}", "it records ballot {ballot} a second time";
        Unreadable => "其数据不是可读的 JSON", "its data is not readable JSON";
        ChainGap => "此处应为第 {expected} 个事件：有事件被删除或调换了顺序", "expected event {expected} here: an event was removed or reordered";
        ChainLink => "它与前一个事件的链接不符", "its link to the previous event does not match";
        ChainHash => "其内容与其哈希不符：它被修改过", "its content does not match its hash: it was edited";
    }
}
