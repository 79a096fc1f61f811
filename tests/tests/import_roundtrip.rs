//! Our own Word documents and PDFs read back (issue 27): for the seed report and for
//! random reports (random tables, random prose that wraps across lines and pages), the
//! report imported from the rendered file is the report rendered, every cell and every
//! paragraph, with nothing reported.

use std::sync::LazyLock;

use proptest::prelude::*;
use report_core::docx::{DocxOptions, render as docx};
use report_core::import::blocks::Format;
use report_core::import::{Imported, import};
use report_core::{
    ApplicantCounts, Decimal, DocumentCounts, Item, Outcomes, Report, paragraphs,
    placeholders,
};
use report_typst::{RenderOptions, render};

static SEED: LazyLock<Report> = LazyLock::new(report_examples::wendeng_2023);

fn word(r: &Report) -> Imported {
    let bytes = docx(r, &DocxOptions::default()).expect("the report renders").docx;
    let i = import(&bytes).expect("our own Word document imports");
    assert_eq!(i.format, Format::Docx);
    i
}

fn pdf(r: &Report) -> Imported {
    let bytes = render(r, &RenderOptions::default()).expect("the report renders").pdf;
    let i = import(&bytes).expect("our own PDF imports");
    assert_eq!(i.format, Format::Pdf);
    i
}

/// The report as printed: its placeholders filled (a printed file has no templates),
/// and without the agency's address, telephone and website, which a report prints only
/// through its prose's placeholders (filled in the text, read back as text).
fn printed(r: &Report) -> Report {
    let mut p = placeholders::fill(r, None);
    for contact in [&mut p.agency.address, &mut p.agency.telephone, &mut p.agency.website]
    {
        contact.clear();
    }
    p
}

#[test]
fn the_seed_report_reads_back_from_its_word_document_and_its_pdf() {
    let want = printed(&SEED);
    for (form, i) in [("docx", word(&SEED)), ("pdf", pdf(&SEED))] {
        assert_eq!(i.report, want, "{form}");
        assert!(i.problems.is_empty(), "{form}: {:#?}", i.problems);
        assert!(i.doubts.is_empty(), "{form}: {:#?}", i.doubts);
        assert!(i.tables_read, "{form}");
    }
}

/// Sentences of the kind reports are written in, digits and Latin included, for
/// paragraphs that wrap.
const SENTENCES: [&str; 10] = [
    "本年度我局严格落实《中华人民共和国政府信息公开条例》各项要求。",
    "全年通过门户网站主动公开政府信息1234条，其中政策文件56条。",
    "依托政务新媒体平台发布信息，及时回应社会关切。",
    "建立健全政府信息公开审查机制，确保公开内容准确规范。",
    "加强对政府信息公开工作人员的业务培训，全年组织培训3次。",
    "门户网站www.example.gov.cn运行平稳，全年无安全事故。",
    "进一步完善依申请公开办理流程，做到依法答复、按时办结。",
    "对照年度考核要求，逐项整改存在的问题。",
    "政策解读形式较为单一，图解、视频等解读方式运用不多。",
    "下一步将加大培训力度，提升工作人员业务水平。",
];

/// Item titles that are no heading of the format.
const TITLES: [&str; 4] =
    ["工作机制建设", "下一步措施", "人大代表建议和政协提案办理情况", "其他事项"];

fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..SENTENCES.len(), 1..6)
        .prop_map(|s| s.into_iter().map(|i| SENTENCES[i]).collect())
}

fn paragraphs_of(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(paragraph(), n)
}

/// A report with random tables and random prose.
fn random_report() -> impl Strategy<Value = Report> {
    (
        (
            proptest::collection::vec(0u64..100_000, 6),
            proptest::collection::vec(0u64..1000, 6),
            (0u64..50, 0u64..50, 0u64..500),
            (0u64..100_000, 0u64..100_000, 0u64..100),
            0i64..10_000_000,
            proptest::collection::vec(0u64..20, 4),
        ),
        (
            paragraphs_of(1..3),
            paragraphs_of(1..4),
            paragraphs_of(1..3),
            paragraphs_of(0..3),
            proptest::collection::vec((0..TITLES.len(), paragraphs_of(1..3)), 0..3),
        ),
    )
        .prop_map(
            |(
                (parts, carried, docs, decisions, fee_cents, outcomes),
                (preamble, active, platforms, problems, other),
            )| {
                let mut r = SEED.clone();
                let row = ApplicantCounts::from_parts(parts.try_into().unwrap());
                let carried = ApplicantCounts::from_parts(carried.try_into().unwrap());
                r.applications = Default::default();
                r.applications.received = row;
                r.applications.carried_over = carried;
                r.applications.results.disclosed = row;
                r.applications.carried_forward = carried;
                r.active_disclosure.rules =
                    DocumentCounts { issued: docs.0, repealed: docs.1, in_force: docs.2 };
                r.active_disclosure.licensing = decisions.0;
                r.active_disclosure.penalties = decisions.1;
                r.active_disclosure.enforcement = decisions.2;
                r.active_disclosure.fees = Decimal::new(fee_cents, 2);
                r.reviews_and_lawsuits.lawsuits_direct = Outcomes {
                    upheld: outcomes[0],
                    corrected: outcomes[1],
                    other: outcomes[2],
                    pending: outcomes[3],
                    stated_total: None,
                };
                r.preamble = paragraphs(preamble);
                r.overview.active_disclosure.paragraphs = paragraphs(active);
                r.overview.platforms.paragraphs = paragraphs(platforms);
                r.problems.paragraphs = paragraphs(problems);
                r.other_matters.items =
                    other.into_iter().map(|(t, p)| Item::new(TITLES[t], p)).collect();
                printed(&r)
            },
        )
}

fn same(i: &Imported, r: &Report, form: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(&i.report.active_disclosure, &r.active_disclosure, "{}", form);
    prop_assert_eq!(&i.report.applications, &r.applications, "{}", form);
    prop_assert_eq!(&i.report.reviews_and_lawsuits, &r.reviews_and_lawsuits, "{}", form);
    prop_assert_eq!(&i.report.preamble, &r.preamble, "{}", form);
    prop_assert_eq!(&i.report.overview, &r.overview, "{}", form);
    prop_assert_eq!(&i.report.problems, &r.problems, "{}", form);
    prop_assert_eq!(&i.report.other_matters, &r.other_matters, "{}", form);
    prop_assert_eq!(&i.report, r, "{}", form);
    prop_assert!(i.problems.is_empty(), "{}: {:#?}", form, i.problems);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_random_report_reads_back_from_its_word_document(r in random_report()) {
        same(&word(&r), &r, "docx")?;
    }
}

proptest! {
    // A PDF is typeset by Typst (a tenth of a second or more each): fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_random_report_reads_back_from_its_pdf(r in random_report()) {
        same(&pdf(&r), &r, "pdf")?;
    }
}
