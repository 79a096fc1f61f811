//! The result of checking a data file as JSON, the shape `govreport check --format json`
//! prints and other tools read: one [`FileCheck`] per file, each problem a [`Problem`]
//! with its rule, severity, place (as printed and as fields), expected and found
//! values, message and hint in the chosen language, and line and column in the file.
//!
//! ```
//! use report_core::datafile::{self, Format, Source, json::FileCheck};
//! use report_core::l10n::Lang;
//! let text = "year = 2023"; // far from a whole report: one DATA problem
//! let loaded = datafile::load(Source::new("r.toml", text, Format::Toml), None)?;
//! let check = FileCheck::new(&loaded.source.name, &loaded.problems, Lang::En);
//! let json = serde_json::to_value(&check)?;
//! assert_eq!(json["ok"], false);
//! assert_eq!(json["problems"][0]["rule"], "DATA");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Objects are written with their keys in alphabetical order.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::{Location, Rule, Severity, TableId};
use crate::l10n::Lang;
use crate::labels::table_key;

use super::{LoadError, Located};

/// One file's check: whether it could be read, its counts and every problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FileCheck {
    /// How many problems are errors.
    pub errors: usize,
    /// The file's name as given.
    pub file: String,
    /// No error.
    pub ok: bool,
    /// Every problem, in reading order.
    pub problems: Vec<Problem>,
    /// Whether the file could be read at all (a [`LoadError`] if not).
    pub readable: bool,
    /// How many problems are warnings.
    pub warnings: usize,
}

impl FileCheck {
    /// The check of a file that was read, with its problems, messages in `lang`.
    pub fn new(file: &str, problems: &[Located], lang: Lang) -> FileCheck {
        let errors = problems.iter().filter(|p| p.is_error()).count();
        FileCheck {
            errors,
            file: file.to_owned(),
            ok: errors == 0,
            problems: problems.iter().map(|p| Problem::new(p, lang)).collect(),
            readable: true,
            warnings: problems.len() - errors,
        }
    }

    /// A file that could not be read: one problem of rule `READ` saying why.
    pub fn unreadable(error: &LoadError, lang: Lang) -> FileCheck {
        let position = error.position();
        FileCheck {
            errors: 1,
            file: error.name().to_owned(),
            ok: false,
            problems: vec![Problem {
                arguments: None,
                column: position.map(|p| p.column),
                expected: None,
                found: None,
                hint: String::new(),
                lang,
                line: position.map(|p| p.line),
                location: String::new(),
                message: error.in_lang(lang),
                message_id: None,
                place: Place::Report,
                rule: "READ".to_owned(),
                severity: Severity::Error,
            }],
            readable: false,
            warnings: 0,
        }
    }
}

/// One problem of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Problem {
    /// The message's arguments by name (absent for a file that could not be read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arguments: Option<BTreeMap<String, String>>,
    /// 1-based column in characters, where the value is in the file.
    pub column: Option<usize>,
    /// The value the rule expects, when it has one.
    pub expected: Option<String>,
    /// The value found.
    pub found: Option<String>,
    /// The hint in `lang`.
    pub hint: String,
    /// The language of `message` and `hint`.
    pub lang: Lang,
    /// 1-based line, where the value is in the file.
    pub line: Option<usize>,
    /// The place as printed (`三、… / （七）总计 / 自然人`).
    pub location: String,
    /// The message in `lang`.
    pub message: String,
    /// The message's id in the message files (absent for a file that could not be read;
    /// `null` for a diagnostic made without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<Option<&'static str>>,
    /// The place as fields.
    pub place: Place,
    /// The rule's code (`T3-C`, `ALL`, `READ` …).
    pub rule: String,
    /// Error or warning.
    pub severity: Severity,
}

impl Problem {
    /// A located diagnostic, its texts in `lang`.
    pub fn new(p: &Located, lang: Lang) -> Problem {
        let arguments = p
            .text
            .iter()
            .flat_map(|t| t.args.iter())
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        Problem {
            arguments: Some(arguments),
            column: p.place.as_ref().map(|p| p.column),
            expected: p.expected.clone(),
            found: p.found.clone(),
            hint: p.hint_in(lang),
            lang,
            line: p.place.as_ref().map(|p| p.line),
            location: p.location.to_string(),
            message: p.message_in(lang),
            message_id: Some(p.text.as_ref().map(|t| t.id)),
            place: Place::of(&p.location),
            rule: rule_code(p.rule),
            severity: p.severity,
        }
    }
}

/// A rule's code as JSON writes it.
fn rule_code(rule: Rule) -> String {
    match serde_json::to_value(rule) {
        Ok(serde_json::Value::String(code)) => code,
        _ => rule.to_string(),
    }
}

/// Where a problem is, as fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Place {
    /// The report as a whole.
    Report,
    /// Last year's report (given for the cross-year checks).
    Previous,
    /// A cell, row, column or group of a statutory table.
    Table {
        /// The official labels below the table's heading.
        labels: Vec<String>,
        /// The table.
        table: TableId,
        /// The table's key in data files (`table3_收到和处理政府信息公开申请情况`).
        table_key: &'static str,
    },
    /// A text of the report, by its parts.
    Text {
        /// The parts.
        path: Vec<String>,
    },
    /// A key of the data file.
    Key {
        /// The keys.
        path: Vec<String>,
    },
}

impl Place {
    /// The fields of `location`.
    pub fn of(location: &Location) -> Place {
        match location {
            Location::Report => Place::Report,
            Location::Previous => Place::Previous,
            Location::Table { table, labels } => Place::Table {
                labels: labels.clone(),
                table: *table,
                table_key: table_key(*table),
            },
            Location::Text { path } => Place::Text { path: path.clone() },
            Location::Key { path } => Place::Key { path: path.clone() },
        }
    }
}
