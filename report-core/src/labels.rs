//! The tables' official labels, and the label-keyed form of the three tables.
//!
//! Published data (e.g. `real_reports.json`) gives each table as nested objects whose keys
//! are the official labels of the template, such as
//! `{"三、本年度办理结果": {"（七）总计": {"自然人": 2932, …, "总计": 3050}}}`.
//! [`LabelledTables`] reads that form with serde, from any format (JSON, TOML, …), into
//! the typed [`Tables`], and writes it back:
//!
//! ```
//! # use report_core::labels::LabelledTables;
//! # fn read(json: &str) -> Result<(), serde_json::Error> {
//! let tables: LabelledTables = serde_json::from_str(json)?;
//! for note in &tables.notes { eprintln!("{note}"); }
//! # Ok(()) }
//! ```
//!
//! Reading keeps every stated 总计 as stated (`stated_total: Some(..)`), so that
//! [`crate::validate()`] checks it; a 总计 that is left out is computed. Every other cell
//! is required. All problems are found at once ([`tables_from_labels`]):
//!
//! - an unknown label is an error (rule LABEL) naming it, with the closest official label
//!   at that place as the hint;
//! - a label that differs from the official one only in punctuation or spacing (`1、` for
//!   `1.`, ASCII `(` for `（`, straight quotes) is read as the official label, with a
//!   LABEL-VARIANT warning;
//! - a label of the superseded 2019 trial format is an error (F2019);
//! - a cell that is missing, blank, `/`, negative or not an integer is an error (ALL).

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Invalid, Location, Rule, TableId};
use crate::document::SECTION_TITLES;
use crate::table::catalogue::{Cell, Source, ValueKind};
use crate::table::{Table, rows_of, rows_of_mut};
use crate::tables::{
    ActiveDisclosure, ApplicantCounts, Applications, ReviewsAndLawsuits,
};

pub use crate::tables::{
    CARRIED_FORWARD as CARRIED_FORWARD_LABEL, CARRIED_OVER as CARRIED_OVER_LABEL,
    OTHER_HANDLING as OTHER_HANDLING_LABEL, RECEIVED as RECEIVED_LABEL,
    RESULTS as RESULTS_LABEL, TOTAL as TOTAL_LABEL, TOTAL_ROW as TOTAL_ROW_LABEL,
};

/// The three statutory tables: the key of each in the label-keyed form (`table2_` and
/// the title of section 二, …), its field in [`Tables`], and its catalogue.
fn statutory_tables() -> [(&'static str, &'static str, Vec<Cell>); 3] {
    static KEYS: LazyLock<[String; 3]> = LazyLock::new(|| {
        std::array::from_fn(|i| format!("table{}_{}", i + 2, SECTION_TITLES[i + 1]))
    });
    [
        (KEYS[0].as_str(), "active_disclosure", ActiveDisclosure::catalogue()),
        (KEYS[1].as_str(), "applications", Applications::catalogue()),
        (KEYS[2].as_str(), "reviews_and_lawsuits", ReviewsAndLawsuits::catalogue()),
    ]
}

/// One cell of the three statutory tables, as data files key it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatutoryCell {
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
        self.cell.source != Source::Data || self.cell.stated_row.is_some()
    }
}

/// Every cell of the three tables, stated totals included, in table order: derived from
/// the tables' declarations ([`Table::catalogue`]).
pub fn statutory_cells() -> &'static [StatutoryCell] {
    static CELLS: LazyLock<Vec<StatutoryCell>> = LazyLock::new(|| {
        let mut out = Vec::new();
        for (key, field, cells) in statutory_tables() {
            for cell in cells {
                let labels =
                    std::iter::once(key).chain(cell.keys.iter().copied()).collect();
                let english =
                    std::iter::once(field).chain(cell.fields.iter().copied()).collect();
                out.push(StatutoryCell { labels, english, cell });
            }
        }
        out
    });
    &CELLS
}

/// The key of the section 二 table in the label-keyed form.
pub static TABLE2_KEY: LazyLock<&'static str> = LazyLock::new(|| statutory_tables()[0].0);
/// The key of the section 三 table in the label-keyed form.
pub static TABLE3_KEY: LazyLock<&'static str> = LazyLock::new(|| statutory_tables()[1].0);
/// The key of the section 四 table in the label-keyed form.
pub static TABLE4_KEY: LazyLock<&'static str> = LazyLock::new(|| statutory_tables()[2].0);

/// The cells of one table (by its key), in table order.
fn cells_of(table: &str) -> impl Iterator<Item = &'static StatutoryCell> {
    let table = table.to_owned();
    statutory_cells().iter().filter(move |c| c.labels[0] == table)
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
    for c in cells_of(*TABLE4_KEY) {
        let path = c.labels[1..c.labels.len() - 1].to_vec();
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
});

/// The three columns of the 第二十条第（一）项 rows of section 二.
pub static DOCUMENT_COLUMNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| leaves(&["active_disclosure", "rules"]));
/// Section 二, the 规章 row.
pub static RULES_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "rules"], true));
/// Section 二, the 行政规范性文件 row.
pub static NORMATIVE_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "normative_documents"], true));
/// Section 二, the 行政许可 cell.
pub static LICENSING_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "licensing"], false));
/// Section 二, the 行政处罚 cell.
pub static PENALTIES_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "penalties"], false));
/// Section 二, the 行政强制 cell.
pub static ENFORCEMENT_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "enforcement"], false));
/// Section 二, the fee cell (万元).
pub static FEE_PATH: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| path_of(&["active_disclosure", "fees"], false));

/// The 24 rows of section 三 other than （七）总计, by their labels, in table order:
/// 一, 二, the 21 rows of 三（一）–（六）, 四.
pub static APPLICATION_ROW_PATHS: LazyLock<Vec<&'static [&'static str]>> =
    LazyLock::new(|| {
        let mut out: Vec<&'static [&'static str]> = Vec::new();
        for c in cells_of(*TABLE3_KEY).filter(|c| c.cell.stated_row.is_none()) {
            let row = c.cell.row.as_slice();
            if out.last() != Some(&row) {
                out.push(row);
            }
        }
        out
    });

/// Labels of the superseded 2019 trial format (docs/format.md §3.4), never of the 2021 one.
pub const LABELS_2019: [&str; 9] = [
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "规范性文件",
    "其他对外管理服务事项",
    "第二十条第（九）项",
    "政府集中采购",
];

pub use crate::diagnostic::join_path;

/// The header labels of a section 三 data column (0 = 自然人 … 6 = 总计), e.g.
/// `申请人情况 / 法人或其他组织 / 商业企业`; `申请人情况` alone for an index out of range.
pub fn applicant_column_path(column: usize) -> Vec<&'static str> {
    let first_row = cells_of(*TABLE3_KEY).take(APPLICANT_COLUMNS.len());
    match first_row.map(|c| c.cell.column.clone()).nth(column) {
        Some(path) => path,
        None => cells_of(*TABLE3_KEY)
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

/// A value of the label-keyed form, as any serde format gives it. Numbers keep their
/// exact text: JSON numbers arrive digit for digit (serde_json's `arbitrary_precision`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelNode {
    /// A number, as written (`3985758`, `24252.311082`, `-1`).
    Number(String),
    /// A string, e.g. `"0"`, `"/"` or `""`.
    Text(String),
    /// `true` or `false`.
    Bool(bool),
    /// `null` or a missing value.
    Null,
    /// A list.
    List(Vec<LabelNode>),
    /// An object: labels and their values, in the order given.
    Map(Vec<(String, LabelNode)>),
}

impl LabelNode {
    /// The value under `label` of a map (the first such), if any.
    pub fn get(&self, label: &str) -> Option<&LabelNode> {
        match self {
            LabelNode::Map(entries) => {
                entries.iter().find(|(k, _)| k == label).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    fn describe(&self) -> String {
        match self {
            LabelNode::Number(n) => n.clone(),
            LabelNode::Text(t) if t.trim().is_empty() => "a blank cell".into(),
            LabelNode::Text(t) => format!("\"{t}\""),
            LabelNode::Bool(b) => b.to_string(),
            LabelNode::Null => "null (a blank cell)".into(),
            LabelNode::List(_) => "a list".into(),
            LabelNode::Map(_) => "a group of rows".into(),
        }
    }
}

/// serde_json's private key for an arbitrary-precision number passed as a map.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = LabelNode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or an object keyed by official labels")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<LabelNode, E> {
        Ok(LabelNode::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<LabelNode, E> {
        Ok(LabelNode::Number(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<LabelNode, E> {
        Ok(LabelNode::Number(v.to_string()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<LabelNode, E> {
        Ok(LabelNode::Number(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<LabelNode, E> {
        Ok(LabelNode::Number(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<LabelNode, E> {
        // Only formats without exact numbers get here (TOML): the shortest text that
        // gives back the same f64, e.g. 24252.311082, and a written float stays one
        // (`3.0`, not `3`), so a count given as 3.0 is refused as the data-file reader
        // refuses it.
        let mut text = v.to_string();
        if v.is_finite() && !text.contains('.') {
            text.push_str(".0");
        }
        Ok(LabelNode::Number(text))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<LabelNode, E> {
        Ok(LabelNode::Text(v.to_owned()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<LabelNode, E> {
        Ok(LabelNode::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<LabelNode, E> {
        Ok(LabelNode::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<LabelNode, D::Error> {
        LabelNode::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LabelNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(LabelNode::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LabelNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.is_empty() && key == JSON_NUMBER_TOKEN {
                let text: String = map.next_value()?;
                return Ok(LabelNode::Number(text));
            }
            entries.push((key, map.next_value()?));
        }
        Ok(LabelNode::Map(entries))
    }
}

impl<'de> Deserialize<'de> for LabelNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

impl Serialize for LabelNode {
    /// Integers are written as numbers; any other number as a string, so that no format
    /// loses a digit of it (`"24252.311082"`, `"0.10"`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LabelNode::Number(n) => match n.parse::<u64>() {
                Ok(v) => s.serialize_u64(v),
                Err(_) => s.serialize_str(n),
            },
            LabelNode::Text(t) => s.serialize_str(t),
            LabelNode::Bool(b) => s.serialize_bool(*b),
            LabelNode::Null => s.serialize_unit(),
            LabelNode::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            LabelNode::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// The three statutory tables of one report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    /// Section 二.
    pub active_disclosure: ActiveDisclosure,
    /// Section 三.
    pub applications: Applications,
    /// Section 四.
    pub reviews_and_lawsuits: ReviewsAndLawsuits,
}

/// The three tables in the label-keyed form: serde reads and writes them keyed by the
/// official labels ([`TABLE2_KEY`] …). Reading fails with every problem in its message
/// if there is any error; the warnings are kept in [`LabelledTables::notes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledTables {
    /// The tables, stated totals kept.
    pub tables: Tables,
    /// Warnings found while reading (LABEL-VARIANT).
    pub notes: Vec<Diagnostic>,
}

impl<'de> Deserialize<'de> for LabelledTables {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let node = LabelNode::deserialize(d)?;
        tables_from_labels(&node).map_err(de::Error::custom)
    }
}

impl Serialize for LabelledTables {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        tables_to_labels(&self.tables).serialize(s)
    }
}

/// Every cell's label path, with the table key first, and whether it may be left out.
fn schema() -> impl Iterator<Item = (&'static [&'static str], bool)> {
    statutory_cells().iter().map(|c| (c.labels.as_slice(), c.optional()))
}

/// Where a cell or group is: its table and labels without the table key; a table's or an
/// unknown table's key alone is a [`Location::Key`].
fn location(path: &[&str]) -> Location {
    let table = match path.first() {
        Some(&k) if k == *TABLE2_KEY => Some(TableId::Section2),
        Some(&k) if k == *TABLE3_KEY => Some(TableId::Section3),
        Some(&k) if k == *TABLE4_KEY => Some(TableId::Section4),
        _ => None,
    };
    match (table, path) {
        (Some(table), [_, rest @ ..]) if !rest.is_empty() => Location::cell(table, rest),
        _ => Location::key(path),
    }
}

struct Reader<'a> {
    /// Every official path that is a group (a map), with the table key first.
    groups: BTreeSet<Vec<&'static str>>,
    /// The official labels allowed under each group path.
    children: HashMap<Vec<&'static str>, Vec<&'static str>>,
    /// The cells found, by official path.
    cells: HashMap<Vec<&'static str>, &'a LabelNode>,
    /// The groups found, by official path.
    found_groups: BTreeSet<Vec<&'static str>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    fn new() -> Self {
        let mut groups = BTreeSet::new();
        let mut children: HashMap<Vec<&'static str>, Vec<&'static str>> = HashMap::new();
        for (path, _) in schema() {
            let path = path.to_vec();
            for depth in 0..path.len() {
                let parent = path[..depth].to_vec();
                groups.insert(parent.clone());
                let list = children.entry(parent).or_default();
                if !list.contains(&path[depth]) {
                    list.push(path[depth]);
                }
            }
        }
        Reader {
            groups,
            children,
            cells: HashMap::new(),
            found_groups: BTreeSet::new(),
            diagnostics: Vec::new(),
        }
    }

    fn error(&mut self, rule: Rule, path: &[&str], message: String, hint: String) {
        self.diagnostics.push(Diagnostic::new(rule, location(path), message, hint));
    }

    /// Walks a group of the tree, matching each key to an official label.
    fn walk(&mut self, path: Vec<&'static str>, node: &'a LabelNode) {
        let LabelNode::Map(entries) = node else {
            let message = format!(
                "expected the rows or columns under this label, found {}",
                node.describe()
            );
            let expected =
                self.children.get(&path).map(|c| c.join("、")).unwrap_or_default();
            self.error(Rule::Cells, &path, message, format!("give {expected}"));
            return;
        };
        self.found_groups.insert(path.clone());
        let allowed = self.children.get(&path).cloned().unwrap_or_default();
        let mut seen: BTreeSet<&'static str> = BTreeSet::new();
        for (key, value) in entries {
            if path.is_empty() && key.starts_with('_') {
                continue; // Comments and metadata beside the tables, e.g. `_meta`.
            }
            let Some(label) = self.match_label(&path, key, &allowed) else {
                continue;
            };
            let mut child = path.clone();
            child.push(label);
            if !seen.insert(label) {
                self.error(
                    Rule::Label,
                    &child,
                    format!("the label `{key}` is given twice"),
                    "give each row and column once".into(),
                );
                continue;
            }
            if label == OTHER_HANDLING_LABEL && value.get(APPLICANT_COLUMNS[0]).is_some()
            {
                // The 2021 rows of the group, shortened for the hint.
                let rows: Vec<String> = APPLICATION_ROW_PATHS
                    .iter()
                    .filter(|p| p.get(1) == Some(&OTHER_HANDLING_LABEL))
                    .filter_map(|p| p.last())
                    .map(|l| match l.split_once('、') {
                        Some((head, _)) => format!("{head}…"),
                        None => (*l).to_owned(),
                    })
                    .collect();
                self.diagnostics.push(Diagnostic::new(
                    Rule::Format2019,
                    location(&child),
                    format!(
                        "{OTHER_HANDLING_LABEL} is a single row, as in the superseded 2019 \
                         trial format"
                    ),
                    format!(
                        "the 2021 format splits {OTHER_HANDLING_LABEL} into {} rows: {}",
                        ["no", "one", "two", "three", "four", "five"]
                            .get(rows.len())
                            .copied()
                            .unwrap_or("more"),
                        rows.join(" ")
                    ),
                ));
                continue;
            }
            if self.groups.contains(&child) {
                self.walk(child, value);
            } else {
                self.cells.insert(child, value);
            }
        }
    }

    fn match_label(
        &mut self,
        path: &[&'static str],
        key: &str,
        allowed: &[&'static str],
    ) -> Option<&'static str> {
        if let Some(label) = allowed.iter().find(|l| **l == key) {
            return Some(label);
        }
        let canonical = canonical_label(key);
        if let Some(label) = allowed.iter().find(|l| canonical_label(l) == canonical) {
            let mut at = path.to_vec();
            at.push(label);
            self.diagnostics.push(
                Diagnostic::new(
                    Rule::LabelVariant,
                    location(&at),
                    format!("the label `{key}` is not written as in the template; read as `{label}`"),
                    format!("write `{label}`"),
                )
                .values(*label, key),
            );
            return Some(label);
        }
        let place = location(path).to_string();
        let at = location(&path.iter().copied().chain([key]).collect::<Vec<&str>>());
        if LABELS_2019.iter().any(|l| canonical_label(l) == canonical) {
            self.diagnostics.push(Diagnostic::new(
                Rule::Format2019,
                at,
                format!("`{key}` is a label of the superseded 2019 trial format"),
                "use the 2021 format's table (国办公开办函〔2021〕30号)",
            ));
            return None;
        }
        let closest = closest_label(key, allowed);
        let hint = match closest {
            Some(c) => format!("did you mean `{c}`?"),
            None => "no label is expected here".into(),
        };
        let where_ = if place.is_empty() {
            "at the top level".to_owned()
        } else {
            format!("under {place}")
        };
        let mut d = Diagnostic::new(
            Rule::Label,
            at,
            format!("unknown label `{key}` {where_}"),
            hint,
        );
        d.found = Some(key.to_owned());
        d.expected = closest.map(str::to_owned);
        self.diagnostics.push(d);
        None
    }

    /// The cell at `path`, or an ALL error if it is required and missing.
    fn cell(&mut self, path: &[&'static str], optional: bool) -> Option<&'a LabelNode> {
        if let Some(node) = self.cells.get(path) {
            return Some(*node);
        }
        if optional {
            return None;
        }
        // Report the highest missing group once, not each of its cells.
        let missing = (1..=path.len())
            .map(|n| &path[..n])
            .find(|p| !self.found_groups.contains(*p) && !self.cells.contains_key(*p))
            .unwrap_or(path)
            .to_vec();
        let already = self.diagnostics.iter().any(|d| {
            d.rule == Rule::Cells && d.location == location(&missing) && d.found.is_none()
        });
        if !already {
            self.diagnostics.push(Diagnostic::new(
                Rule::Cells,
                location(&missing),
                "missing: every cell of the table must be given, 0 included".to_owned(),
                "give the number, 0 if there is none".to_owned(),
            ));
        }
        None
    }

    fn bad_cell(&mut self, path: &[&str], node: &LabelNode, what: &str) {
        self.diagnostics.push(
            Diagnostic::new(
                Rule::Cells,
                location(path),
                format!("the cell is {}, not {what}", node.describe()),
                "every cell holds a number; zero is written 0, never blank or /"
                    .to_owned(),
            )
            .values(what, node.describe()),
        );
    }

    fn count(&mut self, path: &[&'static str], optional: bool) -> Option<u64> {
        let node = self.cell(path, optional)?;
        let text = match node {
            LabelNode::Number(n) => n.as_str(),
            LabelNode::Text(t) => t.trim(),
            _ => "",
        };
        match text.parse::<u64>() {
            Ok(v) => Some(v),
            Err(_) => {
                self.bad_cell(path, node, "a non-negative integer");
                None
            }
        }
    }

    fn fee(&mut self, path: &[&'static str]) -> Option<Decimal> {
        let node = self.cell(path, false)?;
        let text = match node {
            LabelNode::Number(n) => n.as_str(),
            LabelNode::Text(t) => t.trim(),
            _ => "",
        };
        match Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text)) {
            Ok(v) if !v.is_sign_negative() || v.is_zero() => Some(v),
            _ => {
                self.bad_cell(path, node, "a non-negative amount in 万元");
                None
            }
        }
    }

    /// The tables, every cell read by its labels and put at its English path (from the
    /// catalogue); a cell in error reads as 0, a total left out stays computed.
    fn tables(&mut self) -> Tables {
        let mut root = serde_json::Value::Object(serde_json::Map::new());
        for c in statutory_cells() {
            if let Some(depth) = c.cell.stated_row
                && !self.found_groups.contains(&c.labels[..=depth])
            {
                continue; // A total row left out: computed.
            }
            let optional = c.cell.source != Source::Data;
            let value = match c.cell.kind {
                ValueKind::Decimal => serde_json::Value::String(
                    self.fee(&c.labels).unwrap_or(Decimal::ZERO).to_string(),
                ),
                ValueKind::Integer | ValueKind::Text => {
                    match self.count(&c.labels, optional) {
                        Some(v) => serde_json::Value::from(v),
                        None if optional => continue,
                        None => serde_json::Value::from(0u64),
                    }
                }
            };
            let mut at = &mut root;
            for field in &c.english {
                at = &mut at[*field];
            }
            *at = value;
        }
        serde_json::from_value(root)
            .expect("the catalogue's field paths are the tables' fields")
    }
}

/// Reads the label-keyed tables (an object with the keys [`TABLE2_KEY`], [`TABLE3_KEY`]
/// and [`TABLE4_KEY`]; keys starting with `_` beside them are ignored).
///
/// `Ok` if nothing is wrong but warnings, with the warnings; `Err` with every diagnostic
/// if there is an error. Stated totals are kept as stated, not checked: that is
/// [`crate::validate()`]'s job ([`Tables::validate`]).
pub fn tables_from_labels(node: &LabelNode) -> Result<LabelledTables, Invalid> {
    let mut reader = Reader::new();
    reader.walk(Vec::new(), node);
    let tables = reader.tables();
    let notes = Invalid::check(reader.diagnostics)?;
    Ok(LabelledTables { tables, notes })
}

fn insert(entries: &mut Vec<(String, LabelNode)>, path: &[&str], value: LabelNode) {
    let Some((first, rest)) = path.split_first() else { return };
    let pos = match entries.iter().position(|(k, _)| k == first) {
        Some(pos) => pos,
        None => {
            entries.push(((*first).to_owned(), LabelNode::Map(Vec::new())));
            entries.len() - 1
        }
    };
    if rest.is_empty() {
        entries[pos].1 = value;
    } else if let LabelNode::Map(children) = &mut entries[pos].1 {
        insert(children, rest, value);
    }
}

/// The tables in the label-keyed form, in table order. A 总计 is written only where it is
/// stated, so reading the result back gives the same tables.
pub fn tables_to_labels(tables: &Tables) -> LabelNode {
    let english = serde_json::to_value(tables).expect("the tables serialise");
    let mut root = Vec::new();
    for c in statutory_cells() {
        let value = c.english.iter().try_fold(&english, |v, field| v.get(*field));
        let text = match value {
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(serde_json::Value::String(s)) => s.clone(),
            _ => continue, // A total left out: computed.
        };
        insert(&mut root, &c.labels, LabelNode::Number(text));
    }
    LabelNode::Map(root)
}
