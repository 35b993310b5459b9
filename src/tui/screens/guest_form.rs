//! Recording someone who sat in (列席) on screen: from the sign-in screen (Ctrl-G or F5), a form
//! with their name and role. The store refuses a blank field or the same person twice, and a
//! change once the notice is out (`pavilion guest add … --reissue` for a deliberate re-issue); a
//! refusal shows the form again with its text.

use crate::i18n::T;

use super::super::app::{App, FormFor, Modal};
use super::super::form::{Field, Form};
use super::super::worker::Request;

/// Opens the form.
pub fn open(app: &mut App) {
    let form = Form::new(
        T::GuestFormTitle,
        vec![
            Field::line(T::GuestNameField),
            Field::line(T::GuestRoleField).hint(T::GuestRoleHint),
        ],
    );
    app.modal = Some(Modal::Form(form, FormFor::Guest));
}

/// The form's values as a request to the store.
pub fn request(values: &[String]) -> Request {
    Request::AddGuest {
        name: values[0].clone(),
        role: values[1].clone(),
    }
}
