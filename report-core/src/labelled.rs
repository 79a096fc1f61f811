//! The label-keyed form of the three tables: reading and writing them keyed by the
//! official labels ([`crate::labels`]).
//!
//! Published data (e.g. `real_reports.json`) gives each table as nested objects whose keys
//! are the official labels of the template, such as
//! `{"三、本年度办理结果": {"（七）总计": {"自然人": 2932, …, "总计": 3050}}}`.
//! [`LabelledTables`] reads that form with serde, from any format (JSON, TOML, …), into
//! the typed [`Tables`], and writes it back:
//!
//! ```
//! # use report_core::labelled::LabelledTables;
//! # fn read(json: &str) -> Result<(), serde_json::Error> {
//! let tables: LabelledTables = serde_json::from_str(json)?;
//! for note in &tables.notes { eprintln!("{note}"); }
//! # Ok(()) }
//! ```
//!
//! Reading keeps every stated 总计 as stated (`stated_total: Some(..)`), so that
//! [`crate::validate()`] checks it; a 总计 that is left out is computed. Every other cell
//! is required. All problems are found at once ([`tables_from_labels`]). Each key is
//! resolved by [`crate::labels::resolve_label`], the resolver the page importer uses too:
//!
//! - an unknown label is an error (rule LABEL) naming it, with the closest official label
//!   at that place as the hint;
//! - a label that differs from the official one only in punctuation or spacing (`1、` for
//!   `1.`, ASCII `(` for `（`, straight quotes) is read as the official label, with a
//!   LABEL-VARIANT warning;
//! - a label one edit away from exactly one official label at that place (`现形有效件数`)
//!   is an error (LABEL) and is read as that label, so the table's arithmetic still runs;
//! - a label of the superseded 2019 trial format is an error (F2019); one with exactly one
//!   2021 counterpart (`规范性文件`) is read as it, and the labels under it are resolved
//!   as anywhere else, so every rule on its cells still runs; the 2019 single row
//!   of （六）其他处理 is reported once, its three 2021 rows left unknown;
//! - a cell that is missing, blank, `/`, negative or not an integer is an error (ALL); a
//!   blank cell (empty, null, `/`, `-`, `—`) is reported once as blank.
//!
//! [`read_labels`] reads as far as it can and says which cells are unknown
//! ([`crate::partial::Unknown`]), for [`Tables::validate_partial`];
//! [`tables_from_labels`] refuses the tables if reading found an error.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Invalid, Location, Rule};
use crate::l10n::{Arg, arg};
use crate::labels::{
    APPLICANT_COLUMNS, APPLICATION_ROW_PATHS, OTHER_HANDLING_LABEL, Resolved,
    resolve_label, statutory_cells, table_of_key,
};
use crate::partial::Unknown;
use crate::table::catalogue::{Source, ValueKind};
use crate::tables::Tables;

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

    /// The arguments `kind` and `value` that the message `cell-value` describes the
    /// node with, in either language.
    fn value_args(&self) -> Vec<Arg> {
        let (kind, value) = match self {
            LabelNode::Number(n) => ("number", n.clone()),
            LabelNode::Text(t) if t.trim().is_empty() => ("blank", String::new()),
            LabelNode::Text(t) => ("text", t.clone()),
            LabelNode::Bool(b) => ("number", b.to_string()),
            LabelNode::Null => ("null", String::new()),
            LabelNode::List(_) => ("list", String::new()),
            LabelNode::Map(_) => ("map", String::new()),
        };
        vec![arg("kind", kind), arg("value", value)]
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

/// The three tables in the label-keyed form: serde reads and writes them keyed by the
/// official labels ([`crate::labels::TABLE2_KEY`] …). Reading fails with every problem in its message
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
    let table = path.first().and_then(|key| table_of_key(key));
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
    /// Groups given in the 2019 trial format's shape (reported once, as F2019): their
    /// cells are unknown, not missing.
    replaced: BTreeSet<Vec<&'static str>>,
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
            replaced: BTreeSet::new(),
            diagnostics: Vec::new(),
        }
    }

    fn error(&mut self, rule: Rule, path: &[&str], id: &'static str, args: Vec<Arg>) {
        self.diagnostics.push(Diagnostic::from_id(rule, location(path), id, args));
    }

    /// Walks a group of the tree, matching each key to an official label.
    fn walk(&mut self, path: Vec<&'static str>, node: &'a LabelNode) {
        let LabelNode::Map(entries) = node else {
            let expected =
                self.children.get(&path).map(|c| c.join("、")).unwrap_or_default();
            let mut args = node.value_args();
            args.push(arg("expected", expected));
            self.error(Rule::Cells, &path, "cell-not-group", args);
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
                self.error(Rule::Label, &child, "label-twice", vec![arg("key", key)]);
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
                self.diagnostics.push(Diagnostic::from_id(
                    Rule::Format2019,
                    location(&child),
                    "f2019-single-row",
                    vec![
                        arg("label", OTHER_HANDLING_LABEL),
                        arg("count", rows.len()),
                        arg("rows", rows.join(" ")),
                    ],
                ));
                self.replaced.insert(child);
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
        let place = location(path).to_string();
        let at = location(&path.iter().copied().chain([key]).collect::<Vec<&str>>());
        let official_at = |label: &'static str| {
            location(&path.iter().copied().chain([label]).collect::<Vec<&str>>())
        };
        match resolve_label(key, allowed) {
            Resolved::Exact(label) => Some(label),
            Resolved::Variant(label) => {
                self.diagnostics.push(
                    Diagnostic::from_id(
                        Rule::LabelVariant,
                        official_at(label),
                        "label-variant",
                        vec![arg("key", key), arg("label", label)],
                    )
                    .values(label, key),
                );
                Some(label)
            }
            Resolved::Format2019(read_as) => {
                let mut d = match read_as {
                    Some(label) => Diagnostic::from_id(
                        Rule::Format2019,
                        at,
                        "label-2019-read-as",
                        vec![arg("key", key), arg("label", label)],
                    ),
                    None => Diagnostic::from_id(
                        Rule::Format2019,
                        at,
                        "label-2019",
                        vec![arg("key", key)],
                    ),
                };
                if let Some(label) = read_as {
                    d = d.values(label, key);
                }
                self.diagnostics.push(d);
                read_as
            }
            Resolved::Misspelt(label) => {
                // Unambiguous: read as the official label for the arithmetic, the error
                // kept.
                let id =
                    if place.is_empty() { "label-read-as-top" } else { "label-read-as" };
                let args =
                    vec![arg("key", key), arg("place", &place), arg("label", label)];
                let mut d = Diagnostic::from_id(Rule::Label, at, id, args);
                d.found = Some(key.to_owned());
                d.expected = Some(label.to_owned());
                self.diagnostics.push(d);
                Some(label)
            }
            Resolved::Unknown(closest) => {
                let closest = closest.map(|(label, _)| label);
                let id = match (place.is_empty(), closest.is_some()) {
                    (true, true) => "label-unknown-top",
                    (true, false) => "label-unknown-top-none",
                    (false, true) => "label-unknown",
                    (false, false) => "label-unknown-none",
                };
                let args = vec![
                    arg("key", key),
                    arg("place", &place),
                    arg("closest", closest.unwrap_or_default()),
                ];
                let mut d = Diagnostic::from_id(Rule::Label, at, id, args);
                d.found = Some(key.to_owned());
                d.expected = closest.map(str::to_owned);
                self.diagnostics.push(d);
                None
            }
        }
    }

    /// The cell at `path`, or an ALL error if it is required and missing.
    fn cell(&mut self, path: &[&'static str], optional: bool) -> Option<&'a LabelNode> {
        if let Some(node) = self.cells.get(path) {
            return Some(*node);
        }
        if optional || (1..=path.len()).any(|n| self.replaced.contains(&path[..n])) {
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
            self.diagnostics.push(Diagnostic::from_id(
                Rule::Cells,
                location(&missing),
                "cell-missing",
                vec![],
            ));
        }
        None
    }

    /// ALL: a cell that is not what it must be; `want` is `count` or `fee`. A blank
    /// cell is reported as blank, once: it is unknown, never 0.
    fn bad_cell(&mut self, path: &[&str], node: &LabelNode, want: &str) {
        let what = match want {
            "fee" => "a non-negative amount in 万元",
            _ => "a non-negative integer",
        };
        let id = if is_blank(node) { "cell-blank" } else { "cell-bad" };
        let mut args = node.value_args();
        args.push(arg("want", want));
        let found = match node {
            LabelNode::Text(t) if is_blank(node) => format!("\"{t}\""),
            LabelNode::Null => "null".to_owned(),
            _ => node.describe(),
        };
        self.diagnostics.push(
            Diagnostic::from_id(Rule::Cells, location(path), id, args)
                .values(what, found),
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
                self.bad_cell(path, node, "count");
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
        match exact_decimal(text) {
            Ok(v) if !v.is_sign_negative() || v.is_zero() => Some(v),
            Err(FeeError::TooPrecise) => {
                self.diagnostics.push(fee_too_precise(location(path), text));
                None
            }
            _ => {
                self.bad_cell(path, node, "fee");
                None
            }
        }
    }

    /// The tables, every cell read by its labels and put at its English path (from the
    /// catalogue), and the mask of the cells that could not be read ([`Unknown`]): such
    /// a cell is 0 in the tables and 1 in the mask. A total left out stays computed.
    fn tables(&mut self) -> (Tables, Unknown) {
        let mut root = serde_json::Value::Object(serde_json::Map::new());
        let mut mask = serde_json::Value::Object(serde_json::Map::new());
        for c in statutory_cells() {
            if let Some(depth) = c.cell.stated_row
                && !self.found_groups.contains(&c.labels[..=depth])
            {
                continue; // A total row left out: computed.
            }
            let optional = c.cell.source != Source::Data;
            let (value, unknown) = match c.cell.kind {
                ValueKind::Decimal => match self.fee(&c.labels) {
                    Some(v) => (serde_json::Value::String(v.to_string()), false),
                    None => (serde_json::Value::String(Decimal::ZERO.to_string()), true),
                },
                ValueKind::Integer | ValueKind::Text => {
                    match self.count(&c.labels, optional) {
                        Some(v) => (serde_json::Value::from(v), false),
                        // A stated total left out: computed from its parts.
                        None if optional && !self.cells.contains_key(&c.labels) => {
                            continue;
                        }
                        None => (serde_json::Value::from(0u64), true),
                    }
                }
            };
            let flag = match c.cell.kind {
                ValueKind::Decimal => {
                    serde_json::Value::String(u8::from(unknown).to_string())
                }
                _ => serde_json::Value::from(u8::from(unknown)),
            };
            for (tree, value) in [(&mut root, value), (&mut mask, flag)] {
                let mut at = tree;
                for field in &c.english {
                    at = &mut at[*field];
                }
                *at = value;
            }
        }
        let read = |tree| {
            serde_json::from_value(tree)
                .expect("the catalogue's field paths are the tables' fields")
        };
        (read(root), Unknown::from_mask(read(mask)))
    }
}

/// The most significant digits of a fee that [`Decimal`] keeps exactly in every case (its
/// 96-bit mantissa holds any 28-digit number, and some of 29).
pub const MAX_FEE_DIGITS: usize = 28;

/// ALL: a fee with more significant digits than [`MAX_FEE_DIGITS`], at `location`.
pub(crate) fn fee_too_precise(location: Location, text: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Cells,
        location,
        "cell-fee-digits",
        vec![arg("found", text), arg("max", MAX_FEE_DIGITS)],
    )
    .values(format!("at most {MAX_FEE_DIGITS} significant digits"), text)
}

/// Why a fee's text is not an exact [`Decimal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FeeError {
    /// Not a decimal number at all.
    NotANumber,
    /// More significant digits than [`MAX_FEE_DIGITS`]: it would be rounded.
    TooPrecise,
}

/// A fee's text as an exact [`Decimal`]: plain (`12.5`, `0.10`) or scientific (`1.25e1`)
/// notation, never rounded. Trailing zeros are kept (`0.10` prints as written).
pub(crate) fn exact_decimal(text: &str) -> Result<Decimal, FeeError> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let unsigned = mantissa.strip_prefix(['-', '+']).unwrap_or(mantissa);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_only(int) || !digits_only(frac) {
        return Err(FeeError::NotANumber);
    }
    let all = format!("{int}{frac}");
    let significant = all.trim_start_matches('0');
    if significant.len() > MAX_FEE_DIGITS || frac.len() > MAX_FEE_DIGITS {
        return Err(FeeError::TooPrecise);
    }
    let value = Decimal::from_str_exact(mantissa).map_err(|_| FeeError::TooPrecise)?;
    let Some(exponent) = exponent else { return Ok(value) };
    let exponent: i32 = exponent.parse().map_err(|_| FeeError::NotANumber)?;
    // Shift the decimal point: the scale falls by the exponent; past the mantissa's
    // digits, zeros are written out.
    let scale = value.scale() as i64 - i64::from(exponent);
    if scale >= 0 {
        Decimal::try_from_i128_with_scale(value.mantissa(), scale as u32)
            .map_err(|_| FeeError::TooPrecise)
    } else {
        10i128
            .checked_pow((-scale) as u32)
            .and_then(|p| value.mantissa().checked_mul(p))
            .filter(|m| m.unsigned_abs() < 10u128.pow(MAX_FEE_DIGITS as u32))
            .and_then(|m| Decimal::try_from_i128_with_scale(m, 0).ok())
            .ok_or(FeeError::TooPrecise)
    }
}

/// Puts the numbers of a label tree back to their text in the file: a format's reader
/// gives floats as `f64` (`0.10` becomes `0.1`, `12345678.1234567891` loses digits), the
/// file has them exactly. `node` and `tree` are the same value read twice, the tree with
/// each value's span in `text` ([`crate::datafile::spans`]); keys are matched exactly.
#[cfg(feature = "datafile")]
pub(crate) fn exact_numbers(
    node: &mut LabelNode,
    tree: &crate::datafile::spans::Node,
    text: &str,
) {
    use crate::datafile::spans::Kind;
    match (node, &tree.kind) {
        (LabelNode::Map(entries), Kind::Map(spans)) => {
            for (key, value) in entries {
                if let Some((_, _, sub)) = spans.iter().find(|(k, _, _)| k == key) {
                    exact_numbers(value, sub, text);
                }
            }
        }
        (LabelNode::List(items), Kind::List(spans)) => {
            for (value, sub) in items.iter_mut().zip(spans) {
                exact_numbers(value, sub, text);
            }
        }
        (LabelNode::Number(n), Kind::Scalar | Kind::Float) => {
            if let Some(written) = text.get(tree.span.clone()).and_then(number_text) {
                *n = written;
            }
        }
        _ => {}
    }
}

/// A number as written in TOML or JSON, in the plain form [`exact_decimal`] reads
/// (`+1_000.50` → `1000.50`); `None` for what is not a decimal number (`0x1F`, `inf`).
#[cfg(feature = "datafile")]
pub(crate) fn number_text(written: &str) -> Option<String> {
    let plain: String = written.trim().trim_start_matches('+').replace('_', "");
    let body = plain.strip_prefix('-').unwrap_or(&plain);
    let ok = !body.is_empty()
        && body.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && body.bytes().all(|b| b.is_ascii_digit() || b".eE+-".contains(&b));
    ok.then_some(plain)
}

/// Whether a cell is blank as people leave one: null, empty, `/`, or a dash.
fn is_blank(node: &LabelNode) -> bool {
    match node {
        LabelNode::Null => true,
        LabelNode::Text(t) => {
            matches!(t.trim(), "" | "/" | "／" | "-" | "－" | "—" | "——" | "–")
        }
        _ => false,
    }
}

/// The label-keyed tables read as far as they can be: the tables (a cell that could not
/// be read is 0), which cells are [`Unknown`], and every diagnostic of the reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialTables {
    /// The tables, stated totals kept, unknown cells 0.
    pub tables: Tables,
    /// The cells that could not be read.
    pub unknown: Unknown,
    /// Every problem found while reading, errors and warnings, in reading order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the label-keyed tables as far as they can be read, never stopping at a
/// problem: a label one edit away from exactly one official label is read as that label
/// (the LABEL error kept), a 2019 row is reported and the rest read, and a blank cell is
/// reported once and marked unknown. Validate the result with
/// [`Tables::validate_partial`].
pub fn read_labels(node: &LabelNode) -> PartialTables {
    let mut reader = Reader::new();
    reader.walk(Vec::new(), node);
    let (tables, unknown) = reader.tables();
    PartialTables { tables, unknown, diagnostics: reader.diagnostics }
}

/// Reads the label-keyed tables (an object keyed by [`crate::labels::table_key`]; keys
/// starting with `_` beside them are ignored).
///
/// `Ok` if nothing is wrong but warnings, with the warnings; `Err` with every diagnostic
/// if there is an error. Stated totals are kept as stated, not checked: that is
/// [`crate::validate()`]'s job ([`Tables::validate`]).
pub fn tables_from_labels(node: &LabelNode) -> Result<LabelledTables, Invalid> {
    let read = read_labels(node);
    let notes = Invalid::check(read.diagnostics)?;
    Ok(LabelledTables { tables: read.tables, notes })
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
