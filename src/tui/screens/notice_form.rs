//! How the meeting's public notice closes, set on screen (`N` on the overview, or F3 on the
//! meeting's form): who issues it, the posting day, the notice period and whether the host and
//! secretary are named in full — what `pavilion meeting set` sets, through the same store call and
//! `meeting.notice` event. While the posting day or the period is typed, the form shows the period
//! it gives. Once the notice is out, F2 is refused with the reason and F3 issues it again.

use crate::domain::notice::{MAX_NOTICE_DAYS, NoticeSettings, valid_days};
use crate::i18n::{PaperText as P, SetupText as X, T};

use super::super::app::{App, FormFor, Modal};
use super::super::form::{Field, Form};
use super::super::worker::Request;
use super::new_item::exact_date;

const ISSUER: usize = 0;
const POSTED: usize = 1;
const DAYS: usize = 2;
const OFFICERS: usize = 3;

/// Opens the form filled with the meeting's settings as they are.
pub fn open(app: &mut App) {
    let Some(model) = &app.model else { return };
    let lang = app.lang;
    let n = &model.notice;
    let officers = vec![
        ("mask".to_string(), X::OfficersMasked.get(lang).to_string()),
        ("show".to_string(), X::OfficersShown.get(lang).to_string()),
    ];
    let mut form = Form::new(
        T::NoticeFormTitle,
        vec![
            Field::line(T::NoticeIssuerField)
                .hint(T::NoticeIssuerHint)
                .optional()
                .with(n.issuer.as_deref().unwrap_or("")),
            Field::line(T::NoticePostedField)
                .hint(T::NoticePostedHint)
                .optional()
                .with(&n.posted_on.map(|d| d.to_string()).unwrap_or_default()),
            Field::line(T::NoticeDaysField)
                .hint(T::NoticeDaysHint)
                .optional()
                .with(&n.notice_days.map(|d| d.to_string()).unwrap_or_default()),
            Field::choice(T::NoticeOfficersField, officers).with(if n.show_officers {
                "show"
            } else {
                "mask"
            }),
        ],
    );
    form.keys = vec![
        ("Tab", T::KeyNextField),
        ("F2", T::KeySave),
        ("F3", T::KeyReissue),
        ("Esc", T::KeyCancel),
    ];
    super::setup::open(app, form, FormFor::Notice);
}

/// The settings from the form, or the field that does not read and why.
fn settings(values: &[String], app: &App) -> Result<NoticeSettings, (usize, String)> {
    let lang = app.lang;
    let meeting = app.model.as_ref().map(|m| m.meeting.local_start().date());
    // A month and day alone fall in the meeting's year.
    let year = meeting.map_or_else(|| jiff::Zoned::now().year(), |m| m.year());
    let posted_on = exact_date(&values[POSTED], year)
        .map_err(|t| (POSTED, P::NotADay.fill(lang, &[("text", &t)])))?;
    if let (Some(posted), Some(meeting)) = (posted_on, meeting)
        && posted < meeting
    {
        let said = P::PostedBefore.fill(
            lang,
            &[
                ("posted", &crate::i18n::date(lang, posted)),
                ("meeting", &crate::i18n::date(lang, meeting)),
            ],
        );
        return Err((POSTED, said));
    }
    let days = crate::domain::written::half_width(&values[DAYS]);
    let notice_days = match days.trim() {
        "" => None,
        t => Some(t.parse::<i64>().ok().and_then(valid_days).ok_or_else(|| {
            let args: [(&str, &dyn std::fmt::Display); 2] =
                [("days", &t), ("max", &MAX_NOTICE_DAYS)];
            (DAYS, X::BadNoticeDays.fill(lang, &args))
        })?),
    };
    Ok(NoticeSettings {
        issuer: Some(values[ISSUER].trim().to_string()).filter(|i| !i.is_empty()),
        posted_on,
        notice_days,
        show_officers: values[OFFICERS] == "show",
    })
}

/// What the posting day and period typed so far give, under the form.
pub fn info(app: &App, form: &mut Form) {
    form.info = match form.focus {
        POSTED | DAYS => settings(&form.values(), app).ok().map(|s| {
            let colon = super::wording::colon(app.lang);
            let period = crate::export::paper::period(&s, app.lang);
            format!("{}{colon}{period}", P::NoticePeriod.get(app.lang))
        }),
        _ => None,
    };
}

/// Sends the settings to the store; `reissue` (F3) changes a notice that is already out.
pub fn submit(app: &mut App, mut form: Form, reissue: bool) {
    let Some(model) = &app.model else { return };
    let lang = app.lang;
    let error = match settings(&form.values(), app) {
        Ok(s) if s == model.notice => {
            app.say(P::NothingChanged.get(lang));
            return;
        }
        Ok(s) => match model.notice_issued {
            // Refused before the store is asked, with the screen's way to do it anyway.
            Some(posted) if !reissue => {
                (form.focus, X::NoticeOut.fill(lang, &[("posted", &posted)]))
            }
            _ => {
                app.send(Request::SetNotice {
                    settings: Box::new(s),
                    reissue,
                });
                app.sent_form = Some((form, FormFor::Notice));
                return;
            }
        },
        Err(e) => e,
    };
    form.focus = error.0;
    form.error = Some(error.1);
    app.modal = Some(Modal::Form(form, FormFor::Notice));
}
