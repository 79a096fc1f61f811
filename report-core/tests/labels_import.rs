//! Reading the label-keyed tables: unknown labels named with the closest official label,
//! variants read with a warning, 2019 labels refused, every bad cell found at once.

use crate::common;

use common::{at, pingtan};
use report_core::labelled::{
    LabelNode, LabelledTables, tables_from_labels, tables_to_labels,
};
use report_core::labels::{
    TABLE2_KEY, TABLE3_KEY, TABLE4_KEY, canonical_label, closest_label,
};
use report_core::{Diagnostic, Invalid, Rule};

fn rename(node: &mut LabelNode, path: &[&str], to: &str) {
    let (last, parent) = path.split_last().unwrap();
    let LabelNode::Map(entries) = at(node, parent) else { panic!() };
    entries.iter_mut().find(|(k, _)| k == last).unwrap().0 = to.to_owned();
}

fn remove(node: &mut LabelNode, path: &[&str]) {
    let (last, parent) = path.split_last().unwrap();
    let LabelNode::Map(entries) = at(node, parent) else { panic!() };
    entries.retain(|(k, _)| k != last);
}

fn errors(node: &LabelNode) -> Vec<Diagnostic> {
    let Invalid { diagnostics } = tables_from_labels(node).expect_err("an error");
    diagnostics
}

fn withheld() -> [&'static str; 3] {
    [*TABLE3_KEY, "三、本年度办理结果", "（三）不予公开"]
}

#[test]
fn an_unknown_label_is_named_with_the_closest_official_label() {
    let mut tables = pingtan();
    let row = [&withheld()[..], &["2.其他法律行政法规禁止公开"]].concat();
    rename(&mut tables, &row, "2.其他法律行政止公开");
    let all = errors(&tables);
    let unknown: Vec<&Diagnostic> =
        all.iter().filter(|d| d.rule == Rule::Label).collect();
    assert_eq!(unknown.len(), 1, "{all:#?}");
    let d = unknown[0];
    assert_eq!(d.location, "三、本年度办理结果 /（三）不予公开 / 2.其他法律行政止公开");
    assert_eq!(d.found.as_deref(), Some("2.其他法律行政止公开"));
    assert_eq!(d.expected.as_deref(), Some("2.其他法律行政法规禁止公开"));
    assert_eq!(d.hint, "did you mean `2.其他法律行政法规禁止公开`?");
    // And the official row is missing, once for the row, not once per cell.
    let missing: Vec<&Diagnostic> =
        all.iter().filter(|d| d.rule == Rule::Cells).collect();
    assert_eq!(missing.len(), 1, "{all:#?}");
    assert_eq!(
        missing[0].location,
        "三、本年度办理结果 /（三）不予公开 / 2.其他法律行政法规禁止公开"
    );
}

#[test]
fn a_heading_typo_in_table_four_is_named() {
    let mut tables = pingtan();
    rename(&mut tables, &[*TABLE4_KEY, "行政复议"], "行政法复议");
    let d = errors(&tables).into_iter().find(|d| d.rule == Rule::Label).unwrap();
    assert_eq!(d.expected.as_deref(), Some("行政复议"));
    assert_eq!(
        d.to_string(),
        "error[LABEL] 行政法复议: unknown label `行政法复议` under table4_政府信息公开行政复议、\
         行政诉讼情况; read as `行政复议` (expected 行政复议, found 行政法复议); hint: write \
         `行政复议`"
    );
}

#[test]
fn an_unknown_column_and_an_unknown_table_are_named() {
    let mut tables = pingtan();
    rename(
        &mut tables,
        &[*TABLE3_KEY, "一、本年新收政府信息公开申请数量", "商业企业"],
        "企业",
    );
    rename(&mut tables, &[*TABLE2_KEY], "table2_主动公开");
    let all = errors(&tables);
    let unknown: Vec<(Option<&str>, Option<&str>)> = all
        .iter()
        .filter(|d| d.rule == Rule::Label)
        .map(|d| (d.found.as_deref(), d.expected.as_deref()))
        .collect();
    assert_eq!(
        unknown,
        [(Some("table2_主动公开"), Some(*TABLE2_KEY)), (Some("企业"), Some("商业企业")),]
    );
    // The table that is not there is reported once, as a whole.
    assert!(
        all.iter().any(|d| d.rule == Rule::Cells && d.location == *TABLE2_KEY),
        "{all:#?}"
    );
}

#[test]
fn every_bad_cell_is_found_at_once() {
    let mut tables = pingtan();
    let row = [*TABLE3_KEY, "一、本年新收政府信息公开申请数量"];
    let cells = [
        ("自然人", LabelNode::Text("/".into())),
        ("商业企业", LabelNode::Text("".into())),
        ("科研机构", LabelNode::Null),
        ("社会公益组织", LabelNode::Number("-1".into())),
        ("法律服务机构", LabelNode::Number("1.5".into())),
        ("其他", LabelNode::Bool(false)),
    ];
    for (column, value) in cells.clone() {
        *at(&mut tables, &[&row[..], &[column]].concat()) = value;
    }
    *at(&mut tables, &[*TABLE4_KEY, "行政复议", "总计"]) = LabelNode::Text("/".into());
    *at(
        &mut tables,
        &[
            *TABLE2_KEY,
            "第二十条第（八）项",
            "行政事业性收费",
            "本年收费金额（单位：万元）",
        ],
    ) = LabelNode::Number("-3.2".into());
    let all = errors(&tables);
    assert_eq!(all.len(), 8, "{all:#?}");
    assert!(all.iter().all(|d| d.rule == Rule::Cells && d.is_error()));
    let locations: Vec<String> = all.iter().map(|d| d.location.to_string()).collect();
    assert_eq!(
        locations[0],
        "第二十条第（八）项 / 行政事业性收费 / 本年收费金额（单位：万元）"
    );
    for (column, _) in cells {
        let location = format!("一、本年新收政府信息公开申请数量 / {column}");
        assert!(locations.contains(&location), "{location} in {locations:#?}");
    }
    assert!(locations.contains(&"行政复议 / 总计".to_owned()));
    let slash = &all[1];
    assert_eq!(slash.found.as_deref(), Some("\"/\""));
    assert!(slash.hint.contains("never blank or /"), "{slash}");
}

#[test]
fn a_missing_cell_is_an_error_but_a_missing_total_is_computed() {
    let mut tables = pingtan();
    remove(&mut tables, &[*TABLE3_KEY, "四、结转下年度继续办理", "自然人"]);
    let all = errors(&tables);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].location, "四、结转下年度继续办理 / 自然人");

    let mut tables = pingtan();
    remove(&mut tables, &[*TABLE3_KEY, "四、结转下年度继续办理", "总计"]);
    remove(&mut tables, &[*TABLE3_KEY, "三、本年度办理结果", "（七）总计"]);
    remove(&mut tables, &[*TABLE4_KEY, "行政复议", "总计"]);
    let read = tables_from_labels(&tables).unwrap().tables;
    assert_eq!(read.applications.carried_forward.stated_total, None);
    assert_eq!(read.applications.carried_forward.total(), 1);
    assert_eq!(read.applications.results.stated_total, None);
    assert_eq!(read.applications.results.total().total(), 69);
    assert_eq!(read.reviews_and_lawsuits.review.stated_total, None);
    assert_eq!(read.reviews_and_lawsuits.review.total(), 3);
    assert!(read.validate().is_empty());
}

/// The value of `v` in a TOML document, as the label reader sees it.
fn toml_value(text: &str) -> LabelNode {
    let mut doc: std::collections::BTreeMap<String, LabelNode> =
        toml::from_str(text).expect("TOML");
    doc.remove("v").expect("a value v")
}

#[test]
fn a_toml_float_is_no_count_but_reads_as_a_fee() {
    let count = [*TABLE3_KEY, "一、本年新收政府信息公开申请数量", "自然人"];
    let mut tables = pingtan();
    *at(&mut tables, &count) = toml_value("v = 64.0");
    let found = errors(&tables);
    assert!(
        found.iter().any(|d| d.location.to_string().ends_with("自然人")
            && d.found.as_deref() == Some("64.0")),
        "{found:#?}"
    );
    let mut tables = pingtan();
    let fee = [
        *TABLE2_KEY,
        "第二十条第（八）项",
        "行政事业性收费",
        "本年收费金额（单位：万元）",
    ];
    *at(&mut tables, &fee) = toml_value("v = 24252.311082");
    let read = tables_from_labels(&tables).unwrap().tables;
    assert_eq!(read.active_disclosure.fees.to_string(), "24252.311082");
}

#[test]
fn numbers_given_as_strings_are_read() {
    let mut tables = pingtan();
    *at(&mut tables, &[*TABLE3_KEY, "一、本年新收政府信息公开申请数量", "自然人"]) =
        LabelNode::Text("64".into());
    *at(
        &mut tables,
        &[
            *TABLE2_KEY,
            "第二十条第（八）项",
            "行政事业性收费",
            "本年收费金额（单位：万元）",
        ],
    ) = LabelNode::Text("0.10".into());
    let read = tables_from_labels(&tables).unwrap().tables;
    assert_eq!(read.applications.received.natural_persons, 64);
    assert_eq!(read.active_disclosure.fees.to_string(), "0.10");
}

#[test]
fn labels_differing_only_in_punctuation_are_read_with_a_warning() {
    let mut tables = pingtan();
    let results = [*TABLE3_KEY, "三、本年度办理结果"];
    rename(&mut tables, &[&results[..], &["（一）予以公开"]].concat(), "(一)予以公开");
    rename(
        &mut tables,
        &[&withheld()[..], &["3.危及“三安全一稳定”"]].concat(),
        "3、危及\"三安全一稳定\"",
    );
    rename(
        &mut tables,
        &[&withheld()[..], &["1.属于国家秘密"]].concat(),
        "１． 属于国家秘密",
    );
    let read = tables_from_labels(&tables).unwrap();
    let locations: Vec<String> =
        read.notes.iter().map(|d| d.location.to_string()).collect();
    let variants: Vec<(&str, Option<&str>)> = read
        .notes
        .iter()
        .zip(&locations)
        .map(|(d, l)| (l.as_str(), d.found.as_deref()))
        .collect();
    assert_eq!(
        variants,
        [
            ("三、本年度办理结果 /（一）予以公开", Some("(一)予以公开")),
            (
                "三、本年度办理结果 /（三）不予公开 / 1.属于国家秘密",
                Some("１． 属于国家秘密")
            ),
            (
                "三、本年度办理结果 /（三）不予公开 / 3.危及“三安全一稳定”",
                Some("3、危及\"三安全一稳定\"")
            ),
        ]
    );
    assert!(read.notes.iter().all(|d| d.rule == Rule::LabelVariant && !d.is_error()));
    assert_eq!(read.tables, tables_from_labels(&pingtan()).unwrap().tables);
}

#[test]
fn a_label_given_twice_is_an_error() {
    let mut tables = pingtan();
    let LabelNode::Map(entries) = at(&mut tables, &withheld()) else { panic!() };
    let copy = entries[0].1.clone();
    entries.push(("1、属于国家秘密".into(), copy));
    let all = errors(&tables);
    assert_eq!(all.iter().filter(|d| d.rule == Rule::Label).count(), 1, "{all:#?}");
}

#[test]
fn labels_of_the_2019_trial_format_are_refused() {
    let mut tables = pingtan();
    rename(
        &mut tables,
        &[*TABLE2_KEY, "第二十条第（一）项", "行政规范性文件"],
        "规范性文件",
    );
    let all = errors(&tables);
    assert!(
        all.iter().any(|d| d.rule == Rule::Format2019
            && d.location == "第二十条第（一）项 / 规范性文件"),
        "{all:#?}"
    );

    // The single-row （六）其他处理 of 2019.
    let mut tables = pingtan();
    let group = [*TABLE3_KEY, "三、本年度办理结果", "（六）其他处理"];
    let row = at(&mut tables, &[&group[..], &["3.其他"]].concat()).clone();
    *at(&mut tables, &group) = row;
    let all = errors(&tables);
    let f2019: Vec<&Diagnostic> =
        all.iter().filter(|d| d.rule == Rule::Format2019).collect();
    assert_eq!(f2019.len(), 1, "{all:#?}");
    assert_eq!(f2019[0].location, "三、本年度办理结果 /（六）其他处理");
}

#[test]
fn labelled_tables_read_through_serde_with_every_error_in_the_message() {
    let json = serde_json::to_string(&tables_to_labels(
        &tables_from_labels(&pingtan()).unwrap().tables,
    ))
    .unwrap()
    .replace("行政复议\"", "行政法复议\"")
    .replace("\"2.重复申请\"", "\"2.重复申情\"");
    let err = serde_json::from_str::<LabelledTables>(&json).unwrap_err().to_string();
    // One edit from one official label each: read as it, the error kept.
    assert!(err.contains("read as `行政复议`"), "{err}");
    assert!(err.contains("read as `2.重复申请`"), "{err}");
}

#[test]
fn labelled_tables_read_from_a_toml_data_file() {
    let text = toml::to_string(&tables_to_labels(
        &tables_from_labels(&pingtan()).unwrap().tables,
    ))
    .unwrap();
    assert!(text.contains("\"本年收费金额（单位：万元）\" = \"24252.311082\""), "{text}");
    // A person may write the fee as a TOML number, too.
    let text = text.replace("= \"24252.311082\"", "= 24252.311082");
    let read: LabelledTables = toml::from_str(&text).unwrap();
    assert_eq!(read.tables.active_disclosure.fees.to_string(), "24252.311082");
    assert_eq!(read.tables.applications.results.total().stated_total, Some(69));
}

#[test]
fn keys_beside_the_tables_starting_with_an_underscore_are_ignored() {
    let mut tables = pingtan();
    let LabelNode::Map(entries) = &mut tables else { panic!() };
    entries.push(("_comment".into(), LabelNode::Text("transcribed by hand".into())));
    assert!(tables_from_labels(&tables).is_ok());
}

#[test]
fn canonical_labels() {
    assert_eq!(canonical_label("1、申请人"), "1.申请人");
    assert_eq!(canonical_label("１．申请人"), "1.申请人");
    assert_eq!(canonical_label(" (七) 总计 "), "（七）总计");
    assert_eq!(canonical_label("本年收费金额(单位:万元)"), "本年收费金额（单位：万元）");
    assert_eq!(canonical_label("3.危及\"三安全一稳定\""), "3.危及“三安全一稳定”");
    // Official labels are their own canonical form.
    for path in report_core::labels::APPLICATION_ROW_PATHS.iter() {
        for label in path.iter() {
            assert_eq!(canonical_label(label), *label);
        }
    }
    // A 、 after something other than a number is kept.
    assert_eq!(canonical_label("行政复议、行政诉讼"), "行政复议、行政诉讼");
}

#[test]
fn closest_labels() {
    let candidates = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    assert_eq!(closest_label("结果维护", &candidates), Some("结果维持"));
    assert_eq!(closest_label("总 计", &candidates), Some("总计"));
    assert_eq!(closest_label("x", &[]), None);
}

/// Through serde, a JSON number is serde_json's `f64`: the value is kept, trailing zeros
/// are not. A data file keeps the digits as written (read from the file's text).
#[test]
fn labelled_tables_read_from_json_keep_the_value_and_a_data_file_every_digit() {
    let json = serde_json::to_string(&tables_to_labels(
        &tables_from_labels(&pingtan()).unwrap().tables,
    ))
    .unwrap()
    .replace("\"24252.311082\"", "24252.311000");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let read: LabelledTables = serde_json::from_value(value).unwrap();
    assert_eq!(read.tables.active_disclosure.fees.to_string(), "24252.311");
    let read: LabelledTables = serde_json::from_str(&json).unwrap();
    assert_eq!(read.tables.active_disclosure.fees.to_string(), "24252.311");
    // The same tables in a data file: every digit.
    let tables = tables_from_labels(&pingtan()).unwrap().tables;
    let date = report_core::chrono::NaiveDate::from_ymd_opt(2024, 1, 20).unwrap();
    let report = common::report_with("平潭综合实验区管委会", 2023, date, tables);
    let written = report_core::datafile::write::to_string(
        &report,
        report_core::datafile::Format::Json,
    );
    let file = written.replace("24252.311082", "24252.311000");
    assert_ne!(file, written, "the fee is in the file");
    let loaded = report_core::datafile::load(
        report_core::datafile::Source::new(
            "t.json",
            file,
            report_core::datafile::Format::Json,
        ),
        None,
    )
    .unwrap();
    let partial = loaded.partial.expect("read");
    assert_eq!(partial.active_disclosure.fees.to_string(), "24252.311000");
}
