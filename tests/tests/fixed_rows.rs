//! The statutory tables' fixed row heights (`RenderOptions::fixed_rows`, on by default)
//! lay every report out exactly as `auto` rows do: the same PDF, byte for byte, for
//! reports whose tables land anywhere on the page or break across pages, and for counts
//! too wide for the proven heights (those tables keep `auto` rows).

use std::collections::{BTreeMap, BTreeSet};

use report_core::Report;
use report_core::model::Item;
use report_tests::glyphs;
use report_typst::{RenderOptions, render};

fn pdf(report: &Report, fixed_rows: bool) -> Vec<u8> {
    let options = RenderOptions { fixed_rows, force: true, ..RenderOptions::default() };
    render(report, &options).expect("renders").pdf
}

/// Asserts that `report` gives the same PDF with fixed rows and with `auto` rows; returns
/// it.
fn assert_same_pages(name: &str, report: &Report) -> Vec<u8> {
    let fixed = pdf(report, true);
    let auto = pdf(report, false);
    if fixed != auto {
        // Both kept for a look: `qpdf --qdf` and a diff show what moved.
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixed_rows");
        std::fs::create_dir_all(&dir).expect("a folder for the PDFs");
        let stem = name.replace(' ', "_");
        std::fs::write(dir.join(format!("{stem}.fixed.pdf")), &fixed).expect("write");
        std::fs::write(dir.join(format!("{stem}.auto.pdf")), &auto).expect("write");
        panic!(
            "{name}: fixed rows give another PDF than auto rows; both in {}",
            dir.display()
        );
    }
    fixed
}

#[test]
fn the_seed_and_the_long_report_are_laid_out_alike() {
    assert_same_pages("seed", &report_examples::wendeng_2023());
    assert_same_pages("long", &report_examples::long_report());
}

/// Paragraphs of growing length before the tables move them down the page a line or
/// so at a time: 三 then breaks across pages after one of its rows or another.
#[test]
fn tables_anywhere_on_the_page_are_laid_out_alike() {
    let sentence = "本机关坚持以公开为常态不公开为例外推进决策执行管理服务结果全过程公开";
    let mut splits = BTreeSet::new();
    for n in 1..=16 {
        // Each sentence is 34 characters: about 1.2 lines of 28.
        let mut report = report_examples::wendeng_2023();
        report.overview.intro.push(sentence.repeat(n));
        report.overview.active_disclosure.items =
            vec![Item::new("工作机制", vec![sentence.repeat(n % 3 + 1)])];
        let fixed = assert_same_pages(&format!("{n} more sentences"), &report);
        // Where 三 breaks: how many of its 9-pt characters its first page holds.
        let small = glyphs(&fixed).into_iter().filter(|g| (g.size - 9.0).abs() < 0.01);
        let mut per_page = BTreeMap::<u32, usize>::new();
        for g in small {
            *per_page.entry(g.page).or_default() += 1;
        }
        splits.insert(per_page.values().next().copied());
    }
    // The cases must really put the break in different places.
    assert!(splits.len() >= 5, "三 broke in only {} places: {splits:?}", splits.len());
}

/// Counts wider than the fixed rows are proven for (`rows::DIGITS`) keep `auto` rows in
/// their table. (A number never wraps: it runs past its cell in either mode, so the
/// pages are the same either way; the fallback is a safeguard for fonts or values that
/// would wrap.)
#[test]
fn counts_too_wide_for_the_fixed_rows_are_laid_out_alike() {
    let mut report = report_examples::wendeng_2023();
    report.reviews_and_lawsuits.review.upheld = 123_456_789;
    report.applications.received.natural_persons = 1_234_567_890;
    report.active_disclosure.licensing = 12_345_678_901_234;
    assert_same_pages("wide counts", &report);
}

/// A source written by hand that calls the template's `report` without row heights (as
/// one written before them would) renders, with every row `auto`: the same text and pages.
#[test]
fn a_source_without_row_heights_renders_with_auto_rows() {
    let report = report_examples::wendeng_2023();
    let source = report_typst::Renderer::new().typst_source(&report);
    let cut = source.rfind(", rows: ").expect("the generated source gives row heights");
    let without = format!("{}))\n", &source[..cut]);
    let options = RenderOptions::default();
    let by_hand =
        report_typst::render_source(without, report.date, &options).expect("renders");
    let rendered = render(&report, &options).expect("renders");
    assert_eq!(by_hand.pages, rendered.pages);
    assert_eq!(
        report_tests::extract_text(&by_hand.pdf),
        report_tests::extract_text(&rendered.pdf)
    );
}
