//! Properties over many generated reports: validation never panics, whatever the numbers
//! and texts; totals computed from parts never break a total rule; a stated total is an
//! error exactly when it differs from its parts.

mod common;

use proptest::prelude::*;
use report_core::labels::{
    LabelNode, application_rows_mut, tables_from_labels, tables_to_labels,
};
use report_core::{ApplicantCounts, Outcomes, Report, Rule, validate};

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![0..50u64, Just(u64::MAX), Just(u64::MAX - 1), any::<u64>()]
}

fn row() -> impl Strategy<Value = ApplicantCounts> {
    (proptest::array::uniform6(count()), proptest::option::of(count())).prop_map(
        |(parts, stated_total)| ApplicantCounts {
            stated_total,
            ..ApplicantCounts::from_parts(parts)
        },
    )
}

fn outcomes() -> impl Strategy<Value = Outcomes> {
    (proptest::array::uniform4(count()), proptest::option::of(count())).prop_map(
        |([upheld, corrected, other, pending], stated_total)| Outcomes {
            upheld,
            corrected,
            other,
            pending,
            stated_total,
        },
    )
}

fn report() -> impl Strategy<Value = Report> {
    (
        proptest::collection::vec(row(), 24),
        proptest::option::of(row()),
        proptest::array::uniform3(outcomes()),
        ".{0,12}",
        -5..5i32,
    )
        .prop_map(|(rows, total, [a, b, c], text, shift)| {
            let mut report = common::built_report();
            for ((_, slot), row) in
                application_rows_mut(&mut report.applications).into_iter().zip(rows)
            {
                *slot = row;
            }
            report.applications.results.stated_total = total;
            report.reviews_and_lawsuits.review = a;
            report.reviews_and_lawsuits.lawsuits_direct = b;
            report.reviews_and_lawsuits.lawsuits_after_review = c;
            report.preamble.push(text.clone());
            report.overview.platforms.title = text.clone();
            report.agency.name = text;
            report.year += shift;
            report
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn validation_never_panics(report in report(), shift in -2..3i32, forward in row()) {
        // Last year's report: this one, on another year, with other numbers.
        let mut previous = report.clone();
        previous.year = report.year.saturating_sub(shift);
        previous.applications.carried_forward = forward;
        previous.active_disclosure.rules.in_force = forward.natural_persons;
        let _ = validate(&report, Some(&previous));
        let _ = validate(&report, None);
    }

    #[test]
    fn totals_computed_from_parts_never_break_a_total_rule(report in report()) {
        let mut report = report;
        for (_, row) in application_rows_mut(&mut report.applications) {
            row.stated_total = None;
            // Keep sums within u64, as real counts are.
            for part in [&mut row.natural_persons, &mut row.businesses, &mut row.others] {
                *part %= 1_000_000;
            }
            row.research_institutions %= 1_000_000;
            row.public_interest_organizations %= 1_000_000;
            row.legal_service_providers %= 1_000_000;
        }
        report.applications.results.stated_total = None;
        for o in [
            &mut report.reviews_and_lawsuits.review,
            &mut report.reviews_and_lawsuits.lawsuits_direct,
            &mut report.reviews_and_lawsuits.lawsuits_after_review,
        ] {
            *o = Outcomes {
                upheld: o.upheld % 1000,
                corrected: o.corrected % 1000,
                other: o.other % 1000,
                pending: o.pending % 1000,
                stated_total: None,
            };
        }
        let rules: Vec<Rule> = validate(&report, None).into_iter().map(|d| d.rule).collect();
        for rule in [Rule::T3B, Rule::T3C, Rule::T4A, Rule::T4B, Rule::T4C] {
            prop_assert!(!rules.contains(&rule), "{rule} in {rules:?}");
        }
    }

    #[test]
    fn a_stated_review_total_is_an_error_exactly_when_it_differs(
        parts in proptest::array::uniform4(0..1000u64),
        stated in 0..4000u64,
    ) {
        let mut report = common::built_report();
        report.reviews_and_lawsuits.review =
            Outcomes {
                upheld: parts[0],
                corrected: parts[1],
                other: parts[2],
                pending: parts[3],
                stated_total: Some(stated),
            };
        let t4a = validate(&report, None).into_iter().filter(|d| d.rule == Rule::T4A).count();
        prop_assert_eq!(t4a == 1, stated != parts.iter().sum::<u64>());
    }

    #[test]
    fn any_label_tree_reads_without_panicking(keys in proptest::collection::vec(".{0,6}", 0..8), n in any::<i64>()) {
        let mut tables = tables_to_labels(&common::built_tables());
        if let LabelNode::Map(entries) = &mut tables {
            for key in keys {
                entries.push((key, LabelNode::Number(n.to_string())));
            }
        }
        let _ = tables_from_labels(&tables);
    }
}
