use super::catalogue;

catalogue! {
    /// Texts of the paper around a meeting: the notice's closing, those who sat in (列席), ballot
    /// papers and the blank sign-in sheet.
    PaperText {
        BadDays => "公示期天数 {days} 不可用", "a notice period of {days} days cannot be used";
        DaysHint => "请写 1 到 {max} 之间的天数（含张贴当日），例如 notice_days = 7", "give a number of days from 1 to {max} (the posting day included), e.g. notice_days = 7";
        PostedBefore => "公示张贴日期（{posted}）在会议（{meeting}）之前", "the notice would be posted ({posted}) before the meeting ({meeting})";
        PostedBeforeHint => "公示在会议之后张贴：请给出 {meeting} 当天或以后的日期", "the notice is posted after the meeting: give a day on or after {meeting}";
        NoticeIssued => "议事会 {meeting} 的公示已于 {posted} 张贴且表决均已结束：此项修改会改变已张贴的公示。确要重新公示，请加 --reissue", "the notice of meeting {meeting} was posted on {posted} and its votes are closed: this change would alter the posted notice. To issue it again, add --reissue";
        GuestNeedsNameAndRole => "列席人员需要写明姓名和身份（如“社区书记”）", "someone who sat in needs a name and a role (e.g. 'community secretary')";
        GuestTwice => "{name}（{role}）已在列席名单中", "{name} ({role}) is already listed as sitting in";
        NoGuest => "议事会 {meeting} 的列席名单中没有编号 {id}（见 `pavilion guest list {meeting}`）", "meeting {meeting} lists nobody sitting in with number {id} (see `pavilion guest list {meeting}`)";
        NothingChanged => "公示设置没有变化", "the notice settings are unchanged";
        NoticeSet => "议事会 {meeting} 的公示设置已保存", "notice settings of meeting {meeting} saved";
        GuestAdded => "已记录列席 {id}：{name}（{role}）", "recorded {id} sitting in: {name} ({role})";
        GuestRemoved => "已撤销列席 {id}", "withdrew {id} from those sitting in";
        NoGuests => "没有记录列席人员", "nobody recorded as sitting in";
        Guests => "列席人员", "Also sitting in";
        GuestName => "姓名", "Name";
        GuestRole => "身份", "Role";
        Issuer => "发布单位", "Issued by";
        IssuerBlank => "（发布单位）", "(issuing body)";
        Seal => "（盖章）", "(seal)";
        DateBlank => "____年____月____日", "____ (date)";
        NoticePeriod => "公示期", "Notice period";
        PeriodAndObjections => "公示期及异议", "Notice period and objections";
        PeriodFromTo => "自{from}起至{until}止，共 {days} 天", "from {from} to {until} inclusive, {days} days";
        PeriodFromPosting => "自张贴之日起 {days} 天", "{days} days from the day of posting";
        NoIssuer => "公示没有发布单位（议程中的 issuer，或 `pavilion meeting set {meeting} --issuer …`）：留有空白，请手写", "the notice names no issuing body (issuer in the agenda, or `pavilion meeting set {meeting} --issuer …`): a blank is left to fill in by hand";
        NoPosting => "公示没有张贴日期（议程中的 posted_on，或 `pavilion meeting set {meeting} --posted-on …`）：留有空白，请手写", "the notice has no posting day (posted_on in the agenda, or `pavilion meeting set {meeting} --posted-on …`): a blank is left to fill in by hand";
        ShowOfficers => "主持人、记录人在公示上写全名", "the notice names the host and secretary in full";
        MaskOfficers => "主持人、记录人在公示上隐去部分姓名", "the notice masks the host's and secretary's names";
        SettingsLine => "发布单位：{issuer}；张贴日期：{posted}；公示期：{days} 天；{officers}", "issued by: {issuer}; posted on: {posted}; notice period: {days} days; {officers}";
        Unset => "（未设）", "(not set)";
        NotADay => "“{text}”不是日期：请写成 2026-11-29 这样", "'{text}' is not a date: write it like 2026-11-29";
    }
}
