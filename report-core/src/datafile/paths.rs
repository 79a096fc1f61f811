//! From a diagnostic's [`Location`] (a table and its official labels, a text of the
//! prose, or a key) to the paths in a data file where its value is written.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::spans::Seg;
use crate::diagnostic::{Diagnostic, Location, TableId};
use crate::fields::Field;
use crate::labels::{self, APPLICANT_COLUMNS};

pub use crate::labels::StatutoryCell as Cell;

/// Every cell of the three tables, stated totals included, in table order (the tables'
/// catalogues: [`crate::labels::statutory_cells`]).
pub fn cells() -> &'static [Cell] {
    labels::statutory_cells()
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
        let first_row = cells().iter().filter(|c| c.table == TableId::Section3);
        for (c, cell) in first_row.take(APPLICANT_COLUMNS.len()).enumerate() {
            map.insert(
                place(TableId::Section3, &labels::applicant_column_path(c)),
                (cell.labels.clone(), cell.english.clone()),
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
                None if labelled => keys(&["tables", labels::table_key(*table)], labels),
                None => keys(&["tables"], labels),
            }
        }
        Location::Key { path } => keys(&["tables"], path),
    };
    (1..=best.len()).rev().map(|n| best[..n].to_vec()).collect()
}
