//! Writes the seed report (威海市文登区科学技术局, 2023) as a PDF and a web page, and prints their paths.
//!
//! `cargo run --release --example wendeng_2023 [-- OUT.pdf] [--pdfa]`: the PDF goes to
//! `out/wendeng_2023.pdf` unless a path is given, the web page beside it
//! (`out/wendeng_2023.html`); the PDF's path is the last line printed.

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
        Ok((report_examples::write_html(&report, &out.with_extension("html"))?, pdf))
    });
    match written {
        Ok((html, pdf)) => {
            // The PDF's path last: CI reads the last line.
            println!("{}", html.display());
            println!("{}", pdf.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
