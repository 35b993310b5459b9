//! In a real terminal (tmux) at 160×48 and at 80×24, what must show whole does: the long refusal
//! of a header change after a vote closed (a form's error area grows to its message), and the
//! item screen's `?` help down to its last line.

mod common;

use std::time::Duration;

use common::cli::{BIN, Tmux, ok, sample_db, tmux_available};
use pavilion::i18n::SetupText;
use pavilion::lang::Lang;
use unicode_width::UnicodeWidthChar;

const WAIT: Duration = Duration::from_secs(15);
const SIZES: [(u16, u16); 2] = [(160, 48), (80, 24)];

/// The text inside the box whose title is `title`, row by row between its borders, once the box
/// is drawn whole (down to its bottom border). Columns are counted in terminal cells (a CJK
/// character takes two), so the screen behind the box is left out.
fn box_text(screen: &str, title: &str) -> Option<String> {
    let cells = |line: &str| -> Vec<char> {
        line.chars()
            .flat_map(|c| match c.width() {
                Some(2) => vec![c, '\0'],
                _ => vec![c],
            })
            .collect()
    };
    let lines: Vec<Vec<char>> = screen.lines().map(cells).collect();
    let (top, at) = screen
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find(title).map(|b| (i, cells(&l[..b]).len())))?;
    let row = &lines[top];
    let left = row[..at].iter().rposition(|c| *c == '┌')?;
    let right = at + row[at..].iter().position(|c| *c == '┐')?;
    let inside: Vec<String> = lines[top + 1..]
        .iter()
        .take_while(|r| r.get(left) == Some(&'│') && r.get(right) == Some(&'│'))
        .map(|r| r[left + 1..right].iter().filter(|c| **c != '\0').collect())
        .collect();
    let bottom = lines.get(top + 1 + inside.len())?;
    let closed = bottom.get(left) == Some(&'└') && bottom.get(right) == Some(&'┘');
    closed.then(|| inside.join("\n"))
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `pavilion run` in tmux on a meeting whose first vote has closed.
fn closed_vote_on_screen(lang: &str) -> (tempfile::TempDir, Tmux) {
    let (dir, db) = sample_db();
    ok(&db, &["attend", "1", "3-2-101"]);
    ok(&db, &["ballot", "1", "1", "3-2-101", "yes"]);
    ok(&db, &["close", "1", "1"]);
    let command = format!("{BIN} --db '{}' --lang {lang} run", db.display());
    let tmux = Tmux::start(dir.path(), &format!("closed-{lang}"), &command);
    (dir, tmux)
}

#[test]
fn the_closed_vote_header_refusal_shows_whole_at_160x48_and_80x24() {
    if !tmux_available("closed-vote-refusal") {
        return;
    }
    for (lang, l, form, place) in [
        ("zh", Lang::Zh, "修改议事会信息", "莲心亭（东）"),
        ("en", Lang::En, "Change the meeting", "East pavilion"),
    ] {
        let (_dir, tmux) = closed_vote_on_screen(lang);
        tmux.wait_for(if l == Lang::Zh { "议程" } else { "Agenda" }, WAIT);
        tmux.keys(&["m"]);
        tmux.wait_for(form, WAIT);
        tmux.keys(&["Tab", "Tab", "Tab", "C-u"]);
        tmux.keys(&["-l", place]);
        tmux.wait_for(place, WAIT);
        tmux.keys(&["F2"]);
        // The message, around the time of the close (which the screen says as it is now).
        let template = SetupText::HeaderAfterClose.get(l).replace("{item}", "1");
        let (head, tail) = template.split_once("{closed}").unwrap();
        for (w, h) in SIZES {
            tmux.resize(w, h);
            // The form drawn whole at this size, with the refusal's first words in it.
            let screen = tmux.wait_until(&format!("the refusal at {w}×{h}"), WAIT, |s| {
                s.lines().count() == h as usize
                    && box_text(s, form).is_some_and(|t| squeezed(&t).contains(&squeezed(head)))
            });
            let shown = box_text(&screen, form).unwrap();
            assert!(
                squeezed(&shown).contains(&squeezed(tail)),
                "{lang} at {w}×{h}: the refusal is cut; the form shows:\n{shown}\n\nthe screen:\n{screen}"
            );
        }
        tmux.keys(&["Escape"]);
    }
}

#[test]
fn the_item_screens_help_shows_its_last_line_at_160x48_and_80x24() {
    if !tmux_available("item-help") {
        return;
    }
    let (dir, db) = sample_db();
    for (lang, section, last, title) in [
        ("zh", "填写表单时", "Ctrl-U  清空本栏", "帮助"),
        ("en", "In a form", "Ctrl-U  clear the field", "Help"),
    ] {
        let command = format!("{BIN} --db '{}' --lang {lang} run", db.display());
        let tmux = Tmux::start(dir.path(), &format!("help-{lang}"), &command);
        tmux.wait_for(if lang == "zh" { "议程" } else { "Agenda" }, WAIT);
        tmux.keys(&["Enter"]);
        tmux.wait_for(
            if lang == "zh" {
                "一、群众说事"
            } else {
                "1. Residents raise it"
            },
            WAIT,
        );
        tmux.keys(&["?"]);
        tmux.wait_for(&format!("┌{title}"), WAIT);
        for (w, h) in SIZES {
            tmux.resize(w, h);
            // The help drawn whole at this size, down to its last section's title.
            let screen = tmux.wait_until(&format!("the help at {w}×{h}"), WAIT, |s| {
                s.lines().count() == h as usize
                    && box_text(s, title).is_some_and(|t| t.contains(section))
            });
            let help = box_text(&screen, title).unwrap();
            assert!(
                help.contains(last),
                "{lang} at {w}×{h}: the help's last line is missing:\n{screen}"
            );
        }
        tmux.keys(&["Escape"]);
    }
}
