//! The sandboxed, in-memory Typst World: two sources, the bundled fonts, no file system.
//!
//! It serves exactly the generated `/main.typ` and the embedded `/template.typ`. Any
//! other path (`#read`, `#image`, `#json`, `#include`, `#import` of a file) and every
//! package (`#import "@preview/…"`) is refused with an error that says so; nothing
//! reaches the disk or the network. The date is the report's own, never the clock.

use std::sync::{Arc, LazyLock};

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};

use crate::fonts::FontSet;

/// The layout of the report, embedded at build time.
pub const TEMPLATE: &str = include_str!("../templates/report.typ");

/// The standard library, with `a11y-extras` on: `pdf.header-cell` marks the row labels
/// and block heads of the tables as header cells (`TH`) in the tagged PDF.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    LazyHash::new(
        Library::builder()
            .with_features([Feature::A11yExtras].into_iter().collect())
            .build(),
    )
});

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The id of the generated main source (one fixed path, interned once per process).
pub(crate) static MAIN_ID: LazyLock<FileId> = LazyLock::new(|| file_id("/main.typ"));
/// The id of the embedded template.
pub(crate) static TEMPLATE_ID: LazyLock<FileId> =
    LazyLock::new(|| file_id("/template.typ"));
static TEMPLATE_SOURCE: LazyLock<Source> =
    LazyLock::new(|| Source::new(*TEMPLATE_ID, TEMPLATE.to_owned()));

/// A World that holds one report's generated source.
pub(crate) struct ReportWorld {
    main: Source,
    fonts: Arc<FontSet>,
    today: Datetime,
}

impl ReportWorld {
    pub(crate) fn new(main_text: String, fonts: Arc<FontSet>, today: Datetime) -> Self {
        ReportWorld { main: Source::new(*MAIN_ID, main_text), fonts, today }
    }

    fn refuse(id: FileId) -> FileError {
        if let VirtualRoot::Package(package) = id.root() {
            return FileError::Package(PackageError::Other(Some(
                format!(
                    "packages are disabled in the report renderer: {package} cannot be loaded"
                )
                .into(),
            )));
        }
        FileError::Other(Some(
            format!(
                "the report renderer serves no files: {} is outside its sandbox",
                id.vpath().get_with_slash()
            )
            .into(),
        ))
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        *MAIN_ID
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN_ID {
            Ok(self.main.clone())
        } else if id == *TEMPLATE_ID {
            Ok(TEMPLATE_SOURCE.clone())
        } else {
            Err(Self::refuse(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *MAIN_ID {
            Ok(Bytes::from_string(self.main.clone()))
        } else if id == *TEMPLATE_ID {
            Ok(Bytes::from_string(TEMPLATE_SOURCE.clone()))
        } else {
            Err(Self::refuse(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
