//! The report as the data the Typst template lays out.
//!
//! [`document`] turns a [`Report`] into one Typst code expression (a dictionary) that
//! the template `report.typ` of `report-typst` typesets. Headings and their numbers are
//! generated here from the structure, so a misnumbered heading cannot be written.

use crate::diagnostic::TableId;
use crate::markup::Code;
use crate::model::{Item, Report};
use crate::numbering;
use crate::outline::{run_in_title, section_headings, statutory_grids};

fn paragraph(text: &str) -> Code {
    Code::dict([("kind", Code::trusted("\"par\"")), ("text", Code::str(text))])
}

fn item_blocks(items: &[&Item], level: usize, out: &mut Vec<Code>) {
    for (i, item) in items.iter().enumerate() {
        let mut paragraphs = item.paragraphs.iter();
        out.push(Code::dict([
            ("kind", Code::trusted("\"item\"")),
            ("level", Code::int(level as u64)),
            ("number", Code::str(&numbering::label(level, i + 1))),
            ("title", Code::str(&run_in_title(&item.title))),
            ("text", paragraphs.next().map_or_else(Code::none, |p| Code::str(p))),
        ]));
        out.extend(paragraphs.map(|p| paragraph(p)));
        out.extend(
            item.tables.iter().map(|t| table_block(t.to_code(), TableStyle::SHORT, None)),
        );
        let children: Vec<&Item> = item.items.iter().collect();
        item_blocks(&children, level + 1, out);
    }
}

/// How a table is set: its text size, and whether it may break across pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableStyle {
    /// Text size in points (never below 9 pt, 小五).
    pub size: f64,
    /// Whether the table may break across pages (its header rows then repeat); a short
    /// table is kept whole so that it never starts with a lone row at a page's foot.
    pub breakable: bool,
}

impl TableStyle {
    /// A short table of few columns: 五号 (10.5 pt), kept on one page.
    pub const SHORT: TableStyle = TableStyle { size: 10.5, breakable: false };
    /// Section 三: ten columns of up to 8-digit numbers at 小五 (9 pt), 28 rows that may
    /// break across pages with the header repeated.
    pub const APPLICATIONS: TableStyle = TableStyle { size: 9.0, breakable: true };
    /// Section 四: fifteen columns at 小五 (9 pt), kept on one page.
    pub const REVIEWS: TableStyle = TableStyle { size: 9.0, breakable: false };

    /// How statutory table `table` is set.
    pub const fn of(table: TableId) -> TableStyle {
        match table {
            TableId::Section2 => TableStyle::SHORT,
            TableId::Section3 => TableStyle::APPLICATIONS,
            TableId::Section4 => TableStyle::REVIEWS,
        }
    }
}

/// A table as the template's table block: its grid as Typst code, how it is set and, for
/// a statutory table, its index in [`TableId::ALL`] (`table`), by which the renderer may
/// give its rows' heights.
pub fn table_block(table: Code, style: TableStyle, statutory: Option<TableId>) -> Code {
    let mut entries = vec![
        ("kind", Code::trusted("\"table\"")),
        ("body", table),
        ("size", Code::pt(style.size)),
        ("breakable", Code::bool(style.breakable)),
    ];
    if let Some(id) = statutory {
        entries.push(("table", Code::int(id as u64)));
    }
    Code::dict(entries)
}

fn section(number: usize, blocks: Vec<Code>) -> Code {
    Code::dict([
        ("heading", Code::str(&section_headings()[number])),
        ("blocks", Code::array(blocks)),
    ])
}

/// The whole report as the template's data dictionary, its placeholders filled
/// ([`crate::placeholders`]; `.较上年` needs [`document_with`]).
pub fn document(report: &Report) -> Code {
    document_with(report, None)
}

/// [`document`] with last year's report, which fills the placeholders `{….较上年}` and
/// `{….上年}`.
pub fn document_with(report: &Report, previous: Option<&Report>) -> Code {
    document_printed(&crate::placeholders::fill(report, previous))
}

/// The dictionary of a report already filled ([`crate::placeholders::fill`]): its texts
/// are printed as they are, braces included.
pub fn document_printed(report: &Report) -> Code {
    let mut overview: Vec<Code> =
        report.overview.intro.iter().map(|p| paragraph(p)).collect();
    item_blocks(&report.overview.items(), 2, &mut overview);

    let mut problems: Vec<Code> =
        report.problems.paragraphs.iter().map(|p| paragraph(p)).collect();
    let problem_items: Vec<&Item> = report.problems.items.iter().collect();
    item_blocks(&problem_items, 2, &mut problems);

    let m = &report.other_matters;
    let mut other: Vec<Code> = m.paragraphs.iter().map(|p| paragraph(p)).collect();
    let other_items: Vec<&Item> =
        std::iter::once(&m.fees).chain(m.items.iter()).collect();
    item_blocks(&other_items, 2, &mut other);

    let title_lines = report.title_lines();
    let [section2, section3, section4] = statutory_grids(report).map(|(id, grid)| {
        vec![table_block(grid.to_code(), TableStyle::of(id), Some(id))]
    });
    Code::dict([
        ("title", Code::array(title_lines.iter().map(|l| Code::str(l)))),
        ("preamble", Code::array(report.preamble.iter().map(|p| Code::str(p)))),
        (
            "sections",
            Code::array([
                section(0, overview),
                section(1, section2),
                section(2, section3),
                section(3, section4),
                section(4, problems),
                section(5, other),
            ]),
        ),
        ("signature", Code::str(&report.agency.name)),
        ("date", Code::str(&report.date_text())),
    ])
}
