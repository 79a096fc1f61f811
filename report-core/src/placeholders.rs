//! Placeholders in prose: `{申请.本年新收}` prints the table's figure, `{申请.本年新收.较上年}`
//! its change from last year (`增加12件（14.5%）`, `减少3件（20.0%）`, `持平`),
//! `{申请.本年新收.上年}` last year's figure, and `{机关.网址}` … the agency's contact
//! details. `{{` and `}}` print a literal brace.
//!
//! The names are the facts' ([`Facts::NAMES`]) and [`TEXT_NAMES`]. Every prose text of a
//! report (the preamble, paragraphs and item titles; not the agency's own fields, nor the
//! cells of an item's own tables) is such a template. Validation reports each placeholder
//! that cannot be filled as an error (rule PLACEHOLDER): an unknown name (quoted, with the
//! closest name as a hint), a change asked for without last year's report, a brace left
//! open or a closing brace without an opening one. An agency detail that is empty prints
//! as nothing, with a warning (EMPTY).
//!
//! A placeholder is replaced by plain text, which the printers then escape like any other
//! text ([`crate::markup::Code::str`], [`crate::html::Html::text`]): a value can never
//! become markup. [`fill`] gives the report as printed.
//!
//! ```
//! use report_core::chrono::NaiveDate;
//! use report_core::placeholders::Context;
//! use report_core::{AdminLevel, Agency, AgencyKind, ApplicantCounts, Report};
//!
//! let agency = Agency::new("某县教育局", AgencyKind::Department, AdminLevel::County);
//! let date = NaiveDate::from_ymd_opt(2026, 1, 20).expect("a date");
//! let mut report = Report::new(agency, 2025, date);
//! let mut last_year = report.clone();
//! last_year.year = 2024;
//! last_year.applications.received = ApplicantCounts { natural_persons: 83, ..Default::default() };
//! report.applications.received = ApplicantCounts { natural_persons: 95, ..Default::default() };
//!
//! let context = Context::new(&report, Some(&last_year));
//! let text = context.expand("收到申请{申请.本年新收}件，较上年{申请.本年新收.较上年}。{{注}}");
//! assert_eq!(text.as_deref(), Ok("收到申请95件，较上年增加12件（14.5%）。{注}"));
//! ```

use crate::diagnostic::{Diagnostic, Location, Rule};
use crate::facts::Facts;
use crate::fields::{Field, Seg};
use crate::l10n::arg;
use crate::model::{Item, Report};

/// The suffix that asks for a fact's change from last year: `{申请.本年新收.较上年}`.
pub const CHANGE_SUFFIX: &str = ".较上年";
/// The suffix that asks for last year's figure: `{申请.本年新收.上年}`.
pub const PREVIOUS_SUFFIX: &str = ".上年";

/// A placeholder that prints a text of the report rather than a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextName {
    /// The agency's full name.
    AgencyName,
    /// The agency's contact address.
    Address,
    /// The agency's contact telephone.
    Telephone,
    /// The website where the electronic version is published.
    Website,
    /// The statistical year, e.g. `2025`.
    Year,
}

/// The names of the text placeholders, each with what it prints. Written once here.
pub const TEXT_NAMES: [(&str, TextName); 5] = [
    ("机关.名称", TextName::AgencyName),
    ("机关.地址", TextName::Address),
    ("机关.电话", TextName::Telephone),
    ("机关.网址", TextName::Website),
    ("报告.年度", TextName::Year),
];

/// The name of a text placeholder.
pub fn text_name(which: TextName) -> &'static str {
    TEXT_NAMES.iter().find(|(_, t)| *t == which).map_or("", |(n, _)| n)
}

/// Every name a placeholder may take: the facts, their `.较上年` and `.上年` forms, and
/// the text names.
pub fn all_names() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in Facts::NAMES {
        out.push((*name).to_owned());
        out.push(format!("{name}{CHANGE_SUFFIX}"));
        out.push(format!("{name}{PREVIOUS_SUFFIX}"));
    }
    out.extend(TEXT_NAMES.iter().map(|(n, _)| (*n).to_owned()));
    out
}

/// Why a placeholder cannot be filled. [`Problem::diagnostic`] turns it into a
/// [`Diagnostic`]: of rule PLACEHOLDER (an error), or EMPTY (a warning) for an empty
/// agency detail, which prints as nothing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Problem {
    /// `{name}` names no fact or text; `closest` is the nearest name, if any is near.
    Unknown {
        /// The name as written.
        name: String,
        /// The closest known name.
        closest: Option<String>,
    },
    /// `{name.较上年}` or `{name.上年}` without last year's report.
    NeedsPrevious {
        /// The name as written, with its suffix.
        name: String,
    },
    /// `{机关.网址}` … whose field is empty: a warning (EMPTY), as it prints as nothing.
    Empty {
        /// The name as written.
        name: String,
    },
    /// A `{` at this character (1-based) without a closing `}`.
    Unclosed {
        /// 1-based character position.
        at: usize,
    },
    /// A `}` at this character (1-based) without an opening `{`.
    Unopened {
        /// 1-based character position.
        at: usize,
    },
}

impl Problem {
    /// The diagnostic of this problem in the text at `location`. Each kind of problem
    /// has its one message here.
    pub fn diagnostic(&self, location: Location) -> Diagnostic {
        let braced = |name: &str| format!("{{{name}}}");
        match self {
            Problem::Unknown { name, closest: Some(closest) } => Diagnostic::from_id(
                Rule::Placeholder,
                location,
                "placeholder-unknown",
                vec![arg("name", braced(name)), arg("closest", braced(closest))],
            )
            .values(closest, name),
            Problem::Unknown { name, closest: None } => Diagnostic::from_id(
                Rule::Placeholder,
                location,
                "placeholder-unknown-far",
                vec![arg("name", braced(name)), arg("file", NAMES_DOC)],
            ),
            Problem::NeedsPrevious { name } => Diagnostic::from_id(
                Rule::Placeholder,
                location,
                "placeholder-previous",
                vec![arg("name", braced(name)), arg("option", "--previous")],
            ),
            Problem::Empty { name } => Diagnostic::from_id(
                Rule::Empty,
                location,
                "placeholder-empty",
                vec![arg("name", braced(name))],
            ),
            Problem::Unclosed { at } => Diagnostic::from_id(
                Rule::Placeholder,
                location,
                "placeholder-unclosed",
                vec![arg("at", at)],
            ),
            Problem::Unopened { at } => Diagnostic::from_id(
                Rule::Placeholder,
                location,
                "placeholder-unopened",
                vec![arg("at", at)],
            ),
        }
    }
}

/// The document that lists every placeholder's name, named in the hint of an unknown one.
const NAMES_DOC: &str = "docs/placeholders.md";

/// A piece of a template text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'t> {
    /// Literal text (escapes already undone).
    Text(String),
    /// `{name}`, with the text as written (braces included).
    Name(&'t str, &'t str),
    /// A brace error.
    Bad(Problem, &'t str),
}

/// The pieces of `text`: literal runs, placeholders, brace errors.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut literal = String::new();
    let mut chars = text.char_indices().peekable();
    let position = |byte: usize| text[..byte].chars().count() + 1;
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|(_, n)| *n == '{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().is_some_and(|(_, n)| *n == '}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let rest = &text[i + 1..];
                match rest.find(['{', '}']) {
                    Some(end) if rest[end..].starts_with('}') => {
                        if !literal.is_empty() {
                            out.push(Piece::Text(std::mem::take(&mut literal)));
                        }
                        out.push(Piece::Name(&rest[..end], &text[i..i + end + 2]));
                        // Skip the name and its closing brace.
                        while chars.peek().is_some_and(|(j, _)| *j <= i + end + 1) {
                            chars.next();
                        }
                    }
                    _ => {
                        if !literal.is_empty() {
                            out.push(Piece::Text(std::mem::take(&mut literal)));
                        }
                        out.push(Piece::Bad(Problem::Unclosed { at: position(i) }, "{"));
                    }
                }
            }
            '}' => {
                if !literal.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut literal)));
                }
                out.push(Piece::Bad(Problem::Unopened { at: position(i) }, "}"));
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        out.push(Piece::Text(literal));
    }
    out
}

/// Escapes `text` so that, as a template, it prints as itself: every brace doubled.
pub fn escape(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// Whether `text` holds a placeholder or a brace (and so is more than literal text).
pub fn has_braces(text: &str) -> bool {
    text.contains(['{', '}'])
}

/// What placeholders are filled from: a report's facts and texts, and last year's facts.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    report: &'a Report,
    facts: Facts,
    previous: Option<Facts>,
}

impl<'a> Context<'a> {
    /// The context of `report`, with last year's report if there is one.
    pub fn new(report: &'a Report, previous: Option<&Report>) -> Context<'a> {
        Context { report, facts: Facts::of(report), previous: previous.map(Facts::of) }
    }

    /// This report's facts.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// The text `{name}` prints, or why it cannot be filled.
    pub fn value(&self, name: &str) -> Result<String, Problem> {
        if let Some(value) = self.facts.get(name) {
            return Ok(value.to_string());
        }
        for suffix in [CHANGE_SUFFIX, PREVIOUS_SUFFIX] {
            if let Some(base) = name.strip_suffix(suffix)
                && let Some(current) = self.facts.get(base)
            {
                let Some(previous) = &self.previous else {
                    return Err(Problem::NeedsPrevious { name: name.to_owned() });
                };
                let before = previous.get(base).unwrap_or(current);
                return Ok(if suffix == CHANGE_SUFFIX {
                    crate::facts::Change::new(before, current).text()
                } else {
                    before.to_string()
                });
            }
        }
        if let Some((_, which)) = TEXT_NAMES.iter().find(|(n, _)| *n == name) {
            let agency = &self.report.agency;
            let text = match which {
                TextName::AgencyName => agency.name.clone(),
                TextName::Address => agency.address.clone(),
                TextName::Telephone => agency.telephone.clone(),
                TextName::Website => agency.website.clone(),
                TextName::Year => self.report.year.to_string(),
            };
            if text.trim().is_empty() {
                return Err(Problem::Empty { name: name.to_owned() });
            }
            return Ok(text);
        }
        let names = all_names();
        let candidates: Vec<&str> = names.iter().map(String::as_str).collect();
        let closest = candidates
            .iter()
            .map(|c| (strsim::normalized_levenshtein(name, c), *c))
            .filter(|(score, _)| *score >= 0.4)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c.to_owned());
        Err(Problem::Unknown { name: name.to_owned(), closest })
    }

    /// `text` with every placeholder filled, or every problem of it.
    pub fn expand(&self, text: &str) -> Result<String, Vec<Problem>> {
        let mut out = String::with_capacity(text.len());
        let mut problems = Vec::new();
        for piece in pieces(text) {
            match piece {
                Piece::Text(t) => out.push_str(&t),
                Piece::Name(name, _) => match self.value(name) {
                    Ok(v) => out.push_str(&v),
                    Err(p) => problems.push(p),
                },
                Piece::Bad(p, _) => problems.push(p),
            }
        }
        if problems.is_empty() { Ok(out) } else { Err(problems) }
    }

    /// `text` as printed: every placeholder that can be filled is, the rest are printed
    /// as written (validation has reported them: this is for a forced render).
    pub fn print(&self, text: &str) -> String {
        if !has_braces(text) {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        for piece in pieces(text) {
            match piece {
                Piece::Text(t) => out.push_str(&t),
                Piece::Name(name, raw) => match self.value(name) {
                    Ok(v) => out.push_str(&v),
                    Err(Problem::Empty { .. }) => {}
                    Err(_) => out.push_str(raw),
                },
                Piece::Bad(_, raw) => out.push_str(raw),
            }
        }
        out
    }
}

/// Whether a field of [`crate::fields::fields`] is a template: a printed prose text the
/// data file writes (not the agency's own fields, nor an item's own table cells).
pub fn is_template(field: &Field<'_>) -> bool {
    field.role.is_some()
        && field
            .key
            .as_ref()
            .is_some_and(|k| !matches!(k.first(), Some(Seg::Key(s)) if s == "agency"))
}

/// Every template text of `report`, mutable: preamble, paragraphs and item titles.
pub(crate) fn templates_mut(report: &mut Report) -> Vec<&mut String> {
    fn item<'a>(it: &'a mut Item, out: &mut Vec<&'a mut String>) {
        out.push(&mut it.title);
        out.extend(it.paragraphs.iter_mut());
        for sub in &mut it.items {
            item(sub, out);
        }
    }
    let mut out: Vec<&mut String> = Vec::new();
    out.extend(report.preamble.iter_mut());
    let o = &mut report.overview;
    out.extend(o.intro.iter_mut());
    for it in [
        &mut o.active_disclosure,
        &mut o.disclosure_on_request,
        &mut o.information_management,
        &mut o.platforms,
        &mut o.oversight,
    ] {
        item(it, &mut out);
    }
    if let Some(it) = &mut o.assessment {
        item(it, &mut out);
    }
    out.extend(report.problems.paragraphs.iter_mut());
    for it in &mut report.problems.items {
        item(it, &mut out);
    }
    let m = &mut report.other_matters;
    out.extend(m.paragraphs.iter_mut());
    item(&mut m.fees, &mut out);
    for it in &mut m.items {
        item(it, &mut out);
    }
    out
}

/// The report as printed: every template text with its placeholders filled from the
/// report (and last year's, for `.较上年` and `.上年`), escapes undone; a placeholder that
/// cannot be filled stays as written. The result is plain text, no longer a template:
/// hand it to the printers' `*_printed` functions, not to [`fill`] again.
pub fn fill(report: &Report, previous: Option<&Report>) -> Report {
    let context = Context::new(report, previous);
    let mut out = report.clone();
    for text in templates_mut(&mut out) {
        if has_braces(text) {
            *text = context.print(text);
        }
    }
    out
}

/// Every placeholder problem of `report`'s templates, as diagnostics at their texts.
pub fn check(report: &Report, previous: Option<&Report>) -> Vec<Diagnostic> {
    let context = Context::new(report, previous);
    let mut out = Vec::new();
    for field in crate::fields::fields(report) {
        let Some(text) = field.text else { continue };
        if !is_template(&field) || !has_braces(text) {
            continue;
        }
        if let Err(problems) = context.expand(text) {
            out.extend(problems.iter().map(|p| p.diagnostic(field.location.clone())));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_escape_and_errors_are_placed() {
        assert_eq!(pieces("a{{b}}c"), vec![Piece::Text("a{b}c".into())]);
        assert_eq!(
            pieces("x{y"),
            vec![
                Piece::Text("x".into()),
                Piece::Bad(Problem::Unclosed { at: 2 }, "{"),
                Piece::Text("y".into())
            ]
        );
        assert_eq!(
            pieces("名}"),
            vec![Piece::Text("名".into()), Piece::Bad(Problem::Unopened { at: 2 }, "}")]
        );
        assert_eq!(
            pieces("{甲}乙"),
            vec![Piece::Name("甲", "{甲}"), Piece::Text("乙".into())]
        );
    }
}
