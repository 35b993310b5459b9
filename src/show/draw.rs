//! Drawing the board: a pure function of the [`Board`], the language, the theme, the size and the time.
//!
//! Sizes from 80×24 to 200×60: the large figures grow with the room they have (see [`scale_for`]).

use jiff::Timestamp;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::digits;
use super::model::{AgendaLine, Board, ItemBoard, View};
use super::theme::ShowTheme;
use crate::domain::Tally;
use crate::domain::tally::{Condition, Measure};
use crate::i18n::terms::step as step_label;
use crate::i18n::{ShowText as S, T, terms};
use crate::lang::Lang;
use crate::textwidth::{truncate, width};
use crate::tui::screens::{rule_label, verdict};

/// Draws the whole display into `buf` over `area`.
pub fn draw(
    board: &Board,
    lang: Lang,
    theme: &ShowTheme,
    now: Timestamp,
    area: Rect,
    buf: &mut Buffer,
) {
    buf.set_style(area, theme.base);
    let mut p = Painter {
        buf,
        area,
        theme,
        lang,
    };
    p.header(board);
    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    match &board.view {
        View::NoMeeting => p.centred(body, S::NoMeeting.get(lang), theme.dim),
        View::Blank => {}
        View::NoItem(n) => p.centred(body, &S::NoItem.fill(lang, &[("n", n)]), theme.dim),
        View::Agenda(lines) => p.agenda(body, lines, timer_left(board, now)),
        View::Item(item) => p.item(body, item, timer_left(board, now)),
    }
}

/// Seconds left on the speaking timer, while it runs.
fn timer_left(board: &Board, now: Timestamp) -> Option<i64> {
    let ends = board.timer_ends?;
    let left = ends.as_second() - now.as_second();
    (left > 0).then_some(left)
}

/// The scale of the large figures: as large as `rows` text rows for `bands` bands allow, and the widest
/// figure within `cols`.
pub fn scale_for(rows: u16, bands: u16, cols: u16, widest: &str) -> u16 {
    (1..=4)
        .rev()
        .find(|s| {
            digits::height(*s) * bands + bands.saturating_sub(1) <= rows
                && digits::width(widest, *s) <= cols
        })
        .unwrap_or(1)
}

/// Tenths of a percent, exactly (integer division, no floating point): 2/3 → 666.
fn permille(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (i128::from(part) * 1000 / i128::from(whole)) as i64
    }
}

struct Painter<'a> {
    buf: &'a mut Buffer,
    area: Rect,
    theme: &'a ShowTheme,
    lang: Lang,
}

impl Painter<'_> {
    fn put(&mut self, x: u16, y: u16, text: &str, style: Style, max: u16) {
        if y >= self.area.bottom() || x >= self.area.right() {
            return;
        }
        let room = max.min(self.area.right() - x);
        let text = truncate(text, room as usize);
        self.buf.set_stringn(x, y, &text, room as usize, style);
    }

    fn centred(&mut self, r: Rect, text: &str, style: Style) {
        let w = (width(text) as u16).min(r.width);
        let x = r.x + (r.width - w) / 2;
        self.put(x, r.y + r.height / 2, text, style, r.width);
    }

    fn header(&mut self, board: &Board) {
        let a = self.area;
        let right = if board.host_here {
            String::new()
        } else {
            S::Waiting.get(self.lang).to_string()
        };
        let rw = width(&right) as u16;
        let title_room = a.width.saturating_sub(rw + 3);
        self.put(
            a.x + 1,
            a.y,
            &board.meeting_title,
            self.theme.title,
            title_room,
        );
        if rw > 0 {
            self.put(
                a.right().saturating_sub(rw + 1),
                a.y,
                &right,
                self.theme.warn,
                rw,
            );
        }
        let rule = "─".repeat(a.width as usize);
        self.put(a.x, a.y + 1, &rule, self.theme.dim, a.width);
    }

    fn figure(&mut self, x: u16, y: u16, text: &str, scale: u16, style: Style) {
        for (i, line) in digits::render(text, scale).iter().enumerate() {
            self.put(x, y + i as u16, line, style, digits::width(text, scale));
        }
    }

    fn agenda(&mut self, r: Rect, lines: &[AgendaLine], timer: Option<i64>) {
        let lang = self.lang;
        self.put(r.x + 1, r.y, S::Agenda.get(lang), self.theme.title, r.width);
        let mut list = Rect {
            y: r.y + 2,
            height: r.height.saturating_sub(2),
            ..r
        };
        if let Some(left) = timer {
            let h = self.timer(
                Rect {
                    height: list.height / 2,
                    ..list
                },
                left,
            );
            list.y += h + 2;
            list.height = list.height.saturating_sub(h + 2);
        }
        let status_w = 16u16;
        for (i, l) in lines.iter().enumerate().take(list.height as usize) {
            let y = list.y + i as u16;
            let style = if l.current {
                self.theme.current
            } else {
                self.theme.base
            };
            let number = format!("{:>2}  ", l.number);
            let title_room = r.width.saturating_sub(status_w + 8);
            self.put(r.x + 1, y, &number, style, 4);
            self.put(r.x + 5, y, &l.title, style, title_room);
            let (status, st) = match (l.votes, l.vote_closed, l.passed) {
                (true, true, Some(true)) => (S::Passed.get(lang).to_string(), self.theme.ok),
                (true, true, _) => (S::NotPassed.get(lang).to_string(), self.theme.bad),
                _ => (step_label(l.step).get(lang).to_string(), self.theme.dim),
            };
            let x = r.right().saturating_sub(status_w);
            self.put(x, y, &status, st, status_w - 1);
        }
    }

    /// The speaking timer as a large countdown at the top of `r`; returns the rows it took.
    fn timer(&mut self, r: Rect, left: i64) -> u16 {
        let text = format!("{}:{:02}", left / 60, left % 60);
        let scale = scale_for(
            r.height.saturating_sub(1),
            1,
            r.width.saturating_sub(4),
            &text,
        );
        self.put(
            r.x + 1,
            r.y,
            S::Timer.get(self.lang),
            self.theme.dim,
            r.width,
        );
        let w = digits::width(&text, scale);
        let x = r.x + r.width.saturating_sub(w) / 2;
        self.figure(x, r.y + 1, &text, scale, self.theme.figure);
        digits::height(scale) + 1
    }

    fn item(&mut self, r: Rect, item: &ItemBoard, timer: Option<i64>) {
        let lang = self.lang;
        let head = format!(
            "{}  {}",
            S::Item.fill(lang, &[("n", &item.number)]),
            item.title
        );
        self.put(
            r.x + 1,
            r.y,
            &head,
            self.theme.title,
            r.width.saturating_sub(2),
        );
        let state = match (item.votes, item.vote_closed) {
            (false, _) => S::NoVote.get(lang).to_string(),
            (true, false) => format!(
                "{} · {}",
                S::VoteOpen.get(lang),
                rule_label(&item.rule).get(lang)
            ),
            (true, true) => format!(
                "{} · {}",
                S::VoteClosed.get(lang),
                rule_label(&item.rule).get(lang)
            ),
        };
        let step = step_label(item.step).get(lang);
        self.put(
            r.x + 1,
            r.y + 1,
            &format!("{state} · {step}"),
            self.theme.dim,
            r.width.saturating_sub(2),
        );
        // Before anyone has voted (or on an item without a vote) the speaking timer, while it runs.
        let voting = item
            .tally
            .as_ref()
            .is_some_and(|t| item.vote_closed || t.participating.owners > 0);
        if let (Some(left), false) = (timer, voting) {
            let area = Rect {
                y: r.y + 3,
                height: r.height.saturating_sub(3),
                ..r
            };
            self.timer(area, left);
            return;
        }
        let Some(t) = &item.tally else { return };
        // The bottom lines: consents, outlook or result, owners still to vote.
        let mut foot: Vec<(String, Style)> = Vec::new();
        if item.consents.any() {
            let c = item.consents;
            foot.push((
                S::Consents.fill(
                    lang,
                    &[
                        ("yes", &c.yes),
                        ("pending", &c.pending),
                        ("refused", &c.refused),
                    ],
                ),
                if c.refused > 0 {
                    self.theme.bad
                } else {
                    self.theme.base
                },
            ));
        }
        if item.vote_closed {
            let (word, style) = if t.passed {
                (T::ResultPassed, self.theme.ok)
            } else {
                (T::ResultFailed, self.theme.bad)
            };
            let mut line = S::Result.fill(lang, &[("result", &word.get(lang))]);
            if let Some(at) = item.closed_at {
                line = format!(
                    "{line}    {}",
                    S::ClosedAt.fill(lang, &[("at", &crate::i18n::date_time(lang, at))])
                );
            }
            foot.push((line, style));
        } else {
            let style = if t.passed {
                self.theme.ok
            } else {
                self.theme.warn
            };
            foot.push((
                S::Outlook.fill(lang, &[("verdict", &verdict(t, lang))]),
                style,
            ));
            foot.push((
                S::Remaining.fill(
                    lang,
                    &[("owners", &terms::owners(lang, t.remaining.owners))],
                ),
                self.theme.base,
            ));
        }
        let bands = Rect {
            y: r.y + 3,
            height: r.height.saturating_sub(4 + foot.len() as u16),
            ..r
        };
        self.conditions(bands, t);
        let top = r.bottom().saturating_sub(foot.len() as u16);
        for (y, (text, style)) in (top..).zip(foot) {
            self.put(r.x + 1, y, &text, style, r.width.saturating_sub(2));
        }
    }

    /// One band per threshold: its name, the share as a large figure, a bar with the threshold marked.
    fn conditions(&mut self, r: Rect, t: &Tally) {
        let n = t.conditions.len() as u16;
        if n == 0 {
            return;
        }
        let label_w = 16u16;
        let figure_room = r.width.saturating_sub(label_w + 24);
        let scale = scale_for(r.height, n, figure_room, "100.0%");
        let band_h = digits::height(scale).max(2);
        let figure_w = digits::width("100.0%", scale);
        let gap = if r.height >= n * (band_h + 1) { 1 } else { 0 };
        for (i, c) in t.conditions.iter().enumerate() {
            let y = r.y + i as u16 * (band_h + gap);
            if y + 1 >= r.bottom() {
                break;
            }
            self.condition(r, y, c, scale, label_w, figure_w);
        }
    }

    fn condition(
        &mut self,
        r: Rect,
        y: u16,
        c: &Condition,
        scale: u16,
        label_w: u16,
        figure_w: u16,
    ) {
        let lang = self.lang;
        let (what, how) = match c.measure {
            Measure::ParticipationArea => (S::Participation, S::ByArea),
            Measure::ParticipationHeads => (S::Participation, S::ByOwners),
            Measure::ApprovalArea => (S::Approval, S::ByArea),
            Measure::ApprovalHeads => (S::Approval, S::ByOwners),
        };
        let met_style = if c.met {
            self.theme.ok
        } else {
            self.theme.warn
        };
        self.put(r.x + 1, y, what.get(lang), self.theme.title, label_w);
        self.put(r.x + 1, y + 1, how.get(lang), self.theme.base, label_w);
        let pm = permille(c.part, c.whole);
        let text = format!("{}.{}%", pm / 10, pm % 10);
        let fx = r.x + 1 + label_w + figure_w.saturating_sub(digits::width(&text, scale));
        self.figure(fx, y, &text, scale, self.theme.figure);
        // The bar and the threshold beside the figure.
        let bx = r.x + 3 + label_w + figure_w;
        let bw = r.right().saturating_sub(bx + 1);
        if bw < 10 {
            return;
        }
        let filled = if c.whole <= 0 {
            0
        } else {
            (i128::from(c.part) * i128::from(bw) / i128::from(c.whole)) as u16
        };
        let mark = (u32::from(bw) * c.threshold.num / c.threshold.den.max(1)) as u16;
        for x in 0..bw {
            let (ch, style) = if x == mark.min(bw - 1) {
                ("┃", self.theme.mark)
            } else if x < filled {
                ("█", self.theme.bar)
            } else {
                ("░", self.theme.bar_empty)
            };
            self.put(bx + x, y, ch, style, 1);
        }
        let part_whole = match c.measure {
            Measure::ParticipationArea | Measure::ApprovalArea => S::AreaOf.fill(
                lang,
                &[
                    ("part", &crate::domain::Area(c.part)),
                    ("whole", &crate::domain::Area(c.whole)),
                ],
            ),
            _ => S::OwnersOf.fill(lang, &[("part", &c.part), ("whole", &c.whole)]),
        };
        let need = S::Need.fill(lang, &[("threshold", &c.threshold)]);
        let met = if c.met { S::Met } else { S::NotMet }.get(lang);
        self.put(bx, y + 1, &format!("{need}  {met}"), met_style, bw);
        let pw = width(&part_whole) as u16;
        if pw + width(&need) as u16 + 10 < bw {
            self.put(bx + bw - pw, y + 1, &part_whole, self.theme.base, pw);
        }
    }
}
