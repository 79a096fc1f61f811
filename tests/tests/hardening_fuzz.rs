//! A mutation fuzzer for the data-file reader and the validator that runs on stable Rust.
//!
//! Seeds are the sample data file (TOML and JSON), the sample report as serde writes it
//! (JSON) and the label-keyed tables as JSON; every input is a seed mutated by a small
//! deterministic generator (byte flips, splices of JSON/TOML syntax and extreme numbers,
//! deletions, duplications, truncations). Each input goes through `datafile::load` (TOML
//! and JSON, with last year's report), serde's `Report` and `LabelledTables` readers, and
//! `validate` on whatever parses, also against a report of the year before so that the
//! continuity checks (Y-CONT, S-CONT) run. What is loaded must be consistent (positions
//! inside the file, a report whenever there is no error). Any panic fails the test and
//! writes the input to `out/fuzz/`; the seeds must load, and some of the inputs must read
//! as reports.
//!
//! By default a fixed number of inputs runs (a few seconds). For a longer, time-bounded
//! run, as CI does: `GOVREPORT_FUZZ_SECONDS=45 cargo test --release -p report-tests --test
//! main hardening_fuzz::`; `GOVREPORT_FUZZ_SEED=n` picks another sequence.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use report_core::datafile::{self, Format, Source};
use report_core::labelled::LabelledTables;
use report_core::tables::Tables;
use report_core::{Report, validate};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// Fragments worth splicing in: syntax, extreme and odd numbers, odd strings.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "[[",
    "]]",
    "\"",
    "'",
    "'''",
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
    "false",
    "0",
    "-1",
    "-0",
    "1e999",
    "1.5",
    "3.0",
    "0x10",
    "nan",
    "inf",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999999",
    "-9223372036854775809",
    "2024-02-30",
    "0000-01-01",
    "9999-12-31T23:59:59Z",
    "\"\u{202e}\"",
    "\"\t\"",
    "\"#read(\\\"/etc/passwd\\\")\"",
    "总计",
    "自然人",
    "一、本年新收政府信息公开申请数量",
    "[applications]",
    "[agency]",
    "[[problems.items]]",
    "name = ",
    "\"year\": ",
    "\"date\": ",
    "stated_total",
    "paragraphs",
];

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(6) {
        let len = data.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(i..i, t.iter().copied());
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below((len - i).min(64)) + 1;
                data.drain(i..i + n);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below((len - i).min(256)) + 1;
                let copy = data[i..i + n].to_vec();
                let j = rng.below(len + 1);
                data.splice(j..j, copy);
            }
            4 => data.truncate(rng.below(len + 1)),
            5 if len > 0 => {
                // Replace a run of digits or a word with a token.
                let i = rng.below(len);
                let end =
                    (i..len).find(|&k| !data[k].is_ascii_alphanumeric()).unwrap_or(len);
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(i..end, t.iter().copied());
            }
            _ => {
                let i = rng.below(len + 1);
                data.insert(i, rng.next() as u8);
            }
        }
    }
    data
}

/// What the readers made of the inputs: proof that the fuzz reaches past the parsers.
#[derive(Default)]
struct Reached {
    /// Inputs from which `datafile::load` built a report.
    reports: u64,
    /// Reports validated against last year's report with the continuity checks run
    /// (no PREV stop).
    continuity: u64,
    /// Validations against last year's report that found a break of continuity (Y-CONT
    /// or S-CONT): proof the checks themselves ran, not only that nothing stopped them.
    broken_chain: u64,
}

/// Last year's report for `report`: `base` moved to the year before, by the same agency,
/// so that validation runs the continuity checks (Y-CONT, S-CONT) instead of stopping at
/// PREV.
fn previous_for(report: &Report, base: &Report) -> Report {
    let mut previous = base.clone();
    previous.year = report.year.saturating_sub(1);
    previous.agency.name = report.agency.name.clone();
    previous
}

/// A last year's report whose numbers differ from the seed's, extreme ones included.
fn last_year() -> Report {
    let mut previous = report_examples::wendeng_2023();
    previous.year -= 1;
    previous.applications.carried_forward.natural_persons = 7;
    previous.applications.carried_forward.others = u64::MAX;
    previous.active_disclosure.rules.in_force = u64::MAX;
    previous.active_disclosure.normative_documents.in_force = 3;
    previous
}

/// Last year's report with numbers drawn from `rng` among extremes: what it carried
/// forward and what it had in force.
fn last_year_drawn(rng: &mut Rng) -> Report {
    let mut pick = || {
        let choices = [0, 1, 7, 1000, u64::MAX - 1, u64::MAX, rng.next()];
        choices[rng.below(choices.len())]
    };
    let mut previous = last_year();
    let forward = &mut previous.applications.carried_forward;
    for count in [
        &mut forward.natural_persons,
        &mut forward.businesses,
        &mut forward.research_institutions,
        &mut forward.public_interest_organizations,
        &mut forward.legal_service_providers,
        &mut forward.others,
    ] {
        *count = pick();
    }
    let stock = &mut previous.active_disclosure;
    stock.rules.in_force = pick();
    stock.normative_documents.in_force = pick();
    previous
}

/// What a loaded file must satisfy, whatever the input: every position lies inside the
/// text, lines and columns count from 1, every problem prints, and a file without
/// errors has a report.
fn consistent(loaded: &datafile::Loaded) {
    for p in &loaded.problems {
        if let Some(pos) = &p.place {
            assert!(pos.span.start <= pos.span.end, "{p}: span {:?}", pos.span);
            assert!(pos.span.end <= loaded.source.text.len(), "{p}: span {:?}", pos.span);
            assert!(pos.line >= 1 && pos.column >= 1, "{p}: {}:{}", pos.line, pos.column);
        }
        assert!(!p.to_string().trim().is_empty(), "a problem prints as nothing");
    }
    if !loaded.has_errors() {
        assert!(loaded.report.is_some(), "no error and no report");
    }
}

/// Validates `report` against last year's: whether the continuity checks ran (PREV,
/// which stops them or doubts the agency, was not raised), and whether they found a
/// break (Y-CONT or S-CONT).
fn validate_with_previous(report: &Report, previous: &Report) -> (bool, bool) {
    let found = validate::validate(report, Some(previous));
    let ran = !found.iter().any(|d| d.rule.id() == "PREV");
    let broken = found.iter().any(|d| matches!(d.rule.id(), "Y-CONT" | "S-CONT"));
    (ran, broken)
}

/// One input through every reader and, where a report comes out, the validator (alone,
/// against last year's report, and against a report of its own with other numbers).
fn run_one(bytes: &[u8], previous: &Report, reached: &mut Reached) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    for format in [Format::Toml, Format::Json] {
        if let Ok(loaded) =
            datafile::load(Source::new("fuzz", text.clone(), format), Some(previous))
        {
            consistent(&loaded);
            if let Some(report) = &loaded.report {
                reached.reports += 1;
                let _ = validate::validate(report, None);
                let (mut ran, broken) =
                    validate_with_previous(report, &previous_for(report, previous));
                reached.broken_chain += u64::from(broken);
                let mut own = previous_for(report, report);
                own.applications.carried_forward = report.applications.received;
                own.active_disclosure.rules.in_force = report.active_disclosure.licensing;
                ran &= validate_with_previous(report, &own).0;
                reached.continuity += u64::from(ran);
            }
        }
    }
    if let Ok(report) = serde_json::from_slice::<Report>(bytes) {
        let _ = validate::validate(&report, None);
        let _ = validate::validate(&report, Some(&previous_for(&report, previous)));
    }
    if let Ok(report) = toml::from_str::<Report>(&text) {
        let _ = validate::validate(&report, None);
        let _ = validate::validate(&report, Some(&previous_for(&report, previous)));
    }
    if let Ok(tables) = serde_json::from_slice::<LabelledTables>(bytes) {
        let _ = tables.tables.validate();
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let report = report_examples::wendeng_2023();
    let toml_file = include_str!("../../examples/data/wendeng_2023.toml");
    let json = serde_json::to_vec_pretty(&report).expect("the sample serialises");
    let tables = serde_json::to_vec_pretty(&LabelledTables {
        tables: Tables {
            active_disclosure: report.active_disclosure.clone(),
            applications: report.applications.clone(),
            reviews_and_lawsuits: report.reviews_and_lawsuits.clone(),
        },
        notes: Vec::new(),
    })
    .expect("the sample's tables serialise");
    let json_file = datafile::write::to_json(&report);
    vec![toml_file.as_bytes().to_vec(), json_file.into_bytes(), json, tables]
}

#[test]
fn the_seeds_load_clean_and_reach_the_continuity_checks() {
    // A loader that refused everything would make the fuzz below pass on nothing.
    let seeds = seeds();
    let previous = last_year();
    // The data files, TOML and JSON, through the loader.
    for (bytes, format) in [(&seeds[0], Format::Toml), (&seeds[1], Format::Json)] {
        let text = String::from_utf8(bytes.clone()).expect("a UTF-8 seed");
        let loaded = datafile::load(Source::new("seed", text, format), None)
            .unwrap_or_else(|e| panic!("the {format:?} seed does not load: {e}"));
        assert!(!loaded.has_errors(), "{format:?} seed: {:?}", loaded.problems);
        let report = loaded.report.expect("the seed's report");
        assert_eq!(report, report_examples::wendeng_2023(), "{format:?} seed");
        // Against last year's report: the continuity rules run and find its numbers.
        let rules: Vec<&str> = validate::validate(&report, Some(&previous))
            .iter()
            .map(|d| d.rule.id())
            .collect();
        for rule in ["Y-CONT", "S-CONT"] {
            assert!(rules.contains(&rule), "{format:?} seed: no {rule} in {rules:?}");
        }
        assert!(!rules.contains(&"PREV"), "{format:?} seed: {rules:?}");
        // (Read as TOML and as JSON: only its own format gives a report.)
        let mut reached = Reached::default();
        run_one(bytes, &previous, &mut reached);
        assert_eq!((reached.reports, reached.continuity), (1, 1), "{format:?} seed");
    }
    // The report as serde writes it, and the label-keyed tables.
    let report: Report = serde_json::from_slice(&seeds[2]).expect("the serde seed reads");
    assert_eq!(report, report_examples::wendeng_2023());
    let tables: LabelledTables =
        serde_json::from_slice(&seeds[3]).expect("the label-keyed tables seed reads");
    assert!(tables.tables.validate().is_empty(), "the seed's tables are valid");
}

#[test]
fn readers_and_validator_never_panic_on_mutated_files() {
    let seconds: u64 = std::env::var("GOVREPORT_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let seed: u64 = std::env::var("GOVREPORT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_0F60_4E4E);
    let budget = Duration::from_secs(seconds);
    let default_inputs = 10_000;
    let seeds = seeds();
    let mut reached = Reached::default();
    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let mut runs = 0u64;
    // The hook would print every caught panic; the test reports the first itself.
    // (Only this thread's: other tests of the binary may run beside it.)
    let fuzz_thread = std::thread::current().id();
    let hook: std::sync::Arc<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync> =
        std::panic::take_hook().into();
    let others = hook.clone();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != fuzz_thread {
            others(info);
        }
    }));
    let mut crash = None;
    while if seconds > 0 { start.elapsed() < budget } else { runs < default_inputs } {
        let base = &seeds[rng.below(seeds.len())];
        let input = mutate(base, &mut rng);
        let previous = last_year_drawn(&mut rng);
        runs += 1;
        if let Err(panic) =
            catch_unwind(AssertUnwindSafe(|| run_one(&input, &previous, &mut reached)))
        {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            crash = Some((input, message));
            break;
        }
    }
    std::panic::set_hook(Box::new(move |info| hook(info)));
    if let Some((input, message)) = crash {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../out/fuzz");
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("crash-{seed}-{runs}"));
        let _ = std::fs::write(&path, &input);
        panic!(
            "input {runs} (seed {seed}) panicked: {message}; the input is in {}",
            path.display()
        );
    }
    eprintln!(
        "fuzz: {runs} inputs in {:.1} s, no panic; {} reports read, {} checked against \
         last year's, {} breaks of continuity found (Y-CONT, S-CONT)",
        start.elapsed().as_secs_f64(),
        reached.reports,
        reached.continuity,
        reached.broken_chain
    );
    // Many mutations break the syntax, but some inputs must still read as reports, and
    // the continuity checks must be seen to find something in at least 1 % of them.
    assert!(
        reached.reports * 100 >= runs
            && reached.continuity * 100 >= runs
            && reached.broken_chain * 100 >= runs,
        "only {} of {runs} inputs read as a report, {} reached the continuity checks, {} \
         found a break of continuity",
        reached.reports,
        reached.continuity,
        reached.broken_chain
    );
}
