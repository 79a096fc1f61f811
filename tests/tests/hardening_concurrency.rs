//! Renders on many threads at once give the same bytes as the same renders one by one:
//! the shared fonts, the process-global caches and their eviction leak nothing between
//! reports.

use report_core::{ApplicantCounts, Report};
use report_typst::{RenderOptions, render};

/// A distinct report for every `i`: another agency and other numbers, totals consistent.
fn variant(i: usize) -> Report {
    const PLACES: [&str; 4] =
        ["济南市历下区", "青岛市市南区", "烟台市芝罘区", "潍坊市奎文区"];
    let mut r = report_examples::wendeng_2023();
    r.agency.name = format!("{}教育局第{i}分局", PLACES[i % PLACES.len()]);
    let n = |k: usize| ((i * k + 3) % 40) as u64;
    r.active_disclosure.licensing = n(7);
    let a = &mut r.applications;
    a.results.disclosed = ApplicantCounts {
        natural_persons: n(1),
        businesses: n(2),
        legal_service_providers: n(3),
        ..Default::default()
    };
    a.received = a.results.computed_total();
    r.overview.disclosure_on_request.paragraphs[0] =
        format!("本年度共收到政府信息公开申请{}件，均已按期答复。", a.received.total());
    r
}

#[test]
fn eight_threads_give_the_same_bytes_as_one_by_one() {
    let options = RenderOptions::default();
    let reports: Vec<Report> = (0..16).map(variant).collect();
    let sequential: Vec<Vec<u8>> =
        reports.iter().map(|r| render(r, &options).expect("renders").pdf).collect();
    // Every thread renders its two reports, in the opposite order of the sequential run,
    // all threads released at once.
    let barrier = std::sync::Barrier::new(8);
    let parallel: Vec<(usize, Vec<u8>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let (reports, options, barrier) = (&reports, &options, &barrier);
                s.spawn(move || {
                    barrier.wait();
                    [t + 8, t]
                        .into_iter()
                        .map(|i| (i, render(&reports[i], options).expect("renders").pdf))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("no thread panicked")).collect()
    });
    assert_eq!(parallel.len(), reports.len());
    for (i, pdf) in parallel {
        assert!(pdf == sequential[i], "report {i} differs when rendered concurrently");
    }
    // And the reports really are different documents.
    assert!(sequential.windows(2).all(|w| w[0] != w[1]));
}
