//! Every fixed text of the exports, Chinese and English side by side in one table, and the
//! sentences written in the reader's convention; dates and times are in `dates`.

use jiff::civil::Date;

mod dates;
pub use dates::{date, local_date, machine_time, meeting_time, moment, offset, rfc3339};

use crate::domain::rule::{Cmp, Threshold};
use crate::domain::tally::Measure;
use crate::domain::{ActionStatus, Choice, MeetingKind, Outlook, Responsible, Rule, Scope, Step};
use crate::lang::Lang;
use crate::store::Method;

macro_rules! labels {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A fixed text of the exports.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum L { $($key),* }

        impl L {
            pub const ALL: &'static [L] = &[$(L::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((L::$key, Lang::Zh) => $zh, (L::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

labels! {
    Minutes => "会议纪要", "Minutes";
    PublicNotice => "表决结果公示", "Public notice of decisions";
    Estate => "小区", "Estate";
    Time => "时间", "Time";
    Place => "地点", "Place";
    Host => "主持人", "Host";
    Secretary => "记录人", "Secretary";
    Kind => "会议类型", "Meeting";
    KindOwners => "业主议事会（业主共同决定事项）", "Owners' meeting (owners' joint decisions)";
    KindResidents => "居民议事会（协商议事）", "Residents' meeting (consultation)";
    Field => "项目", "Field";
    Content => "内容", "Content";
    Attendance => "出席情况", "Attendance";
    Owners => "业主人数", "Owners";
    AreaM2 => "专有部分面积（㎡）", "Area (m²)";
    InPerson => "业主本人到会", "Owners in person";
    ByProxy => "委托代理人到会", "Owners by proxy";
    Here => "到会合计", "At the meeting";
    LeftEarly => "中途离场（不计入到会）", "Left early (not counted)";
    AllOwners => "全体业主（参考）", "All owners of the estate (reference)";
    Proxies => "委托代理", "Proxies";
    Flat => "房号", "Flat";
    Owner => "业主", "Owner";
    ProxyHolder => "受托人", "Proxy holder";
    Others => "其他参会人员", "Other participants";
    NoneRecorded => "无。", "None.";
    Item => "议题", "Item";
    Step1 => "一、群众说事", "1. Residents raise it";
    Step2 => "二、支部议事", "2. The branch discusses it";
    Step3 => "三、社区办事", "3. The community acts on it";
    RaisedBy => "提出人", "Raised by";
    RaisedOn => "提出日期", "Raised on";
    Category => "类别", "Category";
    Statement => "反映内容", "In their words";
    Discussion => "讨论发言", "Discussion";
    Speaker => "发言人", "Speaker";
    Point => "发言要点", "Point made";
    Proposal => "议事方案（提议）", "Proposal";
    Vote => "表决", "Vote";
    RuleApplied => "表决规则", "Rule applied";
    Basis => "依据", "Why";
    Scope => "表决范围", "Scope";
    ScopeEstate => "全小区", "the whole estate";
    Figures => "表决统计", "Figures";
    Total => "应参与表决", "Entitled to vote";
    Participating => "参与表决", "Took part";
    Yes => "同意", "Yes";
    No => "反对", "No";
    Abstain => "弃权", "Abstain";
    NotVoted => "未表决", "Did not vote";
    Conditions => "表决条件", "Conditions";
    Condition => "条件", "Condition";
    Required => "要求", "Required";
    Actual => "实际", "Actual";
    Outcome => "结论", "Outcome";
    Met => "达到", "met";
    NotMet => "未达到", "not met";
    ParticipationArea => "参与表决的专有部分面积", "Participation by area";
    ParticipationHeads => "参与表决的业主人数", "Participation by headcount";
    ApprovalArea => "同意的专有部分面积（占参与表决）", "Approval by area (of those taking part)";
    ApprovalHeads => "同意的业主人数（占参与表决）", "Approval by headcount (of those taking part)";
    ConsentOf => "须经其同意的业主", "Required consent of";
    ConsentNotGiven => "未表决", "not given";
    Result => "表决结果", "Result";
    Passed => "通过", "Passed";
    NotPassed => "未通过", "Not passed";
    VoteOpen => "表决尚未结束，以下为截至导出时的统计", "The vote is still open: figures as of this export";
    NoVote => "本议题仅讨论，不表决。", "Discussion only: no vote.";
    NotVotedOn => "本议题未付表决。", "This item was not put to the vote.";
    RollCall => "记名表决明细（唱票记录）", "Named roll call";
    Seq => "序号", "No.";
    Choice => "表决意见", "Choice";
    Method => "方式", "How";
    At => "时间", "Time";
    NoBallots => "尚无选票。", "No ballots yet.";
    Corrections => "更正记录", "Corrections";
    Before => "原意见", "Before";
    After => "更正为", "After";
    Reason => "原因", "Reason";
    Withdrawn => "撤回", "withdrawn";
    NoReason => "未说明", "not given";
    Resolution => "决议", "Resolution";
    NoResolution => "（未记录决议）", "(no resolution recorded)";
    ItemActions => "办理事项", "Actions";
    SeeLedger => "见文末办理事项台账。", "See the action ledger below.";
    Ledger => "办理事项台账（销号管理）", "Action ledger";
    NewActions => "本次会议新增事项", "New actions from this meeting";
    CarriedActions => "以往会议延续事项", "Carried over from earlier meetings";
    ClosedActions => "上次会议以来已销号事项", "Closed since the last meeting";
    Id => "编号", "No.";
    What => "事项", "Action";
    FromItem => "来源议题", "From item";
    Agreed => "提出会议", "Agreed";
    Responsible => "责任方", "Responsible";
    Due => "完成期限", "Due";
    Status => "状态", "Status";
    ProgressLabel => "进展", "Progress";
    ClosedOn => "销号日期", "Closed on";
    ConfirmedBy => "确认情况", "Confirmed by";
    Overdue => "已逾期", "overdue";
    Signatures => "签字", "Signatures";
    Role => "身份", "Role";
    Name => "姓名", "Name";
    Signature => "签名", "Signature";
    SignDate => "日期", "Date";
    ResidentRep => "居民代表", "Resident representative";
    Objections => "异议", "Objections";
    NoticeIntro => "现将本次会议的议题、表决统计和结果公示如下。为保护个人信息，业主姓名已部分隐去，不公示联系电话。",
        "The items, figures and results of this meeting are posted below. To protect personal information, owners' names are partly masked and no phone numbers are shown.";
    SoNotified => "特此公示。", "Posted for public notice.";
    DigestLabel => "记录摘要", "Record digest";
    ChartTitle => "表决统计图", "Tally chart";
    ChartParticipationArea => "参与表决·面积", "Took part, by area";
    ChartParticipationHeads => "参与表决·人数", "Took part, by owners";
    ChartApprovalArea => "同意·面积", "Yes, by area";
    ChartApprovalHeads => "同意·人数", "Yes, by owners";
    ChoiceYes => "同意", "yes";
    ChoiceNo => "反对", "no";
    ChoiceAbstain => "弃权", "abstain";
    MethodInPerson => "本人", "in person";
    MethodProxy => "委托", "proxy";
    MethodWritten => "书面", "written";
    RespCommunity => "社区居委会", "Community office";
    RespProperty => "物业公司", "Property company";
    RespCommittee => "业主委员会", "Owners' committee";
    StatusOpen => "待办", "open";
    StatusInProgress => "办理中", "in progress";
    StatusClosed => "已销号", "closed";
    StepRaised => "已提出", "raised";
    StepDiscussed => "已讨论", "discussed";
    StepDecided => "已决定", "decided";
    StepActing => "办理中", "acting";
    StepClosed => "已销号", "closed";
    StepDeferred => "暂缓", "deferred";
    StepWithdrawn => "已撤回", "withdrawn";
    ItemStatus => "议题状态", "Item status";
    IgnoredBallot => "张选票来自不在表决范围内的人员（如已离场），未计入", "ballot from someone outside the electorate (e.g. who left) was not counted";
    IgnoredBallots => "张选票来自不在表决范围内的人员（如已离场），未计入", "ballots from people outside the electorate (e.g. who left) were not counted";
    CsvItem => "议题编号", "Item";
    CsvItemTitle => "议题", "Item title";
    CsvFlats => "该业主在范围内的全部房号", "Owner's flats in scope";
    CsvProxy => "受托人", "Proxy holder";
    CsvEntered => "补录的录入时间", "Entered later at";
}

pub fn choice(c: Choice, lang: Lang) -> &'static str {
    match c {
        Choice::Yes => L::ChoiceYes,
        Choice::No => L::ChoiceNo,
        Choice::Abstain => L::ChoiceAbstain,
    }
    .get(lang)
}

/// A choice that may be a withdrawal.
pub fn choice_or_withdrawn(c: Option<Choice>, lang: Lang) -> &'static str {
    c.map_or(L::Withdrawn.get(lang), |c| choice(c, lang))
}

pub fn method(m: Method, lang: Lang) -> &'static str {
    match m {
        Method::InPerson => L::MethodInPerson,
        Method::Proxy => L::MethodProxy,
        Method::Written => L::MethodWritten,
    }
    .get(lang)
}

/// How a ballot was given, with the proxy holder: 委托（李四） / proxy (李四).
pub fn method_with_proxy(m: Method, proxy: Option<&str>, lang: Lang) -> String {
    match (m, proxy) {
        (Method::Proxy, Some(p)) => match lang {
            Lang::Zh => format!("委托（{p}）"),
            Lang::En => format!("proxy ({p})"),
        },
        _ => method(m, lang).to_string(),
    }
}

pub fn responsible(r: &Responsible, lang: Lang) -> String {
    match r {
        Responsible::CommunityOffice => L::RespCommunity.get(lang).into(),
        Responsible::PropertyCompany => L::RespProperty.get(lang).into(),
        Responsible::OwnersCommittee => L::RespCommittee.get(lang).into(),
        Responsible::Person(name) => name.clone(),
    }
}

pub fn action_status(s: ActionStatus, lang: Lang) -> &'static str {
    match s {
        ActionStatus::Open => L::StatusOpen,
        ActionStatus::InProgress => L::StatusInProgress,
        ActionStatus::Closed => L::StatusClosed,
    }
    .get(lang)
}

pub fn step(s: Step, lang: Lang) -> &'static str {
    match s {
        Step::Raised => L::StepRaised,
        Step::Discussed => L::StepDiscussed,
        Step::Decided => L::StepDecided,
        Step::Acting => L::StepActing,
        Step::Closed => L::StepClosed,
        Step::Deferred => L::StepDeferred,
        Step::Withdrawn => L::StepWithdrawn,
    }
    .get(lang)
}

pub fn meeting_kind(k: MeetingKind, lang: Lang) -> &'static str {
    match k {
        MeetingKind::Owners => L::KindOwners,
        MeetingKind::Residents => L::KindResidents,
    }
    .get(lang)
}

pub fn measure(m: Measure, lang: Lang) -> &'static str {
    match m {
        Measure::ParticipationArea => L::ParticipationArea,
        Measure::ParticipationHeads => L::ParticipationHeads,
        Measure::ApprovalArea => L::ApprovalArea,
        Measure::ApprovalHeads => L::ApprovalHeads,
    }
    .get(lang)
}

/// A threshold as the law words it: "2/3 以上" (≥, art. 1259) or "过半数" (>) / "≥ 2/3", "> 1/2".
pub fn threshold(t: &Threshold, lang: Lang) -> String {
    match (lang, t.cmp) {
        (Lang::Zh, Cmp::AtLeast) => format!("{}/{} 以上（含本数）", t.num, t.den),
        (Lang::Zh, Cmp::MoreThan) if t.num * 2 == t.den => "过半数（超过 1/2）".into(),
        (Lang::Zh, Cmp::MoreThan) => format!("超过 {}/{}", t.num, t.den),
        (Lang::En, Cmp::AtLeast) => format!("at least {}/{}", t.num, t.den),
        (Lang::En, Cmp::MoreThan) if t.num * 2 == t.den => "more than half".into(),
        (Lang::En, Cmp::MoreThan) => format!("more than {}/{}", t.num, t.den),
    }
}

/// The rule's name for readers, with its key: 重大事项（civil-code-major）.
pub fn rule_name(rule: &Rule, lang: Lang) -> String {
    use crate::domain::rule::{CIVIL_CODE_MAJOR, CIVIL_CODE_ORDINARY, NONE, SHOW_OF_HANDS};
    let builtin = Rule::builtin(&rule.name).is_some_and(|b| b == *rule);
    let name = match (builtin.then_some(rule.name.as_str()), lang) {
        (Some(CIVIL_CODE_MAJOR), Lang::Zh) => "业主共同决定·重大事项",
        (Some(CIVIL_CODE_MAJOR), Lang::En) => "owners' joint decision, major matter",
        (Some(CIVIL_CODE_ORDINARY), Lang::Zh) => "业主共同决定·一般事项",
        (Some(CIVIL_CODE_ORDINARY), Lang::En) => "owners' joint decision, ordinary matter",
        (Some(SHOW_OF_HANDS), Lang::Zh) => "到会人员举手表决",
        (Some(SHOW_OF_HANDS), Lang::En) => "show of hands of those present",
        (Some(NONE), Lang::Zh) => "仅讨论",
        (Some(NONE), Lang::En) => "discussion only",
        _ => return rule.name.clone(),
    };
    match lang {
        Lang::Zh => format!("{name}（{}）", rule.name),
        Lang::En => format!("{name} ({})", rule.name),
    }
}

/// Why the rule applies: the built-in rules in both languages; a custom rule's own basis as written.
pub fn rule_basis(rule: &Rule, lang: Lang) -> String {
    use crate::domain::rule::{CIVIL_CODE_MAJOR, CIVIL_CODE_ORDINARY, NONE, SHOW_OF_HANDS};
    let builtin = Rule::builtin(&rule.name).is_some_and(|b| b == *rule);
    if !builtin || lang == Lang::En {
        return rule.basis.clone();
    }
    match rule.name.as_str() {
        CIVIL_CODE_MAJOR => "《民法典》第二百七十八条（第六至八项重大事项）：应由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意".into(),
        CIVIL_CODE_ORDINARY => "《民法典》第二百七十八条（其他共同决定事项）：应由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决专有部分面积过半数且参与表决人数过半数的业主同意".into(),
        SHOW_OF_HANDS => "协商议事事项：到会人员举手表决，同意人数超过表决人数的一半".into(),
        NONE => "仅讨论，不表决".into(),
        _ => rule.basis.clone(),
    }
}

/// Where the vote stands while it is still open.
pub fn outlook(o: Outlook, lang: Lang) -> &'static str {
    match (o, lang) {
        (Outlook::NoVote, Lang::Zh) => "不表决",
        (Outlook::NoVote, Lang::En) => "no vote",
        (Outlook::CertainToPass, Lang::Zh) => "已确定通过（其余业主无论如何表决均不改变结果）",
        (Outlook::CertainToPass, Lang::En) => {
            "certain to pass: the remaining owners can no longer change that"
        }
        (Outlook::PassingSoFar, Lang::Zh) => "目前可以通过，尚未表决的业主仍可能改变结果",
        (Outlook::PassingSoFar, Lang::En) => "passing so far; owners yet to vote could change that",
        (Outlook::AwaitingParticipation, Lang::Zh) => "参与表决尚未达到法定比例",
        (Outlook::AwaitingParticipation, Lang::En) => "participation not yet reached",
        (Outlook::FailingSoFar, Lang::Zh) => "参与表决已达到，同意尚未达到",
        (Outlook::FailingSoFar, Lang::En) => "participation reached, approval not yet",
        (Outlook::ParticipationUnreachable, Lang::Zh) => "已不可能通过：参与表决无法达到法定比例",
        (Outlook::ParticipationUnreachable, Lang::En) => {
            "cannot pass any more: participation can no longer be reached"
        }
        (Outlook::ApprovalUnreachable, Lang::Zh) => "已不可能通过：同意无法达到法定比例",
        (Outlook::ApprovalUnreachable, Lang::En) => {
            "cannot pass any more: approval can no longer be reached"
        }
        (Outlook::ConsentRefused, Lang::Zh) => "已不可能通过：须经同意的业主未同意",
        (Outlook::ConsentRefused, Lang::En) => {
            "cannot pass any more: a required consent was not given"
        }
    }
}

/// Which flats a vote concerns, as the glossary writes it (3号楼2单元 / building 3 unit 2).
pub fn scope(s: &Scope, lang: Lang) -> String {
    match s {
        Scope::Estate => L::ScopeEstate.get(lang).into(),
        s => crate::i18n::terms::scope(s, lang),
    }
}

/// The separator of a list inside a sentence or a cell: 、 / ", ".
pub fn list_sep(lang: Lang) -> Sep {
    Sep(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}

/// A list separator.
#[derive(Clone, Copy)]
pub struct Sep(pub &'static str);

impl Sep {
    pub fn join_display<T: std::fmt::Display>(self, items: &[T]) -> String {
        let parts: Vec<String> = items.iter().map(ToString::to_string).collect();
        parts.join(self.0)
    }
}

/// "label：text" / "label: text".
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// How much participation is still missing: （还需 3 名业主、240.00 ㎡参与） / (3 more owners and 240.00 m² must take part).
pub fn shortfall(owners: i64, area: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（还需 {owners} 名业主、{area} ㎡参与表决）"),
        Lang::En => format!(" ({owners} more owners and {area} m² must take part)"),
    }
}

/// The heading of an item: 议题 1：… / Item 1: …
pub fn item_heading(number: i64, title: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("议题 {number}：{title}"),
        Lang::En => format!("Item {number}: {title}"),
    }
}

/// Who raised an item and from where: 王秀兰（3-2-501） / 王秀兰 (3-2-501).
pub fn raised_by(name: &str, from: Option<&str>, lang: Lang) -> String {
    match (from, lang) {
        (Some(f), Lang::Zh) => format!("{name}（{f}）"),
        (Some(f), Lang::En) => format!("{name} ({f})"),
        (None, _) => name.to_string(),
    }
}

/// The closing time of a vote: 表决于 19:40 结束 / vote closed at 19:40.
pub fn closed_at(when: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（表决于 {when} 结束）"),
        Lang::En => format!(" (vote closed {when})"),
    }
}

/// The objections line of a public notice; blanks to fill in by hand when not known.
pub fn objections(to: Option<&str>, until: Option<Date>, lang: Lang) -> String {
    let blank = "________";
    let until = until.map(|d| date(d, lang));
    let until = until.as_deref().unwrap_or(blank);
    let to = to.unwrap_or(blank);
    match lang {
        Lang::Zh => {
            format!("公示期间，居民如对上述表决结果有异议，请于{until}（含当日）前向{to}书面提出。")
        }
        Lang::En => format!(
            "Residents who object to the results above may do so in writing to {to} until {until} (inclusive)."
        ),
    }
}

/// The digest line that ties a printed copy to the database.
pub fn digest(hash: &str, event: i64, events: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "记录摘要（SHA-256，本会议已记录事件 {events} 条，最后一条为第 {event} 号事件的哈希链值）：{hash}"
        ),
        Lang::En => format!(
            "Record digest (SHA-256 hash chain value of event #{event}, the last of this meeting's {events} recorded events): {hash}"
        ),
    }
}

/// The digest as the first line of a CSV, a `#` comment that spreadsheets show but no data row
/// joins (no comma, so it stays one cell).
pub fn digest_comment(hash: &str, event: i64, events: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "# 记录摘要 SHA-256（第 {event} 号事件，本会议共 {events} 条事件中的最后一条）：{hash}"
        ),
        Lang::En => format!(
            "# record digest SHA-256 of event #{event} (the last of this meeting's {events} events): {hash}"
        ),
    }
}

/// "N ballots … not counted".
pub fn ignored_ballots(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有 {n} {}。", L::IgnoredBallots.get(lang)),
        Lang::En if n == 1 => format!("{n} {}.", L::IgnoredBallot.get(lang)),
        Lang::En => format!("{n} {}.", L::IgnoredBallots.get(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_languages() {
        for l in L::ALL {
            assert!(!l.get(Lang::Zh).is_empty(), "{l:?}");
            assert!(!l.get(Lang::En).is_empty(), "{l:?}");
        }
    }

    #[test]
    fn thresholds_as_the_law_words_them() {
        assert_eq!(
            threshold(&Threshold::at_least(2, 3), Lang::Zh),
            "2/3 以上（含本数）"
        );
        assert_eq!(
            threshold(&Threshold::more_than(1, 2), Lang::Zh),
            "过半数（超过 1/2）"
        );
        assert_eq!(
            threshold(&Threshold::at_least(3, 4), Lang::En),
            "at least 3/4"
        );
        assert_eq!(
            threshold(&Threshold::more_than(1, 2), Lang::En),
            "more than half"
        );
    }

    #[test]
    fn builtin_rules_have_a_chinese_basis() {
        for name in crate::domain::rule::BUILTIN_RULES {
            let rule = Rule::builtin(name).unwrap();
            assert_ne!(rule_basis(&rule, Lang::Zh), rule.basis);
            assert_eq!(rule_basis(&rule, Lang::En), rule.basis);
        }
    }
}
