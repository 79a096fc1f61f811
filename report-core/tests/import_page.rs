//! `report_core::import` on pages written by `report_core::html`: the round trip gives
//! back the same report (also for random tables), and bad input (not HTML, no report,
//! a truncated table, a 50 MB page, hostile text) gets a clear answer, never a panic.

use proptest::prelude::*;
use report_core::chrono::NaiveDate;
use report_core::html::{HtmlOptions, page};
use report_core::import::{ImportError, import};
use report_core::{
    AdminLevel, Agency, AgencyKind, ApplicantCounts, Decimal, DocumentCounts, Item,
    Outcomes, Prose, Report, Rule, paragraphs,
};

fn report() -> Report {
    let agency = Agency::new("某县教育局", AgencyKind::Department, AdminLevel::County);
    let date = NaiveDate::from_ymd_opt(2026, 1, 20).unwrap();
    let mut r = Report::new(agency, 2025, date);
    r.preamble = paragraphs([
        "根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，编制本报告。",
        "本报告电子版可在某县人民政府门户网站查阅。",
    ]);
    r.overview.intro = paragraphs(["2025年，我局认真贯彻落实《条例》。"]);
    r.overview.active_disclosure.paragraphs =
        paragraphs(["全年主动公开政府信息120条。", "其中政策文件12条。"]);
    r.overview.disclosure_on_request.paragraphs =
        paragraphs(["本年度收到政府信息公开申请12件，均予以公开。"]);
    r.overview.platforms.paragraphs = paragraphs(["门户网站运行平稳。"]);
    r.active_disclosure.normative_documents =
        DocumentCounts { issued: 3, repealed: 1, in_force: 14 };
    r.active_disclosure.licensing = 315;
    r.active_disclosure.fees = Decimal::new(125, 2);
    let twelve =
        ApplicantCounts { natural_persons: 10, businesses: 2, ..Default::default() };
    r.applications.received = twelve;
    r.applications.results.disclosed = twelve;
    r.reviews_and_lawsuits.review =
        Outcomes { upheld: 1, pending: 1, ..Default::default() };
    r.problems = Prose {
        paragraphs: paragraphs(["政策解读形式较为单一。"]),
        items: vec![Item::new("下一步措施", ["丰富解读形式。"])],
    };
    r.other_matters.fees.paragraphs = paragraphs(["本年度未收取信息处理费。"]);
    r.other_matters.items =
        vec![Item::new("人大代表建议和政协提案办理情况", ["办理建议3件。"])];
    r
}

fn round_trip(r: &Report) -> report_core::import::Imported {
    let html = page(r, &HtmlOptions::default());
    import(html.as_bytes()).expect("a page govreport wrote")
}

#[test]
fn the_page_rendered_from_a_report_imports_as_that_report() {
    let r = report();
    let i = round_trip(&r);
    assert_eq!(i.report, r);
    assert!(i.problems.is_empty(), "{:#?}", i.problems);
    assert!(i.tables_read);
    assert!(i.doubts.is_empty());
    // The fragment (the article alone, for a site's editor) too.
    let fragment = page(&r, &HtmlOptions { fragment: true });
    assert_eq!(import(fragment.as_bytes()).expect("the fragment").report, r);
}

#[test]
fn a_stated_total_that_is_wrong_survives_the_round_trip() {
    let mut r = report();
    r.applications.received.stated_total = Some(10);
    r.reviews_and_lawsuits.review.stated_total = Some(7);
    let i = round_trip(&r);
    assert_eq!(i.report, r);
    let audit = i.audit(None);
    let t3c = audit.iter().find(|p| p.rule == Rule::T3C).expect("T3-C");
    let place = t3c.place.as_ref().expect("placed in the page");
    assert_eq!(
        (place.table, place.column),
        (Some(2), Some(10)),
        "{t3c}: 总计 is the tenth column"
    );
    assert!(audit.iter().any(|p| p.rule == Rule::T4A));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_tables_round_trip(
        parts in proptest::collection::vec(0u64..100_000, 6),
        carried in proptest::collection::vec(0u64..1000, 6),
        docs in (0u64..50, 0u64..50, 0u64..500),
        decisions in (0u64..100_000, 0u64..100_000, 0u64..100),
        fee_cents in 0i64..10_000_000,
        outcomes in proptest::collection::vec(0u64..20, 4),
        wrong_total in proptest::option::of(1u64..1000),
    ) {
        let mut r = report();
        let row = ApplicantCounts::from_parts(parts.clone().try_into().unwrap());
        let carried = ApplicantCounts::from_parts(carried.clone().try_into().unwrap());
        r.applications.received = row;
        r.applications.carried_over = carried;
        r.applications.results.disclosed = row;
        r.applications.carried_forward = carried;
        r.active_disclosure.rules = DocumentCounts { issued: docs.0, repealed: docs.1, in_force: docs.2 };
        r.active_disclosure.licensing = decisions.0;
        r.active_disclosure.penalties = decisions.1;
        r.active_disclosure.enforcement = decisions.2;
        r.active_disclosure.fees = Decimal::new(fee_cents, 2);
        r.reviews_and_lawsuits.lawsuits_direct = Outcomes {
            upheld: outcomes[0], corrected: outcomes[1], other: outcomes[2], pending: outcomes[3],
            stated_total: None,
        };
        if let Some(delta) = wrong_total {
            r.applications.carried_over.stated_total = Some(carried.computed_total() + delta);
        }
        let i = round_trip(&r);
        prop_assert_eq!(&i.report.applications, &r.applications);
        prop_assert_eq!(&i.report.reviews_and_lawsuits, &r.reviews_and_lawsuits);
        prop_assert_eq!(i.report.active_disclosure.fees.normalize(), r.active_disclosure.fees.normalize());
        prop_assert_eq!(i.report.active_disclosure.rules, r.active_disclosure.rules);
        prop_assert_eq!(i.report.active_disclosure.licensing, r.active_disclosure.licensing);
        prop_assert!(i.problems.is_empty());
    }
}

#[test]
fn hostile_text_stays_data() {
    let mut r = report();
    let hostile = [
        "<script>alert(1)</script>",
        // Braces written as the prose's templates write them (doubled): the page prints
        // them single, and the importer doubles them again (a page's text is literal).
        "{{ 7*7 }} #set page(width: 1pt) $x$ \\u{{0}} &amp; &lt;b&gt;",
        "\"引号\" '单引号' `反引号` </p></section><table><tr><td>1</td></tr></table>",
    ];
    r.overview.oversight.paragraphs = paragraphs(hostile);
    r.agency.name = "某县<b>教育</b>局".into();
    let i = round_trip(&r);
    assert_eq!(i.report.overview.oversight.paragraphs, hostile);
    assert_eq!(i.report.agency.name, r.agency.name);
    assert_eq!(i.report.applications, r.applications);
}

#[test]
fn not_html_and_no_report_are_clear_errors() {
    assert_eq!(import(b"\x00\x01\x02binary").err(), Some(ImportError::NotHtml));
    assert_eq!(
        import("只是一段文字，没有标记。".as_bytes()).err(),
        Some(ImportError::NotHtml)
    );
    assert_eq!(import(b"").err(), Some(ImportError::NotHtml));
    let other =
        "<!DOCTYPE html><html><body><h1>通知公告</h1><p>今天天气很好。</p></body></html>";
    assert_eq!(import(other.as_bytes()).err(), Some(ImportError::NoReport));
    assert!(ImportError::NoReport.to_string().contains("no annual report"));
}

#[test]
fn a_truncated_table_is_reported_cell_by_cell() {
    let html = page(&report(), &HtmlOptions::default());
    // Cut in the middle of section 三's table: the rest of the page is lost.
    let cut = html.find("1.本机关不掌握相关政府信息").expect("a row of section 三");
    let i = import(&html.as_bytes()[..cut]).expect("a truncated page still imports");
    assert!(!i.tables_read, "section 四's table is cut off");
    let missing: Vec<_> = i.problems.iter().filter(|p| p.rule == Rule::Cells).collect();
    assert!(
        missing
            .iter()
            .any(|p| p.location.to_string().contains("1.本机关不掌握相关政府信息")),
        "{missing:#?}"
    );
    assert!(
        missing.iter().any(|p| p.message.contains("not found")),
        "section 四 is gone"
    );
    // What was read is kept; the lost cells are unknown, not 0.
    assert_eq!(i.report.applications.received, report().applications.received);
    assert!(
        i.doubts
            .iter()
            .any(|d| d.unknown && d.labels.contains(&"1.本机关不掌握相关政府信息"))
    );
    assert!(
        i.problems.iter().any(|p| p.rule == Rule::PublicationDate),
        "no date at the end"
    );
}

#[test]
fn a_fifty_megabyte_page_is_read_in_one_pass() {
    // 50 MB of paragraphs in section 六, a 1 MB table cell and a table of 100 000 rows:
    // the importer is linear in the page (no edit distance on long labels, spans and
    // rows bounded), so this takes seconds, not hours.
    let r = report();
    let html = page(&r, &HtmlOptions::default());
    let at =
        html.find("<p class=\"signature\">").expect("the signature after section 六");
    let mut big = String::with_capacity(52 << 20);
    big.push_str(&html[..at]);
    let paragraph = "<p>某某工作稳步推进，各项制度不断完善，信息公开质量持续提升。</p>\n";
    while big.len() < 48 << 20 {
        big.push_str(paragraph);
    }
    big.push_str("<table><tr><td>");
    big.push_str(&"很长的标签".repeat(70_000));
    big.push_str("</td><td>1</td></tr>");
    for _ in 0..100_000 {
        big.push_str("<tr><td colspan=\"100000\">x</td><td>1</td></tr>");
    }
    big.push_str("</table>");
    big.push_str(&html[at..]);
    assert!(big.len() > 50 << 20);
    let i = import(big.as_bytes()).expect("a big page imports");
    assert_eq!(i.report.applications, r.applications);
    assert!(
        i.report.other_matters.items.iter().map(|it| it.paragraphs.len()).sum::<usize>()
            > 400_000
    );
    // Above the limit: refused before parsing.
    let too_big = vec![b' '; report_core::import::MAX_PAGE_SIZE + 1];
    assert!(matches!(import(&too_big), Err(ImportError::TooLarge { .. })));
}

#[test]
fn a_table_that_is_no_table_of_the_format_is_reported_in_its_section_and_kept_in_six() {
    let html = page(&report(), &HtmlOptions::default());
    let extra = "<table><tr><td>收费项目</td><td>金额</td></tr><tr><td>复印费</td><td>12</td></tr></table>";
    // One in section 三 (reported, not kept), one in section 六 (kept as an item).
    let in_three = html.find("<table").expect("table 二");
    let second =
        html[in_three + 1..].find("<table").map(|i| i + in_three + 1).expect("table 三");
    let signature = html.find("<p class=\"signature\">").expect("the signature");
    let page_text = format!(
        "{}{extra}{}{extra}{}",
        &html[..second],
        &html[second..signature],
        &html[signature..]
    );
    let i = import(page_text.as_bytes()).expect("the page");
    assert_eq!(i.report.applications, report().applications);
    assert!(
        i.problems
            .iter()
            .any(|p| p.rule == Rule::Data && p.location.to_string().starts_with("三、")),
        "{:#?}",
        i.problems
    );
    let kept = i.report.other_matters.items.last().expect("an item of 六");
    assert_eq!(kept.paragraphs, ["收费项目 | 金额", "复印费 | 12"]);
}

/// Issue 12's rule on a page: a blank cell is unknown, never 0, so the total of its row is
/// not checked against a sum that takes it for 0 (no T3-C), while the blank is reported
/// (ALL) and the other rows are still checked.
#[test]
fn a_blank_cell_is_unknown_in_the_audit_not_zero() {
    let mut r = report();
    r.applications.received.stated_total = Some(12);
    r.applications.results.disclosed.stated_total = Some(99);
    let html = page(&r, &HtmlOptions::default());
    let cell = "<td headers=\"t2-r0c3 t2-r1c3 t2-r3c0\" class=\"num\">10</td>";
    assert!(html.contains(cell), "the page has 一、本年新收 / 自然人");
    let blank = html.replacen(
        cell,
        "<td headers=\"t2-r0c3 t2-r1c3 t2-r3c0\" class=\"num\"></td>",
        1,
    );
    let i = import(blank.as_bytes()).expect("a page");
    assert_eq!(i.report.applications.received.natural_persons, 0, "unknown, held as 0");
    // Taken for 0, the row's 总计 (12) would not be the sum of its parts (2) …
    let as_zero = report_core::validate(&i.report, None);
    let received = |d: &report_core::Diagnostic| {
        d.rule == Rule::T3C && d.location.to_string().starts_with("一、")
    };
    assert!(as_zero.iter().any(received), "{as_zero:#?}");
    // … but the audit knows the cell is unknown: the blank is reported, not the sum.
    let audit = i.audit(None);
    assert!(!audit.iter().any(|p| received(p)), "{audit:#?}");
    assert!(audit.iter().any(|p| p.rule == Rule::Cells));
    // The other rows are still checked: the wrong total of （一）予以公开 is.
    assert!(
        audit
            .iter()
            .any(|p| p.rule == Rule::T3C && p.location.to_string().contains("予以公开")),
        "{audit:#?}"
    );
}

/// The page with the 自然人 cell of （六）其他处理 1. merged (`rowspan="3"`) over the rows
/// 2. and 3., holding `value`: the way a real page printed its seven number cells.
fn merged_over_other_handling(r: &Report, value: &str) -> String {
    let html = page(r, &HtmlOptions::default());
    let cell = |row: &str, v: &str| {
        format!(
            "<td headers=\"t2-r0c3 t2-r1c3 t2-r5c0 t2-r23c1 {row}\" class=\"num\">{v}</td>"
        )
    };
    let first = cell("t2-r23c2", "0");
    assert!(html.contains(&first), "the page has （六）1. / 自然人");
    let merged =
        first.replace("<td ", "<td rowspan=\"3\" ").replace(">0<", &format!(">{value}<"));
    let mut out = html.replacen(&first, &merged, 1);
    for row in ["t2-r24c2", "t2-r25c2"] {
        assert!(out.contains(&cell(row, "0")), "the page has the row {row}");
        out = out.replacen(&cell(row, "0"), "", 1);
    }
    out
}

#[test]
fn a_number_merged_over_several_rows_is_reported_and_unknown_never_counted_in_each() {
    let r = report();
    let i = import(merged_over_other_handling(&r, "4").as_bytes()).expect("a page");
    let merged: Vec<_> = i
        .problems
        .iter()
        .filter(|p| p.text.as_ref().is_some_and(|t| t.id == "import-cell-spans-rows"))
        .collect();
    assert_eq!(merged.len(), 1, "one error for the one cell: {:#?}", i.problems);
    let d = merged[0];
    assert_eq!(d.rule, Rule::Cells);
    assert!(d.is_error());
    // The three rows it covers are named, and the page's cell is placed.
    for row in ["1.申请人无正当理由", "2.申请人逾期未按收费通知", "3.其他"]
    {
        assert!(d.message.contains(row), "{}", d.message);
    }
    assert_eq!(d.place.as_ref().and_then(|p| p.column), Some(4));
    // Not 4 in each row (12 in all): unknown in the three rows, and nothing else lost.
    let other = &i.report.applications.results.other_handling;
    assert_eq!(
        [
            other.no_correction.natural_persons,
            other.fee_unpaid.natural_persons,
            other.other.natural_persons
        ],
        [0, 0, 0]
    );
    let unknown = i.doubts.iter().filter(|d| d.unknown).count();
    assert_eq!(unknown, 3, "{:#?}", i.doubts);
    assert!(i.doubts.iter().all(|d| d.labels.contains(&"自然人")));
    assert!(
        !i.problems
            .iter()
            .any(|p| p.text.as_ref().is_some_and(|t| t.id == "import-cell-missing"))
    );
    // A merged 0 is 0 in every row it covers: read so, without a word.
    let zero = import(merged_over_other_handling(&r, "0").as_bytes()).expect("a page");
    assert_eq!(zero.report, r);
    assert!(zero.problems.is_empty(), "{:#?}", zero.problems);
}
