//! The two real reports of the fixture: they load with their stated totals and validate
//! without errors, and changing any single number of their tables 三 and 四 is caught.

use crate::common;

use common::{FixtureReport, fixture};
use report_core::labelled::{
    LabelNode, LabelledTables, tables_from_labels, tables_to_labels,
};
use report_core::labels::{self, TABLE3_KEY, TABLE4_KEY, canonical_label, join_path};
use report_core::{Rule, Severity, validate};

#[test]
fn both_real_reports_load_with_stated_totals() {
    let fixture = fixture();
    assert_eq!(fixture.reports.len(), 2);
    let huaian = &fixture.reports[0];
    assert_eq!(huaian.id, "huaian_city_2024");
    let t = tables_from_labels(&huaian.tables).unwrap().tables;
    let apps = &t.applications;
    assert_eq!(apps.received.natural_persons, 3001);
    assert_eq!(apps.received.stated_total, Some(3119));
    let total = apps.results.stated_total.expect("（七）总计 is stated");
    assert_eq!(total.natural_persons, 2932);
    assert_eq!(total.stated_total, Some(3050));
    assert_eq!(apps.carried_forward.stated_total, Some(103));
    // `1、申请人无正当理由…` as published: read as the official `1.申请人…`.
    assert_eq!(apps.results.other_handling.no_correction.natural_persons, 67);
    assert_eq!(apps.results.other_handling.other.stated_total, Some(110));
    assert_eq!(t.reviews_and_lawsuits.review.stated_total, Some(351));
    assert_eq!(t.reviews_and_lawsuits.lawsuits_after_review.pending, 6);
    assert_eq!(t.active_disclosure.penalties, 3_985_758);
    assert_eq!(t.active_disclosure.fees.to_string(), "96171.6");

    let pingtan = &fixture.reports[1];
    let t = tables_from_labels(&pingtan.tables).unwrap().tables;
    assert_eq!(t.active_disclosure.fees.to_string(), "24252.311082");
    assert_eq!(t.applications.results.total().stated_total, Some(69));
}

#[test]
fn both_real_reports_validate_without_errors() {
    for real in fixture().reports {
        let report = real.report();
        let diagnostics = validate(&report, None);
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", real.id);
        assert!(diagnostics.is_empty(), "{}: {diagnostics:#?}", real.id);
    }
}

#[test]
fn the_published_label_variants_are_warned_about() {
    let fixture = fixture();
    let notes = tables_from_labels(&fixture.reports[0].tables).unwrap().notes;
    assert_eq!(notes.len(), 3, "{notes:#?}");
    assert!(notes.iter().all(|n| n.rule == Rule::LabelVariant));
    assert_eq!(
        notes[0].location,
        "三、本年度办理结果 /（六）其他处理 / \
         1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    );
    assert!(tables_from_labels(&fixture.reports[1].tables).unwrap().notes.is_empty());
}

#[test]
fn the_label_form_round_trips() {
    for real in fixture().reports {
        let tables = tables_from_labels(&real.tables).unwrap().tables;
        let written = tables_to_labels(&tables);
        let again = tables_from_labels(&written).unwrap();
        assert_eq!(again.tables, tables);
        assert!(again.notes.is_empty(), "written with the official labels");
        // And through JSON and TOML text, as serde's LabelledTables.
        let json = serde_json::to_string(&LabelledTables {
            tables: tables.clone(),
            notes: vec![],
        })
        .unwrap();
        let read: LabelledTables = serde_json::from_str(&json).unwrap();
        assert_eq!(read.tables, tables);
        let toml_text = toml::to_string(&written).unwrap();
        let read: LabelledTables = toml::from_str(&toml_text).unwrap();
        assert_eq!(read.tables, tables);
        assert_eq!(
            read.tables.active_disclosure.fees.to_string(),
            tables.active_disclosure.fees.to_string()
        );
    }
}

/// The paths of every number under `node`, keys as given.
fn number_paths(node: &LabelNode, at: Vec<String>, out: &mut Vec<Vec<String>>) {
    match node {
        LabelNode::Number(_) => out.push(at),
        LabelNode::Map(entries) => {
            for (k, v) in entries {
                let mut next = at.clone();
                next.push(k.clone());
                number_paths(v, next, out);
            }
        }
        _ => {}
    }
}

fn node_at<'a>(node: &'a mut LabelNode, path: &[String]) -> &'a mut LabelNode {
    let mut node = node;
    for key in path {
        let LabelNode::Map(entries) = node else { panic!("no group at {key}") };
        node = &mut entries.iter_mut().find(|(k, _)| k == key).expect("the key").1;
    }
    node
}

fn add_one(node: &mut LabelNode) {
    let LabelNode::Number(n) = node else { panic!("not a number") };
    *n = (n.parse::<u64>().unwrap() + 1).to_string();
}

/// The locations that name a cell, its row's 总计 or its column's （七）总计.
fn acceptable_locations(path: &[String]) -> Vec<String> {
    let official: Vec<String> = path[1..].iter().map(|k| canonical_label(k)).collect();
    let refs: Vec<&str> = official.iter().map(String::as_str).collect();
    let mut row_total = refs.clone();
    *row_total.last_mut().unwrap() = labels::TOTAL_LABEL;
    let mut out = vec![join_path(&refs), join_path(&row_total)];
    if path[0] == *TABLE3_KEY {
        let column = *refs.last().unwrap();
        out.push(join_path(&[labels::RESULTS_LABEL, labels::TOTAL_ROW_LABEL, column]));
    }
    out
}

fn mutate_every_cell(real: &FixtureReport) -> usize {
    let mut paths = Vec::new();
    number_paths(&real.tables, Vec::new(), &mut paths);
    let paths: Vec<_> = paths
        .into_iter()
        .filter(|p| p[0] == *TABLE3_KEY || p[0] == *TABLE4_KEY)
        .collect();
    for path in &paths {
        let mut tables = real.tables.clone();
        add_one(node_at(&mut tables, path));
        let read =
            tables_from_labels(&tables).expect("a changed number still loads").tables;
        let report = common::report_with(&real.agency, real.year, real.date(), read);
        let diagnostics = validate(&report, None);
        let names = acceptable_locations(path);
        assert!(
            diagnostics
                .iter()
                .any(|d| d.is_error() && names.contains(&d.location.to_string())),
            "{}: changing {} is not reported at {names:?}: {diagnostics:#?}",
            real.id,
            path.join(" / ")
        );
    }
    paths.len()
}

#[test]
fn changing_any_single_number_of_tables_three_and_four_is_caught() {
    for real in fixture().reports {
        // Section 三: 25 rows × 7 columns; section 四: 3 × 5.
        assert_eq!(mutate_every_cell(&real), 25 * 7 + 3 * 5, "{}", real.id);
    }
}

#[test]
fn changing_a_number_downwards_is_caught_too() {
    let real = &fixture().reports[0];
    let mut paths = Vec::new();
    number_paths(&real.tables, Vec::new(), &mut paths);
    let mut checked = 0;
    for path in paths.iter().filter(|p| p[0] == *TABLE3_KEY || p[0] == *TABLE4_KEY) {
        let mut tables = real.tables.clone();
        let LabelNode::Number(n) = node_at(&mut tables, path) else { unreachable!() };
        let v = n.parse::<u64>().unwrap();
        if v == 0 {
            continue;
        }
        *n = (v - 1).to_string();
        let read = tables_from_labels(&tables).unwrap().tables;
        let report = common::report_with(&real.agency, real.year, real.date(), read);
        let names = acceptable_locations(path);
        assert!(
            validate(&report, None)
                .iter()
                .any(|d| d.is_error() && names.contains(&d.location.to_string())),
            "changing {} down is not reported",
            path.join(" / ")
        );
        checked += 1;
    }
    assert!(checked > 60, "{checked}");
}
