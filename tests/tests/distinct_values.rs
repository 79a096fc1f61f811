//! Every value cell of the three statutory tables holds a number of its own, and each is
//! found where the official format puts it, in the PDF, the web page and the Word
//! document alike. The expected rows are written out here from the format (docs/format.md
//! and `tests/fixtures/official-grid.json`: row labels and column order), and every 总计 is
//! summed here, not by the library: a swapped pair of cells, a column out of order or a
//! total computed wrongly shows in all three.

use std::sync::LazyLock;

use report_core::docx::DocxOptions;
use report_core::html::HtmlOptions;
use report_core::{ApplicantCounts, Decimal, Outcomes, Report};
use report_tests::{compact, docx_part, extract_text};
use scraper::{Html, Selector};

/// Section 三's rows with values, top to bottom, by the label printed at their left. The
/// 24 rows set in the report are all but （七）总计, which is the sum of the 22 rows of
/// 三、本年度办理结果.
const ROWS_3: [&str; 24] = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "四、结转下年度继续办理",
];

/// The six applicant columns' numbers of row `r` of section 三, in the format's column
/// order: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他.
fn row3(r: usize) -> [u64; 6] {
    std::array::from_fn(|c| 100 + 10 * r as u64 + c as u64)
}

/// Section 二: 规章 and 行政规范性文件 (本年制发, 本年废止, 现行有效), 行政许可, 行政处罚,
/// 行政强制, and the fee with four decimals.
const RULES: [u64; 3] = [1001, 1002, 1003];
const NORMATIVE: [u64; 3] = [1011, 1012, 1013];
const LICENSING: u64 = 1021;
const PENALTIES: u64 = 1031;
const ENFORCEMENT: u64 = 1032;
const FEE: &str = "12.3456";

/// Section 四: 行政复议, 未经复议直接起诉, 复议后起诉, each 结果维持, 结果纠正, 其他结果,
/// 尚未审结.
const REVIEWS: [[u64; 4]; 3] =
    [[2001, 2002, 2003, 2004], [2011, 2012, 2013, 2014], [2021, 2022, 2023, 2024]];

fn counts(v: [u64; 6]) -> ApplicantCounts {
    ApplicantCounts {
        natural_persons: v[0],
        businesses: v[1],
        research_institutions: v[2],
        public_interest_organizations: v[3],
        legal_service_providers: v[4],
        others: v[5],
        stated_total: None,
    }
}

fn outcomes(v: [u64; 4]) -> Outcomes {
    Outcomes {
        upheld: v[0],
        corrected: v[1],
        other: v[2],
        pending: v[3],
        stated_total: None,
    }
}

/// The seed report with every value cell set to its own number.
static REPORT: LazyLock<Report> = LazyLock::new(|| {
    let mut report = report_examples::wendeng_2023();
    let t = &mut report.active_disclosure;
    (t.rules.issued, t.rules.repealed, t.rules.in_force) = (RULES[0], RULES[1], RULES[2]);
    let n = &mut t.normative_documents;
    (n.issued, n.repealed, n.in_force) = (NORMATIVE[0], NORMATIVE[1], NORMATIVE[2]);
    (t.licensing, t.penalties, t.enforcement) = (LICENSING, PENALTIES, ENFORCEMENT);
    t.fees = FEE.parse::<Decimal>().expect("a decimal");
    let a = &mut report.applications;
    let r = &mut a.results;
    let (w, u, p, o) = (
        &mut r.withheld,
        &mut r.unavailable,
        &mut r.not_processed,
        &mut r.other_handling,
    );
    let rows: [&mut ApplicantCounts; 24] = [
        &mut a.received,
        &mut a.carried_over,
        &mut r.disclosed,
        &mut r.partially_disclosed,
        &mut w.state_secrets,
        &mut w.prohibited_by_law,
        &mut w.security_and_stability,
        &mut w.third_party_rights,
        &mut w.internal_affairs,
        &mut w.process_information,
        &mut w.enforcement_files,
        &mut w.inquiry_matters,
        &mut u.not_held,
        &mut u.requires_creation,
        &mut u.still_unclear,
        &mut p.petitions_and_complaints,
        &mut p.repeated,
        &mut p.publications,
        &mut p.excessive,
        &mut p.confirmation,
        &mut o.no_correction,
        &mut o.fee_unpaid,
        &mut o.other,
        &mut a.carried_forward,
    ];
    for (i, row) in rows.into_iter().enumerate() {
        *row = counts(row3(i));
    }
    let v = &mut report.reviews_and_lawsuits;
    v.review = outcomes(REVIEWS[0]);
    v.lawsuits_direct = outcomes(REVIEWS[1]);
    v.lawsuits_after_review = outcomes(REVIEWS[2]);
    report
});

/// Every row with values, as printed: the label at its left (none for section 四's one
/// row) and its values left to right, totals summed here.
fn expected_rows() -> Vec<(Option<&'static str>, Vec<String>)> {
    let s = |v: &[u64]| v.iter().map(u64::to_string).collect::<Vec<_>>();
    let mut rows = vec![
        (Some("规章"), s(&RULES)),
        (Some("行政规范性文件"), s(&NORMATIVE)),
        (Some("行政许可"), s(&[LICENSING])),
        (Some("行政处罚"), s(&[PENALTIES])),
        (Some("行政强制"), s(&[ENFORCEMENT])),
        (Some("行政事业性收费"), vec![FEE.to_owned()]),
    ];
    let with_total = |v: [u64; 6]| {
        let mut out = v.to_vec();
        out.push(v.iter().sum());
        s(&out)
    };
    for (r, label) in ROWS_3.iter().enumerate() {
        if *label == "四、结转下年度继续办理" {
            // （七）总计 first: the 22 rows of 三、本年度办理结果 (rows 2 to 23) added up.
            let total: [u64; 6] =
                std::array::from_fn(|c| (2..ROWS_3.len() - 1).map(|r| row3(r)[c]).sum());
            rows.push((Some("（七）总计"), with_total(total)));
        }
        rows.push((Some(label), with_total(row3(r))));
    }
    let mut four = Vec::new();
    for v in REVIEWS {
        four.extend(v);
        four.push(v.iter().sum());
    }
    rows.push((None, s(&four)));
    rows
}

/// Whether a cell's text is a value: a number, as the tables print them.
fn is_value(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Checks table rows read back from an output against [`expected_rows`]: each expected
/// row is there with exactly its values, and no other row has values.
fn assert_rows(what: &str, rows: &[(Option<String>, Vec<String>)]) {
    let with_values: Vec<&(Option<String>, Vec<String>)> =
        rows.iter().filter(|(_, v)| !v.is_empty()).collect();
    let expected = expected_rows();
    for (label, values) in &expected {
        let found = with_values.iter().find(|(l, _)| l.as_deref() == *label);
        let Some((_, got)) = found else {
            panic!("{what}: no row {label:?} with values; rows: {with_values:#?}")
        };
        assert_eq!(got, values, "{what}: row {label:?}");
    }
    assert_eq!(
        with_values.len(),
        expected.len(),
        "{what}: rows with values: {with_values:#?}"
    );
}

#[test]
fn the_web_page_has_every_number_in_its_place() {
    let page = report_core::html::page(&REPORT, &HtmlOptions::default());
    let doc = Html::parse_document(&page);
    let tr = Selector::parse("table tr").expect("a selector");
    let th = Selector::parse("th").expect("a selector");
    let td = Selector::parse("td").expect("a selector");
    let text =
        |e: scraper::ElementRef<'_>| e.text().collect::<String>().trim().to_owned();
    let rows: Vec<(Option<String>, Vec<String>)> = doc
        .select(&tr)
        .map(|row| {
            let label = row.select(&th).last().map(text);
            (label, row.select(&td).map(text).collect())
        })
        .collect();
    assert_rows("web page", &rows);
}

#[test]
fn the_word_document_has_every_number_in_its_place() {
    let docx = report_core::docx::render(
        &REPORT,
        &DocxOptions { force: true, ..Default::default() },
    )
    .expect("a Word document")
    .docx;
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("XML");
    use report_tests::word::is;
    let mut rows = Vec::new();
    for row in doc.descendants().filter(|n| is(n, "tr")) {
        let cells: Vec<String> = row
            .children()
            .filter(|c| is(c, "tc"))
            .map(|c| {
                c.descendants().filter(|t| is(t, "t")).filter_map(|t| t.text()).collect()
            })
            .collect();
        let label = cells.iter().rev().find(|c| !c.is_empty() && !is_value(c)).cloned();
        let values: Vec<String> = cells.into_iter().filter(|c| is_value(c)).collect();
        // A header row's only "values" would be none; a label-only row has none either.
        rows.push((label, values));
    }
    // 四's one row has no label of its own: its cells are all values.
    for row in &mut rows {
        if row.1.len() == 15 {
            row.0 = None;
        }
    }
    assert_rows("Word document", &rows);
}

#[test]
fn the_pdf_has_every_number_after_its_label_in_reading_order() {
    let options = report_typst::RenderOptions { force: true, ..Default::default() };
    let pdf = report_typst::render(&REPORT, &options).expect("a PDF").pdf;
    let text = compact(&extract_text(&pdf));
    // Each row's label, then its values, one after the other in the text.
    let mut from = 0;
    for (label, values) in expected_rows() {
        let row = format!("{}{}", label.unwrap_or(""), values.concat());
        let at = text[from..].find(&row).unwrap_or_else(|| {
            panic!(
                "the PDF lacks {row:?} after byte {from} (anywhere: {}):\n{text}",
                text.contains(&row)
            )
        });
        from += at + row.len();
    }
}
