//! Large figures for the back of the room, drawn with half blocks (▀ ▄ █), which every terminal font
//! has: a 3×5 pixel font scaled up, two pixel rows per text row.

/// The pixels of a glyph, row by row (`#` lit).
fn glyph(c: char) -> &'static [&'static str; 5] {
    match c {
        '0' => &["###", "#.#", "#.#", "#.#", "###"],
        '1' => &[".#.", "##.", ".#.", ".#.", "###"],
        '2' => &["###", "..#", "###", "#..", "###"],
        '3' => &["###", "..#", "###", "..#", "###"],
        '4' => &["#.#", "#.#", "###", "..#", "..#"],
        '5' => &["###", "#..", "###", "..#", "###"],
        '6' => &["###", "#..", "###", "#.#", "###"],
        '7' => &["###", "..#", "..#", "..#", "..#"],
        '8' => &["###", "#.#", "###", "#.#", "###"],
        '9' => &["###", "#.#", "###", "..#", "###"],
        '.' => &[".", ".", ".", ".", "#"],
        ':' => &[".", "#", ".", "#", "."],
        '%' => &["#.#", "..#", ".#.", "#..", "#.#"],
        '/' => &["..#", "..#", ".#.", "#..", "#.."],
        '-' => &["...", "...", "###", "...", "..."],
        _ => &["...", "...", "...", "...", "..."],
    }
}

/// Text rows a figure takes at `scale`.
pub fn height(scale: u16) -> u16 {
    (5 * scale).div_ceil(2)
}

/// Columns a figure takes at `scale` (one blank pixel column between glyphs).
pub fn width(text: &str, scale: u16) -> u16 {
    let pixels: usize = text.chars().map(|c| glyph(c)[0].len() + 1).sum();
    (pixels.saturating_sub(1) as u16) * scale
}

/// The figure as lines of half-block characters, `height(scale)` lines of `width(text, scale)` columns.
pub fn render(text: &str, scale: u16) -> Vec<String> {
    let s = scale.max(1) as usize;
    // The pixel grid, scaled.
    let mut grid: Vec<Vec<bool>> = vec![Vec::new(); 5 * s];
    for (i, c) in text.chars().enumerate() {
        let g = glyph(c);
        for (y, row) in g.iter().enumerate() {
            for sy in 0..s {
                let line = &mut grid[y * s + sy];
                if i > 0 {
                    line.extend(std::iter::repeat_n(false, s));
                }
                for px in row.chars() {
                    line.extend(std::iter::repeat_n(px == '#', s));
                }
            }
        }
    }
    let cols = grid[0].len();
    let mut out = Vec::new();
    for pair in grid.chunks(2) {
        let mut line = String::with_capacity(cols * 3);
        for x in 0..cols {
            let top = pair[0][x];
            let bottom = pair.get(1).is_some_and(|r| r[x]);
            line.push(match (top, bottom) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_drawn_with_half_blocks_at_their_stated_size() {
        let lines = render("66.6%", 1);
        assert_eq!(lines.len(), height(1) as usize);
        for l in &lines {
            assert_eq!(l.chars().count(), width("66.6%", 1) as usize);
        }
        assert_eq!(lines[0], "█▀▀ █▀▀   █▀▀ ▀ █");
        for scale in 1..=4 {
            let lines = render("100%", scale);
            assert_eq!(lines.len(), height(scale) as usize);
            assert!(
                lines
                    .iter()
                    .all(|l| l.chars().count() == width("100%", scale) as usize)
            );
        }
    }
}
