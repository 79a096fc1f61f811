//! The PROSE rule on its phrasing corpus (tests/fixtures/prose_corpus.toml): every
//! sentence, published or written for the corpus, with a table that matches it (no
//! warning) and one that contradicts it (one warning giving both numbers and the place);
//! at least three phrasings for every kind of claim; sentences that state no figure give
//! no claim; sentences that name a kind's words but state nothing of its figure (a
//! negation of 行政复议 applications, a count of 延期答复) give no claim of that kind, and no
//! warning against a table whose figure of that kind is not 0.

use std::collections::BTreeMap;

use report_core::prose::{ClaimKind, Claimed, claims};
use report_core::{Decimal, Report, Rule, validate};
use serde::Deserialize;

use crate::common::built_report;

#[derive(Deserialize)]
struct Corpus {
    phrasing: Vec<Phrasing>,
    silent: Vec<Silent>,
    unclaimed: Vec<Unclaimed>,
}

#[derive(Deserialize)]
struct Phrasing {
    kind: ClaimKind,
    text: String,
    source: String,
    states: String,
    #[serde(default)]
    #[allow(dead_code)]
    table: Option<String>,
}

#[derive(Deserialize)]
struct Silent {
    text: String,
    source: String,
}

#[derive(Deserialize)]
struct Unclaimed {
    kind: ClaimKind,
    text: String,
    source: String,
}

fn corpus() -> Corpus {
    let text = include_str!("../../tests/fixtures/prose_corpus.toml");
    toml::from_str(text).expect("the corpus parses")
}

/// A report with every figure 0, its prose empty.
fn zero_report() -> Report {
    let mut r = built_report();
    r.applications = Default::default();
    r.active_disclosure = Default::default();
    r.reviews_and_lawsuits = Default::default();
    r.overview.disclosure_on_request.paragraphs = Vec::new();
    r
}

/// Sets the figure of `kind` to `value` (a cell whose change changes the fact alone).
fn set(r: &mut Report, kind: ClaimKind, value: Decimal) {
    let n: u64 = value.trunc().try_into().unwrap_or(0);
    let a = &mut r.applications;
    match kind {
        ClaimKind::Received => a.received.natural_persons = n,
        ClaimKind::CarriedOver => a.carried_over.natural_persons = n,
        ClaimKind::Closed => a.results.disclosed.natural_persons = n,
        ClaimKind::CarriedForward => a.carried_forward.natural_persons = n,
        ClaimKind::Reviews => r.reviews_and_lawsuits.review.upheld = n,
        ClaimKind::Lawsuits => r.reviews_and_lawsuits.lawsuits_direct.pending = n,
        ClaimKind::Licensing => r.active_disclosure.licensing = n,
        ClaimKind::Penalties => r.active_disclosure.penalties = n,
        ClaimKind::Enforcement => r.active_disclosure.enforcement = n,
        ClaimKind::NormativeIssued => r.active_disclosure.normative_documents.issued = n,
        ClaimKind::NormativeRepealed => {
            r.active_disclosure.normative_documents.repealed = n
        }
        ClaimKind::NormativeInForce => {
            r.active_disclosure.normative_documents.in_force = n
        }
        ClaimKind::Fee => r.active_disclosure.fees = value,
        other => panic!("no cell of {other:?} is set here: add it"),
    }
}

/// A report holding `text`, whose figure of `kind` is `value` and whose other figures are
/// what the text's other claims state (so that only `kind` can disagree).
fn report_with(text: &str, kind: ClaimKind, value: Decimal) -> Report {
    let mut r = zero_report();
    for c in claims(text).into_iter().filter(|c| c.kind != kind) {
        let other = match c.claimed {
            Claimed::Number(n) => n,
            Claimed::None => Decimal::ZERO,
            other => panic!("a claim of {other:?}: add it here"),
        };
        set(&mut r, c.kind, other);
    }
    set(&mut r, kind, value);
    r.overview.disclosure_on_request.paragraphs = vec![text.to_owned()];
    r
}

fn prose_warnings(report: &Report) -> Vec<report_core::Diagnostic> {
    validate(report, None).into_iter().filter(|d| d.rule == Rule::Prose).collect()
}

#[test]
fn every_phrasing_agrees_with_a_matching_table_and_is_caught_by_a_contradicting_one() {
    for p in corpus().phrasing {
        let stated = (p.states != "none").then(|| p.states.parse::<Decimal>().unwrap());
        // The claim is read as stated.
        let read: Vec<Claimed> = claims(&p.text)
            .into_iter()
            .filter(|c| c.kind == p.kind)
            .map(|c| c.claimed)
            .collect();
        let expected = stated.map_or(Claimed::None, Claimed::Number);
        assert_eq!(read, [expected], "{:?} in {} ({})", p.kind, p.text, p.source);
        // A matching table: no warning.
        let matching = stated.unwrap_or(Decimal::ZERO);
        let report = report_with(&p.text, p.kind, matching);
        let none = prose_warnings(&report);
        assert!(none.is_empty(), "{:?} {} ({}): {none:#?}", p.kind, p.text, p.source);
        // A contradicting table: one warning, both numbers, the place.
        let other = matching + Decimal::from(7);
        let report = report_with(&p.text, p.kind, other);
        let warnings = prose_warnings(&report);
        assert_eq!(
            warnings.len(),
            1,
            "{:?} {} ({}): {warnings:#?}",
            p.kind,
            p.text,
            p.source
        );
        let d = &warnings[0];
        assert_eq!(d.expected.as_deref(), Some(other.to_string().as_str()), "{d}");
        let found = stated.map_or_else(|| "0".to_owned(), |n| n.to_string());
        assert_eq!(d.found.as_deref(), Some(found.as_str()), "{d}");
        assert_eq!(d.location, "一、总体情况 / （二）依申请公开情况 / 第1段");
        assert!(d.message.contains(p.kind.fact().name()), "{d}");
    }
}

/// The sources a sentence may have besides a published page.
const WRITTEN: [&str; 4] = ["seed", "issue 14", "issue 26", "typical"];

#[test]
fn every_kind_has_at_least_three_phrasings_and_the_published_ones_are_real() {
    let corpus = corpus();
    let mut per_kind: BTreeMap<ClaimKind, usize> = BTreeMap::new();
    for p in &corpus.phrasing {
        *per_kind.entry(p.kind).or_default() += 1;
    }
    for kind in ClaimKind::ALL {
        let n = per_kind.get(&kind).copied().unwrap_or(0);
        assert!(n >= 3, "{kind:?} has {n} phrasings");
    }
    let sentences = corpus
        .phrasing
        .iter()
        .map(|p| (&p.source, &p.text))
        .chain(corpus.silent.iter().map(|s| (&s.source, &s.text)))
        .chain(corpus.unclaimed.iter().map(|u| (&u.source, &u.text)));
    // A published sentence is the page's own words (its text without tags; the pages
    // are the shared fixtures' published/ pages, copied to tests/fixtures/published/).
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let tags = regex::Regex::new("<[^>]*>").unwrap();
    let seed = include_str!("../../tests/fixtures/seed_wendeng_2023.txt");
    let mut published = 0;
    for (source, text) in sentences {
        if let Some(page) = source.strip_prefix("published/") {
            assert!(page.ends_with(".html"), "{source}");
            let html = std::fs::read_to_string(fixtures.join(source)).expect("the page");
            let page = tags
                .replace_all(&html, "")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            assert!(page.contains(text.as_str()), "not in {source}: {text}");
            published += 1;
        } else {
            assert!(WRITTEN.contains(&source.as_str()), "{source}");
        }
        // The seed's sentences are the seed's own words.
        if source == "seed" {
            assert!(seed.contains(text.as_str()), "not in the seed: {text}");
        }
    }
    assert!(published >= 15, "only {published} published sentences");
}

#[test]
fn sentences_that_state_no_figure_give_no_claim() {
    for s in corpus().silent {
        assert_eq!(claims(&s.text), [], "{} ({})", s.text, s.source);
    }
}

#[test]
fn sentences_about_another_matter_give_no_claim_of_the_kind_they_name() {
    let unclaimed = corpus().unclaimed;
    assert!(unclaimed.len() >= 5);
    for u in unclaimed {
        let read = claims(&u.text);
        assert!(
            read.iter().all(|c| c.kind != u.kind),
            "{:?} read from {} ({}): {read:#?}",
            u.kind,
            u.text,
            u.source
        );
        // A table whose figure of the kind is not 0 (45 applications received, 45
        // closed …), its other figures as the sentence states them: no warning.
        let report = report_with(&u.text, u.kind, Decimal::from(45));
        let warnings = prose_warnings(&report);
        assert!(
            warnings.is_empty(),
            "{:?} {} ({}): {warnings:#?}",
            u.kind,
            u.text,
            u.source
        );
    }
}
