//! `govreport audit DIR --html --json --summary` (issue 28): the page's figures equal the
//! JSON's and the CSV's (one model), the same folder gives the same bytes, each agency's
//! consecutive years have their cross-year checks, and hostile names stay text under a
//! policy that forbids scripts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use scraper::{Html, Selector};

use crate::common::{govreport, root};

fn folder() -> PathBuf {
    root().join("tests/fixtures/published")
}

/// Runs the audit of `dir` in `lang`, writing the three outputs into `out`; their texts.
fn audit(dir: &Path, out: &Path, lang: &str) -> (String, serde_json::Value, String) {
    let (html, json, csv) = (out.join("a.html"), out.join("a.json"), out.join("a.csv"));
    let run = govreport()
        .args(["--lang", lang, "audit"])
        .arg(dir)
        .arg("--html")
        .arg(&html)
        .arg("--json")
        .arg(&json)
        .arg("--summary")
        .arg(&csv)
        .output()
        .unwrap();
    // 1: some page has errors; 2: some page could not be read (the outputs are written).
    assert!(
        matches!(run.status.code(), Some(0..=2)),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    (std::fs::read_to_string(html).unwrap(), json, std::fs::read_to_string(csv).unwrap())
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: scraper::ElementRef<'_>) -> String {
    e.text().collect::<String>().trim().to_owned()
}

/// The key figures' names in the JSON and CSV, in the page's column order.
const FIGURES: [&str; 9] = [
    "received",
    "closed",
    "disclosed",
    "partially_disclosed",
    "carried_forward",
    "reviews",
    "reviews_corrected",
    "lawsuits",
    "lawsuits_corrected",
];

#[test]
fn the_page_the_json_and_the_csv_give_the_same_figures() {
    let out = tempfile::tempdir().unwrap();
    let (html, json, csv) = audit(&folder(), out.path(), "en");
    let page = Html::parse_document(&html);

    // The CSV, by file.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> =
        reader.headers().unwrap().iter().map(str::to_owned).collect();
    let csv_rows: Vec<HashMap<String, String>> = reader
        .records()
        .map(|r| {
            header.iter().cloned().zip(r.unwrap().iter().map(str::to_owned)).collect()
        })
        .collect();
    assert_eq!(csv_rows.len(), 8);

    // One row per report in the page's table, by its link to the report's section.
    let reports = json["reports"].as_array().unwrap();
    let rows: Vec<_> = page.select(&sel("#reports tbody tr")).collect();
    assert_eq!(rows.len(), 8, "one row a read page");
    let mut last_errors = u64::MAX;
    for row in rows {
        let cells: Vec<String> = row.select(&sel("td")).map(text).collect();
        let href = row.select(&sel("a")).next().unwrap().value().attr("href").unwrap();
        let entry = reports
            .iter()
            .find(|e| format!("#{}", e["anchor"].as_str().unwrap()) == href)
            .unwrap_or_else(|| panic!("{href}"));
        assert!(
            page.select(&sel(href)).next().is_some(),
            "{href}: the row links to the report's section"
        );
        let report = &entry["report"];
        let file = entry["file"].as_str().unwrap();
        let csv_row = csv_rows.iter().find(|r| r["file"] == file).unwrap();
        assert_eq!(cells[0], report["agency"].as_str().unwrap());
        assert_eq!(cells[0], csv_row["agency"]);
        assert_eq!(cells[1], report["year"].to_string());
        assert_eq!(cells[1], csv_row["year"]);
        for (k, name) in ["errors", "warnings"].iter().enumerate() {
            assert_eq!(cells[3 + k], report[name].to_string(), "{file} {name}");
            assert_eq!(cells[3 + k], csv_row[*name], "{file} {name}");
        }
        for (k, name) in FIGURES.iter().enumerate() {
            assert_eq!(
                cells[5 + k],
                report["figures"][name].to_string(),
                "{file} {name}"
            );
            assert_eq!(cells[5 + k], csv_row[*name], "{file} {name}");
        }
        // Sorted by errors, most first.
        let errors = report["errors"].as_u64().unwrap();
        assert!(errors <= last_errors, "sorted by errors");
        last_errors = errors;
    }
    // The fixture folder's figures are not all zero (a table not read would be).
    let received: u64 = reports
        .iter()
        .map(|e| e["report"]["figures"]["received"].as_u64().unwrap())
        .sum();
    assert!(received > 0);

    // Problems by rule: the page's table, the JSON's, and the CSV's columns summed.
    let by_rule = json["by_rule"].as_array().unwrap();
    assert!(!by_rule.is_empty());
    let table: Vec<Vec<String>> = page
        .select(&sel("#rules tbody tr"))
        .map(|r| r.select(&sel("td")).map(text).collect())
        .collect();
    assert_eq!(table.len(), by_rule.len());
    for (cells, rule) in table.iter().zip(by_rule) {
        let id = rule["rule"].as_str().unwrap();
        assert_eq!(cells[0], id);
        assert_eq!(cells[2], rule["problems"].to_string(), "{id}");
        assert_eq!(cells[3], rule["reports"].to_string(), "{id}");
        let summed: u64 = csv_rows.iter().map(|r| r[id].parse::<u64>().unwrap()).sum();
        assert_eq!(cells[2], summed.to_string(), "{id}");
        let with: usize = csv_rows.iter().filter(|r| r[id] != "0").count();
        assert_eq!(cells[3], with.to_string(), "{id}");
    }

    // Each report's section lists every problem of the JSON.
    for entry in reports {
        let anchor = entry["anchor"].as_str().unwrap();
        let section = page.select(&sel(&format!("section#{anchor}"))).next().unwrap();
        let problems = entry["report"]["problems"].as_array().unwrap();
        let claims = entry["report"]["claims"].as_array().unwrap();
        let listed = section.select(&sel("tbody tr")).count();
        // The key figures' table (9 rows), one row a problem, then one row a claim.
        assert_eq!(listed, 9 + problems.len() + claims.len(), "{anchor}");
    }

    // At a glance: the totals.
    let glance: Vec<String> = page.select(&sel(".glance dd")).map(text).collect();
    let totals = &json["totals"];
    let expected: Vec<String> =
        ["read", "unreadable", "clean", "with_errors", "with_warnings"]
            .iter()
            .map(|k| totals[k].to_string())
            .collect();
    assert_eq!(glance, expected);
    assert_eq!(totals["read"], 8);

    // Every chart has a title and a description, and a table beside it.
    let charts: Vec<_> = page.select(&sel(".fig")).collect();
    assert!(charts.len() >= 4, "rules, three agencies' years, the years compared");
    for fig in charts {
        let svg = fig.select(&sel("svg")).next().expect("a chart");
        assert!(svg.select(&sel("title")).next().is_some_and(|t| !text(t).is_empty()));
        assert!(svg.select(&sel("desc")).next().is_some_and(|t| !text(t).is_empty()));
        assert!(fig.select(&sel("table")).next().is_some());
    }
}

#[test]
fn the_same_folder_gives_the_same_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (html_a, _, csv_a) = audit(&folder(), a.path(), "zh");
    let (html_b, _, csv_b) = audit(&folder(), b.path(), "zh");
    assert!(html_a == html_b, "the page differs between two runs");
    assert_eq!(csv_a, csv_b);
    let json_a = std::fs::read(a.path().join("a.json")).unwrap();
    let json_b = std::fs::read(b.path().join("a.json")).unwrap();
    assert!(json_a == json_b, "the JSON differs between two runs");
    // In the chosen language.
    assert!(html_a.contains("<html lang=\"zh-CN\">"));
    assert!(html_a.contains("跨年度比较"));
}

#[test]
fn each_agency_with_two_years_has_its_cross_year_section() {
    let out = tempfile::tempdir().unwrap();
    let (html, json, _) = audit(&folder(), out.path(), "en");
    let page = Html::parse_document(&html);
    let agencies = json["agencies"].as_array().unwrap();
    let pairs: Vec<(String, i64, i64)> = agencies
        .iter()
        .flat_map(|a| {
            a["pairs"].as_array().unwrap().iter().map(|p| {
                (
                    a["agency"].as_str().unwrap().to_owned(),
                    p["last_year"].as_i64().unwrap(),
                    p["this_year"].as_i64().unwrap(),
                )
            })
        })
        .collect();
    let mut years: Vec<(i64, i64)> = pairs.iter().map(|(_, l, t)| (*l, *t)).collect();
    years.sort();
    assert_eq!(years, [(2021, 2022), (2023, 2024), (2024, 2025)]);
    let headings: Vec<String> = page.select(&sel("h4")).map(text).collect();
    for (_, last, this) in &pairs {
        let heading = format!("{last} → {this}: cross-year checks");
        assert!(headings.contains(&heading), "{heading}: {headings:?}");
    }
    for agency in agencies {
        for pair in agency["pairs"].as_array().unwrap() {
            let rules: Vec<&str> = pair["checks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["rule"].as_str().unwrap())
                .collect();
            assert_eq!(rules, ["Y-CONT", "S-CONT"]);
            // Each check's outcome is shown after its rule.
            for check in pair["checks"].as_array().unwrap() {
                let n = check["problems"].as_array().unwrap().len();
                let outcome =
                    if n == 0 { "passed".to_owned() } else { format!("{n} problem(s)") };
                let line = format!("{} {outcome}", check["rule"].as_str().unwrap());
                assert!(
                    page.select(&sel("li")).any(|li| text(li).starts_with(&line)),
                    "{line}"
                );
            }
            assert!(
                !pair["changes"].as_array().unwrap().is_empty(),
                "the largest changes"
            );
        }
        // Figures per year as a chart.
        let name = agency["agency"].as_str().unwrap();
        assert!(
            page.select(&sel("svg title")).any(|t| text(t).starts_with(name)),
            "{name}: its chart of figures per year"
        );
    }
}

/// The page's safety: no script, no event handler attribute, the policy present.
fn assert_safe(html: &str) -> Html {
    let page = Html::parse_document(html);
    assert_eq!(page.select(&sel("script")).count(), 0, "a script element");
    for e in page.select(&sel("*")) {
        for (name, _) in e.value().attrs() {
            assert!(!name.to_ascii_lowercase().starts_with("on"), "attribute {name}");
        }
    }
    let csp = page
        .select(&sel("meta[http-equiv=\"Content-Security-Policy\"]"))
        .next()
        .expect("the policy");
    assert!(csp.value().attr("content").unwrap().contains("script-src 'none'"));
    page
}

/// A copy of two fixture pages whose agency is `name` (escaped in the page's source, as a
/// site would write it), the second under the file name `file`.
fn hostile_folder(dir: &Path, name: &str, file: &str) {
    let escaped = name
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    for (from, to) in [("jtj_2024.html", "jtj_2024.html"), ("jtj_2025.html", file)] {
        let page = std::fs::read_to_string(folder().join(from)).unwrap();
        let page = page.replace("平潭综合实验区交通与建设局", &escaped);
        std::fs::write(dir.join(to), page).unwrap();
    }
    std::fs::copy(folder().join("zrz_2024.html"), dir.join("zrz_2024.html")).unwrap();
}

#[test]
fn a_hostile_file_name_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = "<img src=x onerror=alert(1)>.html";
    hostile_folder(dir.path(), "</svg><script>alert(1)</script>局", file);
    // A page that is no report: counted as not readable, with why.
    std::fs::write(dir.path().join("broken.html"), "<html><p>not a report</p></html>")
        .unwrap();
    let (html, json, _) = audit(dir.path(), out.path(), "en");
    let page = assert_safe(&html);
    assert_eq!(page.select(&sel("img")).count(), 0);
    assert_eq!(json["totals"]["unreadable"], 1);
    assert_eq!(text(page.select(&sel(".glance dd")).nth(1).unwrap()), "1");
    let why =
        page.select(&sel("li")).find(|li| text(*li).starts_with("broken.html")).map(text);
    assert!(why.is_some_and(|w| w.len() > "broken.html: ".len()), "the failure and why");
    let files: Vec<&str> = json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert!(files.contains(&file), "{files:?}");
    assert!(
        page.select(&sel("li")).any(|li| text(li).contains(file)),
        "the file name as text"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Agency names made of markup, quotes, ampersands and CJK: the page has no script and
    /// no handler, and the name reads back as text (in headings and in the charts).
    #[test]
    fn hostile_names_stay_text(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "<script>alert(1)</script>", "</svg><script>", "\"onerror=alert(1)", "&", "&amp;",
            "交通局", "<b>", "'", "]]>", "<!--", "平潭",
        ]),
        1..5,
    )) {
        let name = format!("局{}", parts.concat());
        let dir = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        hostile_folder(dir.path(), &name, "jtj_2025.html");
        let (html, json, _) = audit(dir.path(), out.path(), "en");
        let page = assert_safe(&html);
        let agencies: Vec<&str> = json["reports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["report"]["agency"].as_str().unwrap())
            .collect();
        // The importer reads the name (its ASCII punctuation made full-width, as a
        // report's text is): markup and ampersands reach the model as they were.
        let agency = agencies.iter().find(|a| a.starts_with('局')).unwrap();
        for c in ['<', '>', '&'] {
            prop_assert_eq!(name.contains(c), agency.contains(c), "{} in {}", c, agency);
        }
        // As the text of its year-over-year heading, and in the report's table.
        prop_assert!(page.select(&sel("h3")).any(|h| text(h) == *agency));
        prop_assert!(page.select(&sel("#reports a")).any(|a| text(a) == *agency));
        // In the charts' descriptions, whole (the axis shows it shortened).
        prop_assert!(page.select(&sel("svg desc")).any(|d| text(d).contains(*agency)));
    }
}

/// A folder of 1,000 generated reports (the seed's variants, each agency once, published
/// as web pages): the page stays under 5 MB. Its write time is the bench's
/// (`--audit-page`), not a test's.
#[test]
fn the_page_of_a_thousand_reports_stays_under_five_megabytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let seed = report_examples::wendeng_2023();
    for i in 0..1000 {
        let mut report = seed.clone();
        report.agency.name = format!("{}第{i}分局", seed.agency.name);
        report.year = 2021 + i % 3;
        let page = report_core::html::page(&report, &Default::default());
        std::fs::write(dir.path().join(format!("{i:04}.html")), page).unwrap();
    }
    let html = out.path().join("a.html");
    let run = govreport()
        .arg("audit")
        .arg(dir.path())
        .arg("--html")
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let size = std::fs::metadata(&html).unwrap().len();
    assert!(size < 5_000_000, "{size} bytes");
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(
        Html::parse_document(&page).select(&sel("#reports tbody tr")).count(),
        1000
    );
}

/// Each report's section lists the claims its text makes about the tables' figures, the
/// ones that hold too: a contradicted claim there is a PROSE problem of that report, an
/// agreeing one is none, and the page's claim tables hold the JSON's claims.
#[test]
fn the_prose_claims_checked_are_listed_with_their_result() {
    let out = tempfile::tempdir().unwrap();
    let (html, json, _) = audit(&folder(), out.path(), "zh");
    let mut agreeing = 0;
    let mut contradicted = 0;
    let mut page_rows = 0;
    for entry in json["reports"].as_array().unwrap() {
        let Some(report) = entry.get("report").filter(|r| !r.is_null()) else { continue };
        let prose = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["rule"] == "PROSE")
            .count();
        let claims = report["claims"].as_array().unwrap();
        let result = |r: &str| claims.iter().filter(|c| c["result"] == r).count();
        // A claim contradicted is one PROSE warning; the text's claims that agree none.
        assert_eq!(result("contradicts"), prose, "{}", entry["file"]);
        for c in claims.iter().filter(|c| c["result"] == "agrees") {
            assert_eq!(c["claimed"], c["table"], "{c}");
        }
        agreeing += result("agrees");
        contradicted += result("contradicts");
        page_rows += claims.len();
    }
    // The fixtures: nyn_2025 says 1 application where the table has 0; the others agree.
    assert_eq!(contradicted, 1);
    assert!(agreeing >= 8, "{agreeing}");
    // The page: one row a claim, each with its result in Chinese.
    let page = Html::parse_document(&html);
    let results: Vec<String> = page
        .select(&sel("section.report table tbody tr td:last-child"))
        .map(text)
        .filter(|t| t == "一致" || t == "不一致")
        .collect();
    assert_eq!(results.len(), page_rows);
    assert_eq!(results.iter().filter(|t| *t == "不一致").count(), 1);
}
