//! Typed model, validation and writers of the annual report on government information disclosure.
#![doc = ""]
#![doc = include_str!("../README.md")]

// Generated code names `::report_core::…`; this makes those paths work in here too.
extern crate self as report_core;

#[cfg(feature = "datafile")]
pub mod datafile;
pub mod diagnostic;
pub mod diff;
pub mod document;
#[cfg(feature = "docx")]
pub mod docx;
pub mod facts;
pub mod fields;
pub mod html;
#[cfg(feature = "import")]
pub mod import;
mod io_error;
pub mod l10n;
pub mod labelled;
pub mod labels;
pub mod located;
pub mod markup;
pub mod model;
pub mod numbering;
pub mod outline;
pub mod partial;
pub mod placeholders;
pub mod prose;
pub mod table;
pub mod tables;
pub mod title;
pub mod validate;

pub use chrono;
pub use diagnostic::{Diagnostic, Invalid, Location, Rule, Severity, TableId};
pub use io_error::IoError;
pub use model::{
    AdminLevel, Agency, AgencyKind, Item, OtherMatters, Overview, Prose, Report,
    paragraphs,
};
pub use report_derive::Table;
pub use rust_decimal::Decimal;
pub use tables::{
    ActiveDisclosure, ApplicantCounts, Applications, DocumentCounts, NotProcessed,
    OtherHandling, Outcomes, Results, ReviewsAndLawsuits, Unavailable, Withheld,
};
pub use validate::{check, validate};
