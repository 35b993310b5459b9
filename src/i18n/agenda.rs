//! Texts of agenda checking: every problem `check` and `intake` report, and what to do about it.

use super::catalogue;

catalogue! {
    /// A problem in an agenda file, or its hint.
    AgendaText {
        // Names of the tables, used inside other messages
        TableMeeting => "[meeting]", "[meeting]";
        TableItem => "议题 {n}", "item {n}";
        TableRule => "规则“{name}”", "rule '{name}'";
        TableCost => "议题 {n} 的费用分摊", "the cost plan of item {n}";
        // Types, as people say them
        TypeString => "文字", "a string";
        TypeInteger => "整数", "an integer";
        TypeDecimal => "小数", "a decimal number";
        TypeBoolean => "true/false", "true/false";
        TypeDateTime => "日期和时间", "a date and time";
        TypeDate => "日期", "a date";
        TypeTime => "时间", "a time";
        TypeList => "列表", "a list";
        TypeTable => "表", "a table";
        TypeListOfTables => "表的列表", "a list of tables";
        TypeFloorTable => "“楼层 = 系数”的表", "a table of floor = coefficient";
        TypeNumber => "数字", "a number";
        TypeTrueFalse => "true 或 false", "true or false";
        TypeStringOrFlats => "文字或房号列表", "a string or a list of flats";
        TypeListOfFlats => "房号列表", "a list of flats";
        UnitAsText => "请把单元写成文字：scope = \"{unit}\"", "write a unit as text: scope = \"{unit}\"";
        ForExample => "例如 {example}", "e.g. {example}";
        WriteAs => "请写成 {example}", "write {example}";
        // Keys and values
        MissingKey => "{table} 缺少“{key}”", "{table} is missing '{key}'";
        AddKey => "请加上 {example}（{what}）", "add {example} ({what})";
        EmptyKey => "“{key}”是空的", "'{key}' is empty";
        FillIn => "请填写{what}，例如 {example}", "fill in {what}, e.g. {example}";
        UnknownKey => "{table} 中没有“{key}”这一项", "unknown key '{key}' in {table}";
        DidYouMean => "是不是想写“{name}”？", "did you mean '{name}'?";
        GuessPrefix => "是不是想写“{name}”？", "did you mean '{name}'? ";
        AllowedKeys => "{table} 可用的项：{keys}", "allowed keys in {table}: {keys}";
        WrongType => "“{key}”应是{expected}，而不是{found}", "'{key}' must be {expected}, not {found}";
        QuoteIt => "请把文字放在英文双引号里：{key} = \"{value}\"", "put the text in double quotes: {key} = \"{value}\"";
        TextInQuotes => "请写成英文双引号里的文字，例如 {example}", "write it as text in double quotes, e.g. {example}";
        // The file as a whole
        SyntaxError => "TOML 语法错误：{error}", "TOML syntax error: {error}";
        FixSyntax => "请在此处修正语法（文字放在英文双引号里，每行一个 键 = 值）；文件其余部分未检查", "fix the syntax here (text in double quotes, one key = value per line); the rest of the file was not checked";
        CurlyQuotes => "这里用了中文引号“…”：TOML 只认英文双引号 \"…\"，请把 “ ” 换成 \"", "this uses Chinese quotes “…”: TOML only takes straight double quotes \"…\" — replace “ ” with \"";
        FullWidthEquals => "这里用了全角等号“＝”：请换成半角 =", "this uses a full-width equals sign ＝: write a plain =";
        FullWidthPunct => "这里用了全角标点“{char}”：键、等号和引号须用半角（英文）符号", "this uses the full-width “{char}”: keys, = and quotes are written in half-width (ASCII) characters";
        MeetingBelow => "会议信息写在 [meeting] 表头下面", "meeting details go below the [meeting] header";
        ItemBelow => "议题信息写在 [[items]] 表头下面", "item details go below an [[items]] header";
        DidYouMeanHeader => "是不是想写 {header}？", "did you mean {header}?";
        TopHolds => "议程包含 [meeting]、[rules.名称] 和 [[items]]", "an agenda holds [meeting], [rules.NAME] and [[items]]";
        UnknownTopKey => "文件顶层没有“{key}”这一项", "unknown key '{key}' at the top of the file";
        Unreadable => "无法读取议程", "the agenda could not be read";
        NoMeetingTable => "议程缺少 [meeting] 表", "the agenda has no [meeting] table";
        MeetingHint => "请在文件开头写 [meeting]，下面写 title、kind、starts、place、host 和 secretary", "start the file with [meeting] and its title, kind, starts, place, host and secretary";
        SingleBrackets => "表头请用单层方括号：[meeting]（一个文件一次会议）", "write the header with single brackets: [meeting] (one meeting per file)";
        NoItems => "议程没有议题", "the agenda has no items";
        ItemsHint => "请至少加一个 [[items]] 表，写上 title、raised_by、statement、rule 和 scope", "add at least one [[items]] table with title, raised_by, statement, rule and scope";
        ItemsBrackets => "每个议题写在自己的 [[items]] 表头下（两层方括号）", "write each item under its own [[items]] header (two brackets)";
        RulesTable => "每个自定规则写成 [rules.名称]", "declare each custom rule as [rules.NAME]";
        RuleTable => "请把规则写成 [rules.{name}]，下面写 basis、electorate 和比例", "declare the rule as [rules.{name}] with basis, electorate and thresholds";
        NotAThreshold => "“{text}”不是比例", "'{text}' is not a threshold";
        OutOfRange => "“{text}”不是 0 到 1 之间的分数", "'{text}' is not a fraction between 0 and 1";
        // Items
        SameTitle => "两个议题同名：“{title}”", "two items have the title '{title}'";
        SameTitleHint => "议题 {first}（第 {line} 行）同名：请给每个议题各起名称，或合并", "item {first} (line {line}) has the same title: give each item its own title, or merge them";
        ItemNotTable => "议题 {n} 应是一个表，不是{found}", "item {n} must be a table, not {found}";
        ItemTableHint => "每个议题写在自己的 [[items]] 表头下，各项写在下面", "write each item under its own [[items]] header with its keys below it";
        RaisedAfter => "“raised_on”（{day}）晚于会议（{meeting}）", "'raised_on' ({day}) is after the meeting ({meeting})";
        RaisedAfterHint => "诉求应在讨论它的会议之前提出：请核对年月", "a concern is raised before the meeting that discusses it: check the year and month";
        UnknownRule => "没有“{rule}”这个规则", "unknown rule '{rule}'";
        RuleHint => "{guess}请用内置规则（{builtin}）{declared}", "{guess}use a built-in rule ({builtin}){declared}";
        OrDeclare => "，或在 [rules.名称] 中自定", ", or declare one as [rules.NAME]";
        OrDeclared => "，或本文件自定的规则（{custom}）", " or one declared in this file ({custom})";
        SingleFlatScope => "“{text}”是一户，不是一栋楼或一个单元", "'{text}' is a single flat, not a building or unit";
        SingleFlatHint => "只让列出的房屋表决，请写成列表：scope = [\"{text}\"]", "to let only listed flats vote, write a list: scope = [\"{text}\"]";
        NotAScope => "“{text}”不是表决范围", "'{text}' is not a scope";
        ScopeHint => "请写 \"estate\"（全小区）、楼号（\"3\"）、单元（\"3-2\"）或房号列表（[\"3-2-101\", \"3-2-102\"]）", "write \"estate\", a building (\"3\"), a unit (\"3-2\") or a list of flats ([\"3-2-101\", \"3-2-102\"])";
        EmptyScope => "表决范围没有列出房号", "the scope lists no flats";
        EmptyScopeHint => "请列出其业主表决的房号，例如 scope = [\"3-2-101\", \"3-2-102\"]", "list the flats whose owners vote, e.g. scope = [\"3-2-101\", \"3-2-102\"]";
        NoBuilding => "名册中没有{building}号楼的房屋", "building {building} has no flats in the roster";
        NoUnit => "名册中没有{building}号楼{unit}单元的房屋", "unit {building}-{unit} has no flats in the roster";
        ConsentWithoutVote => "规则“{rule}”不表决，却写了须同意的业主", "required consent on an item with rule '{rule}', which has no vote";
        ConsentWithoutVoteHint => "同意是靠投“同意”票表示的：请删去 required_consent，或改用有表决的规则", "consent is given by voting yes: remove required_consent, or choose a rule with a vote";
        ConsentOutside => "须同意的房号 {flat} 不在本议题的表决范围（{scope}）内", "flat {flat} must consent but is outside the item's scope ({scope})";
        ConsentOutsideHint => "须同意的业主应在表决范围内：请核对房号，或扩大范围", "a required consent must be an owner within the scope: check the room number, or widen the scope";
        FlatInQuotes => "“{key}”的每一项应是英文双引号里的房号，不是{found}", "each entry of '{key}' must be a flat in double quotes, not {found}";
        FlatListHint => "请写成 {key} = [\"3-2-101\", \"3-2-102\"]", "write {key} = [\"3-2-101\", \"3-2-102\"]";
        FlatTwice => "房号 {flat} 列了两次", "flat {flat} is listed twice";
        RemoveRepeat => "请删去重复的一项", "remove the repeated entry";
        NotAFlat => "“{text}”不是房号", "'{text}' is not a flat";
        FlatHint => "请写成 楼-单元-室，例如 3-2-501 或 3栋2单元501", "write building-unit-room, e.g. 3-2-501 or 3栋2单元501";
        FlatNotInRoster => "房号 {flat} 不在业主名册中", "flat {flat} is not in the roster";
        RoomsOfUnit => "请核对室号：{building}号楼{unit}单元有 {rooms}", "check the room number: unit {building}-{unit} has rooms {rooms}";
        UnitsOfBuilding => "{building}号楼有单元 {units}", "building {building} has units {units}";
        BuildingsOfRoster => "名册中有楼号 {buildings}", "the roster has buildings {buildings}";
        ListInAll => "{first}、{second}……{last}（共 {n} 个）", "{first}, {second}, … {last} ({n} in all)";
        // The meeting
        UnknownKind => "没有“{kind}”这种会议类型", "unknown meeting kind '{kind}'";
        KindHint => "{guess}请写 \"owners\"（业主共同决定事项）或 \"residents\"（居民协商议事），也可写 业主 或 居民", "{guess}write \"owners\" (owners' joint decisions) or \"residents\" (residents' consultation); 业主 and 居民 are accepted too";
        ObjectionsBefore => "异议期在会议（{meeting}）之前就结束了（{until}）", "the objection period ends ({until}) before the meeting ({meeting})";
        ObjectionsBeforeHint => "对公示的异议在会议之后提出：请给出 {meeting} 当天或以后的日期", "objections to the notice come after the meeting: give a day on or after {meeting}";
        ToWithoutUntil => "写了“objections_to”却没写“objections_until”", "'objections_to' is given without 'objections_until'";
        ToWithoutUntilHint => "请加上提出异议的截止日期，例如 objections_until = 2026-12-05", "add the last day for objections, e.g. objections_until = 2026-12-05";
        UntilWithoutTo => "写了“objections_until”却没写“objections_to”", "'objections_until' is given without 'objections_to'";
        UntilWithoutToHint => "请加上提出异议的地点，例如 objections_to = \"社区居委会一楼服务窗口\"", "add where objections are raised, e.g. objections_to = \"社区居委会一楼服务窗口\"";
        // Rules
        BuiltInRule => "规则“{name}”是内置规则，不能重新定义", "rule '{name}' is built in and cannot be redeclared";
        BuiltInRuleHint => "请给你的规则另起名称，例如 [rules.{name}-local]，并在议题中使用该名称", "give your rule another name, e.g. [rules.{name}-local], and use that name in the items";
        NoApproval => "{table}没有同意比例", "{table} has no approval threshold";
        NoApprovalHint => "请加上 approval_heads 和/或 approval_area，例如 approval_heads = \"> 1/2\"；只议不决请用 rule = \"none\"", "add approval_heads and/or approval_area, e.g. approval_heads = \"> 1/2\"; for discussion only use rule = \"none\"";
        UnknownElectorate => "没有“{name}”这种表决人范围", "unknown electorate '{name}'";
        ElectorateHint => "{guess}请写 \"owners\"（范围内全体业主）或 \"present\"（只限已签到者）", "{guess}write \"owners\" (every owner in the scope) or \"present\" (only those signed in)";
        ThresholdHint => "请写比较符和分数：{key} = \">= 2/3\"（三分之二以上）或 \"> 1/2\"（过半数）", "write a comparison and a fraction: {key} = \">= 2/3\" (2/3 or more, 以上) or \"> 1/2\" (more than half, 过半数)";
        // Dates and times
        NotValid => "“{text}”不是有效的{expected}：{detail}", "'{text}' is not a valid {expected}: {detail}";
        WriteLike => "请写成 {key} = {example}", "write it like {key} = {example}";
        DateOnly => "“{key}”只应是日期，不是{found}", "'{key}' must be a date only, not {found}";
        JustTheDay => "只写日期：{key} = {example}", "write just the day: {key} = {example}";
        NotADate => "{date} 不是有效日期", "{date} is not a valid date";
        RealDay => "请写日历上有的一天，例如 {example}", "write a real calendar day, e.g. {example}";
        WordDate => "日期", "date";
        WordDateTime => "日期和时间", "date and time";
        ADate => "日期", "a date";
        ATimeOfDay => "钟点", "a time of day";
        Needs => "“{key}”缺少{missing}", "'{key}' needs {missing}";
        DateTimeOffset => "请写日期、时间和时区：{key} = {example}", "write date, time and offset: {key} = {example}";
        NotADateTime => "{date} 不是有效的日期和时间", "{date} is not a valid date and time";
    }
}
