//! Printing a data file's problems the way rustc prints its diagnostics: the rule, the
//! message, `--> file:line:column`, the line of the file with the value underlined, the
//! cell's official labels, expected and found values, and the hint; or as JSON.

use std::fmt::Write as _;

use report_core::datafile::{LoadError, Located, Position, Source};
use report_core::diagnostic::HINT;
use serde_json::{Value, json};

/// Display width of a character in a terminal: 2 for East Asian wide characters.
fn width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

fn text_width(s: &str) -> usize {
    s.chars().map(width).sum()
}

/// One problem, rustc style.
pub fn human(problem: &Located, source: &Source) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}[{}]: {}", problem.severity, problem.rule, problem.message);
    let pad = match &problem.position {
        None => {
            let _ = writeln!(out, "  --> {}", source.name);
            "  ".to_owned()
        }
        Some(position) => {
            let label = match (&problem.expected, &problem.found) {
                (Some(e), Some(f)) => format!(" expected {e}, found {f}"),
                (Some(e), None) => format!(" expected {e}"),
                (None, Some(f)) => format!(" found {f}"),
                (None, None) => String::new(),
            };
            snippet(&mut out, source, position, &label)
        }
    };
    let location = problem.location.to_string();
    if !location.is_empty() {
        let _ = writeln!(out, "{pad} = cell: {location}");
    }
    if problem.position.is_none()
        && let (Some(e), Some(f)) = (&problem.expected, &problem.found)
    {
        let _ = writeln!(out, "{pad} = expected {e}, found {f}");
    }
    if !problem.hint.is_empty() {
        let _ = writeln!(out, "{pad} = {HINT}{}", problem.hint);
    }
    out
}

/// `--> file:line:column` and the line of the file with `position` underlined and
/// `label` after the carets; the padding of the line numbers' column.
fn snippet(
    out: &mut String,
    source: &Source,
    position: &Position,
    label: &str,
) -> String {
    let number = position.line.to_string();
    let pad = " ".repeat(number.len());
    let _ =
        writeln!(out, "{pad}--> {}:{}:{}", source.name, position.line, position.column);
    let line_start = source.text[..position.span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source.text[line_start..]
        .find('\n')
        .map_or(source.text.len(), |i| line_start + i);
    let line = source.text[line_start..line_end].trim_end_matches('\r');
    let start = position.span.start.min(line_start + line.len());
    let end = position.span.end.clamp(start, line_start + line.len());
    // A long line is shown from a little before the value, at most 160 characters.
    let mut from = line_start;
    let skip = source.text[line_start..start].chars().count().saturating_sub(40);
    if let Some((i, _)) = source.text[line_start..start].char_indices().nth(skip) {
        from = line_start + i;
    }
    let prefix = if from > line_start { "…" } else { "" };
    let shown: String = prefix
        .chars()
        .chain(source.text[from..line_start + line.len()].chars().take(160))
        .collect();
    let before = text_width(prefix) + text_width(&source.text[from..start]);
    let under = text_width(&source.text[start..end]).clamp(1, 160);
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{number} | {shown}");
    let _ = writeln!(out, "{pad} | {}{}{label}", " ".repeat(before), "^".repeat(under));
    let _ = writeln!(out, "{pad} |");
    pad
}

/// A file that could not be read, rustc style.
pub fn human_load_error(error: &LoadError, source: Option<&Source>) -> String {
    let mut out = format!("error: {error}\n");
    if let (Some(position), Some(source)) = (error.position(), source) {
        snippet(&mut out, source, position, "");
    }
    out
}

/// The summary line of a file's check.
pub fn summary(name: &str, problems: &[Located]) -> String {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    if errors > 0 {
        format!("error: {name}: {errors} error(s), {warnings} warning(s)")
    } else {
        format!("{name}: no errors, {warnings} warning(s)")
    }
}

/// One problem as JSON.
pub fn problem_json(p: &Located) -> Value {
    json!({
        "rule": p.rule,
        "severity": p.severity,
        "location": p.location,
        "expected": p.expected,
        "found": p.found,
        "message": p.message,
        "hint": p.hint,
        "line": p.position.as_ref().map(|p| p.line),
        "column": p.position.as_ref().map(|p| p.column),
    })
}

/// A file's check as JSON: `{file, ok, errors, warnings, problems: [...]}`.
pub fn check_json(name: &str, problems: &[Located]) -> Value {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    json!({
        "file": name,
        "readable": true,
        "ok": errors == 0,
        "errors": errors,
        "warnings": problems.len() - errors,
        "problems": problems.iter().map(problem_json).collect::<Vec<_>>(),
    })
}

/// An unreadable file as JSON.
pub fn load_error_json(error: &LoadError) -> Value {
    let position = error.position();
    json!({
        "file": error.name(),
        "readable": false,
        "ok": false,
        "errors": 1,
        "warnings": 0,
        "problems": [{
            "rule": "READ",
            "severity": "error",
            "location": "",
            "expected": null,
            "found": null,
            "message": error.to_string(),
            "hint": "",
            "line": position.map(|p| p.line),
            "column": position.map(|p| p.column),
        }],
    })
}
