//! Rendering many reports at once, on all cores: what `govreport batch` runs.
//!
//! [`run`] renders every [`Job`] (a data file) on a pool of threads (one per core by
//! default); [`run_reports`] does the same for reports held in memory ([`ReportJob`]),
//! for programs that build their reports in code. Both share one engine and one
//! [`crate::Renderer`] for all their jobs (its fonts read and its rows calibrated once;
//! Typst's caches evicted as it does by default). A file that
//! cannot be read, a report with errors or one that fails to render is a [`Failure`] in
//! its [`Outcome`] and never stops the others (a panic included). Outcomes come back in
//! the order of the jobs.
//!
//! Outputs are written atomically ([`write_atomically`]): a failure never leaves a
//! partial file or destroys an existing one.
//!
//! ```no_run
//! # fn demo() -> std::io::Result<()> {
//! use report_typst::batch::{self, BatchOptions};
//! let jobs = batch::jobs_in_dir("data".as_ref(), "out".as_ref())?;
//! let outcomes = batch::run(jobs, &BatchOptions::default(), &|_done| {});
//! let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
//! # Ok(()) }
//! ```
//!
//! In memory, with the PDFs written beside each other:
//!
//! ```no_run
//! # fn demo(reports: &[report_core::Report]) {
//! use report_typst::batch::{self, BatchOptions, ReportJob};
//! let jobs: Vec<ReportJob> = reports
//!     .iter()
//!     .enumerate()
//!     .map(|(i, report)| ReportJob { report, output: format!("out/{i}.pdf").into() })
//!     .collect();
//! let outcomes = batch::run_reports(jobs, &BatchOptions::default(), &|_done| {});
//! # }
//! ```

use std::fmt;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use report_core::datafile::{self, LoadError, Located};
use report_core::html::HtmlOptions;
use report_core::{IoError, Report};

use crate::{RenderFailure, RenderOptions, Renderer};

/// One data file to render, and where its PDF goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The data file (TOML, or JSON if it ends in `.json`).
    pub input: PathBuf,
    /// The PDF to write.
    pub output: PathBuf,
    /// Last year's data file of the same agency, if any ([`pair_previous`]): its cells
    /// fill the `.较上年`/`.上年` placeholders and the cross-year rules run against it,
    /// as far as it can be read (as `govreport render --previous`).
    pub previous: Option<PathBuf>,
}

/// A job [`pair_previous`] found no last year's file for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpaired {
    /// The data file.
    pub input: PathBuf,
    /// Its agency's name.
    pub agency: String,
    /// Its year (the file looked for is of the year before).
    pub year: i32,
}

/// An agency's name and a year, as a data file gives them (`None` if the file cannot be
/// read that far: the batch reports it as it renders it).
fn identity(path: &Path) -> Option<(String, i32)> {
    let loaded = datafile::load_path(path, None).ok()?;
    let report = loaded.report.as_ref().or(loaded.partial.as_ref())?;
    Some((same_agency(&report.agency.name), report.year))
}

/// An agency's name as files are paired by it: spacing left out.
fn same_agency(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Gives each job its last year's data file from `last_dir` (`*.toml`, `*.json`): the one
/// of the same agency (its name, spacing aside) and of the year before, the first by
/// file name if there are several. Returns the jobs that found none, in job order
/// (a job whose own file cannot be read is left to fail in the batch, not listed).
pub fn pair_previous(
    jobs: &mut [Job],
    last_dir: &Path,
) -> std::io::Result<Vec<Unpaired>> {
    let mut last_year: std::collections::HashMap<(String, i32), PathBuf> =
        std::collections::HashMap::new();
    for candidate in data_files(last_dir)? {
        if let Some(key) = identity(&candidate) {
            last_year.entry(key).or_insert(candidate);
        }
    }
    let mut unpaired = Vec::new();
    for job in jobs.iter_mut() {
        let Some((agency, year)) = identity(&job.input) else { continue };
        match last_year.get(&(agency.clone(), year - 1)) {
            Some(path) => job.previous = Some(path.clone()),
            None => unpaired.push(Unpaired { input: job.input.clone(), agency, year }),
        }
    }
    Ok(unpaired)
}

/// One report held in memory, and where its PDF goes: a job of [`run_reports`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportJob<'a> {
    /// The report, borrowed for the batch.
    pub report: &'a Report,
    /// The PDF to write.
    pub output: PathBuf,
}

/// How to run a batch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchOptions {
    /// How each report is rendered; `force` renders reports with errors.
    pub render: RenderOptions,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// What is written for each data file.
    pub formats: Formats,
}

/// What a batch writes for each data file: the PDF ([`Job::output`]), the web page
/// beside it (the same name ending in `.html`), the Word document (ending in `.docx`),
/// or any of them together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formats {
    /// Write the PDF (on by default).
    pub pdf: bool,
    /// Write the web page too, with these options (off by default).
    pub html: Option<HtmlOptions>,
    /// Write the Word document too (off by default), with the Word-meaningful settings
    /// of the render options ([`crate::docx::docx_options`]); the PDF-only ones are
    /// refused when no PDF is written. (Feature `docx`.)
    #[cfg(feature = "docx")]
    pub docx: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            pdf: true,
            html: None,
            #[cfg(feature = "docx")]
            docx: false,
        }
    }
}

/// A PDF (or web page) written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Success {
    /// The PDF's number of pages (0 when only the web page was written).
    pub pages: usize,
    /// Validation warnings, then the renderer's warnings, placed in the file where they
    /// can be.
    pub warnings: Vec<Located>,
}

/// Why a job produced no PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The file could not be read or parsed.
    Load(LoadError),
    /// The file has errors (its shape, its labels, or validation): every problem,
    /// warnings included.
    Invalid(Vec<Located>),
    /// Rendering failed (with the renderer's warnings gathered before); for a report
    /// held in memory, also its validation errors ([`crate::RenderError::Invalid`]).
    Render(RenderFailure),
    /// The Word document was refused (a PDF-only option) or could not be made.
    #[cfg(feature = "docx")]
    Word(crate::docx::WordError),
    /// An output (the PDF, the web page or the Word document) could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: IoError,
    },
    /// A bug: the render panicked (caught, so the batch went on).
    Panic(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Load(e) => write!(f, "{e}"),
            Failure::Invalid(problems) => {
                let errors: Vec<&Located> =
                    problems.iter().filter(|p| p.is_error()).collect();
                write!(f, "{} error(s)", errors.len())?;
                if let Some(first) = errors.first() {
                    write!(f, ", first: {first}")?;
                }
                Ok(())
            }
            Failure::Render(e) => write!(f, "{e}"),
            #[cfg(feature = "docx")]
            Failure::Word(e) => write!(f, "{e}"),
            Failure::Write { path, source } => {
                write!(f, "cannot write the output {}: {source}", path.display())
            }
            Failure::Panic(e) => write!(f, "internal error (a bug, please report): {e}"),
        }
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Failure::Load(e) => Some(e),
            Failure::Render(e) => Some(e),
            #[cfg(feature = "docx")]
            Failure::Word(e) => Some(e),
            Failure::Write { source, .. } => Some(source),
            Failure::Invalid(_) | Failure::Panic(_) => None,
        }
    }
}

/// What became of one job: a data file's ([`Job`], the default) or a report's held in
/// memory ([`ReportJob`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome<J = Job> {
    /// The job.
    pub job: J,
    /// The PDF written, or why not.
    pub result: Result<Success, Failure>,
}

/// Every data file (`*.toml`, `*.json`) directly in `dir`, sorted by name, each to
/// `out_dir/<stem>.pdf`.
pub fn jobs_in_dir(dir: &Path, out_dir: &Path) -> std::io::Result<Vec<Job>> {
    Ok(data_files(dir)?
        .into_iter()
        .map(|input| {
            let stem = input.file_stem().unwrap_or_default();
            let output = out_dir.join(Path::new(stem).with_extension("pdf"));
            Job { input, output, previous: None }
        })
        .collect())
}

/// Every data file (`*.toml`, `*.json`) directly in `dir`, sorted by name.
fn data_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let data = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json")
        });
        if data && !path.is_dir() {
            inputs.push(path);
        }
    }
    inputs.sort();
    Ok(inputs)
}

/// Reads, checks and renders one data file to `output` (atomically).
pub fn render_file(
    input: &Path,
    output: &Path,
    options: &RenderOptions,
) -> Result<Success, Failure> {
    render_formats(input, output, options, &Formats::default())
}

/// Reads, checks and renders one data file in `formats`: the PDF to `output`, the web
/// page to `output` with the extension `.html` (each atomically).
pub fn render_formats(
    input: &Path,
    output: &Path,
    options: &RenderOptions,
    formats: &Formats,
) -> Result<Success, Failure> {
    crate::with_renderer(options, |renderer| {
        render_formats_with(renderer, input, None, output, options, formats)
    })
    .unwrap_or_else(|error| Err(Failure::Render(error.into())))
}

/// [`render_formats`] with a renderer made already (a batch makes one for all its jobs).
fn render_formats_with(
    renderer: &Renderer,
    input: &Path,
    previous: Option<&Path>,
    output: &Path,
    options: &RenderOptions,
    formats: &Formats,
) -> Result<Success, Failure> {
    // Last year's file, as far as it can be read: its errors are one note among this
    // file's problems ([`datafile::Loaded::previous_note`]).
    let last_year = match previous {
        Some(path) => Some(datafile::load_path(path, None).map_err(Failure::Load)?),
        None => None,
    };
    let source = datafile::read_source(input).map_err(Failure::Load)?;
    let loaded =
        datafile::load_against(source, last_year.as_ref()).map_err(Failure::Load)?;
    let last_report =
        last_year.as_ref().and_then(|l| l.report.as_ref().or(l.partial.as_ref()));
    let with_previous;
    let options = match last_report {
        Some(report) => {
            with_previous = RenderOptions {
                previous: Some(Box::new(report.clone())),
                ..options.clone()
            };
            &with_previous
        }
        None => options,
    };
    let report = match &loaded.report {
        Some(report) if options.force || !loaded.has_errors() => report,
        _ => return Err(Failure::Invalid(loaded.problems)),
    };
    let mut warnings: Vec<Located> =
        loaded.problems.iter().filter(|p| !p.is_error()).cloned().collect();
    let mut pages = 0;
    if formats.pdf {
        let rendered = renderer.render(report, options).map_err(Failure::Render)?;
        write_atomically(output, &rendered.pdf).map_err(write_failure(output))?;
        warnings.extend(loaded.locate(rendered.warnings));
        pages = rendered.pages;
    }
    if let Some(html) = &formats.html {
        let page = report_core::html::page_with(report, last_report, html);
        let path = output.with_extension("html");
        write_atomically(&path, page.as_bytes()).map_err(write_failure(&path))?;
    }
    #[cfg(feature = "docx")]
    if formats.docx {
        // Beside a PDF, the PDF-only options are the PDF's; alone, they are refused.
        let word = if formats.pdf {
            RenderOptions {
                pdf_a: false,
                tagged: true,
                object_streams: true,
                fixed_rows: true,
                font_dirs: Vec::new(),
                ..options.clone()
            }
        } else {
            options.clone()
        };
        let docx = crate::docx::render(report, &word).map_err(Failure::Word)?;
        let path = output.with_extension("docx");
        write_atomically(&path, &docx.docx).map_err(write_failure(&path))?;
    }
    Ok(Success { pages, warnings })
}

/// The [`Failure::Write`] of a file.
fn write_failure(path: &Path) -> impl FnOnce(std::io::Error) -> Failure + '_ {
    move |e| Failure::Write { path: path.to_path_buf(), source: e.into() }
}

/// Renders one report held in memory to `output` (atomically). [`crate::render`]
/// validates it first: a report with errors is [`Failure::Render`] with
/// [`crate::RenderError::Invalid`] and every diagnostic, unless `options.force`.
pub fn render_report(
    report: &Report,
    output: &Path,
    options: &RenderOptions,
) -> Result<Success, Failure> {
    crate::with_renderer(options, |renderer| {
        render_report_with(renderer, report, output, options)
    })
    .unwrap_or_else(|error| Err(Failure::Render(error.into())))
}

/// [`render_report`] with a renderer made already.
fn render_report_with(
    renderer: &Renderer,
    report: &Report,
    output: &Path,
    options: &RenderOptions,
) -> Result<Success, Failure> {
    let rendered = renderer.render(report, options).map_err(Failure::Render)?;
    write_atomically(output, &rendered.pdf).map_err(write_failure(output))?;
    // Held in memory: no file to place the warnings in.
    let warnings: Vec<Located> = rendered
        .diagnostics
        .into_iter()
        .filter(|d| !d.is_error())
        .chain(rendered.warnings)
        .map(|diagnostic| Located::new(diagnostic, None))
        .collect();
    Ok(Success { pages: rendered.pages, warnings })
}

/// Renders every job on `options.threads` threads (all cores if 0), calling `on_done`
/// as each finishes (from the worker thread); the outcomes in the order of `jobs`.
pub fn run(
    jobs: Vec<Job>,
    options: &BatchOptions,
    on_done: &(dyn Fn(&Outcome) + Sync),
) -> Vec<Outcome> {
    // One renderer for every job: its fonts read and its rows calibrated once.
    let all = jobs.clone();
    crate::with_renderer(&options.render, |renderer| {
        run_jobs(
            jobs,
            options.threads,
            &|job| {
                render_formats_with(
                    renderer,
                    &job.input,
                    job.previous.as_deref(),
                    &job.output,
                    &options.render,
                    &options.formats,
                )
            },
            on_done,
        )
    })
    .unwrap_or_else(|error| failed_all(all, &error, on_done))
}

/// [`run`] for reports held in memory: renders every [`ReportJob`] on
/// `options.threads` threads (all cores if 0), calling `on_done` as each finishes (from
/// the worker thread); the outcomes in the order of `jobs`. Each report is validated by
/// the render ([`render_report`]); validating them all beforehand and passing only the
/// valid ones is cheaper than collecting the refusals.
pub fn run_reports<'a>(
    jobs: Vec<ReportJob<'a>>,
    options: &BatchOptions,
    on_done: &(dyn Fn(&Outcome<ReportJob<'a>>) + Sync),
) -> Vec<Outcome<ReportJob<'a>>> {
    let all = jobs.clone();
    crate::with_renderer(&options.render, |renderer| {
        run_jobs(
            jobs,
            options.threads,
            &|job| render_report_with(renderer, job.report, &job.output, &options.render),
            on_done,
        )
    })
    .unwrap_or_else(|error| failed_all(all, &error, on_done))
}

/// Every job failed alike: the renderer could not be made (a font folder that cannot be
/// read).
fn failed_all<J>(
    jobs: Vec<J>,
    error: &crate::RenderError,
    on_done: &(dyn Fn(&Outcome<J>) + Sync),
) -> Vec<Outcome<J>> {
    jobs.into_iter()
        .map(|job| {
            let outcome =
                Outcome { job, result: Err(Failure::Render(error.clone().into())) };
            on_done(&outcome);
            outcome
        })
        .collect()
}

/// The engine of [`run`] and [`run_reports`]: `work` on every job, on `threads` threads
/// (all cores if 0) taking the next job as they finish one, a panic caught as
/// [`Failure::Panic`]; the outcomes in the order of `jobs`.
fn run_jobs<J: Clone + Send + Sync>(
    jobs: Vec<J>,
    threads: usize,
    work: &(dyn Fn(&J) -> Result<Success, Failure> + Sync),
    on_done: &(dyn Fn(&Outcome<J>) + Sync),
) -> Vec<Outcome<J>> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .clamp(1, jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<Outcome<J>>>> =
        Mutex::new(std::iter::repeat_with(|| None).take(jobs.len()).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let result = catch_unwind(AssertUnwindSafe(|| work(job)))
                        .unwrap_or_else(|panic| {
                            let message = panic
                                .downcast_ref::<&str>()
                                .map(|s| (*s).to_owned())
                                .or_else(|| panic.downcast_ref::<String>().cloned())
                                .unwrap_or_else(|| "a panic".to_owned());
                            Err(Failure::Panic(message))
                        });
                    let outcome = Outcome { job: job.clone(), result };
                    on_done(&outcome);
                    if let Ok(mut slots) = slots.lock() {
                        slots[i] = Some(outcome);
                    }
                }
            });
        }
    });
    let slots = slots.into_inner().unwrap_or_else(|e| e.into_inner());
    slots
        .into_iter()
        .zip(jobs)
        .map(|(slot, job)| {
            slot.unwrap_or(Outcome {
                job,
                result: Err(Failure::Panic("the job was not run".to_owned())),
            })
        })
        .collect()
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, synced,
/// then renamed over `path`. On failure the temporary file is removed and an existing
/// `path` is left as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the output has no file name",
        )
    })?;
    let temp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file =
            std::fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
