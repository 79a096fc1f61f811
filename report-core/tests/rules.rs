//! Each rule of [`report_core::validate`]: a report that breaks it, and one that passes it.

use crate::common;

use common::{built_report, built_tables, stated};
use report_core::chrono::NaiveDate;
use report_core::diagnostic::{Invalid, has_errors};
use report_core::validate::check_title_year;
use report_core::{
    AdminLevel, AgencyKind, ApplicantCounts, Decimal, Diagnostic, Outcomes, Report, Rule,
    Severity, check, validate,
};

/// The diagnostics of `rule` for `report`.
fn of(rule: Rule, report: &Report, previous: Option<&Report>) -> Vec<Diagnostic> {
    validate(report, previous).into_iter().filter(|d| d.rule == rule).collect()
}

/// The one diagnostic of `rule`, checked for its location, expected and found values.
fn one(
    rule: Rule,
    report: &Report,
    previous: Option<&Report>,
    location: &str,
    expected: &str,
    found: &str,
) -> Diagnostic {
    let all = of(rule, report, previous);
    assert_eq!(all.len(), 1, "{rule}: {all:#?}");
    first(rule, report, previous, location, expected, found)
}

/// The first diagnostic of `rule`, checked for its location, expected and found values.
fn first(
    rule: Rule,
    report: &Report,
    previous: Option<&Report>,
    location: &str,
    expected: &str,
    found: &str,
) -> Diagnostic {
    let d = of(rule, report, previous).into_iter().next().expect("a diagnostic");
    assert_eq!(d.location, location);
    assert_eq!(d.expected.as_deref(), Some(expected), "{d}");
    assert_eq!(d.found.as_deref(), Some(found), "{d}");
    assert_eq!(d.severity, rule.severity());
    d
}

fn stated_report() -> Report {
    let mut report = built_report();
    let t = stated(built_tables());
    report.applications = t.applications;
    report.reviews_and_lawsuits = t.reviews_and_lawsuits;
    report
}

#[test]
fn the_valid_reports_have_no_diagnostic() {
    assert_eq!(validate(&built_report(), None), vec![]);
    assert_eq!(validate(&stated_report(), None), vec![]);
    assert_eq!(check(&built_report(), None), Ok(vec![]));
}

#[test]
fn rule_ids_are_stable_and_round_trip() {
    let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(
        ids,
        [
            "T3-A",
            "T3-B",
            "T3-C",
            "T4-A",
            "T4-B",
            "T4-C",
            "ALL",
            "TEXT",
            "AGENCY",
            "F2019",
            "CITE",
            "NUMBERING",
            "ASSESS",
            "LABEL",
            "LABEL-VARIANT",
            "EMPTY",
            "PROSE",
            "Y-CONT",
            "S-CONT",
            "PREV",
            "ISSUER",
            "DATE",
            "TITLE-YEAR",
            "PLACEHOLDER"
        ]
    );
    for rule in Rule::ALL {
        assert_eq!(Rule::from_id(rule.id()), Some(rule));
        assert_eq!(serde_json::to_value(rule).unwrap(), rule.id());
    }
    assert_eq!(Rule::from_id("T9"), None);
}

// T3-A ---------------------------------------------------------------------------------

#[test]
fn t3a_breaks_when_received_plus_carried_over_differs_from_closed_plus_forward() {
    let mut report = built_report();
    report.applications.received.research_institutions += 2;
    let d = first(
        Rule::T3A,
        &report,
        None,
        "申请人情况 / 法人或其他组织 / 科研机构",
        "3",
        "1",
    );
    assert!(d.message.contains("本年新收 3 + 上年结转 0 = 3"), "{d}");
    // The 总计 column is off too, by the same 2: 一's 总计 is computed from its parts.
    let all = of(Rule::T3A, &report, None);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].location, "申请人情况 / 总计");
    assert_eq!(
        (all[1].expected.as_deref(), all[1].found.as_deref()),
        (Some("50"), Some("48"))
    );
    let mut stated_too = stated_report();
    stated_too.applications.carried_forward = ApplicantCounts {
        natural_persons: 4,
        businesses: 1,
        others: 1,
        ..Default::default()
    };
    let columns: Vec<String> = of(Rule::T3A, &stated_too, None)
        .into_iter()
        .map(|d| d.location.to_string())
        .collect();
    assert_eq!(columns, ["申请人情况 / 法人或其他组织 / 其他", "申请人情况 / 总计"]);
}

#[test]
fn t3a_passes_when_every_column_balances() {
    assert!(of(Rule::T3A, &built_report(), None).is_empty());
    assert!(of(Rule::T3A, &stated_report(), None).is_empty());
}

// T3-B ---------------------------------------------------------------------------------

#[test]
fn t3b_breaks_when_the_stated_total_row_is_not_the_sum_of_the_results() {
    let mut report = stated_report();
    let total = report.applications.results.stated_total.as_mut().unwrap();
    total.natural_persons -= 1;
    total.stated_total = Some(total.computed_total());
    let d = first(
        Rule::T3B,
        &report,
        None,
        "三、本年度办理结果 /（七）总计 / 自然人",
        "28",
        "27",
    );
    assert!(d.to_string().contains("expected 28, found 27"), "{d}");
    // The printed 总计 of （七） is now 42 where the rows' 总计 add up to 43.
    let all = of(Rule::T3B, &report, None);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].location, "三、本年度办理结果 /（七）总计 / 总计");
}

#[test]
fn t3b_breaks_in_the_total_column_when_a_row_total_is_wrong() {
    let mut report = built_report();
    report.applications.results.disclosed.stated_total = Some(100);
    let all = of(Rule::T3B, &report, None);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].location, "三、本年度办理结果 /（七）总计 / 总计");
}

#[test]
fn t3b_passes_when_stated_or_computed_totals_agree() {
    assert!(of(Rule::T3B, &built_report(), None).is_empty());
    assert!(of(Rule::T3B, &stated_report(), None).is_empty());
}

// T3-C ---------------------------------------------------------------------------------

#[test]
fn t3c_breaks_when_a_stated_row_total_is_not_the_sum_of_its_row() {
    let mut report = stated_report();
    report.applications.results.withheld.state_secrets.stated_total = Some(0);
    let d = one(
        Rule::T3C,
        &report,
        None,
        "三、本年度办理结果 /（三）不予公开 / 1.属于国家秘密 / 总计",
        "1",
        "0",
    );
    assert!(d.message.contains("自然人 1 + 商业企业 0"), "{d}");
}

#[test]
fn t3c_breaks_on_every_row_including_the_total_row() {
    let mut report = stated_report();
    for (_, row) in report_core::labels::application_rows_mut(&mut report.applications) {
        row.stated_total = Some(row.computed_total() + 1);
    }
    report.applications.results.stated_total.as_mut().unwrap().stated_total = Some(0);
    assert_eq!(of(Rule::T3C, &report, None).len(), 25);
}

#[test]
fn t3c_passes_when_the_row_totals_agree() {
    assert!(of(Rule::T3C, &stated_report(), None).is_empty());
}

// T4-A/B/C -----------------------------------------------------------------------------

#[test]
fn t4a_names_both_numbers_when_total_is_zero_and_upheld_is_ten() {
    let mut report = built_report();
    report.reviews_and_lawsuits.review = Outcomes {
        stated_total: Some(0),
        ..Outcomes { upheld: 10, ..Default::default() }
    };
    let d = one(Rule::T4A, &report, None, "行政复议 / 总计", "10", "0");
    let text = d.to_string();
    assert!(text.starts_with("error[T4-A] 行政复议 / 总计: "), "{text}");
    assert!(text.contains("结果维持 10"), "{text}");
    assert!(text.contains("总计 says 0"), "{text}");
    assert!(text.contains("(expected 10, found 0)"), "{text}");
}

#[test]
fn t4b_and_t4c_break_on_the_two_kinds_of_lawsuit() {
    let mut report = stated_report();
    report.reviews_and_lawsuits.lawsuits_direct.stated_total = Some(3);
    report.reviews_and_lawsuits.lawsuits_after_review.stated_total = Some(0);
    one(Rule::T4B, &report, None, "行政诉讼 / 未经复议直接起诉 / 总计", "2", "3");
    one(Rule::T4C, &report, None, "行政诉讼 / 复议后起诉 / 总计", "1", "0");
    assert!(of(Rule::T4A, &report, None).is_empty());
}

#[test]
fn t4_passes_when_totals_agree_or_are_computed() {
    for report in [built_report(), stated_report()] {
        for rule in [Rule::T4A, Rule::T4B, Rule::T4C] {
            assert!(of(rule, &report, None).is_empty());
        }
    }
}

// ALL ----------------------------------------------------------------------------------

#[test]
fn all_breaks_on_a_negative_fee() {
    let mut report = built_report();
    report.active_disclosure.fees = "-0.5".parse().unwrap();
    one(
        Rule::Cells,
        &report,
        None,
        "第二十条第（八）项 / 行政事业性收费 / 本年收费金额（单位：万元）",
        "a non-negative amount",
        "-0.5",
    );
}

#[test]
fn all_passes_on_a_zero_or_positive_fee() {
    let mut report = built_report();
    for fee in
        [Decimal::ZERO, Decimal::NEGATIVE_ONE * Decimal::ZERO, "0.10".parse().unwrap()]
    {
        report.active_disclosure.fees = fee;
        assert!(of(Rule::Cells, &report, None).is_empty(), "{fee}");
    }
}

/// A change that breaks a report.
type Breaks = Box<dyn Fn(&mut Report)>;

// TEXT ---------------------------------------------------------------------------------

#[test]
fn text_breaks_on_control_characters_in_any_text_field() {
    let cases: Vec<(Breaks, &str)> = vec![
        (Box::new(|r| r.preamble[0].push('\n')), "导语 / 第1段"),
        (Box::new(|r| r.overview.intro[0].insert(0, '\t')), "一、总体情况 / 第1段"),
        (
            Box::new(|r| r.overview.platforms.title.push('\r')),
            "一、总体情况 / （四）政府信息公开平台建设情况\r / 标题",
        ),
        (
            Box::new(|r| {
                r.overview.assessment.as_mut().unwrap().items[0].paragraphs[0]
                    .push('\u{7}')
            }),
            "一、总体情况 / （六）工作考核、社会评议和责任追究结果情况 / 1.考核 / 第1段",
        ),
        (
            Box::new(|r| r.problems.paragraphs[0].push('\u{200B}')),
            "五、存在的主要问题及改进情况 / 第1段",
        ),
        (
            Box::new(|r| r.other_matters.fees.paragraphs[0].push('\u{202E}')),
            "六、其他需要报告的事项 / （一）信息处理费 / 第1段",
        ),
        (Box::new(|r| r.agency.name.push('\n')), "发布机关 / 名称"),
        (Box::new(|r| r.agency.address.push('\u{0}')), "发布机关 / 地址"),
        (Box::new(|r| r.agency.telephone.push('\u{85}')), "发布机关 / 电话"),
        (Box::new(|r| r.agency.website.push('\u{2028}')), "发布机关 / 网址"),
        // A soft hyphen is invisible and makes Typst break lines there (found by the
        // property test of tests/tests/hardening_text.rs).
        (
            Box::new(|r| r.problems.paragraphs[0].push('\u{AD}')),
            "五、存在的主要问题及改进情况 / 第1段",
        ),
        (Box::new(|r| r.preamble[0].push('\u{E0041}')), "导语 / 第1段"),
    ];
    for (breaks, location) in cases {
        let mut report = built_report();
        breaks(&mut report);
        let found = of(Rule::Text, &report, None);
        assert_eq!(found.len(), 1, "{location}: {found:#?}");
        assert_eq!(found[0].location, location);
        assert!(found[0].is_error());
    }
}

#[test]
fn text_names_the_character_and_counts_the_rest() {
    let mut report = built_report();
    report.preamble[0] = "第一行\n第二行\n第三行".into();
    let d = &of(Rule::Text, &report, None)[0];
    assert_eq!(d.found.as_deref(), Some("a line break (U+000A)"));
    assert!(d.message.contains("at character 4 and 1 more"), "{d}");
}

#[test]
fn text_passes_on_ordinary_chinese_text_and_punctuation() {
    let mut report = built_report();
    report.preamble[0] =
        "“三安全一稳定”（国办公开办函〔2021〕30号）：1.A，B；C！ 空格 全角　空格".into();
    assert!(of(Rule::Text, &report, None).is_empty());
}

// AGENCY -------------------------------------------------------------------------------

#[test]
fn agency_breaks_on_an_empty_or_blank_name() {
    for name in ["", "  ", "\u{3000}"] {
        let mut report = built_report();
        report.agency.name = name.into();
        let found = of(Rule::AgencyName, &report, None);
        assert_eq!(found.len(), 1, "{name:?}");
        assert_eq!(found[0].location, "发布机关 / 名称");
    }
}

#[test]
fn agency_passes_on_a_name() {
    assert!(of(Rule::AgencyName, &built_report(), None).is_empty());
}

// F2019 --------------------------------------------------------------------------------

#[test]
fn f2019_breaks_on_a_year_before_2021() {
    let mut report = built_report();
    report.year = 2020;
    report.date = NaiveDate::from_ymd_opt(2021, 1, 20).unwrap();
    one(Rule::Format2019, &report, None, "统计年度", "2021 or later", "2020");
}

#[test]
fn f2019_breaks_on_citing_the_trial_format() {
    let mut report = built_report();
    report.preamble[0] =
        "根据《政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。"
            .into();
    let found = of(Rule::Format2019, &report, None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].location, "导语 / 第1段");
}

#[test]
fn f2019_passes_on_2021_and_later() {
    let mut report = built_report();
    report.year = 2021;
    report.date = NaiveDate::from_ymd_opt(2022, 1, 20).unwrap();
    assert!(of(Rule::Format2019, &report, None).is_empty());
}

// CITE ---------------------------------------------------------------------------------

#[test]
fn cite_breaks_on_a_wrong_form_of_the_formats_citation() {
    for (text, found) in [
        ("依据（国办政务公开办函〔2021〕30号）编制。", "国办政务公开办函〔2021〕30号"),
        ("依据《格式》（国办公开办函[2021]30号）编制。", "国办公开办函[2021]30号"),
        ("依据国办公开办函（2021）30号编制。", "国办公开办函（2021）30号"),
        ("依据国办公开办函〔2021〕 30号编制。", "国办公开办函〔2021〕 30号"),
    ] {
        let mut report = built_report();
        report.preamble[0] = text.into();
        one(
            Rule::Citation,
            &report,
            None,
            "导语 / 第1段",
            "国办公开办函〔2021〕30号",
            found,
        );
    }
}

#[test]
fn cite_passes_on_the_exact_citation_and_other_issuers_documents() {
    let mut report = built_report();
    report.preamble[0] =
        "根据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）\
        和《某省人民政府办公厅关于……的通知》（某政办发〔2021〕30号），编制本报告。"
            .into();
    assert!(of(Rule::Citation, &report, None).is_empty());
}

// NUMBERING ----------------------------------------------------------------------------

#[test]
fn numbering_breaks_on_a_title_numbered_by_hand() {
    for (title, number) in [
        ("（一）主动公开情况", "（一）"),
        ("(二)依申请公开", "(二)"),
        ("五、其他", "五、"),
        ("1.网站", "1."),
        ("1、网站", "1、"),
        ("１．网站", "１．"),
        ("（12）栏目", "（12）"),
    ] {
        let mut report = built_report();
        report.overview.assessment.as_mut().unwrap().items[0].title = title.into();
        let d = &of(Rule::Numbering, &report, None)[0];
        assert!(d.message.contains(&format!("`{number}`")), "{title}: {d}");
        assert!(d.location.to_string().ends_with(" / 标题"), "{}", d.location);
    }
    let mut report = built_report();
    report.other_matters.items[0].title = "二、其他事项".into();
    let found = of(Rule::Numbering, &report, None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].location, "六、其他需要报告的事项 / （二）二、其他事项 / 标题");
    assert_eq!(found[0].expected.as_deref(), Some("其他事项"));
}

#[test]
fn numbering_passes_on_titles_that_only_start_with_numerals() {
    for title in
        ["2023年工作情况", "十大工程", "一是加强领导", "（2023年）总结", "主动公开情况"]
    {
        let mut report = built_report();
        report.overview.platforms.title = title.into();
        assert!(of(Rule::Numbering, &report, None).is_empty(), "{title}");
    }
    // A numbered list inside a paragraph is prose, not a title.
    let mut report = built_report();
    report.problems.paragraphs[0] = "1.网站更新不及时；2.解读形式单一。".into();
    assert!(of(Rule::Numbering, &report, None).is_empty());
}

// EMPTY --------------------------------------------------------------------------------

#[test]
fn empty_warns_on_text_that_prints_as_nothing() {
    let cases: Vec<(Breaks, &str)> = vec![
        (Box::new(|r| r.preamble.clear()), "导语"),
        (Box::new(|r| r.preamble[0] = " \u{3000}".into()), "导语 / 第1段"),
        (
            Box::new(|r| r.overview.oversight.title.clear()),
            "一、总体情况 / （五） / 标题",
        ),
        (Box::new(|r| r.overview.intro.push(String::new())), "一、总体情况 / 第2段"),
        (
            Box::new(|r| {
                r.problems.paragraphs.clear();
                r.problems.items.clear();
            }),
            "五、存在的主要问题及改进情况",
        ),
        (
            Box::new(|r| r.other_matters.fees.paragraphs.clear()),
            "六、其他需要报告的事项 / （一）信息处理费",
        ),
    ];
    for (breaks, location) in cases {
        let mut report = built_report();
        breaks(&mut report);
        let found = of(Rule::Empty, &report, None);
        assert_eq!(found.len(), 1, "{location}: {found:#?}");
        assert_eq!(found[0].location, location);
        assert_eq!(found[0].severity, Severity::Warning);
    }
}

#[test]
fn empty_passes_on_a_report_with_text_everywhere() {
    assert!(of(Rule::Empty, &built_report(), None).is_empty());
    // Section 五 as items only is not empty.
    let mut report = built_report();
    report.problems.paragraphs.clear();
    assert!(of(Rule::Empty, &report, None).is_empty());
}

// PROSE --------------------------------------------------------------------------------

#[test]
fn prose_warns_when_the_text_states_another_number_of_applications() {
    let mut report = built_report();
    // The table: 一、本年新收 总计 45, 二、上年结转 总计 3.
    report.overview.disclosure_on_request.paragraphs[0] =
        "2023年，本机关共收到政府信息公开申请17件，均按时办结。".into();
    let d = one(
        Rule::Prose,
        &report,
        None,
        "一、总体情况 / （二）依申请公开情况 / 第1段",
        "45",
        "17",
    );
    assert!(d.to_string().starts_with("warning[PROSE]"), "{d}");
    report.overview.disclosure_on_request.paragraphs[0] =
        "本年度未收到政府信息公开申请。".into();
    one(
        Rule::Prose,
        &report,
        None,
        "一、总体情况 / （二）依申请公开情况 / 第1段",
        "45",
        "0",
    );
}

#[test]
fn prose_passes_when_the_text_agrees_with_the_table() {
    // Closed (（七）总计) is checked too: the text states the table's figure.
    let closed = report_core::facts::Facts::of(&built_report()).applications_closed;
    for text in [
        format!("2023年，本机关共收到政府信息公开申请45件，办结{closed}件。").as_str(),
        "新收政府信息公开申请45件，上年结转3件。",
        "共收到申请48件（含上年结转3件）。",
        "收到群众来信30封，主动公开政府信息244条。",
    ] {
        let mut report = built_report();
        report.overview.disclosure_on_request.paragraphs[0] = text.into();
        assert!(of(Rule::Prose, &report, None).is_empty(), "{text}");
    }
    let mut report = built_report();
    report.applications = Default::default();
    report.overview.disclosure_on_request.paragraphs[0] =
        "本年度未收到依申请公开案件。".into();
    assert!(of(Rule::Prose, &report, None).is_empty());
}

#[test]
fn application_claims_are_read_narrowly() {
    use report_core::prose::{ClaimKind, Claimed};
    let n = |n: i64| Claimed::Number(n.into());
    assert_eq!(
        read("共收到政府信息公开申请3119件，上年结转34件"),
        [(ClaimKind::Received, n(3119)), (ClaimKind::CarriedOver, n(34))]
    );
    assert_eq!(
        read("收到人大建议5件和政府信息公开申请17件。"),
        [(ClaimKind::Received, n(17))]
    );
    assert_eq!(
        read("没有收到政府信息公开申请。"),
        [(ClaimKind::Received, Claimed::None)]
    );
    assert_eq!(read("收到申请后20个工作日内答复。"), []);
    assert_eq!(read("未向申请人收取任何费用。"), []);
    assert_eq!(read("主动公开信息244条。"), []);
}

#[test]
fn received_and_closed_are_read_from_accepted_and_answered() {
    use report_core::prose::{ClaimKind, Claimed};
    let n = |n: i64| Claimed::Number(n.into());
    // 受理, 办结 and 答复, a number between spaces, the count before the noun.
    assert_eq!(read("受理政府信息公开申请 12 件"), [(ClaimKind::Received, n(12))]);
    assert_eq!(read("共受理25件政府信息公开申请"), [(ClaimKind::Received, n(25))]);
    assert_eq!(read("办结 12 件"), [(ClaimKind::Closed, n(12))]);
    assert_eq!(read("依法答复政府信息公开申请23件"), [(ClaimKind::Closed, n(23))]);
    assert_eq!(read("已按时答复23件"), [(ClaimKind::Closed, n(23))]);
    assert_eq!(
        read("受理并答复政府信息公开申请25件"),
        [(ClaimKind::Received, n(25)), (ClaimKind::Closed, n(25))]
    );
    // A count of the delayed answers is a part of the closed, of the refused a part of
    // the received.
    assert_eq!(read("延期答复政府信息公开申请2件"), []);
    assert_eq!(read("其中逾期办结1件"), []);
    assert_eq!(read("不予受理政府信息公开申请2件"), []);
}

#[test]
fn counts_and_negations_are_tied_to_the_noun_they_govern() {
    use report_core::prose::{ClaimKind, Claimed};
    let n = |n: i64| Claimed::Number(n.into());
    let none = Claimed::None;
    // A negation of the application itself, also when another noun is joined to it.
    assert_eq!(read("未收到政府信息公开申请"), [(ClaimKind::Received, none)]);
    assert_eq!(read("未收到政府信息公开申请及相关投诉"), [(ClaimKind::Received, none)]);
    assert_eq!(
        read("未收到公民、法人或者其他组织的政府信息公开申请"),
        [(ClaimKind::Received, none)]
    );
    assert_eq!(read("未收到申请人的政府信息公开申请"), [(ClaimKind::Received, none)]);
    // … and of another matter: what the negation or the count governs is the review, the
    // lawsuit, the complaint.
    assert_eq!(
        read("未收到政府信息公开行政复议、行政诉讼的申请"),
        [(ClaimKind::Reviews, none), (ClaimKind::Lawsuits, none)]
    );
    assert_eq!(
        read("未收到因政府信息公开申请提起的行政复议"),
        [(ClaimKind::Reviews, none)]
    );
    assert!(
        read("全年无政府信息公开申请引发的行政诉讼")
            .iter()
            .all(|c| c.0 != ClaimKind::Received)
    );
    assert_eq!(read("收到行政复议申请3件"), [(ClaimKind::Reviews, n(3))]);
    assert_eq!(
        read("收到因政府信息公开申请提起的行政复议2件"),
        [(ClaimKind::Reviews, n(2))]
    );
    assert_eq!(read("收到投诉举报类申请1件"), []);
    assert_eq!(read("办结行政复议案件2件"), [(ClaimKind::Reviews, n(2))]);
    assert_eq!(read("上年结转行政复议案件1件"), [(ClaimKind::Reviews, n(1))]);
}

#[test]
fn a_negation_of_reviews_and_lawsuits_is_no_claim_about_applications() {
    let mut report = built_report();
    // The table: 45 applications received; no review, no lawsuit.
    report.reviews_and_lawsuits = Default::default();
    report.overview.disclosure_on_request.paragraphs[0] =
        "本年度未收到政府信息公开行政复议、行政诉讼的申请。".into();
    assert!(report_core::facts::Facts::of(&report).applications_received > 0);
    assert_eq!(of(Rule::Prose, &report, None), vec![]);
    // With reviews in the table, the sentence contradicts them, not the applications.
    let mut with_reviews = report.clone();
    with_reviews.reviews_and_lawsuits = built_report().reviews_and_lawsuits;
    let found = of(Rule::Prose, &with_reviews, None);
    assert!(!found.is_empty());
    for d in &found {
        assert!(!d.message.contains("申请.本年新收"), "{d}");
        assert!(
            d.message.contains("行政复议.总计") || d.message.contains("行政诉讼.总计"),
            "{d}"
        );
    }
    // The genuine negation is still the claim 0 against the 45 of the table.
    report.overview.disclosure_on_request.paragraphs[0] =
        "本年度未收到政府信息公开申请。".into();
    one(
        Rule::Prose,
        &report,
        None,
        "一、总体情况 / （二）依申请公开情况 / 第1段",
        "45",
        "0",
    );
}

// ASSESS -------------------------------------------------------------------------------

#[test]
fn assess_breaks_when_a_peoples_government_omits_it() {
    let mut report = built_report();
    report.overview.assessment = None;
    let found = of(Rule::Assessment, &report, None);
    assert_eq!(found.len(), 1);
    assert!(found[0].is_error());
}

#[test]
fn assess_passes_for_a_department_without_it() {
    let mut report = built_report();
    report.agency.kind = AgencyKind::Department;
    report.date = NaiveDate::from_ymd_opt(2024, 1, 20).unwrap();
    report.overview.assessment = None;
    assert_eq!(validate(&report, None), vec![]);
}

// ISSUER -------------------------------------------------------------------------------

#[test]
fn issuer_warns_when_a_county_reports_rules() {
    let mut report = built_report();
    report.agency.level = AdminLevel::County;
    // 规章 1 / 0 / 11: two cells are non-zero.
    let found = of(Rule::RulesIssuer, &report, None);
    let cells: Vec<String> = found.iter().map(|d| d.location.to_string()).collect();
    assert_eq!(
        cells,
        [
            "第二十条第（一）项 / 规章 / 本年制发件数",
            "第二十条第（一）项 / 规章 / 现行有效件数"
        ]
    );
    assert!(found.iter().all(|d| d.severity == Severity::Warning));
    report.agency.level = AdminLevel::Township;
    assert_eq!(of(Rule::RulesIssuer, &report, None).len(), 2);
}

#[test]
fn issuer_passes_for_rule_makers_and_for_counties_without_rules() {
    let mut report = built_report();
    for level in [AdminLevel::National, AdminLevel::Provincial, AdminLevel::Prefecture] {
        report.agency.level = level;
        assert!(of(Rule::RulesIssuer, &report, None).is_empty());
    }
    report.agency.level = AdminLevel::County;
    report.active_disclosure.rules = Default::default();
    assert!(of(Rule::RulesIssuer, &report, None).is_empty());
}

// DATE ---------------------------------------------------------------------------------

fn dated(kind: AgencyKind, y: i32, m: u32, d: u32) -> Report {
    let mut report = built_report();
    report.agency.kind = kind;
    report.date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    report
}

#[test]
fn date_warns_after_the_deadline() {
    let report = dated(AgencyKind::Department, 2024, 2, 1);
    one(
        Rule::PublicationDate,
        &report,
        None,
        "成文日期",
        "by 2024年1月31日",
        "2024-02-01",
    );
    let report = dated(AgencyKind::PeoplesGovernment, 2024, 4, 1);
    one(
        Rule::PublicationDate,
        &report,
        None,
        "成文日期",
        "by 2024年3月31日",
        "2024-04-01",
    );
}

#[test]
fn date_warns_outside_the_next_year() {
    for (y, m, d) in [(2023, 12, 31), (2025, 1, 10), (2022, 6, 1)] {
        let report = dated(AgencyKind::Department, y, m, d);
        let found = of(Rule::PublicationDate, &report, None);
        assert_eq!(found.len(), 1, "{y}-{m}-{d}");
        assert_eq!(found[0].expected.as_deref(), Some("2024年1月1日 to 2024年1月31日"));
    }
}

#[test]
fn date_passes_by_the_deadline() {
    for (kind, m, d) in [
        (AgencyKind::Department, 1, 1),
        (AgencyKind::Department, 1, 31),
        (AgencyKind::PeoplesGovernment, 2, 29),
        (AgencyKind::PeoplesGovernment, 3, 31),
    ] {
        assert!(of(Rule::PublicationDate, &dated(kind, 2024, m, d), None).is_empty());
    }
}

// TITLE-YEAR ---------------------------------------------------------------------------

#[test]
fn title_year_warns_when_the_title_names_another_year_or_none() {
    let d = check_title_year("某市人民政府2023年政府信息公开工作年度报告", 2024).unwrap();
    assert_eq!(
        (d.rule, d.expected.as_deref(), d.found.as_deref()),
        (Rule::TitleYear, Some("2024"), Some("2023"))
    );
    let d = check_title_year("某市人民政府政府信息公开工作年度报告", 2024).unwrap();
    assert_eq!(d.found.as_deref(), Some("no year"));
}

#[test]
fn title_year_passes_and_cannot_fire_for_a_built_report() {
    assert_eq!(
        check_title_year("某市人民政府2024年政府信息公开工作年度报告", 2024),
        None
    );
    // The title is made from the year, so they always agree, even for agency names with
    // digits in them.
    let mut report = built_report();
    report.agency.name = "某市2035规划办公室".into();
    assert!(of(Rule::TitleYear, &report, None).is_empty());
}

// Y-CONT, S-CONT, PREV -----------------------------------------------------------------

fn last_year_of(report: &Report) -> Report {
    let mut last = report.clone();
    last.year -= 1;
    last.date = NaiveDate::from_ymd_opt(report.year, 2, 1).unwrap();
    last.applications.carried_forward = report.applications.carried_over;
    let (r, n) = (
        &mut last.active_disclosure.rules,
        &mut last.active_disclosure.normative_documents,
    );
    r.in_force = 10; // 10 + 1 − 0 = 11
    n.in_force = 84; // 84 + 8 − 26 = 66
    last
}

#[test]
fn continuity_passes_with_last_years_report() {
    let report = built_report();
    let last = last_year_of(&report);
    assert_eq!(validate(&report, Some(&last)), vec![]);
}

#[test]
fn y_cont_warns_per_column_when_carried_over_is_not_last_years_carried_forward() {
    let report = built_report();
    let mut last = last_year_of(&report);
    last.applications.carried_forward =
        ApplicantCounts { natural_persons: 3, businesses: 1, ..Default::default() };
    let found = of(Rule::YearContinuity, &report, Some(&last));
    let locations: Vec<String> = found.iter().map(|d| d.location.to_string()).collect();
    let cells: Vec<(&str, Option<&str>, Option<&str>)> = found
        .iter()
        .zip(&locations)
        .map(|(d, l)| (l.as_str(), d.expected.as_deref(), d.found.as_deref()))
        .collect();
    assert_eq!(
        cells,
        [
            ("二、上年结转政府信息公开申请数量 / 自然人", Some("3"), Some("2")),
            ("二、上年结转政府信息公开申请数量 / 总计", Some("4"), Some("3")),
        ]
    );
    assert!(!has_errors(&validate(&report, Some(&last))));
}

#[test]
fn s_cont_warns_when_the_stock_does_not_carry_on() {
    let report = built_report();
    let mut last = last_year_of(&report);
    last.active_disclosure.normative_documents.in_force = 80;
    one(
        Rule::StockContinuity,
        &report,
        Some(&last),
        "第二十条第（一）项 / 行政规范性文件 / 现行有效件数",
        "62",
        "66",
    );
}

#[test]
fn prev_warns_and_skips_continuity_for_a_report_on_another_year() {
    let report = built_report();
    let mut last = last_year_of(&report);
    last.year -= 1;
    last.applications.carried_forward = ApplicantCounts {
        natural_persons: 9,
        businesses: 9,
        research_institutions: 9,
        public_interest_organizations: 9,
        legal_service_providers: 9,
        others: 9,
        stated_total: None,
    };
    let all = validate(&report, Some(&last));
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].rule, Rule::PreviousReport);
    assert_eq!(
        (all[0].expected.as_deref(), all[0].found.as_deref()),
        (Some("2022"), Some("2021"))
    );
}

#[test]
fn prev_warns_for_another_agency() {
    let report = built_report();
    let mut last = last_year_of(&report);
    last.agency.name = "另一市人民政府".into();
    assert_eq!(of(Rule::PreviousReport, &report, Some(&last)).len(), 1);
}

// All at once --------------------------------------------------------------------------

#[test]
fn every_problem_is_returned_at_once_and_check_refuses_errors() {
    let mut report = stated_report();
    report.agency.name = String::new();
    report.agency.level = AdminLevel::County;
    report.preamble.push("a\tb".into());
    report.reviews_and_lawsuits.review.stated_total = Some(0);
    report.applications.received.stated_total = Some(1);
    report.date = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
    let all = validate(&report, None);
    let mut rules: Vec<Rule> = all.iter().map(|d| d.rule).collect();
    rules.dedup();
    for rule in [
        Rule::AgencyName,
        Rule::Text,
        Rule::T4A,
        Rule::T3C,
        Rule::T3A,
        Rule::RulesIssuer,
        Rule::PublicationDate,
    ] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
    let Err(Invalid { diagnostics }) = check(&report, None) else {
        panic!("errors pass")
    };
    assert_eq!(diagnostics, all);
    let text = Invalid { diagnostics }.to_string();
    assert!(text.contains("error[AGENCY]") && text.contains("warning[DATE]"), "{text}");
}

#[test]
fn check_passes_warnings_through() {
    let mut report = built_report();
    report.date = NaiveDate::from_ymd_opt(2024, 4, 2).unwrap();
    let warnings = check(&report, None).expect("warnings only");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].rule, Rule::PublicationDate);
}

/// The claims of `text`, as (kind, what is claimed).
fn read(text: &str) -> Vec<(report_core::prose::ClaimKind, report_core::prose::Claimed)> {
    report_core::prose::claims(text).into_iter().map(|c| (c.kind, c.claimed)).collect()
}
