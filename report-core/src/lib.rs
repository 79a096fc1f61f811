//! Typed model of the annual report on government information disclosure
//! (政府信息公开工作年度报告, 2021 format), and the safe builder of its Typst markup.
//!
//! - [`model`]: the report: agency, dates, prose sections; [`Report::new`] starts an
//!   empty one in code, every total computed.
//! - [`numbering`]: heading numbers by level (一、 （一） 1. （1））.
//! - [`title`]: the title's agency name broken into balanced lines.
//! - [`tables`]: the three statutory tables as types, totals computed or stated.
//! - [`markup`]: Typst code built only from escaped data ([`markup::Code`]).
//! - [`table`]: the traits [`Table`](macro@Table) derives (the tables' markup, cell for
//!   cell as the official template), and the grid a table lays out.
//! - [`fields`]: the one walk of the prose: every text with its location, role and key.
//! - [`document`]: the whole report as the data the template typesets.
//! - [`html`]: the report as a web page, from the same headings and derived grids.
//! - [`docx`]: the report as an editable Word document on the GB/T 9704 page.
//! - [`diagnostic`]: the one diagnostic type ([`Diagnostic`], [`Rule`], [`Location`]).
//! - [`validate`](mod@validate): every defect of docs/format.md §4 found at once, as [`Diagnostic`]s.
//! - [`l10n`]: the diagnostics' messages in Chinese and English (Fluent files).
//! - [`labels`]: the tables' official labels and their lists, from the catalogue.
//! - [`labelled`]: the tables keyed by their official labels: reading and writing.
//! - [`partial`]: the cells that could not be read, which validation skips.
//! - [`import`]: a published report page (HTML) read back into a report, every problem
//!   placed in the page.
//! - [`datafile`]: the report as a TOML or JSON data file, read with positioned problems.
//! - [`facts`]: the figures the prose talks about, computed from the tables, each with a
//!   stable Chinese name; their changes from last year.
//! - [`placeholders`]: `{申请.本年新收}`, `{….较上年}`, `{机关.网址}` … in the prose.
//! - [`prose`]: the figures prose states by hand, read and checked (rule PROSE).
//! - [`diff`]: two reports compared cell by cell and fact by fact.
//!
//! This crate has no Typst dependency; `report-typst` compiles what it builds.

// Generated code names `::report_core::…`; this makes those paths work in here too.
extern crate self as report_core;

#[cfg(feature = "datafile")]
pub mod datafile;
mod io_error;
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
pub mod l10n;
pub mod labelled;
pub mod labels;
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
pub use io_error::IoError;
pub use diagnostic::{Diagnostic, Invalid, Location, Rule, Severity, TableId};
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
