//! Data files: the complete report in TOML or JSON, as the person who fills in the
//! official template writes it, read with every problem located by file, line and column.
//!
//! A data file holds every field of [`Report`] under its English name (`agency`, `year`,
//! `date`, `preamble`, `overview`, `problems`, `other_matters`), and the three tables
//! under one key, `tables`, in either of two forms:
//!
//! - **labelled** (what [`init`](write::skeleton) writes): keyed by the official labels
//!   ([`crate::labels::TABLE2_KEY`] …), exactly the `tables` objects of published data
//!   such as `real_reports.json`; stated 总计 are kept and checked; unknown labels are
//!   errors with the closest official label as hint, 2019 rows are named as such;
//! - **English**: [`Tables`]' own field names (`active_disclosure`, `applications`,
//!   `reviews_and_lawsuits`), the canonical form for code.
//!
//! ```toml
//! year = 2023
//! date = 2024-01-22            # a TOML date, or a string "2024-01-22"
//! preamble = ["根据《中华人民共和国政府信息公开条例》…"]
//!
//! [agency]
//! name = "威海市文登区科学技术局"
//! kind = "department"          # or "peoples_government"
//! level = "county"             # national, provincial, prefecture, county, township
//!
//! [tables."table3_收到和处理政府信息公开申请情况"."一、本年新收政府信息公开申请数量"]
//! "自然人" = 0
//! # …
//! ```
//!
//! Reading ([`load`]) never panics and finds as much as it can at once: a file above
//! [`MAX_FILE_SIZE`], not UTF-8, empty, or not valid TOML/JSON is a [`LoadError`]
//! (nothing else can be said about it); a file that parses but has a wrong type, an
//! unknown key or a missing section gives one `DATA` ([`Rule::Data`]) problem; otherwise every
//! label problem and every diagnostic of [`crate::validate()`] comes back as a
//! [`Located`] diagnostic with the [`Position`] of the offending value in the file.
//!
//! The JSON Schema of the format is [`schema::json_schema`] (committed as
//! `report-core/schema/govreport.schema.json`).

pub mod json;
pub(crate) mod paths;
pub mod schema;
pub(crate) mod spans;
pub mod write;

use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::IoError;
use crate::diagnostic::{Diagnostic, Location, Rule};
use crate::fields::fields;
use crate::l10n::{Lang, arg};
use crate::labelled::{LabelNode, read_labels};
use crate::model::{Agency, OtherMatters, Overview, Prose, Report};
use crate::partial::Unknown;
use crate::tables::Tables;

use spans::Node;

/// The largest data file read, 16 MiB: a report is a few hundred kilobytes at most, and
/// a larger file is refused before it is read.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The syntax of a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// TOML (any name not ending in `.json`).
    Toml,
    /// JSON (a name ending in `.json`).
    Json,
}

impl Format {
    /// The format of a file by its name: JSON if it ends in `.json` (any case), else TOML.
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Toml,
        }
    }
}

/// A data file's text, read and checked to be UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name shown in messages (the path as given).
    pub name: String,
    /// The whole text.
    pub text: String,
    /// Its syntax.
    pub format: Format,
}

impl Source {
    /// A source from text in memory.
    pub fn new(name: impl Into<String>, text: impl Into<String>, format: Format) -> Self {
        Source { name: name.into(), text: text.into(), format }
    }

    /// The [`Position`] of a byte range of the text.
    pub fn position(&self, span: Range<usize>) -> Position {
        Position::of(&self.text, span)
    }
}

/// Where something is in a file: 1-based line and column (in characters), and the byte
/// range.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The byte range in the text.
    pub span: Range<usize>,
}

impl Position {
    /// The position of `span` in `text` (clamped to the text and to character
    /// boundaries).
    pub fn of(text: &str, span: Range<usize>) -> Position {
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = floor(span.start);
        let end = floor(span.end.max(start));
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..start].chars().count() + 1;
        Position { line, column, span: start..end }
    }
}

/// Why a data file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be opened or read.
    Io {
        /// The file.
        name: String,
        /// The system's error: [`IoError::kind`] tells not found, permission denied, a
        /// folder ([`std::io::ErrorKind::IsADirectory`]) …
        source: IoError,
    },
    /// The file is larger than [`MAX_FILE_SIZE`].
    TooLarge {
        /// The file.
        name: String,
        /// Its size in bytes.
        size: u64,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// The file.
        name: String,
        /// Where the first invalid byte is (column counted in characters before it).
        position: Position,
    },
    /// The file is empty or only white space.
    Empty {
        /// The file.
        name: String,
    },
    /// The text is not valid TOML or JSON.
    Syntax {
        /// The file.
        name: String,
        /// The format it was read as.
        format: Format,
        /// The parser's message.
        message: String,
        /// Where, if the parser says.
        position: Option<Position>,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn name(&self) -> &str {
        match self {
            LoadError::Io { name, .. }
            | LoadError::TooLarge { name, .. }
            | LoadError::NotUtf8 { name, .. }
            | LoadError::Empty { name }
            | LoadError::Syntax { name, .. } => name,
        }
    }

    /// Where in the file, if known.
    pub fn position(&self) -> Option<&Position> {
        match self {
            LoadError::NotUtf8 { position, .. } => Some(position),
            LoadError::Syntax { position, .. } => position.as_ref(),
            _ => None,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |p: Option<&Position>| {
            p.map_or_else(String::new, |p| format!(":{}:{}", p.line, p.column))
        };
        match self {
            LoadError::Io { name, source } => write!(f, "cannot read {name}: {source}"),
            LoadError::TooLarge { name, size } => write!(
                f,
                "{name} is {size} bytes, larger than the limit of {MAX_FILE_SIZE} bytes \
                 (16 MiB) for a data file"
            ),
            LoadError::NotUtf8 { name, position } => write!(
                f,
                "{name}{}: the file is not UTF-8 text (save it as UTF-8, not GBK/GB18030)",
                at(Some(position))
            ),
            LoadError::Empty { name } => write!(f, "{name}: the file is empty"),
            LoadError::Syntax { name, format, message, position } => {
                let what = match format {
                    Format::Toml => "TOML",
                    Format::Json => "JSON",
                };
                write!(f, "{name}{}: invalid {what}: {message}", at(position.as_ref()))
            }
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl LoadError {
    /// Why the file could not be read, in `lang` (in English as `Display`).
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let at = self
            .position()
            .map_or_else(String::new, |p| format!(":{}:{}", p.line, p.column));
        let file = arg("file", self.name());
        let (id, args) = match self {
            LoadError::Io { source, .. } => {
                ("load-io", vec![file, arg("detail", source.reason(lang))])
            }
            LoadError::TooLarge { size, .. } => (
                "load-too-large",
                vec![file, arg("size", size), arg("limit", MAX_FILE_SIZE)],
            ),
            LoadError::NotUtf8 { .. } => ("load-not-utf8", vec![file, arg("at", at)]),
            LoadError::Empty { .. } => ("load-empty", vec![file]),
            LoadError::Syntax { format, message, .. } => {
                let format = match format {
                    Format::Toml => "TOML",
                    Format::Json => "JSON",
                };
                (
                    "load-syntax",
                    vec![
                        file,
                        arg("at", at),
                        arg("format", format),
                        arg("detail", message),
                    ],
                )
            }
        };
        crate::l10n::tr(lang, id, &args)
    }
}

/// A diagnostic with its place in a data file: a problem of the file (a validation
/// [`Diagnostic`], or a [`Rule::Data`] problem of the file's shape), placed by line and
/// column.
pub type Located = crate::located::Located<Position>;

impl crate::located::Place for Position {
    /// `12:5`: line and column, the same in every language.
    fn in_lang(&self, _lang: Lang) -> String {
        format!("{}:{}", self.line, self.column)
    }
}

impl Located {
    /// A [`Rule::Data`] problem of the file's shape, placed only by its position.
    fn data(detail: String, position: Option<Position>) -> Self {
        Located::new(
            Diagnostic::from_id(
                Rule::Data,
                Location::Report,
                "data",
                vec![arg("detail", detail)],
            ),
            position,
        )
    }
}

/// A data file read: the report if its shape is right, and every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The source read.
    pub source: Source,
    /// The report, when the file has the right shape and its tables could be read
    /// (it may still have validation errors: see [`Loaded::problems`]).
    pub report: Option<Report>,
    /// Every problem, in reading order: the file's shape, the tables' labels, then
    /// [`crate::validate()`]'s diagnostics.
    pub problems: Vec<Located>,
    /// The report as far as it could be read, even when reading its tables found errors
    /// (a wrong label, a blank cell): every cell that could not be read is 0 here and
    /// marked in [`Loaded::unknown`]. For validation and the cross-year checks, never
    /// for printing. `None` only when the file's shape is wrong ([`Rule::Data`]).
    pub partial: Option<Report>,
    /// The cells of [`Loaded::partial`] that could not be read.
    pub unknown: Unknown,
}

impl Loaded {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.is_error())
    }

    /// The report if there is no error.
    pub fn valid_report(&self) -> Option<&Report> {
        if self.has_errors() { None } else { self.report.as_ref() }
    }

    /// Places more diagnostics of this file's report in the file, as [`load`] places
    /// validation's: e.g. the renderer's warnings about a character of a text.
    pub fn locate(&self, diagnostics: Vec<Diagnostic>) -> Vec<Located> {
        let tree = match self.source.format {
            Format::Toml => spans::parse_toml(&self.source.text),
            Format::Json => spans::parse_json(&self.source.text),
        };
        let texts = self.report.as_ref().map(fields).unwrap_or_default();
        diagnostics
            .into_iter()
            .map(|d| {
                let position = tree.as_ref().ok().and_then(|tree| {
                    position(&self.source, tree, &d, spans_labelled(tree), &texts)
                });
                Located::new(d, position)
            })
            .collect()
    }
}

/// Whether the `tables` of a parsed file are in the labelled form (as [`is_labelled`]).
fn spans_labelled(tree: &Node) -> bool {
    const ENGLISH: [&str; 3] =
        ["active_disclosure", "applications", "reviews_and_lawsuits"];
    match spans::find(tree, &["tables".into()]).map(|n| &n.kind) {
        Some(spans::Kind::Map(entries)) => {
            !entries.iter().any(|(k, _, _)| ENGLISH.contains(&k.as_str()))
        }
        _ => true,
    }
}

/// Reads a data file's text: refused above [`MAX_FILE_SIZE`] (checked before reading and
/// while reading), if it is not UTF-8 or is empty. The format is [`Format::of_path`].
pub fn read_source(path: &Path) -> Result<Source, LoadError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| LoadError::Io { name: name.clone(), source: e.into() };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        let folder = std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a folder, not a file",
        );
        return Err(LoadError::Io { name, source: folder.into() });
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge { name, size: meta.len() });
    }
    let mut bytes = Vec::new();
    // The size may change under us: never read more than the limit.
    file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge { name, size: bytes.len() as u64 });
    }
    source_from_bytes(name, bytes, Format::of_path(path))
}

/// A [`Source`] from bytes: refused if they are not UTF-8 or are empty. A UTF-8 byte order
/// mark is dropped.
pub fn source_from_bytes(
    name: String,
    bytes: Vec<u8>,
    format: Format,
) -> Result<Source, LoadError> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]);
            let position = Position::of(&before, valid..valid + 1);
            return Err(LoadError::NotUtf8 { name, position });
        }
    };
    let text = text.strip_prefix('\u{FEFF}').map(str::to_owned).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { name });
    }
    Ok(Source { name, text, format })
}

/// Reads and checks the data file at `path` ([`read_source`], then [`load`]).
pub fn load_path(path: &Path, previous: Option<&Report>) -> Result<Loaded, LoadError> {
    load(read_source(path)?, previous)
}

/// Reads a data file's report and finds every problem, each with its position.
///
/// `Err` only if the text is not valid TOML/JSON (or is empty). `previous` is last
/// year's report, for the continuity checks of [`crate::validate()`].
pub fn load(source: Source, previous: Option<&Report>) -> Result<Loaded, LoadError> {
    let none = Unknown::none();
    load_partial(source, previous.map(|p| (p, &none)))
}

fn load_partial(
    source: Source,
    previous: Option<(&Report, &Unknown)>,
) -> Result<Loaded, LoadError> {
    if source.text.trim().is_empty() {
        return Err(LoadError::Empty { name: source.name });
    }
    let tree = match source.format {
        Format::Toml => spans::parse_toml(&source.text),
        Format::Json => spans::parse_json(&source.text),
    };
    let tree = match tree {
        Ok(tree) => tree,
        Err((message, span)) => {
            let position = span.map(|s| source.position(s));
            return Err(LoadError::Syntax {
                name: source.name,
                format: source.format,
                message,
                position,
            });
        }
    };
    let mut problems = Vec::new();
    let mut raw: RawFile = match from_text(&source) {
        Ok(raw) => raw,
        Err(problem) => {
            problems.push(*problem);
            return Ok(Loaded::unread(source, problems));
        }
    };
    let labelled = is_labelled(&raw.tables);
    if let Some(tables) = spans::find(&tree, &["tables".into()]) {
        crate::labelled::exact_numbers(&mut raw.tables, tables, &source.text);
    }
    if labelled {
        float_counts(&source, &tree, &mut problems);
    }
    let tables = if labelled {
        let read = read_labels(&raw.tables);
        locate_all(&source, &tree, read.diagnostics, true, &mut problems);
        Some((read.tables, read.unknown))
    } else {
        match from_text::<EnglishTables>(&source) {
            Ok(mut t) => match exact_english_fee(&source, &tree, &mut t.tables) {
                Ok(()) => Some((t.tables, Unknown::none())),
                Err(problem) => {
                    problems.push(*problem);
                    None
                }
            },
            Err(problem) => {
                problems.push(*problem);
                None
            }
        }
    };
    let Some((tables, unknown)) = tables else {
        return Ok(Loaded::unread(source, problems));
    };
    let report = Report {
        agency: raw.agency,
        year: raw.year,
        date: raw.date.0,
        preamble: raw.preamble,
        overview: raw.overview,
        active_disclosure: tables.active_disclosure,
        applications: tables.applications,
        reviews_and_lawsuits: tables.reviews_and_lawsuits,
        problems: raw.problems,
        other_matters: raw.other_matters,
    };
    // Every rule whose cells are known runs, whatever reading found.
    let read_cleanly = !problems.iter().any(|p| p.is_error());
    let diagnostics = crate::validate::validate_partial(&report, &unknown, previous);
    let texts = fields(&report);
    for d in diagnostics {
        let position = position(&source, &tree, &d, labelled, &texts);
        problems.push(Located::new(d, position));
    }
    Ok(Loaded {
        source,
        report: read_cleanly.then(|| report.clone()),
        problems,
        partial: Some(report),
        unknown,
    })
}

impl Loaded {
    /// A file whose shape is wrong: no report at all.
    fn unread(source: Source, problems: Vec<Located>) -> Self {
        Loaded { source, report: None, problems, partial: None, unknown: Unknown::none() }
    }

    /// The note placed on this year's file about last year's (this one, given with
    /// `--previous`) when it has errors: how many, and that the cross-year checks used
    /// the cells that could be read. `None` when it has no error.
    pub fn previous_note(&self) -> Option<Located> {
        let errors = self.problems.iter().filter(|p| p.is_error()).count();
        if errors == 0 {
            return None;
        }
        let id = if self.partial.is_some() { "prev-errors" } else { "prev-unread" };
        let args = vec![arg("file", &self.source.name), arg("errors", errors)];
        let d = Diagnostic::from_id(Rule::PreviousReport, Location::Previous, id, args)
            .values(0, errors);
        Some(Located::new(d, None))
    }
}

/// Reads a data file's report and finds every problem, each with its position, checking
/// it against last year's file as far as that could be read (see [`load`]). When last
/// year's file has errors, its [`Loaded::previous_note`] is the last problem.
pub fn load_against(
    source: Source,
    previous: Option<&Loaded>,
) -> Result<Loaded, LoadError> {
    let against = previous.and_then(|p| p.partial.as_ref().map(|r| (r, &p.unknown)));
    let mut loaded = load_partial(source, against)?;
    if let Some(note) = previous.and_then(Loaded::previous_note) {
        loaded.problems.push(note);
    }
    Ok(loaded)
}

/// Where `d` is in the file: the value, or for a problem of a label, the key.
fn position(
    source: &Source,
    tree: &Node,
    d: &Diagnostic,
    labelled: bool,
    texts: &[crate::fields::Field<'_>],
) -> Option<Position> {
    let key = matches!(d.rule, Rule::Label | Rule::LabelVariant | Rule::Format2019);
    paths::data_paths(d, labelled, texts)
        .iter()
        .find_map(
            |p| if key { spans::locate_key(tree, p) } else { spans::locate(tree, p) },
        )
        .map(|span| source.position(span))
}

fn locate_all(
    source: &Source,
    tree: &Node,
    diagnostics: Vec<Diagnostic>,
    labelled: bool,
    out: &mut Vec<Located>,
) {
    for d in diagnostics {
        let position = position(source, tree, &d, labelled, &[]);
        out.push(Located::new(d, position));
    }
}

/// ALL: a TOML float such as `3.0` in a count cell (serde would read it as 3).
fn float_counts(source: &Source, tree: &Node, out: &mut Vec<Located>) {
    for cell in paths::cells() {
        if cell.english.last() == Some(&"fees") {
            continue;
        }
        let path: Vec<spans::Seg> = std::iter::once("tables")
            .chain(cell.labels.iter().copied())
            .map(Into::into)
            .collect();
        if let Some(node) = spans::find(tree, &path)
            && node.kind == spans::Kind::Float
        {
            let found = source.text.get(node.span.clone()).unwrap_or_default().to_owned();
            let d = Diagnostic::from_id(
                Rule::Cells,
                Location::cell(cell.table, &cell.labels[1..]),
                "cell-float",
                vec![arg("found", &found)],
            )
            .values("a non-negative integer", found);
            out.push(Located::new(d, Some(source.position(node.span.clone()))));
        }
    }
}

/// The fee of the English form as written in the file, never through a float: `0.10`
/// stays `0.10`. A fee with more digits than a [`rust_decimal::Decimal`] keeps is an
/// error at its place.
fn exact_english_fee(
    source: &Source,
    tree: &Node,
    tables: &mut Tables,
) -> Result<(), Box<Located>> {
    use crate::labelled::{FeeError, exact_decimal, fee_too_precise, number_text};
    let path: Vec<spans::Seg> =
        ["tables", "active_disclosure", "fees"].map(Into::into).to_vec();
    let Some(node) = spans::find(tree, &path) else { return Ok(()) };
    let written = source.text.get(node.span.clone()).unwrap_or_default();
    // A string is read by serde as it is (exactly); a number from its text here.
    let Some(text) = number_text(written) else { return Ok(()) };
    match exact_decimal(&text) {
        Ok(fee) => {
            tables.active_disclosure.fees = fee;
            Ok(())
        }
        Err(FeeError::TooPrecise) => Err(Box::new(Located::new(
            fee_too_precise(
                Location::cell(crate::TableId::Section2, &crate::labels::FEE_PATH),
                &text,
            ),
            Some(source.position(node.span.clone())),
        ))),
        Err(FeeError::NotANumber) => Ok(()),
    }
}

/// Whether `tables` is in the labelled form: an object with none of the English keys.
fn is_labelled(tables: &LabelNode) -> bool {
    const ENGLISH: [&str; 3] =
        ["active_disclosure", "applications", "reviews_and_lawsuits"];
    match tables {
        LabelNode::Map(entries) => {
            !entries.iter().any(|(k, _)| ENGLISH.contains(&k.as_str()))
        }
        _ => true,
    }
}

/// The top level of a data file, the tables kept as a tree of labels.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// The schema an editor checks the file against; ignored.
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    agency: Agency,
    year: i32,
    date: DateField,
    preamble: Vec<String>,
    overview: Overview,
    problems: Prose,
    other_matters: OtherMatters,
    tables: LabelNode,
}

/// The tables in their English form, the rest of the file ignored.
#[derive(Deserialize)]
struct EnglishTables {
    tables: Tables,
}

/// A date: a TOML local date (`2024-01-22`) or a string `"2024-01-22"`.
struct DateField(NaiveDate);

/// The key under which the toml crate passes a datetime to serde.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de> Deserialize<'de> for DateField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DateField;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2024-01-22")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateField, E> {
                NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").map(DateField).map_err(
                    |_| {
                        E::invalid_value(
                            de::Unexpected::Str(v),
                            &"a date such as 2024-01-22",
                        )
                    },
                )
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<DateField, A::Error> {
                match map.next_key::<String>()? {
                    Some(k) if k == TOML_DATETIME_KEY => {
                        let text: String = map.next_value()?;
                        self.visit_str(&text)
                    }
                    _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Deserializes `T` from the source's text, an error becoming a located `DATA` problem.
fn from_text<T: de::DeserializeOwned>(source: &Source) -> Result<T, Box<Located>> {
    match source.format {
        Format::Toml => toml::from_str(&source.text).map_err(|e| {
            let position = e.span().map(|s| source.position(s));
            Box::new(Located::data(e.message().trim().to_owned(), position))
        }),
        Format::Json => serde_json::from_str(&source.text).map_err(|e| {
            let position = (e.line() > 0).then(|| {
                let offset = spans::offset_of(&source.text, e.line(), e.column());
                source.position(offset..offset)
            });
            let message = e.to_string();
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_owned(),
                None => message,
            };
            Box::new(Located::data(message, position))
        }),
    }
}
