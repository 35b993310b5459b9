//! Ballot papers as a Word document: A4 with narrow margins, each paper one bordered (dashed, to
//! cut along) table cell at least half a page tall, so two fill a sheet.

use docx_rs::{
    AlignmentType, BorderType, Docx, HeightRule, LineSpacing, PageMargin, Paragraph, Run, Table,
    TableBorderPosition, TableBorders, TableCell, TableRow, WidthType,
};

use super::BallotPapers;
use crate::export::docx::{body_fonts, borders, heading_fonts, language_tag};
use crate::i18n::PaperText as P;

/// A4 in twips; 10 mm top and bottom, 15 mm left and right.
const PAGE: (u32, u32) = (11906, 16838);
const TOP: i32 = 567;
const SIDE: i32 = 850;
const WIDTH: usize = 11906 - 2 * 850;
/// Each paper: just under half the height between the margins (a separator paragraph between).
const PAPER: f32 = 7650.0;

/// A dashed frame to cut along.
fn dashed() -> TableBorders {
    use TableBorderPosition::*;
    borders(BorderType::Dashed, &[Top, Left, Bottom, Right])
}

fn para(text: &str, size: usize) -> Paragraph {
    let mut run = Run::new().size(size);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    Paragraph::new()
        .add_run(run)
        .line_spacing(LineSpacing::new().after(60))
}

fn paper(p: &BallotPapers, o: &super::PaperOwner) -> Table {
    let l = p.lang;
    let title = Paragraph::new()
        .add_run(
            Run::new()
                .add_text(p.title())
                .bold()
                .size(30)
                .fonts(heading_fonts()),
        )
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(120).after(80));
    let owner: String = p
        .owner_line(o)
        .iter()
        .map(|(label, value)| format!("{label}{}{value}", crate::export::labels::colon(l)))
        .collect::<Vec<_>>()
        .join("　　");
    let choices = p
        .choices()
        .iter()
        .map(|c| format!("□ {c}"))
        .collect::<Vec<_>>()
        .join("　　　　　");
    let cell = TableCell::new()
        .add_paragraph(title)
        .add_paragraph(para(&format!("{}　{}", p.meeting, p.time), 21).align(AlignmentType::Center))
        .add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(&p.item)
                    .bold()
                    .size(22)
                    .fonts(heading_fonts()),
            ),
        )
        .add_paragraph(para(&format!("{}{}", P::Matter.get(l), p.matter), 21))
        .add_paragraph(para(&p.rule, 18))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(owner).bold().size(22))
                .line_spacing(LineSpacing::new().before(120).after(120)),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(choices).size(30).fonts(heading_fonts()))
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(120).after(120)),
        )
        .add_paragraph(para(P::MarkOne.get(l), 18))
        .add_paragraph(
            para(P::SignLine.get(l), 22).line_spacing(LineSpacing::new().before(360).after(240)),
        )
        .add_paragraph(para(&p.return_line(), 21))
        .width(WIDTH, WidthType::Dxa);
    Table::new(vec![
        TableRow::new(vec![cell])
            .row_height(PAPER)
            .height_rule(HeightRule::AtLeast)
            .cant_split(),
    ])
    .set_grid(vec![WIDTH])
    .width(WIDTH, WidthType::Dxa)
    .set_borders(dashed())
}

pub fn render(p: &BallotPapers) -> Vec<u8> {
    let mut d = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(TOP)
                .bottom(TOP)
                .left(SIDE)
                .right(SIDE)
                .header(0)
                .footer(0),
        )
        .default_fonts(body_fonts())
        .default_size(21);
    for (i, o) in p.owners.iter().enumerate() {
        if i > 0 {
            // Word joins tables that touch: a tiny paragraph keeps the papers apart; every third
            // paper starts a new sheet.
            let mut sep = Paragraph::new()
                .add_run(Run::new().size(2))
                .line_spacing(LineSpacing::new().before(0).after(0).line(20));
            if i % 2 == 0 {
                sep = sep.page_break_before(true);
            }
            d = d.add_paragraph(sep);
        }
        d = d.add_table(paper(p, o));
    }
    let mut xml = d.build();
    xml.styles = language_tag(&xml.styles, p.lang);
    let mut out = std::io::Cursor::new(Vec::with_capacity(32 * 1024));
    xml.pack(&mut out).expect("writing into memory");
    out.into_inner()
}
