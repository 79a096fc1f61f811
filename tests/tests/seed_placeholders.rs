//! The seed's data file with placeholders (examples/data/wendeng_2023.toml: the agency's
//! name, address, telephone and website and the statistical year in its preamble and fee
//! item) renders a PDF whose text is identical to the PDF of the data file as it was
//! before (tests/fixtures/wendeng_2023_literal.toml): its tables are all 0 and its prose
//! states no table figure as a number, so no number is corrected.

use report_core::datafile;
use report_core::placeholders::has_braces;
use report_tests::extract_text;
use report_typst::{RenderOptions, render};

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .into()
}

fn load(path: &str) -> report_core::Report {
    let loaded = datafile::load_path(&root().join(path), None).expect("the file reads");
    assert!(!loaded.has_errors(), "{path}: {:#?}", loaded.problems);
    loaded.report.expect("a report")
}

#[test]
fn the_seed_with_placeholders_prints_the_same_text_as_before() {
    let with_placeholders = load("examples/data/wendeng_2023.toml");
    let literal = load("tests/fixtures/wendeng_2023_literal.toml");
    // The data differ: the prose now takes its contact details and year from the model.
    let templates: Vec<&String> =
        with_placeholders.preamble.iter().filter(|p| has_braces(p)).collect();
    assert_eq!(templates.len(), 2, "{templates:#?}");
    assert!(templates[1].contains("{机关.网址}") && templates[1].contains("{机关.电话}"));
    assert!(with_placeholders.other_matters.fees.paragraphs[0].contains("{机关.名称}"));
    assert_ne!(with_placeholders, literal);
    assert_eq!(with_placeholders, report_examples::wendeng_2023());
    // The printed text is the same, character for character.
    let a = render(&with_placeholders, &RenderOptions::default()).expect("renders");
    let b = render(&literal, &RenderOptions::default()).expect("renders");
    assert_eq!(extract_text(&a.pdf), extract_text(&b.pdf));
    // And so is the web page.
    let options = report_core::html::HtmlOptions::default();
    assert_eq!(
        report_core::html::page(&with_placeholders, &options),
        report_core::html::page(&literal, &options)
    );
}
