//! Every integration test of this package in one binary: the package is linked once,
//! not once for each file (each file is a module, named as its file).

mod common;
mod derive_behaviour;
mod derive_in_report;
mod derive_statutory_golden;
mod derive_ui;
mod grid_official;
mod labels_import;
mod properties;
mod real_reports;
mod rules;
mod serde_model;
mod single_source;
