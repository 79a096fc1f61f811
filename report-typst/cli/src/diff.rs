//! `govreport diff LAST THIS`: two reports of the same agency compared cell by cell and
//! fact by fact ([`report_core::diff::compare`]), printed as text, JSON, CSV or an HTML
//! table.

use std::path::Path;

use clap::ValueEnum;
use report_core::Report;
use report_core::datafile;
use report_core::diff::{Comparison, Row, RowKind, compare, delta_text, percent_text};
use report_core::html::Html;
use report_core::l10n::arg;
use unicode_width::UnicodeWidthStr;

use crate::diagnostics;

/// How `diff` prints the comparison (`--format`; each value's description is
/// `cli-value-diff-format-…` in the message files).
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum DiffFormat {
    Text,
    Json,
    Csv,
    Html,
}

/// Reads one data file as a report; `Err` with the exit status after printing why not.
fn load(path: &Path) -> Result<Report, u8> {
    let source = datafile::read_source(path).map_err(|e| {
        eprint!("{}", diagnostics::human_load_error(&e, None));
        super::UNREADABLE
    })?;
    let loaded = datafile::load(source.clone(), None).map_err(|e| {
        eprint!("{}", diagnostics::human_load_error(&e, Some(&source)));
        super::UNREADABLE
    })?;
    match loaded.report {
        Some(report) => Ok(report),
        None => {
            for p in &loaded.problems {
                eprintln!("{}", diagnostics::human(p, &loaded.source));
            }
            eprintln!(
                "{}",
                diagnostics::error("cli-not-a-report", &[arg("path", path.display())])
            );
            Err(super::UNREADABLE)
        }
    }
}

/// Runs `diff`: the exit status.
pub fn run(last: &Path, this: &Path, format: DiffFormat, all: bool, force: bool) -> u8 {
    let (last, this) = match (load(last), load(this)) {
        (Ok(l), Ok(t)) => (l, t),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let comparison = match compare(&last, &this, force) {
        Ok(c) => c,
        Err(refusal) => {
            eprintln!(
                "{}",
                diagnostics::error_text(&refusal.in_lang(diagnostics::lang()))
            );
            return super::ERRORS;
        }
    };
    match format {
        DiffFormat::Text => outln!("{}", text(&comparison, all)),
        DiffFormat::Json => match serde_json::to_string_pretty(&comparison) {
            Ok(json) => outln!("{json}"),
            Err(e) => {
                eprintln!("{}", crate::diagnostics::error_text(&e.to_string()));
                return super::ERRORS;
            }
        },
        DiffFormat::Csv => match csv_text(&comparison) {
            Ok(csv) => out!("{csv}"),
            Err(e) => {
                eprintln!("{}", crate::diagnostics::error_text(&e.to_string()));
                return super::ERRORS;
            }
        },
        DiffFormat::Html => outln!("{}", html(&comparison).as_str()),
    }
    0
}

fn kind(row: &Row) -> &'static str {
    match row.kind {
        RowKind::Cell => "cell",
        RowKind::Fact => "fact",
    }
}

/// The five printed columns of a row.
fn columns(row: &Row) -> [String; 5] {
    [
        row.name.clone(),
        row.change.previous.to_string(),
        row.change.current.to_string(),
        delta_text(&row.change),
        percent_text(&row.change),
    ]
}

/// The comparison as aligned text: the changed rows (every row with `all`).
pub fn text(c: &Comparison, all: bool) -> String {
    let changed = c.changed().count();
    let rows: Vec<&Row> =
        c.rows.iter().filter(|r| all || !r.change.delta.is_zero()).collect();
    let head = [
        diagnostics::say("diff-figure", &[]),
        c.last_year.to_string(),
        c.this_year.to_string(),
        diagnostics::say("diff-change", &[]),
        diagnostics::say("diff-change-pct", &[]),
    ];
    let lines: Vec<[String; 5]> =
        std::iter::once(head).chain(rows.iter().map(|r| columns(r))).collect();
    let mut widths = [0usize; 5];
    for line in &lines {
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = diagnostics::say(
        "diff-summary",
        &[
            arg("agency", &c.agency),
            arg("last", c.last_year),
            arg("this", c.this_year),
            arg("count", c.rows.len()),
            arg("changed", changed),
        ],
    );
    out.push('\n');
    for line in &lines {
        let mut row = String::new();
        for (i, (cell, w)) in line.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - cell.width());
            if i == 0 {
                row.push_str(cell);
                row.push_str(&pad);
            } else {
                row.push_str("  ");
                row.push_str(&pad);
                row.push_str(cell);
            }
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    if !all && changed < c.rows.len() {
        out.push_str(&diagnostics::say(
            "diff-unchanged",
            &[arg("count", c.rows.len() - changed)],
        ));
        out.push('\n');
    }
    out.trim_end().to_owned()
}

/// The comparison as CSV: `kind,name,last,this,change,change_percent`, every row.
pub fn csv_text(c: &Comparison) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["kind", "name", "last", "this", "change", "change_percent"])?;
    for row in &c.rows {
        let [name, last, this, change, _] = columns(row);
        let percent = row.change.percent.map(|p| format!("{p:.1}")).unwrap_or_default();
        w.write_record([kind(row), &name, &last, &this, &change, &percent])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The comparison as an HTML table (escaped by construction through [`Html`]).
pub fn html(c: &Comparison) -> Html {
    let caption = format!("{}: {} → {}", c.agency, c.last_year, c.this_year);
    let (last, this) = (c.last_year.to_string(), c.this_year.to_string());
    let head_cells = ["figure", &last, &this, "change", "change %"];
    let head = Html::element(
        "tr",
        [],
        head_cells
            .iter()
            .map(|h| Html::element("th", [("scope", "col")], [Html::text(h)])),
    );
    let body = c.rows.iter().map(|row| {
        let [name, values @ ..] = columns(row);
        let mut cells = vec![Html::element(
            "th",
            [("scope", "row"), ("class", kind(row))],
            [Html::text(&name)],
        )];
        cells.extend(
            values
                .iter()
                .map(|v| Html::element("td", [("class", "number")], [Html::text(v)])),
        );
        Html::element("tr", [], cells)
    });
    Html::element(
        "table",
        [("class", "govreport-diff")],
        [
            Html::element("caption", [], [Html::text(&caption)]),
            Html::element("thead", [], [head]),
            Html::element("tbody", [], body),
        ],
    )
}
