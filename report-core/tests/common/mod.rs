//! Shared test data: a valid report built from parts, and the real reports of the fixture.

#![allow(dead_code)] // Each test binary uses a part of this module.

use report_core::chrono::NaiveDate;
use report_core::labelled::{LabelNode, tables_from_labels};
use report_core::tables::Tables;
use report_core::{
    ActiveDisclosure, AdminLevel, Agency, AgencyKind, ApplicantCounts, Applications,
    Decimal, DocumentCounts, Item, OtherMatters, Outcomes, Overview, Prose, Report,
    ReviewsAndLawsuits, paragraphs,
};
use serde::Deserialize;

/// The fixture file: the one copy, in `tests/fixtures`, shared with the workspace tests.
pub const REAL_REPORTS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/real_reports.json"
));

/// The fixture's layout.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixture {
    #[serde(rename = "_meta")]
    pub meta: serde_json::Value,
    pub reports: Vec<FixtureReport>,
}

/// One real report of the fixture: its tables keyed by the official labels.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureReport {
    pub id: String,
    pub agency: String,
    pub year: i32,
    pub date: String,
    pub tables: LabelNode,
    pub source_note: String,
}

impl FixtureReport {
    /// The publication date: the fixture may add a time (`2022-02-08 16:34`).
    pub fn date(&self) -> NaiveDate {
        let day = self.date.get(..10).expect("a date");
        NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("a valid date")
    }

    /// The report, its tables read from the labels, its prose a placeholder. Both
    /// fixture reports are people's governments' own reports at the level of a 设区的市.
    pub fn report(&self) -> Report {
        let tables =
            tables_from_labels(&self.tables).expect("the fixture's tables load").tables;
        report_with(&self.agency, self.year, self.date(), tables)
    }
}

pub fn fixture() -> Fixture {
    serde_json::from_str(REAL_REPORTS).expect("the fixture parses")
}

/// A people's government's report with the given tables and ordinary prose.
pub fn report_with(agency: &str, year: i32, date: NaiveDate, tables: Tables) -> Report {
    Report {
        agency: Agency {
            name: agency.to_owned(),
            kind: AgencyKind::PeoplesGovernment,
            level: AdminLevel::Prefecture,
            address: "某市某路1号".to_owned(),
            telephone: "0517-12345678".to_owned(),
            website: "https://www.example.gov.cn".to_owned(),
        },
        year,
        date,
        preamble: paragraphs([
            "根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，编制本报告。",
        ]),
        overview: Overview {
            intro: paragraphs(["本年度，政府信息公开工作稳步推进。"]),
            active_disclosure: Item::new("主动公开情况", ["主动公开政府信息。"]),
            disclosure_on_request: Item::new("依申请公开情况", ["依法办理申请。"]),
            information_management: Item::new("政府信息管理情况", ["加强管理。"]),
            platforms: Item::new("政府信息公开平台建设情况", ["建设平台。"]),
            oversight: Item::new("政府信息公开监督保障情况", ["强化监督。"]),
            assessment: Some(Item {
                title: "工作考核、社会评议和责任追究结果情况".to_owned(),
                paragraphs: paragraphs(["开展考核。"]),
                items: vec![Item::new("考核", ["1项。"])],
                tables: vec![],
            }),
        },
        active_disclosure: tables.active_disclosure,
        applications: tables.applications,
        reviews_and_lawsuits: tables.reviews_and_lawsuits,
        problems: Prose {
            paragraphs: paragraphs(["存在的问题。"]),
            items: vec![Item::new("改进情况", ["改进。"])],
        },
        other_matters: OtherMatters {
            paragraphs: vec![],
            fees: Item::new("信息处理费", ["未收取信息处理费。"]),
            items: vec![Item::new("其他", ["无。"])],
        },
    }
}

/// Valid tables built from parts: every total computed, no cell zero where it matters.
pub fn built_tables() -> Tables {
    let mut applications = Applications {
        received: ApplicantCounts {
            natural_persons: 30,
            businesses: 5,
            research_institutions: 1,
            public_interest_organizations: 2,
            legal_service_providers: 3,
            others: 4,
            stated_total: None,
        },
        carried_over: ApplicantCounts {
            natural_persons: 2,
            businesses: 1,
            ..Default::default()
        },
        ..Applications::default()
    };
    let r = &mut applications.results;
    r.disclosed = ApplicantCounts {
        natural_persons: 10,
        businesses: 2,
        research_institutions: 1,
        public_interest_organizations: 1,
        legal_service_providers: 1,
        others: 1,
        stated_total: None,
    };
    r.partially_disclosed =
        ApplicantCounts { natural_persons: 5, businesses: 1, ..Default::default() };
    r.withheld.state_secrets =
        ApplicantCounts { natural_persons: 1, ..Default::default() };
    r.unavailable.not_held = ApplicantCounts {
        natural_persons: 6,
        businesses: 1,
        public_interest_organizations: 1,
        legal_service_providers: 1,
        others: 1,
        ..Default::default()
    };
    r.not_processed.repeated =
        ApplicantCounts { natural_persons: 2, ..Default::default() };
    r.other_handling.other = ApplicantCounts {
        natural_persons: 4,
        businesses: 1,
        legal_service_providers: 1,
        others: 2,
        ..Default::default()
    };
    // Received + carried over = 32, 6, 1, 2, 3, 4; closed = 28, 5, 1, 2, 3, 4.
    applications.carried_forward =
        ApplicantCounts { natural_persons: 4, businesses: 1, ..Default::default() };
    Tables {
        active_disclosure: ActiveDisclosure {
            rules: DocumentCounts { issued: 1, repealed: 0, in_force: 11 },
            normative_documents: DocumentCounts { issued: 8, repealed: 26, in_force: 66 },
            licensing: 447_228,
            penalties: 3_985_758,
            enforcement: 88_283,
            fees: "96171.6".parse::<Decimal>().expect("a decimal"),
        },
        applications,
        reviews_and_lawsuits: ReviewsAndLawsuits {
            review: Outcomes {
                upheld: 3,
                corrected: 1,
                other: 2,
                pending: 1,
                stated_total: None,
            },
            lawsuits_direct: Outcomes { upheld: 1, pending: 1, ..Default::default() },
            lawsuits_after_review: Outcomes { other: 1, ..Default::default() },
        },
    }
}

/// A valid report built from parts, on 2023, dated 2024年2月20日.
pub fn built_report() -> Report {
    report_with(
        "某市人民政府",
        2023,
        NaiveDate::from_ymd_opt(2024, 2, 20).expect("a date"),
        built_tables(),
    )
}

/// The same tables with every total stated, and stated right.
pub fn stated(mut tables: Tables) -> Tables {
    let apps = &mut tables.applications;
    apps.results.stated_total = Some(apps.results.computed_total());
    for (_, row) in report_core::labels::application_rows_mut(apps) {
        row.stated_total = Some(row.computed_total());
    }
    if let Some(total) = apps.results.stated_total.as_mut() {
        total.stated_total = Some(total.computed_total());
    }
    let r = &mut tables.reviews_and_lawsuits;
    for o in [&mut r.review, &mut r.lawsuits_direct, &mut r.lawsuits_after_review] {
        o.stated_total = Some(o.computed_total());
    }
    tables
}

/// The clean real report of the fixture (平潭), its tables label-keyed.
pub fn pingtan() -> LabelNode {
    fixture().reports.remove(1).tables
}

/// The group or cell of label-keyed tables at `path`.
pub fn at<'a>(node: &'a mut LabelNode, path: &[&str]) -> &'a mut LabelNode {
    let mut node = node;
    for key in path {
        let LabelNode::Map(entries) = node else { panic!("no group at {key}") };
        node = &mut entries.iter_mut().find(|(k, _)| k == key).expect(key).1;
    }
    node
}
