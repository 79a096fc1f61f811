//! The one table recogniser: the statutory tables read from a document's tables (a
//! page's `<table>`s, a Word file's `w:tbl`s, a PDF's ruled grids, all as
//! [`Grid`]s): each grid unfolded from its spans, each row placed by its label
//! (wherever it is: tables in any order, one table split across several, a header apart
//! from its body), each cell read into the typed tables with its place.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::blocks::Grid;
use super::messages as m;
use super::{PagePlace, Places};
use crate::diagnostic::{Diagnostic, Location, TableId, Text};
use crate::l10n::Lang;
use crate::labels::{
    OTHER_HANDLING_LABEL, Resolved, StatutoryCell, canonical_label, resolve_label,
    statutory_cells,
};
use crate::table::catalogue::{Source, ValueKind};
use crate::tables::{Results, Tables};

/// The most rows of one `<table>` read: far beyond a report table.
const MAX_ROWS: usize = 2000;
/// The most cells of one row read.
const MAX_CELLS: usize = 256;
/// The most columns and rows a cell may span: beyond any real report table, so that a
/// hostile span cannot make the grid huge.
const MAX_SPAN: usize = 64;
/// Labels longer than this are never compared by edit distance (bounded time).
const MAX_LABEL: usize = 120;
/// The least similarity (normalised Levenshtein) for a misspelt label to be read as the
/// closest official one.
const CLOSE_ENOUGH: f64 = 0.6;

/// One row of the format: its table, its row labels and its cells in printed order.
struct RowSpec {
    table: TableId,
    row: Vec<&'static str>,
    cells: Vec<usize>,
}

fn row_specs() -> Vec<RowSpec> {
    let mut out: Vec<RowSpec> = Vec::new();
    for (i, c) in statutory_cells().iter().enumerate() {
        if c.cell.source == Source::Computed {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.table == c.table && last.row == c.cell.row => {
                last.cells.push(i)
            }
            _ => out.push(RowSpec {
                table: c.table,
                row: c.cell.row.clone(),
                cells: vec![i],
            }),
        }
    }
    out
}

/// A cell's value as read from the page.
#[derive(Debug, Clone)]
pub(super) struct Read {
    pub text: String,
    pub place: PagePlace,
}

/// A doubtful cell, for the data file's comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doubt {
    /// The labels keying the cell in a data file, the table's key first.
    pub labels: Vec<&'static str>,
    /// Why it is doubtful, in a sentence (in English; [`Doubt::reason_in`] for another
    /// language).
    pub reason: String,
    /// Whether its value is unknown (blank, `/`, missing): written as `""` in a data
    /// file so that no reader takes it for 0.
    pub unknown: bool,
    /// The reason as a message of the message files, for [`Doubt::reason_in`].
    pub text: Option<Text>,
}

impl Doubt {
    /// An unknown cell, doubtful for the reason `why` says.
    fn unknown(cell: &StatutoryCell, why: &Diagnostic) -> Doubt {
        Doubt {
            labels: cell.labels.clone(),
            reason: why.message.clone(),
            unknown: true,
            text: why.text.clone(),
        }
    }

    /// Why the cell is doubtful, in `lang`.
    pub fn reason_in(&self, lang: Lang) -> String {
        match &self.text {
            Some(t) if lang != Lang::En => crate::l10n::tr(lang, t.id, &t.args),
            _ => self.reason.clone(),
        }
    }
}

/// What the tables of a page gave.
pub(super) struct TablesRead {
    pub tables: Tables,
    pub problems: Vec<(Diagnostic, Option<PagePlace>)>,
    pub doubts: Vec<Doubt>,
    /// Whether each of the three tables had at least one row in the page.
    pub found: [bool; 3],
    /// Tables that hold no row of the format (by their index in the grids read): their
    /// rows as text.
    pub extra: Vec<(usize, Vec<String>)>,
}

/// A row of one `<table>`: its distinct cells in order, with their text.
struct PageRow {
    cells: Vec<(String, PagePlace)>,
}

fn is_value(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.is_empty()
        || matches!(t.as_str(), "/" | "-" | "—" | "——" | "－" | "／" | "\\" | "无" | "_")
        || number_text(&t).is_some()
}

/// The number a cell's text writes (full-width digits and thousands separators allowed).
fn number_text(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' | '.' => out.push(c),
            '０'..='９' => out.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '．' => out.push('.'),
            ',' | '，' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    (out.chars().any(|c| c.is_ascii_digit()) && out.matches('.').count() <= 1)
        .then_some(out)
}

/// The rows of one table, each cell once (a cell spanning columns is one cell; a cell
/// spanning rows from above is repeated in the rows it covers, so that a row's labels
/// include its groups). `number` is the table's, from 1.
fn page_rows(grid: &Grid, number: usize) -> Vec<PageRow> {
    let rows = grid.rows.len().min(MAX_ROWS);
    // Slots of the grid taken by cells from rows above: (row, column) -> cell.
    let mut taken: HashMap<(usize, usize), usize> = HashMap::new();
    let mut cells: Vec<(String, PagePlace)> = Vec::new();
    let mut out = Vec::with_capacity(rows);
    for (r, row) in grid.rows.iter().take(rows).enumerate() {
        let mut placed: Vec<(usize, usize)> = Vec::new(); // (column, cell)
        let mut column = 0usize;
        for raw_cell in row.cells.iter().take(MAX_CELLS) {
            while taken.contains_key(&(r, column)) {
                column += 1;
            }
            let place = PagePlace {
                table: Some(number),
                row: Some(r + 1),
                column: Some(column + 1),
                ..raw_cell.place.clone()
            };
            cells.push((raw_cell.text.clone(), place));
            let id = cells.len() - 1;
            let rowspan = raw_cell.rowspan.clamp(1, MAX_SPAN).min(rows - r);
            for dr in 0..rowspan {
                for dc in 0..raw_cell.colspan.clamp(1, MAX_SPAN) {
                    taken.insert((r + dr, column + dc), id);
                }
            }
            column += raw_cell.colspan.clamp(1, MAX_SPAN);
        }
        // This row's slots, left to right, each cell once.
        let width = taken.keys().filter(|(rr, _)| *rr == r).map(|(_, c)| c + 1).max();
        for c in 0..width.unwrap_or(0) {
            if let Some(id) = taken.get(&(r, c))
                && placed.last().map(|p| p.1) != Some(*id)
                && !placed.iter().any(|p| p.1 == *id)
            {
                placed.push((c, *id));
            }
        }
        taken.retain(|(rr, _), _| *rr > r);
        out.push(PageRow {
            cells: placed.iter().map(|(_, id)| cells[*id].clone()).collect(),
        });
    }
    out
}

/// The known labels: exact (canonical) row labels, group labels, header labels.
struct Vocabulary {
    specs: Vec<RowSpec>,
    /// canonical last row label -> spec index (tables 二 and 三).
    rows: HashMap<String, usize>,
    /// The last row labels, for closest matching.
    row_labels: Vec<&'static str>,
    /// canonical group labels (rows that head others).
    groups: HashSet<String>,
    /// The column header labels, each once, with where the first column under it is.
    columns: Vec<&'static str>,
    column_places: HashMap<&'static str, Location>,
}

impl Vocabulary {
    fn new() -> Self {
        let specs = row_specs();
        let mut rows = HashMap::new();
        let mut row_labels = Vec::new();
        let mut groups = HashSet::new();
        for (i, s) in specs.iter().enumerate() {
            if let Some(last) = s.row.last() {
                rows.insert(canonical_label(last), i);
                row_labels.push(*last);
                for g in &s.row[..s.row.len() - 1] {
                    groups.insert(canonical_label(g));
                }
            }
        }
        let mut columns = Vec::new();
        let mut column_places = HashMap::new();
        for c in statutory_cells() {
            for (depth, label) in c.cell.column.iter().enumerate() {
                if !column_places.contains_key(label) {
                    columns.push(*label);
                    let at = Location::cell(c.table, &c.cell.column[..=depth]);
                    column_places.insert(*label, at);
                }
            }
        }
        Vocabulary { specs, rows, row_labels, groups, columns, column_places }
    }

    /// Whether `canonical` is a row or group label of the format.
    fn is_row_label(&self, canonical: &str) -> bool {
        self.rows.contains_key(canonical) || self.groups.contains(canonical)
    }

    fn spec_of(&self, label: &str) -> Option<usize> {
        self.row_labels
            .iter()
            .position(|l| *l == label)
            .and_then(|i| self.rows.get(&canonical_label(self.row_labels[i])).copied())
    }

    fn review_spec(&self) -> Option<usize> {
        self.specs.iter().position(|s| s.table == TableId::Section4)
    }
}

fn location_of(cell: &StatutoryCell) -> Location {
    Location::cell(cell.table, &cell.cell.labels())
}

fn row_location(spec: &RowSpec) -> Location {
    Location::cell(spec.table, &spec.row)
}

/// Whether any of the tables holds a row of the format (the web page's reader looks
/// for the article around them).
pub(super) fn any_statutory(tables: &[&Grid]) -> bool {
    read(tables, &mut Places::default()).found.iter().any(|f| *f)
}

/// Reads the statutory tables from the document's tables (in its order, numbered from
/// 1), recording in `places` where each cell, row and table is.
pub(super) fn read(tables: &[&Grid], places: &mut Places) -> TablesRead {
    let vocabulary = Vocabulary::new();
    let all = statutory_cells();
    let mut values: HashMap<usize, Read> = HashMap::new();
    let mut seen_specs: HashMap<usize, PagePlace> = HashMap::new();
    let mut problems: Vec<(Diagnostic, Option<PagePlace>)> = Vec::new();
    let mut extra = Vec::new();
    let mut found = [false; 3];
    let mut reported_headers: HashSet<String> = HashSet::new();

    for (t, grid) in tables.iter().enumerate() {
        let number = t + 1;
        let rows = page_rows(grid, number);
        let mut placed_here = false;
        let mut unplaced: Vec<(Diagnostic, Option<PagePlace>)> = Vec::new();
        let mut texts = Vec::new();
        for row in &rows {
            let texts_of_row: Vec<&str> =
                row.cells.iter().map(|c| c.0.as_str()).collect();
            texts.push(texts_of_row.join(" | "));
            // The trailing run of value cells; the labels are the cells before it.
            let first_value =
                row.cells.iter().rposition(|c| !is_value(&c.0)).map_or(0, |i| i + 1);
            let labels: Vec<&(String, PagePlace)> =
                row.cells[..first_value].iter().filter(|c| !c.0.is_empty()).collect();
            let run = &row.cells[first_value..];
            // Header rows (labels only), resolved as a data file's keys are: a 2019
            // label is reported once, and so is a header one edit from an official
            // column label (the columns are read by position all the same).
            for (text, place) in labels.iter().filter(|_| run.is_empty()) {
                let canonical = canonical_label(text);
                if vocabulary.is_row_label(&canonical)
                    || !reported_headers.insert(canonical.clone())
                {
                    continue;
                }
                match resolve_label(text, &vocabulary.columns) {
                    Resolved::Format2019(_) => {
                        let table = tables_of_row(&vocabulary, &labels)
                            .unwrap_or(TableId::Section2);
                        problems.push((
                            m::label_2019(m::table_location(table), text, None),
                            Some(place.clone()),
                        ));
                    }
                    Resolved::Misspelt(label) => {
                        let at = vocabulary.column_places[label].clone();
                        problems.push((
                            m::header_misspelt(at, text, label),
                            Some(place.clone()),
                        ));
                    }
                    _ => {}
                }
            }
            if run.is_empty()
                || run.iter().all(|c| c.0.trim().is_empty()) && labels.is_empty()
            {
                continue;
            }
            let last = labels.last();
            // Which row of the format is it?
            let spec = match last {
                None if run.len() >= 10 => vocabulary.review_spec(),
                None => None,
                Some((text, place)) => {
                    let canonical = canonical_label(text);
                    if let Some(&i) = vocabulary.rows.get(&canonical) {
                        let official =
                            vocabulary.specs[i].row.last().copied().unwrap_or("");
                        if *official != **text {
                            let at = row_location(&vocabulary.specs[i]);
                            problems.push((
                                m::label_variant(at, text, official),
                                Some(place.clone()),
                            ));
                        }
                        Some(i)
                    } else if vocabulary.groups.contains(&canonical) {
                        let all_blank = run.iter().all(|c| c.0.trim().is_empty());
                        if all_blank {
                            continue;
                        }
                        if canonical == canonical_label(OTHER_HANDLING_LABEL) {
                            problems.push((
                                m::label_2019(
                                    Location::cell(TableId::Section3, &[text.as_str()]),
                                    text,
                                    None,
                                ),
                                Some(place.clone()),
                            ));
                        } else {
                            unplaced.push((
                                m::group_with_values(
                                    Location::text(&[text.as_str()]),
                                    text,
                                ),
                                Some(place.clone()),
                            ));
                        }
                        placed_here = true;
                        continue;
                    } else if text.chars().count() <= MAX_LABEL {
                        // As a data file's key is resolved; a page's row is placed by
                        // its label alone, so a label close enough to one row is read
                        // as it too.
                        let row_of = |label: &str| vocabulary.spec_of(label);
                        let (spec, problem) =
                            match resolve_label(text, &vocabulary.row_labels) {
                                Resolved::Format2019(read_as) => {
                                    let spec = read_as.and_then(row_of);
                                    let at = match spec {
                                        Some(i) => row_location(&vocabulary.specs[i]),
                                        None => m::table_location(
                                            tables_of_row(&vocabulary, &labels)
                                                .unwrap_or(TableId::Section2),
                                        ),
                                    };
                                    let d = m::label_2019(
                                        at,
                                        text,
                                        read_as.filter(|_| spec.is_some()),
                                    );
                                    problems.push((d, Some(place.clone())));
                                    if spec.is_none() {
                                        continue;
                                    }
                                    (spec, None)
                                }
                                Resolved::Misspelt(label) => (row_of(label), Some(label)),
                                Resolved::Unknown(Some((label, score)))
                                    if score >= CLOSE_ENOUGH =>
                                {
                                    (row_of(label), Some(label))
                                }
                                _ => (None, None),
                            };
                        match (spec, problem) {
                            (Some(i), Some(label)) => {
                                let at = row_location(&vocabulary.specs[i]);
                                problems.push((
                                    m::label_misspelt(at, text, label),
                                    Some(place.clone()),
                                ));
                                Some(i)
                            }
                            (Some(i), None) => Some(i),
                            // No row of the format and no number: a header's or a
                            // note's row (a label split over two cells, say), not data.
                            (None, _) if run.iter().all(|c| c.0.trim().is_empty()) => {
                                continue;
                            }
                            (None, _) => {
                                unplaced.push((
                                    m::row_unplaced(
                                        Location::text(&[text.as_str()]),
                                        text,
                                    ),
                                    Some(place.clone()),
                                ));
                                None
                            }
                        }
                    } else {
                        unplaced.push((
                            m::row_unplaced(
                                Location::text(&["…"]),
                                &text.chars().take(40).collect::<String>(),
                            ),
                            Some(place.clone()),
                        ));
                        None
                    }
                }
            };
            let Some(i) = spec else { continue };
            let spec = &vocabulary.specs[i];
            placed_here = true;
            found[spec.table as usize] = true;
            let row_place = run
                .first()
                .map(|c| c.1.clone())
                .or_else(|| last.map(|l| l.1.clone()))
                .unwrap_or_default();
            if seen_specs.contains_key(&i) {
                let text = last.map_or(String::new(), |l| l.0.clone());
                problems.push((m::row_twice(row_location(spec), &text), Some(row_place)));
                continue;
            }
            seen_specs.insert(i, row_place.clone());
            places.insert(spec.table, spec.row.iter().copied(), row_place.clone());
            let expected = spec.cells.len();
            let run: &[(String, PagePlace)] = if run.len() > expected {
                problems.push((
                    m::row_too_long(row_location(spec), run.len(), expected),
                    Some(row_place),
                ));
                &run[run.len() - expected..]
            } else {
                run
            };
            for (k, &cell) in spec.cells.iter().enumerate() {
                let Some((text, place)) = run.get(k) else { continue };
                let c = &all[cell].cell;
                places.insert(spec.table, c.labels(), place.clone());
                // As validation names a cell (row and its last column label), and the
                // column as a whole.
                let short = c.row.iter().chain(c.column.last()).copied();
                places.insert(spec.table, short, place.clone());
                let column = PagePlace { row: None, ..place.clone() };
                places.insert_if_absent(spec.table, c.column.iter().copied(), column);
                values.insert(cell, Read { text: text.clone(), place: place.clone() });
            }
        }
        if placed_here {
            problems.extend(unplaced);
        } else if !rows.is_empty() {
            extra.push((t, texts));
        }
    }

    let spanned = merged_over_rows(&mut values, &mut problems);
    let (tables, mut doubts, cell_problems) =
        build(&vocabulary, &values, &seen_specs, &found, &spanned);
    doubts.extend(spanned.into_values());
    problems.extend(cell_problems);
    TablesRead { tables, problems, doubts, found, extra }
}

/// Number cells merged (`rowspan`) over several rows of the format: one page cell read
/// into each row it covers. A non-zero number cannot be told to be any one row's (a
/// merged 5 would be counted in each), so it is reported, naming the rows, and taken
/// out of `values`: those cells are unknown (returned, by cell, with their doubt). A
/// merged 0 or blank means the same for every row it covers and is read so.
fn merged_over_rows(
    values: &mut HashMap<usize, Read>,
    problems: &mut Vec<(Diagnostic, Option<PagePlace>)>,
) -> BTreeMap<usize, Doubt> {
    let all = statutory_cells();
    // The page cell each value came from: its table, row and column.
    type CellAt = (Option<usize>, Option<usize>, Option<usize>);
    let mut by_place: BTreeMap<CellAt, Vec<usize>> = BTreeMap::new();
    for (&cell, read) in values.iter() {
        let p = &read.place;
        by_place.entry((p.table, p.row, p.column)).or_default().push(cell);
    }
    let mut spanned = BTreeMap::new();
    for mut cells in by_place.into_values().filter(|c| c.len() > 1) {
        cells.sort_unstable();
        let read = &values[&cells[0]];
        let (text, place) = (read.text.trim().to_owned(), read.place.clone());
        let non_zero = number_text(&text)
            .is_some_and(|n| n.contains(|c: char| matches!(c, '1'..='9')));
        if !non_zero {
            continue;
        }
        let mut rows: Vec<String> = Vec::new();
        for &c in &cells {
            let row = all[c].cell.row.last().copied().unwrap_or_default().to_owned();
            if !rows.contains(&row) {
                rows.push(row);
            }
        }
        let d = m::cell_spans_rows(location_of(&all[cells[0]]), &text, &rows);
        for &c in &cells {
            spanned.insert(c, Doubt::unknown(&all[c], &d));
            values.remove(&c);
        }
        problems.push((d, Some(place)));
    }
    spanned
}

/// The table a row's labels belong to, if any label is a row or group of the format.
fn tables_of_row(v: &Vocabulary, labels: &[&(String, PagePlace)]) -> Option<TableId> {
    labels
        .iter()
        .find_map(|(t, _)| v.rows.get(&canonical_label(t)).map(|&i| v.specs[i].table))
}

/// The typed tables from the cells read, every problem of a cell, and the doubtful cells.
#[allow(clippy::type_complexity)]
fn build(
    v: &Vocabulary,
    values: &HashMap<usize, Read>,
    seen: &HashMap<usize, PagePlace>,
    found: &[bool; 3],
    spanned: &BTreeMap<usize, Doubt>,
) -> (Tables, Vec<Doubt>, Vec<(Diagnostic, Option<PagePlace>)>) {
    let all = statutory_cells();
    let mut problems = Vec::new();
    let mut doubts = Vec::new();
    let mut root = serde_json::Value::Object(serde_json::Map::new());
    for (si, spec) in v.specs.iter().enumerate() {
        let row_found = seen.contains_key(&si);
        let stated_row = spec.cells.iter().any(|&c| all[c].cell.stated_row.is_some());
        if !row_found && found[spec.table as usize] && !stated_row {
            let d = m::row_missing(row_location(spec));
            for &c in &spec.cells {
                if all[c].cell.source == Source::Data {
                    doubts.push(Doubt::unknown(&all[c], &d));
                }
            }
            problems.push((d, None));
        }
        for &c in &spec.cells {
            let cell = &all[c];
            if cell.cell.stated_row.is_some() && !row_found {
                continue; // （七）总计 left out: computed.
            }
            let optional = cell.cell.source != Source::Data;
            let read = values.get(&c);
            let value = match read {
                Some(r) => parse(cell, r, &mut problems, &mut doubts),
                None => {
                    if row_found && !spanned.contains_key(&c) {
                        let d = m::cell_missing(location_of(cell));
                        doubts.push(Doubt::unknown(cell, &d));
                        problems.push((d, seen.get(&si).cloned()));
                    }
                    None
                }
            };
            let json = match (value, cell.cell.kind) {
                (Some(v), _) => v,
                (None, _) if optional => continue,
                (None, ValueKind::Decimal) => serde_json::Value::String("0".into()),
                (None, _) => serde_json::Value::from(0u64),
            };
            let mut at = &mut root;
            for field in &cell.english {
                at = &mut at[*field];
            }
            *at = json;
        }
    }
    // Tables not found at all: every cell 0 in the model, unknown in the data file.
    for table in TableId::ALL {
        if !found[table as usize] {
            let why = m::table_unread(table);
            for cell in
                all.iter().filter(|c| c.table == table && c.cell.source == Source::Data)
            {
                doubts.push(Doubt::unknown(cell, &why));
            }
        }
    }
    let mut tables: Tables = serde_json::from_value(root).unwrap_or_default();
    normalise_totals(&mut tables);
    (tables, doubts, problems)
}

fn parse(
    cell: &StatutoryCell,
    read: &Read,
    problems: &mut Vec<(Diagnostic, Option<PagePlace>)>,
    doubts: &mut Vec<Doubt>,
) -> Option<serde_json::Value> {
    let text = read.text.trim();
    let number = number_text(text);
    let parsed = match (&number, cell.cell.kind) {
        (Some(n), ValueKind::Decimal) => {
            Decimal::from_str(n).ok().map(|d| serde_json::Value::String(d.to_string()))
        }
        (Some(n), _) => n.parse::<u64>().ok().map(serde_json::Value::from),
        (None, _) => None,
    };
    if parsed.is_some() {
        return parsed;
    }
    let d = if text.is_empty() {
        m::cell_blank(location_of(cell))
    } else {
        m::cell_not_number(location_of(cell), text)
    };
    doubts.push(Doubt::unknown(cell, &d));
    problems.push((d, Some(read.place.clone())));
    None
}

/// A total the page states that equals the one computed from its parts is left to be
/// computed: the report is the same, and reads as one built in code.
pub(super) fn normalise_totals(t: &mut Tables) {
    for (_, row) in crate::labels::application_rows_mut(&mut t.applications) {
        if row.stated_total == Some(row.computed_total()) {
            row.stated_total = None;
        }
    }
    let results: &mut Results = &mut t.applications.results;
    if let Some(total) = &mut results.stated_total
        && total.stated_total == Some(total.computed_total())
    {
        total.stated_total = None;
    }
    if results.stated_total == Some(results.computed_total()) {
        results.stated_total = None;
    }
    let r = &mut t.reviews_and_lawsuits;
    for outcomes in [&mut r.review, &mut r.lawsuits_direct, &mut r.lawsuits_after_review]
    {
        if outcomes.stated_total == Some(outcomes.computed_total()) {
            outcomes.stated_total = None;
        }
    }
}
