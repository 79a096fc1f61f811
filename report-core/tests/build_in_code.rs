//! Building a report in code: `Report::new`, named cells, the item helpers, and the
//! `validate`/`check` methods.

use report_core::chrono::NaiveDate;
use report_core::datafile::write::skeleton_report;
use report_core::table::Table as _;
use report_core::{
    AdminLevel, Agency, AgencyKind, ApplicantCounts, Item, Outcomes, Report, Rule, Table,
    check, paragraphs, validate,
};

fn county_bureau() -> Agency {
    Agency::new("某县教育局", AgencyKind::Department, AdminLevel::County)
}

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 20).expect("a valid date")
}

#[test]
fn a_new_report_is_all_zero_with_every_total_computed() {
    let report = Report::new(county_bureau(), 2025, date());
    let a = &report.applications;
    let mut rows = vec![&a.received, &a.carried_over, &a.carried_forward];
    rows.extend(a.results.rows());
    for row in rows {
        assert_eq!((row.parts(), row.stated_total), ([0; 6], None));
    }
    assert_eq!(a.results.stated_total, None);
    let cases = &report.reviews_and_lawsuits;
    for outcomes in [&cases.review, &cases.lawsuits_direct, &cases.lawsuits_after_review]
    {
        assert_eq!((outcomes.printed(), outcomes.stated_total), ([0; 5], None));
    }
    assert_eq!(report.active_disclosure, Default::default());
    assert!(report.preamble.is_empty() && report.overview.intro.is_empty());
    assert!(report.overview.items().iter().all(|i| i.paragraphs.is_empty()));
    assert_eq!(report.overview.assessment, None, "a department has no 工作考核 item");
}

#[test]
fn a_new_report_warns_only_of_the_prose_still_to_write() {
    let report = Report::new(county_bureau(), 2025, date());
    let found: Vec<(Rule, String)> =
        report.validate().into_iter().map(|d| (d.rule, d.location.to_string())).collect();
    assert_eq!(
        found,
        [
            (Rule::Empty, "导语".to_owned()),
            (Rule::Empty, "五、存在的主要问题及改进情况".to_owned()),
            (Rule::Empty, "六、其他需要报告的事项 / （一）信息处理费收取情况".to_owned()),
        ]
    );
}

#[test]
fn a_peoples_government_gets_its_assessment_item() {
    let agency =
        Agency::new("某县人民政府", AgencyKind::PeoplesGovernment, AdminLevel::County);
    let report = Report::new(agency, 2025, date());
    assert!(report.overview.assessment.is_some());
    assert!(report.check().is_ok(), "{:?}", report.validate());
}

/// The scenario: 12 received and 12 disclosed, set as cells, no total written.
/// The data-file skeleton states every 总计 as 0, so there the same cells are errors.
#[test]
fn setting_cells_of_a_new_report_needs_no_total() {
    let twelve = ApplicantCounts { natural_persons: 12, ..Default::default() };
    let set = |report: &mut Report| {
        report.applications.received.natural_persons = 12;
        report.applications.results.disclosed.natural_persons = 12;
        report.reviews_and_lawsuits.review.upheld = 1;
    };
    let mut built = Report::new(county_bureau(), 2025, date());
    set(&mut built);
    assert_eq!(built.applications.received, twelve);
    assert!(built.check().is_ok(), "{:?}", built.validate());
    assert_eq!(built.reviews_and_lawsuits.review.total(), 1);

    let mut skeleton = skeleton_report(county_bureau(), 2025);
    set(&mut skeleton);
    let rules: Vec<Rule> = skeleton.validate().iter().map(|d| d.rule).collect();
    for rule in [Rule::T3A, Rule::T3B, Rule::T3C, Rule::T4A] {
        assert!(rules.contains(&rule), "{rule} in {rules:?}");
    }
}

#[test]
fn the_methods_are_the_free_functions() {
    let mut report = Report::new(county_bureau(), 2025, date());
    report.reviews_and_lawsuits.review =
        Outcomes { upheld: 2, stated_total: Some(3), ..Default::default() };
    assert_eq!(report.validate(), validate(&report, None));
    let (method, free) = (report.check(), check(&report, None));
    assert!(method.is_err());
    assert_eq!(method, free);
}

#[derive(Table)]
#[table(row)]
struct Proposals {
    #[table(label = "人大代表建议")]
    deputies: u64,
    #[table(label = "政协提案")]
    members: u64,
}

#[test]
fn a_table_is_added_in_place_as_with_table_adds_it() {
    let table = Proposals { deputies: 2, members: 1 };
    let mut report = Report::new(county_bureau(), 2025, date());
    let by_value = Item::new("建议提案办理情况", ["办理情况如下表。"]).with_table(&table);
    report.other_matters.items.push(Item::new("建议提案办理情况", ["办理情况如下表。"]));
    report.other_matters.items[0].add_table(&table);
    assert_eq!(report.other_matters.items[0], by_value);
    assert_eq!(by_value.tables, [table.grid()]);
}

#[test]
fn texts_are_taken_as_str_or_string() {
    let owned = String::from("第二段。");
    let item = Item::new(String::from("标题"), ["第一段。", owned.as_str()])
        .with_items([Item::titled("子项")]);
    assert_eq!(item.paragraphs, paragraphs(["第一段。".to_owned(), owned]));
    assert_eq!((item.title.as_str(), item.items[0].title.as_str()), ("标题", "子项"));
    assert!(item.items[0].paragraphs.is_empty());
}
