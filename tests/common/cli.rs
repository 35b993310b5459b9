//! Driving the real binary: a database prepared with headless commands, a full dump to compare
//! before and after, and tmux for the screens.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_pavilion");

/// The repository root (for `agendas/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `pavilion --db DB --lang en ARGS…` and returns its output — once an automatic backup it
/// handed off to a process of its own (`close`) is made, as `pavilion backups --wait` waits: the
/// tests then look at the backups folder as it is after the command.
pub fn pavilion(db: &Path, args: &[&str]) -> Output {
    pavilion_in(db, "en", args)
}

/// [`pavilion`] in the language `lang` (`zh` or `en`).
pub fn pavilion_in(db: &Path, lang: &str, args: &[&str]) -> Output {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--lang", lang])
        .args(args)
        .env_remove("PAVILION_DB")
        .current_dir(root())
        .output()
        .expect("the pavilion binary runs");
    pavilion::store::backup::status::wait(db);
    out
}

/// The first column of every row `sql` selects from the database.
pub fn column(db: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Runs a command that must succeed; returns its stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = pavilion(db, args);
    assert!(
        out.status.success(),
        "pavilion {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A fresh database made with headless commands: the sample estate (红旗小区) and its elevator meeting.
pub fn sample_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pavilion.db");
    ok(&db, &["init", "--estate", "红旗小区"]);
    ok(&db, &["roster", "import", "agendas/roster-hongqi.csv"]);
    let id = ok(&db, &["intake", "agendas/hongqi-2026-11-28-elevator.toml"]);
    assert_eq!(id.trim(), "1");
    (dir, db)
}

/// `pavilion verify` must pass.
pub fn assert_verifies(db: &Path) {
    let out = pavilion(db, &["verify"]);
    assert!(
        out.status.success(),
        "verify failed on {}:\n{}{}",
        db.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every row of every table (schema included), in a stable order, as text: equal dumps mean an
/// unchanged database.
pub fn dump(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = String::new();
    let mut tables: Vec<(String, String, String)> = conn
        .prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables.sort();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    out.push_str(&format!("user_version {version}\n"));
    for (kind, name, sql) in &tables {
        out.push_str(&format!("{kind} {name}: {sql}\n"));
        if kind != "table" {
            continue;
        }
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))
            .unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let values: Vec<String> = (0..columns)
                .map(|c| format!("{:?}", r.get_ref(c).unwrap()))
                .collect();
            out.push_str(&values.join("|"));
            out.push('\n');
        }
    }
    out
}

/// tmux, when it is installed. In CI (`CI` set) its absence fails the test; elsewhere the test is
/// skipped with a message.
pub fn tmux_available(test: &str) -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: tmux is required in CI (.ci/run installs it)"
        );
        eprintln!("{test}: skipped: tmux is not installed");
    }
    found
}

/// A tmux session running one command in a pane of 160×48, on its own server socket.
pub struct Tmux {
    socket: PathBuf,
    pub name: String,
}

impl Tmux {
    /// Starts `command` (a shell command line) in a new detached session.
    pub fn start(dir: &Path, name: &str, command: &str) -> Tmux {
        let t = Tmux {
            socket: dir.join(format!("tmux-{name}.sock")),
            name: name.to_string(),
        };
        let status = t
            .cmd()
            .args(["new-session", "-d", "-s", name, "-x", "160", "-y", "48"])
            .arg(command)
            .env_remove("TMUX")
            .status()
            .unwrap();
        assert!(status.success(), "tmux new-session");
        // Keep the pane after the command exits, so what it printed can be read.
        let _ = t
            .cmd()
            .args(["set-option", "-t", name, "remain-on-exit", "on"])
            .status();
        t
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-S").arg(&self.socket).arg("-f").arg("/dev/null");
        c
    }

    /// Sends tmux key names (`Enter`, `Down`, `y` …).
    pub fn keys(&self, keys: &[&str]) {
        let status = self
            .cmd()
            .args(["send-keys", "-t", &self.name])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success(), "tmux send-keys");
    }

    /// Resizes the window (the program redraws at the new size).
    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        let status = self
            .cmd()
            .args(["resize-window", "-t", &self.name, "-x", &w, "-y", &h])
            .status()
            .unwrap();
        assert!(status.success(), "tmux resize-window");
    }

    /// The pane's text.
    pub fn capture(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A tmux format value of the pane (`pane_pid`, `alternate_on`, `pane_dead` …).
    pub fn format(&self, format: &str) -> String {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", &self.name, format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the pane shows `text`; panics with the screen after `timeout`.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > timeout {
                panic!("waited {timeout:?} for {text:?}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until `check` holds for the screen.
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > timeout {
                panic!("waited {timeout:?} for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The ballot a roll-call row shows for `flat` ("Yes", "No", "·" …): the words after the flat,
/// the owner, the area and the presence mark, left of the tally panel. Only a committed ballot
/// shows there, so a wait on it never passes on the tally's own headings.
pub fn row_ballot(screen: &str, flat: &str) -> Option<String> {
    let line = screen.lines().find(|l| l.starts_with(flat))?;
    let left = line.split('│').next()?;
    Some(
        left.split_whitespace()
            .skip(4)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

impl Tmux {
    /// Waits until the roll-call row of `flat` shows `ballot` (committed, so the next key may
    /// follow); returns the screen.
    pub fn wait_ballot(&self, flat: &str, ballot: &str) -> String {
        self.wait_until(&format!("{flat}: {ballot}"), Duration::from_secs(15), |s| {
            row_ballot(s, flat).as_deref() == Some(ballot)
        })
    }

    /// The screen's name in the title bar (` Pavilion Roll call  …` → `Roll call`).
    pub fn screen_title(&self) -> String {
        let screen = self.capture();
        let bar = screen.lines().next().unwrap_or_default();
        bar.trim_start()
            .split_once(' ')
            .map(|(_, rest)| rest.split("  ").next().unwrap_or_default().to_string())
            .unwrap_or_default()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

/// The command was refused because another host (process `pid`) has the database open.
pub fn assert_refused_by_host(out: &Output, pid: impl std::fmt::Display) {
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "already open in `pavilion run` (process {pid}, since "
        )),
        "{stderr}"
    );
}

/// Turns a database into one of schema 1 (what an estate that upgrades has): the later tables and
/// indexes dropped, no application id.
pub fn make_previous_version(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "DROP INDEX ballots_item; DROP INDEX ballots_live; DROP INDEX flats_live;
         DROP INDEX events_kind;
         DROP TABLE cost_plans; DROP TABLE display;
         DROP TABLE flat_history; DROP TABLE guests; DROP TABLE notice_settings;
         DROP TABLE flat_floors; DROP TABLE floor_history; DROP TABLE floor_sets;
         ALTER TABLE meetings DROP COLUMN number;
         PRAGMA application_id = 0; PRAGMA user_version = 1;",
    )
    .unwrap();
}

/// The sample meeting with item 1 voted on and still open: 3-2-101 yes, 3-2-102 no, 3-2-201 yes
/// (all signed in), and a written ballot of 3-2-202 changed from yes to no with a reason.
pub fn sample_voted() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = sample_db();
    ok(&db, &["attend", "1", "3-2-101", "3-2-102", "3-2-201"]);
    for (room, choice) in [("3-2-101", "yes"), ("3-2-102", "no"), ("3-2-201", "yes")] {
        ok(&db, &["ballot", "1", "1", room, choice]);
    }
    ok(&db, &["ballot", "1", "1", "3-2-202", "yes", "--written"]);
    ok(
        &db,
        &[
            "ballot",
            "1",
            "1",
            "3-2-202",
            "no",
            "--written",
            "--reason",
            "改票",
        ],
    );
    (dir, db)
}

/// The backups in `dir` (sorted file names), without the chain-head sidecars (`X.db.head`) beside
/// them and the lock that keeps automatic backups one at a time.
pub fn backups_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.ends_with(".head") && !n.ends_with(".backup-lock"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Re-hashes every event of `db` through `conn` (whose update trigger the caller dropped), as a
/// tamperer with the file can: each link and hash made to fit again.
pub fn rehash_chain(conn: &rusqlite::Connection, db: &Path) {
    let events = pavilion::store::Store::open_read_only(db)
        .unwrap()
        .events(None)
        .unwrap();
    let mut prev = pavilion::store::GENESIS.to_string();
    for mut e in events {
        e.prev_hash = prev;
        e.hash = pavilion::store::event_hash(&e);
        conn.execute(
            "UPDATE events SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
            rusqlite::params![e.id, e.prev_hash, e.hash],
        )
        .unwrap();
        prev = e.hash;
    }
}
