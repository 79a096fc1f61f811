//! `govreport render … -o OUT.docx` writes the Word document, refuses the PDF-only
//! options for it, and `govreport batch --format docx` writes the same bytes. The package
//! is read back just enough to see its text (the document itself is tested with the
//! library, in `tests/tests/docx.rs`).

use crate::common::{govreport, seed};

use predicates::prelude::*;
use predicates::str::contains;
use report_tests::docx_part as part;
use report_tests::word::text_of;
use roxmltree::Document;

#[test]
fn govreport_picks_word_from_the_extension_and_batch_writes_docx() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("seed.docx");
    govreport()
        .arg("render")
        .arg(seed())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0)
        .stdout(contains("seed.docx"));
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"PK"), "a zip package");
    let xml = part(&bytes, "word/document.xml");
    assert!(
        text_of(Document::parse(&xml).expect("XML").root_element())
            .contains("一、总体情况")
    );

    let refused = dir.path().join("refused.docx");
    govreport()
        .arg("render")
        .arg(seed())
        .arg("-o")
        .arg(&refused)
        .arg("--pdfa")
        .assert()
        .code(1)
        .stderr(contains("PDF/A").and(contains("Word document")));
    assert!(!refused.exists());

    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("a folder");
    std::fs::copy(seed(), data.join("seed.toml")).expect("copied");
    let outdir = dir.path().join("out");
    govreport()
        .arg("batch")
        .arg(&data)
        .arg("-o")
        .arg(&outdir)
        .arg("--format")
        .arg("docx")
        .assert()
        .code(0);
    let batch = std::fs::read(outdir.join("seed.docx")).expect("the batch's document");
    assert!(batch == bytes, "batch and render write the same document");
    assert!(!outdir.join("seed.pdf").exists());
}

/// A Word document that cannot be written is said in the chosen language, like a PDF.
#[test]
fn a_failed_word_write_is_said_in_chinese() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("no-such-folder").join("out.docx");
    let assert = govreport()
        .args(["--lang", "zh", "render"])
        .arg(seed())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("无法写入") && !stderr.contains("cannot write"), "{stderr}");
    assert!(!out.exists());
}
