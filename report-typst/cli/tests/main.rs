//! Every test of the command line in one binary, which runs the `govreport` cargo built
//! for it (`CARGO_BIN_EXE_govreport`): the package is linked once, not once for each file
//! (each file is a module, named as its file).

mod cli_audit_page;
mod cli_batch;
mod cli_diff;
mod cli_docx;
mod cli_edit;
mod cli_help;
mod cli_html;
mod cli_import;
mod cli_init_check;
mod cli_malformed;
mod cli_recovery;
mod cli_render;
mod common;

/// Every file of this folder is a module of this binary: with `autotests = false`, a test
/// file left out of the list above would silently never run.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    report_tests::assert_every_test_file_is_a_module(&dir, include_str!("main.rs"), 12);
}
