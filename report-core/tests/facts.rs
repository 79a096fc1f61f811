//! Every fact of report_core::facts on the two real reports of the fixture, against values
//! computed by hand from the published tables (tests/fixtures/real_reports.json); the
//! changes as clerks write them; the names written once and reachable by field.

use crate::common::fixture;
use report_core::Decimal;
use report_core::facts::{Change, Fact, FactValue, Facts};

/// The facts of both real reports, each figure added up by hand from the fixture's cells
/// (the sums in the comments).
#[test]
fn every_fact_of_the_real_reports_is_the_hand_computed_value() {
    let reports = fixture().reports;
    let huaian = Facts::of(&reports[0].report());
    let pingtan = Facts::of(&reports[1].report());
    // (name, 淮安市人民政府 2024, 平潭综合实验区 2021)
    let expected: [(&str, u64, u64); 31] = [
        ("申请.本年新收", 3119, 70),
        ("申请.上年结转", 34, 0),
        ("申请.办结", 3050, 69),
        ("申请.结转下年度", 103, 1),
        ("申请.予以公开", 1362, 30),
        ("申请.部分公开", 454, 5),
        // 2 + 31 + 5 + 6 + 8 + 12 + 9 + 105; 1 + 6 + 1
        ("申请.不予公开", 178, 8),
        // 769 + 11 + 1; 25
        ("申请.无法提供", 781, 25),
        // 62 + 25 + 0 + 0 + 1; 0
        ("申请.不予处理", 88, 0),
        // 71 + 6 + 110; 1
        ("申请.其他处理", 187, 1),
        ("行政复议.总计", 351, 3),
        ("行政复议.维持", 72, 1),
        ("行政复议.纠正", 64, 0),
        ("行政复议.其他结果", 178, 2),
        ("行政复议.尚未审结", 37, 0),
        // 26 + 20; 12 + 0
        ("行政诉讼.总计", 46, 12),
        ("行政诉讼.直接起诉", 26, 12),
        ("行政诉讼.复议后起诉", 20, 0),
        // 13 + 12; 12
        ("行政诉讼.维持", 25, 12),
        // 4 + 1
        ("行政诉讼.纠正", 5, 0),
        // 8 + 1
        ("行政诉讼.其他结果", 9, 0),
        // 1 + 6
        ("行政诉讼.尚未审结", 7, 0),
        ("规章.本年制发", 1, 0),
        ("规章.本年废止", 0, 0),
        ("规章.现行有效", 11, 0),
        ("规范性文件.本年制发", 8, 69),
        ("规范性文件.本年废止", 26, 3),
        ("规范性文件.现行有效", 66, 665),
        ("行政许可.本年决定", 447_228, 2293),
        ("行政处罚.本年决定", 3_985_758, 1282),
        ("行政强制.本年决定", 88_283, 42),
    ];
    for (name, h, p) in expected {
        assert_eq!(huaian.get(name), Some(FactValue::Count(h)), "淮安 {name}");
        assert_eq!(pingtan.get(name), Some(FactValue::Count(p)), "平潭 {name}");
    }
    let fee = |s: &str| Some(FactValue::Amount(s.parse::<Decimal>().unwrap()));
    assert_eq!(huaian.get("收费.金额"), fee("96171.6"));
    assert_eq!(pingtan.get("收费.金额"), fee("24252.311082"));
    // Every fact is covered above: 31 counts and the fee.
    assert_eq!(Facts::NAMES.len(), expected.len() + 1);
    // The typed fields are the same figures.
    assert_eq!(huaian.applications_received, 3119);
    assert_eq!(huaian.withheld, 178);
    assert_eq!(pingtan.lawsuit_total, 12);
    assert_eq!(pingtan.fees.to_string(), "24252.311082");
}

#[test]
fn names_and_fields_come_from_one_list() {
    assert_eq!(Fact::ALL.len(), Facts::NAMES.len());
    for (fact, name) in Fact::ALL.iter().zip(Facts::NAMES) {
        assert_eq!(fact.name(), *name);
        assert_eq!(Fact::from_name(name), Some(*fact));
    }
    assert_eq!(Fact::applications_received.name(), "申请.本年新收");
    assert_eq!(Fact::from_name("申请.本年收到"), None);
}

#[test]
fn changes_between_the_real_reports_are_absolute_and_relative() {
    let reports = fixture().reports;
    let (last, this) = (Facts::of(&reports[1].report()), Facts::of(&reports[0].report()));
    let received = this.change("申请.本年新收", &last).unwrap();
    assert_eq!(received.delta, Decimal::from(3049));
    // 3049 / 70 = 43.557… → 4355.7%
    assert_eq!(received.text(), "增加3049件（4355.7%）");
    let normative = this.change("规范性文件.本年制发", &last).unwrap();
    // 8 − 69 = −61; 61 / 69 = 88.405… %
    assert_eq!(normative.text(), "减少61件（88.4%）");
    assert_eq!(this.change("规章.本年废止", &last).unwrap().text(), "持平");
    // From 0 there is no percentage.
    assert_eq!(this.change("申请.上年结转", &last).unwrap().text(), "增加34件");
    assert_eq!(this.changes(&last).len(), Facts::NAMES.len());
    let fee = Change::new(
        FactValue::Amount("24252.311082".parse().unwrap()),
        FactValue::Amount("96171.6".parse().unwrap()),
    );
    assert_eq!(fee.text(), "增加71919.288918万元（296.5%）");
}
