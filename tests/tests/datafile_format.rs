//! The data-file format: the seed report as a data file, round trips in TOML and JSON,
//! the skeleton, the published tables taken verbatim, labels and 2019 rows, positions.

use std::path::{Path, PathBuf};

use report_core::datafile::{self, Format, Source, write};
use report_core::labelled::LabelledTables;
use report_core::labels::TABLE3_KEY;
use report_core::{AdminLevel, Agency, AgencyKind, Report};
use report_examples::wendeng_2023;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn real_reports() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/real_reports.json"))
        .expect("the fixture is readable");
    let v: Value = serde_json::from_str(&text).expect("the fixture is JSON");
    v["reports"].as_array().expect("a list of reports").clone()
}

fn agency(name: &str, kind: AgencyKind) -> Agency {
    Agency {
        name: name.into(),
        kind,
        level: AdminLevel::Prefecture,
        address: String::new(),
        telephone: String::new(),
        website: String::new(),
    }
}

fn load(name: &str, text: &str, format: Format) -> datafile::Loaded {
    datafile::load(Source::new(name, text, format), None).expect("the text parses")
}

/// A JSON data file: a skeleton's prose with `tables` replaced by `tables`.
fn with_tables(tables: &Value, year: i32) -> String {
    let skeleton = write::skeleton(
        agency("淮安市人民政府", AgencyKind::PeoplesGovernment),
        year,
        Format::Json,
    );
    let mut file: Value = serde_json::from_str(&skeleton).expect("the skeleton is JSON");
    file["tables"] = tables.clone();
    serde_json::to_string_pretty(&file).expect("serialisable")
}

#[test]
fn the_seed_data_file_is_the_seed_report() {
    let expected = wendeng_2023();
    for (name, format) in
        [("wendeng_2023.toml", Format::Toml), ("wendeng_2023.json", Format::Json)]
    {
        let path = root().join("examples/data").join(name);
        if std::env::var_os("GOVREPORT_BLESS").is_some() {
            std::fs::write(&path, write::to_string(&expected, format)).expect("written");
        }
        let loaded = datafile::load_path(&path, None).expect("readable");
        assert_eq!(loaded.report.as_ref(), Some(&expected), "{name}");
        assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
        // And the file is what the writer writes: nothing hand-edited drifts from it.
        let text = std::fs::read_to_string(&path).expect("readable");
        assert_eq!(
            text,
            write::to_string(&expected, format),
            "{name}: regenerate with GOVREPORT_BLESS=1"
        );
    }
}

#[test]
fn every_report_round_trips_through_toml_and_json() {
    let mut reports = vec![wendeng_2023()];
    for (i, r) in real_reports().iter().enumerate() {
        let mut report =
            write::skeleton_report(agency("某机关", AgencyKind::PeoplesGovernment), 2024);
        let t: LabelledTables =
            serde_json::from_value(r["tables"].clone()).expect("tables read");
        report.active_disclosure = t.tables.active_disclosure;
        report.applications = t.tables.applications;
        report.reviews_and_lawsuits = t.tables.reviews_and_lawsuits;
        report.preamble =
            vec![format!("第{i}段：引号\"、反斜杠\\ 与 {{#set}} 都原样保留。")];
        reports.push(report);
    }
    for report in &reports {
        for format in [Format::Toml, Format::Json] {
            let text = write::to_string(report, format);
            let loaded = load("round-trip", &text, format);
            assert_eq!(loaded.report.as_ref(), Some(report), "{format:?}:\n{text}");
        }
    }
}

#[test]
fn a_data_file_holds_as_many_numbered_items_as_a_report_built_in_code() {
    // Numbering goes on past （九十九）: a data file is not held to a smaller limit.
    let mut report = wendeng_2023();
    report.problems.items = (1..=105)
        .map(|i| report_core::Item {
            title: format!("第{i}项问题"),
            paragraphs: vec!["已整改。".into()],
            ..Default::default()
        })
        .collect();
    let in_code = report_core::validate(&report, None);
    for format in [Format::Toml, Format::Json] {
        let loaded = load("long", &write::to_string(&report, format), format);
        assert_eq!(loaded.report.as_ref(), Some(&report), "{format:?}");
        assert_eq!(
            loaded.problems.len(),
            in_code.len(),
            "{format:?}: {:#?}",
            loaded.problems
        );
    }
    let markup = report_core::document::document(&report).to_string();
    assert!(markup.contains("（一百零五）"), "the 105th item is numbered （一百零五）");
}

#[test]
fn the_skeleton_loads_with_warnings_only_and_every_cell_present() {
    for kind in [AgencyKind::Department, AgencyKind::PeoplesGovernment] {
        for format in [Format::Toml, Format::Json] {
            let text = write::skeleton(agency("某市某局", kind), 2025, format);
            let loaded = load("skeleton", &text, format);
            assert!(loaded.report.is_some());
            let rules: Vec<&str> = loaded.problems.iter().map(|p| p.rule.id()).collect();
            assert!(
                rules.iter().all(|r| *r == "EMPTY"),
                "{format:?} {kind:?}: {rules:?}"
            );
            assert!(!rules.is_empty(), "empty prose is pointed out");
            // 24 rows + （七）总计 of section 三, each with its 7 cells, all written.
            assert_eq!(text.matches("\"自然人\"").count(), 25, "{text}");
            assert_eq!(text.matches("\"总计\"").count(), 25 + 3);
        }
    }
}

#[test]
fn published_tables_are_accepted_verbatim_with_stated_totals_checked() {
    for r in real_reports() {
        let json = with_tables(&r["tables"], r["year"].as_i64().unwrap_or(2024) as i32);
        let loaded = load("real.json", &json, Format::Json);
        let report = loaded.report.expect("the report is read");
        let t: LabelledTables =
            serde_json::from_value(r["tables"].clone()).expect("tables");
        assert_eq!(report.applications, t.tables.applications);
        assert!(
            report.applications.received.stated_total.is_some(),
            "stated totals kept"
        );
        assert!(
            loaded.problems.iter().all(|p| !p.is_error()),
            "{}: {:#?}",
            r["id"],
            loaded.problems
        );
        // Change one cell: T3-C names it by its labels, at its line.
        let mut tables = r["tables"].clone();
        let cell =
            &mut tables[*TABLE3_KEY]["三、本年度办理结果"]["（一）予以公开"]["自然人"];
        *cell = Value::from(cell.as_u64().expect("a count") + 1);
        let json = with_tables(&tables, r["year"].as_i64().unwrap_or(2024) as i32);
        let loaded = load("changed.json", &json, Format::Json);
        let line = json
            .lines()
            .position(|l| l.contains("（一）予以公开"))
            .expect("the row is in the file")
            + 2; // its first cell, 自然人, is the next line
        let t3c = loaded
            .problems
            .iter()
            .find(|p| p.rule == "T3-C")
            .expect("the row's total no longer adds up");
        assert_eq!(t3c.location, "三、本年度办理结果 /（一）予以公开 / 总计");
        assert!(t3c.place.as_ref().is_some_and(|p| p.line > line), "{t3c:?}");
        let t3b = loaded.problems.iter().find(|p| p.rule == "T3-B").expect("column too");
        assert_eq!(t3b.location, "三、本年度办理结果 /（七）总计 / 自然人");
        let at = t3b.place.as_ref().expect("located");
        assert!(json.lines().nth(at.line - 1).is_some_and(|l| l.contains("\"自然人\"")));
    }
}

#[test]
fn an_unknown_label_is_named_with_the_closest_official_label_at_its_line() {
    let text =
        write::skeleton(agency("某局", AgencyKind::Department), 2025, Format::Toml);
    let bad = text.replacen("\"1.属于国家秘密\"", "\"1.属于国家机密\"", 1);
    let line = bad.lines().position(|l| l.contains("1.属于国家机密")).expect("there") + 1;
    let loaded = load("bad.toml", &bad, Format::Toml);
    assert!(loaded.report.is_none());
    let p = loaded.problems.iter().find(|p| p.rule == "LABEL").expect("a LABEL error");
    assert!(p.message.contains("1.属于国家机密"), "{p}");
    assert_eq!(p.expected.as_deref(), Some("1.属于国家秘密"));
    assert_eq!(p.place.as_ref().map(|p| p.line), Some(line), "{p}");
}

#[test]
fn the_single_row_of_2019_is_recognised_as_the_wrong_version() {
    let mut tables = real_reports()[0]["tables"].clone();
    let results = &mut tables[*TABLE3_KEY]["三、本年度办理结果"];
    results["（六）其他处理"] = serde_json::json!({
        "自然人": 0, "商业企业": 0, "科研机构": 0, "社会公益组织": 0,
        "法律服务机构": 0, "其他": 0, "总计": 0
    });
    let json = with_tables(&tables, 2024);
    let loaded = load("2019.json", &json, Format::Json);
    let p = loaded.problems.iter().find(|p| p.rule == "F2019").expect("F2019");
    let line =
        json.lines().position(|l| l.contains("（六）其他处理")).expect("there") + 1;
    assert_eq!(p.place.as_ref().map(|p| p.line), Some(line), "{p}");
}

#[test]
fn english_field_names_are_read_too_and_errors_point_at_the_value() {
    let report: Report = wendeng_2023();
    let mut v: Value = serde_json::from_str(&write::to_json(&report)).expect("json");
    v["tables"] = serde_json::json!({
        "active_disclosure": serde_json::to_value(&report.active_disclosure).expect("value"),
        "applications": serde_json::to_value(&report.applications).expect("value"),
        "reviews_and_lawsuits": serde_json::to_value(&report.reviews_and_lawsuits).expect("value"),
    });
    let json = serde_json::to_string_pretty(&v).expect("json");
    assert_eq!(load("en.json", &json, Format::Json).report, Some(report.clone()));
    let bad = json.replacen("\"licensing\": 0", "\"licensing\": -3", 1);
    let loaded = load("en.json", &bad, Format::Json);
    let p = &loaded.problems[0];
    assert_eq!(p.rule, "DATA");
    let line = bad.lines().position(|l| l.contains("-3")).expect("there") + 1;
    assert_eq!(p.place.as_ref().map(|p| p.line), Some(line), "{p}");
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = root().join("report-core/schema/govreport.schema.json");
    let generated = datafile::schema::json_schema_text();
    if std::env::var_os("GOVREPORT_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("written");
    }
    let committed = std::fs::read_to_string(&path).expect("the schema is committed");
    assert_eq!(committed, generated, "regenerate with GOVREPORT_BLESS=1");
}

/// A data file as JSON for the schema: TOML dates become strings.
fn as_json(text: &str, format: Format) -> Value {
    match format {
        Format::Json => serde_json::from_str(text).expect("json"),
        Format::Toml => {
            fn convert(v: toml::Value) -> Value {
                match v {
                    toml::Value::String(s) => Value::String(s),
                    toml::Value::Integer(i) => Value::from(i),
                    toml::Value::Float(f) => {
                        serde_json::from_str(&f.to_string()).expect("number")
                    }
                    toml::Value::Boolean(b) => Value::Bool(b),
                    toml::Value::Datetime(d) => Value::String(d.to_string()),
                    toml::Value::Array(a) => {
                        Value::Array(a.into_iter().map(convert).collect())
                    }
                    toml::Value::Table(t) => Value::Object(
                        t.into_iter().map(|(k, v)| (k, convert(v))).collect(),
                    ),
                }
            }
            convert(toml::from_str(text).expect("toml"))
        }
        other => unreachable!("{other:?}: the two formats are tested"),
    }
}

#[test]
fn the_schema_accepts_what_the_reader_accepts_and_rejects_what_it_rejects() {
    let schema = datafile::schema::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let mut good: Vec<(String, Format)> = vec![
        (
            std::fs::read_to_string(root().join("examples/data/wendeng_2023.toml"))
                .expect("r"),
            Format::Toml,
        ),
        (
            write::skeleton(agency("某局", AgencyKind::Department), 2025, Format::Toml),
            Format::Toml,
        ),
        (
            write::skeleton(
                agency("某市人民政府", AgencyKind::PeoplesGovernment),
                2025,
                Format::Json,
            ),
            Format::Json,
        ),
    ];
    let seed_json = root().join("examples/data/wendeng_2023.json");
    good.push((std::fs::read_to_string(seed_json).expect("readable"), Format::Json));
    for r in real_reports() {
        good.push((with_tables(&r["tables"], 2024), Format::Json));
    }
    for (text, format) in &good {
        let loaded = load("good", text, *format);
        assert!(loaded.report.is_some(), "{:?}", loaded.problems);
        let errors: Vec<String> = validator
            .iter_errors(&as_json(text, *format))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    let base =
        write::skeleton(agency("某局", AgencyKind::Department), 2025, Format::Json);
    let broken = [
        base.replacen("\"1.属于国家秘密\"", "\"1.属于国家机密\"", 1),
        base.replacen("\"kind\": \"department\"", "\"kind\": \"bureau\"", 1),
        base.replacen("\"year\": 2025", "\"year\": \"2025\"", 1),
        base.replacen("\"本年制发件数\": 0", "\"本年制发件数\": -1", 1),
        base.replacen("\"year\": 2025,", "\"year\": 2025, \"extra\": 1,", 1),
        base.replacen("\"自然人\": 0", "\"自然人\": 1.5", 1),
    ];
    for text in &broken {
        assert_ne!(text, &base);
        let loaded = load("bad", text, Format::Json);
        assert!(loaded.has_errors(), "the reader rejects it: {text}");
        assert!(
            !validator.is_valid(&as_json(text, Format::Json)),
            "the schema rejects it: {text}"
        );
    }
}

#[test]
fn a_label_variant_is_read_with_a_warning_at_its_line() {
    let text =
        write::skeleton(agency("某局", AgencyKind::Department), 2025, Format::Toml);
    let variant = text.replacen("\"3.其他\"", "\"3、其他\"", 1);
    assert_ne!(variant, text);
    let line = variant.lines().position(|l| l.contains("3、其他")).expect("there") + 1;
    let loaded = load("variant.toml", &variant, Format::Toml);
    assert!(loaded.report.is_some());
    let p =
        loaded.problems.iter().find(|p| p.rule == "LABEL-VARIANT").expect("a warning");
    assert!(!p.is_error());
    assert_eq!(p.place.as_ref().map(|p| p.line), Some(line), "{p}");
}

#[test]
fn a_2019_label_is_pointed_at_by_its_key() {
    let text =
        write::skeleton(agency("某局", AgencyKind::Department), 2025, Format::Toml);
    let old = text.replacen("\"本年制发件数\" = 0", "\"本年新制作数量\" = 0", 1);
    let line = old.lines().position(|l| l.contains("本年新制作数量")).expect("there") + 1;
    let loaded = load("2019.toml", &old, Format::Toml);
    let p = loaded.problems.iter().find(|p| p.rule == "F2019").expect("F2019");
    let at = p.place.as_ref().expect("located");
    assert_eq!((at.line, at.column), (line, 1), "{p}");
    assert_eq!(&old[at.span.clone()], "\"本年新制作数量\"");
}

#[test]
fn every_text_field_is_written_at_its_key() {
    use report_core::{Diagnostic, Item, Rule};
    let mut report = wendeng_2023();
    report.overview.assessment = Some(Item::new("考核情况", ["考核段落。".to_owned()]));
    let mut item = Item::new("问题", ["问题段落。".to_owned()]);
    item.items
        .push(Item::new("子项", ["子项段落一。".to_owned(), "子项段落二。".to_owned()]));
    report.problems.items.push(item);
    report.agency.address = "某地址".into();
    let fields = report_core::fields::fields(&report);
    for format in [Format::Toml, Format::Json] {
        let text = write::to_string(&report, format);
        let loaded = load("written", &text, format);
        // A warning about each text, as the renderer gives one (a character drawn from
        // the fallback font), placed in the file by the text's key.
        let warnings: Vec<Diagnostic> = fields
            .iter()
            .map(|field| {
                Diagnostic::from_id(
                    Rule::Font,
                    field.location.clone(),
                    "font-fallback",
                    vec![],
                )
            })
            .collect();
        for (field, located) in fields.iter().zip(loaded.locate(warnings)) {
            let at = located.place.as_ref().unwrap_or_else(|| {
                panic!("{format:?}: {} is not placed in the file", field.location)
            });
            let Some(expected) = field.text else { continue };
            let written = &text[at.span.clone()];
            let value: String = match format {
                Format::Toml => toml::from_str::<toml::Value>(&format!("v = {written}"))
                    .unwrap_or_else(|e| panic!("{}: {written}: {e}", field.location))["v"]
                    .as_str()
                    .expect("a string")
                    .to_owned(),
                Format::Json => serde_json::from_str(written)
                    .unwrap_or_else(|e| panic!("{}: {written}: {e}", field.location)),
                other => unreachable!("{other:?}: the two formats are tested"),
            };
            assert_eq!(value, expected, "{format:?}: {}", field.location);
        }
    }
    let locations: Vec<String> = fields.iter().map(|f| f.location.to_string()).collect();
    assert!(
        locations.contains(
            &"五、存在的主要问题及改进情况 / （一）问题 / 1.子项 / 第2段".to_owned()
        ),
        "{locations:#?}"
    );
}
