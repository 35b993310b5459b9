//! Line wrapping by display width, done here rather than by the paragraph widget so a wide
//! character never lands in the last column with only one cell left (which would break the
//! border or spill into the next row).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Wraps styled lines to `width` columns, keeping each character's style. Latin words are kept
/// whole where a space allows; CJK text breaks between any two characters.
pub fn wrap(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    let width = width.max(2) as usize;
    let mut out = Vec::new();
    for line in lines {
        if line.width() <= width {
            out.push(line);
            continue;
        }
        let base = line.style;
        let chars: Vec<(char, Style)> = line
            .spans
            .iter()
            .flat_map(|s| s.content.chars().map(move |c| (c, base.patch(s.style))))
            .collect();
        let mut current: Vec<(char, Style)> = Vec::new();
        let mut used = 0;
        for (c, style) in chars {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                let cut = break_before(&current, c);
                let rest = match cut {
                    Some(i) => current.split_off(i + 1),
                    None => Vec::new(),
                };
                out.push(to_line(&current));
                current = rest;
                used = current.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
                if c == ' ' && current.is_empty() {
                    continue;
                }
            }
            current.push((c, style));
            used += w;
        }
        out.push(to_line(&current));
    }
    out
}

/// Where to break a full line before `next`: a word of Latin letters or digits (`101`, `3-2-501`,
/// `passes`) moves down whole; a closing mark (，。）) never starts a line, so it takes the character
/// before it along. `None`: break right here.
fn break_before(current: &[(char, Style)], next: char) -> Option<usize> {
    let word = |c: char| c.is_ascii_graphic();
    let closing = |c: char| "，。、：；！？）」』》%,.;:!?)".contains(c);
    let run_start = current
        .iter()
        .rposition(|(c, _)| !word(*c))
        .map_or(0, |i| i + 1);
    if word(next) && run_start < current.len() && run_start > 0 {
        return Some(run_start - 1);
    }
    if closing(next) && current.len() > 1 {
        return Some(current.len() - 2);
    }
    // An opening mark (（「『“《) never ends a line: it moves down with what it opens.
    let opening = |c: char| "（「『“《([".contains(c);
    if current.last().is_some_and(|(c, _)| opening(*c)) && current.len() > 1 {
        return Some(current.len() - 2);
    }
    None
}

fn to_line(chars: &[(char, Style)]) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for (c, style) in chars {
        match spans.last_mut() {
            Some(s) if s.style == *style => s.content.to_mut().push(*c),
            _ => spans.push(Span::styled(c.to_string(), *style)),
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn never_exceeds_the_width_with_wide_characters() {
        let l = Line::from(vec![
            Span::raw("19:05 物业: "),
            Span::raw("施工期间安排临时停车，保证消防通道畅通。"),
        ]);
        for w in 5..45u16 {
            for out in wrap(vec![l.clone()], w) {
                assert!(out.width() <= w as usize, "{w}: {out:?}");
            }
        }
        assert_eq!(
            text(&wrap(vec![Line::raw("重大事项：同意")], 9)),
            ["重大事", "项：同意"],
            "a closing mark never starts a line"
        );
        assert_eq!(
            text(&wrap(vec![Line::raw("须经101室同意")], 6)),
            ["须经", "101室", "同意"],
            "numbers stay whole"
        );
    }

    #[test]
    fn an_opening_mark_never_ends_a_line() {
        let lines = text(&wrap(vec![Line::raw("表决范围（3号楼2单元）")], 10));
        assert_eq!(lines[0], "表决范围");
        assert!(lines[1].starts_with('（'), "{lines:?}");
        for l in &lines {
            assert!(!l.ends_with('（') && !l.starts_with('）'), "{lines:?}");
        }
    }

    #[test]
    fn keeps_latin_words_whole() {
        assert_eq!(
            text(&wrap(vec![Line::raw("passes so far today")], 10)),
            ["passes so ", "far today"]
        );
    }
}
