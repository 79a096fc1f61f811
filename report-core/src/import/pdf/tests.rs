//! Tests of the PDF reader: the converted corpus, our own PDF, and the refusals.

use super::*;

use std::path::PathBuf;

/// The folder of the converted corpus.
fn converted() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/published/converted")
}

#[test]
#[ignore = "prints a file's blocks: PDF=name cargo test ... dump -- --ignored --nocapture"]
fn dump() {
    let name = std::env::var("PDF").unwrap_or_else(|_| "zrz_2023.chromium.pdf".into());
    let path = if name.starts_with('/') {
        PathBuf::from(&name)
    } else {
        converted().join(&name)
    };
    let bytes = std::fs::read(path).unwrap();
    let t = std::time::Instant::now();
    let doc = read(&bytes).unwrap();
    println!("{:?} {:?}", t.elapsed(), doc.declared_titles);
    for b in &doc.blocks {
        match b {
            Block::Text { text, place, title, .. } => println!(
                "[p{:?}{}] {}",
                place.page,
                if *title { " TITLE" } else { "" },
                text
            ),
            Block::Table { grid, place } => {
                println!("[p{:?}] TABLE {} rows", place.page, grid.rows.len());
                for r in &grid.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| format!("{}({}x{})", c.text, c.rowspan, c.colspan))
                        .collect();
                    println!("    p{:?} | {}", r.place.page, cells.join(" | "));
                }
            }
            Block::Image { place } => println!("[p{:?}] IMAGE", place.page),
        }
    }
}

#[test]
#[ignore = "prints one page's rulings and lines: PDF=name PAGE=n"]
fn dump_page() {
    let name = std::env::var("PDF").unwrap_or_else(|_| "zrz_2023.chromium.pdf".into());
    let n: usize = std::env::var("PAGE").ok().and_then(|p| p.parse().ok()).unwrap_or(1);
    let bytes = std::fs::read(converted().join(&name)).unwrap();
    let pdf = hayro_syntax::Pdf::new(bytes).unwrap();
    let cache = hayro_interpret::InterpreterCache::new();
    let page = &pdf.pages()[n - 1];
    let c = device::read_page(page, pdf.xref(), &cache);
    println!("size {} x {}", c.width, c.height);
    for r in grid::merge(&c.h) {
        println!("H y={:.1} x {:.1}..{:.1}", r.at, r.from, r.to);
    }
    for r in grid::merge(&c.v) {
        println!("V x={:.1} y {:.1}..{:.1}", r.at, r.from, r.to);
    }
    let gs: Vec<&Glyph> = c.glyphs.iter().collect();
    for l in lines::lines(&gs) {
        println!("L y={:.1} x {:.1}..{:.1} s={:.1} {}", l.y, l.x0, l.x1, l.size, l.text);
    }
}
