//! `govreport render` writes the web page when the extension or `--format` says so, the
//! article alone with `--fragment`, and `govreport batch --format pdf,html` writes both;
//! the page is the library's page of the seed, byte for byte.

use crate::common::{govreport, seed};

use std::sync::LazyLock;

use report_core::Report;
use report_core::html::{HtmlOptions, page};

static SEED: LazyLock<Report> = LazyLock::new(report_examples::wendeng_2023);

#[test]
fn govreport_writes_the_page_by_extension_format_or_fragment_and_batch_writes_both() {
    let dir = tempfile::tempdir().unwrap();
    let page_path = dir.path().join("r.html");
    govreport().args(["render"]).arg(seed()).arg("-o").arg(&page_path).assert().success();
    let written = std::fs::read_to_string(&page_path).unwrap();
    assert_eq!(
        written,
        page(&SEED, &HtmlOptions::default()),
        "the data file is the seed"
    );
    // --format overrides the extension; --fragment gives the article alone.
    let fragment_path = dir.path().join("body.pdf");
    govreport()
        .args(["render"])
        .arg(seed())
        .arg("-o")
        .arg(&fragment_path)
        .args(["--format", "html", "--fragment"])
        .assert()
        .success();
    let fragment = std::fs::read_to_string(&fragment_path).unwrap();
    assert_eq!(fragment, page(&SEED, &HtmlOptions { fragment: true }));
    // A batch writes the PDF and the page of each data file.
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    std::fs::create_dir(&data).unwrap();
    std::fs::copy(seed(), data.join("a.toml")).unwrap();
    govreport()
        .arg("batch")
        .arg(&data)
        .arg("-o")
        .arg(&out)
        .args(["--format", "pdf,html"])
        .assert()
        .success();
    assert!(std::fs::read(out.join("a.pdf")).unwrap().starts_with(b"%PDF"));
    assert!(
        std::fs::read_to_string(out.join("a.html"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}
