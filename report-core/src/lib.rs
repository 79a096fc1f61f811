//! Typed model of the annual report on government information disclosure
//! (政府信息公开工作年度报告, 2021 format), and the safe builder of its Typst markup.
//!
//! - [`model`]: the report: agency, dates, prose sections.
//! - [`tables`]: the three statutory tables as types, totals computed or stated.
//! - [`markup`]: Typst code built only from escaped data ([`markup::Code`]).
//! - [`statutory`]: the tables' markup, cell for cell as the official template.
//! - [`table`]: the traits [`Table`](macro@Table) derives, and the grid a table lays out.
//! - [`document`]: the whole report as the data the template typesets.
//! - [`html`]: the report as a web page, from the same headings and derived grids.
//! - [`validate`](mod@validate): every defect of docs/format.md §4 found at once, as [`Diagnostic`]s.
//! - [`labels`]: the tables' official labels, and the label-keyed form of the tables.
//! - [`datafile`]: the report as a TOML or JSON data file, read with positioned problems.
//!
//! This crate has no Typst dependency; `report-typst` compiles what it builds.

// Generated code names `::report_core::…`; this makes those paths work in here too.
extern crate self as report_core;

pub mod datafile;
pub mod document;
pub mod html;
pub mod labels;
pub mod markup;
pub mod model;
pub mod statutory;
pub mod table;
pub mod tables;
pub mod validate;

pub use chrono;
pub use model::{
    AdminLevel, Agency, AgencyKind, Item, OtherMatters, Overview, Prose, Report,
};
pub use report_derive::Table;
pub use rust_decimal::Decimal;
pub use tables::{
    ActiveDisclosure, ApplicantCounts, Applications, DocumentCounts, NotProcessed,
    OtherHandling, Outcomes, Results, ReviewsAndLawsuits, Unavailable, Withheld,
};
pub use validate::{Diagnostic, Rule, Severity, check, validate};
