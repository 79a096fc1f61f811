//! Writes the seed report (威海市文登区科学技术局, 2023) as a PDF, a web page and a Word
//! document, and prints their paths.
//!
//! `cargo run --release --example wendeng_2023 [-- OUT.pdf] [--pdfa]`: the PDF goes to
//! `out/wendeng_2023.pdf` unless a path is given, the web page and the Word document
//! beside it (`out/wendeng_2023.html`, `out/wendeng_2023.docx`); the PDF's path is the
//! last line printed.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut out = PathBuf::from("out/wendeng_2023.pdf");
    let mut options = report_typst::RenderOptions::default();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--pdfa" => options.pdf_a = true,
            other => out = PathBuf::from(other),
        }
    }
    let report = report_examples::wendeng_2023();
    eprintln!(
        "numbers assumed where the seed gives none: {}",
        report_examples::WENDENG_2023_ASSUMED
    );
    let written = report_examples::write_pdf(&report, &options, &out).and_then(|pdf| {
        let html = report_examples::write_html(&report, &out.with_extension("html"))?;
        // PDF/A is the PDF's alone: the Word document is written with the rest.
        let word = report_typst::RenderOptions { pdf_a: false, ..options.clone() };
        let docx =
            report_examples::write_docx(&report, &word, &out.with_extension("docx"))?;
        Ok((html, docx, pdf))
    });
    match written {
        Ok((html, docx, pdf)) => {
            // The PDF's path last: CI reads the last line.
            println!("{}", html.display());
            println!("{}", docx.display());
            println!("{}", pdf.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
