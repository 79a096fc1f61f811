//! A mutation fuzzer for the data-file reader and the validator that runs on stable Rust.
//!
//! Seeds are the sample data file (TOML), the sample report as JSON and the label-keyed
//! tables as JSON; every input is a seed mutated by a small deterministic generator (byte
//! flips, splices of JSON/TOML syntax and extreme numbers, deletions, duplications,
//! truncations). Each input goes through `datafile::load` (TOML and JSON), serde's
//! `Report` and `LabelledTables` readers, and `validate` on whatever parses. Any panic
//! fails the test and writes the input to `out/fuzz/`.
//!
//! By default a fixed number of inputs runs (a few seconds). For a longer, time-bounded
//! run, as CI does: `GOVREPORT_FUZZ_SECONDS=45 cargo test --release -p report-tests --test
//! hardening_fuzz`; `GOVREPORT_FUZZ_SEED=n` picks another sequence.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use report_core::datafile::{self, Format, Source};
use report_core::labels::{LabelledTables, Tables};
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

/// One input through every reader and, where a report comes out, the validator.
fn run_one(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    for format in [Format::Toml, Format::Json] {
        if let Ok(loaded) =
            datafile::load(Source::new("fuzz", text.clone(), format), None)
        {
            let _ = loaded.has_errors();
            if let Some(report) = &loaded.report {
                let _ = validate::validate(report, Some(report));
            }
            for problem in &loaded.problems {
                let _ = problem.to_string();
            }
        }
    }
    if let Ok(report) = serde_json::from_slice::<Report>(bytes) {
        let _ = validate::validate(&report, None);
    }
    if let Ok(report) = toml::from_str::<Report>(&text) {
        let _ = validate::validate(&report, None);
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
    vec![toml_file.as_bytes().to_vec(), json, tables]
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
    for s in &seeds {
        run_one(s);
    }
    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let mut runs = 0u64;
    // The hook would print every caught panic; the test reports the first itself.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut crash = None;
    while if seconds > 0 { start.elapsed() < budget } else { runs < default_inputs } {
        let base = &seeds[rng.below(seeds.len())];
        let input = mutate(base, &mut rng);
        runs += 1;
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run_one(&input))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            crash = Some((input, message));
            break;
        }
    }
    std::panic::set_hook(hook);
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
    eprintln!("fuzz: {runs} inputs in {:.1} s, no panic", start.elapsed().as_secs_f64());
}
