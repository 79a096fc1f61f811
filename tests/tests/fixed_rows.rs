//! The statutory tables' fixed row heights (`RenderOptions::fixed_rows`, on by default)
//! lay every report out exactly as `auto` rows do: the same PDF, byte for byte, for
//! reports whose tables land anywhere on the page or break across pages, and for counts
//! too wide for the proven heights (those tables keep `auto` rows).

use std::collections::{BTreeMap, BTreeSet};

use report_core::Report;
use report_core::model::Item;
use report_core::table::Table as _;
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

/// The row heights the generated source gives each statutory table, in the order 二,
/// 三, 四: `Some(n)` for `n` fixed heights in points, `None` for `auto` rows.
fn rows_in_source(
    report: &report_core::Report,
    options: &RenderOptions,
) -> Vec<Option<usize>> {
    let source = report_typst::Renderer::new().typst_source(report, options);
    let start =
        source.rfind("rows: (").expect("the source gives the rows") + "rows: (".len();
    // The entries of the array, split at its top-level commas.
    let (mut depth, mut entries, mut current) = (0, Vec::new(), String::new());
    for c in source[start..].chars() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => break,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                entries.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    entries.push(current);
    entries
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
        .map(|e| match e {
            "none" => None,
            heights => {
                let n = heights.matches("pt").count();
                assert!(n > 0, "neither heights nor none: {heights}");
                Some(n)
            }
        })
        .collect()
}

/// Fixed heights where they are proven (counts of at most `rows::DIGITS` digits: 8, 8
/// and 5 for 二, 三 and 四), one per row of the table's grid; `auto` rows for a table with
/// a wider count, and for every table when the option is off.
#[test]
fn the_source_fixes_the_rows_exactly_where_they_are_proven() {
    let fixed = RenderOptions::default();
    let seed = report_examples::wendeng_2023();
    let rows: Vec<u32> = [
        seed.active_disclosure.grid().rows,
        seed.applications.grid().rows,
        seed.reviews_and_lawsuits.grid().rows,
    ]
    .to_vec();
    let all = rows.iter().map(|r| Some(*r as usize)).collect::<Vec<_>>();
    assert_eq!(rows_in_source(&seed, &fixed), all, "the seed: every table fixed");
    let off = RenderOptions { fixed_rows: false, ..RenderOptions::default() };
    assert_eq!(rows_in_source(&seed, &off), [None, None, None], "the option off");
    // As wide as proven: still fixed; one digit more: that table alone is auto.
    let mut report = seed.clone();
    report.reviews_and_lawsuits.review.upheld = 99_999;
    report.applications.received.natural_persons = 99_999_999;
    report.active_disclosure.licensing = 99_999_999;
    assert_eq!(rows_in_source(&report, &fixed), all, "widest proven counts");
    report.reviews_and_lawsuits.review.upheld = 100_000;
    assert_eq!(rows_in_source(&report, &fixed), [all[0], all[1], None], "四 too wide");
    report.applications.received.natural_persons = 100_000_000;
    assert_eq!(rows_in_source(&report, &fixed), [all[0], None, None], "三 too wide");
    report.active_disclosure.licensing = 100_000_000;
    assert_eq!(rows_in_source(&report, &fixed), [None, None, None], "二 too wide");
    // A fee is not a plain count: 二 keeps auto rows.
    let mut report = seed.clone();
    report.active_disclosure.fees = "1.5".parse().expect("a decimal");
    assert_eq!(
        rows_in_source(&report, &fixed),
        [None, all[1], all[2]],
        "a fee with decimals"
    );
}

/// Counts wider than the fixed rows are proven for (`rows::DIGITS`) keep `auto` rows in
/// their table (the test above); laid out, they give the same pages as with every row
/// `auto`. (A number never wraps: it runs past its cell in either mode.)
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
    let source =
        report_typst::Renderer::new().typst_source(&report, &RenderOptions::default());
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
