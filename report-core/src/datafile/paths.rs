//! From a diagnostic's [`Location`] (a table and its official labels, a text of the
//! prose, or a key) to the paths in a data file where its value is written.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::spans::Seg;
use crate::diagnostic::{Diagnostic, Location, TableId};
use crate::fields::Field;
use crate::labels::{
    self, APPLICANT_COLUMNS, APPLICATION_ROW_PATHS, DOCUMENT_COLUMNS, OUTCOME_COLUMNS,
    RESULTS_LABEL, REVIEW_PATHS, TABLE2_KEY, TABLE3_KEY, TABLE4_KEY, TOTAL_ROW_LABEL,
};

/// The English names of section 三's rows, in the order of [`APPLICATION_ROW_PATHS`].
const APPLICATION_ROWS: [&[&str]; 24] = [
    &["received"],
    &["carried_over"],
    &["results", "disclosed"],
    &["results", "partially_disclosed"],
    &["results", "withheld", "state_secrets"],
    &["results", "withheld", "prohibited_by_law"],
    &["results", "withheld", "security_and_stability"],
    &["results", "withheld", "third_party_rights"],
    &["results", "withheld", "internal_affairs"],
    &["results", "withheld", "process_information"],
    &["results", "withheld", "enforcement_files"],
    &["results", "withheld", "inquiry_matters"],
    &["results", "unavailable", "not_held"],
    &["results", "unavailable", "requires_creation"],
    &["results", "unavailable", "still_unclear"],
    &["results", "not_processed", "petitions_and_complaints"],
    &["results", "not_processed", "repeated"],
    &["results", "not_processed", "publications"],
    &["results", "not_processed", "excessive"],
    &["results", "not_processed", "confirmation"],
    &["results", "other_handling", "no_correction"],
    &["results", "other_handling", "fee_unpaid"],
    &["results", "other_handling", "other"],
    &["carried_forward"],
];

/// The English names of section 三's columns, in the order of [`APPLICANT_COLUMNS`].
pub const APPLICANT_FIELDS: [&str; 7] = [
    "natural_persons",
    "businesses",
    "research_institutions",
    "public_interest_organizations",
    "legal_service_providers",
    "others",
    "stated_total",
];

/// The English names of section 四's rows and columns.
const REVIEW_FIELDS: [&str; 3] = ["review", "lawsuits_direct", "lawsuits_after_review"];
const OUTCOME_FIELDS: [&str; 5] =
    ["upheld", "corrected", "other", "pending", "stated_total"];

/// One cell of the tables: its table, its labels (table key first) and its English path
/// under `tables`.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The table.
    pub table: TableId,
    /// The official labels, the table key first.
    pub labels: Vec<&'static str>,
    /// The English field path under `tables`.
    pub english: Vec<&'static str>,
}

/// Every cell of the three tables, stated totals included, in table order.
pub fn cells() -> &'static [Cell] {
    static CELLS: OnceLock<Vec<Cell>> = OnceLock::new();
    CELLS.get_or_init(|| {
        let mut out = Vec::new();
        let mut push = |labels: Vec<&'static str>, english: Vec<&'static str>| {
            let table = match labels[0] {
                TABLE2_KEY => TableId::Section2,
                TABLE3_KEY => TableId::Section3,
                _ => TableId::Section4,
            };
            out.push(Cell { table, labels, english });
        };
        for (row, field) in [
            (labels::RULES_PATH, "rules"),
            (labels::NORMATIVE_PATH, "normative_documents"),
        ] {
            for (column, name) in
                DOCUMENT_COLUMNS.iter().zip(["issued", "repealed", "in_force"])
            {
                push(
                    vec![TABLE2_KEY, row[0], row[1], column],
                    vec!["active_disclosure", field, name],
                );
            }
        }
        for (p, field) in [
            (labels::LICENSING_PATH, "licensing"),
            (labels::PENALTIES_PATH, "penalties"),
            (labels::ENFORCEMENT_PATH, "enforcement"),
            (labels::FEE_PATH, "fees"),
        ] {
            push(vec![TABLE2_KEY, p[0], p[1], p[2]], vec!["active_disclosure", field]);
        }
        let total_row: &[&str] = &[RESULTS_LABEL, TOTAL_ROW_LABEL];
        let mut rows: Vec<(&[&str], &[&str])> =
            APPLICATION_ROW_PATHS.iter().copied().zip(APPLICATION_ROWS).collect();
        rows.insert(rows.len() - 1, (total_row, &["results", "stated_total"]));
        for (row, english) in rows {
            for (column, field) in APPLICANT_COLUMNS.iter().zip(APPLICANT_FIELDS) {
                let mut l = vec![TABLE3_KEY];
                l.extend_from_slice(row);
                l.push(column);
                let mut e = vec!["applications"];
                e.extend_from_slice(english);
                e.push(field);
                push(l, e);
            }
        }
        for (row, field) in REVIEW_PATHS.iter().zip(REVIEW_FIELDS) {
            for (column, name) in OUTCOME_COLUMNS.iter().zip(OUTCOME_FIELDS) {
                let mut l = vec![TABLE4_KEY];
                l.extend_from_slice(row);
                l.push(column);
                push(l, vec!["reviews_and_lawsuits", field, name]);
            }
        }
        out
    })
}

/// A cell's or group's labels (table key first) and English path.
type Paths = (Vec<&'static str>, Vec<&'static str>);

/// A place in a table: the table and its labels without the table key, as a
/// [`Location::Table`] holds them.
type TablePlace = (TableId, Vec<String>);

/// Places in the tables (cells, rows, columns, groups) to the cell's labels and English
/// path; groups map to the common prefix of their cells' English paths.
fn by_location() -> &'static HashMap<TablePlace, Paths> {
    static MAP: OnceLock<HashMap<TablePlace, Paths>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<TablePlace, Paths> = HashMap::new();
        let place = |table: TableId, labels: &[&str]| -> TablePlace {
            (table, labels.iter().map(|l| (*l).to_owned()).collect())
        };
        for cell in cells() {
            for n in 2..=cell.labels.len() {
                let labels = cell.labels[..n].to_vec();
                let english = cell.english.clone();
                map.entry(place(cell.table, &labels[1..]))
                    .and_modify(|(_, e)| {
                        let common =
                            e.iter().zip(&english).take_while(|(a, b)| a == b).count();
                        e.truncate(common);
                    })
                    .or_insert((labels, english));
            }
        }
        // T3-A names a column: its first cell, 一、本年新收.
        for c in 0..APPLICANT_COLUMNS.len() {
            map.insert(
                place(TableId::Section3, &labels::applicant_column_path(c)),
                (
                    vec![TABLE3_KEY, labels::RECEIVED_LABEL, APPLICANT_COLUMNS[c]],
                    vec!["applications", "received", APPLICANT_FIELDS[c]],
                ),
            );
        }
        map
    })
}

fn keys<S: AsRef<str>>(prefix: &[&str], rest: &[S]) -> Vec<Seg> {
    prefix
        .iter()
        .map(|k| Seg::from(*k))
        .chain(rest.iter().map(|k| Seg::from(k.as_ref())))
        .collect()
}

/// The key of a table in the labelled form.
fn table_key(table: TableId) -> &'static str {
    match table {
        TableId::Section2 => TABLE2_KEY,
        TableId::Section3 => TABLE3_KEY,
        TableId::Section4 => TABLE4_KEY,
    }
}

/// The paths in a data file where the value `diagnostic` is about may be written, best
/// first, each followed by its enclosing paths (for a value left out, such as a computed
/// total, the nearest enclosing key is shown). None for a diagnostic of the report as a
/// whole or of last year's report.
///
/// `labelled`: the file's tables are in the labelled form. `texts`: the report's text
/// fields and places with their keys ([`crate::fields::fields`]).
pub fn data_paths(
    diagnostic: &Diagnostic,
    labelled: bool,
    texts: &[Field<'_>],
) -> Vec<Vec<Seg>> {
    let best: Vec<Seg> = match &diagnostic.location {
        Location::Report | Location::Previous => return Vec::new(),
        Location::Text { .. } => {
            match texts.iter().find(|f| f.location == diagnostic.location) {
                Some(Field { key: Some(key), .. }) => key.clone(),
                _ => return Vec::new(),
            }
        }
        Location::Table { table, labels } => {
            match by_location().get(&(*table, labels.clone())) {
                Some((l, e)) => keys(&["tables"], if labelled { l } else { e }),
                // A label not in the template: under its table.
                None if labelled => keys(&["tables", table_key(*table)], labels),
                None => keys(&["tables"], labels),
            }
        }
        Location::Key { path } => keys(&["tables"], path),
    };
    (1..=best.len()).rev().map(|n| best[..n].to_vec()).collect()
}
