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
        PeriodFromTo => "自{from}起至{until}止，共 {days}", "from {from} to {until} inclusive, {days}";
        PeriodFromPosting => "自张贴之日起 {days}", "{days} from the day of posting";
        Day => "天", "day";
        Days => "天", "days";
        NoIssuer => "公示没有发布单位（议程中的 issuer，或 `pavilion meeting set {meeting} --issuer …`）：留有空白，请手写", "the notice names no issuing body (issuer in the agenda, or `pavilion meeting set {meeting} --issuer …`): a blank is left to fill in by hand";
        NoPosting => "公示没有张贴日期（议程中的 posted_on，或 `pavilion meeting set {meeting} --posted-on …`）：留有空白，请手写", "the notice has no posting day (posted_on in the agenda, or `pavilion meeting set {meeting} --posted-on …`): a blank is left to fill in by hand";
        ShowOfficers => "主持人、记录人在公示上写全名", "the notice names the host and secretary in full";
        MaskOfficers => "主持人、记录人在公示上隐去部分姓名", "the notice masks the host's and secretary's names";
        SettingsLine => "发布单位：{issuer}；张贴日期：{posted}；公示期：{days}；{officers}", "issued by: {issuer}; posted on: {posted}; notice period: {days}; {officers}";
        Unset => "（未设）", "(not set)";
        NoVoteNoPapers => "议题 {item} 不表决，没有表决票", "item {item} has no vote: there are no ballot papers for it";
        PaperTitle => "{estate}业主表决票", "{estate} — owner's ballot paper";
        Matter => "表决事项：", "Matter: ";
        PaperOwner => "业主", "Owner";
        PaperFlats => "房号", "Flat(s)";
        PaperArea => "专有部分面积", "Floor area";
        MarkOne => "请在所选意见前的“□”内打“√”，只选一项。", "Tick (√) the box of your choice; one choice only.";
        SignLine => "业主（或受托人）签名：________________　　日期：____年____月____日", "Signature of the owner (or authorised agent): ________________    Date: ____________";
        ReturnBy => "请于{date}前交回本表决票。", "Please return this ballot paper by {date}.";
        ShareArea => "专有部分面积 {t}", "floor area {t}";
        ShareHeads => "业主人数 {t}", "owners {t}";
        ShareAreaVoting => "参与表决面积的 {t}", "{t} of the floor area voting";
        ShareHeadsVoting => "参与表决人数的 {t}", "{t} of the owners voting";
        And => "，且", ", and ";
        TakingPartMust => "；参与表决须达到{what}", "; taking part must reach {what}";
        ApprovalMust => "；同意须达到{what}", "; approval must reach {what}";
        FullStop => "。", ".";
        LongMatter => "议题 {item} 的表决事项较长（{n} 字）：表决票可能超过半页，请打印前预览", "the matter of item {item} is long ({n} characters): a ballot paper may not fit half a page; preview before printing";
        SheetTitle => "{meeting} — 签到表", "{meeting} — sign-in sheet";
        SheetSignature => "签名", "Signature";
        SheetAgent => "委托代理人（签名）", "Authorised agent (signature)";
        SheetTime => "签到时间", "Time";
        SheetHow => "每名业主一行。委托他人到会的，由受托人在“委托代理人”栏签名，并交授权委托书。", "One row per owner. An authorised agent signs in the agent column and hands in the written authorisation.";
        SheetCount => "名册共 {owners} 名业主、{flats} 套房屋。", "The roster lists {owners} owners and {flats} flats.";
        NotPaperFormat => "表决票和签到表只有 html 或 docx 格式", "ballot papers and sign-in sheets come as html or docx only";
        NotADay => "“{text}”不是日期：请写成 2026-11-29 这样", "'{text}' is not a date: write it like 2026-11-29";
    }
}
