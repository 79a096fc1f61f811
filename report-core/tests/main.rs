//! Every integration test of this package in one binary: the package is linked once,
//! not once for each file (each file is a module, named as its file).

mod build_in_code;
mod common;
mod derive_behaviour;
mod derive_in_report;
mod derive_statutory_golden;
mod derive_ui;
mod facts;
mod grid_official;
mod import_page;
mod l10n;
mod label_cases;
mod labels_import;
mod placeholders;
mod properties;
mod prose_corpus;
mod real_reports;
mod rules;
mod serde_model;
mod single_source;

/// Every file of this folder is a module of this binary: with `autotests = false`, a test
/// file left out of the list above would silently never run.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let main = include_str!("main.rs");
    let mut modules = 0;
    for entry in std::fs::read_dir(&dir).expect("the tests folder") {
        let path = entry.expect("an entry").path();
        let Some(name) = path.file_stem().and_then(|n| n.to_str()) else { continue };
        let file = path.extension().is_some_and(|e| e == "rs") && name != "main";
        if file || path.join("mod.rs").is_file() {
            assert!(
                main.contains(&format!("\nmod {name};\n")),
                "tests/{name} is not a module"
            );
            modules += 1;
        }
    }
    assert!(modules >= 10, "only {modules} test modules in {}", dir.display());
}
