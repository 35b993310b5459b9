//! The database file was deleted, moved or replaced under the screens: they write nothing more,
//! keep what they show, say so on every screen, and offer to save a copy of the record from the
//! connection still open to a path the host types.

use std::path::PathBuf;

use crate::i18n::T;

use super::super::app::{App, FormFor, Modal};
use super::super::form::{Field, Form};
use super::super::worker::Request;
use super::wording::colon;

/// What the screens know once the file is not theirs any more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lost {
    /// The file opened (full path).
    pub path: String,
    /// The copy form was offered since the last refused write (Esc leaves it closed until the
    /// next one).
    pub offered: bool,
}

/// A write was refused because the file is gone or replaced.
pub fn file_gone(app: &mut App, path: String, owners: &[i64]) {
    match owners {
        [] => {}
        [owner] => app.forget_ballot(*owner),
        group => app.forget_group(group),
    }
    app.pending.clear();
    let text = T::FileGone.fill(app.lang, &[("path", &path)]);
    app.warn(text.clone());
    // A form that was sent comes back with its text, so nothing typed is lost.
    if let Some((mut form, purpose)) = app.sent_form.take() {
        form.error = Some(text.clone());
        app.modal = Some(Modal::Form(form, purpose));
    } else if std::mem::take(&mut app.raise_sent) {
        app.raise.error = Some(text);
    }
    app.lost = Some(Lost {
        path,
        offered: false,
    });
    offer(app);
}

/// Opens the copy form once per refused write, when nothing else is open.
pub fn offer(app: &mut App) {
    if let Some(lost) = &mut app.lost
        && !lost.offered
        && app.modal.is_none()
    {
        lost.offered = true;
        let field = Field::line(T::RescuePath).hint(T::RescueHint);
        app.modal = Some(Modal::Form(
            Form::new(T::RescueTitle, vec![field]),
            FormFor::Rescue,
        ));
    }
}

/// The copy form was saved: the path typed, relative to where pavilion was started.
pub fn request(path: &str) -> Request {
    Request::RescueCopy {
        dest: PathBuf::from(path),
    }
}

/// The copy is saved and checked.
pub fn saved(app: &mut App, path: &std::path::Path, events: usize) {
    app.sent_form = None;
    let text = T::RescueSaved.fill(app.lang, &[("path", &path.display()), ("events", &events)]);
    app.say(text);
}

/// The title bar's mark while the screens write nothing.
pub fn mark(app: &App) -> Option<String> {
    app.lost
        .as_ref()
        .map(|l| format!("  {}{}{}", app.t(T::NotWriting), colon(app.lang), l.path))
}
