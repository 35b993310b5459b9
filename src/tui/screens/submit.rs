//! A form was saved: its values become a request for the store. The form is kept until the store
//! answers, so a refusal shows it again with the text and the reason.

use crate::i18n::T;
use crate::store::ItemText;

use super::super::app::{App, FormFor, Modal};
use super::super::form::Form;
use super::super::worker::Request;
use super::roll_call;

/// A form was saved: turn its values into a request.
/// `alt` is the form's second way of saving (F3).
pub fn submit_form(app: &mut App, mut form: Form, purpose: FormFor, alt: bool) {
    let v = form.values();
    let kept = purpose.clone();
    let request = match purpose {
        FormFor::Proxy { flat } => {
            app.sign_in.clear();
            Request::Attend {
                flat,
                presence: crate::store::Presence::Proxy(v[0].clone()),
            }
        }
        FormFor::ProxyBallot {
            owner,
            flat,
            choice,
        } => {
            let proxy = Some(v[0].clone());
            let method = crate::store::Method::Proxy;
            return roll_call::send_ballot(app, owner, flat, choice, method, proxy, None);
        }
        FormFor::Correction {
            owner,
            flat,
            choice,
            method,
            proxy,
        } => {
            let reason = Some(v[0].clone());
            return roll_call::send_ballot(app, owner, flat, choice, method, proxy, reason);
        }
        FormFor::NewItem => match super::new_item::plan(
            &v,
            app.model.as_ref().map(|m| m.meeting.local_start().date()),
            app.lang,
        ) {
            Ok(plan) => Request::AddItem {
                plan: Box::new(plan),
            },
            Err((field, error)) => return show_again(app, form, kept, field, error),
        },
        FormFor::Cost { item } => match super::cost_form::plan(&v, app.lang) {
            Ok(plan) => Request::SetCost {
                item,
                plan: Box::new(plan),
                reason: v[4].clone(),
            },
            Err((field, error)) => return show_again(app, form, kept, field, error),
        },
        FormFor::NewMeeting | FormFor::EditMeeting | FormFor::EditItem { .. } => {
            // F3 on the meeting's form: its notice settings next, once it is stored.
            app.then_notice = alt && matches!(purpose, FormFor::NewMeeting | FormFor::EditMeeting);
            return super::setup::submit(app, form, purpose);
        }
        FormFor::Notice => return super::notice_form::submit(app, form, alt),
        FormFor::Guest => super::guest_form::request(&v),
        FormFor::Speaker => {
            app.speakers.waiting.push_back(v[0].clone());
            if app.speakers.speaking.is_none() && app.timer.is_none() {
                super::speakers::next(app);
            }
            return;
        }
        FormFor::Note { item } => Request::Note {
            item,
            speaker: v[0].clone(),
            point: v[1].clone(),
        },
        FormFor::Proposal { item } => Request::Text {
            item,
            field: ItemText::Proposal,
            text: v[0].clone(),
        },
        FormFor::Resolution { item } => Request::Text {
            item,
            field: ItemText::Resolution,
            text: v[0].clone(),
        },
        FormFor::AddAction { item } => {
            let due = match v[2].as_str() {
                "" => None,
                d => match d.parse() {
                    Ok(d) => Some(d),
                    Err(_) => {
                        form.error = Some(app.t(T::BadDate).into());
                        form.focus = 2;
                        app.modal = Some(Modal::Form(form, FormFor::AddAction { item }));
                        return;
                    }
                },
            };
            Request::AddAction {
                item,
                what: v[0].clone(),
                who: v[1].clone(),
                due,
            }
        }
        FormFor::Progress { action } => Request::Progress {
            action,
            note: v[0].clone(),
        },
        FormFor::Rescue => super::rescue::request(&v[0]),
        FormFor::CloseAction { action } => Request::CloseAction {
            action,
            confirmation: v[0].clone(),
        },
    };
    app.send(request);
    // Kept until the store answers: a refusal brings the form back with its text.
    app.sent_form = Some((form, kept));
}

/// A field did not read: the form is shown again at that field, with why.
fn show_again(app: &mut App, mut form: Form, purpose: FormFor, field: usize, error: String) {
    form.error = Some(error);
    form.focus = field;
    app.modal = Some(Modal::Form(form, purpose));
}
