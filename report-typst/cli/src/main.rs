//! `govreport`: write, check and render annual reports on government information
//! disclosure from TOML or JSON data files, one at a time or a whole folder in parallel.
//!
//! Exit status: 0 success (warnings allowed); 1 the report has errors, or a render or a
//! job of a batch failed; 2 the input could not be read (missing, larger than 16 MiB,
//! not UTF-8, empty, not valid TOML/JSON) or the command line is wrong.

mod diagnostics;
mod docx;

/// `println!` to stdout that ignores a closed pipe (`govreport check … | head`).
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

/// `print!` to stdout that ignores a closed pipe.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}

mod diff;
mod import;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use report_core::datafile::{self, Format, LoadError, Loaded, Source};
use report_core::html::HtmlOptions;
use report_core::l10n::arg;
use report_core::{AdminLevel, Agency, AgencyKind, Report};
use report_typst::RenderOptions;
use report_typst::batch::{self, BatchOptions, Formats};

/// Exit status: the report has errors, or something failed.
const ERRORS: u8 = 1;
/// Exit status: the input could not be read.
const UNREADABLE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "govreport",
    version,
    about = "政府信息公开工作年度报告: data files in, checked reports and print-ready PDFs out",
    long_about = "Write a data file with `init`, fill it in, `check` it, and `render` it to PDF; \
                  `batch` renders a whole folder on all cores.\n\n\
                  Exit status: 0 success (warnings allowed), 1 errors in the report or a failed \
                  render, 2 unreadable input or a wrong command line."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the messages: `zh` (Chinese) or `en` (English). Default: Chinese
    /// when LC_ALL, LC_MESSAGES or LANG (the first that is set) starts with `zh`, else
    /// English.
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
}

/// A language of the messages.
#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// 中文.
    Zh,
    /// English.
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    /// A government department (部门).
    Department,
    /// A people's government reporting on itself (本级人民政府).
    PeoplesGovernment,
}

#[derive(Clone, Copy, ValueEnum)]
enum Level {
    /// 国务院 and its departments.
    National,
    /// Provinces.
    Provincial,
    /// 设区的市.
    Prefecture,
    /// Counties and districts.
    County,
    /// Townships and sub-districts.
    Township,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutputFormat {
    /// rustc-style diagnostics.
    Human,
    /// One JSON object on stdout.
    Json,
}

/// What `render` and `batch` write.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum DocFormat {
    /// The print-ready PDF.
    Pdf,
    /// The web page (one UTF-8 file, inline CSS, no scripts).
    Html,
    /// The editable Word document (fonts named, not embedded).
    Docx,
}

impl DocFormat {
    /// The extensions an output may end in, and what each writes.
    const EXTENSIONS: [(&str, DocFormat); 4] = [
        ("pdf", DocFormat::Pdf),
        ("html", DocFormat::Html),
        ("htm", DocFormat::Html),
        ("docx", DocFormat::Docx),
    ];

    /// The format an output path's extension names (`.pdf`, `.html`/`.htm`, `.docx`, in
    /// any case); `None` for any other extension or none, which `--format` must then
    /// settle: a PDF written under the name `report.xlsx` would only mislead.
    fn of_path(path: &Path) -> Option<DocFormat> {
        let extension = path.extension()?.to_str()?;
        DocFormat::EXTENSIONS
            .iter()
            .find(|(e, _)| e.eq_ignore_ascii_case(extension))
            .map(|(_, format)| *format)
    }
}

#[derive(clap::Args)]
struct RenderArgs {
    /// A folder of fonts (searched recursively); the official families in it are used for
    /// their roles. Repeatable.
    #[arg(long = "font-dir", value_name = "DIR")]
    font_dirs: Vec<PathBuf>,
    /// Write archival PDF/A-2u.
    #[arg(long)]
    pdfa: bool,
    /// Render even a report with errors.
    #[arg(long)]
    force: bool,
    /// Leave out the accessibility structure tree (tagged PDF): about 8 KB smaller, but
    /// screen readers lose the reading order and the tables' header cells.
    #[arg(long)]
    untagged: bool,
    /// HTML: write only the article (with its classes, without page or CSS), for pasting
    /// into a site's editor.
    #[arg(long)]
    fragment: bool,
}

impl RenderArgs {
    fn options(&self) -> RenderOptions {
        RenderOptions {
            font_dirs: self.font_dirs.clone(),
            pdf_a: self.pdfa,
            force: self.force,
            tagged: !self.untagged,
            ..RenderOptions::default()
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Write a skeleton data file for an agency and year: every table cell 0, the
    /// official labels as keys (TOML, or JSON if the name ends in .json).
    Init {
        /// The file to write.
        output: PathBuf,
        /// The agency's full official name, e.g. 威海市文登区科学技术局.
        #[arg(long)]
        agency: String,
        /// The statistical year.
        #[arg(long)]
        year: i32,
        /// What kind of body the agency is.
        #[arg(long, value_enum, default_value = "department")]
        kind: Kind,
        /// The level of government.
        #[arg(long, value_enum, default_value = "county")]
        level: Level,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Check a data file: every problem with its file, line and column.
    Check {
        /// The data file.
        file: PathBuf,
        /// Last year's data file, for the continuity checks.
        #[arg(long, value_name = "LAST_YEARS_FILE")]
        previous: Option<PathBuf>,
        /// How to print the problems.
        #[arg(long, value_enum, default_value = "human")]
        format: OutputFormat,
    },
    /// Render a data file to PDF, HTML or Word (refused if it has errors, unless --force).
    Render {
        /// The data file.
        file: PathBuf,
        /// The file to write (atomically): a PDF, a web page if it ends in .html, a Word
        /// document if it ends in .docx.
        #[arg(short, long, value_name = "OUT.pdf|OUT.html|OUT.docx")]
        output: PathBuf,
        /// What to write, whatever the output's extension says.
        #[arg(long, value_enum)]
        format: Option<DocFormat>,
        /// Last year's data file: fills the placeholders {….较上年} and {….上年}, and
        /// enables the continuity checks.
        #[arg(long, value_name = "LAST_YEARS_FILE")]
        previous: Option<PathBuf>,
        #[command(flatten)]
        render: RenderArgs,
    },
    /// Render every data file (*.toml, *.json) of a folder, in parallel on all cores.
    Batch {
        /// The folder of data files.
        dir: PathBuf,
        /// The folder for the PDFs (created if missing).
        #[arg(short, long, value_name = "OUTDIR")]
        output: PathBuf,
        /// Worker threads (default: one per core).
        #[arg(long, default_value_t = 0)]
        jobs: usize,
        /// What to write for each data file: `pdf`, `html`, `docx`, or several
        /// (`pdf,html,docx`).
        #[arg(long, value_enum, value_delimiter = ',', default_value = "pdf")]
        format: Vec<DocFormat>,
        #[command(flatten)]
        render: RenderArgs,
    },
    /// Print the JSON Schema of data files.
    Schema,
    /// Compare two reports of the same agency, last year's first: every cell and fact,
    /// last year, this year, the change and the change in %, biggest changes first.
    Diff {
        /// Last year's data file.
        last: PathBuf,
        /// This year's data file.
        this: PathBuf,
        /// How to print the comparison.
        #[arg(long, value_enum, default_value = "text")]
        format: diff::DiffFormat,
        /// Text: list the unchanged figures too.
        #[arg(long)]
        all: bool,
        /// Compare reports of different agencies or of years that are not consecutive.
        #[arg(long)]
        force: bool,
    },
    /// Read a published report page (HTML) into a data file; doubtful cells commented.
    Import(import::ImportArgs),
    /// Import and check published pages in one step: every problem with its place in the
    /// page; a folder in parallel, with a CSV summary (--summary).
    Audit(import::AuditArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    diagnostics::set_lang(match cli.lang {
        Some(LangArg::Zh) => report_core::l10n::Lang::Zh,
        Some(LangArg::En) => report_core::l10n::Lang::En,
        None => report_core::l10n::Lang::from_env(|name| std::env::var(name).ok()),
    });
    let code = match cli.command {
        Command::Init { output, agency, year, kind, level, force } => {
            init(&output, agency, year, kind, level, force)
        }
        Command::Check { file, previous, format } => {
            check(&file, previous.as_deref(), format)
        }
        Command::Render { file, output, format, previous, render: args } => {
            match format.or_else(|| DocFormat::of_path(&output)) {
                Some(format) => {
                    render(&file, &output, format, previous.as_deref(), &args)
                }
                None => {
                    let accepted: Vec<String> = DocFormat::EXTENSIONS
                        .iter()
                        .map(|(e, _)| format!(".{e}"))
                        .collect();
                    let found =
                        output.extension().map(|e| format!(".{}", e.to_string_lossy()));
                    let id = match found {
                        Some(_) => "cli-unknown-extension",
                        None => "cli-no-extension",
                    };
                    let args = [
                        arg("path", output.display()),
                        arg("found", found.unwrap_or_default()),
                        arg("accepted", accepted.join(" ")),
                    ];
                    eprintln!("{}", diagnostics::error(id, &args));
                    UNREADABLE
                }
            }
        }
        Command::Batch { dir, output, jobs, format, render: args } => {
            run_batch(&dir, &output, jobs, &format, &args)
        }
        Command::Diff { last, this, format, all, force } => {
            diff::run(&last, &this, format, all, force)
        }
        Command::Schema => {
            out!("{}", datafile::schema::json_schema_text());
            0
        }
        Command::Import(args) => import::run_import(&args),
        Command::Audit(args) => import::run_audit(&args),
    };
    ExitCode::from(code)
}

fn init(
    output: &Path,
    name: String,
    year: i32,
    kind: Kind,
    level: Level,
    force: bool,
) -> u8 {
    if output.exists() && !force {
        eprintln!(
            "{}",
            diagnostics::error("cli-exists", &[arg("path", output.display())])
        );
        return ERRORS;
    }
    let agency = Agency {
        name,
        kind: match kind {
            Kind::Department => AgencyKind::Department,
            Kind::PeoplesGovernment => AgencyKind::PeoplesGovernment,
        },
        level: match level {
            Level::National => AdminLevel::National,
            Level::Provincial => AdminLevel::Provincial,
            Level::Prefecture => AdminLevel::Prefecture,
            Level::County => AdminLevel::County,
            Level::Township => AdminLevel::Township,
        },
        address: String::new(),
        telephone: String::new(),
        website: String::new(),
    };
    let text = datafile::write::skeleton(agency, year, Format::of_path(output));
    match batch::write_atomically(output, text.as_bytes()) {
        Ok(()) => {
            outln!("{}", output.display());
            0
        }
        Err(e) => {
            eprintln!("{}", diagnostics::cannot_write(output, &e));
            ERRORS
        }
    }
}

/// Prints why a data file could not be read (as JSON or for people) and gives the exit
/// status for it.
fn unreadable(e: &LoadError, source: Option<&Source>, json: bool) -> u8 {
    if json {
        outln!("{}", diagnostics::load_error_json(e));
    } else {
        eprint!("{}", diagnostics::human_load_error(e, source));
    }
    UNREADABLE
}

/// Reads and checks a data file; `Err` with the exit status after printing why not.
fn read(file: &Path, previous: Option<&Report>, json: bool) -> Result<Loaded, u8> {
    let fail = |e: &LoadError, source: Option<&Source>| unreadable(e, source, json);
    let source = datafile::read_source(file).map_err(|e| fail(&e, None))?;
    datafile::load(source.clone(), previous).map_err(|e| fail(&e, Some(&source)))
}

/// [`read`], checked against last year's file as far as it could be read.
fn read_against(
    file: &Path,
    previous: Option<&Loaded>,
    json: bool,
) -> Result<Loaded, u8> {
    let fail = |e: &LoadError, source: Option<&Source>| unreadable(e, source, json);
    let source = datafile::read_source(file).map_err(|e| fail(&e, None))?;
    datafile::load_against(source.clone(), previous).map_err(|e| fail(&e, Some(&source)))
}

fn print_problems(loaded: &Loaded, only_warnings: bool) {
    for p in &loaded.problems {
        if !only_warnings || !p.is_error() {
            eprintln!("{}", diagnostics::human(p, &loaded.source));
        }
    }
}

/// Reads last year's data file, if one is given; `Err` with the exit status.
fn read_previous(previous: Option<&Path>, json: bool) -> Result<Option<Report>, u8> {
    let Some(path) = previous else { return Ok(None) };
    let loaded = read(path, None, json)?;
    match loaded.report {
        Some(report) => Ok(Some(report)),
        None => {
            eprintln!(
                "{}",
                diagnostics::error(
                    "cli-previous-unreadable",
                    &[arg("path", path.display())]
                )
            );
            print_problems(&loaded, false);
            Err(UNREADABLE)
        }
    }
}

fn check(file: &Path, previous: Option<&Path>, format: OutputFormat) -> u8 {
    let json = format == OutputFormat::Json;
    // Last year's file is used as far as it can be read; its errors become one note.
    let last_year = match previous {
        None => None,
        Some(path) => match read(path, None, json) {
            Err(code) => return code,
            Ok(loaded) => Some(loaded),
        },
    };
    let loaded = match read_against(file, last_year.as_ref(), json) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if json {
        outln!("{}", diagnostics::check_json(&loaded.source.name, &loaded.problems));
    } else {
        print_problems(&loaded, false);
        eprintln!("{}", diagnostics::summary(&loaded.source.name, &loaded.problems));
    }
    if loaded.has_errors() { ERRORS } else { 0 }
}

fn render(
    file: &Path,
    output: &Path,
    format: DocFormat,
    previous: Option<&Path>,
    args: &RenderArgs,
) -> u8 {
    let last_year = match read_previous(previous, false) {
        Ok(last_year) => last_year,
        Err(code) => return code,
    };
    let loaded = match read(file, last_year.as_ref(), false) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let report = match &loaded.report {
        Some(report) if args.force || !loaded.has_errors() => report,
        _ => {
            print_problems(&loaded, false);
            eprintln!("{}", diagnostics::summary(&loaded.source.name, &loaded.problems));
            let id = if loaded.report.is_some() {
                "cli-not-rendered-force"
            } else {
                "cli-not-rendered"
            };
            eprintln!("{}", diagnostics::error(id, &[]));
            return ERRORS;
        }
    };
    print_problems(&loaded, !args.force);
    if format == DocFormat::Docx {
        let mut options = args.options();
        options.previous = last_year.clone().map(Box::new);
        return match docx::render(report, output, &options) {
            Ok(()) => {
                outln!("{}", output.display());
                0
            }
            Err(message) => {
                eprintln!("error: {message}");
                ERRORS
            }
        };
    }
    if format == DocFormat::Html {
        let options = HtmlOptions { fragment: args.fragment };
        let page = report_core::html::page_with(report, last_year.as_ref(), &options);
        if let Err(e) = batch::write_atomically(output, page.as_bytes()) {
            eprintln!("{}", diagnostics::cannot_write(output, &e));
            return ERRORS;
        }
        outln!("{}", output.display());
        return 0;
    }
    // The renderer's warnings, placed in the file like the problems above; on failure too.
    let print_warnings = |warnings: Vec<report_core::Diagnostic>| {
        // Font and typesetting warnings, in the chosen language like every problem.
        for w in loaded.locate(warnings) {
            eprintln!("{}", diagnostics::human(&w, &loaded.source));
        }
    };
    let mut options = args.options();
    options.previous = last_year.map(Box::new);
    match report_typst::render(report, &options) {
        Ok(rendered) => {
            print_warnings(rendered.warnings);
            if let Err(e) = batch::write_atomically(output, &rendered.pdf) {
                eprintln!("{}", diagnostics::cannot_write(output, &e));
                return ERRORS;
            }
            outln!("{}", output.display());
            0
        }
        Err(failure) => {
            print_warnings(failure.warnings);
            eprintln!("error: {}", failure.error);
            ERRORS
        }
    }
}

fn run_batch(
    dir: &Path,
    out_dir: &Path,
    jobs: usize,
    formats: &[DocFormat],
    args: &RenderArgs,
) -> u8 {
    let list = match batch::jobs_in_dir(dir, out_dir) {
        Ok(list) => list,
        Err(e) => {
            eprintln!(
                "{}",
                diagnostics::error(
                    "cli-cannot-read-folder",
                    &[
                        arg("path", dir.display()),
                        arg("reason", diagnostics::io_reason(&e))
                    ]
                )
            );
            return UNREADABLE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        eprintln!(
            "{}",
            diagnostics::error(
                "cli-cannot-create",
                &[
                    arg("path", out_dir.display()),
                    arg("reason", diagnostics::io_reason(&e))
                ]
            )
        );
        return ERRORS;
    }
    let total = list.len();
    let bar =
        ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let failures = Mutex::new(0usize);
    let options = BatchOptions {
        render: args.options(),
        threads: jobs,
        formats: Formats {
            pdf: formats.contains(&DocFormat::Pdf),
            html: formats
                .contains(&DocFormat::Html)
                .then_some(HtmlOptions { fragment: args.fragment }),
            docx: formats.contains(&DocFormat::Docx),
        },
    };
    let outcomes = batch::run(list, &options, &|outcome| {
        if outcome.result.is_err()
            && let Ok(mut n) = failures.lock()
        {
            *n += 1;
            bar.set_message(diagnostics::say("cli-failed-count", &[arg("n", *n)]));
        }
        bar.inc(1);
    });
    bar.finish_and_clear();
    let failed: Vec<_> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    for o in &outcomes {
        let warnings = match &o.result {
            Ok(success) => success
                .warnings
                .iter()
                .map(|w| w.in_lang(diagnostics::lang()).to_string())
                .collect(),
            Err(batch::Failure::Render(failure)) => failure
                .warnings
                .iter()
                .map(|w| w.in_lang(diagnostics::lang()).to_string())
                .collect(),
            Err(_) => Vec::new(),
        };
        for w in warnings {
            eprintln!("warning: {}: {w}", o.job.input.display());
        }
    }
    outln!(
        "{}",
        diagnostics::say(
            "cli-batch-done",
            &[
                arg("done", total - failed.len()),
                arg("total", total),
                arg("dir", out_dir.display())
            ]
        )
    );
    if failed.is_empty() {
        return 0;
    }
    eprintln!(
        "{}",
        diagnostics::error(
            "cli-batch-failed",
            &[arg("failed", failed.len()), arg("total", total)]
        )
    );
    for o in failed {
        match &o.result {
            // A load error names its file (and the line) itself.
            Err(e @ batch::Failure::Load(_)) => eprintln!("  {e}"),
            Err(e) => eprintln!("  {}: {e}", o.job.input.display()),
            Ok(_) => {}
        }
    }
    ERRORS
}
