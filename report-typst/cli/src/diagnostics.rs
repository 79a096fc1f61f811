//! Printing a data file's problems the way rustc prints its diagnostics: the rule, the
//! message, `--> file:line:column`, the line of the file with the value underlined, the
//! cell's official labels, expected and found values, and the hint (drawn by
//! `annotate-snippets`, the library rustc uses); or as JSON. In the
//! language chosen once for the process ([`set_lang`]): Chinese or English.

use std::io::IsTerminal;
use std::sync::OnceLock;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use unicode_width::UnicodeWidthChar;

use report_core::Severity;
use report_core::datafile::json::FileCheck;
use report_core::datafile::{LoadError, Located, Position, Source};
use report_core::l10n::{self, Lang, arg};

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
    let title = format!(
        "{}[{}]{}{}",
        problem.severity.name(lang),
        problem.rule,
        tr("colon", &[]),
        problem.message_in(lang)
    );
    let mut notes = Vec::new();
    let location = problem.location.to_string();
    if !location.is_empty() {
        notes.push(format!("{}{location}", tr("cell-label", &[])));
    }
    // With the line shown, the values label its underline; without, they are a note.
    let label = match &problem.place {
        Some(_) => values(problem),
        None => {
            if problem.expected.is_some()
                && problem.found.is_some()
                && let Some(v) = values(problem)
            {
                notes.push(v);
            }
            None
        }
    };
    let hint = problem.hint_in(lang);
    if !hint.is_empty() {
        notes.push(format!("{}{hint}", tr("hint-label", &[])));
    }
    let position = problem.place.as_ref();
    render(problem.severity, &title, source, position, label.as_deref(), &notes)
}

/// How many columns of a value are underlined at most.
const VALUE_COLUMNS: usize = 80;

/// The longest prefix of `text` at most `columns` wide in a terminal.
fn columns_prefix(text: &str, columns: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.width().unwrap_or(1);
        if used > columns {
            return &text[..i];
        }
    }
    text
}

/// The rustc-style block, drawn by `annotate-snippets` (the library rustc uses): `title`
/// (written whole here, so that the severity and the colon are the chosen language's),
/// `--> file:line:column` and the line of the file with `position` underlined and `label`
/// after the carets, or `--> file` alone without a position; then each note as `= note`.
/// The carets are as wide as the value is in a terminal (a CJK character is two columns,
/// by `unicode-width`); a line too long for the terminal is cut around the value, marked
/// `...`. Coloured only when standard error is a terminal and `NO_COLOR` is not set.
fn render(
    severity: Severity,
    title: &str,
    source: &Source,
    position: Option<&Position>,
    label: Option<&str>,
    notes: &[String],
) -> String {
    // The level only colours the carets (red, or yellow for a warning) on a terminal.
    let level = match severity {
        Severity::Warning => Level::WARNING,
        _ => Level::ERROR,
    };
    let mut group = Group::with_title(level.no_name().primary_title(title));
    group = match position {
        None => group.element(Origin::path(source.name.as_str())),
        Some(position) => {
            // Only the line is handed over: the whole file (up to 16 MiB) would be split
            // into lines again for each problem.
            let text = &source.text;
            let line_start = text[..position.span.start.min(text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line_end =
                text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
            let line = text[line_start..line_end].trim_end_matches('\r');
            // annotate-snippets panics on a span inside a character: floored to one.
            let start = text.floor_char_boundary(
                position.span.start.clamp(line_start, line_start + line.len()),
            );
            let end = text.floor_char_boundary(
                position.span.end.clamp(start, line_start + line.len()),
            );
            // A value wider than the terminal (a paragraph of the prose) would be shown
            // whole, its carets too: its first columns are underlined, the line cut after.
            let end = start + columns_prefix(&text[start..end], VALUE_COLUMNS).len();
            let mut annotation =
                AnnotationKind::Primary.span(start - line_start..end - line_start);
            if let Some(label) = label {
                annotation = annotation.label(label);
            }
            group.element(
                Snippet::source(line)
                    .line_start(position.line)
                    .path(source.name.as_str())
                    .annotation(annotation),
            )
        }
    };
    for note in notes {
        group = group.element(Level::NOTE.no_name().message(note.as_str()));
    }
    let styled =
        std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
    let mut out = renderer.decor_style(DecorStyle::Ascii).render(&[group]);
    out.push('\n');
    out
}

/// A file that could not be read, rustc style.
pub fn human_load_error(error: &LoadError, source: Option<&Source>) -> String {
    let lang = lang();
    let title = format!(
        "{}{}{}",
        Severity::Error.name(lang),
        tr("colon", &[]),
        error.in_lang(lang)
    );
    match (error.position(), source) {
        (Some(position), Some(source)) => {
            render(Severity::Error, &title, source, Some(position), None, &[])
        }
        _ => format!("{title}\n"),
    }
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
