//! Setting the meeting up on screen: the meeting's header (new or changed), an item changed, items
//! moved up and down. While the host types a rule or a scope, the form says what it means: the
//! rule's thresholds and basis, the flats, owners and area the scope covers.

use std::collections::HashSet;

use jiff::civil::DateTime;

use crate::domain::meeting::{ItemPlan, MeetingPlan};
use crate::domain::rule::{CIVIL_CODE_MAJOR, CIVIL_CODE_ORDINARY, NONE, SHOW_OF_HANDS};

use super::new_item as ni;
use crate::domain::{Area, MeetingKind, Rule, Scope};
use crate::i18n::{SetupText as X, T};
use crate::lang::Lang;
use crate::store::{ItemRecord, MeetingRecord, Move};

use super::super::app::{App, FormFor, Modal};
use super::super::form::{Field, Form};
use super::super::worker::Request;

/// Opens a form, with what its prefilled fields mean already worked out.
pub fn open(app: &mut App, mut form: Form, purpose: FormFor) {
    info(app, &mut form, &purpose);
    app.modal = Some(Modal::Form(form, purpose));
}

/// Where each field of the meeting form is.
pub const KIND: usize = 1;
pub const NUMBER: usize = 6;

/// The meeting kinds as the list offers them (the digits 1–2 pick them too).
fn kind_choices(lang: Lang) -> Vec<(String, String)> {
    [
        (MeetingKind::Owners, X::ChoiceOwners),
        (MeetingKind::Residents, X::ChoiceResidents),
    ]
    .into_iter()
    .map(|(kind, label)| (kind.as_str().to_string(), label.get(lang).to_string()))
    .collect()
}

/// The meeting's header: blank for a new meeting (place and people as last time), or as it is.
pub fn meeting_form(app: &App, new: bool) -> Form {
    let lang = app.lang;
    let current = app.model.as_ref().map(|m| &m.meeting);
    let kind = current.map_or(MeetingKind::Owners, |m| m.kind);
    let starts = match current {
        Some(m) if !new => m.local_start().strftime("%Y-%m-%d %H:%M").to_string(),
        _ => format!("{} 19:00", app.today),
    };
    let title = match current {
        Some(m) if !new => m.title.as_str(),
        _ => "",
    };
    let of = |f: fn(&MeetingRecord) -> &str| current.map_or("", f);
    // A new meeting is offered the next number of its kind; a changed one shows the number it
    // was given.
    let number = match (current, new) {
        (Some(m), false) => m.number.map(|n| n.to_string()).unwrap_or_default(),
        _ => offered(app, kind).to_string(),
    };
    let mut form = Form::new(
        if new {
            T::NewMeetingTitle
        } else {
            T::EditMeetingTitle
        },
        vec![
            Field::line(T::MeetingTitleField).with(title),
            Field::choice(T::MeetingKindField, kind_choices(lang))
                .hint(T::MeetingKindHint)
                .with(kind.as_str()),
            Field::line(T::MeetingTime)
                .hint(T::MeetingTimeHint)
                .with(&starts),
            Field::line(T::MeetingPlace).with(of(|m| &m.place)),
            Field::line(T::MeetingHost).with(of(|m| &m.host)),
            Field::line(T::MeetingSecretary).with(of(|m| &m.secretary)),
            Field::line(T::MeetingNumberField)
                .hint(T::MeetingNumberHint)
                .optional()
                .with(&number),
        ],
    );
    // F3: saved, then how its public notice closes (a second page).
    form.keys = vec![
        ("Tab", T::KeyNextField),
        ("F2", T::KeySave),
        ("F3", T::KeyThenNotice),
        ("Esc", T::KeyCancel),
    ];
    form
}

/// The meeting's header from the form, or the field that does not read and why.
pub fn meeting_plan(
    values: &[String],
    lang: Lang,
    current: Option<&MeetingRecord>,
) -> Result<MeetingPlan, (usize, String)> {
    let kind = MeetingKind::parse(values[KIND].trim())
        .ok_or((KIND, X::KindUnread.get(lang).to_string()))?;
    let plain = crate::domain::written::half_width(&values[2]);
    let local: DateTime = plain
        .trim()
        .replace('T', " ")
        .parse::<DateTime>()
        .or_else(|_| format!("{}:00", plain.trim()).parse::<DateTime>())
        .map_err(|_| (2, X::BadStart.get(lang).to_string()))?;
    // A changed meeting keeps its own offset; a new one takes this machine's.
    let offset = current.map_or_else(crate::localtime::machine_offset, |m| m.offset);
    let starts = offset
        .to_timestamp(local)
        .map_err(|_| (2, X::BadStart.get(lang).to_string()))?;
    let number = match crate::domain::written::half_width(&values[NUMBER]).trim() {
        "" => None,
        t => Some(
            t.trim_start_matches('第')
                .trim_end_matches("次会议")
                .trim_end_matches('次')
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or((NUMBER, X::BadNumber.get(lang).to_string()))?,
        ),
    };
    Ok(MeetingPlan {
        title: values[0].clone(),
        number,
        kind,
        starts,
        offset,
        place: values[3].clone(),
        host: values[4].clone(),
        secretary: values[5].clone(),
        objections_to: current.and_then(|m| m.objections_to.clone()),
        objections_until: current.and_then(|m| m.objections_until),
        // The notice's closing is set apart (`meeting set`); a header change leaves it as it is.
        notice: Default::default(),
        items: Vec::new(),
    })
}

/// The item form filled with an item as it stands; a custom rule (from an agenda file) is offered
/// beside the built-in ones.
pub fn item_form(app: &App, item: &ItemRecord) -> Form {
    let scope = match &item.scope {
        Scope::Estate => T::ScopeEstate.get(app.lang).to_string(),
        other => other.to_string(),
    };
    let consents: Vec<String> = item.consents.iter().map(ToString::to_string).collect();
    let from = item.raised_from.as_ref().map(ToString::to_string);
    let mut form = super::new_item::form(app.lang);
    if Rule::builtin(&item.rule.name).is_none()
        && let Some(c) = &mut form.fields[ni::RULE].choices
    {
        let label = X::ChoiceCustom.fill(app.lang, &[("name", &item.rule.name)]);
        c.options.push((item.rule.name.clone(), label));
    }
    let values = [
        item.title.clone(),
        item.raised_by.clone(),
        from.unwrap_or_default(),
        item.raised_on.map(|d| d.to_string()).unwrap_or_default(),
        item.category.clone().unwrap_or_default(),
        item.statement.clone(),
        item.rule.name.clone(),
        scope,
        consents.join("、"),
    ];
    let fields = std::mem::take(&mut form.fields);
    Form::new(
        T::EditItemTitle,
        fields
            .into_iter()
            .zip(values)
            .map(|(f, v)| f.with(&v))
            .collect(),
    )
}

/// The item from the edit form: a custom rule left as it was stays; what is not on the form
/// (proposal, cost plan) stays as it is.
pub fn edited_item(
    values: &[String],
    meeting: Option<jiff::civil::Date>,
    lang: Lang,
    item: &ItemRecord,
) -> Result<ItemPlan, (usize, String)> {
    let mut values = values.to_vec();
    let custom = values[ni::RULE] == item.rule.name && Rule::builtin(&item.rule.name).is_none();
    if custom {
        values[ni::RULE] = NONE.into();
    }
    let mut plan = ni::plan(&values, meeting, lang)?;
    if custom {
        plan.rule = item.rule.clone();
    }
    plan.proposal = item.proposal.clone();
    Ok(plan)
}

/// What the focused field means, under the form: the rule in plain words, or the scope's count.
pub fn info(app: &App, form: &mut Form, purpose: &FormFor) {
    if *purpose == FormFor::Notice {
        return super::notice_form::info(app, form);
    }
    if *purpose == FormFor::NewMeeting {
        return follow_kind(app, form);
    }
    if !matches!(purpose, FormFor::NewItem | FormFor::EditItem { .. }) {
        return;
    }
    let lang = app.lang;
    let text = form.fields[form.focus].value();
    let custom = match purpose {
        FormFor::EditItem { .. } => app.current_item().filter(|i| i.rule.name == text.trim()),
        _ => None,
    };
    form.info = match form.focus {
        ni::RULE => Some(match (ni::rule(&text), custom) {
            (Some(r), _) => rule_explained(&r).get(lang).to_string(),
            (None, Some(i)) => super::wording::rule_text(app, &i.rule),
            (None, None) => X::RuleUnread.get(lang).to_string(),
        }),
        ni::SCOPE | ni::CONSENTS => {
            let scope_text = form.fields[ni::SCOPE].value();
            Some(match ni::scope(&scope_text) {
                Some(scope) => covers(app, &scope),
                None => X::ScopeUnread.get(lang).to_string(),
            })
        }
        _ => None,
    };
}

/// The number a new meeting of `kind` is offered: the next of its kind (1 in a new file).
fn offered(app: &App, kind: MeetingKind) -> u32 {
    app.model.as_ref().map_or(1, |m| m.next_number(kind))
}

/// A new meeting's number, while it is still the one offered for the other kind, follows the kind
/// picked: owners' and residents' meetings are numbered each on their own.
fn follow_kind(app: &App, form: &mut Form) {
    let Some(kind) = MeetingKind::parse(&form.fields[KIND].value()) else {
        return;
    };
    let other = match kind {
        MeetingKind::Owners => MeetingKind::Residents,
        MeetingKind::Residents => MeetingKind::Owners,
    };
    let field = &mut form.fields[NUMBER];
    if field.value() == offered(app, other).to_string() {
        let taken = std::mem::replace(field, Field::line(T::MeetingNumberField));
        *field = taken.with(&offered(app, kind).to_string());
    }
}

/// A built-in rule with its thresholds and basis.
fn rule_explained(rule: &Rule) -> X {
    match rule.name.as_str() {
        CIVIL_CODE_MAJOR => X::ExplainMajor,
        CIVIL_CODE_ORDINARY => X::ExplainOrdinary,
        SHOW_OF_HANDS => X::ExplainHands,
        _ => X::ExplainNone,
    }
}

/// How many flats and owners, and how much area, a scope covers in the roster.
fn covers(app: &App, scope: &Scope) -> String {
    let mut flats = 0usize;
    let mut owners = HashSet::new();
    let mut area = Area::ZERO;
    for (flat, a, owner) in &app.roster.flats {
        if scope.contains(flat) {
            flats += 1;
            owners.insert(*owner);
            area += *a;
        }
    }
    let area = format!("{area} {}", super::wording::area_unit(app.lang));
    X::ScopeCovers.fill(
        app.lang,
        &[
            ("flats", &flats),
            ("owners", &owners.len()),
            ("area", &area),
        ],
    )
}

/// The selected item's form, filled with it as it stands.
pub fn edit_item(app: &mut App) {
    if let Some(item) = app.current_item().cloned() {
        let form = item_form(app, &item);
        open(app, form, FormFor::EditItem { item: item.number });
    }
}

/// The selected item one place up or down the agenda.
pub fn move_item(app: &mut App, to: Move) {
    let Some(item) = app.current_item() else {
        return;
    };
    let number = item.number;
    let last = app.model.as_ref().map_or(0, |m| m.items.len());
    let target = match to {
        Move::Up => app.selected_item.checked_sub(1),
        Move::Down => Some(app.selected_item + 1).filter(|&i| i < last),
    };
    if let Some(target) = target {
        app.selected_item = target;
        app.send(Request::MoveItem { item: number, to });
    }
}

/// Sends the meeting or item form to the store, or keeps it open at the field that does not read.
pub fn submit(app: &mut App, mut form: Form, purpose: FormFor) {
    let values = form.values();
    let current = app.model.as_ref().map(|m| m.meeting.clone());
    let request = match &purpose {
        FormFor::NewMeeting => {
            meeting_plan(&values, app.lang, None).map(|plan| Request::CreateMeeting {
                plan: Box::new(plan),
            })
        }
        FormFor::EditMeeting => {
            meeting_plan(&values, app.lang, current.as_ref()).map(|plan| Request::EditMeeting {
                plan: Box::new(plan),
            })
        }
        FormFor::EditItem { item } => {
            let record = app
                .model
                .as_ref()
                .and_then(|m| m.items.iter().find(|i| i.number == *item).cloned());
            match record {
                Some(record) => {
                    let day = current.as_ref().map(|m| m.local_start().date());
                    edited_item(&values, day, app.lang, &record).map(|plan| Request::EditItem {
                        item: *item,
                        plan: Box::new(plan),
                    })
                }
                None => return,
            }
        }
        _ => return,
    };
    match request {
        // The header as it was: nothing to record (F3 goes on to the notice all the same).
        Ok(Request::EditMeeting { plan })
            if current.as_ref().is_some_and(|m| m.same_header(&plan)) =>
        {
            app.say(X::MeetingUnchanged.get(app.lang));
            if std::mem::take(&mut app.then_notice) {
                super::notice_form::open(app);
            }
        }
        Ok(r) => {
            app.send(r);
            app.sent_form = Some((form, purpose));
        }
        Err((field, error)) => {
            app.then_notice = false;
            form.error = Some(error);
            form.focus = field;
            open(app, form, purpose);
        }
    }
}
