//! Two reports of the same agency compared, cell by cell and fact by fact: last year, this
//! year, the change and the change in %, the biggest changes first ([`compare`]).
//! `govreport diff LAST THIS` prints it as text, JSON, CSV or an HTML table.
//!
//! Reports of different agencies, or of years that are not consecutive, are refused
//! ([`Refusal`]) unless forced.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::join_path;
use crate::facts::{Change, FactValue, Facts};
use crate::l10n::{Lang, arg, tr};
use crate::labels::statutory_cells;
use crate::model::Report;
use crate::table::{CellKind, Table};
use crate::tables::Tables;

/// What a row of the comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A cell of a statutory table.
    Cell,
    /// A fact ([`crate::facts`]).
    Fact,
}

/// One compared figure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Row {
    /// A cell or a fact.
    pub kind: RowKind,
    /// The cell's labels (`三、本年度办理结果 /（七）总计 / 总计`) or the fact's name.
    pub name: String,
    /// Last year's figure and this year's, with the change and the change in %.
    #[serde(flatten)]
    pub change: Change,
}

/// The comparison of two reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Comparison {
    /// The agency (this year's name).
    pub agency: String,
    /// Last year's statistical year.
    pub last_year: i32,
    /// This year's statistical year.
    pub this_year: i32,
    /// Every cell and every fact, the biggest changes first: by the size of the change
    /// in %, a change from 0 first, then by the size of the change, then in table order.
    pub rows: Vec<Row>,
}

/// Why two reports are not compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// The agencies' names differ.
    DifferentAgencies {
        /// Last year's agency.
        last: String,
        /// This year's agency.
        this: String,
    },
    /// This year is not last year + 1.
    NotConsecutive {
        /// Last year's statistical year.
        last: i32,
        /// This year's statistical year.
        this: i32,
    },
}

impl Refusal {
    /// Why the reports are not compared, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Refusal::DifferentAgencies { last, this } => {
                tr(lang, "diff-agencies", &[arg("last", last), arg("this", this)])
            }
            Refusal::NotConsecutive { last, this } => {
                tr(lang, "diff-years", &[arg("last", last), arg("this", this)])
            }
        }
    }
}

/// In English; [`Refusal::in_lang`] for another language.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for Refusal {}

/// Every value cell of the three tables, as printed, with its labels.
pub fn cells(tables: &Tables) -> Vec<(String, String)> {
    let grids = [
        (tables.active_disclosure.grid(), 0usize),
        (tables.applications.grid(), 1),
        (tables.reviews_and_lawsuits.grid(), 2),
    ];
    let ids =
        [crate::TableId::Section2, crate::TableId::Section3, crate::TableId::Section4];
    let mut out = Vec::new();
    for (grid, i) in grids {
        let labels = statutory_cells().iter().filter(|c| c.table == ids[i]);
        let values = grid.cells.iter().filter(|c| c.kind == CellKind::Value);
        for (cell, value) in labels.zip(values) {
            out.push((join_path(&cell.cell.labels()), value.text.clone()));
        }
    }
    out
}

fn tables_of(report: &Report) -> Tables {
    Tables {
        active_disclosure: report.active_disclosure.clone(),
        applications: report.applications.clone(),
        reviews_and_lawsuits: report.reviews_and_lawsuits.clone(),
    }
}

fn value_of(text: &str) -> FactValue {
    match text.parse::<u64>() {
        Ok(n) => FactValue::Count(n),
        Err(_) => FactValue::Amount(text.parse().unwrap_or(Decimal::ZERO)),
    }
}

/// How big a change is, for the order: a change from 0 is the biggest.
fn order(a: &Row, b: &Row) -> Ordering {
    let size = |r: &Row| match (r.change.percent, r.change.delta.is_zero()) {
        (_, true) => (0u8, Decimal::ZERO),
        (None, false) => (2, r.change.delta.abs()),
        (Some(p), false) => (1, p.abs()),
    };
    let (ka, pa) = size(a);
    let (kb, pb) = size(b);
    kb.cmp(&ka).then(pb.cmp(&pa)).then(b.change.delta.abs().cmp(&a.change.delta.abs()))
}

/// `last` and `this` compared: refused for different agencies or years that are not
/// consecutive, unless `force`.
pub fn compare(last: &Report, this: &Report, force: bool) -> Result<Comparison, Refusal> {
    if !force {
        if last.agency.name != this.agency.name {
            return Err(Refusal::DifferentAgencies {
                last: last.agency.name.clone(),
                this: this.agency.name.clone(),
            });
        }
        if last.year.checked_add(1) != Some(this.year) {
            return Err(Refusal::NotConsecutive { last: last.year, this: this.year });
        }
    }
    let mut rows = Vec::new();
    for ((name, before), (_, now)) in
        cells(&tables_of(last)).into_iter().zip(cells(&tables_of(this)))
    {
        rows.push(Row {
            kind: RowKind::Cell,
            name,
            change: Change::new(value_of(&before), value_of(&now)),
        });
    }
    for (name, change) in Facts::of(this).changes(&Facts::of(last)) {
        rows.push(Row { kind: RowKind::Fact, name: name.to_owned(), change });
    }
    // A stable sort: equal changes keep table order, cells before facts.
    rows.sort_by(order);
    Ok(Comparison {
        agency: this.agency.name.clone(),
        last_year: last.year,
        this_year: this.year,
        rows,
    })
}

impl Comparison {
    /// The rows whose figure changed.
    pub fn changed(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| !r.change.delta.is_zero())
    }
}

/// A change in % as printed: `+14.5%`, `-20.0%`, or `—` where last year was 0.
pub fn percent_text(change: &Change) -> String {
    match change.percent {
        Some(p) if p.is_sign_positive() && !p.is_zero() => format!("+{p:.1}%"),
        Some(p) => format!("{p:.1}%"),
        None if change.delta.is_zero() => "0.0%".to_owned(),
        None => "—".to_owned(),
    }
}

/// A change as printed: `+12`, `-3`, `0`.
pub fn delta_text(change: &Change) -> String {
    let d = change.delta.normalize();
    if d.is_sign_positive() && !d.is_zero() { format!("+{d}") } else { d.to_string() }
}
