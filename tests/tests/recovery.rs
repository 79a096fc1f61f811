//! Issue 12: reading recovers, so one `check` reports every problem of a broken file,
//! each with its position, in Chinese or English. The file is the seed with 二 misspelt
//! (`现形有效件数`), a 2019 row in 三 (（六）其他处理 as one row), 三's 总计 wrong in three
//! rows and 四's 复议后起诉 总计 wrong; then the same file with blank cells.
//! The files are [`report_tests::broken`]'s; `govreport check` on them is tested with the
//! command line, in `report-typst/cli/tests/cli_recovery.rs`.

use report_core::Rule;
use report_core::datafile::{self, Format, Loaded, Source};
use report_tests::broken::{T4, broken, line_of, with_blanks};
use report_tests::seed;

fn load(name: &str, text: &str) -> Loaded {
    datafile::load(Source::new(name, text, Format::Toml), None).expect("the file parses")
}

fn count(loaded: &Loaded, rule: Rule) -> usize {
    loaded.problems.iter().filter(|p| p.rule == rule).count()
}

#[test]
fn one_check_reports_label_2019_row_three_row_totals_and_the_lawsuit_total() {
    let text = broken();
    let loaded = load("broken.toml", &text);
    assert!(loaded.has_errors());
    assert_eq!(count(&loaded, Rule::Label), 1, "{:#?}", loaded.problems);
    assert_eq!(count(&loaded, Rule::Format2019), 1, "{:#?}", loaded.problems);
    assert_eq!(count(&loaded, Rule::T3C), 3, "{:#?}", loaded.problems);
    assert_eq!(count(&loaded, Rule::T4C), 1, "{:#?}", loaded.problems);
    // The 2019 row's cells are unknown, not reported as missing one by one.
    assert_eq!(count(&loaded, Rule::Cells), 0, "{:#?}", loaded.problems);
    // Every one of them is placed in the file.
    for p in &loaded.problems {
        if [Rule::Label, Rule::Format2019, Rule::T3C, Rule::T4C].contains(&p.rule) {
            assert!(p.place.is_some(), "{p}");
        }
    }
    let label = loaded.problems.iter().find(|p| p.rule == Rule::Label).expect("LABEL");
    assert_eq!(label.found.as_deref(), Some("现形有效件数"));
    assert_eq!(label.expected.as_deref(), Some("现行有效件数"));
    let line =
        text.lines().position(|l| l.starts_with("\"现形有效件数\"")).expect("there");
    assert_eq!(label.place.as_ref().map(|p| p.line), Some(line + 1));
    let t4c = loaded.problems.iter().find(|p| p.rule == Rule::T4C).expect("T4-C");
    assert_eq!(
        t4c.place.as_ref().map(|p| p.line),
        Some(line_of(&text, "\"复议后起诉\"]", "\"总计\" = 1"))
    );
    assert_eq!((t4c.expected.as_deref(), t4c.found.as_deref()), (Some("0"), Some("1")));
    // The misspelt cell was read: the tables carry no unknown cell but the 2019 row's.
    let t3c_rows: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.rule == Rule::T3C)
        .map(|p| p.location.to_string())
        .collect();
    assert!(t3c_rows[0].starts_with("一、本年新收政府信息公开申请数量"), "{t3c_rows:?}");
    assert!(t3c_rows[1].contains("（一）予以公开"), "{t3c_rows:?}");
    assert!(t3c_rows[2].starts_with("四、结转下年度继续办理"), "{t3c_rows:?}");
}

#[test]
fn blank_cells_are_reported_once_never_read_as_0_and_other_rows_still_checked() {
    let text = with_blanks();
    let loaded = load("blanks.toml", &text);
    let blanks: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.rule == Rule::Cells)
        .map(|p| p.location.to_string())
        .collect();
    assert_eq!(
        blanks,
        [
            "第二十条第（五）项 / 行政许可 / 本年处理决定数量",
            "三、本年度办理结果 /（一）予以公开 / 自然人",
            "行政复议 / 结果纠正",
        ],
        "each blank once, with its labels: {:#?}",
        loaded.problems
    );
    for p in loaded.problems.iter().filter(|p| p.rule == Rule::Cells) {
        assert!(p.place.is_some(), "{p}");
        assert!(p.message.contains("not as 0"), "{p}");
    }
    // （一）予以公开 has a blank: its wrong 总计 is not judged; the other two rows are.
    assert_eq!(count(&loaded, Rule::T3C), 2, "{:#?}", loaded.problems);
    assert!(
        !loaded
            .problems
            .iter()
            .any(|p| p.rule == Rule::T3C
                && p.location.to_string().contains("（一）予以公开")),
        "a row with a blank is not checked"
    );
    // 行政复议 says 总计 3 with 结果纠正 blank: read as 0 it would be a T4-A error.
    assert_eq!(count(&loaded, Rule::T4A), 0, "{:#?}", loaded.problems);
    assert_eq!(count(&loaded, Rule::T4C), 1);
    assert_eq!(count(&loaded, Rule::Label), 1);
    assert_eq!(count(&loaded, Rule::Format2019), 1);
    // The unknown cells are marked, and nothing was printed from them.
    assert!(!loaded.unknown.is_empty());
    assert!(loaded.report.is_none(), "a report with unknown cells is not for printing");
    assert!(loaded.partial.is_some());
}

/// PROSE with a blank cell: a claim about a figure that reads the blank is not judged,
/// and every claim whose figure was read in full still is.
#[test]
fn prose_is_checked_against_every_figure_read_in_full() {
    let seed = std::fs::read_to_string(seed()).expect("the seed");
    // 行政复议's 结果纠正 blank: the 行政复议 figures are unknown, 三's are all read.
    let review = format!("[{T4}.\"行政复议\"]\n\"结果维持\" = 0\n\"结果纠正\" = 0");
    assert!(seed.contains(&review), "the seed's 行政复议");
    let text = seed.replacen(
        &review,
        &format!("[{T4}.\"行政复议\"]\n\"结果维持\" = 0\n\"结果纠正\" = \"\""),
        1,
    );
    // Two claims the tables contradict if read as 0: five applications received (三 says
    // 0), three reviews (行政复议 is unknown).
    let said = "本年度未收到依申请公开案件，较去年无变化。";
    assert!(text.contains(said), "the seed's sentence");
    let text = text.replacen(
        said,
        "本年度共收到政府信息公开申请5件。本年度发生政府信息公开行政复议3件。",
        1,
    );
    let loaded = load("prose.toml", &text);
    assert!(!loaded.unknown.is_empty());
    let prose: Vec<_> =
        loaded.problems.iter().filter(|p| p.rule == Rule::Prose).collect();
    assert_eq!(prose.len(), 1, "{:#?}", loaded.problems);
    assert_eq!(
        (prose[0].expected.as_deref(), prose[0].found.as_deref()),
        (Some("0"), Some("5")),
        "{}",
        prose[0]
    );
    // Without the blank, both claims are judged: the check above skipped one, not both.
    let known = text.replacen("\"结果纠正\" = \"\"", "\"结果纠正\" = 0", 1);
    let loaded = load("prose.toml", &known);
    assert!(loaded.unknown.is_empty());
    assert_eq!(count(&loaded, Rule::Prose), 2, "{:#?}", loaded.problems);
}
