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

mod audit;
mod cli;
mod diff;
mod edit;
mod import;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use report_core::datafile::{self, Format, LoadError, Loaded, Source};
use report_core::html::HtmlOptions;
use report_core::l10n::{Lang, arg};
use report_core::{AdminLevel, Agency, AgencyKind, Report};
use report_typst::RenderOptions;
use report_typst::batch::{self, BatchOptions, Formats};

/// Exit status: the report has errors, or something failed.
pub(crate) const ERRORS: u8 = 1;
/// Exit status: the input could not be read.
pub(crate) const UNREADABLE: u8 = 2;

/// The command line. Every description of it (the program's, each subcommand's, each
/// argument's and value's) is in the message files, looked up by [`cli::localized`]:
/// none is written here, so that each is written once, in both languages.
#[derive(Parser)]
#[command(name = "govreport", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
}

/// The languages of `--lang`.
#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// `init --kind`: what kind of body the agency is.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Kind {
    Department,
    PeoplesGovernment,
}

/// `init --level`: the level of government.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Level {
    National,
    Provincial,
    Prefecture,
    County,
    Township,
}

/// `check --format`: how to print the problems.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutputFormat {
    Human,
    Json,
}

/// What `render` and `batch` write (`--format`).
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum DocFormat {
    Pdf,
    Html,
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

/// The options of `render` and `batch` alike.
#[derive(clap::Args)]
struct RenderArgs {
    #[arg(long = "font-dir", value_name = "DIR")]
    font_dirs: Vec<PathBuf>,
    #[arg(long)]
    pdfa: bool,
    #[arg(long)]
    force: bool,
    #[arg(long)]
    untagged: bool,
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

/// The subcommands.
#[derive(Subcommand)]
enum Command {
    Init {
        output: PathBuf,
        #[arg(long)]
        agency: String,
        #[arg(long)]
        year: i32,
        #[arg(long, value_enum, default_value = "department")]
        kind: Kind,
        #[arg(long, value_enum, default_value = "county")]
        level: Level,
        #[arg(long)]
        force: bool,
    },
    Check {
        file: PathBuf,
        #[arg(long, value_name = "LAST_YEARS_FILE")]
        previous: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: OutputFormat,
    },
    Render {
        file: PathBuf,
        #[arg(short, long, value_name = "OUT.pdf|OUT.html|OUT.docx")]
        output: PathBuf,
        #[arg(long, value_enum)]
        format: Option<DocFormat>,
        #[arg(long, value_name = "LAST_YEARS_FILE")]
        previous: Option<PathBuf>,
        #[command(flatten)]
        render: RenderArgs,
    },
    Batch {
        dir: PathBuf,
        #[arg(short, long, value_name = "OUTDIR")]
        output: PathBuf,
        #[arg(long, default_value_t = 0)]
        jobs: usize,
        #[arg(long, value_enum, value_delimiter = ',', default_value = "pdf")]
        format: Vec<DocFormat>,
        #[arg(long, value_name = "LAST_YEARS_DIR")]
        previous: Option<PathBuf>,
        #[command(flatten)]
        render: RenderArgs,
    },
    Schema,
    Diff {
        last: PathBuf,
        this: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: diff::DiffFormat,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        force: bool,
    },
    Import(import::ImportArgs),
    Audit(import::AuditArgs),
    Edit(edit::EditArgs),
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language is chosen before clap reads the command line, so that its help and
    // errors are in it too: `--lang` as clap will read it, else the environment.
    let env_lang = Lang::from_env(|name| std::env::var(name).ok());
    let lang = cli::lang_arg(&args)
        .and_then(|value| LangArg::from_str(value.to_str()?, false).ok())
        .map_or(env_lang, Lang::from);
    let cli: Cli = match cli::parse(lang, &args) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    diagnostics::set_lang(cli.lang.map_or(lang, Lang::from));
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
        Command::Batch { dir, output, jobs, format, previous, render: args } => {
            run_batch(&dir, &output, jobs, &format, previous.as_deref(), &args)
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
        Command::Edit(args) => edit::run(&args),
    };
    ExitCode::from(code)
}

/// The agency `init` and `edit` write into a new data file.
pub(crate) fn agency(name: String, kind: Kind, level: Level) -> Agency {
    Agency {
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
    }
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
    let agency = agency(name, kind, level);
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
pub(crate) fn read(
    file: &Path,
    previous: Option<&Report>,
    json: bool,
) -> Result<Loaded, u8> {
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
                eprintln!("{}", diagnostics::error_text(&message.to_string()));
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
            eprintln!("{}", diagnostics::error_text(&failure.error.to_string()));
            ERRORS
        }
    }
}

fn run_batch(
    dir: &Path,
    out_dir: &Path,
    jobs: usize,
    formats: &[DocFormat],
    previous: Option<&Path>,
    args: &RenderArgs,
) -> u8 {
    let cannot_read = |path: &Path, e: &std::io::Error| {
        eprintln!(
            "{}",
            diagnostics::error(
                "cli-cannot-read-folder",
                &[arg("path", path.display()), arg("reason", diagnostics::io_reason(e))]
            )
        );
        UNREADABLE
    };
    let mut list = match batch::jobs_in_dir(dir, out_dir) {
        Ok(list) => list,
        Err(e) => return cannot_read(dir, &e),
    };
    let unpaired = match previous.map(|last| batch::pair_previous(&mut list, last)) {
        None => Vec::new(),
        Some(Ok(unpaired)) => unpaired,
        Some(Err(e)) => return cannot_read(previous.unwrap_or(dir), &e),
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
            eprintln!("{}{}{w}", o.job.input.display(), diagnostics::say("colon", &[]));
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
    if let (Some(last), false) = (previous, unpaired.is_empty()) {
        eprintln!(
            "{}",
            diagnostics::say(
                "cli-batch-unpaired",
                &[arg("count", unpaired.len()), arg("dir", last.display())]
            )
        );
        for u in &unpaired {
            let file = u.input.file_name().unwrap_or_default().to_string_lossy();
            let args = [
                arg("file", file),
                arg("agency", &u.agency),
                arg("year", u.year),
                arg("last", u.year - 1),
            ];
            eprintln!("  {}", diagnostics::say("cli-batch-unpaired-one", &args));
        }
    }
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
    let lang = diagnostics::lang();
    for o in failed {
        let file = o.job.input.display();
        match &o.result {
            // A load error names its file (and the line) itself.
            Err(batch::Failure::Load(e)) => eprintln!("  {}", e.in_lang(lang)),
            Err(batch::Failure::Invalid(problems)) => {
                let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
                let first = errors.first().map(|p| p.in_lang(lang)).unwrap_or_default();
                let args = [
                    arg("file", &file),
                    arg("errors", errors.len()),
                    arg("first", first),
                ];
                eprintln!("  {}", diagnostics::say("cli-batch-invalid", &args));
            }
            Err(e) => eprintln!("  {file}{}{e}", diagnostics::say("colon", &[])),
            Ok(_) => {}
        }
    }
    ERRORS
}
