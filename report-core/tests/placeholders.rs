//! Placeholders in prose: the figures and changes they print, the errors of rule
//! PLACEHOLDER, `{{` for a brace, and (property tests) that a placeholder prints exactly
//! as the same text written out would, in the Typst document and in the web page: a value
//! never becomes markup.

use proptest::prelude::*;
use report_core::document::document;
use report_core::html::{HtmlOptions, page, page_with};
use report_core::placeholders::{Context, escape};
use report_core::{ApplicantCounts, Report, Rule, validate};

use crate::common::built_report;

/// The built report with 95 applications received (83 last year: `last_year`).
fn report() -> Report {
    let mut r = built_report();
    r.applications.received =
        ApplicantCounts { natural_persons: 95, ..Default::default() };
    r
}

fn last_year(received: u64) -> Report {
    let mut r = report();
    r.year -= 1;
    r.applications.received =
        ApplicantCounts { natural_persons: received, ..Default::default() };
    r
}

#[test]
fn a_fact_prints_its_figure_and_its_change() {
    let this = report();
    let up = last_year(83);
    let context = Context::new(&this, Some(&up));
    assert_eq!(context.expand("{申请.本年新收}").as_deref(), Ok("95"));
    assert_eq!(
        context.expand("{申请.本年新收.较上年}").as_deref(),
        Ok("增加12件（14.5%）")
    );
    assert_eq!(context.expand("{申请.本年新收.上年}").as_deref(), Ok("83"));
    let down = last_year(98);
    let context = Context::new(&this, Some(&down));
    assert_eq!(
        context.expand("较上年{申请.本年新收.较上年}").as_deref(),
        Ok("较上年减少3件（3.1%）")
    );
    let same = last_year(95);
    assert_eq!(
        Context::new(&this, Some(&same)).expand("{申请.本年新收.较上年}").as_deref(),
        Ok("持平")
    );
}

#[test]
fn the_agency_details_and_the_year_are_placeholders() {
    let this = report();
    let context = Context::new(&this, None);
    let text = "本报告所列数据的统计期限自{报告.年度}年1月1日至12月31日。电子版见{机关.网址}；地址：{机关.地址}，电话：{机关.电话}。{机关.名称}";
    let expected = format!(
        "本报告所列数据的统计期限自{}年1月1日至12月31日。电子版见{}；地址：{}，电话：{}。{}",
        this.year,
        this.agency.website,
        this.agency.address,
        this.agency.telephone,
        this.agency.name
    );
    assert_eq!(context.expand(text), Ok(expected));
    // An empty detail prints as nothing, with a warning naming the placeholder.
    let mut blank = report();
    blank.agency.website.clear();
    blank.preamble[0] = "电子版见{机关.网址}。".into();
    let warnings: Vec<_> =
        validate(&blank, None).into_iter().filter(|d| d.rule == Rule::Empty).collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(!warnings[0].is_error());
    assert!(warnings[0].message.contains("{机关.网址}"), "{}", warnings[0]);
    assert_eq!(report_core::placeholders::fill(&blank, None).preamble[0], "电子版见。");
}

#[test]
fn an_unknown_name_is_an_error_quoting_it_with_the_closest_name() {
    let mut r = report();
    r.overview.disclosure_on_request.paragraphs[0] = "收到申请{申请.本年新增}件。".into();
    let errors: Vec<_> =
        validate(&r, None).into_iter().filter(|d| d.rule == Rule::Placeholder).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let d = &errors[0];
    assert!(d.is_error());
    assert!(d.message.contains("{申请.本年新增}"), "{d}");
    assert!(d.hint.contains("{申请.本年新收}"), "{d}");
    assert_eq!(d.location, "一、总体情况 / （二）依申请公开情况 / 第1段");
    assert_eq!(d.found.as_deref(), Some("申请.本年新增"));
}

#[test]
fn a_change_without_last_years_report_asks_for_previous() {
    let mut r = report();
    r.overview.disclosure_on_request.paragraphs[0] =
        "收到申请{申请.本年新收}件，较上年{申请.本年新收.较上年}。".into();
    let errors: Vec<_> =
        validate(&r, None).into_iter().filter(|d| d.rule == Rule::Placeholder).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].hint.contains("--previous"), "{}", errors[0]);
    assert!(errors[0].message.contains("{申请.本年新收.较上年}"), "{}", errors[0]);
    // With last year's report, it is filled.
    let with_previous = validate(&r, Some(&last_year(83)));
    assert!(
        with_previous.iter().all(|d| d.rule != Rule::Placeholder),
        "{with_previous:#?}"
    );
    let html = page_with(&r, Some(&last_year(83)), &HtmlOptions { fragment: true });
    assert!(html.contains("收到申请95件，较上年增加12件（14.5%）。"), "{html}");
}

#[test]
fn braces_escape_and_stray_braces_are_errors() {
    let this = report();
    let context = Context::new(&this, None);
    assert_eq!(context.expand("{{申请.本年新收}}").as_deref(), Ok("{申请.本年新收}"));
    assert_eq!(context.expand("a{{b").as_deref(), Ok("a{b"));
    let mut r = report();
    r.problems.paragraphs[0] = "未闭合{申请.本年新收".into();
    r.other_matters.fees.paragraphs[0] = "多余}".into();
    let errors: Vec<String> = validate(&r, None)
        .into_iter()
        .filter(|d| d.rule == Rule::Placeholder)
        .map(|d| d.message)
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].contains("character 4"), "{errors:?}");
    assert!(errors[1].contains("character 3"), "{errors:?}");
}

#[test]
fn a_report_without_braces_is_unchanged() {
    let r = report();
    assert_eq!(report_core::placeholders::fill(&r, None), r);
}

/// Any text: markup of Typst and HTML, braces, CJK, controls.
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(vec![
            "#",
            "$",
            "*",
            "_",
            "[",
            "]",
            "{",
            "}",
            "{{",
            "}}",
            "<",
            ">",
            "&",
            "\"",
            "'",
            "\\",
            "//",
            "/*",
            "#let x = 1",
            "<script>",
            "&amp;",
            "中文",
            "（",
            "）",
            "=",
            "-",
            " ",
            "{申请.本年新收}",
        ])
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..10).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn escaped_text_expands_to_itself(text in any_text()) {
        let r = report();
        prop_assert_eq!(Context::new(&r, None).expand(&escape(&text)), Ok(text));
    }

    #[test]
    fn a_placeholder_prints_as_the_same_text_written_out(
        before in any_text(),
        after in any_text(),
        website in any_text().prop_filter("a website", |w| !w.trim().is_empty()),
    ) {
        let mut with_placeholders = report();
        with_placeholders.agency.website = website.clone();
        let template = format!(
            "{}{{申请.本年新收}}件{}{{机关.网址}}",
            escape(&before),
            escape(&after)
        );
        let mut written_out = with_placeholders.clone();
        let literal = format!("{before}95件{after}{website}");
        with_placeholders.preamble[0] = template.clone();
        with_placeholders.overview.active_disclosure.paragraphs[0] = template;
        written_out.preamble[0] = escape(&literal);
        written_out.overview.active_disclosure.paragraphs[0] = escape(&literal);
        // The Typst document: the same code, so the same markup (none) for the value.
        prop_assert_eq!(
            document(&with_placeholders).to_string(),
            document(&written_out).to_string()
        );
        // The web page, both forms.
        for fragment in [false, true] {
            let options = HtmlOptions { fragment };
            prop_assert_eq!(page(&with_placeholders, &options), page(&written_out, &options));
        }
    }
}
