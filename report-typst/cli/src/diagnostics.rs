//! Printing a data file's problems the way rustc prints its diagnostics: the rule, the
//! message, `--> file:line:column`, the line of the file with the value underlined, the
//! cell's official labels, expected and found values, and the hint; or as JSON. In the
//! language chosen once for the process ([`set_lang`]): Chinese or English.

use std::fmt::Write as _;
use std::sync::OnceLock;

use report_core::datafile::json::FileCheck;
use report_core::datafile::{LoadError, Located, Position, Source};
use report_core::l10n::{self, Lang, arg};
use unicode_width::UnicodeWidthChar;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language of every message printed from now on (once; later calls are
/// ignored).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language chosen with [`set_lang`], English if none was.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// A frame word of the message files in the chosen language.
fn tr(id: &str, args: &[l10n::Arg]) -> String {
    l10n::tr(lang(), id, args)
}

/// A message of the command line's own (`cli-…`, `diff-…` in the message files), in the
/// chosen language.
pub fn say(id: &str, args: &[l10n::Arg]) -> String {
    tr(id, args)
}

/// `error: …` around a message already in the chosen language.
pub fn error_text(message: &str) -> String {
    tr("cli-error", &[l10n::arg("message", message)])
}

/// An operating system's error in the chosen language ([`l10n::io_reason`]).
pub fn io_reason(error: &std::io::Error) -> String {
    l10n::io_reason(lang(), error)
}

/// `error: cannot write …` in the chosen language, the system's reason in it too.
pub fn cannot_write(path: &std::path::Path, error: &std::io::Error) -> String {
    self::error(
        "cli-cannot-write",
        &[l10n::arg("path", path.display()), l10n::arg("reason", io_reason(error))],
    )
}

/// `error: …` in the chosen language, for the command line's own messages.
pub fn error(id: &str, args: &[l10n::Arg]) -> String {
    tr("cli-error", &[l10n::arg("message", say(id, args))])
}

/// Columns a character takes in a terminal: 2 for East Asian wide characters (the
/// `unicode-width` crate's tables), 1 for a control character such as a tab.
fn width(c: char) -> usize {
    c.width().unwrap_or(1)
}

fn text_width(s: &str) -> usize {
    s.chars().map(width).sum()
}

/// `expected 4, found 0` in the chosen language, or nothing. In Chinese a value written
/// in English words (`a non-negative integer`, `no year`) is left out: every Chinese
/// message says itself what was found.
fn values(p: &Located) -> Option<String> {
    let english = |v: &Option<String>| {
        v.as_deref().is_some_and(|v| v.chars().any(|c| c.is_ascii_lowercase()))
    };
    if lang() != Lang::En && (english(&p.expected) || english(&p.found)) {
        return None;
    }
    match (&p.expected, &p.found) {
        (Some(e), Some(f)) => {
            Some(tr("expected-found", &[arg("expected", e), arg("found", f)]))
        }
        (Some(e), None) => Some(tr("expected-only", &[arg("expected", e)])),
        (None, Some(f)) => Some(tr("found-only", &[arg("found", f)])),
        (None, None) => None,
    }
}

/// One problem, rustc style.
pub fn human(problem: &Located, source: &Source) -> String {
    let lang = lang();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}[{}]{}{}",
        problem.severity.name(lang),
        problem.rule,
        tr("colon", &[]),
        problem.message_in(lang)
    );
    let pad = match &problem.place {
        None => {
            let _ = writeln!(out, "  --> {}", source.name);
            "  ".to_owned()
        }
        Some(position) => {
            let label = values(problem).map(|v| format!(" {v}")).unwrap_or_default();
            snippet(&mut out, source, position, &label)
        }
    };
    let location = problem.location.to_string();
    if !location.is_empty() {
        let _ = writeln!(out, "{pad} = {}{location}", tr("cell-label", &[]));
    }
    if problem.place.is_none()
        && problem.expected.is_some()
        && problem.found.is_some()
        && let Some(v) = values(problem)
    {
        let _ = writeln!(out, "{pad} = {v}");
    }
    let hint = problem.hint_in(lang);
    if !hint.is_empty() {
        let _ = writeln!(out, "{pad} = {}{hint}", tr("hint-label", &[]));
    }
    out
}

/// How many columns of a line are shown before and after the value, and of the value.
const CONTEXT: usize = 40;
const VALUE: usize = 80;

/// The longest prefix of `text` at most `columns` wide, and whether it is all of it.
fn take_columns(text: &str, columns: usize) -> (&str, bool) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += width(c);
        if used > columns {
            return (&text[..i], false);
        }
    }
    (text, true)
}

/// The longest suffix of `text` at most `columns` wide, and whether it is all of it.
fn take_last_columns(text: &str, columns: usize) -> (&str, bool) {
    let mut used = 0;
    for (i, c) in text.char_indices().rev() {
        used += width(c);
        if used > columns {
            return (&text[i + c.len_utf8()..], false);
        }
    }
    (text, true)
}

/// `--> file:line:column` and the line of the file with `position` underlined and
/// `label` after the carets; the padding of the line numbers' column. A long line (a
/// single-line JSON file) is cut around the value on both sides, marked `…`; the
/// carets are as wide as the value is in a terminal (a CJK character is two columns).
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
    let text = &source.text;
    let line_start =
        text[..position.span.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let start = position.span.start.clamp(line_start, line_start + line.len());
    let end = position.span.end.clamp(start, line_start + line.len());
    let (before, before_whole) = take_last_columns(&text[line_start..start], CONTEXT);
    let (value, value_whole) = take_columns(&text[start..end], VALUE);
    let after = if value_whole {
        take_columns(&text[end..line_start + line.len()], CONTEXT)
    } else {
        ("", false)
    };
    let (after, after_whole) = after;
    let lead = if before_whole { "" } else { "…" };
    let tail = if after_whole { "" } else { "…" };
    let shown = format!("{lead}{before}{value}{after}{tail}");
    let offset = text_width(lead) + text_width(before);
    let under = text_width(value).max(1);
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{number} | {shown}");
    let _ = writeln!(out, "{pad} | {}{}{label}", " ".repeat(offset), "^".repeat(under));
    let _ = writeln!(out, "{pad} |");
    pad
}

/// A file that could not be read, rustc style.
pub fn human_load_error(error: &LoadError, source: Option<&Source>) -> String {
    let lang = lang();
    let mut out = format!(
        "{}{}{}\n",
        report_core::Severity::Error.name(lang),
        tr("colon", &[]),
        error.in_lang(lang)
    );
    if let (Some(position), Some(source)) = (error.position(), source) {
        snippet(&mut out, source, position, "");
    }
    out
}

/// The summary line of a file's check.
pub fn summary(name: &str, problems: &[Located]) -> String {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let args = [arg("file", name), arg("errors", errors), arg("warnings", warnings)];
    if errors > 0 { tr("summary-errors", &args) } else { tr("summary-clean", &args) }
}

/// A file's check as JSON ([`FileCheck`], the documented shape).
pub fn check_json(name: &str, problems: &[Located]) -> String {
    json_text(&FileCheck::new(name, problems, lang()))
}

/// An unreadable file as JSON ([`FileCheck::unreadable`]).
pub fn load_error_json(error: &LoadError) -> String {
    json_text(&FileCheck::unreadable(error, lang()))
}

fn json_text(check: &FileCheck) -> String {
    serde_json::to_string(check).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
