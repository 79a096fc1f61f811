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

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Invalid, Location, Rule, TableId};
use crate::tables::{
    ActiveDisclosure, ApplicantCounts, Applications, DocumentCounts, Outcomes,
    ReviewsAndLawsuits,
};

/// Key of the section 二 table in the label-keyed form.
pub const TABLE2_KEY: &str = "table2_主动公开政府信息情况";
/// Key of the section 三 table in the label-keyed form.
pub const TABLE3_KEY: &str = "table3_收到和处理政府信息公开申请情况";
/// Key of the section 四 table in the label-keyed form.
pub const TABLE4_KEY: &str = "table4_政府信息公开行政复议、行政诉讼情况";

/// The label of a row's or column's 总计.
pub const TOTAL_LABEL: &str = "总计";
/// Section 三, row 一.
pub const RECEIVED_LABEL: &str = "一、本年新收政府信息公开申请数量";
/// Section 三, row 二.
pub const CARRIED_OVER_LABEL: &str = "二、上年结转政府信息公开申请数量";
/// Section 三, the group of result rows.
pub const RESULTS_LABEL: &str = "三、本年度办理结果";
/// Section 三, the row （七）总计 under [`RESULTS_LABEL`].
pub const TOTAL_ROW_LABEL: &str = "（七）总计";
/// Section 三, row 四.
pub const CARRIED_FORWARD_LABEL: &str = "四、结转下年度继续办理";

/// The seven data columns of section 三, in order (the last is 总计).
pub const APPLICANT_COLUMNS: [&str; 7] =
    ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/// The five columns of each kind of case in section 四 (the last is 总计).
pub const OUTCOME_COLUMNS: [&str; 5] =
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// The three kinds of case of section 四, by their labels: 行政复议, then the two kinds of
/// 行政诉讼.
pub const REVIEW_PATHS: [&[&str]; 3] =
    [&["行政复议"], &["行政诉讼", "未经复议直接起诉"], &["行政诉讼", "复议后起诉"]];

/// The three columns of the 第二十条第（一）项 rows of section 二.
pub const DOCUMENT_COLUMNS: [&str; 3] = ["本年制发件数", "本年废止件数", "现行有效件数"];
/// Section 二, the 规章 row.
pub const RULES_PATH: [&str; 2] = ["第二十条第（一）项", "规章"];
/// Section 二, the 行政规范性文件 row.
pub const NORMATIVE_PATH: [&str; 2] = ["第二十条第（一）项", "行政规范性文件"];
/// Section 二, the 行政许可 cell.
pub const LICENSING_PATH: [&str; 3] =
    ["第二十条第（五）项", "行政许可", "本年处理决定数量"];
/// Section 二, the 行政处罚 cell.
pub const PENALTIES_PATH: [&str; 3] =
    ["第二十条第（六）项", "行政处罚", "本年处理决定数量"];
/// Section 二, the 行政强制 cell.
pub const ENFORCEMENT_PATH: [&str; 3] =
    ["第二十条第（六）项", "行政强制", "本年处理决定数量"];
/// Section 二, the fee cell (万元).
pub const FEE_PATH: [&str; 3] =
    ["第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"];

/// Section 三, the group （六）其他处理 (a single row in the 2019 trial format).
const OTHER_HANDLING_LABEL: &str = "（六）其他处理";

/// The 24 rows of section 三 other than （七）总计, by their labels, in table order:
/// 一, 二, the 21 rows of 三（一）–（六）, 四.
pub const APPLICATION_ROW_PATHS: [&[&str]; 24] = [
    &[RECEIVED_LABEL],
    &[CARRIED_OVER_LABEL],
    &[RESULTS_LABEL, "（一）予以公开"],
    &[RESULTS_LABEL, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
    &[RESULTS_LABEL, "（三）不予公开", "1.属于国家秘密"],
    &[RESULTS_LABEL, "（三）不予公开", "2.其他法律行政法规禁止公开"],
    &[RESULTS_LABEL, "（三）不予公开", "3.危及“三安全一稳定”"],
    &[RESULTS_LABEL, "（三）不予公开", "4.保护第三方合法权益"],
    &[RESULTS_LABEL, "（三）不予公开", "5.属于三类内部事务信息"],
    &[RESULTS_LABEL, "（三）不予公开", "6.属于四类过程性信息"],
    &[RESULTS_LABEL, "（三）不予公开", "7.属于行政执法案卷"],
    &[RESULTS_LABEL, "（三）不予公开", "8.属于行政查询事项"],
    &[RESULTS_LABEL, "（四）无法提供", "1.本机关不掌握相关政府信息"],
    &[RESULTS_LABEL, "（四）无法提供", "2.没有现成信息需要另行制作"],
    &[RESULTS_LABEL, "（四）无法提供", "3.补正后申请内容仍不明确"],
    &[RESULTS_LABEL, "（五）不予处理", "1.信访举报投诉类申请"],
    &[RESULTS_LABEL, "（五）不予处理", "2.重复申请"],
    &[RESULTS_LABEL, "（五）不予处理", "3.要求提供公开出版物"],
    &[RESULTS_LABEL, "（五）不予处理", "4.无正当理由大量反复申请"],
    &[RESULTS_LABEL, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"],
    &[
        RESULTS_LABEL,
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ],
    &[
        RESULTS_LABEL,
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ],
    &[RESULTS_LABEL, "（六）其他处理", "3.其他"],
    &[CARRIED_FORWARD_LABEL],
];

/// Labels of the superseded 2019 trial format (FORMAT.md §3.4), never of the 2021 one.
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
/// `申请人情况 / 法人或其他组织 / 商业企业`; `申请人情况` for an index out of range.
pub fn applicant_column_path(column: usize) -> Vec<&'static str> {
    match column {
        0 | 6 => vec!["申请人情况", APPLICANT_COLUMNS[column]],
        1..=5 => vec!["申请人情况", "法人或其他组织", APPLICANT_COLUMNS[column]],
        _ => vec!["申请人情况"],
    }
}

/// The 24 rows of section 三 other than （七）总计, with their label paths, in table order.
pub fn application_rows(
    t: &Applications,
) -> [(&'static [&'static str], &ApplicantCounts); 24] {
    let r = &t.results;
    let (w, u, n, o) = (&r.withheld, &r.unavailable, &r.not_processed, &r.other_handling);
    let rows = [
        &t.received,
        &t.carried_over,
        &r.disclosed,
        &r.partially_disclosed,
        &w.state_secrets,
        &w.prohibited_by_law,
        &w.security_and_stability,
        &w.third_party_rights,
        &w.internal_affairs,
        &w.process_information,
        &w.enforcement_files,
        &w.inquiry_matters,
        &u.not_held,
        &u.requires_creation,
        &u.still_unclear,
        &n.petitions_and_complaints,
        &n.repeated,
        &n.publications,
        &n.excessive,
        &n.confirmation,
        &o.no_correction,
        &o.fee_unpaid,
        &o.other,
        &t.carried_forward,
    ];
    let mut i = 0;
    rows.map(|row| {
        let path = APPLICATION_ROW_PATHS[i];
        i += 1;
        (path, row)
    })
}

/// The 24 rows of [`application_rows`], mutable.
pub fn application_rows_mut(
    t: &mut Applications,
) -> [(&'static [&'static str], &mut ApplicantCounts); 24] {
    let r = &mut t.results;
    let w = &mut r.withheld;
    let u = &mut r.unavailable;
    let n = &mut r.not_processed;
    let o = &mut r.other_handling;
    let rows = [
        &mut t.received,
        &mut t.carried_over,
        &mut r.disclosed,
        &mut r.partially_disclosed,
        &mut w.state_secrets,
        &mut w.prohibited_by_law,
        &mut w.security_and_stability,
        &mut w.third_party_rights,
        &mut w.internal_affairs,
        &mut w.process_information,
        &mut w.enforcement_files,
        &mut w.inquiry_matters,
        &mut u.not_held,
        &mut u.requires_creation,
        &mut u.still_unclear,
        &mut n.petitions_and_complaints,
        &mut n.repeated,
        &mut n.publications,
        &mut n.excessive,
        &mut n.confirmation,
        &mut o.no_correction,
        &mut o.fee_unpaid,
        &mut o.other,
        &mut t.carried_forward,
    ];
    let mut i = 0;
    rows.map(|row| {
        let path = APPLICATION_ROW_PATHS[i];
        i += 1;
        (path, row)
    })
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
fn schema() -> Vec<(Vec<&'static str>, bool)> {
    let mut cells = Vec::new();
    for row in [RULES_PATH, NORMATIVE_PATH] {
        for column in DOCUMENT_COLUMNS {
            cells.push((vec![TABLE2_KEY, row[0], row[1], column], false));
        }
    }
    for path in [LICENSING_PATH, PENALTIES_PATH, ENFORCEMENT_PATH, FEE_PATH] {
        cells.push((vec![TABLE2_KEY, path[0], path[1], path[2]], false));
    }
    let total_row: &[&str] = &[RESULTS_LABEL, TOTAL_ROW_LABEL];
    let mut rows: Vec<&[&str]> = APPLICATION_ROW_PATHS.to_vec();
    rows.insert(rows.len() - 1, total_row);
    for row in rows {
        for column in APPLICANT_COLUMNS {
            let mut path = vec![TABLE3_KEY];
            path.extend_from_slice(row);
            path.push(column);
            cells.push((path, column == TOTAL_LABEL || row == total_row));
        }
    }
    for row in REVIEW_PATHS {
        for column in OUTCOME_COLUMNS {
            let mut path = vec![TABLE4_KEY];
            path.extend_from_slice(row);
            path.push(column);
            cells.push((path, column == TOTAL_LABEL));
        }
    }
    cells
}

/// Where a cell or group is: its table and labels without the table key; a table's or an
/// unknown table's key alone is a [`Location::Key`].
fn location(path: &[&str]) -> Location {
    let table = match path.first() {
        Some(&TABLE2_KEY) => Some(TableId::Section2),
        Some(&TABLE3_KEY) => Some(TableId::Section3),
        Some(&TABLE4_KEY) => Some(TableId::Section4),
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
                self.diagnostics.push(Diagnostic::new(
                    Rule::Format2019,
                    location(&child),
                    "（六）其他处理 is a single row, as in the superseded 2019 trial format",
                    "the 2021 format splits （六）其他处理 into three rows: \
                     1.申请人无正当理由逾期不补正… 2.申请人逾期未按收费通知要求缴纳费用… 3.其他",
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

    fn counts(&mut self, path: &[&'static str]) -> [u64; 3] {
        DOCUMENT_COLUMNS.map(|c| {
            let mut cell = path.to_vec();
            cell.push(c);
            self.count(&cell, false).unwrap_or(0)
        })
    }

    fn fee(&mut self, path: &[&'static str]) -> Decimal {
        let Some(node) = self.cell(path, false) else { return Decimal::ZERO };
        let text = match node {
            LabelNode::Number(n) => n.as_str(),
            LabelNode::Text(t) => t.trim(),
            _ => "",
        };
        match Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text)) {
            Ok(v) if !v.is_sign_negative() || v.is_zero() => v,
            _ => {
                self.bad_cell(path, node, "a non-negative amount in 万元");
                Decimal::ZERO
            }
        }
    }

    fn applicant_row(
        &mut self,
        row: &[&'static str],
        optional: bool,
    ) -> Option<ApplicantCounts> {
        let mut base = vec![TABLE3_KEY];
        base.extend_from_slice(row);
        if optional && !self.found_groups.contains(&base) {
            return None;
        }
        let mut parts = [0u64; 6];
        for (part, column) in parts.iter_mut().zip(APPLICANT_COLUMNS) {
            let mut cell = base.clone();
            cell.push(column);
            *part = self.count(&cell, false).unwrap_or(0);
        }
        let mut cell = base;
        cell.push(TOTAL_LABEL);
        let stated_total = self.count(&cell, true);
        Some(ApplicantCounts { stated_total, ..ApplicantCounts::new(parts) })
    }

    fn outcomes(&mut self, row: &[&'static str]) -> Outcomes {
        let mut base = vec![TABLE4_KEY];
        base.extend_from_slice(row);
        let [upheld, corrected, other, pending, total] = OUTCOME_COLUMNS.map(|column| {
            let mut cell = base.clone();
            cell.push(column);
            self.count(&cell, column == TOTAL_LABEL)
        });
        Outcomes {
            stated_total: total,
            ..Outcomes::new(
                upheld.unwrap_or(0),
                corrected.unwrap_or(0),
                other.unwrap_or(0),
                pending.unwrap_or(0),
            )
        }
    }

    fn tables(&mut self) -> Tables {
        let doc = |[issued, repealed, in_force]: [u64; 3]| DocumentCounts {
            issued,
            repealed,
            in_force,
        };
        let t2 = |p: [&'static str; 3]| [TABLE2_KEY, p[0], p[1], p[2]];
        let active_disclosure = ActiveDisclosure {
            rules: doc(self.counts(&[TABLE2_KEY, RULES_PATH[0], RULES_PATH[1]])),
            normative_documents: doc(self.counts(&[
                TABLE2_KEY,
                NORMATIVE_PATH[0],
                NORMATIVE_PATH[1],
            ])),
            licensing: self.count(&t2(LICENSING_PATH), false).unwrap_or(0),
            penalties: self.count(&t2(PENALTIES_PATH), false).unwrap_or(0),
            enforcement: self.count(&t2(ENFORCEMENT_PATH), false).unwrap_or(0),
            fees: self.fee(&t2(FEE_PATH)),
        };
        let mut applications = Applications::default();
        for (path, row) in application_rows_mut(&mut applications) {
            if let Some(read) = self.applicant_row(path, false) {
                *row = read;
            }
        }
        applications.results.stated_total =
            self.applicant_row(&[RESULTS_LABEL, TOTAL_ROW_LABEL], true);
        let [review, lawsuits_direct, lawsuits_after_review] =
            REVIEW_PATHS.map(|p| self.outcomes(p));
        Tables {
            active_disclosure,
            applications,
            reviews_and_lawsuits: ReviewsAndLawsuits {
                review,
                lawsuits_direct,
                lawsuits_after_review,
            },
        }
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
    let mut root = Vec::new();
    let number = |v: u64| LabelNode::Number(v.to_string());
    let a = &tables.active_disclosure;
    for (row, d) in [(RULES_PATH, &a.rules), (NORMATIVE_PATH, &a.normative_documents)] {
        for (column, v) in DOCUMENT_COLUMNS.iter().zip([d.issued, d.repealed, d.in_force])
        {
            insert(&mut root, &[TABLE2_KEY, row[0], row[1], column], number(v));
        }
    }
    for (p, v) in [
        (LICENSING_PATH, a.licensing),
        (PENALTIES_PATH, a.penalties),
        (ENFORCEMENT_PATH, a.enforcement),
    ] {
        insert(&mut root, &[TABLE2_KEY, p[0], p[1], p[2]], number(v));
    }
    let p = FEE_PATH;
    insert(
        &mut root,
        &[TABLE2_KEY, p[0], p[1], p[2]],
        LabelNode::Number(a.fees.to_string()),
    );

    let apps = &tables.applications;
    let mut rows: Vec<(&[&str], ApplicantCounts)> =
        application_rows(apps).into_iter().map(|(p, r)| (p, *r)).collect();
    if let Some(total) = apps.results.stated_total {
        rows.insert(rows.len() - 1, (&[RESULTS_LABEL, TOTAL_ROW_LABEL], total));
    }
    for (row, counts) in rows {
        let values = counts.parts().into_iter().map(Some).chain([counts.stated_total]);
        for (column, v) in APPLICANT_COLUMNS.iter().zip(values) {
            if let Some(v) = v {
                let mut path = vec![TABLE3_KEY];
                path.extend_from_slice(row);
                path.push(column);
                insert(&mut root, &path, number(v));
            }
        }
    }
    let r = &tables.reviews_and_lawsuits;
    for (row, o) in
        REVIEW_PATHS.iter().zip([&r.review, &r.lawsuits_direct, &r.lawsuits_after_review])
    {
        let values = [
            Some(o.upheld),
            Some(o.corrected),
            Some(o.other),
            Some(o.pending),
            o.stated_total,
        ];
        for (column, v) in OUTCOME_COLUMNS.iter().zip(values) {
            if let Some(v) = v {
                let mut path = vec![TABLE4_KEY];
                path.extend_from_slice(row);
                path.push(column);
                insert(&mut root, &path, number(v));
            }
        }
    }
    LabelNode::Map(root)
}
