//! Reading a data file never panics, whatever the bytes: random text, the seed file with
//! a random slice replaced, any number in any cell; and whatever it returns is
//! consistent (a problem's position lies inside the file).

use proptest::prelude::*;
use report_core::datafile::{self, Format, Loaded, Source, source_from_bytes};

fn seed(format: Format) -> String {
    datafile::write::to_string(&report_examples::wendeng_2023(), format)
}

fn consistent(loaded: &Loaded) {
    for p in &loaded.problems {
        if let Some(pos) = &p.position {
            assert!(pos.span.end <= loaded.source.text.len());
            assert!(pos.line >= 1 && pos.column >= 1);
        }
    }
    if !loaded.has_errors() {
        assert!(loaded.report.is_some());
    }
}

fn read(bytes: Vec<u8>, format: Format) {
    let Ok(source) = source_from_bytes("fuzz".into(), bytes, format) else { return };
    if let Ok(loaded) = datafile::load(source, None) {
        consistent(&loaded);
    }
}

proptest! {
    // No regression files: they would land in a new top-level folder.
    #![proptest_config(ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        read(bytes.clone(), Format::Toml);
        read(bytes, Format::Json);
    }

    #[test]
    fn a_random_slice_replaced_never_panics(
        json in any::<bool>(),
        at in 0.0f64..1.0,
        len in 0usize..40,
        with in "[\\[\\]{}\"=,:.0-9a-z\\-\n 总计（）]{0,12}",
    ) {
        let format = if json { Format::Json } else { Format::Toml };
        let text = seed(format);
        let mut start = (at * text.len() as f64) as usize;
        while !text.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &text[..start], with, &text[end..]);
        read(mutated.into_bytes(), format);
    }

    #[test]
    fn any_number_in_any_cell_is_read_or_located(
        json in any::<bool>(),
        nth in 0usize..200,
        value in prop_oneof![
            any::<i64>().prop_map(|v| v.to_string()),
            any::<u64>().prop_map(|v| v.to_string()),
            any::<f64>().prop_map(|v| format!("{v:?}")),
            Just("184467440737095516160".to_owned()),
        ],
    ) {
        let format = if json { Format::Json } else { Format::Toml };
        let text = seed(format);
        let needle = if json { ": 0" } else { " = 0" };
        let count = text.matches(needle).count();
        let Some((at, _)) = text.match_indices(needle).nth(nth % count) else { return Ok(()) };
        let sep = if json { ": " } else { " = " };
        let mutated = format!("{}{sep}{value}{}", &text[..at], &text[at + needle.len()..]);
        let source = Source::new("cell", mutated, format);
        if let Ok(loaded) = datafile::load(source, None) {
            consistent(&loaded);
            // Negative, an integer beyond u64, or a float in a count cell: never a
            // count. The fee (the first cells of the seed are counts) takes decimals.
            let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
            let fee = line.contains("万元");
            // (A fee so small it rounds to 0 at Decimal's 28 digits is 0.)
            let negative =
                value.parse::<f64>().is_ok_and(|v| v < 0.0 && !(fee && v > -1e-20));
            let float = value.contains(['.', 'e', 'E']) && !fee;
            let too_large = !fee
                && !value.contains(['.', 'e', 'E'])
                && value.parse::<i128>().map_or(true, |v| v > i128::from(u64::MAX));
            if negative || too_large || float {
                prop_assert!(loaded.has_errors(), "{value} was accepted");
                let located = loaded.problems.iter().any(|p| p.position.is_some());
                prop_assert!(located, "{value}: {:?}", loaded.problems);
            }
        }
    }
}

/// Cases the properties once found, kept as plain tests.
#[test]
fn cases_found_by_the_properties() {
    let toml = seed(Format::Toml);
    // A float in a count cell is an error; a fee so small it is 0 is 0.
    let float = toml.replacen("\"本年制发件数\" = 0", "\"本年制发件数\" = 0.0", 1);
    let loaded =
        datafile::load(Source::new("f", float, Format::Toml), None).expect("parses");
    assert!(loaded.problems.iter().any(|p| p.rule == "ALL" && p.position.is_some()));
    let fee = "\"本年收费金额（单位：万元）\" = 0";
    assert!(toml.contains(fee));
    let tiny = toml.replacen(fee, "\"本年收费金额（单位：万元）\" = -6.7e-288", 1);
    let loaded =
        datafile::load(Source::new("t", tiny, Format::Toml), None).expect("parses");
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    let big =
        toml.replacen(fee, "\"本年收费金额（单位：万元）\" = 184467440737095516160", 1);
    // A fee beyond u64 is still a valid Decimal: read as given.
    let loaded =
        datafile::load(Source::new("b", big, Format::Toml), None).expect("parses");
    let report = loaded.report.expect("read");
    assert_eq!(report.active_disclosure.fees.to_string(), "184467440737095516160");
}
