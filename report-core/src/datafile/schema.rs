//! The JSON Schema (draft 2020-12) of data files, generated from the same label and field
//! lists the reader uses, so that editors complete and check a file as it is written.
//!
//! The committed copy is `report-core/schema/govreport.schema.json`; a test proves it
//! equal to [`json_schema`] and validates the example files against it.
//!
//! The schema is a little stricter than the reader where the reader is forgiving: it
//! wants the official labels exactly (the reader also takes variants such as `1、` for
//! `1.`, with a warning), and cannot check sums (that is `govreport check`'s job).

use serde_json::{Map, Value, json};

use super::paths::cells;
use crate::table::catalogue::{Source, ValueKind};

/// The `$id` of the schema.
pub const SCHEMA_ID: &str = "https://example.invalid/govreport/govreport.schema.json";

fn strings() -> Value {
    json!({"type": "array", "items": {"type": "string"}})
}

/// A tree of object keys, leaves being a schema.
#[derive(Default)]
struct Tree {
    children: Vec<(String, Tree, bool)>,
    leaf: Option<Value>,
    /// Keys are labels: accept the variants the reader accepts (see [`label_pattern`]).
    labels: bool,
}

/// A regular expression matching `label` as the reader accepts it: half-width brackets,
/// colon and comma, `1、` or `1．` for `1.`, full-width digits, straight quotes, and
/// white space around.
pub fn label_pattern(label: &str) -> String {
    let mut out = String::from("^\\s*");
    let mut digits_only = true;
    for c in label.chars() {
        let class = match c {
            '（' => "[（(]".to_owned(),
            '）' => "[）)]".to_owned(),
            '：' => "[：:]".to_owned(),
            '，' => "[，,]".to_owned(),
            '“' | '”' => format!("[{c}\"]"),
            '.' if digits_only => "[.、．。]".to_owned(),
            '0'..='9' => {
                let wide =
                    char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c);
                format!("[{c}{wide}]")
            }
            c if c.is_ascii_punctuation() => format!("\\{c}"),
            c => c.to_string(),
        };
        digits_only &= c.is_ascii_digit();
        out.push_str(&class);
    }
    out.push_str("\\s*$");
    out
}

impl Tree {
    fn insert(&mut self, path: &[&str], leaf: Value, optional: &dyn Fn(&str) -> bool) {
        let Some((first, rest)) = path.split_first() else {
            self.leaf = Some(leaf);
            return;
        };
        let pos = match self.children.iter().position(|(k, _, _)| k == first) {
            Some(p) => p,
            None => {
                let child = Tree { labels: self.labels, ..Tree::default() };
                self.children.push(((*first).to_owned(), child, optional(first)));
                self.children.len() - 1
            }
        };
        self.children[pos].1.insert(rest, leaf, optional);
    }

    /// The schema of this subtree; a row (a group of cells only) is put in `defs` once
    /// and referred to.
    fn schema(&self, description: Option<&str>, defs: &mut Map<String, Value>) -> Value {
        if let Some(leaf) = &self.leaf {
            return leaf.clone();
        }
        let row = description.is_none()
            && self.children.iter().all(|(_, c, _)| c.leaf.is_some());
        if row {
            let schema = self.group(None, defs);
            let existing =
                defs.iter().find(|(_, v)| **v == schema).map(|(k, _)| k.clone());
            let name = existing.unwrap_or_else(|| {
                let name = format!(
                    "{}row_{}",
                    if self.labels { "labelled_" } else { "" },
                    defs.len() + 1
                );
                defs.insert(name.clone(), schema);
                name
            });
            return json!({"$ref": format!("#/$defs/{name}")});
        }
        self.group(description, defs)
    }

    fn group(&self, description: Option<&str>, defs: &mut Map<String, Value>) -> Value {
        let mut properties = Map::new();
        let mut patterns = Map::new();
        let mut required = Vec::new();
        let mut present = Vec::new();
        for (key, child, optional) in &self.children {
            let schema = child.schema(None, defs);
            properties.insert(key.clone(), schema.clone());
            if self.labels {
                let pattern = label_pattern(key);
                patterns.insert(pattern.clone(), schema);
                if !optional {
                    // Some key matches the label's pattern.
                    present.push(
                        json!({"not": {"propertyNames": {"not": {"pattern": pattern}}}}),
                    );
                }
            } else if !optional {
                required.push(Value::String(key.clone()));
            }
        }
        let mut out = json!({
            "type": "object",
            "additionalProperties": false,
            "properties": properties,
        });
        if self.labels {
            out["patternProperties"] = Value::Object(patterns);
            if !present.is_empty() {
                out["allOf"] = Value::Array(present);
            }
        } else {
            out["required"] = Value::Array(required);
        }
        if let Some(d) = description {
            out["description"] = json!(d);
        }
        out
    }
}

/// The schema of the tables keyed by official labels (`real_reports.json`'s form).
fn labelled_tables(defs: &mut Map<String, Value>) -> Value {
    let count = json!({"$ref": "#/$defs/labelled_count"});
    let fee = json!({"$ref": "#/$defs/fee"});
    let mut tree = Tree::default();
    for cell in cells() {
        let leaf = if cell.cell.kind == ValueKind::Decimal {
            fee.clone()
        } else {
            count.clone()
        };
        // The table keys are exact; the labels under them have variants.
        if let Some(table) = cell.labels.first()
            && !tree.children.iter().any(|(k, _, _)| k == table)
        {
            let child = Tree { labels: true, ..Tree::default() };
            tree.children.push(((*table).to_owned(), child, false));
        }
        // What the data may leave out: a stated total, and a row that is one as a whole
        // (（七）总计, keyed at `stated_row`).
        let labels = cell.labels.clone();
        let optional = move |label: &str| {
            let row = cell.cell.stated_row.is_some_and(|d| labels.get(d) == Some(&label));
            let own = cell.cell.source == Source::StatedOrComputed
                && labels.last() == Some(&label);
            row || own
        };
        tree.insert(&cell.labels, leaf, &optional);
    }
    let mut schema = tree.schema(
        Some(
            "the three tables keyed by the official labels of 国办公开办函〔2021〕30号; 总计 \
             may be left out (computed) or given (checked)",
        ),
        defs,
    );
    schema["patternProperties"] = json!({"^_": {}});
    schema
}

/// The schema of the tables under their English field names.
fn english_tables(defs: &mut Map<String, Value>) -> Value {
    let count = json!({"$ref": "#/$defs/count"});
    let fee = json!({"$ref": "#/$defs/fee"});
    let mut tree = Tree::default();
    let optional = |field: &str| field == "stated_total";
    for cell in cells() {
        let leaf = if cell.cell.kind == ValueKind::Decimal {
            fee.clone()
        } else {
            count.clone()
        };
        tree.insert(&cell.english, leaf, &optional);
    }
    tree.schema(
        Some("the three tables under the English field names of report_core::Tables"),
        defs,
    )
}

/// The JSON Schema of a data file (JSON, or TOML read as JSON with dates as strings).
pub fn json_schema() -> Value {
    let mut rows = Map::new();
    let tables =
        json!({"oneOf": [labelled_tables(&mut rows), english_tables(&mut rows)]});
    let item = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "description": format!("the title without its number, e.g. {}", crate::Overview::TITLES[0])},
            "paragraphs": strings(),
            "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
        },
    });
    let item_ref = json!({"$ref": "#/$defs/item"});
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "政府信息公开工作年度报告 data file (govreport)",
        "description": "A complete annual report on government information disclosure, 2021 format.",
        "type": "object",
        "additionalProperties": false,
        "required": ["agency", "year", "date", "preamble", "overview", "problems", "other_matters", "tables"],
        "properties": {
            "$schema": {"type": "string"},
            "year": {"type": "integer", "minimum": -2147483648_i64, "maximum": 2147483647, "description": "统计年度"},
            "date": {"type": "string", "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$", "description": "成文日期, e.g. 2024-01-22"},
            "preamble": strings(),
            "agency": {
                "type": "object",
                "additionalProperties": false,
                "required": ["name", "kind", "level"],
                "properties": {
                    "name": {"type": "string"},
                    "kind": {"enum": ["department", "peoples_government"]},
                    "level": {"enum": ["national", "provincial", "prefecture", "county", "township"]},
                    "address": {"type": "string"},
                    "telephone": {"type": "string"},
                    "website": {"type": "string"},
                },
            },
            "overview": {
                "type": "object",
                "additionalProperties": false,
                "required": ["active_disclosure", "disclosure_on_request", "information_management", "platforms", "oversight"],
                "properties": {
                    "intro": strings(),
                    "active_disclosure": item_ref,
                    "disclosure_on_request": item_ref,
                    "information_management": item_ref,
                    "platforms": item_ref,
                    "oversight": item_ref,
                    "assessment": item_ref,
                },
            },
            "problems": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "paragraphs": strings(),
                    "items": {"type": "array", "items": item_ref},
                },
            },
            "other_matters": {
                "type": "object",
                "additionalProperties": false,
                "required": ["fees"],
                "properties": {
                    "paragraphs": strings(),
                    "fees": item_ref,
                    "items": {"type": "array", "items": item_ref},
                },
            },
            "tables": tables,
        },
        "$defs": {
            "item": item,
            "count": {"type": "integer", "minimum": 0},
            "labelled_count": {
                "anyOf": [
                    {"type": "integer", "minimum": 0},
                    {"type": "string", "pattern": "^\\s*[0-9]+\\s*$"},
                ],
            },
            "fee": {
                "anyOf": [
                    {"type": "number", "minimum": 0},
                    {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*$"},
                ],
                "description": format!("{}, exact: a number or a decimal string", crate::labels::FEE_PATH.last().unwrap_or(&"")),
            },
        },
    });
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        defs.extend(rows);
    }
    schema
}

/// [`json_schema`] as the committed file's text (pretty, with a final newline).
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}
