//! `pavilion agenda-template`: a meeting as a commented agenda file (agendas/README.md), so a
//! meeting set up on screen can be kept, mailed, edited and taken in again. Intake of the file gives
//! the same meeting: header, items in order, rules (custom ones declared), scopes, required
//! consents, proposals and cost plans.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::domain::cost::CostPlan;
use crate::domain::notice::NoticeSettings;
use crate::domain::rule::{Cmp, Double, Electorate, Threshold};
use crate::domain::{Rule, Scope};
use crate::store::{ItemRecord, MeetingRecord};

/// A text as a TOML string (quoted and escaped).
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn threshold(t: &Threshold) -> String {
    let sign = match t.cmp {
        Cmp::AtLeast => ">=",
        Cmp::MoreThan => ">",
    };
    quoted(&format!("{sign} {}/{}", t.num, t.den))
}

fn scope(s: &Scope) -> String {
    match s {
        Scope::Flats(list) => {
            let flats: Vec<String> = list.iter().map(|f| quoted(&f.to_string())).collect();
            format!("[{}]", flats.join(", "))
        }
        other => quoted(&other.to_string()),
    }
}

fn custom_rule(out: &mut String, rule: &Rule) {
    let _ = writeln!(out, "[rules.{}]", quoted(&rule.name));
    let _ = writeln!(out, "basis = {}", quoted(&rule.basis));
    let electorate = match rule.electorate {
        Electorate::Owners => "owners",
        Electorate::Present => "present",
    };
    let _ = writeln!(out, "electorate = {}", quoted(electorate));
    let mut double = |what: &str, d: &Double| {
        for (by, t) in [("area", d.area), ("heads", d.heads)] {
            if let Some(t) = t {
                let _ = writeln!(out, "{what}_{by} = {}", threshold(&t));
            }
        }
    };
    double("participation", &rule.participation);
    double("approval", &rule.approval);
    out.push('\n');
}

fn cost(out: &mut String, plan: &CostPlan) {
    let _ = writeln!(out, "\n[items.cost]");
    let _ = writeln!(
        out,
        "amount = {}   # yuan",
        quoted(&plan.amount_fen.to_string())
    );
    let _ = writeln!(out, "subsidy = {}", quoted(&plan.subsidy_fen.to_string()));
    let _ = writeln!(out, "by_area = {}", plan.by_area);
    let floors: Vec<String> = plan
        .floors
        .iter()
        .map(|(floor, c)| format!("{floor} = {c}"))
        .collect();
    let _ = writeln!(out, "floors = {{ {} }}", floors.join(", "));
}

/// The agenda file of a meeting: its items in agenda order, each with its cost plan if it has one.
pub fn agenda_template(
    meeting: &MeetingRecord,
    notice: &NoticeSettings,
    items: &[(ItemRecord, Option<CostPlan>)],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Agenda of meeting {}, written by `pavilion agenda-template`.\n\
         # Edit it in any text editor; `pavilion check FILE` validates it and `pavilion intake FILE`\n\
         # takes it in (as a new meeting: change the title or the start first). See agendas/README.md.\n",
        meeting.id
    );
    out.push_str("[meeting]\n");
    let _ = writeln!(out, "title = {}", quoted(&meeting.title));
    if let Some(n) = meeting.number {
        let _ = writeln!(out, "number = {n}   # 本小区第几次会议");
    }
    let _ = writeln!(
        out,
        "kind = {}   # owners | residents",
        quoted(meeting.kind.as_str())
    );
    let starts = crate::localtime::rfc3339(meeting.starts, meeting.offset);
    let _ = writeln!(out, "starts = {starts}");
    let _ = writeln!(out, "place = {}", quoted(&meeting.place));
    let _ = writeln!(out, "host = {}        # 主持人", quoted(&meeting.host));
    let _ = writeln!(out, "secretary = {}   # 记录人", quoted(&meeting.secretary));
    if let (Some(to), Some(until)) = (&meeting.objections_to, meeting.objections_until) {
        let _ = writeln!(out, "objections_to = {}", quoted(to));
        let _ = writeln!(out, "objections_until = {until}");
    }
    if let Some(issuer) = &notice.issuer {
        let _ = writeln!(out, "issuer = {}   # 发布单位", quoted(issuer));
    }
    if let Some(day) = notice.posted_on {
        let _ = writeln!(out, "posted_on = {day}");
    }
    if let Some(days) = notice.notice_days {
        let _ = writeln!(out, "notice_days = {days}   # 公示期（天）");
    }
    if notice.show_officers {
        let _ = writeln!(out, "show_officers = true   # 公示写明主持人、记录人姓名");
    }
    out.push('\n');
    let custom: BTreeMap<&str, &Rule> = items
        .iter()
        .filter(|(i, _)| Rule::builtin(&i.rule.name).is_none())
        .map(|(i, _)| (i.rule.name.as_str(), &i.rule))
        .collect();
    for rule in custom.values() {
        custom_rule(&mut out, rule);
    }
    for (item, plan) in items {
        let _ = writeln!(out, "# Item {}", item.number);
        out.push_str("[[items]]\n");
        let _ = writeln!(out, "title = {}", quoted(&item.title));
        let _ = writeln!(out, "raised_by = {}", quoted(&item.raised_by));
        if let Some(from) = &item.raised_from {
            let _ = writeln!(out, "raised_from = {}", quoted(&from.to_string()));
        }
        if let Some(on) = item.raised_on {
            let _ = writeln!(out, "raised_on = {on}");
        }
        let _ = writeln!(out, "statement = {}", quoted(&item.statement));
        if let Some(c) = &item.category {
            let _ = writeln!(out, "category = {}", quoted(c));
        }
        if let Some(p) = item.proposal.as_deref().filter(|p| !p.is_empty()) {
            let _ = writeln!(out, "proposal = {}", quoted(p));
        }
        let _ = writeln!(
            out,
            "rule = {}   # civil-code-major | civil-code-ordinary | show-of-hands | none | a [rules.NAME]",
            quoted(&item.rule.name)
        );
        let _ = writeln!(
            out,
            "scope = {}   # \"estate\" | \"3\" (building) | \"3-2\" (unit) | [\"3-2-101\", …]",
            scope(&item.scope)
        );
        if !item.consents.is_empty() {
            let flats: Vec<String> = item
                .consents
                .iter()
                .map(|f| quoted(&f.to_string()))
                .collect();
            let _ = writeln!(out, "required_consent = [{}]", flats.join(", "));
        }
        if let Some(plan) = plan {
            cost(&mut out, plan);
        }
        out.push('\n');
    }
    out
}
