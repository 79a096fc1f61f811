//! `govreport import` and `govreport audit`: a published report (a web page, a Word
//! document or a PDF, told apart by content) read into a data file, or imported and
//! checked in one step, one document or a whole folder of mixed documents in parallel
//! with a CSV summary (one row per report, its format in a column).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::Args;
use rayon::prelude::*;
use report_core::datafile::write::CellNote;
use report_core::datafile::{self, Format};
use report_core::import::{self, Imported, Located, MAX_PAGE_SIZE, Sniffed};
use report_core::l10n::{self, arg};
use report_core::partial::Unknown;
use report_core::{Report, Severity};

use unicode_width::UnicodeWidthStr;

use crate::audit::{self, Audit, Audited, ReportAudit};
use crate::diagnostics::{self, lang};

/// Exit status: errors in the report, or something failed.
const ERRORS: u8 = 1;
/// Exit status: the input could not be read.
const UNREADABLE: u8 = 2;

/// `govreport import PAGE.html -o report.toml` (the descriptions: `cli-arg-import-…` in
/// the message files).
#[derive(Args)]
pub struct ImportArgs {
    page: PathBuf,
    #[arg(short, long, value_name = "REPORT.toml")]
    output: PathBuf,
}

/// `govreport audit PAGE.html [--previous LAST] | DIR --summary out.csv` (the
/// descriptions: `cli-arg-audit-…` in the message files).
#[derive(Args)]
pub struct AuditArgs {
    path: PathBuf,
    #[arg(long, value_name = "LAST_YEAR.html|.toml")]
    previous: Option<PathBuf>,
    #[arg(long, value_name = "OUT.csv")]
    summary: Option<PathBuf>,
    #[arg(long, value_name = "OUT.json")]
    json: Option<PathBuf>,
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    #[arg(long, default_value_t = 0)]
    jobs: usize,
}

/// The summary's name of a document's format, by its content: `HTML`, `DOCX` (any zip:
/// whether it is a Word document is told when it is read), `PDF`, or `DOC` (the old
/// Word format, refused).
fn format_name(sniffed: Sniffed) -> &'static str {
    match sniffed.format() {
        Some(f) => f.name(),
        None => "DOC",
    }
}

/// Whether a file of a folder is a document to audit, by its first bytes: a PDF, a zip
/// (a Word document), the old `.doc` (to be refused with what to do), or markup (a web
/// page starts with `<` once a byte-order mark and blanks are left aside). Other files
/// (a manifest, notes, pictures) are no report and are counted as skipped.
fn is_document(head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match import::sniff(head) {
        Sniffed::Html => {
            text.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| *b == b'<')
        }
        _ => true,
    }
}

/// Reads and imports a published document (web page, Word file or PDF, by its content);
/// its format's name and the import, or a sentence saying why not, in the chosen
/// language.
fn read_document(path: &Path) -> (&'static str, Result<Imported, String>) {
    let unreadable = |e: std::io::Error| {
        l10n::tr(lang(), "load-io", &[arg("file", path.display()), arg("detail", e)])
    };
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return ("", Err(unreadable(e))),
    };
    if size > MAX_PAGE_SIZE as u64 {
        let error = import::ImportError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
        };
        return ("", Err(format!("{}: {}", path.display(), error.in_lang(lang()))));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return ("", Err(unreadable(e))),
    };
    let sniffed = import::sniff(&bytes);
    let format = format_name(sniffed);
    // A reader's bug on one hostile file (a parser's panic) is that file's failure, not
    // the end of a folder's audit: contained here, as the batch contains a render's.
    let result = std::panic::catch_unwind(|| import::import(&bytes))
        .unwrap_or_else(|panic| {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(import::ImportError::Unreadable {
                format: import::sniff(&bytes)
                    .format()
                    .unwrap_or(import::blocks::Format::Html),
                why: report_core::diagnostic::Text {
                    id: "import-reader-failed",
                    args: vec![arg("why", why)],
                },
            })
        })
        .map_err(|e| format!("{}: {}", path.display(), e.in_lang(lang())));
    (format, result)
}

/// [`read_document`] without the format.
fn read_page(path: &Path) -> Result<Imported, String> {
    read_document(path).1
}

fn print(problems: &[Located]) {
    for p in problems {
        eprintln!("{}", p.in_lang(lang()));
    }
}

fn counts(problems: &[Located]) -> (usize, usize) {
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    (errors, problems.len() - errors)
}

/// `govreport import`: exit 0 if the page has no error, 1 if the data file was written
/// but the page has errors (reading's or validation's: what `audit` reports), 2 if the
/// page could not be read or the file not written.
pub fn run_import(args: &ImportArgs) -> u8 {
    let imported = match read_page(&args.page) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}", error_line(&e));
            return UNREADABLE;
        }
    };
    // The same diagnostics, and so the same exit status, as `govreport audit` of the
    // page: reading's problems, then validation's.
    let problems = imported.audit(None);
    print(&problems);
    // Each doubtful cell's note in the chosen language; unknown cells written "" in
    // both formats (JSON without the notes, which it cannot carry).
    let reasons: Vec<String> =
        imported.doubts.iter().map(|d| d.reason_in(lang())).collect();
    let notes: Vec<CellNote<'_>> = imported
        .doubts
        .iter()
        .zip(&reasons)
        .map(|(d, reason)| CellNote {
            labels: &d.labels,
            comment: reason,
            unknown: d.unknown,
        })
        .collect();
    let format = Format::of_path(&args.output);
    let text = datafile::write::to_string_annotated(&imported.report, &notes, format);
    if let Err(e) = report_typst::batch::write_atomically(&args.output, text.as_bytes()) {
        eprintln!("{}", diagnostics::cannot_write(&args.output, &e));
        return UNREADABLE;
    }
    let (errors, warnings) = counts(&problems);
    eprintln!(
        "{}",
        l10n::tr(
            lang(),
            "import-summary",
            &[
                arg("page", args.page.display()),
                arg("errors", errors),
                arg("warnings", warnings),
                arg("read", yes_no(imported.tables_read)),
                arg("output", args.output.display()),
            ]
        )
    );
    if errors > 0 { ERRORS } else { 0 }
}

/// `error: …` in the chosen language.
fn error_line(text: &str) -> String {
    format!("{}{}{text}", Severity::Error.name(lang()), l10n::tr(lang(), "colon", &[]))
}

/// The folder audit's table: one line a page, its columns named in the chosen language
/// and aligned by the width a terminal gives them (a CJK character takes two columns).
fn table(audit: &Audit) -> String {
    let say = |id: &str| diagnostics::say(id, &[]);
    let mut lines: Vec<[String; 6]> = vec![[
        say("audit-col-file"),
        say("audit-col-year"),
        say("audit-col-tables"),
        say("audit-col-errors"),
        say("audit-col-warnings"),
        say("audit-col-agency"),
    ]];
    for entry in &audit.reports {
        lines.push(match &entry.report {
            None => [
                entry.file.clone(),
                "-".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                entry.failure.clone().unwrap_or_default(),
            ],
            Some(r) => [
                entry.file.clone(),
                r.year.to_string(),
                say(if r.tables_read {
                    "audit-tables-read"
                } else {
                    "audit-tables-not-read"
                }),
                r.errors.to_string(),
                r.warnings.to_string(),
                format!("{}{}{}", r.agency, say("colon"), rules_text(r)),
            ],
        });
    }
    let mut widths = [0usize; 6];
    for line in &lines {
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for line in &lines {
        let mut text = String::new();
        for (i, (cell, w)) in line.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - cell.width());
            match i {
                // Names to the left, figures to the right, the last column unpadded.
                0 | 2 => text.push_str(&format!("{cell}{pad}  ")),
                5 => text.push_str(cell),
                _ => text.push_str(&format!("{pad}{cell}  ")),
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out.pop();
    out
}

/// `yes` or `no`, for a selector of the message files.
fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Last year's report given with `--previous`, if any, or the error line that says why it
/// cannot be read.
fn given_previous(args: &AuditArgs) -> Result<Option<(Report, Unknown)>, String> {
    args.previous
        .as_deref()
        .map(previous_report)
        .transpose()
        .map_err(|e| error_line(&l10n::tr(lang(), "audit-previous", &[arg("why", e)])))
}

/// Last year's report from a published document (page, Word file, PDF: by content) or
/// a data file, with the cells it does not give.
fn previous_report(path: &Path) -> Result<(Report, Unknown), String> {
    let is_document = first_bytes(path).is_some_and(|head| is_document(&head));
    if is_document {
        return read_page(path).map(|i| {
            let unknown = i.unknown();
            (i.report, unknown)
        });
    }
    let loaded = datafile::load_path(path, None).map_err(|e| e.in_lang(lang()))?;
    // Read as far as it can be, as `check --previous` does.
    match loaded.partial {
        Some(report) => Ok((report, loaded.unknown)),
        None => Err(l10n::tr(lang(), "cli-not-a-report", &[arg("path", path.display())])),
    }
}

/// `govreport audit`: exit 0 without errors, 1 with errors in some report, 2 if a page
/// could not be read.
pub fn run_audit(args: &AuditArgs) -> u8 {
    if args.path.is_dir() {
        return audit_folder(args);
    }
    let previous = match given_previous(args) {
        Ok(p) => p,
        Err(line) => {
            eprintln!("{line}");
            return UNREADABLE;
        }
    };
    let (format, imported) = read_document(&args.path);
    let imported = match imported {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}", error_line(&e));
            return UNREADABLE;
        }
    };
    let problems = imported.audit_partial(previous.as_ref().map(|(r, u)| (r, u)));
    print(&problems);
    let previous_file = args.previous.as_deref().map(file_name);
    let pages = vec![Audited {
        file: file_name(&args.path),
        format,
        result: Ok((
            ReportAudit::of(&imported, &problems, previous_file, lang()),
            &imported.report,
        )),
    }];
    let audit = Audit::build(pages, lang());
    if let Some((entry, report)) = audit.read().next() {
        eprintln!("{}", sentence(&entry.file, report));
    }
    if let Err(code) = write_outputs(args, &audit) {
        return code;
    }
    if audit.totals.with_errors > 0 { ERRORS } else { 0 }
}

/// The rules broken in a report, with their counts: `T3-COL (2), PROSE (1)`, or `-`.
fn rules_text(report: &ReportAudit) -> String {
    let parts: Vec<String> = audit::rules()
        .into_iter()
        .filter_map(|r| report.by_rule.get(r.id()).map(|n| format!("{r} ({n})")))
        .collect();
    if parts.is_empty() { "-".into() } else { parts.join(", ") }
}

/// A report's audit in one sentence, in the chosen language.
fn sentence(file: &str, r: &ReportAudit) -> String {
    l10n::tr(
        lang(),
        "audit-summary",
        &[
            arg("file", file),
            arg("agency", &r.agency),
            arg("year", r.year),
            arg("errors", r.errors),
            arg("warnings", r.warnings),
            arg("read", yes_no(r.tables_read)),
            arg("rules", rules_text(r)),
        ],
    )
}

/// A report's agency, year, date and tables, without its prose: what last year's report
/// gives this year's checks and the comparisons between years.
fn tables_of(report: &Report) -> Report {
    let mut tables = Report::new(report.agency.clone(), report.year, report.date);
    tables.active_disclosure = report.active_disclosure.clone();
    tables.applications = report.applications.clone();
    tables.reviews_and_lawsuits = report.reviews_and_lawsuits.clone();
    tables
}

/// The first kilobyte of a file (what [`import::sniff`] looks at), if it can be read.
fn first_bytes(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(1024);
    std::fs::File::open(path).ok()?.take(1024).read_to_end(&mut head).ok()?;
    Some(head)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Writes the summary (CSV), the JSON and the page the arguments ask for, all from the
/// one model; `Err` with the exit status if one cannot be written.
fn write_outputs(args: &AuditArgs, audit: &Audit) -> Result<(), u8> {
    let write = |out: &Path, bytes: &[u8], written: &str| {
        if let Err(e) = report_typst::batch::write_atomically(out, bytes) {
            eprintln!("{}", diagnostics::cannot_write(out, &e));
            return Err(UNREADABLE);
        }
        eprintln!("{}", diagnostics::say(written, &[arg("path", out.display())]));
        Ok(())
    };
    if let Some(out) = &args.summary {
        let bytes = audit.to_csv().map_err(|e| {
            eprintln!("{}", diagnostics::cannot_write(out, &std::io::Error::other(e)));
            UNREADABLE
        })?;
        write(out, &bytes, "audit-summary-written")?;
    }
    if let Some(out) = &args.json {
        write(out, audit.to_json().as_bytes(), "audit-json-written")?;
    }
    if let Some(out) = &args.html {
        write(out, audit::page::write(audit).as_bytes(), "audit-html-written")?;
    }
    Ok(())
}

/// Every page of a folder, imported in parallel; each audited with last year's page of
/// the same agency where the folder has it.
fn audit_folder(args: &AuditArgs) -> u8 {
    let mut skipped: Vec<String> = Vec::new();
    let mut pages: Vec<PathBuf> = match std::fs::read_dir(&args.path) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                let keep = first_bytes(p).is_none_or(|head| is_document(&head));
                if !keep {
                    skipped.push(file_name(p));
                }
                keep
            })
            .collect(),
        Err(e) => {
            eprintln!(
                "{}",
                diagnostics::error(
                    "cli-cannot-read-folder",
                    &[
                        arg("path", args.path.display()),
                        arg("reason", diagnostics::io_reason(&e))
                    ]
                )
            );
            return UNREADABLE;
        }
    };
    pages.sort();
    skipped.sort();
    if !skipped.is_empty() {
        eprintln!(
            "{}",
            diagnostics::say(
                "audit-skipped",
                &[arg("count", skipped.len()), arg("files", skipped.join(", "))]
            )
        );
    }
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(args.jobs).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!(
                "{}",
                diagnostics::error("cli-cannot-start-workers", &[arg("reason", e)])
            );
            return UNREADABLE;
        }
    };
    // First pass: each document read for its tables only (what last year's report
    // gives the continuity rules and the comparisons), the document dropped.
    // A document's format, and its report's tables with the cells it does not give.
    type First = (&'static str, Result<(Report, Unknown), String>);
    let first: Vec<First> = pool.install(|| {
        pages
            .par_iter()
            .map(|p| {
                let (format, result) = read_document(p);
                (format, result.map(|i| (tables_of(&i.report), i.unknown())))
            })
            .collect()
    });
    let given = match given_previous(args) {
        Ok(p) => p,
        Err(line) => {
            eprintln!("{line}");
            return UNREADABLE;
        }
    };
    // Last year's report of each agency, from the folder itself, with its unknown cells.
    let mut by_agency: HashMap<(String, i32), (&Report, &Unknown, String)> =
        HashMap::new();
    for (path, (_, result)) in pages.iter().zip(&first) {
        if let Ok((r, u)) = result {
            by_agency
                .entry((r.agency.name.clone(), r.year))
                .or_insert_with(|| (r, u, file_name(path)));
        }
    }
    // Second pass: each document read again and audited against last year's, its audit
    // and printed problems kept, the document dropped: memory grows by an audit a
    // document, not by a document.
    type Second = Result<(ReportAudit, Vec<String>), String>;
    let second: Vec<Second> = pool.install(|| {
        pages
            .par_iter()
            .zip(&first)
            .map(|(path, (_, first))| {
                let Ok((tables, _)) = first else {
                    return Err(first.as_ref().err().cloned().unwrap_or_default());
                };
                let key = (tables.agency.name.clone(), tables.year - 1);
                let (previous, file) = match by_agency.get(&key) {
                    Some((r, u, file)) => (Some((*r, *u)), Some(file.clone())),
                    None => (
                        given.as_ref().map(|(r, u)| (r, u)),
                        args.previous.as_deref().map(file_name),
                    ),
                };
                let imported = read_document(path).1?;
                let problems = imported.audit_partial(previous);
                let printed = problems.iter().map(|p| p.in_lang(lang())).collect();
                let audit =
                    ReportAudit::of(&imported, &problems, previous.and(file), lang());
                Ok((audit, printed))
            })
            .collect()
    });
    let mut audited = Vec::with_capacity(pages.len());
    for ((path, (format, first)), second) in pages.iter().zip(&first).zip(second) {
        let file = file_name(path);
        eprintln!("== {file}");
        let result = match (first, second) {
            (Ok((tables, _)), Ok((audit, printed))) => {
                for line in printed {
                    eprintln!("{line}");
                }
                Ok((audit, tables))
            }
            (_, Err(e)) => Err(e),
            (Err(e), _) => Err(e.clone()),
        };
        audited.push(Audited { file, format, result });
    }
    let pages = audited;
    let audit = Audit::build(pages, lang());
    outln!("{}", table(&audit));
    if let Err(code) = write_outputs(args, &audit) {
        return code;
    }
    if audit.totals.unreadable > 0 {
        UNREADABLE
    } else if audit.totals.with_errors > 0 {
        ERRORS
    } else {
        0
    }
}
