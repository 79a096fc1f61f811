//! The report as an editable Word document (DOCX): the same headings, numbering, tables,
//! merges and numbers as the PDF, on the GB/T 9704 page as Word expresses it.
//!
//! [`render`] validates the report (refusing one with errors unless
//! [`DocxOptions::force`]) and returns the document's bytes; [`write()`] is the document
//! alone, for callers that have validated already. No Typst is involved: the document is
//! built element by element with the `docx-rs` crate, which escapes every text it is given,
//! and zipped with fixed timestamps, so the same report gives the same bytes.
//!
//! The page (docs/format.md §5): A4, margins 37/35/28/26 mm, a document grid of 22 lines
//! of 28 characters (`w:docGrid` with its line and character pitch), fonts named by their
//! official families ([`family`]; not embedded: Word uses the reader's installed fonts),
//! 二号 title, 三号 body, page numbers `— N —` in 四号 宋体 at the right of odd pages and the
//! left of even ones (`w:evenAndOddHeaders`), the signature and date placed as in the PDF.
//!
//! The walk over the report is [`crate::html`]'s: headings from
//! [`crate::outline::section_headings`], item numbers from [`crate::numbering`], titles
//! from [`crate::outline::run_in_title`], tables from the derived [`Grid`]s, whose spans
//! become `w:gridSpan` and `w:vMerge`. Header rows repeat on each page (`w:tblHeader`),
//! rows never split (`w:cantSplit`), and every table fills the text width.

use std::fmt;
use std::io::Cursor;

use docx_rs as w;

use crate::diagnostic::{Invalid, has_errors};
use crate::document::TableStyle;
use crate::fields::TextRole;
use crate::model::{Item, Report};
use crate::numbering;
use crate::outline::{SECTION_TITLES, run_in_title, section_headings, statutory_grids};
use crate::table::Align;
use crate::table::{Grid, GridCell};
use crate::{Diagnostic, validate};

/// How to write the document: the render options that mean something in Word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxOptions {
    /// The house style that sets （一） and 1. headings in bold.
    pub bold_subheadings: bool,
    /// Write even a report that validation finds errors in (off by default).
    pub force: bool,
}

/// A finished document and what validation said about the report.
#[derive(Debug, Clone)]
pub struct RenderedDocx {
    /// The `.docx` file's bytes.
    pub docx: Vec<u8>,
    /// Validation's warnings (and errors, when [`DocxOptions::force`] let them through).
    pub diagnostics: Vec<Diagnostic>,
}

/// Why no document was written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocxError {
    /// Validation found errors (every diagnostic, warnings included).
    Invalid(Invalid),
    /// The package could not be assembled (a bug of this crate or of `docx-rs`).
    Package(String),
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::Invalid(invalid) => write!(f, "{invalid}"),
            DocxError::Package(message) => {
                write!(f, "the Word document could not be written: {message}")
            }
        }
    }
}

impl std::error::Error for DocxError {}

/// The official font family of each role, by the names Word lists them under
/// (docs/format.md §5, "Fonts by role").
pub fn family(role: TextRole) -> &'static str {
    match role {
        TextRole::Title => "方正小标宋简体",
        TextRole::Heading1 => "黑体",
        TextRole::Heading2 => "楷体_GB2312",
        TextRole::Body => "仿宋_GB2312",
        TextRole::PageNumber => "宋体",
    }
}

/// Validates `report` and writes it as a Word document: refused with
/// [`DocxError::Invalid`] when validation finds errors, unless [`DocxOptions::force`].
///
/// The placeholders of the prose are filled ([`crate::placeholders`]); for `.较上年`, see
/// [`render_with`].
pub fn render(report: &Report, options: &DocxOptions) -> Result<RenderedDocx, DocxError> {
    render_with(report, None, options)
}

/// [`render`] with last year's report, which enables the continuity checks and fills the
/// placeholders `{….较上年}` and `{….上年}`.
pub fn render_with(
    report: &Report,
    previous: Option<&Report>,
    options: &DocxOptions,
) -> Result<RenderedDocx, DocxError> {
    let diagnostics = validate(report, previous);
    if !options.force && has_errors(&diagnostics) {
        return Err(DocxError::Invalid(Invalid { diagnostics }));
    }
    let docx = write_printed(&crate::placeholders::fill(report, previous), options)?;
    Ok(RenderedDocx { docx, diagnostics })
}

/// Page geometry in twips (1/20 pt), from millimetres.
mod page {
    /// Millimetres in twips, rounded.
    pub const fn mm(mm: u32) -> u32 {
        (mm * 14400 + 127) / 254
    }
    /// A4.
    pub const WIDTH: u32 = mm(210);
    /// A4.
    pub const HEIGHT: u32 = mm(297);
    pub const TOP: u32 = mm(37);
    pub const BOTTOM: u32 = mm(35);
    pub const LEFT: u32 = mm(28);
    pub const RIGHT: u32 = mm(26);
    /// The text block (版心): 156 mm × 225 mm.
    pub const TEXT_WIDTH: u32 = WIDTH - LEFT - RIGHT;
    pub const TEXT_HEIGHT: u32 = HEIGHT - TOP - BOTTOM;
    /// 22 lines a page: the line pitch, rounded down so that 22 lines fit.
    pub const LINE_PITCH: u32 = TEXT_HEIGHT / 22;
    /// The body size, 三号 (16 pt), in twips.
    pub const BODY: u32 = 16 * 20;
    /// 28 characters a line: Word's `w:charSpace` is the pitch's difference from the
    /// body size in 1/4096 pt, rounded down so that 28 characters fit.
    pub const CHAR_SPACE: i32 =
        ((TEXT_WIDTH as i64 * 4096 / 28 - BODY as i64 * 4096) / 20 - 1) as i32;
    /// Body-size text is condensed by this much (twips, 0.3 pt) so that 28 characters of
    /// 16 pt fill a line without the grid (15.7 pt each, 439.6 of the 442.2 pt): the
    /// paragraphs do not snap to the grid's character pitch (15.79 pt), because
    /// LibreOffice gives a character wider than that pitch two cells (14 characters a
    /// line). 0.25 pt would do in Word; LibreOffice 7.4 still breaks after 27 with it.
    pub const CONDENSE: i32 = -6;
    /// One character of the grid in twips (for indents measured in characters).
    pub const CHAR: f64 = TEXT_WIDTH as f64 / 28.0;
    /// The page number's size, 四号 (14 pt), in twips: also its "one character" inset.
    pub const PAGE_NUMBER: u32 = 14 * 20;
    /// The page number's top edge sits 7 mm below the text block: the footer's bottom
    /// is that far up from the page's edge, less the number's line.
    pub const FOOTER: u32 = BOTTOM - mm(7) - PAGE_NUMBER;
    pub const HEADER: u32 = mm(15);
    // 22 lines fit the text block, 23 do not.
    const _: () =
        assert!(22 * LINE_PITCH <= TEXT_HEIGHT && 23 * LINE_PITCH > TEXT_HEIGHT);
}

/// Half-points, Word's unit of font size.
fn half_points(pt: f64) -> usize {
    (pt * 2.0).round() as usize
}

/// The document's bytes, without validation (callers check the report first, as
/// [`render`] does). The placeholders are filled without last year's report.
pub fn write(report: &Report, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    write_printed(&crate::placeholders::fill(report, None), options)
}

/// The document of a report whose placeholders are already filled.
fn write_printed(report: &Report, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let mut doc = w::Docx::new()
        .page_size(page::WIDTH, page::HEIGHT)
        .page_margin(
            w::PageMargin::new()
                .top(page::TOP as i32)
                .bottom(page::BOTTOM as i32)
                .left(page::LEFT as i32)
                .right(page::RIGHT as i32)
                .header(page::HEADER as i32)
                .footer(page::FOOTER as i32)
                .gutter(0),
        )
        // The body's font and size as the defaults and in the Normal style, where
        // LibreOffice takes the document grid's character size from.
        .styles(
            w::Styles::new()
                .default_fonts(fonts(TextRole::Body))
                .default_size(half_points(16.0))
                .default_line_spacing(exact(page::LINE_PITCH))
                .add_style(
                    w::Style::new("Normal", w::StyleType::Paragraph)
                        .name("Normal")
                        .fonts(fonts(TextRole::Body))
                        .size(half_points(16.0))
                        .q_format(true),
                ),
        )
        // Fixed package dates: the report's own date, so the bytes are reproducible.
        .created_at(&date_time(report))
        .updated_at(&date_time(report))
        .footer(w::Footer::new().add_paragraph(page_number(true)))
        .even_footer(w::Footer::new().add_paragraph(page_number(false)));
    doc.document.section_property = doc.document.section_property.clone().doc_grid(
        w::DocGrid::new()
            .grid_type(w::DocGridType::LinesAndChars)
            .line_pitch(page::LINE_PITCH as usize)
            .char_space(page::CHAR_SPACE as isize),
    );

    let mut headers = Vec::new();
    for p in body(report, options, &mut headers) {
        doc = match p {
            Block::Paragraph(p) => doc.add_paragraph(*p),
            Block::Table(t) => doc.add_table(*t),
        };
    }

    let mut xml = doc.build();
    // Paragraph ids numbered afresh, footers first, so that no state of docx-rs's id
    // counter (per thread, never reset between documents) reaches the bytes.
    let mut ids = 0;
    for footer in &mut xml.footers {
        *footer = schema_order(&normalise(footer, &[], &mut ids)?)?;
    }
    xml.document = schema_order(&normalise(&xml.document, &headers, &mut ids)?)?;
    xml.styles = schema_order(&drop_placeholder_normal(&xml.styles)?)?;
    xml.numberings = schema_order(&xml.numberings)?;
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| DocxError::Package(e.to_string()))?;
    Ok(out.into_inner())
}

fn date_time(report: &Report) -> String {
    format!("{}T00:00:00Z", report.date.format("%Y-%m-%d"))
}

/// A role's font in every script slot, so digits and Latin letters match the Chinese.
fn fonts(role: TextRole) -> w::RunFonts {
    let f = family(role);
    w::RunFonts::new().east_asia(f).ascii(f).hi_ansi(f).cs(f)
}

fn exact(twips: u32) -> w::LineSpacing {
    w::LineSpacing::new()
        .line(twips as i32)
        .line_rule(w::LineSpacingType::Exact)
        .before(0)
        .after(0)
}

/// Report text as Word text: characters XML cannot carry become U+FFFD (validation
/// refuses them anyway unless forced), tabs and line breaks become Word's own.
fn runs(text: &str, style: impl Fn(w::Run) -> w::Run) -> Vec<w::Run> {
    let mut out = Vec::new();
    let mut run = style(w::Run::new());
    let mut piece = String::new();
    for c in text.chars() {
        match c {
            '\t' | '\n' => {
                if !piece.is_empty() {
                    run = run.add_text(std::mem::take(&mut piece));
                }
                run = if c == '\t' {
                    run.add_tab()
                } else {
                    run.add_break(w::BreakType::TextWrapping)
                };
            }
            c if !xml_char(c) => piece.push('\u{FFFD}'),
            c => piece.push(c),
        }
    }
    if !piece.is_empty() || out.is_empty() {
        run = run.add_text(piece);
    }
    out.push(run);
    out
}

/// Whether XML 1.0 allows `c` as character data (`\r` is allowed but would be dropped).
fn xml_char(c: char) -> bool {
    let n = c as u32;
    let control = c.is_control() && c != '\t' && c != '\n';
    !control && !(0xFDD0..=0xFDEF).contains(&n) && n & 0xFFFE != 0xFFFE
}

fn text_run(role: TextRole, size: f64, bold: bool) -> impl Fn(w::Run) -> w::Run {
    move |run: w::Run| {
        let mut run = run.fonts(fonts(role)).size(half_points(size));
        if size == 16.0 {
            run = run.character_spacing(page::CONDENSE);
        }
        if bold { run.bold() } else { run }
    }
}

fn with_runs(mut p: w::Paragraph, runs: Vec<w::Run>) -> w::Paragraph {
    for r in runs {
        p = p.add_run(r);
    }
    p
}

/// A body paragraph: 仿宋 三号, justified, first line indented two characters, laid out by
/// its condensed characters rather than snapped to the grid's character pitch
/// ([`page::CONDENSE`]); its lines keep the grid's line pitch.
fn body_paragraph() -> w::Paragraph {
    let two = (2.0 * page::CHAR).round() as i32;
    w::Paragraph::new()
        .snap_to_grid(false)
        .align(w::AlignmentType::Both)
        .indent(None, Some(w::SpecialIndentType::FirstLine(two)), None, None)
        .first_line_chars(200)
        .line_spacing(exact(page::LINE_PITCH))
}

fn paragraph(text: &str) -> w::Paragraph {
    with_runs(body_paragraph(), runs(text, text_run(TextRole::Body, 16.0, false)))
}

/// `— N —`: the number is Word's PAGE field; odd pages at the right, even at the left,
/// one character (at the number's size) in from the text block.
fn page_number(odd: bool) -> w::Paragraph {
    let style = text_run(TextRole::PageNumber, 14.0, false);
    let run = style(w::Run::new())
        .add_text("— ")
        .add_field_char(w::FieldCharType::Begin, false)
        .add_instr_text(w::InstrText::PAGE(w::InstrPAGE::new()))
        .add_field_char(w::FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(w::FieldCharType::End, false)
        .add_text(" —");
    let inset = Some(page::PAGE_NUMBER as i32);
    let p = w::Paragraph::new()
        .line_spacing(exact(page::PAGE_NUMBER))
        .snap_to_grid(false)
        .add_run(run);
    if odd {
        p.align(w::AlignmentType::Right).indent(Some(0), None, inset, None)
    } else {
        p.align(w::AlignmentType::Left).indent(inset, None, None, None)
    }
}

enum Block {
    Paragraph(Box<w::Paragraph>),
    Table(Box<w::Table>),
}

fn para(p: w::Paragraph) -> Block {
    Block::Paragraph(Box::new(p))
}

fn tbl(t: w::Table) -> Block {
    Block::Table(Box::new(t))
}

/// The body in reading order, as [`crate::html`] walks it.
fn body(report: &Report, options: &DocxOptions, headers: &mut Vec<u32>) -> Vec<Block> {
    let mut out = Vec::new();
    // The title: 二号 小标宋, centred, one line a pitch apart, one blank line below.
    let mut title = w::Paragraph::new()
        .align(w::AlignmentType::Center)
        .line_spacing(exact(page::LINE_PITCH).after(page::LINE_PITCH))
        // 22 pt characters would each take two cells of the 16 pt grid.
        .snap_to_grid(false)
        .keep_next(true);
    for (i, line) in report.title_lines().iter().enumerate() {
        let style = text_run(TextRole::Title, 22.0, false);
        let mut line_runs = runs(line, style);
        if i > 0 {
            line_runs.insert(0, w::Run::new().add_break(w::BreakType::TextWrapping));
        }
        title = with_runs(title, line_runs);
    }
    out.push(para(title));
    out.extend(report.preamble.iter().map(|p| para(paragraph(p))));

    let headings = section_headings();
    let mut sections: [Vec<Block>; 6] = Default::default();
    let o = &report.overview;
    sections[0].extend(o.intro.iter().map(|p| para(paragraph(p))));
    items(&o.items(), 2, options, headers, &mut sections[0]);

    for (id, grid) in statutory_grids(report) {
        // Sections 二, 三 and 四 hold the tables 二, 三 and 四.
        sections[id as usize + 1].push(tbl(table(&grid, TableStyle::of(id), headers)));
    }
    debug_assert_eq!(headings.len(), SECTION_TITLES.len());

    sections[4].extend(report.problems.paragraphs.iter().map(|p| para(paragraph(p))));
    let problems: Vec<&Item> = report.problems.items.iter().collect();
    items(&problems, 2, options, headers, &mut sections[4]);

    let m = &report.other_matters;
    sections[5].extend(m.paragraphs.iter().map(|p| para(paragraph(p))));
    let other: Vec<&Item> = std::iter::once(&m.fees).chain(m.items.iter()).collect();
    items(&other, 2, options, headers, &mut sections[5]);

    for (heading, blocks) in headings.iter().zip(sections) {
        let h = body_paragraph().keep_next(true).outline_lvl(0);
        out.push(para(with_runs(
            h,
            runs(heading, text_run(TextRole::Heading1, 16.0, false)),
        )));
        out.extend(blocks);
    }
    out.extend(signature(report).into_iter().map(para));
    out
}

/// Items as the PDF sets them: number and title run in before the first paragraph.
fn items(
    items: &[&Item],
    level: usize,
    options: &DocxOptions,
    headers: &mut Vec<u32>,
    out: &mut Vec<Block>,
) {
    for (i, item) in items.iter().enumerate() {
        let title =
            format!("{}{}", numbering::label(level, i + 1), run_in_title(&item.title));
        let role = if level == 2 { TextRole::Heading2 } else { TextRole::Body };
        let bold = options.bold_subheadings && level <= 3;
        let mut paragraphs = item.paragraphs.iter();
        let mut first = runs(&title, text_run(role, 16.0, bold));
        if let Some(p) = paragraphs.next() {
            first.extend(runs(p, text_run(TextRole::Body, 16.0, false)));
        }
        out.push(para(with_runs(body_paragraph(), first)));
        out.extend(paragraphs.map(|p| para(paragraph(p))));
        for grid in &item.tables {
            out.push(tbl(table(grid, TableStyle::SHORT, headers)));
        }
        let children: Vec<&Item> = item.items.iter().collect();
        self::items(&children, level + 1, options, headers, out);
    }
}

/// The width of `text` in grid characters: CJK and other wide characters one, the rest
/// (digits, Latin) half.
fn width_in_chars(text: &str) -> f64 {
    text.chars().map(|c| if (c as u32) < 0x2E80 && c != '—' { 0.5 } else { 1.0 }).sum()
}

/// The signature (右空二字, one blank line below the body) and the date on the next line,
/// two characters right of the name's first character; when the date is the longer, it
/// is 右空二字 and the name moves left with it (docs/format.md §5; the PDF's template
/// computes the same positions from measured widths).
fn signature(report: &Report) -> [w::Paragraph; 2] {
    let name = &report.agency.name;
    let date = report.date_text();
    let (name_w, date_w) = (width_in_chars(name), width_in_chars(&date));
    let twips = |chars: f64| Some((chars.max(0.0) * page::CHAR).round() as i32);
    // The longer line is set 右空二字 (right-aligned, two characters in); the shorter is
    // placed by its left edge, from the longer one's width only, so that how Word or
    // LibreOffice spaces the shorter line's digits cannot move its start.
    let line = |text: &str, before: u32, place: Place| {
        let p = w::Paragraph::new()
            .line_spacing(exact(page::LINE_PITCH).before(before))
            // As the body: placed by the characters' own (condensed) widths.
            .snap_to_grid(false)
            .keep_next(true);
        let p = match place {
            Place::Right => {
                p.align(w::AlignmentType::Right).indent(Some(0), None, twips(2.0), None)
            }
            Place::Left(chars) => {
                p.align(w::AlignmentType::Left).indent(twips(chars), None, Some(0), None)
            }
        };
        with_runs(p, runs(text, text_run(TextRole::Body, 16.0, false)))
    };
    let (name_at, date_at) = if date_w > name_w - 2.0 {
        // The date is the longer: the name starts two characters left of it.
        (Place::Left(28.0 - 2.0 - date_w - 2.0), Place::Right)
    } else {
        // The date starts two characters right of the name's first character.
        (Place::Right, Place::Left(28.0 - 2.0 - name_w + 2.0))
    };
    [line(name, page::LINE_PITCH, name_at), line(&date, 0, date_at).keep_next(false)]
}

/// Where a closing line goes: 右空二字, or its left edge this many characters in.
enum Place {
    Right,
    Left(f64),
}

/// The column widths in twips, from the grid's Typst widths at `size` points: `fr`
/// shares what the fixed widths leave of the text block; `auto` counts as `1fr`.
fn column_widths(grid: &Grid, size: f64) -> Vec<u32> {
    let n = grid.columns as usize;
    let specs: Vec<String> = match grid.widths {
        Some(code) => code
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        None => Vec::new(),
    };
    let mut fixed = vec![None; n];
    let mut fr = vec![1.0f64; n];
    if specs.len() == n {
        for (i, s) in specs.iter().enumerate() {
            let num = |unit: &str| {
                s.strip_suffix(unit).and_then(|v| v.trim().parse::<f64>().ok())
            };
            if let Some(v) = num("fr") {
                fr[i] = v;
            } else if let Some(v) = num("em") {
                fixed[i] = Some(v * size * 20.0);
            } else if let Some(v) = num("pt") {
                fixed[i] = Some(v * 20.0);
            } else if let Some(v) = num("mm") {
                fixed[i] = Some(v * 1440.0 / 25.4);
            } else if let Some(v) = num("cm") {
                fixed[i] = Some(v * 14400.0 / 25.4);
            } else if let Some(v) = num("%") {
                fixed[i] = Some(v / 100.0 * f64::from(page::TEXT_WIDTH));
            }
        }
    }
    let total = f64::from(page::TEXT_WIDTH);
    let used: f64 = fixed.iter().flatten().sum();
    let shares: f64 = (0..n).filter(|&i| fixed[i].is_none()).map(|i| fr[i]).sum();
    let left = (total - used).max(0.0);
    let mut widths: Vec<u32> = (0..n)
        .map(|i| match fixed[i] {
            Some(v) => v.round() as u32,
            None if shares > 0.0 => (left * fr[i] / shares).floor() as u32,
            None => 0,
        })
        .collect();
    // Scale to the text width exactly (rounding, or fixed widths that overrun it).
    let sum: u32 = widths.iter().sum();
    if sum > 0 && sum != page::TEXT_WIDTH {
        for w in &mut widths {
            *w = (f64::from(*w) * total / f64::from(sum)).floor() as u32;
        }
        let sum: u32 = widths.iter().sum();
        if let Some(last) = widths.last_mut() {
            *last += page::TEXT_WIDTH.saturating_sub(sum);
        }
    }
    widths
}

/// One table from its grid: every row a `w:tr` that does not split, every cell at its
/// top-left corner a `w:tc` spanning its columns (`w:gridSpan`) and opening a vertical
/// merge (`w:vMerge="restart"`) when it spans rows; the slots it covers below are empty
/// cells continuing the merge. Its number of header rows is pushed onto `headers`.
fn table(grid: &Grid, style: TableStyle, headers: &mut Vec<u32>) -> w::Table {
    headers.push(grid.header_rows);
    let widths = column_widths(grid, style.size);
    let owner = |r: u32, c: u32| -> Option<&GridCell> {
        grid.cells.iter().find(|g| {
            g.row <= r && r < g.row + g.rowspan && g.col <= c && c < g.col + g.colspan
        })
    };
    let span_width = |cell: &GridCell| -> usize {
        widths[cell.col as usize..(cell.col + cell.colspan) as usize]
            .iter()
            .map(|&w| w as usize)
            .sum()
    };
    let mut rows = Vec::with_capacity(grid.rows as usize);
    for r in 0..grid.rows {
        let last_row = r + 1 == grid.rows;
        let mut cells = Vec::new();
        let mut c = 0;
        while c < grid.columns {
            let Some(cell) = owner(r, c) else {
                // The derived grids tile their table (Grid::check); a hole stays a hole.
                cells.push(w::TableCell::new().add_paragraph(w::Paragraph::new()));
                c += 1;
                continue;
            };
            let mut tc = w::TableCell::new()
                .width(span_width(cell), w::WidthType::Dxa)
                .vertical_align(w::VAlignType::Center);
            if cell.colspan > 1 {
                tc = tc.grid_span(cell.colspan as usize);
            }
            let mut p = w::Paragraph::new()
                .line_spacing(
                    w::LineSpacing::new()
                        .line(240)
                        .line_rule(w::LineSpacingType::Auto)
                        .before(0)
                        .after(0),
                )
                .snap_to_grid(false)
                .align(match cell.align {
                    Align::Center => w::AlignmentType::Center,
                    Align::Left => w::AlignmentType::Left,
                });
            // A table kept whole: every row keeps with the next.
            if !style.breakable && !last_row {
                p = p.keep_next(true);
            }
            if cell.row == r {
                if cell.rowspan > 1 {
                    tc = tc.vertical_merge(w::VMergeType::Restart);
                }
                p = with_runs(
                    p,
                    runs(&cell.text, text_run(TextRole::Body, style.size, false)),
                );
            } else {
                tc = tc.vertical_merge(w::VMergeType::Continue);
            }
            cells.push(tc.add_paragraph(p));
            c = cell.col + cell.colspan;
        }
        rows.push(w::TableRow::new(cells).cant_split());
    }
    let border = |pos| {
        w::TableBorder::new(pos)
            .size(4)
            .border_type(w::BorderType::Single)
            .color("000000")
    };
    let mut t = w::Table::new(rows)
        .set_grid(widths.iter().map(|&w| w as usize).collect())
        .width(page::TEXT_WIDTH as usize, w::WidthType::Dxa)
        .layout(w::TableLayoutType::Fixed)
        .margins(w::TableCellMargins::new().margin(80, 40, 80, 40));
    for pos in [
        w::TableBorderPosition::Top,
        w::TableBorderPosition::Left,
        w::TableBorderPosition::Bottom,
        w::TableBorderPosition::Right,
        w::TableBorderPosition::InsideH,
        w::TableBorderPosition::InsideV,
    ] {
        t = t.set_border(border(pos));
    }
    t
}

/// Two things `docx-rs` cannot do, done on a built part: adds `w:tblHeader` (repeat as
/// header row on each page) to the first `header[i]` rows of the `i`-th top-level table,
/// and numbers the paragraphs' `w14:paraId`s from `ids` on. The part is read and written
/// again event by event with `quick-xml` (the XML library `docx-rs` itself writes with),
/// new elements and attributes built by the library, never spliced in as text.
fn normalise(
    document: &[u8],
    header: &[u32],
    ids: &mut u32,
) -> Result<Vec<u8>, DocxError> {
    use quick_xml::events::{BytesStart, Event};
    let err = |e: &dyn fmt::Display| DocxError::Package(e.to_string());
    let mut reader = quick_xml::Reader::from_reader(document);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(document.len() + 1024));
    let mut buf = Vec::new();
    // Depth of w:tbl nesting, index of the current top-level table, row within it.
    let (mut depth, mut table, mut row) = (0usize, 0usize, 0u32);
    let is_header = |table: usize, row: u32| header.get(table).is_some_and(|&h| row < h);
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| err(&e))?;
        match &event {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"w:tbl" => depth += 1,
            Event::End(e) if e.name().as_ref() == b"w:tbl" => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    table += 1;
                    row = 0;
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:tr" && depth == 1 => row += 1,
            _ => {}
        }
        let header_row = depth == 1 && is_header(table, row);
        let event = match event {
            Event::Start(e) if e.name().as_ref() == b"w:p" => {
                Event::Start(renumber(&e, ids))
            }
            Event::Empty(e) if e.name().as_ref() == b"w:p" => {
                Event::Empty(renumber(&e, ids))
            }
            event => event,
        };
        match event {
            Event::Start(e) if header_row && e.name().as_ref() == b"w:trPr" => {
                writer.write_event(Event::Start(e)).map_err(|e| err(&e))?;
                writer
                    .write_event(Event::Empty(BytesStart::new("w:tblHeader")))
                    .map_err(|e| err(&e))?;
            }
            Event::Empty(e) if header_row && e.name().as_ref() == b"w:trPr" => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                writer.write_event(Event::Start(e.to_owned())).map_err(|e| err(&e))?;
                writer
                    .write_event(Event::Empty(BytesStart::new("w:tblHeader")))
                    .map_err(|e| err(&e))?;
                writer
                    .write_event(Event::End(quick_xml::events::BytesEnd::new(name)))
                    .map_err(|e| err(&e))?;
            }
            event => writer.write_event(event).map_err(|e| err(&e))?,
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

/// `docx-rs` always writes an empty Normal style before the styles it is given: the
/// first of two `Normal` styles is dropped, so that Normal carries the body's font and
/// size (LibreOffice sizes the document grid's characters from it).
fn drop_placeholder_normal(styles: &[u8]) -> Result<Vec<u8>, DocxError> {
    use quick_xml::events::Event;
    let err = |e: &dyn fmt::Display| DocxError::Package(e.to_string());
    let is_normal = |e: &quick_xml::events::BytesStart<'_>| {
        e.name().as_ref() == b"w:style"
            && e.attributes()
                .flatten()
                .any(|a| a.key.as_ref() == b"w:styleId" && a.value.as_ref() == b"Normal")
    };
    let normals = {
        let mut reader = quick_xml::Reader::from_reader(styles);
        let mut buf = Vec::new();
        let mut n = 0;
        loop {
            match reader.read_event_into(&mut buf).map_err(|e| err(&e))? {
                Event::Eof => break,
                Event::Start(e) if is_normal(&e) => n += 1,
                _ => {}
            }
            buf.clear();
        }
        n
    };
    if normals < 2 {
        return Ok(styles.to_vec());
    }
    let mut reader = quick_xml::Reader::from_reader(styles);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(styles.len()));
    let mut buf = Vec::new();
    let (mut dropped, mut skipping) = (false, 0usize);
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| err(&e))?;
        match &event {
            Event::Eof => break,
            Event::Start(e) if !dropped && skipping == 0 && is_normal(e) => {
                dropped = true;
                skipping = 1;
            }
            Event::Start(_) if skipping > 0 => skipping += 1,
            Event::End(_) if skipping > 0 => skipping -= 1,
            _ if skipping > 0 => {}
            _ => writer.write_event(event).map_err(|e| err(&e))?,
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

/// The property elements whose children the schema (ECMA-376 Part 1, WordprocessingML)
/// declares as a sequence, with that sequence: `w:pPr` (§17.3.1.26), `w:rPr` (§17.3.2.28,
/// also a paragraph mark's and a style's), `w:sectPr` (§17.6.17; header and footer
/// references come first, in any order among themselves) and `w:tblPr` (§17.4.60).
/// `docx-rs` writes their children in an order of its own; [`schema_order`] sorts them.
const SEQUENCES: &[(&str, &[&str])] = &[
    (
        "pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    (
        "rPr",
        &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
    ),
    (
        "sectPr",
        &[
            "headerReference|footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
    ),
    (
        "tblPr",
        &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
        ],
    ),
];

/// A part read as a tree of `quick-xml` events: an element with its children, or any
/// other event (an empty element, text).
enum XmlNode {
    Element(quick_xml::events::BytesStart<'static>, Vec<XmlNode>),
    Other(quick_xml::events::Event<'static>),
}

impl XmlNode {
    /// The element's local name (after `w:`), if it is an element.
    fn local_name(&self) -> Option<Vec<u8>> {
        use quick_xml::events::Event;
        let start = match self {
            XmlNode::Element(start, _) => start,
            XmlNode::Other(Event::Empty(start)) => start,
            XmlNode::Other(_) => return None,
        };
        Some(start.local_name().as_ref().to_vec())
    }
}

/// Writes the children of every element of [`SEQUENCES`] in the schema's order (a stable
/// sort: children the list does not name go last, in their order), so that a strict
/// reader of WordprocessingML finds each property where the schema puts it. Everything
/// else is written back as read.
fn schema_order(part: &[u8]) -> Result<Vec<u8>, DocxError> {
    use quick_xml::events::{BytesEnd, Event};
    let err = |e: &dyn fmt::Display| DocxError::Package(e.to_string());
    let mut reader = quick_xml::Reader::from_reader(part);
    let mut buf = Vec::new();
    let mut top: Vec<XmlNode> = Vec::new();
    let mut open: Vec<(quick_xml::events::BytesStart<'static>, Vec<XmlNode>)> =
        Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| err(&e))?.into_owned();
        let node = match event {
            Event::Eof => break,
            Event::Start(start) => {
                open.push((start, Vec::new()));
                buf.clear();
                continue;
            }
            Event::End(_) => {
                let (start, children) =
                    open.pop().ok_or_else(|| err(&"an unmatched end tag"))?;
                XmlNode::Element(start, children)
            }
            other => XmlNode::Other(other),
        };
        match open.last_mut() {
            Some((_, children)) => children.push(node),
            None => top.push(node),
        }
        buf.clear();
    }
    if !open.is_empty() {
        return Err(err(&"an element left open"));
    }

    fn rank(order: &[&str], name: &[u8]) -> usize {
        order
            .iter()
            .position(|names| names.split('|').any(|n| n.as_bytes() == name))
            .unwrap_or(usize::MAX)
    }
    fn write(
        writer: &mut quick_xml::Writer<Vec<u8>>,
        node: XmlNode,
    ) -> Result<(), quick_xml::Error> {
        match node {
            XmlNode::Other(event) => writer.write_event(event)?,
            XmlNode::Element(start, mut children) => {
                let local = start.local_name().as_ref().to_vec();
                if let Some((_, order)) =
                    SEQUENCES.iter().find(|(name, _)| name.as_bytes() == local)
                {
                    children.sort_by_key(|c| {
                        c.local_name().map_or(usize::MAX, |n| rank(order, &n))
                    });
                }
                let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                writer.write_event(Event::Start(start))?;
                for child in children {
                    write(writer, child)?;
                }
                writer.write_event(Event::End(BytesEnd::new(name)))?;
            }
        }
        Ok(())
    }
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(part.len()));
    for node in top {
        write(&mut writer, node).map_err(|e| err(&e))?;
    }
    Ok(writer.into_inner())
}

/// `p` with its `w14:paraId` replaced by the next number of `ids` (other attributes kept).
fn renumber(
    p: &quick_xml::events::BytesStart<'_>,
    ids: &mut u32,
) -> quick_xml::events::BytesStart<'static> {
    let mut out = quick_xml::events::BytesStart::new("w:p");
    for attr in p.attributes().flatten() {
        if attr.key.as_ref() == b"w14:paraId" {
            *ids += 1;
            out.push_attribute(("w14:paraId", format!("{:08X}", *ids).as_str()));
        } else {
            out.push_attribute(attr);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_fits_28_characters_and_22_lines() {
        let pitch = f64::from(page::BODY) / 20.0 + f64::from(page::CHAR_SPACE) / 4096.0;
        let width = f64::from(page::TEXT_WIDTH) / 20.0;
        assert!(28.0 * pitch <= width && 29.0 * pitch > width, "{pitch}");
        assert_eq!((page::WIDTH, page::HEIGHT), (11906, 16838));
    }

    #[test]
    fn characters_xml_cannot_carry_are_replaced() {
        assert!(xml_char('甲') && xml_char('\t') && xml_char('<'));
        assert!(!xml_char('\u{0}') && !xml_char('\u{1b}') && !xml_char('\u{FFFF}'));
    }
}
