//! Reading a data file never panics, whatever the bytes: random bytes, the seed files
//! mutated (most of them still read past the UTF-8 check), the seed file with a random
//! slice replaced, any number in any cell (read exactly, or refused at its place); and
//! whatever it returns is consistent (a problem's position lies inside the file).

use proptest::prelude::*;
use report_core::datafile::{self, Format, Loaded, Source, source_from_bytes};

fn seed(format: Format) -> String {
    datafile::write::to_string(&report_examples::wendeng_2023(), format)
}

fn consistent(loaded: &Loaded) {
    for p in &loaded.problems {
        if let Some(pos) = &p.place {
            assert!(pos.span.end <= loaded.source.text.len());
            assert!(pos.line >= 1 && pos.column >= 1);
        }
    }
    if !loaded.has_errors() {
        assert!(loaded.report.is_some());
    }
}

/// How far an input got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reached {
    /// Refused as bytes: not UTF-8, or empty.
    Bytes,
    /// Refused by the TOML or JSON parser.
    Syntax,
    /// Read: problems listed, maybe a report.
    Loaded,
    /// Read into a report.
    Report,
}

fn read(bytes: Vec<u8>, format: Format) -> Reached {
    let Ok(source) = source_from_bytes("fuzz".into(), bytes, format) else {
        return Reached::Bytes;
    };
    let len = source.text.len();
    match datafile::load(source, None) {
        Ok(loaded) => {
            consistent(&loaded);
            if loaded.report.is_some() { Reached::Report } else { Reached::Loaded }
        }
        Err(e) => {
            assert!(!e.to_string().trim().is_empty());
            if let Some(pos) = e.position() {
                assert!(pos.span.end <= len && pos.line >= 1 && pos.column >= 1, "{e}");
            }
            Reached::Syntax
        }
    }
}

/// Pieces of syntax and text to splice into a file.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "[[",
    "]]",
    "\"",
    "'",
    "\"\"\"",
    ":",
    "=",
    ",",
    ".",
    "\n",
    "#",
    "\\",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "-1",
    "1.5",
    "1e999",
    "nan",
    "inf",
    "18446744073709551616",
    "2024-02-30",
    "总计",
    "自然人",
    "（一）予以公开",
    "\u{202e}",
    "\u{0}",
    "\u{feff}",
];

/// One change to a file: a bit flipped anywhere (which may break UTF-8), or an ASCII byte
/// changed, a run of characters deleted or duplicated, or a piece spliced in, at a
/// character boundary.
#[derive(Debug, Clone)]
struct Mutation {
    at: f64,
    kind: u8,
    len: usize,
    bit: u8,
    piece: &'static str,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (0.0f64..1.0, 0u8..6, 1usize..64, 0u8..8, proptest::sample::select(PIECES))
        .prop_map(|(at, kind, len, bit, piece)| Mutation { at, kind, len, bit, piece })
}

fn mutate(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let n = bytes.len();
        let mut at = ((m.at * n as f64) as usize).min(n);
        // A character boundary, as long as the bytes are still UTF-8.
        if let Ok(s) = std::str::from_utf8(&bytes) {
            while !s.is_char_boundary(at) {
                at -= 1;
            }
        }
        let mut end = (at + m.len).min(n);
        if let Ok(s) = std::str::from_utf8(&bytes) {
            while !s.is_char_boundary(end) {
                end -= 1;
            }
        }
        match m.kind {
            0 if at < n => bytes[at] ^= 1 << m.bit,
            1 => {
                // An ASCII byte at or after `at` becomes another ASCII byte.
                if let Some(i) = (at..n).find(|&i| bytes[i].is_ascii()) {
                    bytes[i] ^= 1 << (m.bit % 7);
                }
            }
            2 => {
                bytes.drain(at..end);
            }
            3 => {
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                bytes.splice(at..at, m.piece.bytes());
            }
        }
    }
    bytes
}

/// Runs `cases` generated cases of `strategy` through `test` with proptest's settings
/// (`PROPTEST_RNG_SEED` included), and returns how far each input got.
fn run_counting<S: Strategy>(
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Vec<Reached>,
) -> Vec<Reached> {
    use std::cell::RefCell;
    let config =
        ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() };
    let reached = RefCell::new(Vec::new());
    proptest::test_runner::TestRunner::new(config)
        .run(&strategy, |value| {
            reached.borrow_mut().extend(test(value));
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    reached.into_inner()
}

#[test]
fn random_bytes_never_panic() {
    let reached =
        run_counting(300, proptest::collection::vec(any::<u8>(), 0..400), |bytes| {
            vec![read(bytes.clone(), Format::Toml), read(bytes, Format::Json)]
        });
    assert_eq!(reached.len(), 600);
}

#[test]
fn valid_files_mutated_never_panic_and_most_are_read_past_their_bytes() {
    // Random bytes almost never are UTF-8: these start from the valid files, so that most
    // inputs reach the parsers, and many the reader of the report behind them.
    let seeds = [seed(Format::Toml), seed(Format::Json)];
    let strategy = (any::<bool>(), proptest::collection::vec(mutation(), 1..5));
    let reached = run_counting(400, strategy, |(json, mutations)| {
        let format = if json { Format::Json } else { Format::Toml };
        vec![read(mutate(&seeds[usize::from(json)], &mutations), format)]
    });
    let past_bytes = reached.iter().filter(|r| **r > Reached::Bytes).count();
    let past_syntax = reached.iter().filter(|r| **r > Reached::Syntax).count();
    let reports = reached.iter().filter(|r| **r == Reached::Report).count();
    assert!(
        past_bytes * 2 >= reached.len()
            && past_syntax * 5 >= reached.len()
            && reports * 20 >= reached.len(),
        "of {} inputs, {past_bytes} were read past their bytes, {past_syntax} past the \
         parser and {reports} into a report",
        reached.len()
    );
}

/// Whether an error is placed on line `line`, the line of the value refused.
fn refused_at(loaded: &Loaded, line: usize) -> bool {
    loaded
        .problems
        .iter()
        .any(|p| p.is_error() && p.place.as_ref().is_some_and(|at| at.line == line))
}

/// A number that is valid TOML and JSON: any integer, any finite float.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|v| v.to_string()),
        any::<u64>().prop_map(|v| v.to_string()),
        (0..1000u64).prop_map(|v| v.to_string()),
        any::<f64>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(|v| format!("{v:?}")),
        (0..100_000u32, 0..1000u32).prop_map(|(a, b)| format!("{a}.{b}")),
        Just("184467440737095516160".to_owned()),
    ]
}

proptest! {
    // No regression files: they would land in a new top-level folder.
    #![proptest_config(ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

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
        value in number(),
    ) {
        let format = if json { Format::Json } else { Format::Toml };
        let text = seed(format);
        let needle = if json { ": 0" } else { " = 0" };
        let count = text.matches(needle).count();
        prop_assert!(count >= 40, "the seed's cells: {}", count);
        let (at, _) = text.match_indices(needle).nth(nth % count).expect("a cell");
        let sep = if json { ": " } else { " = " };
        let mutated = format!("{}{sep}{value}{}", &text[..at], &text[at + needle.len()..]);
        let source = Source::new("cell", mutated.clone(), format);
        let integer = !value.contains(['.', 'e', 'E']);
        let line = mutated[..at].matches('\n').count() + 1;
        let loaded = match datafile::load(source, None) {
            Ok(loaded) => loaded,
            // TOML's integers are 64-bit signed: a larger one is refused by the parser,
            // at its place.
            Err(e) => {
                let beyond_i64 = value.parse::<i64>().is_err();
                prop_assert!(!json && integer && beyond_i64, "{value} refused: {e}");
                prop_assert!(
                    e.position().is_some_and(|p| p.line == line),
                    "{value}: {e} not at line {line}"
                );
                return Ok(());
            }
        };
        consistent(&loaded);
        // The fee (in 万元) takes decimals; every other cell is a count.
        let fee = text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at].contains("万元");
        let count_ok = integer && value.parse::<u64>().is_ok();
        if !fee && count_ok {
            // Read: written back, the file is the same but for this cell. (The tables'
            // sums may now disagree: errors of other rules, not of reading.)
            let report = loaded.report.as_ref().expect("a report");
            // (TOML's integers stop at i64::MAX: the writer quotes a larger count.)
            let expected = if !json && value.parse::<i64>().is_err() {
                format!("{}{sep}\"{value}\"{}", &text[..at], &text[at + needle.len()..])
            } else {
                mutated.clone()
            };
            let written = datafile::write::to_string(report, format);
            let differs = written.lines().zip(expected.lines()).find(|(w, m)| w != m);
            prop_assert!(written == expected, "{value} read back as {differs:?}");
        } else if fee {
            // A fee is read exactly as written (the same significant digits at the same
            // power of ten, compared as text: no float, no Decimal arithmetic), or refused
            // at its place: never rounded, never 0 in place of a tiny amount.
            match loaded.report.as_ref() {
                Some(report) => {
                    let read = report.active_disclosure.fees.to_string();
                    prop_assert_eq!(exact(&read), exact(&value), "{} read as {}", value, read);
                    prop_assert!(
                        !value.starts_with('-') || exact(&value).0.is_empty(),
                        "a negative fee {} was read", value
                    );
                }
                None => prop_assert!(refused_at(&loaded, line), "{value}: {:?}", loaded.problems),
            }
            // Plain amounts a Decimal keeps (28 significant digits, 28 after the point)
            // must be read.
            let (int, frac) = value.split_once('.').unwrap_or((&value, ""));
            let plain = !value.contains(['e', 'E', '-']);
            let digits = format!("{int}{frac}").trim_start_matches('0').len();
            if plain && digits <= 28 && frac.len() <= 28 && int.len() <= 28 {
                prop_assert!(loaded.report.is_some(), "{value}: {:?}", loaded.problems);
            }
        } else {
            // Negative, beyond u64 or a fraction in a count.
            prop_assert!(refused_at(&loaded, line), "{value}: {:?}", loaded.problems);
        }
    }
}

/// A decimal text as its significant digits and the power of ten of the last one
/// (`0.0120` → ("12", -3), `1.5e3` → ("15", 2)); zero is ("", 0) whatever its sign.
fn exact(text: &str) -> (String, i64) {
    let text = text.trim_start_matches(['-', '+']);
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().expect("an exponent")),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let mut power = exponent - frac.len() as i64;
    let mut digits = all.trim_start_matches('0').to_owned();
    while digits.ends_with('0') {
        digits.pop();
        power += 1;
    }
    if digits.is_empty() { (digits, 0) } else { (digits, power) }
}

/// Cases the properties once found, kept as plain tests.
#[test]
fn cases_found_by_the_properties() {
    let toml = seed(Format::Toml);
    // A float in a count cell is an error; a fee so small that it cannot be kept exactly
    // is an error at its place, never rounded to 0.
    let float = toml.replacen("\"本年制发件数\" = 0", "\"本年制发件数\" = 0.0", 1);
    let loaded =
        datafile::load(Source::new("f", float, Format::Toml), None).expect("parses");
    assert!(loaded.problems.iter().any(|p| p.rule == "ALL" && p.place.is_some()));
    let fee = "\"本年收费金额（单位：万元）\" = 0";
    assert!(toml.contains(fee));
    let tiny = toml.replacen(fee, "\"本年收费金额（单位：万元）\" = -6.7e-288", 1);
    let loaded =
        datafile::load(Source::new("t", tiny, Format::Toml), None).expect("parses");
    let p = loaded
        .problems
        .iter()
        .find(|p| p.text.as_ref().is_some_and(|t| t.id == "cell-fee-digits"))
        .unwrap_or_else(|| panic!("{:?}", loaded.problems));
    assert!(p.is_error());
    assert_eq!(p.found.as_deref(), Some("-6.7e-288"));
    assert_eq!(p.place.as_ref().map(|p| p.line), Some(line_of_fee(&toml)));
    let big =
        toml.replacen(fee, "\"本年收费金额（单位：万元）\" = 184467440737095516160", 1);
    // A fee beyond u64 is still a valid Decimal: read as given.
    let loaded =
        datafile::load(Source::new("b", big, Format::Toml), None).expect("parses");
    let report = loaded.report.expect("read");
    assert_eq!(report.active_disclosure.fees.to_string(), "184467440737095516160");
}

/// The 1-based line of the seed's fee cell.
fn line_of_fee(toml: &str) -> usize {
    let at = toml.find("\"本年收费金额（单位：万元）\" = ").expect("the fee cell");
    toml[..at].matches('\n').count() + 1
}
