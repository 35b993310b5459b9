//! The `[[items]]` tables: who raised what (step 1), how it is decided (rule), whose vote counts (scope),
//! and whose consent is required — each checked against the roster.

use jiff::civil::Date;
use toml::de::DeValue;

use crate::domain::{FlatRef, ItemPlan, Rule, Scope};

use crate::i18n::AgendaKeyText as K;
use crate::i18n::terms;
use crate::i18n::{AgendaText as A, said};
use crate::lang::Lang;

use super::cost::read_cost;
use super::report::Report;
use super::roster_view::RosterView;
use super::rules::{Lookup, RuleBook};
use super::table::{At, Fields, KeySpec, Value, a_type, string, wrong_type};
use super::when;

pub(super) const ITEM_KEYS: &[KeySpec] = &[
    KeySpec {
        key: "title",
        what: K::ItemTitle,
        example: "title = \"3号楼2单元加装电梯\"",
    },
    KeySpec {
        key: "raised_by",
        what: K::ItemRaisedBy,
        example: "raised_by = \"王秀兰\"",
    },
    KeySpec {
        key: "raised_from",
        what: K::ItemRaisedFrom,
        example: "raised_from = \"3-2-501\"",
    },
    KeySpec {
        key: "raised_on",
        what: K::ItemRaisedOn,
        example: "raised_on = 2026-10-20",
    },
    KeySpec {
        key: "statement",
        what: K::ItemStatement,
        example: "statement = \"单元里老人多，爬楼太难，希望加装电梯\"",
    },
    KeySpec {
        key: "category",
        what: K::ItemCategory,
        example: "category = \"加装电梯\"",
    },
    KeySpec {
        key: "proposal",
        what: K::ItemProposal,
        example: "proposal = \"…\"",
    },
    KeySpec {
        key: "rule",
        what: K::ItemRule,
        example: "rule = \"civil-code-major\"",
    },
    KeySpec {
        key: "scope",
        what: K::ItemScope,
        example: "scope = \"3-2\"",
    },
    KeySpec {
        key: "required_consent",
        what: K::ItemRequiredConsent,
        example: "required_consent = [\"3-2-101\"]",
    },
    KeySpec {
        key: "cost",
        what: K::ItemCost,
        example: "[items.cost] with amount = \"780000.00\" and floors = { 1 = 0, 2 = 0.3 }",
    },
];

/// What every item is checked against.
pub(super) struct Context<'c> {
    pub rules: &'c RuleBook,
    pub roster: RosterView<'c>,
    /// The meeting's local date, if it was valid.
    pub meeting_date: Option<Date>,
}

/// Reads all items; `None` if any had a problem (all reported).
pub(super) fn read_items(
    report: &mut Report,
    ctx: &Context,
    value: Option<&Value>,
) -> Option<Vec<ItemPlan>> {
    let Some(value) = value else {
        report.at(report.end(), said!(A::NoItems), said!(A::ItemsHint));
        return None;
    };
    let DeValue::Array(array) = value.get_ref() else {
        wrong_type(
            report,
            "items",
            value,
            A::TypeListOfTables,
            said!(A::ItemsBrackets),
        );
        return None;
    };
    if array.is_empty() {
        report.at(value.span().start, said!(A::NoItems), said!(A::ItemsHint));
        return None;
    }
    let before = report.count();
    let mut items = Vec::new();
    // Each title read so far, with its item's number.
    let mut titles: Vec<(usize, At<String>)> = Vec::new();
    for (index, element) in array.iter().enumerate() {
        let number = index + 1;
        let (title, item) = read_item(report, ctx, number, element);
        if let Some(title) = title {
            if let Some((first, earlier)) = titles.iter().find(|(_, t)| t.value == title.value) {
                report.at(
                    title.at,
                    said!(A::SameTitle, title = title.value),
                    said!(
                        A::SameTitleHint,
                        first = first,
                        line = report.line(earlier.at)
                    ),
                );
            }
            titles.push((number, title));
        }
        items.extend(item);
    }
    (report.count() == before).then_some(items)
}

/// One item: its title (for the duplicate check, even if the rest is wrong) and the plan if all is valid.
fn read_item(
    report: &mut Report,
    ctx: &Context,
    number: usize,
    value: &Value,
) -> (Option<At<String>>, Option<ItemPlan>) {
    let DeValue::Table(table) = value.get_ref() else {
        report.at(
            value.span().start,
            said!(A::ItemNotTable, n = number).word("found", a_type(value.get_ref())),
            said!(A::ItemTableHint),
        );
        return (None, None);
    };
    let before = report.count();
    let fields = Fields::new(
        report,
        said!(A::TableItem, n = number),
        value.span().start,
        table,
        ITEM_KEYS,
    );
    let title = fields.text(report, "title");
    let raised_by = fields.text(report, "raised_by");
    let raised_from = raised_from(report, ctx, &fields);
    let raised_on = raised_on(report, ctx, &fields);
    let statement = fields.text(report, "statement");
    let category = fields.optional_text(report, "category");
    let proposal = fields.optional_text(report, "proposal");
    let rule = rule(report, ctx, &fields);
    let scope = fields
        .required(report, "scope")
        .and_then(|v| scope(report, ctx, v));
    let required_consent = required_consent(report, ctx, &fields, rule.as_ref(), scope.as_ref());
    let cost = fields
        .get("cost")
        .map(|v| read_cost(report, &ctx.roster, scope.as_ref(), number, v));

    let valid = report.count() == before;
    let item = valid.then(|| -> Option<ItemPlan> {
        Some(ItemPlan {
            title: title.clone()?.value,
            raised_by: raised_by?.value,
            raised_from,
            raised_on,
            statement: statement?.value,
            category: category.map(|c| c.value),
            proposal: proposal.map(|p| p.value),
            rule: rule?,
            scope: scope?,
            required_consent: required_consent?,
            cost: cost.flatten(),
        })
    });
    (title, item.flatten())
}

fn raised_from(report: &mut Report, ctx: &Context, fields: &Fields) -> Option<FlatRef> {
    let value = fields.get("raised_from")?;
    let text = string(report, "raised_from", value, "raised_from = \"3-2-501\"")?;
    let flat = flat(report, ctx, &text)?;
    Some(flat.value)
}

/// An item is raised before the meeting that takes it up; a later date is a typo in the year or month.
fn raised_on(report: &mut Report, ctx: &Context, fields: &Fields) -> Option<Date> {
    let value = fields.get("raised_on")?;
    let day = when::date(report, "raised_on", value, "2026-10-20")?;
    if let Some(meeting) = ctx.meeting_date.filter(|m| day > *m) {
        report.at(
            value.span().start,
            said!(A::RaisedAfter, day = day, meeting = meeting),
            said!(A::RaisedAfterHint),
        );
        return None;
    }
    Some(day)
}

fn rule(report: &mut Report, ctx: &Context, fields: &Fields) -> Option<Rule> {
    let At { value, at } = fields.text(report, "rule")?;
    match ctx.rules.lookup(&value) {
        Lookup::Found(rule) => Some(rule),
        Lookup::Broken => None,
        Lookup::Unknown => {
            report.at(
                at,
                said!(A::UnknownRule, rule = value),
                ctx.rules.unknown_hint(&value),
            );
            None
        }
    }
}

/// A scope: "estate", a building ("3", or the integer 3), a unit ("3-2"), or a list of flats.
fn scope(report: &mut Report, ctx: &Context, value: &Value) -> Option<Scope> {
    let at = value.span().start;
    match value.get_ref() {
        DeValue::String(text) => {
            let text = text.trim();
            match Scope::parse(text) {
                Ok(scope) => check_scope(report, ctx, at, scope),
                Err(_) if FlatRef::parse(text).is_ok() => {
                    report.at(
                        at,
                        said!(A::SingleFlatScope, text = text),
                        said!(A::SingleFlatHint, text = text),
                    );
                    None
                }
                Err(_) => {
                    report.at(at, said!(A::NotAScope, text = text), said!(A::ScopeHint));
                    None
                }
            }
        }
        // `scope = 3` is building 3: the number is what people type for a building.
        DeValue::Integer(n)
            if n.radix() == 10 && n.as_str().parse::<u32>().is_ok_and(|n| n > 0) =>
        {
            let building = n.as_str().parse::<u32>().ok()?.to_string();
            check_scope(report, ctx, at, Scope::Building(building))
        }
        DeValue::Float(f) => {
            let unit = f.as_str().replacen('.', "-", 1);
            wrong_type(
                report,
                "scope",
                value,
                A::TypeString,
                said!(A::UnitAsText, unit = unit),
            );
            None
        }
        DeValue::Array(_) => {
            let flats = flat_list(report, ctx, "scope", value)?;
            if flats.is_empty() {
                report.at(at, said!(A::EmptyScope), said!(A::EmptyScopeHint));
                return None;
            }
            Some(Scope::Flats(flats.into_iter().map(|f| f.value).collect()))
        }
        _ => {
            wrong_type(
                report,
                "scope",
                value,
                A::TypeStringOrFlats,
                said!(A::ScopeHint),
            );
            None
        }
    }
}

/// A building or unit scope must have flats in the roster, or nobody could vote.
fn check_scope(report: &mut Report, ctx: &Context, at: usize, scope: Scope) -> Option<Scope> {
    match &scope {
        Scope::Building(b) if !ctx.roster.has_building(b) => {
            report.at(
                at,
                said!(A::NoBuilding, building = b),
                ctx.roster.building_hint(),
            );
            None
        }
        Scope::Unit { building, unit } if !ctx.roster.has_unit(building, unit) => {
            report.at(
                at,
                said!(A::NoUnit, building = building, unit = unit),
                ctx.roster.unit_hint(building),
            );
            None
        }
        _ => Some(scope),
    }
}

/// Owners whose exclusive part is affected (e.g. the shaft takes part of their flat) must consent:
/// they must be in the roster and within the item's scope, and the item must have a vote.
fn required_consent(
    report: &mut Report,
    ctx: &Context,
    fields: &Fields,
    rule: Option<&Rule>,
    scope: Option<&Scope>,
) -> Option<Vec<FlatRef>> {
    let Some(value) = fields.get("required_consent") else {
        return Some(Vec::new());
    };
    if let Some(rule) = rule.filter(|r| !r.votes) {
        report.at(
            fields.key_at("required_consent"),
            said!(A::ConsentWithoutVote, rule = rule.name),
            said!(A::ConsentWithoutVoteHint),
        );
        return None;
    }
    let flats = match value.get_ref() {
        // A single flat may be written without the list brackets.
        DeValue::String(text) => {
            let text = At {
                value: text.trim().to_string(),
                at: value.span().start,
            };
            vec![flat(report, ctx, &text)?]
        }
        _ => flat_list(report, ctx, "required_consent", value)?,
    };
    let mut all_inside = true;
    if let Some(scope) = scope {
        for f in flats.iter().filter(|f| !scope.contains(&f.value)) {
            all_inside = false;
            report.at(
                f.at,
                said!(A::ConsentOutside, flat = f.value).both(
                    "scope",
                    terms::scope(scope, Lang::Zh),
                    terms::scope(scope, Lang::En),
                ),
                said!(A::ConsentOutsideHint),
            );
        }
    }
    all_inside.then(|| flats.into_iter().map(|f| f.value).collect())
}

/// A list of flats, each in the roster, none twice. `None` if any entry had a problem.
fn flat_list(
    report: &mut Report,
    ctx: &Context,
    key: &str,
    value: &Value,
) -> Option<Vec<At<FlatRef>>> {
    let DeValue::Array(array) = value.get_ref() else {
        wrong_type(
            report,
            key,
            value,
            A::TypeListOfFlats,
            said!(A::WriteAs, example = format!("{key} = [\"3-2-101\"]")),
        );
        return None;
    };
    let before = report.count();
    let mut flats: Vec<At<FlatRef>> = Vec::new();
    for element in array.iter() {
        let DeValue::String(text) = element.get_ref() else {
            report.at(
                element.span().start,
                said!(A::FlatInQuotes, key = key).word("found", a_type(element.get_ref())),
                said!(A::FlatListHint, key = key),
            );
            continue;
        };
        let text = At {
            value: text.trim().to_string(),
            at: element.span().start,
        };
        let Some(flat) = flat(report, ctx, &text) else {
            continue;
        };
        if flats.iter().any(|f| f.value == flat.value) {
            report.at(
                flat.at,
                said!(A::FlatTwice, flat = flat.value),
                said!(A::RemoveRepeat),
            );
            continue;
        }
        flats.push(flat);
    }
    (report.count() == before).then_some(flats)
}

/// A flat written `3-2-501` or `3栋2单元501`, which must be in the roster.
fn flat(report: &mut Report, ctx: &Context, text: &At<String>) -> Option<At<FlatRef>> {
    let Ok(flat) = FlatRef::parse(&text.value) else {
        report.at(
            text.at,
            said!(A::NotAFlat, text = text.value),
            said!(A::FlatHint),
        );
        return None;
    };
    if !ctx.roster.has_flat(&flat) {
        report.at(
            text.at,
            said!(A::FlatNotInRoster, flat = flat),
            ctx.roster.flat_hint(&flat),
        );
        return None;
    }
    Some(At {
        value: flat,
        at: text.at,
    })
}
