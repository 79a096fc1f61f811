//! Validation of a whole report: every defect of docs/format.md §4 found at once, each named
//! by its rule, its cell's official labels, the expected and the found value, and a hint.
//!
//! [`validate`] returns every [`Diagnostic`] of a report, in reading order (header, prose,
//! then the tables in table order, then the checks against last year's report). It never
//! stops at the first problem and never panics on bad data.
//!
//! - **Errors** ([`Severity::Error`](crate::Severity::Error)) are the template's own
//!   rules (docs/format.md §4, first table: T3-A, T3-B, T3-C, T4-A/B/C, ALL) and
//!   defects that make the report unprintable or of the wrong format (TEXT, AGENCY,
//!   F2019, CITE, NUMBERING, ASSESS). A report with an error must not be published.
//!   Reading label-keyed tables adds LABEL (an error) and LABEL-VARIANT (a warning), see
//!   [`crate::labels`].
//! - **Warnings** ([`Severity::Warning`](crate::Severity::Warning)) are the plausibility
//!   checks careful evaluators apply: continuity with last year's report (Y-CONT, S-CONT,
//!   PREV), 规章 reported by an agency that cannot make them (ISSUER), the publication
//!   date (DATE), the title year (TITLE-YEAR), text that prints as nothing (EMPTY), and
//!   prose that states another figure than the tables (PROSE, [`crate::prose`]).
//! - A placeholder of the prose that cannot be filled is an error (PLACEHOLDER,
//!   [`crate::placeholders`]).
//!
//! Totals: a total that is `None` in the model is computed from its parts and so cannot
//! disagree with them; a *stated* total (`Some`) is checked against its parts. The rules
//! look at the numbers as they would be printed ([`ApplicantCounts::printed`]), so what
//! is checked is what the reader sees.
//!
//! About TITLE-YEAR: [`Report`] has one year field, and its title is made from it
//! ([`Report::title`]), so for a report of this crate the title year always equals the
//! statistical year and the rule cannot fire. [`check_title_year`] applies the rule to
//! imported data that carries a title of its own.

use chrono::{Datelike, NaiveDate};

use crate::diagnostic::{Diagnostic, Invalid, Location, Rule, TableId};
use crate::fields::fields;
use crate::l10n::arg;
use crate::labels::{
    self, APPLICANT_COLUMNS, OUTCOME_COLUMNS, RESULTS_LABEL, REVIEW_PATHS, TOTAL_LABEL,
    TOTAL_ROW_LABEL,
};
use crate::model::{AdminLevel, AgencyKind, Report};
use crate::numbering;
use crate::outline::section_headings;
use crate::partial::Unknown;
use crate::tables::Tables;
use crate::tables::{
    ActiveDisclosure, ApplicantCounts, Applications, DocumentCounts, Outcomes,
    ReviewsAndLawsuits,
};

/// [`validate`], as a gate: `Ok` with the warnings when there is no error, else `Err`
/// with every diagnostic.
pub fn check(
    report: &Report,
    previous: Option<&Report>,
) -> Result<Vec<Diagnostic>, Invalid> {
    Invalid::check(validate(report, previous))
}

impl Tables {
    /// The table rules (ALL, T3-A, T3-B, T3-C, T4-A/B/C) on these tables alone.
    pub fn validate(&self) -> Vec<Diagnostic> {
        self.validate_partial(&Unknown::none())
    }

    /// The table rules on these tables, skipping every check that needs a cell of
    /// `unknown`.
    pub fn validate_partial(&self, unknown: &Unknown) -> Vec<Diagnostic> {
        let mask = unknown.mask();
        let mut out = validate_active_disclosure(&self.active_disclosure);
        out.extend(applications_rules(&self.applications, &mask.applications));
        out.extend(reviews_rules(&self.reviews_and_lawsuits, &mask.reviews_and_lawsuits));
        out
    }
}

/// Every problem of `report`, errors and warnings, in reading order.
///
/// `previous` is last year's report of the same agency, if there is one: it enables the
/// continuity checks (Y-CONT, S-CONT), which are skipped with a PREV warning if it is not
/// the report on the year before.
pub fn validate(report: &Report, previous: Option<&Report>) -> Vec<Diagnostic> {
    let none = Unknown::none();
    validate_partial(report, &none, previous.map(|p| (p, &none)))
}

/// [`validate`] on a report some of whose cells could not be read (`unknown`, their
/// values 0 in `report`): every rule runs whose cells are all known, the others are
/// skipped (a row with an unknown cell for T3-C, a column for T3-B and T3-A, a kind of
/// case for T4). `previous` is last year's report with its own unknown cells, used for
/// every cross-year check whose cells both reports have.
pub fn validate_partial(
    report: &Report,
    unknown: &Unknown,
    previous: Option<(&Report, &Unknown)>,
) -> Vec<Diagnostic> {
    let mask = unknown.mask();
    let mut out = Vec::new();
    check_header(report, &mut out);
    check_sections(report, &mut out);
    check_texts(report, unknown, previous.map(|(p, _)| p), &mut out);
    out.extend(validate_active_disclosure(&report.active_disclosure));
    check_issuer(report, &mut out);
    out.extend(applications_rules(&report.applications, &mask.applications));
    out.extend(reviews_rules(&report.reviews_and_lawsuits, &mask.reviews_and_lawsuits));
    if let Some((previous, previous_unknown)) = previous {
        check_continuity(report, mask, previous, previous_unknown.mask(), &mut out);
    }
    out
}

fn check_header(report: &Report, out: &mut Vec<Diagnostic>) {
    if report.agency.name.trim().is_empty() {
        out.push(Diagnostic::from_id(
            Rule::AgencyName,
            Location::text(&["发布机关", "名称"]),
            "agency-empty",
            vec![],
        ));
    }
    if report.year < 2021 {
        out.push(
            Diagnostic::from_id(
                Rule::Format2019,
                Location::text(&["统计年度"]),
                "year-2019",
                vec![arg("year", report.year)],
            )
            .values("2021 or later", report.year),
        );
    }
    out.extend(check_title_year(&report.title(), report.year));
    check_date(report, out);
    if report.agency.kind == AgencyKind::PeoplesGovernment
        && report.overview.assessment.is_none()
    {
        out.push(Diagnostic::from_id(
            Rule::Assessment,
            Location::text(&[&section_headings()[0]]),
            "assess",
            vec![
                arg("title", crate::Overview::TITLES[5]),
                arg("heading", &section_headings()[0]),
            ],
        ));
    }
}

fn check_date(report: &Report, out: &mut Vec<Diagnostic>) {
    let date = report.date;
    let next = report.year.saturating_add(1);
    let (month, day) = match report.agency.kind {
        AgencyKind::Department => (1, 31),
        AgencyKind::PeoplesGovernment => (3, 31),
    };
    if date.year() != next {
        out.push(
            Diagnostic::from_id(
                Rule::PublicationDate,
                Location::text(&["成文日期"]),
                "date-year",
                vec![
                    arg("year", report.year),
                    arg("next", next),
                    arg("date", crate::model::format_date(date)),
                ],
            )
            .values(format!("{next}年1月1日 to {next}年{month}月{day}日"), date),
        );
    } else if let Some(deadline) = NaiveDate::from_ymd_opt(next, month, day)
        && date > deadline
    {
        let id = match report.agency.kind {
            AgencyKind::Department => "date-late-department",
            AgencyKind::PeoplesGovernment => "date-late-government",
        };
        out.push(
            Diagnostic::from_id(
                Rule::PublicationDate,
                Location::text(&["成文日期"]),
                id,
                vec![
                    arg("deadline", crate::model::format_date(deadline)),
                    arg("date", crate::model::format_date(date)),
                ],
            )
            .values(format!("by {}", crate::model::format_date(deadline)), date),
        );
    }
}

/// TITLE-YEAR: the year in a title such as `XX局2023年政府信息公开工作年度报告` must be the
/// statistical year. A warning if it differs or the title names no year.
///
/// For a [`Report`] the title is made from its year, so this never fires; it is for
/// imported data that carries its own title.
pub fn check_title_year(title: &str, statistical_year: i32) -> Option<Diagnostic> {
    let title_year = title_year(title);
    if title_year == Some(statistical_year) {
        return None;
    }
    let found = title_year.map_or_else(|| "no year".to_owned(), |y| y.to_string());
    Some(
        Diagnostic::from_id(
            Rule::TitleYear,
            Location::text(&["标题"]),
            if title_year.is_some() { "title-year" } else { "title-no-year" },
            vec![arg("year", statistical_year), arg("found", &found)],
        )
        .values(statistical_year, found),
    )
}

/// The year in a report title: the digits right before `年政府信息公开工作年度报告`.
fn title_year(title: &str) -> Option<i32> {
    let head = title.rsplit_once("年政府信息公开工作年度报告")?.0;
    let digits: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if digits.is_empty() { None } else { digits.parse().ok() }
}

/// Whether `c` cannot be printed in a paragraph: a control character (line break and tab
/// included: each paragraph is one string) or an invisible formatting character
/// (zero-width characters, line and paragraph separators, bidirectional controls, BOM).
pub fn is_unprintable(c: char) -> bool {
    // Controls, line and paragraph separators, and every invisible formatting character
    // of Unicode's category Cf (soft hyphen, bidi marks, joiners, tags…): none belongs in
    // a printed report, and some (the soft hyphen) change how Typst breaks lines.
    c.is_control()
        || matches!(c as u32,
            0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2
            | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064
            | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD
            | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0001
            | 0xE0020..=0xE007F)
}

fn check_text(location: &Location, text: &str, out: &mut Vec<Diagnostic>) {
    let bad: Vec<(usize, char)> =
        text.chars().enumerate().filter(|(_, c)| is_unprintable(*c)).collect();
    let Some(&(at, c)) = bad.first() else { return };
    let (kind, what) = match c {
        '\n' => ("newline", "a line break (U+000A)".to_owned()),
        '\r' => ("return", "a carriage return (U+000D)".to_owned()),
        '\t' => ("tab", "a tab (U+0009)".to_owned()),
        c => ("other", format!("U+{:04X}", c as u32)),
    };
    out.push(
        Diagnostic::from_id(
            Rule::Text,
            location.clone(),
            "text-unprintable",
            vec![
                arg("kind", kind),
                arg("code", format!("U+{:04X}", c as u32)),
                arg("at", at + 1),
                arg("more", bad.len() - 1),
            ],
        )
        .values("printable text", what),
    );
}

fn check_sections(report: &Report, out: &mut Vec<Diagnostic>) {
    let headings = section_headings();
    if report.preamble.is_empty() {
        out.push(Diagnostic::from_id(
            Rule::Empty,
            Location::text(&["导语"]),
            "empty-preamble",
            vec![],
        ));
    }
    if report.problems.paragraphs.is_empty() && report.problems.items.is_empty() {
        out.push(Diagnostic::from_id(
            Rule::Empty,
            Location::text(&[&headings[4]]),
            "empty-problems",
            vec![],
        ));
    }
    let fees = &report.other_matters.fees;
    if fees.paragraphs.is_empty() && fees.items.is_empty() && fees.tables.is_empty() {
        out.push(Diagnostic::from_id(
            Rule::Empty,
            Location::text(&[
                headings[5].clone(),
                format!("{}{}", numbering::label(2, 1), fees.title),
            ]),
            "empty-fees",
            vec![],
        ));
    }
}

/// Whether a fact's cells were all read: a claim is checked only against such a fact.
/// The facts of the unknown-cell mask (1 where a cell is unknown) are non-zero exactly
/// for the facts that read an unknown cell.
fn known_facts(
    report: &Report,
    unknown: &Unknown,
) -> impl Fn(crate::facts::Fact) -> bool {
    let unknown_facts = (!unknown.is_empty()).then(|| {
        let mask = unknown.mask();
        let mut masked = report.clone();
        masked.active_disclosure = mask.active_disclosure.clone();
        masked.applications = mask.applications.clone();
        masked.reviews_and_lawsuits = mask.reviews_and_lawsuits.clone();
        crate::facts::Facts::of(&masked)
    });
    move |fact| {
        unknown_facts.as_ref().is_none_or(|u| u.value(fact).as_decimal().is_zero())
    }
}

/// The text a field prints: its placeholders filled if it is a template.
fn printed<'a>(
    context: &crate::placeholders::Context<'_>,
    field: &crate::fields::Field<'a>,
    text: &'a str,
) -> std::borrow::Cow<'a, str> {
    if crate::placeholders::is_template(field) {
        std::borrow::Cow::Owned(context.print(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Every claim the report's printed text makes about the tables' figures (the claims
/// rule PROSE checks: [`crate::prose::claims`]), with its place, the tables' value and
/// whether they agree: what a reviewer reads beside the PROSE warnings, the claims that
/// hold included. `previous` fills the `.较上年` placeholders as validation does; a
/// claim about a figure that adds up an `unknown` cell is listed unchecked.
pub fn prose_claims(
    report: &Report,
    unknown: &Unknown,
    previous: Option<&Report>,
) -> Vec<crate::prose::CheckedClaim> {
    let known = known_facts(report, unknown);
    let context = crate::placeholders::Context::new(report, previous);
    let name = report.agency.name.as_str();
    let mut out = Vec::new();
    for field in fields(report) {
        let Some(text) = field.text else { continue };
        // As in validation: the agency's data and name are no prose.
        if field.role.is_none() || std::ptr::eq(text, name) {
            continue;
        }
        let printed = printed(&context, &field, text);
        for claim in crate::prose::claims(&printed) {
            let actual = context.facts().value(claim.kind.fact());
            let checked = known(claim.kind.fact());
            let agrees = crate::prose::agrees(&claim, context.facts());
            out.push(crate::prose::CheckedClaim {
                location: field.location.clone(),
                claim,
                actual,
                checked,
                agrees,
            });
        }
    }
    out
}

fn check_texts(
    report: &Report,
    unknown: &Unknown,
    previous: Option<&Report>,
    out: &mut Vec<Diagnostic>,
) {
    let known = known_facts(report, unknown);
    let name = report.agency.name.as_str();
    let context = crate::placeholders::Context::new(report, previous);
    for field in fields(report) {
        let Some(text) = field.text else { continue };
        if field.role.is_none() {
            // The agency's data: its name is checked here, once; the rest is not printed.
            check_text(&field.location, text, out);
            continue;
        }
        // The agency's name is printed as title and signature: checked once, above.
        if std::ptr::eq(text, name) {
            continue;
        }
        let location = &field.location;
        check_text(location, text, out);
        if text.trim().is_empty() {
            out.push(Diagnostic::from_id(
                Rule::Empty,
                location.clone(),
                "empty-text",
                vec![],
            ));
        }
        check_citation(location, text, out);
        if crate::placeholders::is_template(&field)
            && let Err(problems) = context.expand(text)
        {
            out.extend(problems.iter().map(|p| p.diagnostic(location.clone())));
        }
        let printed = printed(&context, &field, text);
        out.extend(crate::prose::check_known(
            context.facts(),
            location,
            &printed,
            &known,
        ));
        let is_title = matches!(location, Location::Text { path } if path.last().is_some_and(|p| p == "标题") && path.len() > 1);
        if is_title && let Some(number) = leading_number(text) {
            out.push(
                Diagnostic::from_id(
                    Rule::Numbering,
                    location.clone(),
                    "numbering",
                    vec![arg("number", number)],
                )
                .values(text.trim_start()[number.len()..].trim_start(), text),
            );
        }
        if text.contains("〔2019〕60号") {
            out.push(Diagnostic::from_id(
                Rule::Format2019,
                location.clone(),
                "cite-2019",
                vec![arg("citation", CITATION)],
            ));
        }
    }
}

/// The exact citation of the 2021 format.
pub const CITATION: &str = "国办公开办函〔2021〕30号";

/// CITE: every citation of the 2021 format in `text` must read exactly [`CITATION`].
/// A citation is `2021` in brackets followed by `30号`, issued by 国办…: other issuers'
/// documents numbered 〔2021〕30号 are left alone.
fn check_citation(location: &Location, text: &str, out: &mut Vec<Diagnostic>) {
    const OPEN: &[char] = &['〔', '[', '［', '(', '（', '【', '{', '｛'];
    const CLOSE: &[char] = &['〕', ']', '］', ')', '）', '】', '}', '｝'];
    for (i, _) in text.match_indices("2021") {
        let (before, after) = (&text[..i], &text[i + 4..]);
        let Some(open) = before.chars().next_back().filter(|c| OPEN.contains(c)) else {
            continue;
        };
        let Some(close) = after.chars().next().filter(|c| CLOSE.contains(c)) else {
            continue;
        };
        let rest = &after[close.len_utf8()..];
        let spaces = rest.len() - rest.trim_start().len();
        if !rest.trim_start().starts_with("30号") {
            continue;
        }
        let issuer_end = before.len() - open.len_utf8();
        let issuer: String = before[..issuer_end]
            .trim_end()
            .chars()
            .rev()
            .take_while(|c| !c.is_whitespace() && !"，。；：、（）《》“”".contains(*c))
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !(issuer.contains("国办") || issuer.contains("公开办")) {
            continue;
        }
        // The issuer starts at 国办 (国办公开办函, 国办政务公开办函…) where it names it.
        let issuer = issuer.rfind("国办").map_or(issuer.as_str(), |at| &issuer[at..]);
        let gap = &before[..issuer_end][before[..issuer_end].trim_end().len()..];
        let found = format!("{issuer}{gap}{open}2021{close}{}30号", &rest[..spaces]);
        if found != CITATION {
            out.push(
                Diagnostic::from_id(
                    Rule::Citation,
                    location.clone(),
                    "cite",
                    vec![arg("found", &found), arg("citation", CITATION)],
                )
                .values(CITATION, found),
            );
        }
    }
}

/// The number a title starts with when written by hand: `（一）`, `(1)`, `一、`, `1.`,
/// `1、`, `１．`, or `None`.
pub fn leading_number(title: &str) -> Option<&str> {
    let t = title.trim_start();
    let numeral = |c: char| {
        "一二三四五六七八九十".contains(c)
            || c.is_ascii_digit()
            || ('０'..='９').contains(&c)
    };
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    if first == '（' || first == '(' {
        let inner: Vec<(usize, char)> =
            chars.by_ref().take_while(|(_, c)| numeral(*c)).collect();
        let end = inner.last().map(|(i, c)| i + c.len_utf8())?;
        let close = t[end..].chars().next()?;
        return matches!(close, '）' | ')').then(|| &t[..end + close.len_utf8()]);
    }
    let digits = first.is_ascii_digit() || ('０'..='９').contains(&first);
    let end = t
        .char_indices()
        .find(|(_, c)| {
            !(if digits {
                c.is_ascii_digit() || ('０'..='９').contains(c)
            } else {
                "一二三四五六七八九十".contains(*c)
            })
        })
        .map_or(t.len(), |(i, _)| i);
    if end == 0 {
        return None;
    }
    let next = t[end..].chars().next()?;
    let ends = if digits {
        matches!(next, '.' | '、' | '．' | '）' | ')')
    } else {
        matches!(next, '、' | '.' | '．')
    };
    ends.then(|| &t[..end + next.len_utf8()])
}

/// The rule ALL for section 二: the fee must not be negative (counts are unsigned).
pub fn validate_active_disclosure(table: &ActiveDisclosure) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if table.fees.is_sign_negative() && !table.fees.is_zero() {
        out.push(
            Diagnostic::from_id(
                Rule::Cells,
                Location::cell(TableId::Section2, &labels::FEE_PATH),
                "fee-negative",
                vec![arg("fee", table.fees)],
            )
            .values("a non-negative amount", table.fees),
        );
    }
    out
}

fn check_issuer(report: &Report, out: &mut Vec<Diagnostic>) {
    if !matches!(report.agency.level, AdminLevel::County | AdminLevel::Township) {
        return;
    }
    let rules = &report.active_disclosure.rules;
    for (column, value) in labels::DOCUMENT_COLUMNS.iter().zip(document_values(rules)) {
        if value != 0 {
            out.push(
                Diagnostic::from_id(
                    Rule::RulesIssuer,
                    Location::cell(
                        TableId::Section2,
                        &[labels::RULES_PATH[0], labels::RULES_PATH[1], column],
                    ),
                    "issuer",
                    vec![
                        arg("rules", labels::RULES_PATH[1]),
                        arg("column", column),
                        arg("value", value),
                        arg("normative", labels::NORMATIVE_PATH[1]),
                    ],
                )
                .values(0, value),
            );
        }
    }
}

fn document_values(d: &DocumentCounts) -> [u64; 3] {
    [d.issued, d.repealed, d.in_force]
}

fn sum(values: impl IntoIterator<Item = u64>) -> u128 {
    values.into_iter().map(u128::from).sum()
}

fn plus(parts: &[(&str, u64)]) -> String {
    parts.iter().map(|(l, v)| format!("{l} {v}")).collect::<Vec<_>>().join(" + ")
}

/// T3-A, T3-B and T3-C on section 三, on the numbers as printed.
pub fn validate_applications(table: &Applications) -> Vec<Diagnostic> {
    applications_rules(table, &Applications::default())
}

/// [`validate_applications`], skipping every check that needs a cell that `mask` marks
/// unknown (see [`Unknown`]).
fn applications_rules(table: &Applications, mask: &Applications) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // T3-C, row by row in table order, （七）总计 in its place.
    let rows = labels::application_rows(table);
    let mask_rows = labels::application_rows(mask);
    let total_row = table.results.total();
    let mask_total = mask.results.total();
    let total_path = [RESULTS_LABEL, TOTAL_ROW_LABEL];
    let mut ordered: Vec<(Vec<&str>, &ApplicantCounts, &ApplicantCounts)> = rows
        .iter()
        .zip(&mask_rows)
        .map(|((p, r), (_, m))| (p.to_vec(), *r, *m))
        .collect();
    let at = ordered.len() - 1;
    ordered.insert(at, (total_path.to_vec(), &total_row, &mask_total));
    for (path, row, unknown) in &ordered {
        if unknown.printed() != [0; 7] {
            continue; // A cell of the row is unknown.
        }
        let computed = sum(row.parts());
        let mut cell = path.clone();
        cell.push(TOTAL_LABEL);
        let parts: Vec<(&str, u64)> =
            labels::APPLICANT_COLUMNS.iter().copied().zip(row.parts()).collect();
        match row.stated_total {
            Some(stated) if u128::from(stated) != computed => out.push(
                Diagnostic::from_id(
                    Rule::T3C,
                    Location::cell(TableId::Section3, &cell),
                    "t3c",
                    vec![
                        arg("row", path.last().copied().unwrap_or_default()),
                        arg("total", TOTAL_LABEL),
                        arg("parts", plus(&parts)),
                        arg("computed", computed),
                        arg("stated", stated),
                    ],
                )
                .values(computed, stated),
            ),
            None if computed > u128::from(u64::MAX) => out.push(
                Diagnostic::from_id(
                    Rule::T3C,
                    Location::cell(TableId::Section3, &cell),
                    "t3c-overflow",
                    vec![arg("row", path.last().copied().unwrap_or_default())],
                )
                .values(computed, row.total()),
            ),
            _ => {}
        }
    }
    // T3-B, column by column, on the printed values.
    let result_rows: Vec<[u64; 7]> = rows
        .iter()
        .filter(|(p, _)| p.first() == Some(&RESULTS_LABEL))
        .map(|(_, r)| r.printed())
        .collect();
    let mask_results: Vec<[u64; 7]> = mask_rows
        .iter()
        .filter(|(p, _)| p.first() == Some(&RESULTS_LABEL))
        .map(|(_, r)| r.printed())
        .collect();
    let printed_total = total_row.printed();
    let mask_printed_total = mask_total.printed();
    for (c, column) in APPLICANT_COLUMNS.iter().enumerate() {
        if mask_printed_total[c] != 0 || mask_results.iter().any(|r| r[c] != 0) {
            continue; // A cell of the column is unknown.
        }
        let expected = sum(result_rows.iter().map(|r| r[c]));
        let found = printed_total[c];
        if expected != u128::from(found) {
            out.push(
                Diagnostic::from_id(
                    Rule::T3B,
                    Location::cell(
                        TableId::Section3,
                        &[RESULTS_LABEL, TOTAL_ROW_LABEL, column],
                    ),
                    "t3b",
                    vec![
                        arg("column", column),
                        arg("total_row", TOTAL_ROW_LABEL),
                        arg("expected", expected),
                        arg("found", found),
                    ],
                )
                .values(expected, found),
            );
        }
    }
    // T3-A, column by column.
    let received = table.received.printed();
    let carried_over = table.carried_over.printed();
    let carried_forward = table.carried_forward.printed();
    let masks = [
        mask.received.printed(),
        mask.carried_over.printed(),
        mask_printed_total,
        mask.carried_forward.printed(),
    ];
    for c in 0..APPLICANT_COLUMNS.len() {
        if masks.iter().any(|m| m[c] != 0) {
            continue; // A cell of the column is unknown.
        }
        let left = u128::from(received[c]) + u128::from(carried_over[c]);
        let right = u128::from(printed_total[c]) + u128::from(carried_forward[c]);
        if left != right {
            out.push(
                Diagnostic::from_id(
                    Rule::T3A,
                    Location::cell(TableId::Section3, &labels::applicant_column_path(c)),
                    "t3a",
                    vec![
                        arg("column", APPLICANT_COLUMNS[c]),
                        arg("received", received[c]),
                        arg("carried_over", carried_over[c]),
                        arg("left", left),
                        arg("total_row", TOTAL_ROW_LABEL),
                        arg("total", printed_total[c]),
                        arg("carried_forward", carried_forward[c]),
                        arg("right", right),
                    ],
                )
                .values(left, right),
            );
        }
    }
    out
}

/// T4-A, T4-B and T4-C on section 四: each stated 总计 against its four parts.
pub fn validate_reviews(table: &ReviewsAndLawsuits) -> Vec<Diagnostic> {
    reviews_rules(table, &ReviewsAndLawsuits::default())
}

/// [`validate_reviews`], skipping a kind of case with a cell that `mask` marks unknown.
fn reviews_rules(
    table: &ReviewsAndLawsuits,
    mask: &ReviewsAndLawsuits,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let cases: [(Rule, &Outcomes, &Outcomes); 3] = [
        (Rule::T4A, &table.review, &mask.review),
        (Rule::T4B, &table.lawsuits_direct, &mask.lawsuits_direct),
        (Rule::T4C, &table.lawsuits_after_review, &mask.lawsuits_after_review),
    ];
    for ((rule, outcomes, unknown), path) in cases.into_iter().zip(REVIEW_PATHS.iter()) {
        if unknown.printed() != [0; 5] {
            continue; // A cell of this kind of case is unknown.
        }
        let parts =
            [outcomes.upheld, outcomes.corrected, outcomes.other, outcomes.pending];
        let computed = sum(parts);
        let mut cell = path.to_vec();
        cell.push(TOTAL_LABEL);
        let labelled: Vec<(&str, u64)> =
            OUTCOME_COLUMNS.iter().copied().zip(parts).collect();
        let (id, found) = match outcomes.stated_total {
            Some(stated) if u128::from(stated) != computed => ("t4", stated.to_string()),
            None if computed > u128::from(u64::MAX) => {
                ("t4-overflow", "a sum too large to be a count".into())
            }
            _ => continue,
        };
        out.push(
            Diagnostic::from_id(
                rule,
                Location::cell(TableId::Section4, &cell),
                id,
                vec![
                    arg("case", path.last().copied().unwrap_or_default()),
                    arg("total", TOTAL_LABEL),
                    arg("parts", plus(&labelled)),
                    arg("computed", computed),
                    arg("found", &found),
                ],
            )
            .values(computed, found),
        );
    }
    out
}

fn check_continuity(
    report: &Report,
    mask: &Tables,
    previous: &Report,
    previous_mask: &Tables,
    out: &mut Vec<Diagnostic>,
) {
    if previous.year != report.year.saturating_sub(1) {
        out.push(
            Diagnostic::from_id(
                Rule::PreviousReport,
                Location::Previous,
                "prev-year",
                vec![
                    arg("expected", report.year.saturating_sub(1)),
                    arg("found", previous.year),
                ],
            )
            .values(report.year.saturating_sub(1), previous.year),
        );
        return;
    }
    if previous.agency.name != report.agency.name {
        out.push(
            Diagnostic::from_id(
                Rule::PreviousReport,
                Location::Previous,
                "prev-agency",
                vec![
                    arg("expected", &report.agency.name),
                    arg("found", &previous.agency.name),
                ],
            )
            .values(&report.agency.name, &previous.agency.name),
        );
    }
    let this = report.applications.carried_over.printed();
    let last = previous.applications.carried_forward.printed();
    let unknown_this = mask.applications.carried_over.printed();
    let unknown_last = previous_mask.applications.carried_forward.printed();
    for (c, (found, expected)) in this.into_iter().zip(last).enumerate() {
        if unknown_this[c] != 0 || unknown_last[c] != 0 {
            continue;
        }
        if found != expected {
            let mut cell = vec![labels::CARRIED_OVER_LABEL];
            cell.push(APPLICANT_COLUMNS[c]);
            out.push(
                Diagnostic::from_id(
                    Rule::YearContinuity,
                    Location::cell(TableId::Section3, &cell),
                    "y-cont",
                    vec![
                        arg("column", APPLICANT_COLUMNS[c]),
                        arg("found", found),
                        arg("forward", labels::CARRIED_FORWARD_LABEL),
                        arg("expected", expected),
                    ],
                )
                .values(expected, found),
            );
        }
    }
    let now = &report.active_disclosure;
    let then = &previous.active_disclosure;
    let (now_mask, then_mask) =
        (&mask.active_disclosure, &previous_mask.active_disclosure);
    for (path, d, p, unknown) in [
        (
            &*labels::RULES_PATH,
            &now.rules,
            &then.rules,
            [document_values(&now_mask.rules), [then_mask.rules.in_force, 0, 0]],
        ),
        (
            &*labels::NORMATIVE_PATH,
            &now.normative_documents,
            &then.normative_documents,
            [
                document_values(&now_mask.normative_documents),
                [then_mask.normative_documents.in_force, 0, 0],
            ],
        ),
    ] {
        if unknown.iter().flatten().any(|u| *u != 0) {
            continue;
        }
        let expected =
            i128::from(p.in_force) + i128::from(d.issued) - i128::from(d.repealed);
        if expected != i128::from(d.in_force) {
            out.push(
                Diagnostic::from_id(
                    Rule::StockContinuity,
                    Location::cell(
                        TableId::Section2,
                        &[path[0], path[1], labels::DOCUMENT_COLUMNS[2]],
                    ),
                    "s-cont",
                    vec![
                        arg("row", path[1]),
                        arg("issued_label", labels::DOCUMENT_COLUMNS[0]),
                        arg("repealed_label", labels::DOCUMENT_COLUMNS[1]),
                        arg("in_force_label", labels::DOCUMENT_COLUMNS[2]),
                        arg("last", p.in_force),
                        arg("issued", d.issued),
                        arg("repealed", d.repealed),
                        arg("expected", expected),
                        arg("now", d.in_force),
                    ],
                )
                .values(expected, d.in_force),
            );
        }
    }
}

impl Report {
    /// Every problem of the report, errors and warnings, in reading order: the free
    /// function [`crate::validate()`] without last year's report. For the continuity
    /// checks against last year's report, call `report_core::validate(&report,
    /// Some(&last_year))`.
    pub fn validate(&self) -> Vec<Diagnostic> {
        validate(self, None)
    }

    /// [`Report::validate`] as a gate: `Ok` with the warnings when there is no error,
    /// else `Err` with every diagnostic (the free function [`crate::check()`]).
    pub fn check(&self) -> Result<Vec<Diagnostic>, Invalid> {
        check(self, None)
    }
}
