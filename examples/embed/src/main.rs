//! Embeds the renderer as another Rust tool would: reads the seed report's data file,
//! renders it to PDF with a [`Renderer`] of its own, and writes it.
//!
//! `cargo run --release -p report-embed-example [-- DATA.toml OUT.pdf]`: by default the
//! seed (`examples/data/wendeng_2023.toml`) to `out/embed/wendeng_2023.pdf`; the PDF's
//! path is the last line printed. Built alone (`-p`), its dependencies carry only the
//! features it names in its manifest.

use std::path::PathBuf;
use std::process::ExitCode;

use report_typst::report_core::datafile;
use report_typst::{CachePolicy, RenderOptions, Renderer};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/wendeng_2023.toml");
    let input = args.next().unwrap_or_else(|| PathBuf::from(seed));
    let output =
        args.next().unwrap_or_else(|| PathBuf::from("out/embed/wendeng_2023.pdf"));
    match run(&input, &output) {
        Ok(pages) => {
            eprintln!("{pages} pages");
            println!("{}", output.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            let mut source = std::error::Error::source(&*error);
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::FAILURE
        }
    }
}

fn run(
    input: &std::path::Path,
    output: &std::path::Path,
) -> Result<usize, Box<dyn std::error::Error>> {
    // Every problem of the file, each with its line and column.
    let loaded = datafile::load_path(input, None)?;
    for problem in &loaded.problems {
        eprintln!("{}:{problem}", loaded.source.name);
    }
    let report = loaded.valid_report().ok_or("the data file has errors")?;
    // The embedder keeps Typst's cache as it likes: this renderer never evicts.
    let renderer = Renderer::new().cache(CachePolicy::Keep);
    let rendered = renderer.render(report, &RenderOptions::default())?;
    for warning in &rendered.warnings {
        eprintln!("{warning}");
    }
    if let Some(dir) = output.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(output, &rendered.pdf)?;
    Ok(rendered.pages)
}
