//! The `city_batch` example's code path (`report_examples::city`) on a CSV of three
//! departments, one of them invalid; the sample CSV's deliberate problems; and the
//! in-memory batch API it renders through.

use std::path::Path;

use report_core::{Rule, Severity};
use report_examples::city::{self, COLUMNS};
use report_tests::{compact, extract_text};
use report_typst::batch::{self, BatchOptions, Failure, ReportJob};
use report_typst::{RenderError, RenderFailure};

const EDUCATION: &str = "安澜市教育局,2025,安澜市文昌路12号,0599-8281302,2026-01-19,14,1,0,0,10,1,1,0,0,0,2,0,1,0,0,0,0,0,4,2,33,57,3,0,0,1,0,0,0,0,0,0,0";
const NO_NAME: &str = ",2025,安澜市和平街21号,0599-8281807,2026-01-21,5,0,0,0,3,0,1,0,0,0,1,0,0,0,0,0,0,0,0,1,7,64,2,0,0,0,0,0,0,0,0,0,0";
const SCIENCE: &str = "安澜市科学技术局,2025,安澜市创新大道6号,0599-8281403,2026-01-15,2,1,0,0,2,1,0,0,0,0,0,0,0,0,0,0,0,0,1,0,9,0,0,0,12.5,0,0,0,0,0,0,0,0";

fn header() -> String {
    COLUMNS.map(|(column, _)| column).join(",")
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data/city_departments.csv")
}

#[test]
fn three_rows_give_two_pdfs_and_a_summary_naming_the_invalid_row() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("city.csv");
    std::fs::write(&csv, format!("{}\n{EDUCATION}\n{NO_NAME}\n{SCIENCE}\n", header()))
        .expect("the CSV is written");
    let out = dir.path().join("pdf");
    let done = std::sync::atomic::AtomicUsize::new(0);
    let summary = city::run(&csv, &out, &BatchOptions::default(), &|| {
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    })
    .expect("the CSV is read");

    assert_eq!(done.into_inner(), 2, "progress is reported once a rendered department");
    let written = summary.written();
    assert_eq!(
        written,
        [out.join("01-安澜市教育局.pdf"), out.join("03-安澜市科学技术局.pdf")]
    );
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .expect("the output folder exists")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    files.sort();
    assert_eq!(files, ["01-安澜市教育局.pdf", "03-安澜市科学技术局.pdf"]);
    // The figures and the template prose are in the PDF.
    let text = compact(&extract_text(&std::fs::read(written[0]).expect("the PDF")));
    assert!(text.contains("安澜市教育局2025年政府信息公开工作年度报告"), "{text}");
    assert!(text.contains("本年度收到政府信息公开申请15件，其中自然人14件、商业企业1件"));
    let text = compact(&extract_text(&std::fs::read(written[1]).expect("the PDF")));
    assert!(text.contains("公开行政事业性收费12.5万元"), "{text}");

    let failed = summary.failed();
    assert_eq!(failed.len(), 1);
    assert_eq!((failed[0].row, failed[0].line), (2, 3));
    let table = summary.to_string();
    let line = table
        .lines()
        .find(|l| l.trim_start().starts_with("2 "))
        .expect("a line for row 2");
    assert!(
        line.contains("none") && line.contains("AGENCY") && line.contains("(no name)")
    );
    assert!(table.contains("row 2 (line 3), (no name): no PDF"), "{table}");
    assert!(table.contains("error[AGENCY] 发布机关 / 名称"), "{table}");
    assert!(table.contains("3 departments: 2 PDFs written, 1 without a PDF."), "{table}");
}

#[test]
fn the_sample_csv_has_twenty_departments_and_its_problems_on_purpose() {
    let departments = city::load(&sample()).expect("the sample CSV is read");
    assert_eq!(departments.len(), 20);
    let rules = |row: usize, severity: Severity| -> Vec<Rule> {
        let d = &departments[row - 1];
        assert_eq!(d.row, row);
        d.diagnostics.iter().filter(|x| x.severity == severity).map(|x| x.rule).collect()
    };
    let invalid: Vec<usize> =
        departments.iter().filter(|d| !d.is_valid()).map(|d| d.row).collect();
    assert_eq!(invalid, [7, 12, 14, 16]);
    assert_eq!(rules(7, Severity::Error), [Rule::AgencyName]);
    assert_eq!(rules(12, Severity::Error), [Rule::Text, Rule::Text]);
    assert_eq!(rules(16, Severity::Error), [Rule::T3A, Rule::T3A]);
    assert_eq!(rules(19, Severity::Warning), [Rule::PublicationDate]);
    // Row 14's 行政许可 is written "96件": the row is named with its column and label.
    let reason = departments[13].report.as_ref().expect_err("row 14 cannot be read");
    assert!(
        reason.contains("column licensing") && reason.contains("行政许可"),
        "{reason}"
    );
    assert!(reason.contains("\"96件\""), "{reason}");
    // Every other department is clean: the template prose agrees with the tables.
    for d in &departments {
        if ![7, 12, 14, 16, 19].contains(&d.row) {
            assert!(d.diagnostics.is_empty(), "row {}: {:?}", d.row, d.diagnostics);
        }
    }
}

#[test]
fn a_csv_with_a_wrong_header_is_refused_naming_the_columns() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("city.csv");
    let header = header().replace("licensing", "licences");
    std::fs::write(&csv, format!("{header}\n{EDUCATION}\n")).expect("written");
    let error = city::load(&csv).expect_err("the header is wrong").to_string();
    assert!(error.contains("missing: [licensing]"), "{error}");
    assert!(error.contains("unknown: [licences]"), "{error}");
}

#[test]
fn a_short_row_is_named_and_the_others_still_read() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("city.csv");
    std::fs::write(&csv, format!("{}\n安澜市水利局,2025\n{EDUCATION}\n", header()))
        .expect("written");
    let departments = city::load(&csv).expect("the file is read");
    let reason = departments[0].report.as_ref().expect_err("row 1 is short");
    assert!(reason.contains("2 cells"), "{reason}");
    assert!(departments[1].is_valid());
}

#[test]
fn run_reports_renders_in_memory_in_job_order_and_refuses_an_invalid_report() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let good = report_examples::wendeng_2023();
    let mut bad = good.clone();
    bad.reviews_and_lawsuits.review.stated_total = Some(7);
    let jobs = vec![
        ReportJob { report: &bad, output: dir.path().join("bad.pdf") },
        ReportJob { report: &good, output: dir.path().join("good.pdf") },
    ];
    let outcomes = batch::run_reports(
        jobs,
        &BatchOptions { threads: 2, ..Default::default() },
        &|_| {},
    );
    assert_eq!(outcomes.len(), 2);
    assert_eq!(outcomes[0].job.output, dir.path().join("bad.pdf"));
    match &outcomes[0].result {
        Err(Failure::Render(RenderFailure {
            error: RenderError::Invalid(invalid),
            ..
        })) => {
            assert!(invalid.diagnostics.iter().any(|d| d.rule == Rule::T4A));
        }
        other => panic!("expected the T4-A refusal, got {other:?}"),
    }
    assert!(!dir.path().join("bad.pdf").exists());
    let success = outcomes[1].result.as_ref().expect("the seed report renders");
    let pdf = std::fs::read(dir.path().join("good.pdf")).expect("the PDF is written");
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(success.pages, report_tests::page_boxes(&pdf).len());
}
