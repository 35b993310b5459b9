//! Driving the TUI without a terminal: keys into `App`, requests executed against a real store,
//! frames drawn into ratatui's TestBackend.

use pavilion::lang::Lang;
use pavilion::store::Store;
use pavilion::tui::app::App;
use pavilion::tui::theme::Theme;
use pavilion::tui::worker::{Session, execute_in};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

pub struct Harness {
    pub app: App,
    pub store: Store,
    pub meeting: i64,
    pub dir: tempfile::TempDir,
    /// What the store thread keeps between requests (the roster's list the roll calls read).
    pub session: Session,
}

impl Harness {
    /// The bundled sample estate and elevator meeting, in a fresh database, with a fixed clock.
    pub fn new(lang: Lang) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pavilion.db");
        let meeting = pavilion::demo::prepare(&path).unwrap();
        let store = Store::open(&path).unwrap().with_clock(super::fixed_now);
        let app = App::new(lang, Theme::plain(), jiff::civil::date(2026, 11, 28));
        let mut h = Harness {
            app,
            store,
            meeting,
            dir,
            session: Session::default(),
        };
        h.pump();
        h
    }

    /// The sample estate and roster in a fresh database with no meeting yet: the screens open on
    /// the form that sets one up (as `pavilion run` does then).
    pub fn empty(lang: Lang) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pavilion.db");
        let mut store = Store::open(&path).unwrap().with_clock(super::fixed_now);
        store.init(pavilion::demo::ESTATE).unwrap();
        let rows = pavilion::intake::roster::read_roster_bytes(
            "roster.csv",
            pavilion::demo::ROSTER.to_vec(),
        )
        .unwrap();
        store.import_roster(&rows, "sample roster").unwrap();
        let mut app = App::new(lang, Theme::plain(), jiff::civil::date(2026, 11, 28));
        app.set_up_first_meeting();
        Harness {
            app,
            store,
            meeting: 0,
            dir,
            session: Session::default(),
        }
    }

    /// Runs every request the app made against the store and hands the replies back, until quiet.
    pub fn pump(&mut self) {
        loop {
            let requests = self.app.take_requests();
            if requests.is_empty() {
                return;
            }
            for r in requests {
                for reply in execute_in(&mut self.session, &mut self.store, self.meeting, r) {
                    // A meeting set up on screen: the store thread follows it, as `tui::run` does.
                    if let pavilion::tui::worker::Reply::Model(m) = &reply {
                        self.meeting = m.meeting.id;
                    }
                    self.app.on_reply(reply);
                }
            }
        }
    }

    pub fn press(&mut self, code: KeyCode) {
        self.app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
        self.pump();
    }

    pub fn ctrl(&mut self, c: char) {
        self.app
            .on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        self.pump();
    }

    /// Types text character by character (as an input method delivers it).
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.app
                .on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        self.pump();
    }

    /// Fills the open form field by field from the focused one: each emptied with Ctrl-U (never
    /// Backspace) and typed, Tab to the next; a field picked from a list takes its option's digit.
    pub fn fill(&mut self, fields: &[&str]) {
        for (i, text) in fields.iter().enumerate() {
            if i > 0 {
                self.press(KeyCode::Tab);
            }
            self.ctrl('u');
            self.type_text(text);
        }
    }

    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// The meeting's minutes as Markdown, as `export` writes them.
    pub fn minutes(&self, lang: Lang) -> String {
        let bytes = pavilion::export::export(
            &self.store,
            self.meeting,
            pavilion::export::Format::Markdown,
            pavilion::export::Variant::Minutes,
            lang,
        )
        .unwrap();
        String::from_utf8(bytes).unwrap()
    }

    /// A concern raised between meetings (`pavilion raise`), waiting in the backlog: the lamp at
    /// the east gate, raised by 赵大爷 from 4-1-302.
    pub fn raise_lamp_concern(&mut self) {
        self.store
            .raise_concern(
                "小区东门路灯不亮\n晚上老人出门不方便",
                "赵大爷",
                Some(&pavilion::domain::FlatRef::parse("4-1-302").unwrap()),
            )
            .unwrap();
    }

    /// On the backlog, with the lamp concern selected: Enter and `y` schedule it here, as item
    /// `number`, and the backlog is empty.
    pub fn schedule_lamp_concern(&mut self, number: usize) {
        self.press(ratatui::crossterm::event::KeyCode::Enter);
        self.keys("y");
        let items = self.store.items(self.meeting).unwrap();
        assert_eq!(items.len(), number);
        assert_eq!(items[number - 1].raised_by, "赵大爷");
        assert!(self.store.concerns(true).unwrap().is_empty());
    }

    /// The rule of each item of the meeting, in agenda order.
    pub fn item_rules(&self) -> Vec<String> {
        let items = self.store.items(self.meeting).unwrap();
        items.into_iter().map(|i| i.rule.name).collect()
    }

    /// The screen at 160×48, which must show `text` (else the test fails with the screen).
    pub fn assert_shows(&mut self, text: &str) -> String {
        let screen = self.render(160, 48);
        assert!(
            screen.contains(text),
            "{text:?} not on the screen:\n{screen}"
        );
        screen
    }

    /// The values of the open form's fields (a list field gives its option's value).
    pub fn form_values(&self) -> Vec<String> {
        match &self.app.modal {
            Some(pavilion::tui::app::Modal::Form(form, _)) => form.values(),
            _ => panic!("no form is open"),
        }
    }

    pub fn render(&mut self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|f| self.app.draw(f)).unwrap();
        buffer_text(terminal.backend().buffer())
    }
}

/// Every flow leaves a record that passes `verify`.
impl Drop for Harness {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            super::assert_intact(&self.store);
        }
    }
}

/// The screen as text, one line per row; the second cell of a wide character is skipped.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
