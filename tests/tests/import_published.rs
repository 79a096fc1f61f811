//! The published pages of tests/fixtures/published imported and audited: every figure a
//! person transcribed into MANIFEST.json read back, every defect listed there reported
//! with its rule, and nothing reported for a page the manifest finds clean. Then the
//! same pages re-encoded as GBK, with their tables as images, and with a table split
//! across two `<table>` elements.

use std::path::PathBuf;

use report_core::import::{Imported, Located, import};
use report_core::labels::{self, APPLICANT_COLUMNS};
use report_core::{ApplicantCounts, Report, Rule, TableId};
use serde_json::Value;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/published")
}

fn manifest() -> Vec<Value> {
    let text =
        std::fs::read_to_string(folder().join("MANIFEST.json")).expect("the manifest");
    let m: Value = serde_json::from_str(&text).expect("the manifest is JSON");
    m["files"].as_array().expect("files").clone()
}

fn page(file: &str) -> String {
    std::fs::read_to_string(folder().join(file)).expect("a fixture page")
}

fn imported(file: &str) -> Imported {
    import(page(file).as_bytes()).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn numbers(v: &Value) -> Vec<Option<u64>> {
    v.as_array()
        .expect("a list of figures")
        .iter()
        .map(|x| match x {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        })
        .collect()
}

/// The value of a section 三 row as printed, `None` where the page's cell is unknown.
fn printed(
    imported: &Imported,
    row_labels: &[&str],
    row: &ApplicantCounts,
) -> Vec<Option<u64>> {
    row.printed()
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let column = APPLICANT_COLUMNS[i];
            let unknown = imported.doubts.iter().any(|d| {
                d.unknown
                    && d.labels.ends_with(&[column])
                    && row_labels.iter().all(|l| d.labels.contains(l))
            });
            (!unknown).then_some(*v)
        })
        .collect()
}

/// The rows of section 三 by their last label, with their full labels.
fn application_rows(report: &Report) -> Vec<(&'static [&'static str], ApplicantCounts)> {
    let mut rows: Vec<(&'static [&'static str], ApplicantCounts)> =
        labels::application_rows(&report.applications)
            .into_iter()
            .map(|(l, r)| (l, *r))
            .collect();
    rows.push((
        &[labels::RESULTS_LABEL, labels::TOTAL_ROW_LABEL],
        report.applications.results.total(),
    ));
    rows
}

fn row_named<'a>(
    rows: &'a [(&'static [&'static str], ApplicantCounts)],
    name: &str,
) -> &'a (&'static [&'static str], ApplicantCounts) {
    let last = name.rsplit(" / ").next().unwrap_or(name).trim();
    rows.iter()
        .find(|(l, _)| l.last() == Some(&last))
        .unwrap_or_else(|| panic!("no row {last}"))
}

#[test]
fn every_transcribed_figure_is_read_back() {
    for entry in manifest() {
        let file = entry["file"].as_str().expect("file");
        figures_read_back(file, &imported(file), &entry);
    }
}

/// The forms other producers give the published pages (tests/fixtures/published/
/// converted, made by its convert.sh): LibreOffice's Word file and PDF, Chromium's PDF.
const FORMS: [&str; 3] = ["libreoffice.docx", "libreoffice.pdf", "chromium.pdf"];

/// Each page of the manifest in each of [`FORMS`]: its file name and the import.
fn converted() -> Vec<(Value, String, Imported)> {
    let mut out = Vec::new();
    for entry in manifest() {
        let page = entry["file"].as_str().expect("file");
        let stem = page.strip_suffix(".html").expect("an .html page");
        for form in FORMS {
            let name = format!("{stem}.{form}");
            let bytes = std::fs::read(folder().join("converted").join(&name))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let i = import(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            out.push((entry.clone(), name, i));
        }
    }
    out
}

#[test]
fn every_transcribed_figure_is_read_from_the_word_files_and_pdfs_of_other_producers() {
    let all = converted();
    assert_eq!(all.len(), 24, "8 pages × 3 forms");
    for (entry, file, i) in &all {
        let want = if file.ends_with(".docx") {
            report_core::import::blocks::Format::Docx
        } else {
            report_core::import::blocks::Format::Pdf
        };
        assert_eq!(i.format, want, "{file}: read by content as {want:?}");
        figures_read_back(file, i, entry);
    }
}

#[test]
fn every_listed_defect_is_found_in_the_word_files_and_pdfs_of_other_producers() {
    for (entry, file, i) in converted() {
        let audit = i.audit(None);
        defects_reported(&file, &audit, &entry);
        no_unlisted_arithmetic_error(&file, &audit, &entry);
    }
}

/// Every figure of a manifest entry read from `i` (the import of `file`).
fn figures_read_back(file: &str, i: &Imported, entry: &Value) {
    {
        let r = &i.report;
        assert_eq!(r.agency.name, entry["issuer"].as_str().unwrap(), "{file}");
        assert_eq!(i64::from(r.year), entry["year"].as_i64().unwrap(), "{file}");
        if let Some(date) = entry["signed_date"].as_str() {
            assert_eq!(r.date_text(), date, "{file}");
        }
        assert!(i.tables_read, "{file}");
        let totals = &entry["checked_totals"];
        // Section 二.
        let t2 = totals["table2_主动公开"].as_object().expect("table 二");
        let a = &r.active_disclosure;
        for (label, figures) in t2 {
            let three = |d: &report_core::DocumentCounts| {
                [d.issued, d.repealed, d.in_force].map(|v| v.to_string()).to_vec()
            };
            let got: Vec<String> = match label.as_str() {
                "规章" => three(&a.rules),
                "行政规范性文件" | "规范性文件" => {
                    three(&a.normative_documents)
                }
                "行政许可" => vec![a.licensing.to_string()],
                "行政处罚" => vec![a.penalties.to_string()],
                "行政强制" => vec![a.enforcement.to_string()],
                "行政事业性收费" => vec![a.fees.normalize().to_string()],
                other => {
                    panic!("{file}: unknown row {other} of table 二 in the manifest")
                }
            };
            let want: Vec<String> = figures
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect();
            assert_eq!(got, want, "{file}: table 二 / {label}");
        }
        // Section 三.
        let rows = application_rows(r);
        for (key, name) in [
            (
                "table3_一_本年新收[自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计]",
                labels::RECEIVED_LABEL,
            ),
            ("table3_二_上年结转", labels::CARRIED_OVER_LABEL),
            ("table3_（七）总计", labels::TOTAL_ROW_LABEL),
            ("table3_四_结转下年度", labels::CARRIED_FORWARD_LABEL),
        ] {
            let (l, row) = row_named(&rows, name);
            assert_eq!(printed(i, l, row), numbers(&totals[key]), "{file}: {name}");
        }
        let listed = totals["table3_nonzero_or_blank_result_rows"]
            .as_object()
            .expect("result rows");
        for (name, figures) in listed {
            let (l, row) = row_named(&rows, name);
            assert_eq!(printed(i, l, row), numbers(figures), "{file}: {name}");
        }
        // Every other result row is all 0.
        for (l, row) in &rows {
            let last = l.last().unwrap();
            let is_listed = listed.keys().any(|k| k.rsplit(" / ").next() == Some(last));
            if l.first() == Some(&labels::RESULTS_LABEL)
                && !is_listed
                && *last != labels::TOTAL_ROW_LABEL
            {
                assert_eq!(
                    row.printed(),
                    [0; 7],
                    "{file}: {last} is not listed, so it is 0"
                );
            }
        }
        // Section 四.
        let t4 = totals
            .as_object()
            .unwrap()
            .iter()
            .find(|(k, _)| k.starts_with("table4_"))
            .expect("table 四")
            .1;
        let rl = &r.reviews_and_lawsuits;
        let got: Vec<Option<u64>> = [
            rl.review.printed(),
            rl.lawsuits_direct.printed(),
            rl.lawsuits_after_review.printed(),
        ]
        .concat()
        .into_iter()
        .map(Some)
        .collect();
        assert_eq!(got, numbers(t4), "{file}: table 四");
    }
}

/// The defects of one manifest entry as (rule, text the location or found value holds).
fn listed_defects(entry: &Value) -> Vec<(Rule, String)> {
    let mut out = Vec::new();
    for d in entry["defects_found"].as_array().into_iter().flatten() {
        let d = d.as_str().unwrap();
        if let Some(rest) = d.strip_prefix("row-sum: ") {
            let row = rest.split(" six=").next().unwrap();
            out.push((Rule::T3C, row.rsplit(" / ").next().unwrap().to_owned()));
        } else if d.starts_with("一+二 != 七+四 in col ") {
            let col = d.split(" in col ").nth(1).unwrap().split(':').next().unwrap();
            out.push((Rule::T3A, col.to_owned()));
        } else if d.starts_with("（七）总计 != sum of results in col ") {
            let col = d.split(" in col ").nth(1).unwrap().split(':').next().unwrap();
            out.push((Rule::T3B, col.to_owned()));
        } else if let Some(rest) = d.strip_prefix("blank/non-numeric cell in row ") {
            let (row, cells) = rest.split_once(": ").unwrap();
            let index = cells
                .trim_matches(['[', ']'])
                .split(", ")
                .position(|c| c == "None")
                .unwrap();
            out.push((
                Rule::Cells,
                format!(
                    "{row} / {}",
                    labels::applicant_column_path(index).last().unwrap()
                ),
            ));
        } else {
            panic!("a defect this test cannot read: {d}");
        }
    }
    for issue in entry["label_or_structure_issues"].as_array().into_iter().flatten() {
        let issue = issue.as_str().unwrap();
        let quoted =
            issue.split('“').nth(1).and_then(|q| q.split('”').next()).unwrap_or("");
        if issue.contains("行标签为") {
            out.push((Rule::Format2019, quoted.to_owned()));
        } else if issue.contains("缺少") {
            out.push((Rule::Cells, quoted.to_owned()));
        } else if issue.contains("标题为") {
            out.push((Rule::Label, quoted.to_owned()));
        } else if issue.contains("标题中") && issue.contains("空格") {
            out.push((Rule::LabelVariant, "标题".to_owned()));
        } else {
            panic!("an issue this test cannot read: {issue}");
        }
    }
    out
}

fn reports(problem: &Located, rule: Rule, text: &str) -> bool {
    let location = problem.location.to_string();
    problem.rule == rule
        && (text.split(" / ").all(|part| location.contains(part))
            || problem.found.as_deref() == Some(text)
            || problem.location.to_string().ends_with(&format!("/ {text}")))
}

#[test]
fn every_listed_defect_is_reported_with_its_rule_and_placed_in_the_page() {
    for entry in manifest() {
        let file = entry["file"].as_str().unwrap();
        defects_reported(file, &imported(file).audit(None), &entry);
    }
}

/// Every defect a manifest entry lists is in `audit` (of `file`), with its rule, a
/// cell's placed at its table, row and column.
fn defects_reported(file: &str, audit: &[Located], entry: &Value) {
    {
        for (rule, text) in listed_defects(entry) {
            let found = audit.iter().find(|p| reports(p, rule, &text));
            let found = found.unwrap_or_else(|| {
                panic!("{file}: {rule} at {text} not reported: {audit:#?}")
            });
            // A cell's problem names its table, row and column in the page.
            if matches!(rule, Rule::T3C | Rule::Cells) && text != "规章" {
                let place = found.place.as_ref().expect("placed");
                assert!(
                    place.table.is_some()
                        && place.row.is_some()
                        && place.column.is_some(),
                    "{found}"
                );
            }
        }
    }
}

#[test]
fn a_clean_page_reports_nothing_the_manifest_does_not_list() {
    let mut clean = 0;
    for entry in manifest() {
        let file = entry["file"].as_str().unwrap();
        let listed = listed_defects(&entry);
        let audit = imported(file).audit(None);
        if listed.is_empty() {
            clean += 1;
            assert!(audit.is_empty(), "{file}: {audit:#?}");
        } else {
            no_unlisted_arithmetic_error(file, &audit, &entry);
        }
    }
    assert_eq!(clean, 3, "three pages of the manifest are clean");
}

/// Every arithmetic error of `audit` is one the manifest entry lists.
fn no_unlisted_arithmetic_error(file: &str, audit: &[Located], entry: &Value) {
    let listed = listed_defects(entry);
    for p in audit.iter().filter(|p| {
        matches!(
            p.rule,
            Rule::T3A | Rule::T3B | Rule::T3C | Rule::T4A | Rule::T4B | Rule::T4C
        )
    }) {
        assert!(
            listed.iter().any(|(rule, text)| reports(p, *rule, text)),
            "{file}: not listed: {p}"
        );
    }
}

/// The rules that compare a report with last year's.
fn continuity(problems: &[Located]) -> Vec<&Located> {
    problems
        .iter()
        .filter(|p| {
            matches!(
                p.rule,
                Rule::YearContinuity | Rule::StockContinuity | Rule::PreviousReport
            )
        })
        .collect()
}

#[test]
fn consecutive_years_chain() {
    // Three pairs of consecutive years: the continuity rules run, and these pages'
    // stocks and carried applications chain (jjp: 现行有效 6 + 制发 1 − 废止 0 = 7, as
    // 2022 says): none of Y-CONT, S-CONT or PREV.
    for (last, this) in [
        ("zrz_2023.html", "zrz_2024.html"),
        ("jjp_2021.html", "jjp_2022.html"),
        ("jtj_2024.html", "jtj_2025.html"),
    ] {
        let previous = imported(last).report;
        let audit = imported(this).audit(Some(&previous));
        let found = continuity(&audit);
        assert!(found.is_empty(), "{this} against {last}: {found:?}");
    }
}

#[test]
fn a_doctored_last_year_breaks_the_chain_at_its_cell() {
    let previous = import(report_tests::doctored_zrz_2023().as_bytes())
        .expect("the doctored page")
        .report;
    assert_eq!(previous.active_disclosure.normative_documents.in_force, 40);
    let audit = imported("zrz_2024.html").audit(Some(&previous));
    let found = continuity(&audit);
    assert_eq!(found.len(), 1, "{found:?}");
    let p = found[0];
    assert_eq!(p.rule, Rule::StockContinuity, "{p}");
    let place = p.location.to_string();
    assert!(
        place.contains("行政规范性文件") && place.contains("现行有效件数"),
        "{place}"
    );
    assert!(p.to_string().contains("40"), "last year's 40 is named: {p}");
}

fn reencoded_gbk(text: &str) -> Vec<u8> {
    let declared = text.replacen("charset=\"UTF-8\"", "charset=\"gb2312\"", 1);
    assert_ne!(declared, text, "the fixture declares its charset");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&declared);
    assert!(!unmappable, "every character of the page is in GBK");
    bytes.into_owned()
}

#[test]
fn a_gbk_page_reads_as_its_utf8_original() {
    for file in ["zrz_2023.html", "jjp_2022.html"] {
        let text = page(file);
        let gbk = reencoded_gbk(&text);
        assert!(std::str::from_utf8(&gbk).is_err(), "really GBK bytes");
        let from_gbk = import(&gbk).expect("the GBK page");
        let from_utf8 = imported(file);
        assert_eq!(from_gbk.encoding, "GBK");
        assert_eq!(from_gbk.report, from_utf8.report, "{file}");
        assert_eq!(from_gbk.problems, from_utf8.problems, "{file}");
    }
}

/// The page with each `<table>…</table>` (outermost) replaced by `replacement`.
fn replace_tables(text: &str, replacement: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<table") {
        out.push_str(&rest[..start]);
        // The matching close, counting nested tables.
        let mut depth = 0;
        let mut at = start;
        loop {
            let open = rest[at + 1..].find("<table").map(|i| i + at + 1);
            let close =
                rest[at..].find("</table>").map(|i| i + at).expect("a closed table");
            match open {
                Some(o) if o < close => {
                    depth += 1;
                    at = o;
                }
                _ if depth > 0 => {
                    depth -= 1;
                    at = close + 1;
                }
                _ => {
                    at = close + "</table>".len();
                    break;
                }
            }
        }
        out.push_str(replacement);
        rest = &rest[at..];
    }
    out.push_str(rest);
    out
}

#[test]
fn tables_published_as_images_are_said_so_and_the_prose_is_kept() {
    let file = "zrz_2024.html";
    let original = imported(file);
    let text = replace_tables(&page(file), r#"<p><img src="table.png" alt="表格"></p>"#);
    assert!(!text.contains("<table"));
    let i = import(text.as_bytes()).expect("a page with images");
    assert!(!i.tables_read);
    for table in TableId::ALL {
        let key = labels::table_key(table);
        assert!(
            i.problems.iter().any(|p| p.rule == Rule::Cells
                && p.location == key
                && p.message.contains("image")),
            "{key}: {:#?}",
            i.problems
        );
    }
    let (a, b) = (&i.report, &original.report);
    assert_eq!((&a.agency, a.year, a.date), (&b.agency, b.year, b.date));
    assert_eq!(a.preamble, b.preamble);
    assert_eq!(a.overview, b.overview);
    assert_eq!(a.problems, b.problems);
    assert_eq!(a.other_matters, b.other_matters);
    // Every cell is unknown, not 0, in the data file.
    assert!(i.doubts.iter().filter(|d| d.unknown).count() > 50);
}

/// Splits the page's table holding `row_text` into two `<table>` elements just before
/// the row whose text holds it.
fn split_before(text: &str, row_text: &str) -> String {
    let at = text.find(row_text).expect("the row");
    let tr = text[..at].rfind("<tr").expect("its row");
    let table_start = text[..tr].rfind("<table").expect("its table");
    let open_tag_end = text[table_start..].find('>').unwrap() + table_start + 1;
    let open_tag = &text[table_start..open_tag_end];
    format!(
        "{}</tbody></table>\n<p>（续表）</p>\n{open_tag}<tbody>{}",
        &text[..tr],
        &text[tr..]
    )
}

#[test]
fn a_table_split_across_two_table_elements_reads_as_one() {
    let file = "zrz_2023.html";
    let original = imported(file);
    // Section 三 split in the middle of its body (the page says “（续表）” between),
    // and section 四's header apart from its numbers.
    let text = split_before(&page(file), "1.本机关不掌握相关政府信息");
    // And its header apart from its body.
    let text = split_before(&text, "一、本年新收政府信息公开申请数量");
    let i = import(text.as_bytes()).expect("the split page");
    assert_eq!(i.report.applications, original.report.applications);
    assert_eq!(i.report.active_disclosure, original.report.active_disclosure);
    assert_eq!(i.report.reviews_and_lawsuits, original.report.reviews_and_lawsuits);
    let arithmetic = |p: &&Located| p.rule != Rule::Data;
    let a: Vec<String> = i
        .audit(None)
        .iter()
        .filter(arithmetic)
        .map(|p| p.diagnostic.to_string())
        .collect();
    let b: Vec<String> = original
        .audit(None)
        .iter()
        .filter(arithmetic)
        .map(|p| p.diagnostic.to_string())
        .collect();
    assert_eq!(a, b);
    // The text between the two parts is reported, not dropped.
    assert!(
        i.problems
            .iter()
            .any(|p| p.rule == Rule::Data && p.found.as_deref() == Some("（续表）"))
    );
}

/// A problem by its rule and message, wherever it is placed.
fn kinds(problems: &[Located]) -> Vec<(Rule, String)> {
    let mut out: Vec<(Rule, String)> = problems
        .iter()
        .map(|p| (p.rule, p.text.as_ref().map_or(String::new(), |t| t.id.to_owned())))
        .collect();
    out.sort();
    out
}

#[test]
fn each_word_file_and_pdf_reports_what_its_page_reports_and_the_web_pages_footer_once() {
    let pages: std::collections::HashMap<String, Vec<(Rule, String)>> = manifest()
        .iter()
        .map(|e| {
            let file = e["file"].as_str().unwrap().to_owned();
            let audit = imported(&file).audit(None);
            (file, kinds(&audit))
        })
        .collect();
    for (entry, file, i) in converted() {
        let mut found = kinds(&i.audit(None));
        // Made from the web page, the document carries the site's footer: said once.
        let footer = (Rule::Empty, "import-furniture-after-date".to_owned());
        let at = found.iter().position(|k| *k == footer);
        assert!(at.is_some(), "{file}: the footer is said: {found:?}");
        found.remove(at.unwrap());
        let page = &pages[entry["file"].as_str().unwrap()];
        assert_eq!(&found, page, "{file}: the same problems as its page");
    }
}
