//! Texts of the host's screens.

use super::catalogue;

catalogue! {
    /// A text on screen.
    T {
        AppName => "议事亭", "Pavilion";
        // Screens
        ScreenOverview => "总览", "Overview";
        ScreenSignIn => "签到", "Sign-in";
        ScreenItem => "议题", "Item";
        ScreenRollCall => "唱票表决", "Roll call";
        ScreenActions => "办事清单", "Actions";
        ScreenRaise => "群众说事", "Raise a concern";
        ScreenHelp => "帮助", "Help";
        ScreenExport => "导出纪要", "Export";
        // Keys (footer and help)
        KeyQuit => "退出", "quit";
        KeyHelp => "帮助", "help";
        KeyBack => "返回", "back";
        KeyOpen => "打开", "open";
        KeyMove => "移动", "move";
        KeySignIn => "签到", "sign-in";
        KeyActions => "办事", "actions";
        KeyRaise => "说事", "raise";
        KeyRollCall => "唱票", "roll call";
        KeyYes => "同意", "yes";
        KeyNo => "反对", "no";
        KeyAbstain => "弃权", "abstain";
        KeyStepBack => "上一位", "step back";
        KeyUndo => "撤销", "undo";
        KeyAllYes => "在场全同意", "all present yes";
        KeyCloseVote => "结束表决", "close vote";
        KeyPresent => "到场", "present";
        KeyProxy => "委托", "proxy";
        KeyLeave => "离场", "leaving";
        KeyNote => "发言记录", "note";
        KeyProposal => "方案", "proposal";
        KeyTimer => "计时", "timer";
        KeyDisplay => "大屏", "display";
        KeyAddAction => "新增", "add";
        KeyProgress => "进展", "progress";
        KeyCloseAction => "销号", "close";
        KeySave => "保存", "save";
        KeyNextField => "下一栏", "next field";
        KeyCancel => "取消", "cancel";
        KeyConfirm => "确认", "confirm";
        KeyToAgenda => "列入议程", "to agenda";
        KeyToBacklog => "存入待议", "to backlog";
        KeyResolution => "决议", "resolution";
        KeyExport => "导出", "export";
        KeyDefer => "暂缓", "defer";
        KeyWithdraw => "撤回", "withdraw";
        ConfirmStep => "将此议题改为“{step}”？", "Mark this item as {step}?";
        KeyFormat => "格式", "format";
        KeyVariant => "纪要/公示", "minutes/notice";
        ExportFormat => "格式", "Format";
        ExportVariant => "文件", "Document";
        Minutes => "会议纪要（存档）", "Minutes (for the archive)";
        PublicNotice => "公示（姓名已隐去，可张贴）", "Public notice (names masked, for the notice board)";
        ExportLang => "语言", "Language";
        ExportWhere => "保存位置", "Saved in";
        ExportedTo => "已导出", "Exported";
        LastExport => "上次导出", "Last export";
        // Overview
        MeetingTime => "时间", "Time";
        MeetingPlace => "地点", "Place";
        MeetingHost => "主持人", "Host";
        MeetingSecretary => "记录人", "Secretary";
        Agenda => "议程", "Agenda";
        Attendance => "到会情况", "Attendance";
        OwnersUnit => "人", "owners";
        InPerson => "本人到场", "in person";
        ByProxy => "委托到场", "by proxy";
        Here => "到会", "here";
        OfTotal => "总计", "of";
        QuorumLine => "三分之二：需 {owners} 人且 {area} ㎡", "2/3 needs {owners} owners and {area} m²";
        QuorumReached => "到会已达三分之二（人数与面积）", "two thirds here, by headcount and area";
        QuorumShort => "到会尚差 {owners} 人、{area} ㎡", "short of two thirds by {owners} owners, {area} m²";
        NoVoteShort => "不表决", "no vote";
        BacklogCount => "待议事项 {n} 件", "waiting in the backlog: {n}";
        OpenActionsCount => "未销号事项 {n} 件（逾期 {overdue}）", "open actions: {n} ({overdue} overdue)";
        // Steps
        StepRaised => "已提出", "raised";
        StepDiscussed => "已讨论", "discussed";
        StepDecided => "已决定", "decided";
        StepActing => "办理中", "acting";
        StepClosed => "已销号", "closed";
        StepDeferred => "暂缓", "deferred";
        StepWithdrawn => "已撤回", "withdrawn";
        // Item
        Step1 => "一、群众说事", "1. Residents raise it";
        Step2 => "二、支部议事", "2. The branch discusses it";
        Step3 => "三、社区办事", "3. The community acts on it";
        RaisedBy => "提出人", "Raised by";
        RaisedOn => "提出日期", "Raised on";
        Statement => "诉求", "In their words";
        Discussion => "发言记录", "Discussion";
        NoNotes => "（暂无发言）", "(no one has spoken yet)";
        Proposal => "方案", "Proposal";
        NoProposal => "（尚无方案）", "(no proposal yet)";
        Resolution => "决议", "Resolution";
        Rule => "表决规则", "Rule";
        Scope => "表决范围", "Scope";
        ScopeEstate => "全小区", "the whole estate";
        ScopeBuilding => "{b}号楼", "building {b}";
        ScopeUnit => "{b}号楼{u}单元", "building {b} unit {u}";
        RequiredConsents => "须同意的业主", "Required consents";
        NoActions => "（暂无办事事项）", "(no actions yet)";
        SpeakingTimer => "发言计时", "Speaking time";
        TimeUp => "时间到", "time is up";
        Speaker => "发言人", "Speaker";
        Point => "发言要点", "Point";
        // Rules
        RuleMajor => "重大事项：双三分之二参与、双四分之三同意", "major: double 2/3 take part, double 3/4 approve";
        RuleOrdinary => "一般事项：双三分之二参与、双过半数同意", "ordinary: double 2/3 take part, double majority approve";
        RuleHands => "举手表决：到会者中，同意超过表决人数的一半", "show of hands: of those present, more than half of those voting say yes";
        RuleNone => "只议不决", "discussion only";
        RuleCustom => "自定规则", "custom rule";
        RuleCustomText => "自定规则“{name}”：参与 {take}；同意 {approve}", "custom rule “{name}”: take part {take}; approve {approve}";
        NoThreshold => "无要求", "none";
        ClosedPassed => "表决已结束：通过（{date}）", "vote closed: PASSED ({date})";
        ClosedFailed => "表决已结束：未通过（{date}）", "vote closed: NOT PASSED ({date})";
        // Roll call
        Flat => "房号", "Flat";
        Owner => "业主", "Owner";
        Area => "面积", "Area";
        Presence => "到会", "Here";
        Ballot => "表决", "Ballot";
        Absent => "未到", "absent";
        Left => "已离场", "left";
        Written => "书面", "written";
        Pending => "记录中…", "recording…";
        Participation => "参与", "Take part";
        Approval => "同意", "Approve";
        ByArea => "面积", "area";
        ByHeads => "人数", "owners";
        Total => "总数", "Total";
        Participating => "参与", "Taking part";
        Yes => "同意", "Yes";
        No => "反对", "No";
        Abstain => "弃权", "Abstain";
        NotVoted => "未表决", "not voted";
        Met => "达到", "met";
        NotMet => "未达到", "not met";
        VerdictNoVote => "只议不决，无需表决", "discussion only, no vote";
        VerdictCertain => "已确定通过（其余业主无论如何表决都不会改变），表决仍开放", "certain to pass (the remaining owners cannot change that); the vote is still open";
        VerdictPassing => "目前可以通过", "passes so far";
        VerdictAwaiting => "参与表决未达到（还需 {owners} 名业主、{area} ㎡）", "participation not yet reached (need {owners} more owners and {area} m²)";
        VerdictNoVotesYet => "尚无人表决", "no votes yet";
        VerdictFailing => "目前不能通过", "does not pass so far";
        VerdictNoParticipation => "已无法通过：参与率已不可能达到", "cannot pass any more: participation can no longer be reached";
        VerdictNoApproval => "已无法通过：同意率已不可能达到", "cannot pass any more: approval can no longer be reached";
        VerdictNoConsent => "已无法通过：须同意的业主未同意", "cannot pass any more: a required consent was not given";
        VoteClosed => "表决已结束", "vote closed";
        ResultPassed => "通过", "PASSED";
        ResultFailed => "未通过", "NOT PASSED";
        ConfirmAllYes => "为在场且尚未表决的 {n} 名业主记录“同意”？之后可逐一更正。", "Record YES for the {n} owners present who have not voted? You can correct each one after.";
        ConfirmClose => "结束表决并记录结果？结束后不能再更改。", "Close the vote and record the result? It cannot be changed afterwards.";
        NothingToUndo => "没有可撤销的表决", "nothing to undo";
        NoVoteOnItem => "此议题只议不决，没有表决", "this item is for discussion only: no vote";
        // Sign-in
        SearchHint => "输入房号（3-2-501 / 3栋2单元501）或姓名", "type a flat (3-2-501 / 3栋2单元501) or a name";
        ProxyName => "受托人姓名", "Proxy holder's name";
        Matches => "{n} 名业主", "{n} owners";
        // Actions
        What => "事项", "What";
        Who => "责任方", "Who";
        Due => "期限", "Due";
        Status => "状态", "Status";
        Overdue => "逾期", "overdue";
        CarriedOver => "上次遗留", "carried over";
        OpenStatus => "待办", "open";
        InProgress => "办理中", "in progress";
        ClosedStatus => "已销号", "closed";
        WhoHint => "社区 / 物业 / 业委会 / 姓名", "community / property / committee / a name";
        DueHint => "YYYY-MM-DD，可留空", "YYYY-MM-DD, may be empty";
        ProgressNote => "进展情况", "Progress";
        Confirmation => "居民确认（谁确认、如何确认）", "Confirmed by (who, how)";
        ForItem => "关联议题", "Item";
        EstateWide => "全小区", "estate-wide";
        WhoCommunity => "社区居委会", "Community office";
        WhoProperty => "物业公司", "Property company";
        WhoCommittee => "业主委员会", "Owners' committee";
        BadDate => "日期格式应为 YYYY-MM-DD", "write the date as YYYY-MM-DD";
        // Raise
        RaiseBy => "提出人", "Raised by";
        RaiseFrom => "房号（可留空）", "Flat (may be empty)";
        RaiseText => "诉求内容", "The concern";
        Saved => "已保存", "saved";
        AddedToAgenda => "已列入本次议程", "added to this meeting's agenda";
        AddedToBacklog => "已存入待议事项", "logged in the backlog";
        // The database file deleted or replaced under the screens
        FileGone => "数据库文件 {path} 已被删除、移走或替换：屏幕不再写入，已显示的内容仍在内存中，请保存一份副本",
            "the database file {path} was deleted, moved or replaced: the screens write nothing more; what they show is still in memory, save a copy";
        NotWriting => "【未写入：数据库文件已不是打开时的那个】", "[NOT WRITING: the database file is not the one opened]";
        RescueTitle => "保存副本（取自仍打开的记录）", "Save a copy (from the record still open)";
        RescuePath => "副本保存到（新文件或文件夹）", "Save the copy to (a new file or a folder)";
        RescueHint => "此副本含本次会议至今记录的一切，保存后经核验", "the copy holds everything recorded so far, and is checked once saved";
        RescueSaved => "副本已保存并核验：{path}（{events} 个事件）；今后请用 --db 打开它",
            "copy saved and checked: {path} ({events} events); open it with --db from now on";
        // General
        TooSmall => "终端窗口太小：至少需要 {w}×{h}，现在是 {cw}×{ch}", "The terminal is too small: it needs {w}×{h}, it is {cw}×{ch}";
        Error => "错误", "Error";
        Required => "此项必填", "this field is required";
        NotAFlat => "不是有效房号：请写成 3-2-501 或 3栋2单元501", "not a flat: write 3-2-501 or 3栋2单元501";
        Yn => "Y 确认 / N 取消", "Y confirm / N cancel";
        // Moving through long lists
        KeyPageUp => "上页", "page up";
        KeyPageDown => "下页", "page down";
        KeyFirst => "第一位", "first";
        KeyLast => "最后一位", "last";
        KeyScroll => "滚动", "scroll";
        KeyFind => "查找", "find";
        KeyShowAll => "显示/隐藏未到", "show/hide absent";
        FindPrompt => "查找房号或姓名：", "find a flat or name: ";
        KeyJump => "确定", "done";
        NoMatch => "没有匹配的业主", "no owner matches";
        AbsentHidden => "另有 {n} 名业主未到且未表决，已隐藏（o 显示）", "{n} absent owners who have not voted are hidden (o shows them)";
        // Sign-in feedback
        TypeFirst => "请先输入房号或姓名", "type a flat or a name first";
        SignedIn => "{flat} {name}：{how}", "{flat} {name}: {how}";
        LeaveNotHere => "{flat} {name} 未签到：只有到会的人才能登记离场", "{flat} {name} has not signed in: only someone present can leave";
        KeyClear => "清空", "clear";
        // How a ballot came, and why it changed
        ChannelTitle => "{flat} {name} 不在场：这张票是怎么来的？", "{flat} {name} is not here: how did this ballot come?";
        ChannelWritten => "书面表决票", "written ballot";
        ChannelProxy => "委托代投（填写受托人）", "by proxy (name the holder)";
        ChannelInPerson => "本人其实在场（同时签到）", "in person after all (signs them in)";
        CorrectionTitle => "更正已记录的表决", "Change a recorded ballot";
        CorrectionReason => "更正理由（写入纪要）", "Reason (goes into the minutes)";
        DefaultCorrection => "当场更正", "corrected on the spot";
        StillRecording => "上一票还在记录中，请稍候再按", "the last ballot is still being recorded: press again in a moment";
        EscAgain => "已输入的内容尚未保存：再按 Esc 放弃，F2 保存", "what you typed is not saved: Esc again discards it, F2 saves it";
        HelpThisScreen => "{screen}", "{screen}";
        HelpEverywhere => "各屏通用", "On every screen";
        HelpForms => "填写表单时", "In a form";
        HelpAbsent => "为不在场的业主记票时", "A ballot for an owner who is not here";
        HelpKeyHelp => "帮助（按任意键关闭）", "this help (any key closes it)";
        HelpKeyBack => "返回上一屏", "back to the previous screen";
        HelpKeyFields => "下一栏 / 上一栏", "next / previous field";
        HelpKeyCancel => "取消（已输入的内容会先询问）", "cancel (asks first if you typed)";
        HelpKeyClear => "清空本栏", "clear the field";
        // Backlog and new items
        ScreenBacklog => "待议事项", "Backlog";
        KeyBacklog => "待议事项", "backlog";
        KeySchedule => "列入本次议程", "schedule here";
        KeyNewItem => "新增议题", "new item";
        BacklogEmpty => "没有待议事项", "the backlog is empty";
        ConfirmSchedule => "把待议事项 {n} 列入本次议程？（先作为只议不决的议题，之后可改）", "Put concern {n} on this meeting's agenda? (as a discussion item for now)";
        NewItemTitle => "新增议题", "New item";
        ItemTitle => "议题名称", "Title";
        RuleHint => "1 重大事项 / 2 一般事项 / 3 举手表决 / 4 只议不决", "1 major / 2 ordinary / 3 show of hands / 4 discussion only";
        ScopeHint => "全小区 / 3 / 3-2 / 房号列表", "estate / 3 / 3-2 / a list of flats";
        ConsentsHint => "房号，可留空", "flats, may be empty";
        BadRule => "表决规则请填 1–4 或规则名", "write the rule as 1–4 or its name";
        BadScope => "表决范围请写 全小区、楼号（3）、单元（3-2）或房号列表", "write the scope as estate, a building (3), a unit (3-2) or a list of flats";
        NotAFlatNamed => "“{text}”不是有效房号：请写成 3-2-501", "“{text}” is not a flat: write 3-2-501";
        // The speakers' queue
        KeyAddSpeaker => "登记发言", "asks to speak";
        KeyNextSpeaker => "下一位发言", "next speaker";
        KeyDoneSpeaker => "发言结束", "speaker done";
        KeyLonger => "加时", "longer turns";
        KeyShorter => "减时", "shorter turns";
        KeyBell => "提示音", "bell";
        NoOneWaiting => "没有人排队发言", "no one is waiting to speak";
        TurnLength => "每人发言 {m}:{s}", "turns of {m}:{s}";
        BellOn => "时间到时响铃", "the bell rings at zero";
        BellOff => "时间到时不响铃", "no bell at zero";
        TimeAlmostUp => "还剩不到 30 秒", "under 30 seconds left";
        Waiting => "排队 {n} 人：{names}", "waiting ({n}): {names}";
        UndoReason => "撤销误录", "undone: entered by mistake";
    }
}
