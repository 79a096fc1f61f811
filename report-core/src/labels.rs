//! The tables' official labels and their lists, derived from the tables' declarations.
//!
//! Every cell of the three statutory tables, with the labels that key it in a data file
//! and its English field path, comes from the derive's catalogue
//! ([`crate::table::Table::catalogue`]) through [`statutory_cells`]; the column and row
//! lists below are read from it, never written out again. The labels of the superseded
//! 2019 trial format, which no table carries, are listed here ([`LABELS_2019`]), and so
//! is the normalisation that matches a label as people write it to the official one
//! ([`canonical_label`], [`closest_label`]). Reading and writing the tables keyed by
//! these labels is [`crate::labelled`].

use std::sync::LazyLock;

use crate::diagnostic::TableId;
use crate::outline::SECTION_TITLES;
use crate::table::catalogue::Cell;
use crate::table::{Table, rows_of, rows_of_mut};
use crate::tables::{
    ActiveDisclosure, ApplicantCounts, Applications, ReviewsAndLawsuits,
};

pub use crate::tables::{
    CARRIED_FORWARD as CARRIED_FORWARD_LABEL, CARRIED_OVER as CARRIED_OVER_LABEL,
    OTHER_HANDLING as OTHER_HANDLING_LABEL, RECEIVED as RECEIVED_LABEL,
    RESULTS as RESULTS_LABEL, TOTAL as TOTAL_LABEL, TOTAL_ROW as TOTAL_ROW_LABEL,
};

/// The key of `table` in the label-keyed form: `table2_` and the title of section 二, …
pub fn table_key(table: TableId) -> &'static str {
    static KEYS: LazyLock<[String; 3]> = LazyLock::new(|| {
        // The variants are sections 二, 三, 四 in order: 0, 1, 2 as numbers.
        TableId::ALL.map(|t| {
            let section = t as usize + 2;
            format!("table{section}_{}", SECTION_TITLES[section - 1])
        })
    });
    KEYS[table as usize].as_str()
}

/// The table whose key in the label-keyed form is `key`, if any.
pub fn table_of_key(key: &str) -> Option<TableId> {
    TableId::ALL.into_iter().find(|t| table_key(*t) == key)
}

/// The three statutory tables: each with its field in [`Tables`] and its catalogue.
fn statutory_tables() -> [(TableId, &'static str, Vec<Cell>); 3] {
    [
        (TableId::Section2, "active_disclosure", ActiveDisclosure::catalogue()),
        (TableId::Section3, "applications", Applications::catalogue()),
        (TableId::Section4, "reviews_and_lawsuits", ReviewsAndLawsuits::catalogue()),
    ]
}

/// One cell of the three statutory tables, as data files key it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatutoryCell {
    /// Its table.
    pub table: TableId,
    /// The labels keying it in the label-keyed form, the table's key first.
    pub labels: Vec<&'static str>,
    /// The English field path under `tables`, the table's field first.
    pub english: Vec<&'static str>,
    /// The cell as its table's catalogue gives it.
    pub cell: Cell,
}

impl StatutoryCell {
    /// Whether the data may leave it out: a stated total, or a cell of a total row
    /// the data may leave out as a whole.
    pub fn optional(&self) -> bool {
        self.cell.optional()
    }
}

/// Every cell of the three tables, stated totals included, in table order: derived from
/// the tables' declarations ([`Table::catalogue`]).
pub fn statutory_cells() -> &'static [StatutoryCell] {
    static CELLS: LazyLock<Vec<StatutoryCell>> = LazyLock::new(|| {
        let mut out = Vec::new();
        for (table, field, cells) in statutory_tables() {
            let key = table_key(table);
            for cell in cells {
                let labels =
                    std::iter::once(key).chain(cell.keys.iter().copied()).collect();
                let english =
                    std::iter::once(field).chain(cell.fields.iter().copied()).collect();
                out.push(StatutoryCell { table, labels, english, cell });
            }
        }
        out
    });
    &CELLS
}

/// The key of the section 二 table in the label-keyed form.
pub static TABLE2_KEY: LazyLock<&'static str> =
    LazyLock::new(|| table_key(TableId::Section2));
/// The key of the section 三 table in the label-keyed form.
pub static TABLE3_KEY: LazyLock<&'static str> =
    LazyLock::new(|| table_key(TableId::Section3));
/// The key of the section 四 table in the label-keyed form.
pub static TABLE4_KEY: LazyLock<&'static str> =
    LazyLock::new(|| table_key(TableId::Section4));

/// The cells of one table, in table order.
fn cells_of(table: TableId) -> impl Iterator<Item = &'static StatutoryCell> {
    statutory_cells().iter().filter(move |c| c.table == table)
}

/// The last label of the cells whose English path starts with `prefix`, in order.
fn leaves(prefix: &[&str]) -> Vec<&'static str> {
    statutory_cells()
        .iter()
        .filter(|c| c.english.starts_with(prefix))
        .filter_map(|c| c.labels.last().copied())
        .collect()
}

/// The labels (table key left out) of the cell or row whose English path is `english`.
fn path_of(english: &[&str], row_only: bool) -> Vec<&'static str> {
    statutory_cells()
        .iter()
        .find(|c| c.english.starts_with(english))
        .map(|c| if row_only { c.cell.row.clone() } else { c.cell.keys.clone() })
        .unwrap_or_default()
}

/// The seven data columns of section 三, in order (the last is 总计).
pub static APPLICANT_COLUMNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| leaves(&["applications", "received"]));

/// The five columns of each kind of case in section 四 (the last is 总计).
pub static OUTCOME_COLUMNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| leaves(&["reviews_and_lawsuits", "review"]));

/// The three kinds of case of section 四, by their labels: 行政复议, then the two kinds of
/// 行政诉讼.
pub static REVIEW_PATHS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut out: Vec<Vec<&'static str>> = Vec::new();
    for c in cells_of(TableId::Section4) {
        let path = c.labels[1..c.labels.len() - 1].to_vec();
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
});

/// The three columns of the 第二十条第（一）项 rows of section 二.
pub(crate) static DOCUMENT_COLUMNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| leaves(&["active_disclosure", "rules"]));
/// Section 二, the 规章 row.
pub(crate) static RULES_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "rules"], true));
/// Section 二, the 行政规范性文件 row.
pub(crate) static NORMATIVE_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "normative_documents"], true));
/// Section 二, the fee cell (万元).
pub(crate) static FEE_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "fees"], false));

/// The 24 rows of section 三 other than （七）总计, by their labels, in table order:
/// 一, 二, the 21 rows of 三（一）–（六）, 四.
pub static APPLICATION_ROW_PATHS: LazyLock<Vec<&'static [&'static str]>> =
    LazyLock::new(|| {
        let mut out: Vec<&'static [&'static str]> = Vec::new();
        for c in cells_of(TableId::Section3).filter(|c| c.cell.stated_row.is_none()) {
            let row = c.cell.row.as_slice();
            if out.last() != Some(&row) {
                out.push(row);
            }
        }
        out
    });

/// The 2019 trial format's name of the row the 2021 format calls 行政规范性文件.
const NORMATIVE_2019: &str = "规范性文件";

/// Labels of the superseded 2019 trial format (docs/format.md §3.4), never of the 2021 one.
pub const LABELS_2019: [&str; 9] = [
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    NORMATIVE_2019,
    "其他对外管理服务事项",
    "第二十条第（九）项",
    "政府集中采购",
];

/// The 2021 label a 2019 label stands for, where the 2021 format has exactly one
/// counterpart (`规范性文件` is the row `行政规范性文件`); `None` for a 2019 label with no
/// 2021 counterpart (`本年新公开数量`, `第二十条第（九）项`, …) or a label that is not of
/// 2019. The counterpart is taken from the tables' declarations, not written again.
pub fn counterpart_2019(label: &str) -> Option<&'static str> {
    // The other labels of [`LABELS_2019`] name columns and rows the 2021 format split,
    // merged or dropped.
    if canonical_label(label) == NORMATIVE_2019 {
        NORMATIVE_PATH.last().copied()
    } else {
        None
    }
}

/// How a label as people write it is read at a place of the tables: the one resolver of
/// both readers (data files, [`crate::labelled`]; published pages, `import`), so that a
/// rule about labels is written once. See [`resolve_label`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Resolved<'a> {
    /// Written as the official label.
    Exact(&'a str),
    /// The official label written with other spacing, brackets or punctuation
    /// ([`canonical_label`]): read as it, a LABEL-VARIANT warning.
    Variant(&'a str),
    /// A label of the superseded 2019 trial format (an F2019 error): read as its one 2021
    /// counterpart where that is allowed here ([`counterpart_2019`]), else not read.
    Format2019(Option<&'a str>),
    /// One edit (a character inserted, deleted or replaced, after [`canonical_label`])
    /// from exactly one allowed label: read as it, a LABEL error.
    Misspelt(&'a str),
    /// None of the above: the closest allowed label and its similarity (normalised
    /// Levenshtein over the canonical forms, 0 to 1), if any is allowed.
    Unknown(Option<(&'a str, f64)>),
}

/// Resolves `label`, as written, against the official labels `allowed` at its place, in
/// this order: exact, a variant of one, a 2019 label, one edit from exactly one,
/// unknown (with the closest).
pub fn resolve_label<'a>(label: &str, allowed: &[&'a str]) -> Resolved<'a> {
    if let Some(l) = allowed.iter().find(|l| **l == label) {
        return Resolved::Exact(l);
    }
    let canonical = canonical_label(label);
    if let Some(l) = allowed.iter().find(|l| canonical_label(l) == canonical) {
        return Resolved::Variant(l);
    }
    if LABELS_2019.iter().any(|l| canonical_label(l) == canonical) {
        let read_as = counterpart_2019(label)
            .and_then(|c| allowed.iter().find(|l| **l == c).copied());
        return Resolved::Format2019(read_as);
    }
    let mut near = allowed
        .iter()
        .filter(|l| strsim::levenshtein(&canonical, &canonical_label(l)) == 1);
    if let (Some(l), None) = (near.next(), near.next()) {
        return Resolved::Misspelt(l);
    }
    Resolved::Unknown(
        closest_label(label, allowed).map(|c| {
            (c, strsim::normalized_levenshtein(&canonical, &canonical_label(c)))
        }),
    )
}

pub use crate::diagnostic::join_path;

/// The header labels of a section 三 data column (0 = 自然人 … 6 = 总计), e.g.
/// `申请人情况 / 法人或其他组织 / 商业企业`; `申请人情况` alone for an index out of range.
pub fn applicant_column_path(column: usize) -> Vec<&'static str> {
    let first_row = cells_of(TableId::Section3).take(APPLICANT_COLUMNS.len());
    match first_row.map(|c| c.cell.column.clone()).nth(column) {
        Some(path) => path,
        None => cells_of(TableId::Section3)
            .next()
            .map(|c| c.cell.column[..1].to_vec())
            .unwrap_or_default(),
    }
}

/// The 24 rows of section 三 other than （七）总计, with their label paths, in table order.
pub fn application_rows(
    t: &Applications,
) -> Vec<(&'static [&'static str], &ApplicantCounts)> {
    APPLICATION_ROW_PATHS.iter().copied().zip(rows_of::<_, ApplicantCounts>(t)).collect()
}

/// The 24 rows of [`application_rows`], mutable.
pub fn application_rows_mut(
    t: &mut Applications,
) -> Vec<(&'static [&'static str], &mut ApplicantCounts)> {
    APPLICATION_ROW_PATHS
        .iter()
        .copied()
        .zip(rows_of_mut::<_, ApplicantCounts>(t))
        .collect()
}

/// A label as written by people, normalised for comparison: spaces removed, ASCII
/// brackets, colon and comma made full-width, full-width digits and full stop made ASCII,
/// `1、` made `1.`, and straight double quotes made curly (“ ”).
pub fn canonical_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut open_quote = true;
    for c in label.chars() {
        let c = match c {
            c if c.is_whitespace() => continue,
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ',' => '，',
            '．' | '。' if out.chars().all(|c| c.is_ascii_digit()) => '.',
            '、' if !out.is_empty() && out.chars().all(|c| c.is_ascii_digit()) => '.',
            c @ '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '"' => {
                open_quote = !open_quote;
                if open_quote { '”' } else { '“' }
            }
            c => c,
        };
        out.push(c);
    }
    out
}

/// The candidate most like `label` (normalised Levenshtein distance over characters of
/// the canonical forms), or `None` if there are no candidates.
pub fn closest_label<'a>(label: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let label = canonical_label(label);
    candidates
        .iter()
        .map(|c| (strsim::normalized_levenshtein(&label, &canonical_label(c)), *c))
        .fold(None, |best: Option<(f64, &'a str)>, (score, c)| match best {
            Some((s, _)) if s >= score => best,
            _ => Some((score, c)),
        })
        .map(|(_, c)| c)
}
