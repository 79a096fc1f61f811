//! The model through serde: exact fees, JSON and TOML round trips, unknown fields rejected.

use crate::common;

use report_core::{ActiveDisclosure, Decimal, Report};
use serde_json::Value;

const FEES: [&str; 3] = ["24252.311082", "96171.6", "0.10"];

fn table_json(fee: &str) -> String {
    format!(
        r#"{{"rules": {{"issued": 0, "repealed": 0, "in_force": 0}},
            "normative_documents": {{"issued": 1, "repealed": 0, "in_force": 1}},
            "licensing": 447228, "penalties": 3985758, "enforcement": 88283,
            "fees": {fee}}}"#
    )
}

/// Through the model's own serde, a JSON number is what serde_json reads it as: an
/// `f64`. Its value is kept as far as an `f64` has it (short fees exactly, trailing zeros
/// dropped); the digits as written need a string, or a data file (`datafile::load`, which
/// reads them from the file's text). report-core does not turn on serde_json's
/// `arbitrary_precision`, which would change every other crate's JSON in the build.
#[test]
fn fee_from_a_json_number_is_its_float_value() {
    for fee in FEES {
        let table: ActiveDisclosure = serde_json::from_str(&table_json(fee)).unwrap();
        assert_eq!(table.fees, fee.parse::<Decimal>().unwrap(), "{fee}");
        // Written (as a string), read again: the same value, every digit of it.
        let json = serde_json::to_string(&table).unwrap();
        let again: ActiveDisclosure = serde_json::from_str(&json).unwrap();
        assert_eq!(again.fees.to_string(), table.fees.to_string(), "through {json}");
    }
    // Past an f64's precision, a number loses digits; a string keeps them.
    let long = "12345678.1234567891";
    let table: ActiveDisclosure = serde_json::from_str(&table_json(long)).unwrap();
    assert_ne!(table.fees.to_string(), long);
    let table: ActiveDisclosure =
        serde_json::from_str(&table_json(&format!("\"{long}\""))).unwrap();
    assert_eq!(table.fees.to_string(), long);
}

#[test]
fn fee_from_a_json_string_keeps_every_digit() {
    for fee in FEES {
        let table: ActiveDisclosure =
            serde_json::from_str(&table_json(&format!("\"{fee}\""))).unwrap();
        assert_eq!(table.fees.to_string(), fee);
    }
}

#[test]
fn fee_through_a_json_value_is_its_float_value() {
    for fee in FEES {
        let value: Value = serde_json::from_str(&table_json(fee)).unwrap();
        assert!(value["fees"].is_f64(), "a plain serde_json number: {value}");
        let table: ActiveDisclosure = serde_json::from_value(value).unwrap();
        assert_eq!(table.fees, fee.parse::<Decimal>().unwrap(), "{fee}");
    }
}

#[test]
fn fee_through_toml_keeps_every_digit() {
    for fee in FEES {
        let table = ActiveDisclosure {
            fees: fee.parse::<Decimal>().unwrap(),
            ..ActiveDisclosure::default()
        };
        let text = toml::to_string(&table).unwrap();
        let again: ActiveDisclosure = toml::from_str(&text).unwrap();
        assert_eq!(again.fees.to_string(), fee, "through {text}");
        // Written as a TOML string, read from a TOML string.
        let written = text.replace(&format!("fees = \"{fee}\""), "");
        assert_ne!(written, text, "the fee is written as a string: {text}");
    }
}

#[test]
fn fee_from_a_toml_float_keeps_its_digits() {
    // A TOML float is an f64 to the toml crate: digits are kept as far as the shortest
    // text of that f64 goes (a trailing zero is not: write `fees = "0.10"` for that).
    for fee in ["24252.311082", "96171.6"] {
        let text = toml::to_string(&ActiveDisclosure::default())
            .unwrap()
            .replace("fees = \"0\"", &format!("fees = {fee}"));
        let table: ActiveDisclosure = toml::from_str(&text).unwrap();
        assert_eq!(table.fees.to_string(), fee, "from {text}");
    }
}

fn full_report() -> Report {
    let mut report = common::built_report();
    report.applications = common::stated(common::built_tables()).applications;
    report.reviews_and_lawsuits.review.stated_total = Some(7);
    report.active_disclosure.fees = "0.10".parse().unwrap();
    report.overview.platforms.items = vec![report_core::Item {
        title: "网站".into(),
        paragraphs: vec!["一段。".into()],
        items: vec![report_core::Item::new("栏目", ["两段。"])],
        tables: vec![],
    }];
    report
}

#[test]
fn the_report_round_trips_through_json() {
    let report = full_report();
    let json = serde_json::to_string_pretty(&report).unwrap();
    let again: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(again, report);
    assert_eq!(again.active_disclosure.fees.to_string(), "0.10");
    let built = common::built_report();
    let again: Report =
        serde_json::from_str(&serde_json::to_string(&built).unwrap()).unwrap();
    assert_eq!(again, built);
    assert_eq!(again.applications.received.stated_total, None, "computed stays computed");
}

#[test]
fn the_report_round_trips_through_toml() {
    let report = full_report();
    let text = toml::to_string(&report).unwrap();
    let again: Report = toml::from_str(&text).unwrap();
    assert_eq!(again, report);
    assert_eq!(again.active_disclosure.fees.to_string(), "0.10");
}

#[test]
fn field_names_are_stable() {
    let json: Value = serde_json::to_value(full_report()).unwrap();
    let keys = |v: &Value| -> Vec<String> {
        v.as_object().unwrap().keys().cloned().collect::<Vec<_>>()
    };
    let mut top = keys(&json);
    top.sort();
    assert_eq!(
        top,
        [
            "active_disclosure",
            "agency",
            "applications",
            "date",
            "other_matters",
            "overview",
            "preamble",
            "problems",
            "reviews_and_lawsuits",
            "year"
        ]
    );
    assert_eq!(json["agency"]["kind"], "peoples_government");
    assert_eq!(json["agency"]["level"], "prefecture");
    assert_eq!(json["date"], "2024-02-20");
    assert_eq!(json["reviews_and_lawsuits"]["review"]["stated_total"], 7);
    assert_eq!(json["applications"]["received"]["natural_persons"], 30);
}

/// Every object in `value`, by its JSON pointer.
fn object_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(at.clone());
            for (k, v) in map {
                object_pointers(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                object_pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn an_unknown_field_anywhere_is_an_error() {
    let json: Value = serde_json::to_value(full_report()).unwrap();
    let mut pointers = Vec::new();
    object_pointers(&json, String::new(), &mut pointers);
    // Report, Agency, Overview, Items (three levels), Prose, OtherMatters, and every table
    // struct: 55 objects.
    assert!(pointers.len() > 50, "{} objects", pointers.len());
    for pointer in &pointers {
        let mut broken = json.clone();
        let object = broken.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
        object.insert("natural_person".into(), Value::from(1));
        let text = serde_json::to_string(&broken).unwrap();
        let err = serde_json::from_str::<Report>(&text)
            .expect_err(&format!("an unknown field at `{pointer}` must be rejected"));
        assert!(err.to_string().contains("unknown field"), "{err}");
        // And the same through TOML.
        let text =
            toml::to_string(&serde_json::from_str::<Value>(&text).unwrap()).unwrap();
        assert!(toml::from_str::<Report>(&text).is_err(), "TOML at {pointer}");
    }
}

#[test]
fn an_unknown_enum_variant_is_an_error() {
    let mut json: Value = serde_json::to_value(full_report()).unwrap();
    json["agency"]["kind"] = Value::from("departmnet");
    assert!(serde_json::from_value::<Report>(json.clone()).is_err());
    json["agency"]["kind"] = Value::from("department");
    json["agency"]["level"] = Value::from("city");
    assert!(serde_json::from_value::<Report>(json.clone()).is_err());
    json["agency"]["level"] = Value::from("county");
    assert!(serde_json::from_value::<Report>(json).is_ok());
}

#[test]
fn negative_or_fractional_counts_are_rejected_by_the_types() {
    for bad in ["-1", "1.5", "\"/\"", "null"] {
        let json = table_json("0")
            .replace("\"licensing\": 447228", &format!("\"licensing\": {bad}"));
        assert!(serde_json::from_str::<ActiveDisclosure>(&json).is_err(), "{bad}");
    }
}
