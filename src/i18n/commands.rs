//! Texts of the meeting commands: check, intake, meetings, sign-in, ballots, tally, notes, the
//! backlog, actions, export.

use super::catalogue;

catalogue! {
    /// A text of a meeting command.
    CmdText {
        // check and intake
        Utf16 => "文件是 UTF-16 文本（记事本的“Unicode”），不是 UTF-8", "the file is UTF-16 text (Notepad's \"Unicode\"), not UTF-8";
        SaveAsUtf8 => "请把议程另存为 UTF-8（记事本：另存为… → 编码：UTF-8）", "save the agenda as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)";
        Binary => "文件含二进制数据，不是文本", "the file holds binary data, not text";
        BinaryHint => "议程是用编辑器写的文本文件（.toml）：请确认文件是否选对", "an agenda is a text file (.toml) written in an editor: check that this is the right file";
        NotUtf8 => "文件不是有效的 UTF-8", "the file is not valid UTF-8";
        NoDbToCheck => "{path} 处没有数据库可供核对议程：请用 --roster FILE 指定名册，或先导入名册", "no database at {path} to check the agenda against: give --roster FILE, or import a roster first";
        NoRosterYet => "数据库中还没有业主名册：请先导入（`pavilion roster import FILE`），或用 --roster FILE 指定", "the database has no roster yet: import one (`pavilion roster import FILE`) or give --roster FILE";
        NoRosterForIntake => "数据库中还没有业主名册：请先导入（`pavilion roster import FILE`）", "the database has no roster yet: import one first (`pavilion roster import FILE`)";
        CheckOk => "{file}：无误——“{title}”，{items}", "{file}: ok — '{title}', {items}";
        CheckOffset => "{file}：开始时间“{starts}”未写时区，按本机时区 {offset} 理解", "{file}: the start '{starts}' has no offset; taken as this machine's {offset}";
        CheckNoMeetings => "未对照任何数据库中的议事会（{path} 处没有数据库）：会议编号是否已被占用、议程是否已导入，导入时才会核对", "not compared with any database's meetings (there is none at {path}): whether a meeting number is taken, or the agenda was taken in already, is checked at intake";
        Item => "项议题", "item";
        Items => "项议题", "items";
        // meetings
        NoMeetings => "还没有议事会：用 `pavilion intake FILE` 导入议程", "no meetings yet: take one in with `pavilion intake FILE`";
        MeetingLine => "{id}  {starts}  {title}  {place}（{items}）", "{id}  {starts}  {title}  {place} ({items})";
        // discussion
        Noted => "已记录议题 {item} 的发言", "noted on item {item}";
        ProposalRecorded => "议题 {item}：已记录方案", "item {item}: proposal recorded";
        ResolutionRecorded => "议题 {item}：已记录决议", "item {item}: resolution recorded";
        NotAStep => "“{step}”不是议题状态", "'{step}' is not a step";
        StepNow => "议题 {item} 现为“{step}”", "item {item} is now {step}";
        // sign-in and ballots
        Attended => "{flat} {owner}：{presence}", "{flat} {owner}: {presence}";
        BallotWithdrawn => "议题 {item}：已撤回 {flat} 的表决", "item {item}: ballot of {flat} withdrawn";
        BadChoice => "表决意见只能是 yes（同意）、no（反对）或 abstain（弃权）", "the choice is yes, no or abstain";
        BallotRecorded => "议题 {item}：{flat} {choice}（{method}）", "item {item}: {flat} {choice} ({method})";
        WrittenRecorded => "议题 {item}：已记录 {ballots}", "item {item}: {ballots} recorded";
        WrittenBallot => "张书面表决票", "written ballot";
        WrittenBallots => "张书面表决票", "written ballots";
        RoomColumn => "房号", "room";
        VoteClosed => "议题 {item} 表决结束：{result}", "item {item} closed: {result}";
        ClosedNoVote => "议题 {item} 已记为已决定（只议不决，无需表决）", "item {item} recorded as decided (discussion only, no vote)";
        // tally
        TallyHead => "议题 {item}：{title}——{rule}（表决范围：{scope}，表决{status}）", "item {item}: {title} — {rule} (scope {scope}, vote {status})";
        VoteOpenWord => "进行中", "open";
        VoteClosedWord => "已结束", "closed";
        OwnersColumn => "业主（人）", "owners";
        AreaColumn => "面积（㎡）", "area m²";
        TallyCondition => "{what}（{threshold}）：{met}", "{what} {threshold}: {met}";
        TallyConsent => "须同意的业主 {flat}：{choice}", "required consent of {flat}: {choice}";
        TallyVerdict => "结论：{verdict}", "verdict: {verdict}";
        // backlog and actions
        ConcernLogged => "诉求 {id} 已存入待议事项", "concern {id} logged in the backlog";
        ItemAdded => "已在议事会 {meeting} 增加议题 {item}", "item {item} added to meeting {meeting}";
        Scheduled => "诉求 {concern} 已列为议事会 {meeting} 的议题 {item}", "concern {concern} is item {item} of meeting {meeting}";
        BacklogEmpty => "待议事项为空", "the backlog is empty";
        ScheduledMark => "［已列入议程］", " [scheduled]";
        ConcernLine => "{id}  {date}  {by}{from}：{text}{status}", "{id}  {date}  {by}{from}: {text}{status}";
        BadDate => "“{text}”不是日期：请写成 2026-12-15、2026/12/15 或 2026年12月15日", "'{text}' is not a date: write it as 2026-12-15, 2026/12/15 or 2026年12月15日";
        ActionAdded => "已新增办理事项 {id}", "action {id} added";
        ActionUpdated => "已记录办理事项 {id} 的进展", "action {id} updated";
        ActionClosed => "办理事项 {id} 已销号", "action {id} closed";
        NoOpenActions => "没有未销号的办理事项", "no open actions";
        NoDue => "无期限", "no due date";
        OverdueMark => "，已逾期", " OVERDUE";
        ActionLine => "{id}  ［{status}{overdue}］{what}——{who}（期限：{due}）", "{id}  [{status}{overdue}] {what} — {who} (due {due})";
        ActionItem => "关联议题：{item}", "item: {item}";
        ActionProgress => "{date}：{note}", "{date}: {note}";
        ActionConfirmed => "居民确认：{confirmation}", "confirmed: {confirmation}";
        // roster list
        RosterTotal => "{flats}，{owners}，{area} ㎡", "{flats}, {owners}, {area} m²";
        // export
        NoFormat => "请用 `--format md|html|json|csv|docx|xlsx` 指定格式", "give --format md|html|json|csv|docx|xlsx";
        FormatFromName => "无法从“{path}”看出格式：请用 `--format md|html|json|csv|docx|xlsx` 指定", "cannot tell the format from '{path}': give --format md|html|json|csv|docx|xlsx";
        ObjectionsUntil => "--objections-until “{text}”不是日期：请写成 2026-12-05 这样", "--objections-until '{text}' is not a date: write it like 2026-12-05";
        NoticeBlanks => "公示中提出异议的地点和截止日期留空待填（可用 --objections-to 地点 --objections-until 日期 给出）", "the notice leaves blanks for where and until when objections are raised (give --objections-to TEXT --objections-until DATE)";
        NotAFileName => "“{path}”不是文件名：它以“..”结尾，指的是一个文件夹，不是文件。请在 -o 后写要写入的文件名（如 纪要.md），或写一个已有的文件夹（文件名会自动取）", "'{path}' is not a file name: it ends in '..', which names a folder, not a file. After -o give the name of the file to write (such as minutes.md), or a folder that exists (the file is then named for you)";
        CannotWrite => "无法写入 {path}：{error}", "cannot write {path}: {error}";
        Wrote => "已写入 {path}", "wrote {path}";
    }
}
