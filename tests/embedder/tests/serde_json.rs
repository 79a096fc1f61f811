//! An embedder's serde_json with report-core and report-typst in the build, every feature
//! on: each ordinary use gives serde_json's documented result. With serde_json's
//! `arbitrary_precision` turned on by a dependency (as report-core once did), seven of
//! these fail: numbers then reach `deserialize_any` as a map.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::{Value, json};

/// The renderer is in this build, with every feature (not just named: used).
#[test]
fn the_libraries_are_linked_with_every_feature() {
    use report_core::{AdminLevel, Agency, AgencyKind};
    let agency = Agency::new("某局", AgencyKind::Department, AdminLevel::County);
    let skeleton = report_typst::report_core::datafile::write::skeleton(
        agency,
        2025,
        report_core::datafile::Format::Toml,
    );
    assert!(skeleton.contains("某局"), "{skeleton}");
    let options =
        report_typst::docx::docx_options(&report_typst::RenderOptions::default());
    assert!(options.is_ok());
    // The page importer reads a page (this one has no report on it: refused, not a panic).
    let page = "<html><body><p>无关内容</p></body></html>";
    assert!(report_core::import::import(page.as_bytes()).is_err());
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged)]
enum Loose {
    Int(i64),
    Float(f64),
    Text(String),
}

#[test]
fn an_untagged_enum_reads_a_float() {
    let v: Loose = serde_json::from_str("1.5").expect("1.5 is a float");
    assert_eq!(v, Loose::Float(1.5));
    assert_eq!(serde_json::from_str::<Loose>("7").expect("an int"), Loose::Int(7));
    assert_eq!(
        serde_json::from_str::<Loose>("\"x\"").expect("a text"),
        Loose::Text("x".into())
    );
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "kind")]
enum Shape {
    Circle { radius: f64 },
}

#[test]
fn an_internally_tagged_enum_reads_a_float() {
    let v: Shape =
        serde_json::from_str(r#"{"kind": "Circle", "radius": 1.5}"#).expect("a circle");
    assert_eq!(v, Shape::Circle { radius: 1.5 });
}

#[derive(Debug, Deserialize)]
struct Prices {
    currency: String,
    #[serde(flatten)]
    items: HashMap<String, f64>,
}

#[test]
fn a_flattened_map_of_floats_reads() {
    let v: Prices =
        serde_json::from_str(r#"{"currency": "CNY", "tea": 1.5, "rice": 2.25}"#)
            .expect("prices");
    assert_eq!(v.currency, "CNY");
    assert_eq!(v.items["tea"], 1.5);
    assert_eq!(v.items["rice"], 2.25);
}

/// What a hand-written `deserialize_any` visitor was given.
#[derive(Debug, PartialEq)]
enum Seen {
    F64(f64),
    U64(u64),
    Map,
}

impl<'de> Deserialize<'de> for Seen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Seen;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_f64<E>(self, v: f64) -> Result<Seen, E> {
                Ok(Seen::F64(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Seen, E> {
                Ok(Seen::U64(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Seen, A::Error> {
                Ok(Seen::Map)
            }
        }
        d.deserialize_any(V)
    }
}

#[test]
fn a_hand_written_visitor_is_given_a_float() {
    assert_eq!(serde_json::from_str::<Seen>("1.5").expect("a number"), Seen::F64(1.5));
    assert_eq!(serde_json::from_str::<Seen>("15").expect("a number"), Seen::U64(15));
}

#[test]
fn numbers_compare_by_value() {
    let a: Value = serde_json::from_str("1.50").expect("json");
    let b: Value = serde_json::from_str("1.5").expect("json");
    assert_eq!(a, b);
    assert!(a.is_f64());
    assert_eq!(a.as_f64(), Some(1.5));
}

#[test]
fn numbers_print_in_serde_jsons_form() {
    let v: Value = serde_json::from_str("1e2").expect("json");
    assert_eq!(v.to_string(), "100.0");
    let v: Value = serde_json::from_str("0.10").expect("json");
    assert_eq!(v.to_string(), "0.1");
    assert_eq!(json!({"fee": 1.5}).to_string(), r#"{"fee":1.5}"#);
}

#[test]
fn integers_are_unchanged() {
    let v: Value = serde_json::from_str("18446744073709551615").expect("u64::MAX");
    assert_eq!(v.as_u64(), Some(u64::MAX));
    let v: Value = serde_json::from_str("-3").expect("json");
    assert_eq!(v.as_i64(), Some(-3));
}

/// Inside the renderer's own sandbox: Typst's `json()` reads `1.5` as a float (with
/// `arbitrary_precision` in the build it read a dictionary, `("$serde_json::private::Number": "1.5")`).
/// The document asserts it; a failed assertion is a compile error.
#[test]
fn typst_json_reads_a_float_in_the_sandbox() {
    let source = r#"#let data = json(bytes("{\"fee\": 1.5, \"count\": 3}"))
#assert.eq(type(data.fee), float)
#assert.eq(data.fee, 1.5)
#assert.eq(type(data.count), int)
#data.fee
"#;
    let date = report_core::chrono::NaiveDate::from_ymd_opt(2024, 1, 22).expect("a date");
    let rendered = report_typst::render_source(
        source.to_owned(),
        date,
        &report_typst::RenderOptions::default(),
    )
    .unwrap_or_else(|f| panic!("json() in the sandbox: {f}"));
    assert_eq!(rendered.pages, 1);
}
