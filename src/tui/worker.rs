//! The store side of the TUI: requests from the screens, executed one by one on a thread that owns
//! the database, so SQLite never blocks typing. Tests call `execute` directly with the same requests.

use jiff::civil::Date;

use crate::domain::{Choice, FlatRef, Responsible};
use crate::store::{
    AttendanceRecord, BallotInput, BallotRecord, ItemText, Method, NewAction, Presence, Store,
    StoreError,
};

use std::sync::Arc;

use super::model::{Model, RollCall, Roster};

#[derive(Clone, Debug)]
pub enum Request {
    Reload,
    /// The roster's list (once a session: nothing on screen changes it).
    Roster,
    /// What the room display shows (no event: not part of the record).
    Display(crate::store::DisplayState),
    OpenRollCall {
        item: i64,
    },
    Attend {
        flat: FlatRef,
        presence: Presence,
    },
    Ballot {
        item: i64,
        owner: i64,
        flat: FlatRef,
        choice: Choice,
        method: Method,
        proxy: Option<String>,
        /// Why a recorded ballot changes (a correction); None for a first ballot.
        reason: Option<String>,
    },
    /// Undo: put back what each owner had before (a choice, or nothing), with the reason.
    Restore {
        item: i64,
        steps: Vec<crate::tui::app::UndoStep>,
        reason: String,
    },
    /// "Everyone present votes yes": one transaction for all of them.
    AllPresentYes {
        item: i64,
        flats: Vec<(i64, FlatRef, Method, Option<String>)>,
    },
    CloseVote {
        item: i64,
    },
    /// A backlog concern onto this meeting's agenda.
    Schedule {
        concern: i64,
    },
    /// A new item typed in on screen.
    AddItem {
        plan: Box<crate::domain::meeting::ItemPlan>,
    },
    Step {
        item: i64,
        to: crate::domain::Step,
    },
    /// A meeting set up on screen: the screens move to it.
    CreateMeeting {
        plan: Box<crate::domain::meeting::MeetingPlan>,
    },
    EditMeeting {
        plan: Box<crate::domain::meeting::MeetingPlan>,
    },
    EditItem {
        item: i64,
        plan: Box<crate::domain::meeting::ItemPlan>,
    },
    MoveItem {
        item: i64,
        to: crate::store::Move,
    },
    /// An item's speaking turn, in seconds (the meeting's too, for items without their own).
    TurnLength {
        item: i64,
        seconds: u32,
    },
    /// How the public notice closes (`meeting set`); `reissue` changes a notice already out.
    SetNotice {
        settings: Box<crate::domain::NoticeSettings>,
        reissue: bool,
    },
    /// Someone who sat in (列席).
    AddGuest {
        name: String,
        role: String,
    },
    /// An item's cost plan set or changed (the earlier plan is kept).
    SetCost {
        item: i64,
        plan: Box<crate::domain::cost::CostPlan>,
        reason: String,
    },
    Note {
        item: i64,
        speaker: String,
        point: String,
    },
    Text {
        item: i64,
        field: ItemText,
        text: String,
    },
    AddAction {
        item: Option<i64>,
        what: String,
        who: String,
        due: Option<Date>,
    },
    Progress {
        action: i64,
        note: String,
    },
    CloseAction {
        action: i64,
        confirmation: String,
    },
    Raise {
        text: String,
        by: String,
        from: Option<FlatRef>,
        to_agenda: bool,
    },
    /// Minutes or public notice, written into `exports/` next to the database.
    Export {
        format: crate::export::Format,
        variant: crate::export::Variant,
        lang: crate::lang::Lang,
    },
    /// The database file is gone or replaced: a checked copy of the record still open, to here.
    RescueCopy {
        dest: std::path::PathBuf,
    },
}

impl Request {
    /// Whether the request writes to the database (reads, exports and copies do not).
    pub fn writes(&self) -> bool {
        !matches!(
            self,
            Request::Reload
                | Request::Roster
                | Request::OpenRollCall { .. }
                | Request::Export { .. }
                | Request::RescueCopy { .. }
        )
    }
}

#[derive(Debug)]
pub enum Reply {
    Model(Box<Model>),
    /// The roster's list, shared with the store thread (its roll calls read names and flats in it).
    Roster(Arc<Roster>),
    RollCall(Box<RollCall>),
    Attended {
        owner: i64,
        record: AttendanceRecord,
    },
    /// A ballot is committed (None: withdrawn). The screen shows it only now.
    Ballot {
        item: i64,
        owner: i64,
        ballot: Option<BallotRecord>,
    },
    /// A ballot was refused: nothing was written for this owner.
    BallotFailed {
        owner: i64,
        error: crate::i18n::Said,
    },
    /// An export was written here.
    Exported(std::path::PathBuf),
    /// The database path no longer names the file opened: nothing was written (for ballots:
    /// these owners'). The screens keep what they show and offer a copy.
    FileGone {
        path: String,
        owners: Vec<i64>,
    },
    /// The copy asked for is saved and checked.
    Rescued {
        path: std::path::PathBuf,
        events: usize,
    },
    /// "Everyone present yes" was refused: none of its ballots was written.
    GroupFailed {
        owners: Vec<i64>,
        error: crate::i18n::Said,
    },
    /// A refusal, rendered in the screens' language when shown.
    Failed(crate::i18n::Said),
    /// An automatic backup made in the background failed (what it followed stays recorded).
    BackupFailed(crate::i18n::Said),
}

/// A store error as a message: the store's own texts stay translatable.
fn said(e: StoreError) -> crate::i18n::Said {
    crate::i18n::errors::said_of(&e)
}

/// What the store thread keeps from one request to the next: the roster's list it read, which the
/// screens hold too (shared, not copied) and each roll call takes its names and flats from.
#[derive(Debug, Default)]
pub struct Session {
    roster: Option<Arc<Roster>>,
}

impl Session {
    /// The roster's list now: the one read before while no import came since; `true` when it
    /// was read again (the screens should have it too).
    fn roster(&mut self, store: &Store) -> Result<(Arc<Roster>, bool), StoreError> {
        if let Some(r) = &self.roster
            && r.import == store.last_roster_import()?
        {
            return Ok((Arc::clone(r), false));
        }
        let r = Arc::new(Roster::load(store)?);
        self.roster = Some(Arc::clone(&r));
        Ok((r, true))
    }

    /// Item `item`'s roll call, after the roster's list if it had to be read again.
    fn roll_call(
        &mut self,
        store: &Store,
        meeting: i64,
        item: i64,
    ) -> Result<Vec<Reply>, StoreError> {
        let (roster, read) = self.roster(store)?;
        let roll = RollCall::load(store, meeting, item, &roster)?;
        let mut replies = Vec::with_capacity(2);
        if read {
            replies.push(Reply::Roster(roster));
        }
        replies.push(Reply::RollCall(Box::new(roll)));
        Ok(replies)
    }
}

/// Runs one request against the store with nothing kept from earlier ones (see [`execute_in`]).
pub fn execute(store: &mut Store, meeting: i64, req: Request) -> Vec<Reply> {
    execute_in(&mut Session::default(), store, meeting, req)
}

/// Runs one request against the store. Writes reply with what changed, or with a fresh model.
pub fn execute_in(
    session: &mut Session,
    store: &mut Store,
    meeting: i64,
    req: Request,
) -> Vec<Reply> {
    let ballot_of = match &req {
        Request::Ballot { owner, .. } => Some(vec![*owner]),
        Request::AllPresentYes { flats, .. } => Some(flats.iter().map(|f| f.0).collect()),
        _ => None,
    };
    let gone = |store: &Store, owners: Option<Vec<i64>>| Reply::FileGone {
        path: store.opened_path().display().to_string(),
        owners: owners.unwrap_or_default(),
    };
    // Checked before each write (and again by the store as it commits): a write into a deleted
    // file would be lost, one into a file put in its place would mix two records.
    let ours = store.ensure_ours().is_ok();
    if req.writes() && !ours {
        return vec![gone(store, ballot_of)];
    }
    let group = matches!(req, Request::AllPresentYes { .. });
    match (run(session, store, meeting, req), ballot_of) {
        (Ok(replies), _) => replies,
        (Err(StoreError::NotSameFile), owners) => vec![gone(store, owners)],
        (Err(e), Some(owners)) if group => vec![Reply::GroupFailed {
            owners,
            error: said(e),
        }],
        (Err(e), Some(owners)) => vec![Reply::BallotFailed {
            owner: owners[0],
            error: said(e),
        }],
        (Err(e), None) => vec![Reply::Failed(said(e))],
    }
}

fn reload(store: &Store, meeting: i64) -> Result<Reply, StoreError> {
    Ok(Reply::Model(Box::new(Model::load(store, meeting)?)))
}

fn run(
    session: &mut Session,
    store: &mut Store,
    meeting: i64,
    req: Request,
) -> Result<Vec<Reply>, StoreError> {
    let ballot_input = |flat, choice, method, proxy| BallotInput {
        flat,
        choice,
        method,
        proxy,
        reason: None,
    };
    Ok(match req {
        Request::Reload => vec![reload(store, meeting)?],
        Request::Roster => vec![Reply::Roster(session.roster(store)?.0)],
        Request::Display(state) => {
            store.set_display(&state)?;
            vec![]
        }
        Request::OpenRollCall { item } => session.roll_call(store, meeting, item)?,
        Request::Attend { flat, presence } => {
            let entry = store.attend(meeting, &flat, &presence)?;
            let record = store
                .attendance(meeting)?
                .remove(&entry.owner_id)
                .ok_or_else(|| {
                    StoreError::from(crate::i18n::said!(
                        crate::i18n::StoreText::SignInNotRecorded,
                        flat = flat
                    ))
                })?;
            vec![Reply::Attended {
                owner: entry.owner_id,
                record,
            }]
        }
        Request::Ballot {
            item,
            owner,
            flat,
            choice,
            method,
            proxy,
            reason,
        } => {
            let input = BallotInput {
                reason: reason.as_deref(),
                ..ballot_input(&flat, choice, method, proxy.as_deref())
            };
            let b = store.cast_ballot(meeting, item, &input)?;
            vec![Reply::Ballot {
                item,
                owner,
                ballot: Some(b),
            }]
        }
        Request::Restore {
            item,
            steps,
            reason,
        } => {
            let mut replies = Vec::new();
            for step in steps {
                match restore(store, meeting, item, &step, &reason) {
                    Ok(ballot) => replies.push(Reply::Ballot {
                        item,
                        owner: step.owner,
                        ballot,
                    }),
                    // What was put back stays put back; the screen is told where it stopped.
                    Err(e) => {
                        replies.push(Reply::Failed(said(e)));
                        break;
                    }
                }
            }
            replies
        }
        Request::AllPresentYes { item, flats } => {
            let inputs: Vec<BallotInput> = flats
                .iter()
                .map(|(_, f, m, p)| ballot_input(f, Choice::Yes, *m, p.as_deref()))
                .collect();
            if let Err(problems) = store.cast_ballots(meeting, item, &inputs)?
                && let Some((_, first)) = problems.into_iter().next()
            {
                return Err(first);
            }
            session.roll_call(store, meeting, item)?
        }
        Request::CloseVote { item } => {
            store.close_vote(meeting, item)?;
            // A copy of the record with the result in it, made while the screens go on; a
            // failure never undoes the close.
            store.auto_backup_in_background(crate::store::backup::Reason::Close);
            let mut replies = vec![reload(store, meeting)?];
            replies.extend(session.roll_call(store, meeting, item)?);
            replies
        }
        Request::Schedule { concern } => {
            store.schedule_concern(concern, meeting)?;
            vec![reload(store, meeting)?]
        }
        Request::AddItem { plan } => {
            store.check_scope(&plan)?;
            store.add_item(meeting, &plan, None)?;
            vec![reload(store, meeting)?]
        }
        Request::CreateMeeting { plan } => {
            let id = store.create_meeting(&plan)?;
            vec![reload(store, id)?]
        }
        Request::EditMeeting { plan } => {
            store.edit_meeting(meeting, &plan)?;
            vec![reload(store, meeting)?]
        }
        Request::EditItem { item, plan } => {
            store.edit_item(meeting, item, &plan)?;
            vec![reload(store, meeting)?]
        }
        Request::MoveItem { item, to } => {
            store.move_item(meeting, item, to)?;
            vec![reload(store, meeting)?]
        }
        Request::TurnLength { item, seconds } => {
            store.set_turn_length(meeting, item, seconds)?;
            vec![reload(store, meeting)?]
        }
        Request::SetNotice { settings, reissue } => {
            store.set_notice(meeting, &settings, reissue)?;
            vec![reload(store, meeting)?]
        }
        Request::AddGuest { name, role } => {
            store.add_guest(meeting, &name, &role, false)?;
            vec![reload(store, meeting)?]
        }
        Request::SetCost { item, plan, reason } => {
            store.set_cost_plan(meeting, item, &plan, Some(&reason))?;
            vec![reload(store, meeting)?]
        }
        Request::Step { item, to } => {
            store.set_step(meeting, item, to)?;
            vec![reload(store, meeting)?]
        }
        Request::Note {
            item,
            speaker,
            point,
        } => {
            store.add_note(meeting, item, &speaker, &point)?;
            vec![reload(store, meeting)?]
        }
        Request::Text { item, field, text } => {
            store.set_text(meeting, item, field, &text)?;
            vec![reload(store, meeting)?]
        }
        Request::AddAction {
            item,
            what,
            who,
            due,
        } => {
            let new = NewAction {
                item: item.map(|n| (meeting, n)),
                meeting: Some(meeting),
                what: &what,
                responsible: Responsible::parse(&who),
                due,
            };
            store.add_action(&new)?;
            vec![reload(store, meeting)?]
        }
        Request::Progress { action, note } => {
            store.update_action(action, Some(meeting), &note)?;
            vec![reload(store, meeting)?]
        }
        Request::CloseAction {
            action,
            confirmation,
        } => {
            store.close_action(action, Some(meeting), &confirmation)?;
            vec![reload(store, meeting)?]
        }
        Request::Export {
            format,
            variant,
            lang,
        } => {
            let bytes = crate::export::export(store, meeting, format, variant, lang)
                .map_err(|e| StoreError::from(crate::i18n::errors::said_of(&e)))?;
            let dir = store
                .path()
                .parent()
                .unwrap_or(std::path::Path::new("."))
                .join("exports");
            let name =
                crate::export::default_file_name(&store.meeting(meeting)?, format, variant, lang);
            let path = dir.join(name);
            // An earlier export of the same name is kept; the screen shows the name used.
            let path =
                crate::export::file::write_new(&path, &bytes, false).map_err(StoreError::from)?;
            vec![Reply::Exported(path)]
        }
        Request::RescueCopy { dest } => {
            let info = store.rescue_copy(&dest)?;
            vec![Reply::Rescued {
                path: info.path,
                events: info.events,
            }]
        }
        Request::Raise {
            text,
            by,
            from,
            to_agenda,
        } => {
            if to_agenda {
                store.raise_on_agenda(meeting, &text, &by, from.as_ref())?;
            } else {
                store.raise_concern(&text, &by, from.as_ref())?;
            }
            vec![reload(store, meeting)?]
        }
    })
}

/// Puts back one owner's previous ballot (or withdraws theirs if they had none).
fn restore(
    store: &mut Store,
    meeting: i64,
    item: i64,
    step: &crate::tui::app::UndoStep,
    reason: &str,
) -> Result<Option<BallotRecord>, StoreError> {
    Ok(match &step.previous {
        Some(p) => {
            let input = BallotInput {
                flat: &step.flat,
                choice: p.choice,
                method: p.method,
                proxy: p.proxy.as_deref(),
                reason: Some(reason),
            };
            Some(store.cast_ballot(meeting, item, &input)?)
        }
        None => {
            store.withdraw_ballot(meeting, item, &step.flat, Some(reason))?;
            None
        }
    })
}
