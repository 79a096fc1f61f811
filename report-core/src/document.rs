//! The report as the data the Typst template lays out, and every text field with its role.
//!
//! [`document`] turns a [`Report`] into one Typst code expression (a dictionary) that
//! the template `report.typ` of `report-typst` typesets. Headings and their numbers are
//! generated here from the structure, so a misnumbered heading cannot be written.

use crate::markup::Code;
use crate::model::{Item, Report, numbering};
use crate::statutory;

/// The six section headings without their numbers, in order (docs/format.md §2).
pub const SECTION_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// The six section headings as printed, e.g. `一、总体情况`.
pub fn section_headings() -> [String; 6] {
    std::array::from_fn(|i| {
        format!("{}{}", numbering::label(1, i + 1), SECTION_TITLES[i])
    })
}

/// The typographic role of a piece of text: it decides the font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextRole {
    /// The title (小标宋, 22 pt).
    Title,
    /// Level-one headings 一、 (黑体).
    Heading1,
    /// Level-two headings （一） (楷体).
    Heading2,
    /// Body text, level-three and -four headings, tables and signature (仿宋).
    Body,
    /// Page numbers (宋体).
    PageNumber,
}

impl TextRole {
    /// Every role, in a fixed order.
    pub const ALL: [TextRole; 5] = [
        TextRole::Title,
        TextRole::Heading1,
        TextRole::Heading2,
        TextRole::Body,
        TextRole::PageNumber,
    ];

    /// The role's key in the template's font dictionary.
    pub fn key(self) -> &'static str {
        match self {
            TextRole::Title => "title",
            TextRole::Heading1 => "heading1",
            TextRole::Heading2 => "heading2",
            TextRole::Body => "body",
            TextRole::PageNumber => "page_number",
        }
    }
}

/// A piece of user-supplied text, where it sits and in which role it is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextField<'a> {
    /// Where it is, for people: e.g. `一、总体情况 / （一）主动公开情况 / 第2段`.
    pub location: String,
    /// Its role, which decides the font.
    pub role: TextRole,
    /// The text itself.
    pub text: &'a str,
}

/// Every user-supplied text of the report, with its location and role, in reading order.
pub fn text_fields(report: &Report) -> Vec<TextField<'_>> {
    let headings = section_headings();
    let mut fields: Vec<TextField<'_>> = Vec::new();
    fields.push(TextField {
        location: "标题".into(),
        role: TextRole::Title,
        text: &report.agency.name,
    });
    for (i, p) in report.preamble.iter().enumerate() {
        fields.push(TextField {
            location: format!("导语 / 第{}段", i + 1),
            role: TextRole::Body,
            text: p,
        });
    }
    let o = &report.overview;
    for (i, p) in o.intro.iter().enumerate() {
        fields.push(TextField {
            location: format!("{} / 第{}段", headings[0], i + 1),
            role: TextRole::Body,
            text: p,
        });
    }
    let items: Vec<&Item> = o.items();
    item_fields(&headings[0], items.iter().copied(), 2, &mut fields);
    for (i, p) in report.problems.paragraphs.iter().enumerate() {
        fields.push(TextField {
            location: format!("{} / 第{}段", headings[4], i + 1),
            role: TextRole::Body,
            text: p,
        });
    }
    item_fields(&headings[4], report.problems.items.iter(), 2, &mut fields);
    let m = &report.other_matters;
    for (i, p) in m.paragraphs.iter().enumerate() {
        fields.push(TextField {
            location: format!("{} / 第{}段", headings[5], i + 1),
            role: TextRole::Body,
            text: p,
        });
    }
    item_fields(
        &headings[5],
        std::iter::once(&m.fees).chain(m.items.iter()),
        2,
        &mut fields,
    );
    fields.push(TextField {
        location: "署名".into(),
        role: TextRole::Body,
        text: &report.agency.name,
    });
    fields
}

fn item_fields<'a>(
    parent: &str,
    items: impl Iterator<Item = &'a Item>,
    level: usize,
    out: &mut Vec<TextField<'a>>,
) {
    for (i, item) in items.enumerate() {
        let number = numbering::label(level, i + 1);
        let here = format!("{parent} / {number}{}", item.title);
        let title_role = if level == 2 { TextRole::Heading2 } else { TextRole::Body };
        out.push(TextField {
            location: format!("{here} / 标题"),
            role: title_role,
            text: &item.title,
        });
        for (j, p) in item.paragraphs.iter().enumerate() {
            out.push(TextField {
                location: format!("{here} / 第{}段", j + 1),
                role: TextRole::Body,
                text: p,
            });
        }
        for (k, table) in item.tables.iter().enumerate() {
            for c in &table.cells {
                out.push(TextField {
                    location: format!(
                        "{here} / 表{} / 第{}行第{}列",
                        k + 1,
                        c.row + 1,
                        c.col + 1
                    ),
                    role: TextRole::Body,
                    text: &c.text,
                });
            }
        }
        item_fields(&here, item.items.iter(), level + 1, out);
    }
}

/// The title of an item as printed after its number: a full stop is added unless the
/// title already ends in punctuation.
pub fn run_in_title(title: &str) -> String {
    const ENDS: &[char] = &['。', '：', ':', '；', '！', '？', '.', '，'];
    if title.is_empty() || title.ends_with(ENDS) {
        title.to_owned()
    } else {
        format!("{title}。")
    }
}

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
            item.tables.iter().map(|t| table_block(t.to_code(), TableStyle::SHORT)),
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
}

fn table_block(table: Code, style: TableStyle) -> Code {
    Code::dict([
        ("kind", Code::trusted("\"table\"")),
        ("body", table),
        ("size", Code::pt(style.size)),
        ("breakable", Code::bool(style.breakable)),
    ])
}

fn section(number: usize, blocks: Vec<Code>) -> Code {
    Code::dict([
        ("heading", Code::str(&section_headings()[number])),
        ("blocks", Code::array(blocks)),
    ])
}

/// The whole report as the template's data dictionary.
pub fn document(report: &Report) -> Code {
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
    Code::dict([
        ("title", Code::array(title_lines.iter().map(|l| Code::str(l)))),
        ("preamble", Code::array(report.preamble.iter().map(|p| Code::str(p)))),
        (
            "sections",
            Code::array([
                section(0, overview),
                section(
                    1,
                    vec![table_block(
                        statutory::active_disclosure_table(&report.active_disclosure),
                        TableStyle::SHORT,
                    )],
                ),
                section(
                    2,
                    vec![table_block(
                        statutory::applications_table(&report.applications),
                        TableStyle::APPLICATIONS,
                    )],
                ),
                section(
                    3,
                    vec![table_block(
                        statutory::reviews_table(&report.reviews_and_lawsuits),
                        TableStyle::REVIEWS,
                    )],
                ),
                section(4, problems),
                section(5, other),
            ]),
        ),
        ("signature", Code::str(&report.agency.name)),
        ("date", Code::str(&report.date_text())),
    ])
}
