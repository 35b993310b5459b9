//! What each key of an agenda file is for: said in hints about a missing or empty key.

use super::catalogue;

catalogue! {
    /// What an agenda key holds.
    AgendaKeyText {
        CostAmount => "总造价（元，精确到分）", "the total cost in yuan, exact to the fen";
        CostSubsidy => "分摊前扣除的补贴（元）", "the subsidy deducted before sharing, in yuan";
        CostByArea => "各户份额是否再按面积加权", "whether each flat's share is also weighted by its area";
        CostFloors => "每层的分摊系数（0 表示不出钱）", "a coefficient for each floor (0 pays nothing)";
        ItemTitle => "议题名称", "the item's title";
        ItemRaisedBy => "提出诉求的人", "who raised the concern";
        ItemRaisedFrom => "提出人的房号", "the flat of whoever raised it";
        ItemRaisedOn => "提出日期", "the day it was raised";
        ItemStatement => "提出人原话反映的诉求", "the concern in the words of whoever raised it";
        ItemCategory => "类别，例如 加装电梯 或 停车管理", "a category such as 加装电梯 or 停车管理";
        ItemProposal => "方案（如已拟好）", "the proposal, if already drafted";
        ItemRule => "如何决定：civil-code-major（重大事项）、civil-code-ordinary（一般事项）、show-of-hands（举手表决）、none（只议不决），或在 [rules.名称] 中自定的规则", "how it is decided: civil-code-major, civil-code-ordinary, show-of-hands, none, or a rule declared as [rules.NAME]";
        ItemScope => "谁的表决算数：\"estate\"（全小区）、一栋楼、一个单元，或房号列表", "whose vote counts: \"estate\", a building, a unit, or a list of flats";
        ItemRequiredConsent => "须经其同意的业主的房号", "flats whose owners must consent";
        ItemCost => "按楼层分摊费用（一个表：amount、subsidy、by_area、floors）", "how the cost is shared by floor (a table: amount, subsidy, by_area, floors)";
        MeetingTitle => "会议名称", "the meeting's title";
        MeetingNumber => "本小区第几次会议（正整数，可省略）", "the meeting's number in the estate's series (a whole number; may be left out)";
        MeetingKind => "会议类型：owners（业主）或 residents（居民）", "the kind of meeting: owners or residents";
        MeetingStarts => "日期、时间和时区", "date, time and UTC offset";
        MeetingPlace => "会议地点", "where the meeting is held";
        MeetingHost => "主持人", "who chairs the meeting";
        MeetingSecretary => "记录人", "who writes the minutes";
        MeetingObjectionsTo => "居民对公示提出异议的地点", "where residents raise objections to the public notice";
        MeetingObjectionsUntil => "提出异议的截止日期", "the last day for objections";
        MeetingIssuer => "公示的发布单位（业主委员会、社区居委会……）", "who issues the public notice (owners' committee, residents' committee …)";
        MeetingPostedOn => "公示张贴之日", "the day the public notice is posted";
        MeetingNoticeDays => "公示期天数（含张贴当日，默认 7 天）", "how many days the notice stays up (the posting day included; 7 by default)";
        MeetingShowOfficers => "公示上是否写出主持人、记录人全名（默认 false：隐去）", "whether the notice names the host and secretary in full (default false: masked)";
        RuleBasis => "一句话写进纪要，说明为何适用此规则", "one line for the minutes saying why this rule applies";
        RuleElectorate => "谁来表决：\"owners\"（范围内全体业主）或 \"present\"（已签到者）", "who votes: \"owners\" (all owners in scope) or \"present\" (those signed in)";
        RuleParticipationArea => "须参与表决的面积比例", "share of the floor area that must take part";
        RuleParticipationHeads => "须参与表决的业主人数比例", "share of the owners that must take part";
        RuleApprovalArea => "参与表决的面积中须同意的比例", "share of the participating area that must approve";
        RuleApprovalHeads => "参与表决的业主中须同意的比例", "share of the participating owners that must approve";
    }
}
