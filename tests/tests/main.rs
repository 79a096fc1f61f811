//! Every integration test of this package in one binary: the package is linked once,
//! not once for each file (each file is a module, named as its file).

mod city_batch;
mod custom_table;
mod datafile_format;
mod datafile_robust;
mod distinct_values;
mod docx;
mod fee_exact;
mod fixed_rows;
mod foundation;
mod hardening_concurrency;
mod hardening_fuzz;
mod hardening_limits;
mod hardening_sandbox;
mod hardening_text;
mod html;
mod import_published;
mod import_roundtrip;
mod layout;
mod pdf_objects;
mod reading_order;
mod recovery;
mod sandbox;
mod seed_placeholders;

/// Every file of this folder is a module of this binary: with `autotests = false`, a test
/// file left out of the list above would silently never run.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    report_tests::assert_every_test_file_is_a_module(&dir, include_str!("main.rs"), 10);
}
