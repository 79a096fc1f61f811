//! A fee is printed exactly as the data file writes it, in TOML and JSON alike, in the
//! PDF, the web page and the Word document: never through a float (`0.10` stays `0.10`,
//! `12345678.1234567891` keeps its digits). A fee with more significant digits than the
//! model keeps exactly is refused at its line and column, never rounded.

use proptest::prelude::*;
use report_core::datafile::{self, Format, Source};
use report_core::docx::DocxOptions;
use report_core::html::HtmlOptions;
use report_tests::{compact, docx_part, extract_text};

const TOML: &str = include_str!("../../examples/data/wendeng_2023.toml");
const JSON: &str = include_str!("../../examples/data/wendeng_2023.json");

/// The seed's data file with its fee cell set to `fee` (as written), and the byte
/// offset where the fee's text starts.
fn with_fee(format: Format, fee: &str) -> (String, usize) {
    let (text, key) = match format {
        Format::Toml => (TOML, "\"本年收费金额（单位：万元）\" = "),
        Format::Json => (JSON, "\"本年收费金额（单位：万元）\": "),
        _ => unreachable!("two formats"),
    };
    let cell = format!("{key}0");
    assert_eq!(text.matches(&cell).count(), 1, "the seed's fee cell is 0, once");
    let at = text.find(&cell).expect("the fee cell") + key.len();
    (text.replacen(&cell, &format!("{key}{fee}"), 1), at)
}

/// A decimal text as people write fees: an integer part without leading zeros and an
/// optional fraction, at most `max` significant digits. Integers without a fraction stay
/// within TOML's 64-bit integers.
fn fee_text(max: usize) -> impl Strategy<Value = String> {
    (0usize..=20, 0usize..=28, any::<bool>(), any::<u64>()).prop_map(
        move |(int, frac, zero, seed)| {
            let mut state = seed | 1;
            let mut digit = |first: bool| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let d = (state % 10) as u8;
                char::from(b'0' + if first && d == 0 { 1 } else { d })
            };
            let int_part: String = if zero || int == 0 {
                "0".into()
            } else {
                (0..int).map(|i| digit(i == 0)).collect()
            };
            let room = max.saturating_sub(int_part.trim_start_matches('0').len());
            let frac = frac.min(room);
            let int_part = if frac == 0 && int_part.len() > 18 {
                int_part[..18].to_owned()
            } else {
                int_part
            };
            match frac {
                0 => int_part,
                n => format!(
                    "{int_part}.{}",
                    (0..n).map(|_| digit(false)).collect::<String>()
                ),
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn a_fee_prints_exactly_everywhere(fee in fee_text(28), json in any::<bool>()) {
        let format = if json { Format::Json } else { Format::Toml };
        let (text, _) = with_fee(format, &fee);
        let loaded = datafile::load(Source::new("fee", text, format), None).expect("parses");
        let report = loaded.valid_report().unwrap_or_else(|| {
            panic!("{fee}: {:?}", loaded.problems.iter().map(ToString::to_string).collect::<Vec<_>>())
        });
        prop_assert_eq!(report.active_disclosure.fees.to_string(), fee.clone());

        let page = report_core::html::page(report, &HtmlOptions::default());
        prop_assert!(page.contains(&format!(">{fee}<")), "{fee} is not a cell of the web page");

        let docx = report_core::docx::render(report, &DocxOptions::default()).expect("a Word document");
        prop_assert!(docx_part(&docx.docx, "word/document.xml").contains(&format!(">{fee}<")), "{fee} is not in the Word document");

        let pdf = report_typst::render(report, &report_typst::RenderOptions::default()).expect("a PDF").pdf;
        // A long fee wraps inside its cell: its digits follow each other in the text.
        let pdf_text = compact(&extract_text(&pdf));
        prop_assert!(pdf_text.contains(&format!("行政事业性收费{fee}")), "{fee} is not in the PDF after its label");
    }

    #[test]
    fn a_fee_too_precise_is_refused_at_its_place(extra in 1usize..=8, fee in fee_text(28), json in any::<bool>()) {
        // More significant digits than 28: the fee with `extra` digits appended.
        let digits = fee.trim_start_matches(['0', '.']).replace('.', "").len();
        let fee = match fee.contains('.') {
            true => format!("{fee}{}", "7".repeat(28 - digits + extra)),
            false => format!("{fee}.{}", "7".repeat(28 - digits + extra)),
        };
        let format = if json { Format::Json } else { Format::Toml };
        let (text, at) = with_fee(format, &fee);
        let line = text[..at].matches('\n').count() + 1;
        let column = text[..at].rsplit('\n').next().expect("a line").chars().count() + 1;
        let loaded = datafile::load(Source::new("fee", text, format), None).expect("parses");
        prop_assert!(loaded.report.is_none(), "{fee} was read");
        let problem = loaded
            .problems
            .iter()
            .find(|p| p.text.as_ref().is_some_and(|t| t.id == "cell-fee-digits"))
            .unwrap_or_else(|| panic!("{fee}: {:?}", loaded.problems.iter().map(ToString::to_string).collect::<Vec<_>>()));
        prop_assert!(problem.is_error());
        let position = problem.place.as_ref().expect("placed");
        prop_assert_eq!((position.line, position.column), (line, column), "{}", fee);
        prop_assert_eq!(problem.found.as_deref(), Some(fee.as_str()));
    }
}

/// The two examples of the report that found the loss: a trailing zero and a long fee.
#[test]
fn the_fees_that_lost_digits_are_exact() {
    for fee in ["0.10", "12345678.1234567891"] {
        for format in [Format::Toml, Format::Json] {
            let (text, _) = with_fee(format, fee);
            let loaded =
                datafile::load(Source::new("fee", text, format), None).expect("parses");
            let report = loaded.valid_report().expect("clean");
            assert_eq!(report.active_disclosure.fees.to_string(), fee, "{format:?}");
        }
    }
}
