//! A published report page read back: the HTML of a 政府信息公开工作年度报告 as its
//! issuing office published it (usually pasted from Word), turned into the typed
//! [`Report`] and every problem found, each placed in the page ([`PagePlace`]: the
//! table, row and column of a cell, and the page's line).
//!
//! - The bytes are decoded as the page declares (`<meta charset>` or `http-equiv`; GBK
//!   and GB2312 through `encoding_rs`) and parsed by html5ever (through `scraper`), as a
//!   browser would: Word's `MsoNormalTable`, `&nbsp;`, `<o:p>`, `<span>` runs and `<br>`
//!   inside labels need no special case.
//! - The tables: each `<table>`'s grid is rebuilt from `rowspan`/`colspan`, and each row
//!   is placed by its label against the tables' catalogue ([`crate::labels`]), so tables
//!   may come in any order, split across elements or with the header apart. Labels are
//!   matched as the data-file reader matches them ([`crate::labels::canonical_label`],
//!   [`crate::labels::closest_label`]); blank, `/` and `-` cells are *unknown*, reported
//!   (ALL) and listed in [`Imported::doubts`], never taken for 0 by a data file.
//! - The prose is split at the six section headings (well formed or not), the items
//!   （一）… of 一 and the fee item of 六 are kept; the title gives the agency and the
//!   year, the end of the report the signature and the date.
//! - Whatever cannot be placed is reported; tables that are no statutory table are kept
//!   as text in an item of 六.
//!
//! [`Imported::audit`] adds validation (with last year's report for the continuity
//! rules), each diagnostic placed in the page.

pub mod blocks;
#[cfg(feature = "import-docx")]
mod docx;
mod messages;
mod page;
#[cfg(feature = "import-pdf")]
mod pdf;
mod tables;

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;
use ego_tree::NodeId;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Location, TableId};
use crate::l10n::{self, Lang, arg};
use crate::labels::canonical_label;
use crate::model::{
    AdminLevel, Agency, AgencyKind, Item, OtherMatters, Overview, Prose, Report,
};
use crate::outline::{SECTION_TITLES, section_headings};
use crate::partial::Unknown;
use crate::table::catalogue::{Source, ValueKind};
use messages as m;
use page::{Block, Page};

pub use tables::Doubt;

/// The largest page imported: far above any real report page (a few hundred KB), and
/// bounded so that time and memory are.
pub const MAX_PAGE_SIZE: usize = 64 * 1024 * 1024;

/// Where in the page a problem is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct PagePlace {
    /// The `<table>` element, counted from 1 in the page's order.
    pub table: Option<usize>,
    /// The row of that table, from 1.
    pub row: Option<usize>,
    /// The column of the table's grid (spans unfolded), from 1.
    pub column: Option<usize>,
    /// The line of the page's source, from 1 (0 if unknown or not a web page).
    pub line: u64,
    /// The paragraph of a Word document (its body's `w:p`, tables' included), from 1.
    pub paragraph: Option<usize>,
    /// The page of a PDF, from 1.
    pub page: Option<usize>,
}

impl fmt::Display for PagePlace {
    /// `line 812, table 2 row 5 column 3`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl PagePlace {
    /// The place in `lang`: `line 812, table 2 row 5 column 3`, `源码第 812 行，表2第5行第3列`;
    /// a Word file's `第 12 段`, a PDF's `第 3 页`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mut out = match (self.paragraph, self.page) {
            (Some(p), _) => {
                l10n::tr(lang, "import-place-paragraph", &[arg("paragraph", p)])
            }
            (None, Some(p)) => l10n::tr(lang, "import-place-page", &[arg("page", p)]),
            (None, None) => {
                l10n::tr(lang, "import-place-line", &[arg("line", self.line)])
            }
        };
        if let Some(t) = self.table {
            out.push_str(&l10n::tr(lang, "import-place-table", &[arg("table", t)]));
        }
        if let Some(r) = self.row {
            out.push_str(&l10n::tr(lang, "import-place-row", &[arg("row", r)]));
        }
        if let Some(c) = self.column {
            out.push_str(&l10n::tr(lang, "import-place-column", &[arg("column", c)]));
        }
        out
    }
}

/// A diagnostic with its place in the page (as [`crate::datafile::Located`] is for a
/// data file).
pub type Located = crate::located::Located<PagePlace>;

impl crate::located::Place for PagePlace {
    /// `源码第 812 行，表2第5行第3列` (`line 812, table 2 row 5 column 3`).
    fn in_lang(&self, lang: Lang) -> String {
        PagePlace::in_lang(self, lang)
    }
}

/// Why a page could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// The page is larger than [`MAX_PAGE_SIZE`].
    TooLarge {
        /// Its size in bytes.
        size: usize,
    },
    /// The bytes are no HTML (binary data, or text without a single element).
    NotHtml,
    /// An HTML page, but no report: no title, no section heading, no table of the format.
    NoReport,
    /// A Word document of the old binary format (`.doc`, OLE compound file): it must be
    /// saved as `.docx` first.
    WordBinary,
    /// A Word document or PDF that cannot be read: damaged, hostile, encrypted, too
    /// large, or without a text layer. `why` is the message (id and arguments: the pages
    /// concerned, the limit, …) saying which and why, in every language.
    Unreadable {
        /// The format recognised.
        format: blocks::Format,
        /// Why, as a message of the message files.
        why: crate::diagnostic::Text,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// Why the page could not be imported, in `lang` (in English as `Display`).
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            ImportError::TooLarge { size } => l10n::tr(
                lang,
                "import-too-large",
                &[arg("size", size), arg("limit", MAX_PAGE_SIZE)],
            ),
            ImportError::NotHtml => l10n::tr(lang, "import-not-html", &[]),
            ImportError::NoReport => l10n::tr(lang, "import-no-report", &[]),
            ImportError::WordBinary => l10n::tr(lang, "import-word-binary", &[]),
            ImportError::Unreadable { why, .. } => l10n::tr(lang, why.id, &why.args),
        }
    }
}

/// Where the cells, rows, tables and texts of the report are in the page.
#[derive(Debug, Clone, Default)]
pub struct Places {
    labels: HashMap<(TableId, Vec<String>), PagePlace>,
    texts: HashMap<String, u64>,
}

impl Places {
    fn insert<'a>(
        &mut self,
        table: TableId,
        labels: impl IntoIterator<Item = &'a str>,
        place: PagePlace,
    ) {
        let labels: Vec<String> = labels.into_iter().map(str::to_owned).collect();
        // The table as a whole: its first place.
        self.labels.entry((table, Vec::new())).or_insert_with(|| PagePlace {
            row: None,
            column: None,
            ..place.clone()
        });
        self.labels.insert((table, labels), place);
    }

    fn insert_if_absent<'a>(
        &mut self,
        table: TableId,
        labels: impl IntoIterator<Item = &'a str>,
        place: PagePlace,
    ) {
        let labels: Vec<String> = labels.into_iter().map(str::to_owned).collect();
        self.labels.entry((table, labels)).or_insert(place);
    }

    /// The place in the page of a diagnostic's location, if the page has it.
    pub fn place(&self, location: &Location) -> Option<PagePlace> {
        match location {
            Location::Table { table, labels } => (0..=labels.len())
                .rev()
                .find_map(|n| self.labels.get(&(*table, labels[..n].to_vec())).cloned()),
            Location::Key { path } => {
                let table = TableId::ALL.into_iter().find(|t| {
                    path.first().map(String::as_str) == Some(crate::labels::table_key(*t))
                })?;
                self.labels.get(&(table, Vec::new())).cloned()
            }
            Location::Text { path } => {
                let first = path.first()?;
                self.texts
                    .get(first)
                    .map(|line| PagePlace { line: *line, ..PagePlace::default() })
            }
            Location::Report | Location::Previous => None,
        }
    }
}

/// A page imported: the report, every problem found reading it, and the doubtful cells.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The report as the page gives it (unknown cells are 0 here: see [`Imported::doubts`]
    /// and [`Imported::unknown`]).
    pub report: Report,
    /// Every problem of reading the page, placed in it, in reading order.
    pub problems: Vec<Located>,
    /// The cells whose value is doubtful or unknown, with why.
    pub doubts: Vec<Doubt>,
    /// Whether the three tables were found as HTML tables.
    pub tables_read: bool,
    /// The encoding the page was decoded from (e.g. `GBK`).
    pub encoding: &'static str,
    /// Where the report's cells and sections are in the page.
    pub places: Places,
}

impl Imported {
    /// Places diagnostics of the imported report (e.g. validation's) in the page.
    pub fn locate(&self, diagnostics: Vec<Diagnostic>) -> Vec<Located> {
        diagnostics
            .into_iter()
            .map(|d| {
                let place = self.places.place(&d.location);
                Located::new(d, place)
            })
            .collect()
    }

    /// The cells the page does not give (blank, `/`, missing, or in a table that could
    /// not be read): every cell of [`Imported::doubts`] whose value is unknown.
    pub fn unknown(&self) -> Unknown {
        let unknown: HashSet<&[&str]> = self
            .doubts
            .iter()
            .filter(|d| d.unknown)
            .map(|d| d.labels.as_slice())
            .collect();
        let mut mask = serde_json::Value::Object(serde_json::Map::new());
        for c in crate::labels::statutory_cells() {
            let is_unknown = unknown.contains(c.labels.as_slice());
            // A stated total is in the mask only where it is unknown.
            if c.cell.source != Source::Data && !is_unknown {
                continue;
            }
            let flag = match c.cell.kind {
                ValueKind::Decimal => {
                    serde_json::Value::String(u8::from(is_unknown).to_string())
                }
                _ => serde_json::Value::from(u8::from(is_unknown)),
            };
            let mut at = &mut mask;
            for field in &c.english {
                at = &mut at[*field];
            }
            *at = flag;
        }
        Unknown::from_mask(serde_json::from_value(mask).unwrap_or_default())
    }

    /// Every problem: those of reading the page, then validation's, each placed in the
    /// page: [`crate::validate::validate_partial`] with the cells the page does not give
    /// ([`Imported::unknown`]), so that no rule takes a blank cell for 0, and with last
    /// year's report for the continuity rules.
    pub fn audit(&self, previous: Option<&Report>) -> Vec<Located> {
        let none = Unknown::none();
        self.audit_partial(previous.map(|p| (p, &none)))
    }

    /// [`Imported::audit`] with last year's report and its own unknown cells (for a page,
    /// its [`Imported::unknown`]; for a data file, [`crate::datafile::Loaded::unknown`]).
    pub fn audit_partial(&self, previous: Option<(&Report, &Unknown)>) -> Vec<Located> {
        let mut out = self.problems.clone();
        let unknown = self.unknown();
        out.extend(self.locate(crate::validate::validate_partial(
            &self.report,
            &unknown,
            previous,
        )));
        out
    }

    /// Whether any problem of reading the page is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.is_error())
    }
}

/// Imports a published report page from its bytes (any encoding the page declares).
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_PAGE_SIZE {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(ImportError::NotHtml);
    }
    let (text, encoding, malformed) = page::decode(bytes);
    let page = Page::parse(&text);
    drop(text);
    if page.elements_written() == 0 {
        return Err(ImportError::NotHtml);
    }
    Importer::new(&page, encoding, malformed).run()
}

/// One section heading found: its section (0–5) and block index.
struct Heading {
    section: usize,
    index: usize,
}

struct Importer<'p> {
    page: &'p Page,
    encoding: &'static str,
    problems: Vec<Located>,
    places: Places,
}

fn located(diagnostic: Diagnostic, place: Option<PagePlace>) -> Located {
    Located::new(diagnostic, place)
}

fn line_place(line: u64) -> Option<PagePlace> {
    Some(PagePlace { line, ..PagePlace::default() })
}

impl<'p> Importer<'p> {
    fn new(page: &'p Page, encoding: &'static str, malformed: bool) -> Self {
        let mut problems = Vec::new();
        if malformed {
            problems.push(located(m::malformed_bytes(encoding), None));
        }
        Importer { page, encoding, problems, places: Places::default() }
    }

    fn run(mut self) -> Result<Imported, ImportError> {
        let root = self.page.html.tree.root().id();
        let all = page::blocks(self.page, root);
        let headings = find_headings(&all);
        let tables: Vec<NodeId> = all
            .iter()
            .filter_map(|b| match b {
                Block::Table { node, .. } => Some(*node),
                _ => None,
            })
            .collect();
        let title = find_title(self.page, &all);
        let read = tables::read(self.page, &tables, &mut self.places);
        let any_table = read.found.iter().any(|f| *f);
        if headings.is_empty() && !any_table && title.is_none() {
            return Err(ImportError::NoReport);
        }

        // The article: from the first heading (or table) back to the start of its
        // container, to the end of that container.
        let article = article_root(self.page, &all, &headings, &read.found, &tables);
        let blocks = match article {
            Some(root) => page::blocks(self.page, root),
            None => all,
        };
        let headings = find_headings(&blocks);

        let mut report = self.report_from_title(title.as_ref());
        report.active_disclosure = read.tables.active_disclosure.clone();
        report.applications = read.tables.applications.clone();
        report.reviews_and_lawsuits = read.tables.reviews_and_lawsuits.clone();
        for (d, place) in read.problems {
            self.problems.push(located(d, place));
        }

        let extra: HashMap<NodeId, Vec<String>> = read.extra.into_iter().collect();
        self.prose(&blocks, &headings, &extra, &mut report);

        // Tables as images, or not there at all.
        let images_in = |sections: std::ops::Range<usize>| {
            blocks.iter().enumerate().any(|(i, b)| {
                matches!(b, Block::Image { .. })
                    && sections.contains(&section_of(&headings, i))
            })
        };
        for table in TableId::ALL {
            if !read.found[table as usize] {
                let section = table as usize + 1;
                let d = if images_in(section..section + 1)
                    || (!any_table && images_in(1..4))
                {
                    m::table_as_image(table)
                } else {
                    m::table_missing(table)
                };
                let line = headings
                    .iter()
                    .find(|h| h.section == section)
                    .map(|h| line_of(&blocks[h.index]));
                self.problems.push(located(d, line.and_then(line_place)));
            }
        }

        // A page's text is printed text, not a template: its braces are literal.
        for text in crate::placeholders::templates_mut(&mut report) {
            if crate::placeholders::has_braces(text) {
                *text = crate::placeholders::escape(text);
            }
        }
        Ok(Imported {
            report,
            problems: self.problems,
            doubts: read.doubts,
            tables_read: read.found.iter().all(|f| *f),
            encoding: self.encoding,
            places: self.places,
        })
    }

    fn report_from_title(&mut self, title: Option<&(String, u64)>) -> Report {
        let parsed = title.and_then(|(t, line)| parse_title(t).map(|p| (p, *line, t)));
        let (name, year) = match parsed {
            Some(((name, year, spaced), line, raw)) => {
                self.places.texts.insert("标题".into(), line);
                if spaced {
                    let read = format!("{name}{year}{}", title_tail());
                    self.problems
                        .push(located(m::title_spaced(raw, &read), line_place(line)));
                }
                (name, year)
            }
            None => {
                let raw = title.map(|t| t.0.as_str()).unwrap_or("");
                self.problems.push(located(
                    m::title_unread(raw),
                    title.and_then(|t| line_place(t.1)),
                ));
                (String::new(), 0)
            }
        };
        let kind = if name.ends_with("人民政府") {
            AgencyKind::PeoplesGovernment
        } else {
            AgencyKind::Department
        };
        let agency = Agency::new(name, kind, level_of(&name_for_level(title)));
        let date = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or_default();
        Report::new(agency, year, date)
    }

    /// Splits the article's text blocks into the report's prose.
    fn prose(
        &mut self,
        blocks: &[Block],
        headings: &[Heading],
        extra: &HashMap<NodeId, Vec<String>>,
        report: &mut Report,
    ) {
        let official = section_headings();
        for h in headings {
            self.places
                .texts
                .insert(official[h.section].clone(), line_of(&blocks[h.index]));
            if let Block::Text { text, .. } = &blocks[h.index] {
                let (number, title) = split_number(text);
                let title_ok =
                    canonical_label(title) == canonical_label(SECTION_TITLES[h.section]);
                let number_ok =
                    number.map(|n| numeral(n) == Some(h.section + 1)).unwrap_or(true);
                let line = line_place(line_of(&blocks[h.index]));
                if !title_ok {
                    self.problems.push(located(
                        m::heading_misworded(&official[h.section], text),
                        line.clone(),
                    ));
                } else if !number_ok {
                    self.problems.push(located(
                        m::heading_misnumbered(&official[h.section], text),
                        line,
                    ));
                }
            }
        }
        for (s, heading) in official.iter().enumerate() {
            if !headings.iter().any(|h| h.section == s) {
                self.problems.push(located(m::heading_missing(heading), None));
            }
        }

        // The end: the date, and the signature before it.
        let first_heading = headings.first().map_or(blocks.len(), |h| h.index);
        let last_heading = headings.last().map_or(0, |h| h.index);
        let mut end = blocks.len();
        let mut date = None;
        let mut date_index = blocks.len();
        for i in (last_heading + 1..blocks.len()).rev() {
            if let Block::Text { text, line, .. } = &blocks[i]
                && let Some(d) = parse_date(text)
            {
                date = Some((d, *line));
                end = i;
                date_index = i;
                break;
            }
        }
        let mut signature = None;
        if date.is_some()
            && end > last_heading + 1
            && let Block::Text { text, line, .. } = &blocks[end - 1]
            && is_signature(text)
        {
            signature = Some((text.clone(), *line));
            end -= 1;
        }
        match date {
            Some((d, line)) => {
                report.date = d;
                self.places.texts.insert("成文日期".into(), line);
            }
            None => {
                let assumed = crate::model::format_date(report.date);
                self.problems.push(located(m::date_missing(&assumed), None));
            }
        }
        match signature {
            Some((name, line)) => {
                self.places.texts.insert("署名".into(), line);
                if report.agency.name.is_empty() {
                    report.agency.name = name;
                }
            }
            None => self.problems.push(located(m::signature_missing(), None)),
        }
        let after_date: Vec<String> = blocks
            .iter()
            .skip(date_index + 1)
            .filter_map(|b| match b {
                Block::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();

        // The preamble: text before the first heading, the title left out.
        let title_text = canonical_label(&report.title());
        for b in &blocks[..first_heading.min(blocks.len())] {
            if let Block::Text { text, in_h1, line, .. } = b {
                let c = canonical_label(text);
                if *in_h1 || c == title_text || (c.len() > 6 && title_text.contains(&c)) {
                    continue;
                }
                if report.preamble.is_empty() {
                    self.places.texts.insert("导语".into(), *line);
                }
                report.preamble.push(text.clone());
            }
        }

        // Each section's blocks.
        let mut sections: [Vec<Piece>; 6] = Default::default();
        for (k, h) in headings.iter().enumerate() {
            let stop = headings.get(k + 1).map_or(end, |n| n.index).min(end);
            for b in blocks.iter().take(stop).skip(h.index + 1) {
                match b {
                    Block::Text { text, run_in, level, .. } => {
                        sections[h.section].push(Piece::Text {
                            text: text.clone(),
                            run_in: run_in.clone(),
                            level: *level,
                        })
                    }
                    Block::Table { node, .. } => {
                        if let Some(rows) = extra.get(node) {
                            sections[h.section].push(Piece::Table(rows.clone()));
                        }
                    }
                    Block::Image { .. } => {}
                }
            }
        }
        for (s, pieces) in sections.iter().enumerate().take(4).skip(1) {
            for piece in pieces {
                // A table with numbers here is no header apart from its body: say so.
                if let Piece::Table(rows) = piece
                    && rows.iter().any(|r| {
                        r.chars()
                            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
                    })
                {
                    let line = headings
                        .iter()
                        .find(|h| h.section == s)
                        .map(|h| line_of(&blocks[h.index]));
                    let first = rows.first().map_or("", String::as_str);
                    self.problems.push(located(
                        m::table_unplaced(&official[s], first),
                        line.and_then(line_place),
                    ));
                }
                if let Piece::Text { text, .. } = piece {
                    let line = headings
                        .iter()
                        .find(|h| h.section == s)
                        .map(|h| line_of(&blocks[h.index]));
                    self.problems.push(located(
                        m::text_in_table_section(&official[s], text),
                        line.and_then(line_place),
                    ));
                }
            }
        }
        let [one, _, _, _, five, six] = sections;
        overview(one, &mut report.overview);
        report.problems = prose_of(five);
        let mut other = prose_of(six);
        if !after_date.is_empty() {
            self.problems.push(located(m::text_after_date(&after_date.join(" ")), None));
            other.items.push(Item { paragraphs: after_date, ..Item::default() });
        }
        other_matters(other, &mut report.other_matters);
    }
}

/// The title of an item of 六 that holds a table the format does not have.
const EXTRA_TABLE_TITLE: &str = "附表";

/// A piece of a section's content.
enum Piece {
    Text {
        text: String,
        run_in: Option<String>,
        level: Option<usize>,
    },
    /// A table that is no statutory table: its rows as text.
    Table(Vec<String>),
}

fn line_of(b: &Block) -> u64 {
    match b {
        Block::Text { line, .. } | Block::Table { line, .. } | Block::Image { line } => {
            *line
        }
    }
}

/// The section (0–5) block `i` is in, or 6 before the first heading.
fn section_of(headings: &[Heading], i: usize) -> usize {
    headings.iter().rev().find(|h| h.index < i).map_or(6, |h| h.section)
}

/// The Chinese numerals 一 … 十 and Arabic ones, as a number.
fn numeral(text: &str) -> Option<usize> {
    const CN: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let t: String = canonical_label(text);
    if let Ok(n) = t.parse::<usize>() {
        return Some(n);
    }
    let mut chars = t.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    CN.iter().position(|x| *x == c).map(|p| p + 1)
}

/// A heading's number and the rest: `一、总体情况` → (`一`, `总体情况`); `（一）主动…` →
/// (`一`, `主动…`); `5、…` and `5.…` too. `(None, text)` if there is no number.
fn split_number(text: &str) -> (Option<&str>, &str) {
    let t = text.trim();
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && end <= 9
        {
            return (Some(&rest[..end]), rest[end + close.len()..].trim_start());
        }
    }
    let end = t
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit()
                || ('０'..='９').contains(c)
                || "一二三四五六七八九十".contains(*c))
        })
        .map_or(t.len(), |(i, _)| i);
    if end == 0 || end > 9 {
        return (None, t);
    }
    let rest = &t[end..];
    for sep in ["、", "．", ".", "，", " "] {
        if let Some(r) = rest.strip_prefix(sep) {
            return (Some(&t[..end]), r.trim_start());
        }
    }
    (None, t)
}

/// The share of the characters of `official` that `found` has (order left aside): how
/// much of a section's title a reworded heading keeps.
fn overlap(found: &str, official: &str) -> f64 {
    let total = official.chars().count().max(1);
    let common = official.chars().filter(|c| found.contains(*c)).count();
    common as f64 / total as f64
}

/// The section headings of the blocks, in order, each section once: a short block that
/// is a section's title, exactly; or numbered `一、` … (not `（一）`) and close to a title;
/// or with the right number and most of the title's words (`六、需要说明的其他事项与附表`).
fn find_headings(blocks: &[Block]) -> Vec<Heading> {
    let titles: Vec<String> = SECTION_TITLES.iter().map(|t| canonical_label(t)).collect();
    let mut out: Vec<Heading> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let Block::Text { text, in_h1: false, level: None, .. } = b else { continue };
        if text.chars().count() > 40 || text.starts_with(['（', '(']) {
            continue;
        }
        let (number, title) = split_number(text);
        let title = canonical_label(title.trim_end_matches(['。', '：', ':']));
        let next = out.last().map_or(0, |h| h.section + 1);
        let best = (next..6)
            .map(|s| (s, strsim::normalized_levenshtein(&title, &titles[s])))
            .fold(None, |best: Option<(usize, f64)>, (s, score)| match best {
                Some((_, b)) if b >= score => best,
                _ => Some((s, score)),
            });
        let Some((section, score)) = best else { continue };
        let exact = score == 1.0;
        let close = number.is_some() && score >= 0.5;
        let renamed = number.and_then(numeral) == Some(section + 1)
            && section == next
            && overlap(&title, &titles[section]) >= 0.6;
        if exact || close || renamed {
            out.push(Heading { section, index: i });
        }
    }
    out
}

/// The report's title and its line: the `ArticleTitle` meta, the `<h1>`, the first short
/// text ending in the report's name, or the `<title>`.
fn find_title(page: &Page, blocks: &[Block]) -> Option<(String, u64)> {
    let tail = canonical_label(&title_tail());
    let yearly = tail.replacen('年', "年度", 1);
    let fits = |t: &str| {
        let c = canonical_label(t);
        c.contains(&tail) || c.contains(&yearly)
    };
    let tree = &page.html.tree;
    let mut candidates: Vec<(String, u64)> = Vec::new();
    for b in blocks {
        if let Block::Text { text, line, .. } = b
            && text.chars().count() <= 80
            && fits(text)
        {
            candidates.push((text.clone(), *line));
            break;
        }
    }
    for node in tree.nodes() {
        let Some(e) = node.value().as_element() else { continue };
        match e.name() {
            "meta"
                if e.attr("name")
                    .is_some_and(|n| n.eq_ignore_ascii_case("ArticleTitle")) =>
            {
                if let Some(c) = e.attr("content") {
                    candidates.push((page::normalise(c), page.line(node.id())));
                }
            }
            "h1" => {
                let (t, _) = page::cell_text(page, node.id());
                candidates.push((t.replace(' ', ""), page.line(node.id())));
                let _ = &t;
            }
            _ => {}
        }
    }
    for node in tree.nodes() {
        if let Some(e) = node.value().as_element()
            && e.name() == "title"
        {
            let (t, _) = page::cell_text(page, node.id());
            candidates.push((t, page.line(node.id())));
        }
    }
    // The visible title (a block) over the meta data, where both are there.
    let visible =
        candidates.iter().find(|(t, _)| fits(t) && parse_title(t).is_some_and(|p| p.2));
    visible
        .or_else(|| candidates.iter().find(|(t, _)| parse_title(t).is_some()))
        .or_else(|| candidates.iter().find(|(t, _)| fits(t)))
        .cloned()
}

/// `年政府信息公开工作年度报告`: what follows the year in every title.
fn title_tail() -> String {
    let report = Report::new(
        Agency::new("", AgencyKind::Department, AdminLevel::County),
        0,
        NaiveDate::default(),
    );
    report.title().trim_start_matches('0').to_owned()
}

/// The agency, the year, and whether there were spaces inside, from a title such as
/// `某某局2023年政府信息公开工作年度报告` (anything after the report's name, e.g. a site's
/// suffix, left out).
fn parse_title(title: &str) -> Option<(String, i32, bool)> {
    let tail = title_tail();
    let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    // `2024年度政府信息公开…` is read as `2024年政府信息公开…`.
    let compact =
        canonical_label(&compact).replacen(&tail.replacen('年', "年度", 1), &tail, 1);
    let at = compact.find(&tail)?;
    let head = &compact[..at];
    let digits: String = head.chars().rev().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.chars().rev().collect::<String>().parse().ok()?;
    let name = head[..head.len() - 4].trim_end_matches(['（', '(', '《']).to_owned();
    if name.is_empty() {
        return None;
    }
    // Spaces inside the title as printed (not at its ends).
    let trimmed = page::normalise(title);
    let name_end = trimmed.find(&tail[..3]).unwrap_or(trimmed.len());
    let spaced = trimmed[..name_end].contains(' ');
    Some((name, year, spaced))
}

fn name_for_level(title: Option<&(String, u64)>) -> String {
    title.and_then(|t| parse_title(&t.0)).map(|p| p.0).unwrap_or_default()
}

/// The level of government a name suggests (the data file says it is a guess).
fn level_of(name: &str) -> AdminLevel {
    if name.starts_with("国务院") || name.starts_with("国家") {
        AdminLevel::National
    } else if name.ends_with("乡人民政府")
        || name.ends_with("镇人民政府")
        || name.contains("街道")
    {
        AdminLevel::Township
    } else if name.contains('县') || name.contains('区') {
        AdminLevel::County
    } else if name.contains('市') {
        AdminLevel::Prefecture
    } else if name.contains('省') || name.contains("自治区") {
        AdminLevel::Provincial
    } else {
        AdminLevel::County
    }
}

/// A date as the end of a report writes it: `2024年1月22日` (full-width digits too).
fn parse_date(text: &str) -> Option<NaiveDate> {
    let t: String = canonical_label(text);
    if t.chars().count() > 14 {
        return None;
    }
    let (y, rest) = t.split_once('年')?;
    let (mo, rest) = rest.split_once('月')?;
    let (d, rest) = rest.split_once('日')?;
    if !rest.is_empty() {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, mo.parse().ok()?, d.parse().ok()?)
}

/// Whether a block just before the date can be the signature: a short name, no sentence.
fn is_signature(text: &str) -> bool {
    let n = text.chars().count();
    (2..=40).contains(&n) && !text.ends_with(['。', '；', '：', ';', ':'])
}

/// The lowest common ancestor of the report's headings and tables: the article.
fn article_root(
    page: &Page,
    blocks: &[Block],
    headings: &[Heading],
    found: &[bool; 3],
    tables: &[NodeId],
) -> Option<NodeId> {
    let mut anchors: Vec<NodeId> = Vec::new();
    for h in headings {
        if let Block::Text { node, .. } = &blocks[h.index] {
            anchors.push(*node);
        }
    }
    if found.iter().any(|f| *f) {
        anchors.extend(tables.iter().copied());
    }
    if anchors.len() < 2 {
        return None;
    }
    let chain = |id: NodeId| -> Vec<NodeId> {
        let mut out = vec![id];
        if let Some(n) = page.html.tree.get(id) {
            out.extend(n.ancestors().map(|a| a.id()));
        }
        out.reverse();
        out
    };
    let mut common = chain(anchors[0]);
    for a in &anchors[1..] {
        let other = chain(*a);
        let same = common.iter().zip(&other).take_while(|(x, y)| x == y).count();
        common.truncate(same);
    }
    let root = *common.last()?;
    // An anchor itself (one heading and no table): its parent holds the article.
    if anchors.contains(&root) {
        return page.html.tree.get(root)?.parent().map(|p| p.id());
    }
    Some(root)
}

/// Splits an item's first text into its title and first paragraph: a run-in title
/// (a govreport page marks it), or the text up to the first 。 or ： when short.
fn item_title(text: &str, run_in: Option<&str>) -> (String, Option<String>) {
    if let Some(run_in) = run_in {
        let (_, title) = split_number(run_in);
        let title = title.strip_suffix('。').unwrap_or(title).to_owned();
        let rest = text.strip_prefix(run_in).unwrap_or("").trim_start();
        return (title, (!rest.is_empty()).then(|| rest.to_owned()));
    }
    let (_, rest) = split_number(text);
    let cut = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '：' | ':'))
        .filter(|(i, _)| rest[..*i].chars().count() <= 30);
    match cut {
        Some((i, c)) => {
            let keep = if c == '。' { i } else { i + c.len_utf8() };
            let paragraph = rest[i + c.len_utf8()..].trim_start();
            (
                rest[..keep].to_owned(),
                (!paragraph.is_empty()).then(|| paragraph.to_owned()),
            )
        }
        None if rest.chars().count() <= 30 => (rest.to_owned(), None),
        None => (String::new(), Some(rest.to_owned())),
    }
}

/// Whether a text starts an item of level 2 (（一）…).
fn item_number(text: &str, level: Option<usize>) -> Option<usize> {
    if let Some(level) = level {
        return (level == 2).then_some(0);
    }
    let t = text.trim_start();
    if !(t.starts_with('（') || t.starts_with('(')) {
        return None;
    }
    split_number(t).0.and_then(numeral)
}

/// Paragraphs and level-2 items of a section; tables as text; deeper items (pages of
/// govreport) as sub-items.
fn prose_of(pieces: Vec<Piece>) -> Prose {
    let mut prose = Prose::default();
    for piece in pieces {
        match piece {
            Piece::Text { text, run_in, level } => {
                if item_number(&text, level).is_some() {
                    let (title, first) = item_title(&text, run_in.as_deref());
                    prose.items.push(Item {
                        title,
                        paragraphs: first.into_iter().collect(),
                        ..Item::default()
                    });
                } else if let (Some(l), Some(parent)) = (level, prose.items.last_mut())
                    && l >= 3
                {
                    let (title, first) = item_title(&text, run_in.as_deref());
                    let mut target = parent;
                    for _ in 3..l {
                        if target.items.is_empty() {
                            break;
                        }
                        let last = target.items.len() - 1;
                        target = &mut target.items[last];
                    }
                    target.items.push(Item {
                        title,
                        paragraphs: first.into_iter().collect(),
                        ..Item::default()
                    });
                } else {
                    let deepest = prose.items.last_mut().map(|mut item| {
                        while !item.items.is_empty() {
                            let last = item.items.len() - 1;
                            item = &mut item.items[last];
                        }
                        item
                    });
                    match deepest {
                        Some(item) => item.paragraphs.push(text),
                        None => prose.paragraphs.push(text),
                    }
                }
            }
            Piece::Table(rows) => prose.items.push(Item {
                title: EXTRA_TABLE_TITLE.to_owned(),
                paragraphs: rows,
                ..Item::default()
            }),
        }
    }
    prose
}

/// Section 一: the intro and the items, each put in its slot by its title (closest of
/// the conventional titles), else by its place.
fn overview(pieces: Vec<Piece>, o: &mut Overview) {
    let prose = prose_of(pieces);
    o.intro = prose.paragraphs;
    let titles: Vec<String> =
        Overview::TITLES.iter().map(|t| canonical_label(t)).collect();
    let mut filled = [false; 6];
    let mut leftover: Vec<Item> = Vec::new();
    for (k, item) in prose.items.into_iter().enumerate() {
        let c = canonical_label(&item.title);
        let by_title = titles
            .iter()
            .enumerate()
            .filter(|(i, _)| !filled[*i])
            .map(|(i, t)| {
                (
                    i,
                    strsim::normalized_levenshtein(&c, t)
                        + if c.contains(t.as_str()) { 0.5 } else { 0.0 },
                )
            })
            .fold(None, |best: Option<(usize, f64)>, (i, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((i, s)),
            })
            .filter(|(_, s)| *s >= 0.4)
            .map(|(i, _)| i);
        let slot = by_title.or_else(|| (k < 6 && !filled[k]).then_some(k));
        match slot {
            Some(i) => {
                filled[i] = true;
                let target = match i {
                    0 => &mut o.active_disclosure,
                    1 => &mut o.disclosure_on_request,
                    2 => &mut o.information_management,
                    3 => &mut o.platforms,
                    4 => &mut o.oversight,
                    _ => o.assessment.get_or_insert_with(Item::default),
                };
                *target = item;
            }
            None => leftover.push(item),
        }
    }
    // Items beyond the six: their text is kept in the intro's end, not dropped.
    for item in leftover {
        o.intro.push(item.title);
        o.intro.extend(item.paragraphs);
    }
}

/// Section 六: the fee item (the item or paragraphs about 信息处理费), the rest as items.
fn other_matters(prose: Prose, m: &mut OtherMatters) {
    // 信息处理费: the fee title's subject, before 收取情况.
    let subject: String = OtherMatters::FEES_TITLE.chars().take(5).collect();
    let fee_word = canonical_label(&subject);
    let about_fees = |t: &str| canonical_label(t).contains(&fee_word);
    let mut items = prose.items;
    m.paragraphs = prose.paragraphs;
    if let Some(i) = items.iter().position(|it| about_fees(&it.title)) {
        m.fees = items.remove(i);
    } else if let Some(i) = m.paragraphs.iter().position(|p| about_fees(p)) {
        let p = m.paragraphs.remove(i);
        m.fees.paragraphs.push(p);
    } else if items.is_empty() && !m.paragraphs.is_empty() {
        m.fees.paragraphs = std::mem::take(&mut m.paragraphs);
    }
    m.items = items;
}
