//! `govreport diff LAST THIS` on two consecutive real reports (平潭综合实验区交通与建设局,
//! 2024 and 2025, transcribed from the published pages into tests/fixtures/diff/): every
//! cell and fact, biggest changes first, as text, JSON, CSV and HTML; reports of other
//! agencies or years refused unless `--force`. And `render --previous`, which fills the
//! placeholders of changes.

use crate::common;

use common::{govreport, root, seed};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

fn fixture(name: &str) -> std::path::PathBuf {
    root().join("tests/fixtures/diff").join(name)
}

fn diff(format: &str) -> String {
    let out = govreport()
        .args(["diff", "--format", format])
        .arg(fixture("jtj_2024.json"))
        .arg(fixture("jtj_2025.json"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8")
}

/// The words of a line, whatever its alignment.
fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

#[test]
fn diff_prints_the_changed_figures_biggest_first() {
    let text = diff("text");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("平潭综合实验区交通与建设局: 2024 → 2025"), "{text}");
    assert_eq!(words(lines[1]), ["figure", "2024", "2025", "change", "change", "%"]);
    // First the changes from 0 (行政复议: 0 → 9), then by the size of the change in %.
    assert_eq!(words(lines[2]), ["行政复议", "/", "总计", "0", "9", "+9", "—"], "{text}");
    for (name, row) in [
        ("申请.本年新收", ["58", "21", "-37", "-63.8%"]),
        ("申请.办结", ["58", "21", "-37", "-63.8%"]),
        ("申请.不予公开", ["36", "0", "-36", "-100.0%"]),
        ("申请.予以公开", ["9", "10", "+1", "+11.1%"]),
        ("规范性文件.现行有效", ["23", "24", "+1", "+4.3%"]),
        ("行政复议.总计", ["0", "9", "+9", "—"]),
    ] {
        let line = lines
            .iter()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name}: {text}"));
        assert_eq!(words(line)[1..], row, "{line}");
    }
    // Unchanged figures are counted, not listed (`--all` lists them).
    assert!(!text.contains("申请.无法提供"), "{text}");
    assert!(text.contains("figures unchanged"), "{text}");
    let positions: Vec<usize> = [
        "行政复议 / 总计",
        "申请.不予公开",
        "申请.本年新收",
        "申请.予以公开",
        "规范性文件.现行有效",
    ]
    .iter()
    .map(|n| text.find(n).expect(n))
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}\n{text}");
}

#[test]
fn diff_as_json_csv_and_html_holds_every_row() {
    let json: Value = serde_json::from_str(&diff("json")).expect("JSON");
    assert_eq!(json["agency"], "平潭综合实验区交通与建设局");
    assert_eq!(
        (json["last_year"].as_i64(), json["this_year"].as_i64()),
        (Some(2024), Some(2025))
    );
    let rows = json["rows"].as_array().expect("rows");
    let facts = report_core::facts::Facts::NAMES.len();
    let cells = report_core::labels::statutory_cells().len();
    assert_eq!(rows.len(), cells + facts);
    let received = rows.iter().find(|r| r["name"] == "申请.本年新收").expect("the fact");
    assert_eq!(received["kind"], "fact");
    assert_eq!(received["previous"], 58);
    assert_eq!(received["current"], 21);
    assert_eq!(received["delta"], "-37");
    assert_eq!(received["percent"], "-63.8");

    let csv = diff("csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("kind,name,last,this,change,change_percent"));
    assert_eq!(lines.clone().count(), cells + facts);
    assert!(csv.contains("\nfact,申请.本年新收,58,21,-37,-63.8\n"), "{csv}");

    let html = diff("html");
    let doc = scraper::Html::parse_fragment(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let rows = scraper::Selector::parse("tbody tr").expect("a selector");
    assert_eq!(doc.select(&rows).count(), cells + facts);
    assert!(
        html.contains("<caption>平潭综合实验区交通与建设局: 2024 → 2025</caption>"),
        "{html}"
    );
}

#[test]
fn diff_refuses_other_agencies_and_years_unless_forced() {
    govreport()
        .arg("diff")
        .arg(seed())
        .arg(fixture("jtj_2024.json"))
        .assert()
        .code(1)
        .stderr(contains("different agencies").and(contains("--force")));
    govreport()
        .arg("diff")
        .arg(fixture("jtj_2025.json"))
        .arg(fixture("jtj_2024.json"))
        .assert()
        .code(1)
        .stderr(contains("not consecutive"));
    govreport()
        .args(["diff", "--force"])
        .arg(seed())
        .arg(fixture("jtj_2025.json"))
        .assert()
        .code(0)
        .stdout(contains("2023 → 2025"));
}

#[test]
fn render_with_previous_fills_the_changes_and_without_it_says_previous_is_needed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = std::fs::read_to_string(fixture("jtj_2025.json")).expect("the fixture");
    let mut file: Value = serde_json::from_str(&text).expect("JSON");
    file["overview"]["disclosure_on_request"]["paragraphs"] = serde_json::json!([
        "全年新收政府信息公开申请{申请.本年新收}件，较上年{申请.本年新收.较上年}。"
    ]);
    let path = dir.path().join("jtj_2025.json");
    std::fs::write(&path, serde_json::to_string(&file).expect("JSON")).expect("written");
    let out = dir.path().join("jtj_2025.html");
    govreport()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .arg("--previous")
        .arg(fixture("jtj_2024.json"))
        .assert()
        .code(0);
    let page = std::fs::read_to_string(&out).expect("the page");
    assert!(
        page.contains("全年新收政府信息公开申请21件，较上年减少37件（63.8%）。"),
        "{page}"
    );
    govreport()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(contains("error[PLACEHOLDER]").and(contains("--previous")));
}

/// The command line's own messages follow the reader's language too (`LANG=zh_CN.UTF-8`):
/// the diff's header and refusals, and `render`'s refusal of a report with errors.
#[test]
fn the_command_lines_own_messages_are_chinese_under_a_chinese_locale() {
    let zh = || {
        let mut cmd = govreport();
        cmd.env("LANG", "zh_CN.UTF-8");
        cmd
    };
    let out = zh()
        .arg("diff")
        .arg(fixture("jtj_2024.json"))
        .arg(fixture("jtj_2025.json"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("平潭综合实验区交通与建设局：2024 → 2025，共比较"),
        "{text}"
    );
    assert_eq!(words(lines[1]), ["项目", "2024", "2025", "增减", "增减率"], "{text}");
    assert!(lines.last().is_some_and(|l| l.starts_with("（另有")), "{text}");
    zh().arg("diff")
        .arg(seed())
        .arg(fixture("jtj_2024.json"))
        .assert()
        .code(1)
        .stderr(contains("错误：两份报告的发布机关不同").and(contains("--force")));
    zh().arg("diff")
        .arg(fixture("jtj_2025.json"))
        .arg(fixture("jtj_2024.json"))
        .assert()
        .code(1)
        .stderr(contains("不是相邻年度"));
    // A report with errors is not rendered, and the refusal says so in Chinese.
    let dir = tempfile::tempdir().expect("a folder");
    let broken = dir.path().join("broken.toml");
    let seed_text = std::fs::read_to_string(seed()).expect("the seed");
    // A blank agency name: rule AGENCY, an error.
    let seed_text =
        seed_text.replacen("name = \"威海市文登区科学技术局\"", "name = \"\"", 1);
    assert!(seed_text.contains("name = \"\""));
    std::fs::write(&broken, seed_text).expect("written");
    zh().arg("render")
        .arg(&broken)
        .arg("-o")
        .arg(dir.path().join("broken.pdf"))
        .assert()
        .code(1)
        .stderr(contains("错误：未生成：报告有错误（加 --force 可强制生成）"));
    assert!(!dir.path().join("broken.pdf").exists());
}
