//! Renders the reports of a city's departments from one CSV file, in parallel, and prints
//! a table of the problems found per department.
//!
//! `cargo run --release --example city_batch [-- --input CSV] [--out DIR] [--jobs N]`:
//! reads `examples/data/city_departments.csv` (20 departments of the made-up city
//! 安澜市, 2025) unless told otherwise, builds and validates a typed report per row,
//! renders every valid one into `out/city_batch/` with a progress bar, and prints the
//! summary. The exit status is 1 if any department got no PDF (the sample's rows 7, 12,
//! 14 and 16 are invalid on purpose), 2 if the CSV cannot be read at all.
//!
//! The logic is [`report_examples::city`], which the tests run too.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use report_examples::city;
use report_typst::RenderOptions;
use report_typst::batch::BatchOptions;

/// Renders one report per department of a CSV file and prints the problems found.
#[derive(Parser)]
struct Args {
    /// The CSV file: one row per department, the columns of `report_examples::city::COLUMNS`.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city_departments.csv"))]
    input: PathBuf,
    /// The folder the PDFs are written to (created if need be).
    #[arg(long, default_value = "out/city_batch")]
    out: PathBuf,
    /// Worker threads; 0 means one per core.
    #[arg(long, default_value_t = 0)]
    jobs: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let departments = match city::load(&args.input) {
        Ok(departments) => departments,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let valid = departments.iter().filter(|d| d.is_valid()).count();
    eprintln!(
        "{} departments read, {valid} valid: rendering them into {}",
        departments.len(),
        args.out.display()
    );
    let bar =
        ProgressBar::with_draw_target(Some(valid as u64), ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let options = BatchOptions {
        render: RenderOptions::default(),
        threads: args.jobs,
        ..BatchOptions::default()
    };
    let summary = match city::render(departments, &args.out, &options, &|| bar.inc(1)) {
        Ok(summary) => summary,
        Err(e) => {
            bar.finish_and_clear();
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    bar.finish_and_clear();
    print!("{summary}");
    if summary.failed().is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
