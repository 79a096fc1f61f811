//! A published report read back: a 政府信息公开工作年度报告 as its issuing office
//! published it, a web page (usually pasted from Word), a Word document (`.docx`, feature
//! `import-docx`) or a PDF with a text layer (feature `import-pdf`), told apart by content
//! ([`sniff`]), turned into the typed [`Report`] and every problem found, each placed in
//! the document ([`PagePlace`]: the table, row and column of a cell, and the page's line,
//! the Word file's paragraph or the PDF's page).
//!
//! Each format's reader (`page`, `docx`, `pdf`) produces the one intermediate form,
//! [`blocks::Document`]; one recogniser reads the report from it
//! ([`import_document`]), so what follows holds for the three formats.
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
mod headings;
mod messages;
mod page;
#[cfg(feature = "import-pdf")]
mod pdf;
mod tables;

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;
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
use blocks::{Block, Document, Format};
use headings::{Heading, find_headings, numeral, split_number};
use messages as m;
use page::Page;

pub use tables::Doubt;

/// The largest page imported: far above any real report page (a few hundred KB), and
/// bounded so that time and memory are.
pub const MAX_PAGE_SIZE: usize = 64 * 1024 * 1024;

/// Where in the page a problem is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
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
    /// By table and labels, the labels joined by [`Places::SEP`] into one string (a
    /// folder's audit holds every report's places: one allocation a key, not one a
    /// label).
    labels: HashMap<(TableId, String), Spot>,
    texts: HashMap<String, PagePlace>,
}

/// A [`PagePlace`] as [`Places`] keeps it: a third of the size (0 for none), since a
/// folder's audit holds a place for every cell of every report.
#[derive(Debug, Clone, Copy, Default)]
struct Spot {
    table: u32,
    row: u32,
    column: u32,
    paragraph: u32,
    page: u32,
    line: u64,
}

impl Spot {
    fn of(p: &PagePlace) -> Spot {
        let n = |v: Option<usize>| v.map_or(0, |v| u32::try_from(v).unwrap_or(u32::MAX));
        Spot {
            table: n(p.table),
            row: n(p.row),
            column: n(p.column),
            paragraph: n(p.paragraph),
            page: n(p.page),
            line: p.line,
        }
    }

    fn place(self) -> PagePlace {
        let n = |v: u32| (v > 0).then_some(v as usize);
        PagePlace {
            table: n(self.table),
            row: n(self.row),
            column: n(self.column),
            line: self.line,
            paragraph: n(self.paragraph),
            page: n(self.page),
        }
    }
}

impl Places {
    /// Joins the labels of a key (no official label holds it).
    const SEP: char = '\u{1f}';

    fn key<'a>(labels: impl IntoIterator<Item = &'a str>) -> String {
        let mut key = String::new();
        for (i, l) in labels.into_iter().enumerate() {
            if i > 0 {
                key.push(Self::SEP);
            }
            key.push_str(l);
        }
        key
    }

    fn insert<'a>(
        &mut self,
        table: TableId,
        labels: impl IntoIterator<Item = &'a str>,
        place: PagePlace,
    ) {
        // The table as a whole: its first place.
        self.labels.entry((table, String::new())).or_insert_with(|| {
            Spot::of(&PagePlace { row: None, column: None, ..place.clone() })
        });
        self.labels.insert((table, Self::key(labels)), Spot::of(&place));
    }

    fn insert_if_absent<'a>(
        &mut self,
        table: TableId,
        labels: impl IntoIterator<Item = &'a str>,
        place: PagePlace,
    ) {
        self.labels.entry((table, Self::key(labels))).or_insert(Spot::of(&place));
    }

    /// The place in the page of a diagnostic's location, if the page has it.
    pub fn place(&self, location: &Location) -> Option<PagePlace> {
        match location {
            Location::Table { table, labels } => (0..=labels.len()).rev().find_map(|n| {
                let key = Self::key(labels[..n].iter().map(String::as_str));
                self.labels.get(&(*table, key)).map(|s| s.place())
            }),
            Location::Key { path } => {
                let table = TableId::ALL.into_iter().find(|t| {
                    path.first().map(String::as_str) == Some(crate::labels::table_key(*t))
                })?;
                self.labels.get(&(table, String::new())).map(|s| s.place())
            }
            Location::Text { path } => self.texts.get(path.first()?).cloned(),
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
    /// The encoding the page was decoded from (e.g. `GBK`; `UTF-8` for a Word
    /// document, `PDF` for a PDF's text layer).
    pub encoding: &'static str,
    /// The format it was read from.
    pub format: Format,
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

/// The first bytes of an OLE compound file: the old binary Word format (`.doc`).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format of a published document, by its content (never by its name): a PDF
/// (`%PDF-` in its first kilobyte), a zip (a Word document), an OLE compound file (the
/// old `.doc`), else a web page.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        Sniffed::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Sniffed::Zip
    } else if bytes.starts_with(OLE_MAGIC) {
        Sniffed::WordBinary
    } else {
        Sniffed::Html
    }
}

/// What a document's bytes are, by [`sniff`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Sniffed {
    /// A web page (or text that is meant to be one).
    Html,
    /// A zip package: a Word document (`.docx`) if it has a Word main part.
    Zip,
    /// A PDF.
    Pdf,
    /// An OLE compound file: the old binary Word format (`.doc`).
    WordBinary,
}

impl Sniffed {
    /// The format read from such bytes, if any.
    pub fn format(self) -> Option<Format> {
        match self {
            Sniffed::Html => Some(Format::Html),
            Sniffed::Zip => Some(Format::Docx),
            Sniffed::Pdf => Some(Format::Pdf),
            Sniffed::WordBinary => None,
        }
    }
}

/// Imports a published report from its bytes, whatever it is, by its content: a web
/// page (any encoding it declares), a Word document (`.docx`, feature `import-docx`) or
/// a PDF with a text layer (feature `import-pdf`). The old `.doc` is refused with what
/// to do; so is a format this build does not read.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_PAGE_SIZE {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    let doc = match sniff(bytes) {
        Sniffed::Html => read_page(bytes)?,
        Sniffed::WordBinary => return Err(ImportError::WordBinary),
        #[cfg(feature = "import-docx")]
        Sniffed::Zip => docx::read(bytes)?,
        #[cfg(feature = "import-pdf")]
        Sniffed::Pdf => pdf::read(bytes)?,
        #[allow(unreachable_patterns)]
        other => {
            let format = other.format().unwrap_or(Format::Html);
            return Err(ImportError::Unreadable {
                format,
                why: crate::diagnostic::Text {
                    id: "import-format-not-built",
                    args: vec![arg("format", format.name())],
                },
            });
        }
    };
    import_document(doc)
}

/// Imports a published web page from its bytes (any encoding the page declares).
pub fn import_page(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_PAGE_SIZE {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    import_document(read_page(bytes)?)
}

/// A page's bytes as a [`Document`].
fn read_page(bytes: &[u8]) -> Result<Document, ImportError> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(ImportError::NotHtml);
    }
    let (text, encoding, malformed) = page::decode(bytes);
    let page = Page::parse(&text);
    drop(text);
    if page.elements_written() == 0 {
        return Err(ImportError::NotHtml);
    }
    Ok(page::document(&page, encoding, malformed))
}

/// Reads the report from a document of any format (as its reader gave it): the one
/// recogniser of tables and prose.
pub fn import_document(doc: Document) -> Result<Imported, ImportError> {
    Importer::new(&doc).run(&doc)
}

struct Importer {
    format: Format,
    encoding: &'static str,
    problems: Vec<Located>,
    places: Places,
}

fn located(diagnostic: Diagnostic, place: Option<PagePlace>) -> Located {
    Located::new(diagnostic, place)
}

impl Importer {
    fn new(doc: &Document) -> Self {
        let problems =
            doc.notes.iter().map(|(d, p)| located(d.clone(), p.clone())).collect();
        Importer {
            format: doc.format,
            encoding: doc.encoding,
            problems,
            places: Places::default(),
        }
    }

    fn run(mut self, doc: &Document) -> Result<Imported, ImportError> {
        let blocks = &doc.blocks;
        let headings = find_headings(blocks);
        let grids = blocks::grids(blocks);
        let title = find_title(doc);
        let read = tables::read(&grids, &mut self.places);
        let any_table = read.found.iter().any(|f| *f);
        if headings.is_empty() && !any_table && title.is_none() {
            return Err(ImportError::NoReport);
        }

        let mut report = self.report_from_title(title.as_ref());
        report.active_disclosure = read.tables.active_disclosure.clone();
        report.applications = read.tables.applications.clone();
        report.reviews_and_lawsuits = read.tables.reviews_and_lawsuits.clone();
        for (d, place) in read.problems {
            self.problems.push(located(d, place));
        }

        let extra: HashMap<usize, Vec<String>> = read.extra.into_iter().collect();
        self.prose(blocks, &headings, &extra, &mut report);

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
                let place = headings
                    .iter()
                    .find(|h| h.section == section)
                    .map(|h| blocks[h.index].place().clone());
                self.problems.push(located(d, place));
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
            format: self.format,
            places: self.places,
        })
    }

    fn report_from_title(&mut self, title: Option<&(String, PagePlace)>) -> Report {
        let parsed =
            title.and_then(|(t, place)| parse_title(t).map(|p| (p, place.clone(), t)));
        let (name, year) = match parsed {
            Some(((name, year, spaced), place, raw)) => {
                self.places.texts.insert("标题".into(), place.clone());
                if spaced {
                    let read = format!("{name}{year}{}", title_tail());
                    self.problems.push(located(m::title_spaced(raw, &read), Some(place)));
                }
                (name, year)
            }
            None => {
                let raw = title.map(|t| t.0.as_str()).unwrap_or("");
                self.problems
                    .push(located(m::title_unread(raw), title.map(|t| t.1.clone())));
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
        extra: &HashMap<usize, Vec<String>>,
        report: &mut Report,
    ) {
        let official = section_headings();
        for h in headings {
            self.places
                .texts
                .insert(official[h.section].clone(), blocks[h.index].place().clone());
            if let Block::Text { text, .. } = &blocks[h.index] {
                let (number, title) = split_number(text);
                let title_ok =
                    canonical_label(title) == canonical_label(SECTION_TITLES[h.section]);
                let number_ok =
                    number.map(|n| numeral(n) == Some(h.section + 1)).unwrap_or(true);
                let line = Some(blocks[h.index].place().clone());
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
            if let Block::Text { text, place, .. } = &blocks[i]
                && let Some(d) = parse_date(text)
            {
                date = Some((d, place.clone()));
                end = i;
                date_index = i;
                break;
            }
        }
        // A Word file or PDF made from a web page without a date: the site's footer
        // and link lists follow the last section. They start at the first block from
        // which on most texts (at least five) are no sentence.
        if date.is_none() && self.format != Format::Html {
            let n = blocks.len();
            let (mut texts, mut loose) = (vec![0usize; n + 1], vec![0usize; n + 1]);
            for k in (0..n).rev() {
                let (t, l) = match &blocks[k] {
                    Block::Text { text, .. } => (1, usize::from(!is_sentence(text))),
                    _ => (0, 0),
                };
                texts[k] = texts[k + 1] + t;
                loose[k] = loose[k + 1] + l;
            }
            let starts = |k: usize| match &blocks[k] {
                Block::Text { text, .. } => !is_sentence(text),
                _ => true,
            };
            if let Some(k) = (last_heading + 1..n)
                .find(|&k| starts(k) && texts[k] >= 5 && loose[k] * 2 > texts[k])
            {
                end = k;
                date_index = k - 1;
            }
        }
        let mut signature = None;
        if date.is_some()
            && end > last_heading + 1
            && let Block::Text { text, place, .. } = &blocks[end - 1]
            && is_signature(text)
        {
            signature = Some((text.clone(), place.clone()));
            end -= 1;
        }
        let report_has_date = date.is_some();
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
        let is_title = |b: &Block| match b {
            Block::Text { text, title, .. } => {
                let c = canonical_label(text);
                *title || c == title_text || (c.len() > 6 && title_text.contains(&c))
            }
            _ => false,
        };
        let before = &blocks[..first_heading.min(blocks.len())];
        // A Word file or PDF made from a web page (saved or printed) carries the site's
        // menus around the article, which a page's reader leaves out with the page's
        // markup: here the report starts after its title, at its first sentence.
        let whole = self.format == Format::Html;
        let start = if whole {
            0
        } else {
            before.iter().rposition(is_title).map_or(0, |i| i + 1)
        };
        let mut in_text = whole;
        for b in &before[start..] {
            if let Block::Text { text, place, .. } = b {
                if is_title(b) {
                    continue;
                }
                if !in_text {
                    if !is_sentence(text) {
                        continue;
                    }
                    in_text = true;
                }
                if report.preamble.is_empty() {
                    self.places.texts.insert("导语".into(), place.clone());
                }
                report.preamble.push(text.clone());
            }
        }

        // Each section's blocks.
        let mut sections: [Vec<Piece>; 6] = Default::default();
        // Each table's number among the document's tables, by block.
        let mut table_number = HashMap::new();
        for (i, b) in blocks.iter().enumerate() {
            if matches!(b, Block::Table { .. }) {
                let n = table_number.len();
                table_number.insert(i, n);
            }
        }
        for (k, h) in headings.iter().enumerate() {
            let stop = headings.get(k + 1).map_or(end, |n| n.index).min(end);
            for (i, b) in blocks.iter().enumerate().take(stop).skip(h.index + 1) {
                match b {
                    Block::Text { text, run_in, level, .. } => {
                        sections[h.section].push(Piece::Text {
                            text: text.clone(),
                            run_in: run_in.clone(),
                            level: *level,
                        })
                    }
                    Block::Table { .. } => {
                        if let Some(rows) =
                            table_number.get(&i).and_then(|n| extra.get(n))
                        {
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
                        .map(|h| blocks[h.index].place().clone());
                    let first = rows.first().map_or("", String::as_str);
                    self.problems
                        .push(located(m::table_unplaced(&official[s], first), line));
                }
                if let Piece::Text { text, .. } = piece {
                    let line = headings
                        .iter()
                        .find(|h| h.section == s)
                        .map(|h| blocks[h.index].place().clone());
                    self.problems.push(located(
                        m::text_in_table_section(&official[s], text),
                        line,
                    ));
                }
            }
        }
        let [one, _, _, _, five, six] = sections;
        overview(one, &mut report.overview);
        report.problems = prose_of(five);
        let mut other = prose_of(six);
        // After the date of a Word file or PDF made from a web page: the site's footer
        // and link lists (mostly lines that are no sentence), left out and said once.
        let furniture = self.format != Format::Html
            && after_date.iter().filter(|t| !is_sentence(t)).count() * 2
                > after_date.len();
        if furniture {
            self.problems.push(located(
                m::furniture_after_date(
                    after_date.len(),
                    &after_date.join(" "),
                    report_has_date,
                ),
                None,
            ));
        } else if !after_date.is_empty() {
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

/// The section (0–5) block `i` is in, or 6 before the first heading.
fn section_of(headings: &[Heading], i: usize) -> usize {
    headings.iter().rev().find(|h| h.index < i).map_or(6, |h| h.section)
}

/// The report's title and its place: of the candidates, the first short text block
/// that names the report, then the titles the document declares
/// ([`blocks::Document::declared_titles`]), a visible title written with spaces inside
/// first (to be reported), then one that reads as a title, then one that fits.
fn find_title(doc: &Document) -> Option<(String, PagePlace)> {
    let mut candidates: Vec<(String, PagePlace)> = Vec::new();
    if let Some(first) = first_title_block(&doc.blocks) {
        candidates.push(first);
    }
    candidates.extend(doc.declared_titles.iter().cloned());
    let visible = candidates
        .iter()
        .find(|(t, _)| fits_title(t) && parse_title(t).is_some_and(|p| p.2));
    visible
        .or_else(|| candidates.iter().find(|(t, _)| parse_title(t).is_some()))
        .or_else(|| candidates.iter().find(|(t, _)| fits_title(t)))
        .cloned()
}

/// Whether a text names the report (`…年政府信息公开工作年度报告`, or `…年度…`).
fn fits_title(text: &str) -> bool {
    let tail = canonical_label(&title_tail());
    let yearly = tail.replacen('年', "年度", 1);
    let c = canonical_label(text);
    c.contains(&tail) || c.contains(&yearly)
}

/// The first short text block that names the report.
fn first_title_block(blocks: &[Block]) -> Option<(String, PagePlace)> {
    blocks.iter().find_map(|b| match b {
        Block::Text { text, place, .. }
            if text.chars().count() <= 80 && fits_title(text) =>
        {
            Some((text.clone(), place.clone()))
        }
        _ => None,
    })
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

fn name_for_level(title: Option<&(String, PagePlace)>) -> String {
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

/// Whether a text is a sentence of prose (it ends as one, or is too long for a menu's
/// or a page's line), not a site's menu item, a source line or a share button.
fn is_sentence(text: &str) -> bool {
    let n = text.chars().count();
    text.ends_with(['。', '！', '？', '；', '）', '」', '”'])
        || (text.ends_with(['：', ':']) && n > 12)
        || n > 40
}

/// Whether a block just before the date can be the signature: a short name, no sentence.
fn is_signature(text: &str) -> bool {
    let n = text.chars().count();
    (2..=40).contains(&n) && !text.ends_with(['。', '；', '：', ';', ':'])
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
    // The fee item is 六's first (the format's order, and every writer's): by its
    // title, or, first, by its subject (收费 in its title, 信息处理费 in its text).
    let first_about_fees = items.first().is_some_and(|it| {
        it.title.contains("收费") || it.paragraphs.iter().any(|p| about_fees(p))
    });
    if let Some(i) = items.iter().position(|it| about_fees(&it.title)) {
        m.fees = items.remove(i);
    } else if first_about_fees {
        m.fees = items.remove(0);
    } else if let Some(i) = m.paragraphs.iter().position(|p| about_fees(p)) {
        let p = m.paragraphs.remove(i);
        m.fees.paragraphs.push(p);
    } else if items.is_empty() && !m.paragraphs.is_empty() {
        m.fees.paragraphs = std::mem::take(&mut m.paragraphs);
    }
    m.items = items;
}
