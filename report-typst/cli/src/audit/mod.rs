//! The one model of a folder's audit (issue 28): every report with its problems and key
//! figures, the folder's aggregates, each agency's years and each year's agencies. The
//! CSV summary, the JSON (`--json`) and the page (`--html`) are all written from it, so
//! their figures cannot disagree.

pub mod charts;
pub mod page;

use std::collections::BTreeMap;

use report_core::Report;
use report_core::diff;
use report_core::facts::Facts;
use report_core::import::blocks::Format;
use report_core::import::{Imported, Located};
use report_core::l10n::Lang;
use report_core::{Rule, Severity};
use serde::Serialize;

/// How many of the largest changes of a pair of years the model keeps.
const LARGEST_CHANGES: usize = 10;

/// The audit of a folder (or of one page): what `--json` writes.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    /// The language the texts (messages, places, reasons) are written in: `zh` or `en`.
    pub lang: &'static str,
    /// The folder at a glance.
    pub totals: Totals,
    /// Problems by rule across the folder, in the rules' order; rules never broken left
    /// out.
    pub by_rule: Vec<RuleCount>,
    /// Every page, in the order of the file names: read or not.
    pub reports: Vec<Entry>,
    /// Each agency with several years in the folder: its key figures per year and each
    /// consecutive pair's cross-year checks and largest changes.
    pub agencies: Vec<AgencyYears>,
    /// Each year with several agencies: their key figures side by side.
    pub years: Vec<YearComparison>,
}

/// The folder at a glance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Pages read (imported), whatever their problems.
    pub read: usize,
    /// Pages that could not be imported at all.
    pub unreadable: usize,
    /// Read pages without any problem.
    pub clean: usize,
    /// Read pages with at least one error.
    pub with_errors: usize,
    /// Read pages with at least one warning.
    pub with_warnings: usize,
}

/// How often one rule is broken across the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule's id, e.g. `T3-COL`.
    pub rule: String,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The problems of that rule in all reports.
    pub problems: usize,
    /// The reports with at least one.
    pub reports: usize,
}

/// One page of the folder.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The file's name.
    pub file: String,
    /// Its format, by content: `HTML`, `DOCX`, `PDF`, or `DOC` (the old Word format,
    /// refused).
    pub format: &'static str,
    /// The page's anchor in the HTML page (`r1`, `r2`, … in the order of the files).
    pub anchor: String,
    /// Why it could not be imported, if it could not.
    pub failure: Option<String>,
    /// The audit of the report, if it was imported.
    pub report: Option<ReportAudit>,
}

/// The audit of one imported report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportAudit {
    /// The agency as the page names it.
    pub agency: String,
    /// The statistical year.
    pub year: i32,
    /// The source format: `HTML (GBK)` (a page, with the encoding it was decoded from),
    /// `DOCX` or `PDF`.
    pub format: String,
    /// Whether the three tables were found as tables (not images, not missing).
    pub tables_read: bool,
    /// The file of last year's report the cross-year rules were run against, if any.
    pub previous: Option<String>,
    /// The problems that are errors.
    pub errors: usize,
    /// The problems that are warnings.
    pub warnings: usize,
    /// Problems by rule id (only rules with problems).
    pub by_rule: BTreeMap<String, usize>,
    /// The key figures, from [`report_core::facts`].
    pub figures: KeyFigures,
    /// Every problem, placed.
    pub problems: Vec<Problem>,
    /// Every claim the text makes about the tables' figures, checked against them (the
    /// ones that hold included; a contradicted one is also a PROSE problem).
    pub claims: Vec<ClaimCheck>,
}

/// A claim of a report's text about a figure of its tables, and what the tables say
/// ([`report_core::validate::prose_claims`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimCheck {
    /// The text it is in, by its heading (`一、总体情况 / … / 第1段`).
    pub labels: String,
    /// The words that state it, as written.
    pub words: String,
    /// The figure it is about, by its placeholder name (`申请.本年新收`).
    pub fact: String,
    /// The number it states; `0` for a claim of none (`未收到…`).
    pub claimed: String,
    /// The tables' value of that figure.
    pub table: String,
    /// `agrees`, `contradicts`, or `unchecked` (the figure adds up a cell that could not
    /// be read).
    pub result: &'static str,
}

impl ClaimCheck {
    fn of(c: &report_core::prose::CheckedClaim) -> ClaimCheck {
        let claimed = match c.claim.claimed {
            report_core::prose::Claimed::Number(n) => n.to_string(),
            _ => "0".to_owned(),
        };
        let result = match (c.checked, c.agrees) {
            (false, _) => "unchecked",
            (true, true) => "agrees",
            (true, false) => "contradicts",
        };
        ClaimCheck {
            labels: c.location.to_string(),
            words: c.claim.words.clone(),
            fact: c.claim.kind.fact().name().to_owned(),
            claimed,
            table: c.actual.to_string(),
            result,
        }
    }
}

/// A report's key figures, each taken from its one definition in
/// [`report_core::facts::Facts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KeyFigures {
    /// `申请.本年新收`.
    pub received: u64,
    /// `申请.办结`.
    pub closed: u64,
    /// `申请.予以公开`.
    pub disclosed: u64,
    /// `申请.部分公开`.
    pub partially_disclosed: u64,
    /// `申请.结转下年度`.
    pub carried_forward: u64,
    /// `行政复议.总计`.
    pub reviews: u64,
    /// `行政复议.纠正`.
    pub reviews_corrected: u64,
    /// `行政诉讼.总计`.
    pub lawsuits: u64,
    /// `行政诉讼.纠正`.
    pub lawsuits_corrected: u64,
}

/// The key figures' fields, in order: the JSON's and CSV's names, and the message id of
/// their label in the page.
pub const FIGURES: [(&str, &str); 9] = [
    ("received", "audit-fig-received"),
    ("closed", "audit-fig-closed"),
    ("disclosed", "audit-fig-disclosed"),
    ("partially_disclosed", "audit-fig-partially-disclosed"),
    ("carried_forward", "audit-fig-carried-forward"),
    ("reviews", "audit-fig-reviews"),
    ("reviews_corrected", "audit-fig-reviews-corrected"),
    ("lawsuits", "audit-fig-lawsuits"),
    ("lawsuits_corrected", "audit-fig-lawsuits-corrected"),
];

impl KeyFigures {
    /// The figures of a report.
    pub fn of(facts: &Facts) -> KeyFigures {
        KeyFigures {
            received: facts.applications_received,
            closed: facts.applications_closed,
            disclosed: facts.disclosed,
            partially_disclosed: facts.partially_disclosed,
            carried_forward: facts.applications_carried_forward,
            reviews: facts.review_total,
            reviews_corrected: facts.review_corrected,
            lawsuits: facts.lawsuit_total,
            lawsuits_corrected: facts.lawsuit_corrected,
        }
    }

    /// The figures in the order of [`FIGURES`].
    pub fn values(&self) -> [u64; 9] {
        [
            self.received,
            self.closed,
            self.disclosed,
            self.partially_disclosed,
            self.carried_forward,
            self.reviews,
            self.reviews_corrected,
            self.lawsuits,
            self.lawsuits_corrected,
        ]
    }

    /// Disclosed in full or in part, per mille of the applications closed (0 if none
    /// was closed): an integer, so that every output shows the same figure.
    pub fn disclosed_per_mille(&self) -> u64 {
        ((self.disclosed + self.partially_disclosed) * 1000)
            .checked_div(self.closed)
            .unwrap_or(0)
    }

    /// Reviews and lawsuits whose outcome corrected the agency.
    pub fn corrected(&self) -> u64 {
        self.reviews_corrected + self.lawsuits_corrected
    }
}

/// One problem of a report, placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The rule's id.
    pub rule: String,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What is wrong, in the chosen language.
    pub message: String,
    /// What to do about it, in the chosen language.
    pub hint: String,
    /// The cell or text by its official labels.
    pub labels: String,
    /// Where in the page (source line, table, row, column), in the chosen language.
    pub place: Option<String>,
    /// The page's source line (0 if unknown or unplaced).
    pub line: u64,
}

/// An agency with several years in the folder.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyYears {
    /// The agency.
    pub agency: String,
    /// Its years, in order: the year, the file's anchor and the key figures.
    pub years: Vec<YearFigures>,
    /// Each consecutive pair of years (year − 1, year) the folder holds.
    pub pairs: Vec<YearPair>,
}

/// One year's key figures of an agency.
#[derive(Debug, Clone, Serialize)]
pub struct YearFigures {
    /// The statistical year.
    pub year: i32,
    /// The report's file.
    pub file: String,
    /// The report's anchor in the page.
    pub anchor: String,
    /// Its key figures.
    pub figures: KeyFigures,
}

/// Two consecutive years of one agency.
#[derive(Debug, Clone, Serialize)]
pub struct YearPair {
    /// Last year.
    pub last_year: i32,
    /// This year.
    pub this_year: i32,
    /// The cross-year checks run on this year's report with last year's: each rule
    /// (Y-CONT, S-CONT) with its problems (none: the check passed).
    pub checks: Vec<CrossYearCheck>,
    /// The largest changes (`govreport diff`), the largest first.
    pub changes: Vec<ChangeRow>,
}

/// One cross-year rule's outcome on a pair of years.
#[derive(Debug, Clone, Serialize)]
pub struct CrossYearCheck {
    /// `Y-CONT` or `S-CONT`.
    pub rule: String,
    /// Its problems in this year's report; empty if it passed.
    pub problems: Vec<Problem>,
}

/// One changed figure between two years.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    /// The cell's labels or the fact's name.
    pub name: String,
    /// Last year's figure.
    pub last: String,
    /// This year's figure.
    pub this: String,
    /// The change (`+3`).
    pub delta: String,
    /// The change in % (`+50.0%`), or `-` from 0.
    pub percent: String,
}

/// The agencies of one year side by side.
#[derive(Debug, Clone, Serialize)]
pub struct YearComparison {
    /// The statistical year.
    pub year: i32,
    /// Each agency's report of that year, in the order of the files.
    pub agencies: Vec<AgencyFigures>,
}

/// One agency's figures in a year's comparison.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyFigures {
    /// The agency.
    pub agency: String,
    /// The report's anchor in the page.
    pub anchor: String,
    /// Applications received.
    pub received: u64,
    /// Disclosed in full or in part per mille of those closed.
    pub disclosed_per_mille: u64,
    /// Reviews and lawsuits with a corrected outcome.
    pub corrected: u64,
}

/// `error` or `warning`.
fn severity_id(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        _ => "warning",
    }
}

/// The rules counted, in order: the table's rules, then a data file's.
pub fn rules() -> Vec<Rule> {
    Rule::ALL.into_iter().chain([Rule::Data]).collect()
}

impl Problem {
    /// A located problem written in `lang`.
    pub fn of(p: &Located, lang: Lang) -> Problem {
        Problem {
            rule: p.rule.id().to_owned(),
            severity: severity_id(p.severity),
            message: p.message_in(lang),
            hint: p.hint_in(lang),
            labels: p.location.to_string(),
            place: p.place.as_ref().map(|place| place.in_lang(lang)),
            line: p.place.as_ref().map_or(0, |place| place.line),
        }
    }
}

/// One document as the folder's audit read it: its file name and format, and its
/// report's audit with the report's tables (for the cross-year comparisons), or why it
/// could not be imported. The document itself is not kept: a folder's audit holds this
/// much a document, not the document.
pub struct Audited<'a> {
    /// The file's name.
    pub file: String,
    /// Its format, by content (as [`Entry::format`]).
    pub format: &'static str,
    /// The report's audit ([`ReportAudit::of`]) and the report (its tables are what the
    /// comparisons with other years read); or why it could not be imported.
    pub result: Result<(ReportAudit, &'a Report), String>,
}

impl Audit {
    /// The model of the audit of `pages` (in the order of their files), in `lang`.
    pub fn build(pages: Vec<Audited<'_>>, lang: Lang) -> Audit {
        let mut totals = Totals::default();
        let mut by_rule: BTreeMap<Rule, (usize, usize)> = BTreeMap::new();
        let mut reports = Vec::with_capacity(pages.len());
        let mut kept: Vec<Option<&Report>> = Vec::with_capacity(pages.len());
        for (i, page) in pages.into_iter().enumerate() {
            let anchor = format!("r{}", i + 1);
            match page.result {
                Err(why) => {
                    totals.unreadable += 1;
                    kept.push(None);
                    reports.push(Entry {
                        file: page.file,
                        format: page.format,
                        anchor,
                        failure: Some(why),
                        report: None,
                    });
                }
                Ok((audit, report)) => {
                    totals.read += 1;
                    totals.clean += usize::from(audit.problems.is_empty());
                    totals.with_errors += usize::from(audit.errors > 0);
                    totals.with_warnings += usize::from(audit.warnings > 0);
                    for rule in rules() {
                        if let Some(&n) = audit.by_rule.get(rule.id()) {
                            let count = by_rule.entry(rule).or_default();
                            count.0 += n;
                            count.1 += 1;
                        }
                    }
                    kept.push(Some(report));
                    reports.push(Entry {
                        file: page.file,
                        format: page.format,
                        anchor,
                        failure: None,
                        report: Some(audit),
                    });
                }
            }
        }
        let by_rule = rules()
            .into_iter()
            .filter_map(|rule| {
                by_rule.get(&rule).map(|&(problems, reports)| RuleCount {
                    rule: rule.id().to_owned(),
                    severity: severity_id(rule.severity()),
                    problems,
                    reports,
                })
            })
            .collect();
        let agencies = agency_years(&kept, &reports);
        let years = year_comparisons(&reports);
        Audit {
            lang: match lang {
                Lang::Zh => "zh",
                _ => "en",
            },
            totals,
            by_rule,
            reports,
            agencies,
            years,
        }
    }

    /// The read reports with their entries.
    pub fn read(&self) -> impl Iterator<Item = (&Entry, &ReportAudit)> {
        self.reports.iter().filter_map(|e| e.report.as_ref().map(|r| (e, r)))
    }

    /// The model as JSON (pretty, deterministic: the model's order).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("the audit serialises");
        text.push('\n');
        text
    }

    /// The summary as CSV: a header, then one row per page in the order of the files:
    /// its counts, its key figures and its count of each rule.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let rules = rules();
        let mut header: Vec<String> = [
            "file",
            "format",
            "agency",
            "year",
            "tables_read",
            "errors",
            "warnings",
            "failure",
        ]
        .map(str::to_owned)
        .to_vec();
        header.extend(rules.iter().map(|r| r.id().to_owned()));
        header.extend(FIGURES.iter().map(|(name, _)| (*name).to_owned()));
        w.write_record(&header)?;
        for entry in &self.reports {
            let mut record = vec![entry.file.clone(), entry.format.to_owned()];
            match &entry.report {
                Some(r) => {
                    record.extend([
                        r.agency.clone(),
                        r.year.to_string(),
                        r.tables_read.to_string(),
                        r.errors.to_string(),
                        r.warnings.to_string(),
                        String::new(),
                    ]);
                    record.extend(rules.iter().map(|rule| {
                        r.by_rule.get(rule.id()).copied().unwrap_or(0).to_string()
                    }));
                    record.extend(r.figures.values().iter().map(u64::to_string));
                }
                None => {
                    record.extend([
                        String::new(),
                        String::new(),
                        "false".into(),
                        "0".into(),
                        "0".into(),
                        entry.failure.clone().unwrap_or_default(),
                    ]);
                    record.extend(rules.iter().map(|_| "0".to_owned()));
                    record.extend(FIGURES.iter().map(|_| String::new()));
                }
            }
            w.write_record(&record)?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    }
}

impl ReportAudit {
    /// The audit of an imported report: its problems (reading's and validation's, as
    /// [`Imported::audit_partial`] gives them), the file of last year's report they were
    /// checked against, in `lang`.
    pub fn of(
        imported: &Imported,
        problems: &[Located],
        previous: Option<String>,
        lang: Lang,
    ) -> ReportAudit {
        let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
        let mut by_rule = BTreeMap::new();
        for p in problems {
            *by_rule.entry(p.rule.id().to_owned()).or_insert(0) += 1;
        }
        ReportAudit {
            agency: imported.report.agency.name.clone(),
            year: imported.report.year,
            format: match imported.format {
                Format::Html => format!("HTML ({})", imported.encoding),
                other => other.name().to_owned(),
            },
            tables_read: imported.tables_read,
            previous,
            errors,
            warnings: problems.len() - errors,
            by_rule,
            figures: KeyFigures::of(&Facts::of(&imported.report)),
            problems: problems.iter().map(|p| Problem::of(p, lang)).collect(),
            claims: report_core::validate::prose_claims(
                &imported.report,
                &imported.unknown(),
                None,
            )
            .iter()
            .map(ClaimCheck::of)
            .collect(),
        }
    }
}

/// Each agency with several years: figures per year, and each consecutive pair's checks
/// and largest changes.
fn agency_years(kept: &[Option<&Report>], reports: &[Entry]) -> Vec<AgencyYears> {
    // The agency's name → its year → the page's index (the first page of a year).
    let mut by_agency: BTreeMap<&str, BTreeMap<i32, usize>> = BTreeMap::new();
    for (i, entry) in reports.iter().enumerate() {
        if let Some(r) = &entry.report {
            by_agency.entry(&r.agency).or_default().entry(r.year).or_insert(i);
        }
    }
    let mut out = Vec::new();
    for (agency, years) in by_agency {
        if years.len() < 2 {
            continue;
        }
        let report = |i: usize| reports[i].report.as_ref().expect("a read report");
        let read = |i: usize| kept[i].expect("a read report");
        let figures = years
            .iter()
            .map(|(&year, &i)| YearFigures {
                year,
                file: reports[i].file.clone(),
                anchor: reports[i].anchor.clone(),
                figures: report(i).figures,
            })
            .collect();
        let mut pairs = Vec::new();
        for (&year, &i) in &years {
            let Some(&last) = years.get(&(year - 1)) else { continue };
            let this_problems = &report(i).problems;
            let checks = [Rule::YearContinuity, Rule::StockContinuity]
                .into_iter()
                .map(|rule| CrossYearCheck {
                    rule: rule.id().to_owned(),
                    problems: this_problems
                        .iter()
                        .filter(|p| p.rule == rule.id())
                        .cloned()
                        .collect(),
                })
                .collect();
            let changes = diff::compare(read(last), read(i), true)
                .map(|c| {
                    // A cell whose change a fact shows already (行政复议 / 总计 and
                    // 行政复议.总计, both 0 → 9) is left out: the fact names it.
                    let facts: Vec<_> = c
                        .changed()
                        .filter(|r| r.kind == diff::RowKind::Fact)
                        .map(|r| (r.change.previous, r.change.current))
                        .collect();
                    c.changed()
                        .filter(|r| {
                            r.kind == diff::RowKind::Fact
                                || !facts.contains(&(r.change.previous, r.change.current))
                        })
                        .take(LARGEST_CHANGES)
                        .map(|row| ChangeRow {
                            name: row.name.clone(),
                            last: row.change.previous.to_string(),
                            this: row.change.current.to_string(),
                            delta: diff::delta_text(&row.change),
                            percent: diff::percent_text(&row.change),
                        })
                        .collect()
                })
                .unwrap_or_default();
            pairs.push(YearPair {
                last_year: year - 1,
                this_year: year,
                checks,
                changes,
            });
        }
        out.push(AgencyYears { agency: agency.to_owned(), years: figures, pairs });
    }
    out
}

/// Each year with reports of several agencies: their figures side by side.
fn year_comparisons(reports: &[Entry]) -> Vec<YearComparison> {
    let mut by_year: BTreeMap<i32, Vec<AgencyFigures>> = BTreeMap::new();
    for entry in reports {
        if let Some(r) = &entry.report {
            by_year.entry(r.year).or_default().push(AgencyFigures {
                agency: r.agency.clone(),
                anchor: entry.anchor.clone(),
                received: r.figures.received,
                disclosed_per_mille: r.figures.disclosed_per_mille(),
                corrected: r.figures.corrected(),
            });
        }
    }
    by_year
        .into_iter()
        .filter(|(_, agencies)| agencies.len() > 1)
        .map(|(year, agencies)| YearComparison { year, agencies })
        .collect()
}
