//! Compiles a report into a PDF with an embedded, sandboxed Typst.
#![doc = ""]
#![doc = include_str!("../README.md")]

#[cfg(feature = "datafile")]
pub mod batch;
#[cfg(feature = "docx")]
pub mod docx;
mod font_meta;
pub mod fonts;
mod pack;
mod rows;
mod world;

pub use report_core;

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use report_core::chrono::Datelike;
use report_core::diagnostic::has_errors;
use report_core::document;
use report_core::fields::{TextRole, fields};
use report_core::l10n::arg;
use report_core::markup::Code;
use report_core::{Diagnostic, Invalid, IoError, Location, Report, Rule, TableId};
use typst::foundations::{Datetime, Smart};
use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use fonts::{FALLBACK_FAMILY, FontSet, RoleFont};
pub use pack::pack_objects;
pub use world::TEMPLATE;

use rows::FixedRows;

/// How to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Folders searched (recursively) for more fonts. Where one holds an official family
    /// (方正小标宋简体, 仿宋_GB2312 or FangSong, 黑体/SimHei, 楷体_GB2312 or KaiTi),
    /// its role uses it instead of the bundled font.
    pub font_dirs: Vec<PathBuf>,
    /// Write archival PDF/A-2u instead of plain PDF 1.7.
    pub pdf_a: bool,
    /// The house style that sets （一） and 1. headings in bold. The bundled 楷体 and 仿宋
    /// have no bold face, so bold is then synthesised (a thin stroke of the outlines).
    pub bold_subheadings: bool,
    /// Render even a report that validation finds errors in. Off by default: a report
    /// whose totals do not add up is refused with [`RenderError::Invalid`].
    pub force: bool,
    /// Write a tagged PDF (on by default): a structure tree that gives screen readers the
    /// reading order, the headings and the tables' header cells. Off leaves it out, which
    /// makes the sample report about 8 KB (3 %) smaller once packed into object streams
    /// (60 KB without them); it is not measurably faster.
    pub tagged: bool,
    /// Last year's report of the same agency, if there is one: it fills the prose's
    /// placeholders `{….较上年}` and `{….上年}` and enables the continuity checks.
    pub previous: Option<Box<Report>>,
    /// Pack the PDF's small objects into a compressed object stream indexed by a
    /// cross-reference stream (on by default; [`pack_objects`]): the same pages, about a
    /// fifth smaller. Off writes krilla's output as it is.
    pub object_streams: bool,
    /// Set the rows of the three statutory tables at heights worked out once per font set
    /// (on by default), instead of letting Typst measure every row of every report. The
    /// heights are those `auto` rows would get, proven for numbers up to a width per table
    /// (a report with wider ones gets `auto` rows there); the pages are the same, about a
    /// tenth faster to lay out. Off measures every row.
    pub fixed_rows: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            font_dirs: Vec::new(),
            pdf_a: false,
            bold_subheadings: false,
            force: false,
            tagged: true,
            previous: None,
            object_streams: true,
            fixed_rows: true,
        }
    }
}

/// A finished render: the PDF and what the renderer has to say about it.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Everything worth a look about the typesetting: [`Rule::Font`] (a character drawn
    /// from the fallback font, a font file or folder that gave no font) and
    /// [`Rule::Typeset`] (Typst's own warnings).
    pub warnings: Vec<Diagnostic>,
    /// What validation found in the data: warnings only, unless [`RenderOptions::force`]
    /// let a report with errors through.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the time went. Not part of the PDF: the bytes stay deterministic.
    pub timings: Timings,
}

/// How long each step of one render took (wall clock), for metrics and the benchmark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timings {
    /// Filling the placeholders, the font coverage check and building the Typst source.
    /// (Validation runs beside this and the compile, on a thread of its own, in none of
    /// the three.)
    pub prepare: Duration,
    /// Typst's compilation: evaluating the source and laying out the pages.
    pub compile: Duration,
    /// The PDF export: the glyph check, font subsets, compression and writing. (Dropping
    /// old entries from Typst's cache afterwards, about 2 ms, is in none of the three.)
    pub export: Duration,
}

/// A character that no available font can draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub character: char,
    /// Where it occurs, by the report's own headings.
    pub location: String,
}

impl fmt::Display for MissingGlyph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' (U+{:04X}) in {}",
            self.character, self.character as u32, self.location
        )
    }
}

/// Why a render failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// Validation found errors in the report (every diagnostic, warnings included).
    #[error("{0}")]
    Invalid(Invalid),
    /// A font folder or file could not be read.
    #[error("cannot read font folder {}: {source}", path.display())]
    FontDir {
        /// The folder or file.
        path: PathBuf,
        /// The system's error (its [`IoError::kind`] says which).
        #[source]
        source: IoError,
    },
    /// The options name font folders, but the [`Renderer`] was made with others: its
    /// fonts are chosen when it is made ([`Renderer::with_font_dirs`]).
    #[error(
        "the options name the font folders {options:?}, but this renderer was made with {renderer:?}; hint: make a Renderer with those folders, or leave RenderOptions::font_dirs empty"
    )]
    FontDirsDiffer {
        /// The renderer's folders.
        renderer: Vec<PathBuf>,
        /// The options' folders.
        options: Vec<PathBuf>,
    },
    /// Characters that no font has: they would print as empty boxes.
    #[error(
        "no font has {} of the report's characters: {}; hint: replace them, or pass a font folder with a font that has them",
        .0.len(),
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
    )]
    MissingGlyphs(Vec<MissingGlyph>),
    /// Typst could not compile the generated document (a bug of this crate, or of a
    /// source given to [`Renderer::render_source`]).
    #[error("typesetting failed: {}", join(.0))]
    Compile(Vec<TypstError>),
    /// The PDF could not be written (e.g. a PDF/A rule was broken).
    #[error("PDF export failed: {}", join(.0))]
    Pdf(Vec<TypstError>),
}

/// One of Typst's errors: its message and hints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TypstError {
    /// Typst's message.
    pub message: String,
    /// Its hints, if any.
    pub hints: Vec<String>,
}

impl TypstError {
    fn of(d: &typst::diag::SourceDiagnostic) -> TypstError {
        TypstError {
            message: d.message.to_string(),
            hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
        }
    }
}

fn join(errors: &[TypstError]) -> String {
    errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; ")
}

/// A render that failed: why, and the renderer's warnings gathered before it failed
/// (e.g. characters drawn from the fallback font, next to one that no font has).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{error}")]
pub struct RenderFailure {
    /// Why no PDF was made.
    #[source]
    pub error: RenderError,
    /// The renderer's warnings up to the failure, as [`Rendered::warnings`].
    pub warnings: Vec<Diagnostic>,
}

impl From<RenderError> for RenderFailure {
    fn from(error: RenderError) -> Self {
        RenderFailure { error, warnings: Vec::new() }
    }
}

/// What a [`Renderer`] does with Typst's memoized work after each render.
///
/// Typst memoizes layout and evaluation in one cache per process (`comemo`), shared with
/// every other use of Typst in the program. Evicting old entries keeps a long batch's
/// memory flat; it also drops entries of the embedder's own Typst work of the same age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CachePolicy {
    /// After each render, drop the entries not used in the last `max_age` renders
    /// (`comemo::evict(max_age)`). The default, with `max_age` 5: on two threads a
    /// batch stays near 110 MB instead of 180 MB with 10.
    Evict {
        /// How many renders an unused entry survives.
        max_age: usize,
    },
    /// Never evict: the embedder manages Typst's cache (`typst::comemo::evict`) itself.
    Keep,
}

impl Default for CachePolicy {
    fn default() -> Self {
        CachePolicy::Evict { max_age: 5 }
    }
}

/// The renderer: its fonts, the statutory tables' row heights calibrated for them, and
/// what it does with Typst's cache. Build one and render many reports with it, from any
/// number of threads (`Renderer` is `Send + Sync`); the free function [`render`] is the
/// one-line convenience for a single report.
///
/// ```no_run
/// # fn demo(reports: &[report_core::Report]) -> Result<(), Box<dyn std::error::Error>> {
/// use report_typst::{CachePolicy, RenderOptions, Renderer};
/// let renderer = Renderer::new().cache(CachePolicy::Keep);
/// for report in reports {
///     let rendered = renderer.render(report, &RenderOptions::default())?;
///     std::fs::write(format!("{}.pdf", report.agency.name), &rendered.pdf)?;
/// }
/// # Ok(()) }
/// ```
pub struct Renderer {
    fonts: Arc<FontSet>,
    font_dirs: Vec<PathBuf>,
    rows: OnceLock<FixedRows>,
    cache: CachePolicy,
}

impl fmt::Debug for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Renderer")
            .field("font_dirs", &self.font_dirs)
            .field("calibrated", &self.rows.get().is_some())
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "bundled-fonts")]
impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

impl Renderer {
    /// A renderer with the bundled fonts (feature `bundled-fonts`, on by default).
    #[cfg(feature = "bundled-fonts")]
    pub fn new() -> Renderer {
        Renderer::from_fonts(FontSet::bundled(), Vec::new())
    }

    /// A renderer with the bundled fonts (without the feature `bundled-fonts`, none) and
    /// every font file in `dirs`, read now. Where a folder holds an official family
    /// (方正小标宋简体, 仿宋_GB2312 or FangSong, 黑体/SimHei, 楷体_GB2312 or KaiTi), its
    /// role uses it. A folder that cannot be read is an error.
    pub fn with_font_dirs(dirs: &[PathBuf]) -> Result<Renderer, RenderError> {
        Ok(Renderer::from_fonts(FontSet::with_dirs(dirs)?, dirs.to_vec()))
    }

    fn from_fonts(fonts: Arc<FontSet>, font_dirs: Vec<PathBuf>) -> Renderer {
        Renderer {
            fonts,
            font_dirs,
            rows: OnceLock::new(),
            cache: CachePolicy::default(),
        }
    }

    /// The same renderer with another [`CachePolicy`].
    #[must_use]
    pub fn cache(mut self, policy: CachePolicy) -> Renderer {
        self.cache = policy;
        self
    }

    /// Its fonts.
    pub fn fonts(&self) -> &Arc<FontSet> {
        &self.fonts
    }

    /// The statutory tables' row heights for these fonts: committed for the bundled set,
    /// else calibrated at the first render that asks (one small compile).
    fn fixed_rows(&self) -> &FixedRows {
        self.rows.get_or_init(|| FixedRows::for_fonts(&self.fonts))
    }

    /// Options naming font folders other than this renderer's are refused: the fonts are
    /// the renderer's, chosen when it was made.
    fn check_dirs(&self, options: &RenderOptions) -> Result<(), RenderError> {
        if options.font_dirs.is_empty() || options.font_dirs == self.font_dirs {
            Ok(())
        } else {
            Err(RenderError::FontDirsDiffer {
                renderer: self.font_dirs.clone(),
                options: options.font_dirs.clone(),
            })
        }
    }

    /// Renders `report` to PDF.
    ///
    /// The report is validated first ([`report_core::validate()`]): with errors it is
    /// refused unless [`RenderOptions::force`] is set; its warnings come back in
    /// [`Rendered::diagnostics`].
    ///
    /// Deterministic: the same report and options give the same bytes (the PDF's dates
    /// are the report's date, its identifier derives from the agency and year).
    ///
    /// On failure, the warnings gathered so far come back with the error.
    pub fn render(
        &self,
        report: &Report,
        options: &RenderOptions,
    ) -> Result<Rendered, RenderFailure> {
        let start = Instant::now();
        self.check_dirs(options)?;
        let previous = options.previous.as_deref();
        // Validation runs on a scoped thread beside the typesetting (a cold render spends
        // a tenth of its time compiling the prose checks' patterns), and so, at a font
        // set's first render, does the hashing of its role fonts ([`FontSet::hash_ahead`]).
        // Both are joined before anything is returned; where no thread starts, the
        // validation runs here and Typst hashes the fonts as it needs them.
        std::thread::scope(|scope| {
            let _ = std::thread::Builder::new()
                .name("govreport-font-hash".into())
                .spawn_scoped(scope, || self.fonts.hash_ahead());
            let validating = std::thread::Builder::new()
                .name("govreport-validate".into())
                .spawn_scoped(scope, || report_core::validate(report, previous));
            let typeset = self.typeset(report, options, start);
            let diagnostics = match validating {
                Ok(handle) => {
                    handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                }
                Err(_) => report_core::validate(report, previous),
            };
            if !options.force && has_errors(&diagnostics) {
                return Err(RenderError::Invalid(Invalid { diagnostics }).into());
            }
            let mut rendered = typeset?;
            rendered.diagnostics = diagnostics;
            Ok(rendered)
        })
    }

    /// Everything of [`Renderer::render`] but validation: the placeholders filled, the
    /// fonts' coverage checked, the source compiled and exported.
    fn typeset(
        &self,
        report: &Report,
        options: &RenderOptions,
        start: Instant,
    ) -> Result<Rendered, RenderFailure> {
        // The report as printed: placeholders filled, plain text from here on.
        let filled = report_core::placeholders::fill(report, options.previous.as_deref());
        let report = &filled;
        let mut warnings: Vec<Diagnostic> = self.fonts.warnings().to_vec();
        if let Err(error) = check_coverage(report, &self.fonts, &mut warnings) {
            return Err(RenderFailure { error, warnings });
        }
        let today = report_datetime(report);
        let ident = format!("govreport/{}/{}", report.agency.name, report.year);
        let source = self.source_of(report, options.bold_subheadings, options.fixed_rows);
        self.compile_and_export(source, today, ident, options, warnings, start)
    }

    /// Compiles any Typst `source` in the same sandbox as [`Renderer::render`] (the
    /// embedded template importable as `/template.typ`, this renderer's fonts, `date` as
    /// today) and exports it.
    ///
    /// For tools that bring their own markup, and to prove the sandbox: every file other
    /// than the two sources and every package is refused.
    pub fn render_source(
        &self,
        source: String,
        date: report_core::chrono::NaiveDate,
        options: &RenderOptions,
    ) -> Result<Rendered, RenderFailure> {
        let start = Instant::now();
        self.check_dirs(options)?;
        let warnings = self.fonts.warnings().to_vec();
        let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)
            .expect("a chrono date is a valid date");
        let ident = "govreport/source".to_owned();
        self.compile_and_export(source, today, ident, options, warnings, start)
    }

    /// The Typst source [`Renderer::render`] compiles for `report` with `options` (the
    /// placeholders filled, with last year's report if the options give it; the row
    /// heights as [`RenderOptions::fixed_rows`] says): the template's import and one call
    /// with the report as data. Useful to compare with `typst compile`.
    pub fn typst_source(&self, report: &Report, options: &RenderOptions) -> String {
        let filled = report_core::placeholders::fill(report, options.previous.as_deref());
        self.source_of(&filled, options.bold_subheadings, options.fixed_rows)
    }

    /// The source of a report already filled ([`report_core::placeholders::fill`]), with
    /// the statutory tables' fixed row heights ([`rows`]) or, `fixed_rows` false, every
    /// row `auto`.
    fn source_of(
        &self,
        report: &Report,
        bold_subheadings: bool,
        fixed_rows: bool,
    ) -> String {
        let rows = match fixed_rows {
            true => self.fixed_rows().meta(report),
            false => Code::array(TableId::ALL.map(|_| Code::none())),
        };
        let meta = Code::dict([
            ("title", Code::str(&report.title())),
            ("author", Code::str(&report.agency.name)),
            ("year", Code::int(u64::from(report.date.year().unsigned_abs()))),
            ("month", Code::int(u64::from(report.date.month()))),
            ("day", Code::int(u64::from(report.date.day()))),
            ("bold_subheadings", Code::bool(bold_subheadings)),
            ("rows", rows),
        ]);
        format!(
            "#import \"/template.typ\": report\n#report({}, {}, {})\n",
            document::document_printed(report),
            font_dict(&self.fonts),
            meta
        )
    }

    fn compile_and_export(
        &self,
        source: String,
        today: Datetime,
        ident: String,
        options: &RenderOptions,
        mut warnings: Vec<Diagnostic>,
        start: Instant,
    ) -> Result<Rendered, RenderFailure> {
        let prepared = Instant::now();
        let world = world::ReportWorld::new(source, self.fonts.clone(), today);
        let compiled = typst::compile::<PagedDocument>(&world);
        let compiled_at = Instant::now();
        warnings.extend(compiled.warnings.iter().map(|d| {
            let hint =
                d.hints.iter().map(|h| h.v.to_string()).collect::<Vec<_>>().join("; ");
            let args = vec![arg("detail", &d.message), arg("hints", hint)];
            Diagnostic::from_id(Rule::Typeset, Location::Report, "typst", args)
        }));
        let document = compiled.output.map_err(|errors| {
            RenderError::Compile(errors.iter().map(TypstError::of).collect())
        });
        let result = document.and_then(|document| {
            check_tofu(&document)?;
            let standards = if options.pdf_a {
                PdfStandards::new(&[PdfStandard::A_2u]).map_err(|e| {
                    RenderError::Pdf(vec![TypstError {
                        message: e.message().to_string(),
                        hints: Vec::new(),
                    }])
                })?
            } else {
                PdfStandards::default()
            };
            let pdf_options = PdfOptions {
                ident: Smart::Custom(ident),
                creator: Smart::Custom(Some("govreport".into())),
                timestamp: Some(Timestamp::new_utc(today)),
                standards,
                tagged: options.tagged,
                ..PdfOptions::default()
            };
            let pdf = typst_pdf::pdf(&document, &pdf_options).map_err(|errors| {
                RenderError::Pdf(errors.iter().map(TypstError::of).collect())
            })?;
            let pdf = match options.object_streams {
                true => pack_objects(&pdf).unwrap_or(pdf),
                false => pdf,
            };
            Ok((pdf, document.pages().len()))
        });
        let result = match result {
            Ok((pdf, pages)) => Ok(Rendered {
                pdf,
                pages,
                warnings,
                diagnostics: Vec::new(),
                timings: Timings {
                    prepare: prepared - start,
                    compile: compiled_at - prepared,
                    export: compiled_at.elapsed(),
                },
            }),
            Err(error) => Err(RenderFailure { error, warnings }),
        };
        if let CachePolicy::Evict { max_age } = self.cache {
            typst::comemo::evict(max_age);
        }
        result
    }
}

/// The renderer the free functions (and a batch, once for all its jobs) use for
/// `options`: one shared renderer with the bundled fonts when no folder is given (its
/// fonts parsed and its rows calibrated once per process), else a new one that reads the
/// folders now. For many renders with font folders, make a [`Renderer`] once instead.
pub(crate) fn with_renderer<T>(
    options: &RenderOptions,
    f: impl FnOnce(&Renderer) -> T,
) -> Result<T, RenderError> {
    #[cfg(feature = "bundled-fonts")]
    if options.font_dirs.is_empty() {
        static SHARED: std::sync::LazyLock<Renderer> =
            std::sync::LazyLock::new(Renderer::new);
        return Ok(f(&SHARED));
    }
    Ok(f(&Renderer::with_font_dirs(&options.font_dirs)?))
}

/// Renders `report` to PDF: [`Renderer::render`] with the bundled fonts and the folders
/// of [`RenderOptions::font_dirs`], evicting Typst's old cache entries afterwards
/// ([`CachePolicy::default`]). The one-line convenience; for control over fonts and the
/// cache, or many reports with font folders, build a [`Renderer`].
pub fn render(
    report: &Report,
    options: &RenderOptions,
) -> Result<Rendered, RenderFailure> {
    with_renderer(options, |r| r.render(report, options))?
}

/// Compiles any Typst `source` in the renderer's sandbox: [`Renderer::render_source`]
/// with the fonts of `options`, as [`render`] chooses them.
pub fn render_source(
    source: String,
    date: report_core::chrono::NaiveDate,
    options: &RenderOptions,
) -> Result<Rendered, RenderFailure> {
    with_renderer(options, |r| r.render_source(source, date, options))?
}

/// The template's `fonts`: each role's family (then the fallback), weight and whether the
/// family has a bold face.
fn font_dict(fonts: &FontSet) -> Code {
    Code::dict(fonts.roles().iter().map(|r| {
        (
            r.role.key(),
            Code::dict([
                (
                    "family",
                    Code::array(
                        r.fixed_text_family
                            .iter()
                            .chain([&r.family])
                            .map(|f| Code::str(f))
                            .chain([Code::str(FALLBACK_FAMILY)]),
                    ),
                ),
                ("weight", Code::str(r.weight)),
                ("has_bold", Code::bool(r.has_bold)),
            ]),
        )
    }))
}

fn report_datetime(report: &Report) -> Datetime {
    Datetime::from_ymd(
        report.date.year(),
        report.date.month() as u8,
        report.date.day() as u8,
    )
    .expect("a chrono date is a valid date")
}

/// Checks that every character of the user's text has a glyph: in its role's font, or
/// else (with a [`Rule::Font`] warning added to `warnings`) in the broad fallback font. A
/// character no font has is an error.
fn check_coverage(
    report: &Report,
    fonts: &FontSet,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), RenderError> {
    let mut missing = Vec::new();
    for field in fields(report) {
        let Some((role, text)) = field.printed() else { continue };
        let family = &fonts.role(role).family;
        let mut seen = Vec::new();
        for c in text.chars() {
            if c.is_control() || seen.contains(&c) || fonts.family_covers(family, c) {
                continue;
            }
            seen.push(c);
            if fonts.family_covers(FALLBACK_FAMILY, c) {
                warnings.push(Diagnostic::from_id(
                    Rule::Font,
                    field.location.clone(),
                    "font-fallback",
                    vec![
                        arg("char", c),
                        arg("code", format!("U+{:04X}", c as u32)),
                        arg("family", family),
                        arg("fallback", FALLBACK_FAMILY),
                        arg("role", role_name(role)),
                    ],
                ));
            } else {
                missing.push(MissingGlyph {
                    character: c,
                    location: field.location.to_string(),
                });
            }
        }
    }
    if missing.is_empty() { Ok(()) } else { Err(RenderError::MissingGlyphs(missing)) }
}

/// The role's id in the message files (the `$role` of `font-fallback`).
fn role_name(role: TextRole) -> &'static str {
    match role {
        TextRole::Title => "title",
        TextRole::Heading1 => "heading1",
        TextRole::Heading2 => "heading2",
        TextRole::Body => "body",
        TextRole::PageNumber => "page",
    }
}

/// A last guard: any glyph 0 (.notdef, the empty box) left in the laid-out pages.
fn check_tofu(document: &PagedDocument) -> Result<(), RenderError> {
    fn walk(frame: &Frame, page: usize, out: &mut Vec<MissingGlyph>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, page, out),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                        let s = text.text.get(glyph.range()).unwrap_or_default();
                        for character in s.chars().filter(|c| !c.is_whitespace()) {
                            out.push(MissingGlyph {
                                character,
                                location: format!("page {page}"),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut missing = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        walk(&page.frame, i + 1, &mut missing);
    }
    if missing.is_empty() { Ok(()) } else { Err(RenderError::MissingGlyphs(missing)) }
}
