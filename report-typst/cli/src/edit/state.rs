//! The data file as the one truth of `govreport edit`: read it, change one field with
//! `toml_edit` (its comments, key order and layout kept), write it atomically, and check
//! it as `govreport check` does. The server keeps nothing else between requests: every
//! answer is made from the file on disk, and every change names the hash of the file it
//! was made on, so a file changed by someone else is never overwritten blindly.

use std::path::PathBuf;

use report_core::chrono::NaiveDate;
use report_core::datafile::json::Problem;
use report_core::datafile::{self, Format, Loaded, Source};
use report_core::diagnostic::Location;
use report_core::l10n::{Arg, Lang, arg, tr};
use report_core::labels::{StatutoryCell, statutory_cells};
use report_core::table::catalogue::ValueKind;
use report_core::table::{CellKind, Grid, GridCell};
use report_core::{Report, TableId, outline, placeholders};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

use super::form::{
    self, KeyPath, Kind, MAX_FIELD_CHARS, MAX_ITEMS, MAX_PARAGRAPHS, Seg, TableKeys,
};

/// A change the form asks for, made on the file whose hash is `base`.
#[derive(Debug, Clone, Deserialize)]
pub struct Change {
    /// The hash of the file the change was made on ([`Snapshot::hash`]).
    pub base: String,
    /// What to change.
    #[serde(flatten)]
    pub edit: Edit,
}

/// One change of the data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Set a field: a string for a text, a choice, the year, the date or a cell (empty:
    /// a cell left out, e.g. a 总计 to be computed), a list of strings for paragraphs.
    Set {
        /// The field.
        path: KeyPath,
        /// Its new value.
        value: serde_json::Value,
    },
    /// Add an empty item at the end of a list of items.
    AddItem {
        /// The list.
        path: KeyPath,
    },
    /// Remove an item of a list.
    RemoveItem {
        /// The list.
        path: KeyPath,
        /// The item, from 0.
        index: usize,
    },
    /// Move an item of a list to another place.
    MoveItem {
        /// The list.
        path: KeyPath,
        /// Where it is, from 0.
        from: usize,
        /// Where it goes, from 0.
        to: usize,
    },
}

/// Why a change was not made: the file is untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The file changed on disk since the form read it.
    Conflict,
    /// The value is not one the field takes (the message says why, in the language).
    Invalid(String),
    /// The file could not be read or written (the message says why).
    File(String),
}

/// The file as read: its text and hash.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The text.
    pub text: String,
    /// Its SHA-256, hex (the first 16 bytes).
    pub hash: String,
}

impl Snapshot {
    /// The snapshot of `text`.
    pub fn of(text: String) -> Snapshot {
        let digest = Sha256::digest(text.as_bytes());
        let hash = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Snapshot { text, hash }
    }
}

/// The data file being edited, and what the form needs besides it.
#[derive(Debug)]
pub struct Store {
    /// The data file.
    pub path: PathBuf,
    /// The language of the page and its messages.
    pub lang: Lang,
    /// Last year's report, read once at the start (`--previous`).
    pub previous: Option<Loaded>,
    /// Held while a change is read, made and written, so two never interleave.
    pub lock: tokio::sync::Mutex<()>,
}

impl Store {
    /// A message in the store's language.
    pub fn tr(&self, id: &str, args: &[Arg]) -> String {
        tr(self.lang, id, args)
    }

    /// The file's name as shown.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// Reads the file (refused above [`datafile::MAX_FILE_SIZE`], not UTF-8, empty), or
    /// says why not.
    pub fn read(&self) -> Result<Snapshot, String> {
        datafile::read_source(&self.path)
            .map(|source| Snapshot::of(source.text))
            .map_err(|e| e.in_lang(self.lang))
    }

    /// The file's text as a document the form can show and change, or why not (it is not
    /// valid TOML).
    pub fn parse(&self, text: &str) -> Result<DocumentMut, String> {
        text.parse().map_err(|e: toml_edit::TomlError| {
            self.tr("edit-file-broken", &[arg("reason", e.message())])
        })
    }

    /// The file as it is now, checked ([`Store::read`], then [`Store::load`]).
    pub fn current(&self) -> Result<Loaded, String> {
        self.load(&self.read()?)
    }

    /// Makes `change` on the file and writes it, if the file is still the one the change
    /// was made on; the file as written.
    pub fn apply(&self, change: &Change) -> Result<Snapshot, Refusal> {
        let now = self.read().map_err(Refusal::File)?;
        if now.hash != change.base {
            return Err(Refusal::Conflict);
        }
        let mut doc = self.parse(&now.text).map_err(Refusal::File)?;
        let keys = table_keys(&doc);
        edit(&mut doc, &change.edit, keys, self.lang)?;
        let text = doc.to_string();
        if text.len() as u64 > datafile::MAX_FILE_SIZE {
            return Err(Refusal::Invalid(self.tr("edit-too-large", &[])));
        }
        report_typst::batch::write_atomically(&self.path, text.as_bytes()).map_err(
            |e| {
                Refusal::File(self.tr(
                    "cli-cannot-write",
                    &[
                        arg("path", self.path.display()),
                        arg("reason", report_core::l10n::io_reason(self.lang, &e)),
                    ],
                ))
            },
        )?;
        Ok(Snapshot::of(text))
    }

    /// The file checked as `govreport check` checks it (against last year's, if given).
    pub fn load(&self, snapshot: &Snapshot) -> Result<Loaded, String> {
        let source = Source::new(self.name(), snapshot.text.clone(), Format::Toml);
        datafile::load_against(source, self.previous.as_ref())
            .map_err(|e| e.in_lang(self.lang))
    }

    /// Last year's report, for printing (`{….较上年}`, `{….上年}`): when it could be
    /// read, as `render --previous` takes it. The cross-year checks use it as far as it
    /// could be read ([`Store::load`]); a file that could not be read cannot be printed
    /// from ([`Store::previous_unreadable`]).
    pub fn previous_report(&self) -> Option<&Report> {
        self.previous.as_ref().and_then(|p| p.report.as_ref())
    }

    /// Why nothing can be printed with last year's file, if it was given and could not
    /// be read (`render --previous` refuses it too).
    pub fn previous_unreadable(&self) -> Option<String> {
        let previous = self.previous.as_ref()?;
        previous.report.is_none().then(|| {
            self.tr("cli-previous-unreadable", &[arg("path", &previous.source.name)])
        })
    }

    /// What the form shows of `snapshot`: its problems placed at their fields, the
    /// tables' cells as printed (computed totals included), the paragraphs with their
    /// placeholders filled in.
    pub fn state(&self, snapshot: &Snapshot) -> State {
        let mut state = State {
            hash: snapshot.hash.clone(),
            readable: false,
            errors: 0,
            warnings: 0,
            summary: String::new(),
            problems: Vec::new(),
            cells: Vec::new(),
            filled: Vec::new(),
        };
        let loaded = match self.load(snapshot) {
            Ok(loaded) => loaded,
            Err(message) => {
                state.errors = 1;
                state.summary = message;
                return state;
            }
        };
        state.readable = true;
        state.errors = loaded.problems.iter().filter(|p| p.is_error()).count();
        state.warnings = loaded.problems.len() - state.errors;
        let args = [
            arg("file", self.name()),
            arg("errors", state.errors),
            arg("warnings", state.warnings),
        ];
        state.summary = if state.errors > 0 {
            self.tr("summary-errors", &args)
        } else {
            self.tr("summary-clean", &args)
        };
        let parsed = toml_edit::Document::parse(snapshot.text.as_str()).ok();
        let keys =
            parsed.as_ref().map_or(TableKeys::Labelled, |d| table_keys_of(d.as_table()));
        let spans =
            parsed.as_ref().map(|d| field_spans(d.as_item(), keys)).unwrap_or_default();
        state.problems = loaded
            .problems
            .iter()
            .map(|p| Placed {
                problem: Problem::new(p, self.lang),
                text: p.diagnostic.in_lang(self.lang).to_string(),
                target: target(
                    &p.location,
                    p.place.as_ref().map(|s| s.span.start),
                    &spans,
                    keys,
                ),
            })
            .collect();
        if let Some(report) = &loaded.partial {
            state.cells = printed_cells(report);
            state.filled = filled(report, self.previous_report(), &spans);
        }
        state
    }
}

/// What the form shows of the file: the answer to every request that reads or changes it.
#[derive(Debug, Clone, Serialize)]
pub struct State {
    /// The file's hash, to send back with the next change.
    pub hash: String,
    /// Whether the file could be read at all (else `summary` says why).
    pub readable: bool,
    /// How many problems are errors.
    pub errors: usize,
    /// How many are warnings.
    pub warnings: usize,
    /// One line on the whole file, as `check` ends.
    pub summary: String,
    /// Every problem, in `check`'s order, with the field it concerns.
    pub problems: Vec<Placed>,
    /// Every statutory cell as printed, in [`statutory_cells`] order: a computed total
    /// shows its sum.
    pub cells: Vec<String>,
    /// The paragraphs that hold placeholders, as printed.
    pub filled: Vec<Filled>,
}

/// A problem and the field it concerns.
#[derive(Debug, Clone, Serialize)]
pub struct Placed {
    /// The problem as `check --format json` gives it.
    #[serde(flatten)]
    pub problem: Problem,
    /// The problem on one line, as `check` prints it (without its line and column).
    pub text: String,
    /// The field, when it is one the form shows.
    pub target: Option<Target>,
}

/// A field of the form, and the paragraph in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// The field's key path.
    pub path: KeyPath,
    /// The paragraph, in a list of paragraphs.
    pub paragraph: Option<usize>,
}

/// A paragraph as printed, its placeholders filled in.
#[derive(Debug, Clone, Serialize)]
pub struct Filled {
    /// The list of paragraphs.
    pub path: KeyPath,
    /// The paragraph, from 0.
    pub paragraph: usize,
    /// Its text as printed.
    pub text: String,
}

/// How the file keys its tables: English if any of the three English names is a key.
pub fn table_keys(doc: &DocumentMut) -> TableKeys {
    table_keys_of(doc.as_table())
}

fn table_keys_of(top: &Table) -> TableKeys {
    const ENGLISH: [&str; 3] =
        ["active_disclosure", "applications", "reviews_and_lawsuits"];
    match top.get("tables").and_then(Item::as_table_like) {
        Some(t) if ENGLISH.iter().any(|k| t.contains_key(k)) => TableKeys::English,
        _ => TableKeys::Labelled,
    }
}

/// The value cells of a grid, in row-major order: the order of its table's catalogue.
pub fn value_cells(grid: &Grid) -> impl Iterator<Item = &GridCell> {
    grid.cells.iter().filter(|c| c.kind == CellKind::Value)
}

/// The indexes in [`statutory_cells`] of a statutory table's cells, in order.
pub fn table_cells(table: TableId) -> impl Iterator<Item = usize> {
    statutory_cells()
        .iter()
        .enumerate()
        .filter(move |(_, c)| c.table == table)
        .map(|(i, _)| i)
}

/// Every statutory cell of `report` as printed.
fn printed_cells(report: &Report) -> Vec<String> {
    let mut out = vec![String::new(); statutory_cells().len()];
    for (table, grid) in outline::statutory_grids(report) {
        for (index, cell) in table_cells(table).zip(value_cells(&grid)) {
            out[index] = cell.text.clone();
        }
    }
    out
}

/// Each field of the parsed file the form shows, with the byte range of its value (and
/// of each paragraph in a list).
type Spans = Vec<(KeyPath, Option<usize>, std::ops::Range<usize>)>;

fn field_spans(top: &Item, keys: TableKeys) -> Spans {
    let mut out = Vec::new();
    let mut path = Vec::new();
    walk(top, &mut path, &mut |path, item| {
        let Some(kind) = form::kind_of(path, keys) else { return };
        if let Some(span) = item.span() {
            out.push((path.clone(), None, span));
        }
        if let (Kind::Paragraphs, Some(array)) = (kind, item.as_array()) {
            for (i, v) in array.iter().enumerate() {
                if let Some(span) = v.span() {
                    out.push((path.clone(), Some(i), span));
                }
            }
        }
    });
    out
}

/// Calls `f` on every item under `item` with its key path.
pub(super) fn walk(item: &Item, path: &mut KeyPath, f: &mut dyn FnMut(&KeyPath, &Item)) {
    f(path, item);
    match item {
        Item::Table(t) => walk_table(t, path, f),
        Item::ArrayOfTables(a) => {
            for (i, t) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                walk_table(t, path, f);
                path.pop();
            }
        }
        Item::Value(Value::InlineTable(t)) => walk_table(t, path, f),
        Item::Value(Value::Array(a)) => {
            for (i, v) in a.iter().enumerate() {
                if let Value::InlineTable(t) = v {
                    path.push(Seg::Index(i));
                    walk_table(t, path, f);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}

fn walk_table(t: &dyn TableLike, path: &mut KeyPath, f: &mut dyn FnMut(&KeyPath, &Item)) {
    for (k, v) in t.iter() {
        path.push(Seg::Key(k.to_owned()));
        walk(v, path, f);
        path.pop();
    }
}

/// The field a problem concerns: a table's cell by its labels (computed totals too,
/// which are in no file), else the innermost field whose value holds its position.
fn target(
    location: &Location,
    at: Option<usize>,
    spans: &Spans,
    keys: TableKeys,
) -> Option<Target> {
    if let Location::Table { table, labels } = location {
        let cells = statutory_cells();
        let of_table = || cells.iter().filter(|c| c.table == *table);
        let exact = of_table().find(|c| c.cell.labels() == *labels);
        // A row or a group: its last cell, the row's 总计 where it has one.
        let starts_with = |c: &&StatutoryCell| {
            let own = c.cell.labels();
            !labels.is_empty()
                && own.len() >= labels.len()
                && own.iter().zip(labels).all(|(a, b)| *a == b)
        };
        let within = || of_table().rfind(starts_with);
        if let Some(cell) = exact.or_else(within) {
            return Some(Target { path: keys.path(cell), paragraph: None });
        }
    }
    let at = at?;
    spans
        .iter()
        .filter(|(_, _, span)| span.start <= at && at < span.end.max(span.start + 1))
        .min_by_key(|(_, _, span)| span.len())
        .map(|(path, paragraph, _)| Target { path: path.clone(), paragraph: *paragraph })
}

/// The paragraphs holding a placeholder, as printed.
fn filled(report: &Report, previous: Option<&Report>, spans: &Spans) -> Vec<Filled> {
    let Ok(printed) = serde_json::to_value(placeholders::fill(report, previous)) else {
        return Vec::new();
    };
    let Ok(template) = serde_json::to_value(report) else { return Vec::new() };
    let mut out = Vec::new();
    for (path, paragraph, _) in spans {
        let Some(i) = paragraph else { continue };
        let pointer = |v: &serde_json::Value| {
            let mut v = v;
            for seg in path {
                v = match seg {
                    Seg::Key(k) => v.get(k)?,
                    Seg::Index(n) => v.get(n)?,
                };
            }
            v.get(i)?.as_str().map(str::to_owned)
        };
        if let (Some(text), Some(written)) = (pointer(&printed), pointer(&template))
            && text != written
        {
            out.push(Filled { path: path.clone(), paragraph: *i, text });
        }
    }
    out
}

/// Makes `edit` on `doc`, or says why not (the document unchanged).
pub fn edit(
    doc: &mut DocumentMut,
    edit: &Edit,
    keys: TableKeys,
    lang: Lang,
) -> Result<(), Refusal> {
    let unknown = || Refusal::Invalid(tr(lang, "edit-unknown-field", &[]));
    match edit {
        Edit::Set { path, value } => {
            let kind = form::kind_of(path, keys).ok_or_else(unknown)?;
            let value = convert(kind, value, lang)?;
            let (last, parents) = path.split_last().ok_or_else(unknown)?;
            let last = last.key().ok_or_else(unknown)?;
            let parent = parent_mut(doc, parents, value.is_some())
                .ok_or_else(|| Refusal::Invalid(tr(lang, "edit-no-such-item", &[])));
            match (value, parent) {
                (None, Ok(parent)) => {
                    parent.remove(last);
                    // A row left out as a whole (（七）总计 to be computed) goes with its
                    // last cell: an empty row would be a row of missing cells.
                    if matches!(kind, Kind::Cell(_)) {
                        prune(doc, parents);
                    }
                }
                (None, Err(_)) => {}
                (Some(value), Ok(parent)) => match parent.get_mut(last) {
                    Some(Item::Value(old)) => {
                        // The value replaced, the key and its comment kept.
                        let decor = old.decor().clone();
                        *old = value;
                        *old.decor_mut() = decor;
                    }
                    _ => {
                        parent.insert(last, Item::Value(value));
                    }
                },
                (Some(_), Err(e)) => return Err(e),
            }
            Ok(())
        }
        Edit::AddItem { path }
        | Edit::RemoveItem { path, .. }
        | Edit::MoveItem { path, .. } => {
            if !form::is_item_list(path) {
                return Err(unknown());
            }
            let (last, parents) = path.split_last().ok_or_else(unknown)?;
            let last = last.key().ok_or_else(unknown)?;
            let parent = parent_mut(doc, parents, true).ok_or_else(unknown)?;
            items(parent, last, edit, lang)
        }
    }
}

/// Removes the empty tables at the end of `parents`, the table's own key (the first two
/// keys, `tables` and the table's) kept.
fn prune(doc: &mut DocumentMut, parents: &[Seg]) {
    for depth in (3..=parents.len()).rev() {
        let Some((last, up)) = parents[..depth].split_last() else { return };
        let Some(last) = last.key() else { return };
        let Some(parent) = parent_mut(doc, up, false) else { return };
        if !parent
            .get(last)
            .and_then(Item::as_table_like)
            .is_some_and(TableLike::is_empty)
        {
            return;
        }
        parent.remove(last);
    }
}

/// The table holding the last key of a path, tables created on the way when `create`.
fn parent_mut<'a>(
    doc: &'a mut DocumentMut,
    parents: &[Seg],
    create: bool,
) -> Option<&'a mut dyn TableLike> {
    let mut current: &mut dyn TableLike = doc.as_table_mut();
    let mut i = 0;
    while i < parents.len() {
        let key = parents[i].key()?;
        if current.get(key).is_none() {
            if !create {
                return None;
            }
            let mut table = Table::new();
            table.set_implicit(true);
            current.insert(key, Item::Table(table));
        }
        let item = current.get_mut(key)?;
        if let Some(Seg::Index(n)) = parents.get(i + 1) {
            current = match item {
                Item::ArrayOfTables(a) => a.get_mut(*n)?,
                Item::Value(Value::Array(a)) => match a.get_mut(*n)? {
                    Value::InlineTable(t) => t,
                    _ => return None,
                },
                _ => return None,
            };
            i += 2;
        } else {
            current = item.as_table_like_mut()?;
            i += 1;
        }
    }
    Some(current)
}

/// The TOML value of a field from the form's value, checked; `None`: leave it out.
fn convert(
    kind: Kind,
    value: &serde_json::Value,
    lang: Lang,
) -> Result<Option<Value>, Refusal> {
    let invalid = |id: &str, args: &[Arg]| Refusal::Invalid(tr(lang, id, args));
    let too_long = || invalid("edit-too-long", &[arg("max", MAX_FIELD_CHARS)]);
    let text = || -> Result<&str, Refusal> {
        let text = value.as_str().ok_or_else(|| invalid("edit-not-text", &[]))?;
        if text.chars().count() > MAX_FIELD_CHARS {
            return Err(too_long());
        }
        Ok(text)
    };
    Ok(Some(match kind {
        Kind::Text => Value::from(text()?),
        Kind::Choice(choices) => {
            let t = text()?;
            if !choices.contains(&t) {
                return Err(invalid(
                    "edit-not-a-choice",
                    &[arg("choices", choices.join("、"))],
                ));
            }
            Value::from(t)
        }
        Kind::Year => {
            let t = text()?.trim();
            match t.parse::<i64>() {
                Ok(year) if t.len() == 4 && (1990..=9999).contains(&year) => {
                    Value::from(year)
                }
                _ => return Err(invalid("edit-not-a-year", &[arg("found", t)])),
            }
        }
        Kind::Date => {
            let t = text()?.trim();
            if NaiveDate::parse_from_str(t, "%Y-%m-%d").is_err() {
                return Err(invalid("edit-not-a-date", &[arg("found", t)]));
            }
            t.parse::<Value>()
                .map_err(|_| invalid("edit-not-a-date", &[arg("found", t)]))?
        }
        Kind::Paragraphs => {
            let list = value.as_array().ok_or_else(|| invalid("edit-not-text", &[]))?;
            if list.len() > MAX_PARAGRAPHS {
                return Err(invalid("edit-too-many", &[arg("max", MAX_PARAGRAPHS)]));
            }
            let mut array = Array::new();
            for p in list {
                let p = p.as_str().ok_or_else(|| invalid("edit-not-text", &[]))?;
                if p.chars().count() > MAX_FIELD_CHARS {
                    return Err(too_long());
                }
                let mut v = Value::from(p);
                v.decor_mut().set_prefix("\n  ");
                array.push_formatted(v);
            }
            if !array.is_empty() {
                array.set_trailing_comma(true);
                array.set_trailing("\n");
            }
            Value::Array(array)
        }
        Kind::Cell(index) => {
            let t = text()?.trim();
            if t.is_empty() {
                return Ok(None);
            }
            let (kind, _) = form::cell_kind(index);
            let digits = |s: &str| {
                !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit())
            };
            let ok = match kind {
                ValueKind::Integer => digits(t),
                ValueKind::Decimal => match t.split_once('.') {
                    Some((whole, fraction)) => digits(whole) && digits(fraction),
                    None => digits(t),
                },
                ValueKind::Text => true,
            };
            if !ok {
                let id = if kind == ValueKind::Decimal {
                    "edit-not-a-decimal"
                } else {
                    "edit-not-a-count"
                };
                return Err(invalid(id, &[arg("found", t)]));
            }
            match kind {
                ValueKind::Text => Value::from(t),
                _ => t
                    .parse::<Value>()
                    .map_err(|_| invalid("edit-not-a-count", &[arg("found", t)]))?,
            }
        }
    }))
}

/// Adds, removes or moves an item of the list `key` of `parent`.
fn items(
    parent: &mut dyn TableLike,
    key: &str,
    edit: &Edit,
    lang: Lang,
) -> Result<(), Refusal> {
    let no_item = || Refusal::Invalid(tr(lang, "edit-no-such-item", &[]));
    let new_table = || {
        let mut t = Table::new();
        t.insert("title", toml_edit::value(""));
        t.insert("paragraphs", Item::Value(Value::Array(Array::new())));
        t
    };
    // An empty list (`items = []`) or none becomes a list of tables on its first item.
    let empty = match parent.get(key) {
        None => true,
        Some(Item::Value(Value::Array(a))) => a.is_empty(),
        Some(Item::ArrayOfTables(a)) => a.is_empty(),
        Some(_) => return Err(no_item()),
    };
    if empty {
        return match edit {
            Edit::AddItem { .. } => {
                let mut list = ArrayOfTables::new();
                list.push(new_table());
                parent.insert(key, Item::ArrayOfTables(list));
                Ok(())
            }
            _ => Err(no_item()),
        };
    }
    let len = match parent.get(key) {
        Some(Item::Value(Value::Array(a))) => a.len(),
        Some(Item::ArrayOfTables(a)) => a.len(),
        _ => 0,
    };
    let in_range = |i: usize| if i < len { Ok(()) } else { Err(no_item()) };
    match (edit, parent.get_mut(key)) {
        (Edit::AddItem { .. }, _) if len >= MAX_ITEMS => {
            Err(Refusal::Invalid(tr(lang, "edit-too-many", &[arg("max", MAX_ITEMS)])))
        }
        (Edit::AddItem { .. }, Some(Item::ArrayOfTables(a))) => {
            a.push(new_table());
            Ok(())
        }
        (Edit::AddItem { .. }, Some(Item::Value(Value::Array(a)))) => {
            a.push(new_table().into_inline_table());
            Ok(())
        }
        (Edit::RemoveItem { index, .. }, Some(item)) => {
            in_range(*index)?;
            match item {
                Item::ArrayOfTables(a) => {
                    a.remove(*index);
                    if a.is_empty() {
                        *item = Item::Value(Value::Array(Array::new()));
                    }
                }
                Item::Value(Value::Array(a)) => {
                    a.remove(*index);
                }
                _ => return Err(no_item()),
            }
            Ok(())
        }
        (Edit::MoveItem { from, to, .. }, Some(item)) => {
            in_range(*from)?;
            in_range(*to)?;
            match item {
                Item::ArrayOfTables(a) => {
                    // The tables keep the places they had in the file, in order.
                    let places: Vec<_> = a.iter().map(Table::position).collect();
                    let moved = a.remove(*from);
                    a.insert(*to, moved);
                    for (t, place) in a.iter_mut().zip(places) {
                        t.set_position(place);
                    }
                }
                Item::Value(Value::Array(a)) => {
                    let moved = a.remove(*from);
                    a.insert_formatted(*to, moved);
                }
                _ => return Err(no_item()),
            }
            Ok(())
        }
        _ => Err(no_item()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::labels::statutory_cells;

    #[test]
    fn the_grids_value_cells_are_the_catalogues_cells_in_order() {
        for (table, grid) in outline::blank_statutory_grids() {
            let cells: Vec<usize> = table_cells(table).collect();
            let values: Vec<&GridCell> = value_cells(&grid).collect();
            assert_eq!(cells.len(), values.len(), "{table:?}");
            // Each value cell sits in the row of its catalogue cell's last row label
            // and under its last column label.
            for (&i, value) in cells.iter().zip(&values) {
                let cell = &statutory_cells()[i].cell;
                let row_label = grid
                    .cells
                    .iter()
                    .filter(|c| {
                        c.kind == CellKind::Label
                            && c.row <= value.row
                            && value.row < c.row + c.rowspan
                            && c.col < value.col
                    })
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>();
                let column_label = grid
                    .cells
                    .iter()
                    .filter(|c| {
                        c.kind == CellKind::Label
                            && c.col <= value.col
                            && value.col < c.col + c.colspan
                            && c.row < value.row
                    })
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>();
                if let Some(last) = cell.row.last() {
                    assert!(
                        row_label.contains(last),
                        "{table:?} {i}: {last} not in {row_label:?}"
                    );
                }
                if let Some(last) = cell.column.last() {
                    assert!(
                        column_label.contains(last),
                        "{table:?} {i}: {last} not in {column_label:?}"
                    );
                }
            }
        }
    }
}
