//! The host's terminal screens. The loop is `tokio::select!` over terminal events, replies from
//! the store thread, and a one-second tick while the speaking timer runs; it draws only on change.

pub mod app;
pub mod display;
pub mod find;
pub mod form;
mod form_draw;
pub mod idle_backup;
pub mod keys;
pub mod model;
pub mod roll;
pub mod screens;
pub mod theme;
pub mod worker;

use std::io::stdout;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use futures::StreamExt;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event, EventStream};
use ratatui::crossterm::execute;

use crate::lang::Lang;
use crate::store::Store;

use app::App;
use model::Model;
use theme::Theme;
use worker::{Reply, Request};

/// Switches the terminal over to the screens; refused in the reader's language when there is none
/// (the output redirected, or no controlling terminal), before anything is drawn.
pub(crate) fn open_terminal() -> std::result::Result<ratatui::DefaultTerminal, crate::i18n::Said> {
    use crate::i18n::{CliText, IoText, io_reason, said};
    use std::io::IsTerminal;
    let refused = |why: crate::i18n::Said| said!(CliText::NoTerminal).with("error", &why);
    if !stdout().is_terminal() {
        return Err(refused(said!(IoText::OutputNotTerminal)));
    }
    ratatui::try_init().map_err(|e| refused(io_reason(&e)))
}

/// Opens the screens on a meeting of the database at `path`.
/// Without a meeting (none set up yet), the screens open on the form for a new one.
/// Returns the automatic backup left to make once they are closed (see [`idle_backup`]).
pub fn run(path: &Path, meeting: Option<i64>, lang: Lang) -> Result<Option<idle_backup::Handoff>> {
    let store = Store::open_existing(path)?;
    let mut app = App::new(
        lang,
        Theme::from_env(),
        crate::localtime::now_local().date(),
    );
    // The first frame needs the meeting: load it before the terminal switches over.
    match meeting {
        Some(meeting) => app.on_reply(Reply::Model(Box::new(Model::load(&store, meeting)?))),
        None => app.set_up_first_meeting(),
    }
    // A backup made after the last session that failed or never finished is said at once.
    if let Some(warning) = crate::store::backup::status::read(path).and_then(|s| s.warning(lang)) {
        app.warn(warning);
    }
    // The first reload is done above; what the room display is told, and the roster's list (read
    // while the first frame is drawn), go to the store thread.
    let first: Vec<Request> = app
        .take_requests()
        .into_iter()
        .filter(|r| matches!(r, Request::Display(_) | Request::Roster))
        .collect();
    tracing::info!(db = %path.display(), ?meeting, "screens open");

    let (req_tx, req_rx) = std::sync::mpsc::channel::<Request>();
    let (rep_tx, mut rep_rx) = tokio::sync::mpsc::unbounded_channel::<Reply>();
    for r in first {
        let _ = req_tx.send(r);
    }
    // The store thread: every request in order; on quit it finishes what was sent before exiting.
    let worker = std::thread::spawn(move || {
        serve(
            store,
            meeting.unwrap_or(0),
            &req_rx,
            &rep_tx,
            idle_backup::Pace::SCREENS,
        )
    });

    let mut terminal = open_terminal()?;
    let _ = execute!(stdout(), EnableBracketedPaste);
    // ratatui's hook restores the screen on a panic (then logs it); paste mode goes back too. A
    // panic in another thread first waits for a frame being drawn, and no frame follows it, so
    // nothing is painted over the restored screen and the report's path.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.store(true, Ordering::SeqCst);
        let _frame = (std::thread::current().name() != Some("main")).then(|| {
            let deadline = std::time::Instant::now() + Duration::from_millis(500);
            loop {
                match SCREEN.try_lock() {
                    Ok(guard) => return Some(guard),
                    Err(std::sync::TryLockError::Poisoned(p)) => return Some(p.into_inner()),
                    Err(_) if std::time::Instant::now() > deadline => return None,
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        let _ = execute!(stdout(), DisableBracketedPaste);
        hook(info);
    }));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(event_loop(&mut terminal, &mut app, &req_tx, &mut rep_rx));
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    drop(req_tx);
    let handoff = worker.join().ok().flatten();
    tracing::info!("screens closed");
    result.map(|()| handoff)
}

/// The store thread: runs each request in order and sends its replies; while the host is idle after
/// a change, starts the exit backup (see [`idle_backup`]); when the screens close (the requests end),
/// finishes it. A meeting set up on screen replaces `meeting` (0: none yet).
pub fn serve(
    mut store: Store,
    mut meeting: i64,
    requests: &std::sync::mpsc::Receiver<Request>,
    replies: &tokio::sync::mpsc::UnboundedSender<Reply>,
    pace: idle_backup::Pace,
) -> Option<idle_backup::Handoff> {
    use std::sync::mpsc::RecvTimeoutError;
    use std::time::Instant;
    let mut idle = idle_backup::IdleBackup::new(pace);
    let mut session = worker::Session::default();
    loop {
        // A backup being made is looked at every so often: a failure is shown when it happens.
        let watch = store
            .backup_running()
            .then(|| Instant::now() + BACKUP_WATCH);
        let next = match idle.due().into_iter().chain(watch).min() {
            Some(at) => requests.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => requests.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match next {
            Ok(req) => handle(
                &mut session,
                &mut store,
                &mut meeting,
                &mut idle,
                req,
                replies,
            ),
            Err(RecvTimeoutError::Timeout) => {
                // A backup still being made when one falls due is looked at again shortly.
                if !idle.tick(&mut store, Instant::now())
                    && let Ok(req) = requests.recv_timeout(BACKUP_WATCH)
                {
                    handle(
                        &mut session,
                        &mut store,
                        &mut meeting,
                        &mut idle,
                        req,
                        replies,
                    );
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
        for failure in store.take_backup_failures() {
            let _ = replies.send(Reply::BackupFailed(failure.error));
        }
    }
    idle.finish(&mut store)
}

/// How often the store thread looks at a backup being made in the background.
const BACKUP_WATCH: Duration = Duration::from_millis(250);

fn handle(
    session: &mut worker::Session,
    store: &mut Store,
    meeting: &mut i64,
    idle: &mut idle_backup::IdleBackup,
    req: Request,
    replies: &tokio::sync::mpsc::UnboundedSender<Reply>,
) {
    // (The display row written and the roster read at start are not what the test drives: it
    // panics on an action.)
    if panic_test() == Some(PanicTest::Worker)
        && !matches!(req, Request::Display(_) | Request::Roster)
    {
        panic!("PAVILION_PANIC_TEST=worker: a panic in the store thread");
    }
    // What the room display shows is not part of the record: no backup for it.
    if req.writes() && !matches!(req, Request::Display(_)) {
        idle.wrote(std::time::Instant::now());
    }
    for reply in worker::execute_in(session, store, *meeting, req) {
        if let Reply::Failed(e) = &reply {
            tracing::warn!("store refused: {e}");
        }
        if let Reply::Model(m) = &reply {
            *meeting = m.meeting.id;
        }
        let _ = replies.send(reply);
    }
}

/// Held while a frame is drawn; a panic in another thread takes it before the screen is restored.
static SCREEN: Mutex<()> = Mutex::new(());
/// Set by the panic hook: no frame is drawn after it.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// `PAVILION_PANIC_TEST`, for the test that a panic restores the terminal and is logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PanicTest {
    /// Panic after the first frame is drawn.
    Draw,
    /// Panic in the store thread on its first request.
    Worker,
}

fn panic_test() -> Option<PanicTest> {
    match std::env::var("PAVILION_PANIC_TEST").ok()?.as_str() {
        "draw" | "1" => Some(PanicTest::Draw),
        "worker" => Some(PanicTest::Worker),
        _ => None,
    }
}

async fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    requests: &std::sync::mpsc::Sender<Request>,
    replies: &mut tokio::sync::mpsc::UnboundedReceiver<Reply>,
) -> Result<()> {
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut dirty = true;
    loop {
        if dirty {
            let _frame = SCREEN.lock().unwrap_or_else(|p| p.into_inner());
            if PANICKED.load(Ordering::SeqCst) {
                anyhow::bail!("stopped after an internal error");
            }
            terminal.draw(|f| app.draw(f))?;
            dirty = false;
            if panic_test() == Some(PanicTest::Draw) {
                panic!("PAVILION_PANIC_TEST=draw: a panic after the first frame");
            }
        }
        if app.quit {
            return Ok(());
        }
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(key))) => { app.on_key(key); dirty = true; }
                Some(Ok(Event::Paste(text))) => { app.on_paste(&text); dirty = true; }
                Some(Ok(Event::Resize(..))) => dirty = true,
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(e).context("reading the terminal"),
                None => return Ok(()),
            },
            reply = replies.recv() => match reply {
                Some(reply) => { app.on_reply(reply); dirty = true; }
                // The store thread ended (it panicked): stop rather than run on without a record.
                None => anyhow::bail!("the store thread stopped"),
            },
            _ = tick.tick(), if app.timer_running() => { dirty |= app.on_tick(); }
        }
        if std::mem::take(&mut app.speakers.ring) {
            // The speaker's time is up: the terminal bell (the host can turn it off with `b`).
            use std::io::Write;
            let _ = stdout().write_all(b"\x07");
            let _ = stdout().flush();
        }
        for r in app.take_requests() {
            requests.send(r).context("the store thread stopped")?;
        }
    }
}
