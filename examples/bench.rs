//! The benchmark: one render in a fresh process against `typst compile` on the same source
//! and fonts, warm renders in one process, batch throughput on every core, peak memory and
//! PDF size, printed as one Markdown table.
//!
//! ```sh
//! cargo run --release --example bench            # full run, ~2.5 minutes
//! cargo run --release --example bench -- --quick # fewer runs, 200 reports
//! ```
//!
//! `-- --loop N` only renders N distinct reports on one thread and prints the median: the
//! target to run under a profiler (docs/performance.md). `-- --audit-page N` only measures
//! `govreport audit DIR --html` on N (default 1000) generated pages (build govreport first).
//!
//! Options: `--runs N` (fresh-process runs of each side, default 21), `--reports N` (batch
//! size, default 1000), `--threads N` (default: all cores), `--typst PATH` (default: `$TYPST`, else
//! `typst` on the `PATH`; a path that does not run counts as absent), `--against PATH` (another
//! build of this bench, e.g. of an earlier commit: its cold render runs alternating with this
//! one's and the row gives the ratio, the ablation of a change that no option turns off). Where no typst CLI is found, the comparison rows say so and
//! show no ratio. Scratch files go to `out/bench/`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use report_core::{ApplicantCounts, Outcomes, Report};
use report_typst::{RenderFailure, RenderOptions, Timings, render};

/// The bundled fonts' folder, for `typst compile --font-path`.
const FONT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../report-typst/fonts");

struct Args {
    runs: usize,
    reports: usize,
    threads: usize,
    typst: Option<PathBuf>,
    evict: Option<usize>,
    against: Option<PathBuf>,
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match argv.first().map(String::as_str) {
        Some("--cold-child") => return cold_child(Path::new(&argv[1])),
        Some("--loop") => {
            let n = argv.get(1).and_then(|n| n.parse().ok()).expect("--loop N");
            return render_loop(n);
        }
        Some("--audit-page") => {
            let n = argv.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
            let dir = PathBuf::from("out/bench");
            std::fs::create_dir_all(&dir).expect("out/bench can be created");
            let reports: Vec<Report> = (0..n).map(variant).collect();
            let me = std::env::current_exe().expect("the bench knows its own path");
            let [a, b, c] = audit_page(&me, &dir, &reports);
            println!("| {a} | {b} | {c} |");
            return;
        }
        Some("--edit") => {
            let me = std::env::current_exe().expect("the bench knows its own path");
            let dir = PathBuf::from("out/bench");
            std::fs::create_dir_all(&dir).expect("out/bench can be created");
            for [a, b, c] in edit_keystroke(&me, &dir, 51) {
                println!("| {a} | {b} | {c} |");
            }
            return;
        }
        Some("--batch-child") => {
            let threads = argv[3].parse().expect("a thread count");
            return batch_child(Path::new(&argv[1]), Path::new(&argv[2]), threads);
        }
        _ => {}
    }
    let args = parse_args(&argv);
    let dir = PathBuf::from("out/bench");
    std::fs::create_dir_all(&dir).expect("out/bench can be created");

    let mut rows: Vec<[String; 3]> = Vec::new();
    let sample = report_examples::wendeng_2023();

    // 1. Cold: a fresh process each time, both sides on the same .typ and fonts.
    let source = report_typst::Renderer::new().typst_source(&sample, &Default::default());
    std::fs::write(dir.join("main.typ"), &source).expect("main.typ written");
    std::fs::write(dir.join("template.typ"), report_typst::TEMPLATE)
        .expect("template.typ written");
    let me = std::env::current_exe().expect("the bench knows its own path");
    let ours_pdf = dir.join("ours.pdf");
    let typst_pdf = dir.join("typst.pdf");
    // The two sides alternate, run by run, so that other load on the machine falls on
    // both alike.
    let mut child_hwm = Vec::new();
    let mut child_phases = Vec::new();
    let (mut ours, mut theirs, mut other) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..args.runs {
        if let Some(against) = &args.against {
            let t = Instant::now();
            let out = Command::new(against)
                .arg("--cold-child")
                .arg(dir.join("against.pdf"))
                .output()
                .expect("the other build runs");
            other.push(t.elapsed());
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        let t = Instant::now();
        let out = Command::new(&me)
            .arg("--cold-child")
            .arg(&ours_pdf)
            .output()
            .expect("the bench can start itself");
        ours.push(t.elapsed());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let printed: Vec<u64> = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter_map(|v| v.parse().ok())
            .collect();
        let [hwm, prepare, compile, export] = printed[..] else {
            panic!("the cold child printed {printed:?}")
        };
        child_hwm.push(hwm);
        child_phases.push(Timings {
            prepare: Duration::from_micros(prepare),
            compile: Duration::from_micros(compile),
            export: Duration::from_micros(export),
        });
        if let Some(typst) = &args.typst {
            let t = Instant::now();
            let out = Command::new(typst)
                .arg("compile")
                // The template marks row labels with `pdf.header-cell`, as the crate's
                // library does with the same feature on.
                .args(["--features", "a11y-extras"])
                .arg("--ignore-system-fonts")
                .arg("--ignore-embedded-fonts")
                .arg("--font-path")
                .arg(FONT_DIR)
                .arg(dir.join("main.typ"))
                .arg(&typst_pdf)
                .output()
                .expect("typst runs");
            theirs.push(t.elapsed());
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let ours = Runs::of(ours);
    rows.push(row(
        "cold: one render in a fresh process (this crate)",
        ms(ours.median),
        format!("min {}, max {}, {} runs", ms(ours.min), ms(ours.max), args.runs),
    ));
    rows.push(row(
        "cold: of which inside `render` (prepare / compile / export)",
        ms(total(&median(&child_phases))),
        steps(&median(&child_phases)) + "; the rest is starting and ending the process",
    ));
    if let Some(against) = &args.against {
        let other = Runs::of(other);
        rows.push(row(
            "cold: the other build (`--against`), same render",
            ms(other.median),
            format!(
                "{}; min {}, max {}",
                against.display(),
                ms(other.min),
                ms(other.max)
            ),
        ));
        let (value, note) = ratio(&ours, &other);
        rows.push(row("cold: ratio this build / the other build", value, note));
    }
    match &args.typst {
        Some(typst) => {
            let theirs = Runs::of(theirs);
            let version = Command::new(typst)
                .arg("--version")
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
                .unwrap_or_default();
            rows.push(row(
                "cold: `typst compile` on the same .typ and fonts",
                ms(theirs.median),
                format!("{version}; min {}, max {}", ms(theirs.min), ms(theirs.max)),
            ));
            let (value, note) = ratio(&ours, &theirs);
            rows.push(row("cold: ratio this crate / typst (target ≤ 0.55)", value, note));
            let size = std::fs::metadata(&typst_pdf).map(|m| m.len()).unwrap_or(0);
            rows.push(row("PDF size, `typst compile`", kb(size), String::new()));
        }
        None => {
            rows.push(row(
                "cold: `typst compile`",
                "not run".into(),
                "no typst CLI found (PATH or $TYPST); install it with `cargo install typst-cli --version 0.15.1 --locked`".into(),
            ));
        }
    }
    child_hwm.sort_unstable();
    rows.push(row(
        "peak memory of one render in a fresh process",
        format!("{:.0} MB", child_hwm[child_hwm.len() / 2] as f64 / 1024.0),
        "VmHWM, median".into(),
    ));

    // 2. Warm: one process, fonts shared.
    let options = RenderOptions::default();
    let first = render(&sample, &options).expect("the sample renders");
    rows.push(row(
        "PDF size, this crate (target < 240 KB)",
        kb(first.pdf.len() as u64),
        format!("{} pages, tagged (the default)", first.pages),
    ));
    let untagged = RenderOptions { tagged: false, ..RenderOptions::default() };
    let lean = render(&sample, &untagged).expect("the sample renders untagged");
    rows.push(row(
        "PDF size, untagged (`tagged: false`, `--untagged`)",
        kb(lean.pdf.len() as u64),
        format!(
            "of which the FandolFang subset {}",
            kb(font_program_size(&lean.pdf, b"FandolFang") as u64)
        ),
    ));
    // The object-stream post-pass (`object_streams`, on by default): its effect on size,
    // and its own cost on the sample's PDF as krilla writes it.
    let plain = RenderOptions { object_streams: false, ..RenderOptions::default() };
    let plain_pdf = render(&sample, &plain).expect("the sample renders").pdf;
    let lean_plain = RenderOptions { object_streams: false, ..untagged.clone() };
    let lean_plain_pdf = render(&sample, &lean_plain).expect("the sample renders").pdf;
    rows.push(row(
        "PDF size without object streams (`object_streams: false`), tagged / untagged",
        format!("{} / {}", kb(plain_pdf.len() as u64), kb(lean_plain_pdf.len() as u64)),
        "krilla's output as written: what the post-pass saves".into(),
    ));
    let pack = time_runs(args.runs * 2, || {
        report_typst::pack_objects(&plain_pdf).expect("the sample's PDF packs");
    });
    rows.push(row(
        "object-stream post-pass alone (`pack_objects` on the sample's tagged PDF)",
        ms(pack.median),
        format!(
            "min {}, {} runs; inside export in the rows below",
            ms(pack.min),
            args.runs * 2
        ),
    ));
    let mut phases = Vec::new();
    let same = time_runs(args.runs, || {
        phases.push(render(&sample, &options).expect("renders").timings);
    });
    rows.push(row(
        "warm: the identical report again",
        ms(same.median),
        format!("min {}, {} runs; {}", ms(same.min), args.runs, steps(&median(&phases))),
    ));
    let mut next = 0;
    let mut phases = Vec::new();
    let distinct = time_runs(args.runs * 2, || {
        next += 1;
        phases.push(render(&variant(next), &options).expect("renders").timings);
    });
    rows.push(row(
        "warm: a report with other data, one thread (target ≤ 30 ms)",
        ms(distinct.median),
        format!(
            "min {}, {} runs; {}",
            ms(distinct.min),
            args.runs * 2,
            steps(&median(&phases))
        ),
    ));
    // The statutory tables' fixed row heights (`fixed_rows`, on by default) against
    // every row `auto`: runs alternate, each on a report neither side has rendered.
    let auto_rows = RenderOptions { fixed_rows: false, ..RenderOptions::default() };
    let (mut fixed_times, mut auto_times) = (Vec::new(), Vec::new());
    for k in 0..args.runs * 2 {
        let sides = [(&options, &mut fixed_times), (&auto_rows, &mut auto_times)];
        for (i, (side, times)) in sides.into_iter().enumerate() {
            let report = variant(20_000 + 2 * k + i);
            let start = Instant::now();
            render(&report, side).expect("renders");
            times.push(start.elapsed());
        }
    }
    let (fixed_rows, auto_rows) = (Runs::of(fixed_times), Runs::of(auto_times));
    rows.push(row(
        "warm: a report with other data, every table row `auto` (`fixed_rows: false`)",
        ms(auto_rows.median),
        format!(
            "min {}; alternating with fixed rows ({}, min {}): ratio fixed / auto {:.2} (medians), {:.2} (minimums)",
            ms(auto_rows.min),
            ms(fixed_rows.median),
            ms(fixed_rows.min),
            fixed_rows.median.as_secs_f64() / auto_rows.median.as_secs_f64(),
            fixed_rows.min.as_secs_f64() / auto_rows.min.as_secs_f64()
        ),
    ));
    let mut next = 0;
    let distinct_untagged = time_runs(args.runs * 2, || {
        next += 1;
        render(&variant(next), &untagged).expect("renders");
    });
    rows.push(row(
        "warm: a report with other data, untagged",
        ms(distinct_untagged.median),
        format!("min {}, {} runs", ms(distinct_untagged.min), args.runs * 2),
    ));

    // 3. Batch: distinct reports on every core, memory watched.
    let reports: Vec<Report> = (0..args.reports).map(|i| variant(10_000 + i)).collect();
    let tenth = args.reports.div_ceil(10).max(1);
    let start = Instant::now();
    let mut failed = 0;
    let mut rss = Vec::new();
    for part in reports.chunks(tenth) {
        let results = batch_render(part, &options, args.threads, args.evict);
        failed += results.iter().filter(|r| r.is_err()).count();
        rss.push(format!("{:.0}", status_kb("VmRSS") as f64 / 1024.0));
    }
    let wall = start.elapsed();
    assert_eq!(failed, 0, "every batch report renders");
    let per_report =
        wall.as_secs_f64() * 1000.0 * args.threads as f64 / args.reports as f64;
    rows.push(row(
        &format!("batch: {} distinct reports, {} threads", args.reports, args.threads),
        format!("{:.1} s", wall.as_secs_f64()),
        format!(
            "{:.0} reports/s; {per_report:.1} ms per report per core (target ≤ 30)",
            args.reports as f64 / wall.as_secs_f64()
        ),
    ));
    rows.push(row(
        "batch: resident memory after each tenth of the reports",
        format!("{} MB", rss.last().map_or("0", String::as_str)),
        format!("VmRSS {} MB (this process holds every report)", rss.join(" → ")),
    ));

    // 4. The library's batch engine (what `govreport batch` runs) on the same reports as
    // TOML data files: read, validated, rendered and written atomically.
    let data = dir.join("data");
    let pdfs = dir.join("pdf");
    let _ = std::fs::remove_dir_all(&data);
    let _ = std::fs::remove_dir_all(&pdfs);
    std::fs::create_dir_all(&data).expect("out/bench/data");
    std::fs::create_dir_all(&pdfs).expect("out/bench/pdf");
    for (i, report) in reports.iter().enumerate() {
        std::fs::write(
            data.join(format!("{i:05}.toml")),
            report_core::datafile::write::to_toml(report),
        )
        .expect("a data file written");
    }
    let out = Command::new(&me)
        .arg("--batch-child")
        .arg(&data)
        .arg(&pdfs)
        .arg(args.threads.to_string())
        .output()
        .expect("the bench can start itself");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let numbers: Vec<f64> = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    let [wall_ms, hwm, ref rss @ ..] = numbers[..] else {
        panic!("the batch child printed {numbers:?}")
    };
    rows.push(row(
        &format!(
            "batch: `report_typst::batch::run` on the same {} reports as TOML files, own process",
            args.reports
        ),
        format!("{:.1} s", wall_ms / 1000.0),
        format!(
            "{:.1} ms per report per core, reading and writing included",
            wall_ms * args.threads as f64 / args.reports as f64
        ),
    ));
    let rss: Vec<String> = rss.iter().map(|kb| format!("{:.0}", kb / 1024.0)).collect();
    rows.push(row(
        "batch::run: peak memory (target < 150 MB); resident after each tenth of the reports",
        format!("{:.0} MB", hwm / 1024.0),
        format!("VmHWM; VmRSS {} MB", rss.join(" → ")),
    ));
    rows.push(row(
        "peak memory of the bench process (warm runs, in-memory batch, all reports held)",
        format!("{:.0} MB", status_kb("VmHWM") as f64 / 1024.0),
        "VmHWM".into(),
    ));

    // 5. The audit page (`govreport audit DIR --html`, issue 28) of the same reports as
    // published web pages: the page's write time is the audit's time with `--html` less
    // its time without (both median of 3, the same binary, so importing and checking
    // cancel out), and its size. Needs `cargo build --release -p govreport`.
    rows.push(audit_page(&me, &dir, &reports));

    // 6. Reading published reports (issue 27): the sample imported from its web page,
    // its Word document and its PDF on one thread (the page is the baseline of the
    // ratios, run alongside), then `govreport audit` of folders of mixed documents on all
    // cores with their peak memory.
    rows.extend(import_rows(&sample, args.runs.max(11)));
    rows.extend(audit_mixed(&me, &dir, &reports));

    // 7. The clerk's form (issue 29): a keystroke's save and check by the running
    // `govreport edit` server, against the check alone in this process, alternating.
    rows.extend(edit_keystroke(&me, &dir, args.runs.max(21)));

    println!("{}", machine());
    println!();
    println!("| measure | value | notes |");
    println!("|---|---|---|");
    for [a, b, c] in rows {
        println!("| {a} | {b} | {c} |");
    }
}

/// Renders `reports` on `threads` threads, each taking the next report as it finishes one,
/// and keeps only each PDF's size (a batch writes each PDF out and drops it, as
/// `report_typst::batch::run` does; keeping 1,000 PDFs would be 350 MB of results).
fn batch_render(
    reports: &[Report],
    options: &RenderOptions,
    threads: usize,
    evict: Option<usize>,
) -> Vec<Result<usize, RenderFailure>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<Result<usize, RenderFailure>>>> =
        Mutex::new((0..reports.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(report) = reports.get(i) else { break };
                    let result = render(report, options).map(|r| r.pdf.len());
                    if let Some(age) = evict {
                        typst::comemo::evict(age);
                    }
                    out.lock().unwrap()[i] = Some(result);
                }
            });
        }
    });
    out.into_inner().unwrap().into_iter().map(|r| r.expect("every report ran")).collect()
}

fn parse_args(argv: &[String]) -> Args {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut args = Args {
        runs: 21,
        reports: 1000,
        threads: cores,
        typst: find_typst(),
        evict: None,
        against: None,
    };
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> String {
            it.next().unwrap_or_else(|| panic!("{name} needs a value")).clone()
        };
        match a.as_str() {
            "--quick" => {
                args.runs = 7;
                args.reports = 200;
            }
            "--runs" => args.runs = value("--runs").parse().expect("--runs N"),
            "--reports" => {
                args.reports = value("--reports").parse().expect("--reports N")
            }
            "--evict" => args.evict = Some(value("--evict").parse().expect("--evict N")),
            "--threads" => {
                args.threads = value("--threads").parse().expect("--threads N")
            }
            "--against" => args.against = Some(PathBuf::from(value("--against"))),
            "--typst" => {
                let path = PathBuf::from(value("--typst"));
                args.typst = typst_works(&path).then_some(path);
            }
            other => panic!("unknown option {other}; see the file's header"),
        }
    }
    args.runs = args.runs.max(1);
    args.reports = args.reports.max(1);
    args.threads = args.threads.max(1);
    args
}

/// The typst CLI: `$TYPST`, else `typst` on the `PATH`, else `~/.cargo/bin/typst`.
fn find_typst() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(p) = std::env::var_os("TYPST") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(PathBuf::from("typst"));
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(Path::new(&home).join(".cargo/bin/typst"));
    }
    candidates.into_iter().find(|p| typst_works(p))
}

/// The batch process: `batch::run` over the data files in `data` in ten parts of equal
/// size; prints the wall time in ms, VmHWM, then VmRSS after each part, in KB.
fn batch_child(data: &Path, pdfs: &Path, threads: usize) {
    let mut jobs = report_typst::batch::jobs_in_dir(data, pdfs).expect("the jobs");
    let part = jobs.len().div_ceil(10).max(1);
    let options = report_typst::batch::BatchOptions {
        render: RenderOptions::default(),
        threads,
        ..Default::default()
    };
    let start = Instant::now();
    let mut failed = 0;
    let mut rss = Vec::new();
    while !jobs.is_empty() {
        let rest = jobs.split_off(part.min(jobs.len()));
        let outcomes = report_typst::batch::run(jobs, &options, &|_| {});
        failed += outcomes.iter().filter(|o| o.result.is_err()).count();
        rss.push(status_kb("VmRSS"));
        jobs = rest;
    }
    let wall = start.elapsed();
    assert_eq!(failed, 0, "every data file renders");
    let rss: Vec<String> = rss.iter().map(u64::to_string).collect();
    println!("{} {} {}", wall.as_millis(), status_kb("VmHWM"), rss.join(" "));
}

/// Whether `path` runs as a typst CLI.
fn typst_works(path: &Path) -> bool {
    Command::new(path).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// A target for a profiler: `n` distinct reports rendered one after another on this
/// thread (the warm "other data" row), then the median of each step.
fn render_loop(n: usize) {
    let options = RenderOptions::default();
    let mut phases = Vec::new();
    let runs = time_runs(n, || {
        let i = phases.len() + 1;
        phases.push(render(&variant(i), &options).expect("renders").timings);
    });
    println!(
        "{n} distinct reports: median {}; {}",
        ms(runs.median),
        steps(&median(&phases))
    );
}

/// The fresh process: render the sample, write its PDF, print the peak memory in KB.
fn cold_child(out: &Path) {
    let rendered = render(&report_examples::wendeng_2023(), &RenderOptions::default())
        .expect("the sample renders");
    std::fs::write(out, &rendered.pdf).expect("the PDF is written");
    let t = rendered.timings;
    println!(
        "{} {} {} {}",
        status_kb("VmHWM"),
        t.prepare.as_micros(),
        t.compile.as_micros(),
        t.export.as_micros()
    );
}

/// The median of each step of `all` renders, each on its own.
fn median(all: &[Timings]) -> Timings {
    let pick = |f: fn(&Timings) -> Duration| {
        let mut v: Vec<Duration> = all.iter().map(f).collect();
        v.sort_unstable();
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    Timings {
        prepare: pick(|t| t.prepare),
        compile: pick(|t| t.compile),
        export: pick(|t| t.export),
    }
}

fn total(t: &Timings) -> Duration {
    t.prepare + t.compile + t.export
}

fn steps(t: &Timings) -> String {
    format!(
        "prepare {} / compile {} / export {} (medians)",
        ms(t.prepare),
        ms(t.compile),
        ms(t.export)
    )
}

/// The stored (compressed) size of the embedded font program of the face whose name
/// contains `family`, 0 where there is none.
fn font_program_size(pdf: &[u8], family: &[u8]) -> usize {
    let Ok(doc) = lopdf::Document::load_mem(pdf) else { return 0 };
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|t| t == b"FontDescriptor")
        })
        .filter(|d| {
            d.get(b"FontName")
                .and_then(|n| n.as_name())
                .is_ok_and(|n| n.windows(family.len()).any(|w| w == family))
        })
        .filter_map(|d| {
            let id = [&b"FontFile3"[..], b"FontFile2", b"FontFile"]
                .iter()
                .find_map(|k| d.get(k).and_then(|r| r.as_reference()).ok())?;
            doc.get_object(id).and_then(|o| o.as_stream()).ok().map(|s| s.content.len())
        })
        .sum()
}

struct Runs {
    median: Duration,
    min: Duration,
    max: Duration,
}

impl Runs {
    fn of(mut times: Vec<Duration>) -> Runs {
        times.sort_unstable();
        let n = times.len();
        Runs { median: times[n / 2], min: times[0], max: times[n - 1] }
    }
}

/// The ratio of two sides' medians, runs alternating, and a note with their minimums'.
fn ratio(ours: &Runs, other: &Runs) -> (String, String) {
    (
        format!("{:.2}", ours.median.as_secs_f64() / other.median.as_secs_f64()),
        format!(
            "medians, runs alternating; ratio of the minimums {:.2}",
            ours.min.as_secs_f64() / other.min.as_secs_f64()
        ),
    )
}

fn time_runs(n: usize, mut f: impl FnMut()) -> Runs {
    Runs::of(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// The audit page's row: the time `govreport audit` takes to write the page of `reports`
/// as published pages, and the page's size (targets: under 2 s, under 5 MB).
fn audit_page(me: &Path, dir: &Path, reports: &[Report]) -> [String; 3] {
    let what =
        format!("audit page: `govreport audit DIR --html` of {} pages", reports.len());
    let Some(gov) = govreport_beside(me) else { return not_built(&what) };
    let pages = dir.join("pages");
    let _ = std::fs::remove_dir_all(&pages);
    std::fs::create_dir_all(&pages).expect("out/bench/pages");
    for (i, report) in reports.iter().enumerate() {
        let page = report_core::html::page(report, &Default::default());
        std::fs::write(pages.join(format!("{i:05}.html")), page).expect("a page written");
    }
    let html = dir.join("audit.html");
    // govreport prints the folder's table on stdout once the audit's model is built, then
    // writes the page and exits: the time from the table's last byte to the end of stdout
    // (the process's exit) is the page's writing, measured without the import and the
    // checks. The same interval without `--html` is the control (the process's exit).
    let run = |with_page: bool| -> (Duration, Duration) {
        let mut command = Command::new(&gov);
        command.args(["--lang", "zh", "audit"]).arg(&pages);
        if with_page {
            command.arg("--html").arg(&html);
        }
        let t = Instant::now();
        let mut child = command
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("govreport runs");
        let mut stdout = child.stdout.take().expect("stdout piped");
        let mut last = t;
        let mut buf = [0u8; 1 << 16];
        while std::io::Read::read(&mut stdout, &mut buf).expect("stdout read") > 0 {
            last = Instant::now();
        }
        let end = Instant::now();
        let status = child.wait().expect("govreport exits");
        assert!(matches!(status.code(), Some(0 | 1)), "govreport failed: {status}");
        (end - last, end - t)
    };
    let (mut page, mut control, mut whole) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        control.push(run(false).0);
        let (write, all) = run(true);
        page.push(write);
        whole.push(all);
    }
    for v in [&mut page, &mut control, &mut whole] {
        v.sort();
    }
    let size = std::fs::metadata(&html).map_or(0, |m| m.len());
    row(
        &what,
        format!("{} ms, {:.2} MB", page[2].as_millis(), size as f64 / 1e6),
        format!(
            "writing the page, median of 5 (target < 2 s; control without --html {} ms); \
             the whole audit with the page {} ms; page size target < 5 MB",
            control[2].as_millis(),
            whole[2].as_millis()
        ),
    )
}

/// The sample imported from its web page, Word document and PDF, one thread, `runs`
/// times each (interleaved, so that the machine's noise falls on all three alike).
fn import_rows(sample: &Report, runs: usize) -> Vec<[String; 3]> {
    let page = report_core::html::page(sample, &Default::default()).into_bytes();
    let word = report_core::docx::render(sample, &Default::default())
        .expect("the sample's Word document")
        .docx;
    let rendered =
        report_typst::render(sample, &Default::default()).expect("the sample's PDF");
    let forms: [(&str, &[u8]); 3] =
        [("web page", &page), ("Word document", &word), ("PDF", &rendered.pdf)];
    let mut times: [Vec<Duration>; 3] = Default::default();
    for _ in 0..runs {
        for (k, (_, bytes)) in forms.iter().enumerate() {
            let t = Instant::now();
            let i = report_core::import::import(bytes).expect("the sample imports");
            times[k].push(t.elapsed());
            assert!(i.problems.is_empty(), "the sample reads back cleanly");
        }
    }
    let medians: Vec<Runs> = times.into_iter().map(Runs::of).collect();
    let base = medians[0].median.as_secs_f64();
    forms
        .iter()
        .zip(&medians)
        .map(|((what, bytes), r)| {
            let extra = if *what == "PDF" {
                format!("; {} pages (target < 50 ms for 6 pages)", rendered.pages)
            } else {
                String::new()
            };
            row(
                &format!("import: the sample's {what}, one thread"),
                ms(r.median),
                format!(
                    "median of {runs} (min {}, max {}); {:.1}× the web page; {} KB{extra}",
                    ms(r.min),
                    ms(r.max),
                    r.median.as_secs_f64() / base,
                    bytes.len() / 1024
                ),
            )
        })
        .collect()
}

/// `govreport audit` of folders of mixed documents (a third each web pages, Word
/// documents and PDFs of distinct reports), all cores: its time and peak memory for 100
/// and for 200 files (memory flat over the folder: each document is read, audited and
/// dropped; only its audit is kept).
fn audit_mixed(me: &Path, dir: &Path, reports: &[Report]) -> Vec<[String; 3]> {
    let what = "audit: `govreport audit DIR` of mixed documents, all cores";
    let Some(gov) = govreport_beside(me) else { return vec![not_built(what)] };
    let mixed = dir.join("mixed");
    let _ = std::fs::remove_dir_all(&mixed);
    std::fs::create_dir_all(&mixed).expect("out/bench/mixed");
    let n = 200.min(reports.len());
    for (i, report) in reports.iter().take(n).enumerate() {
        let (ext, bytes) = match i % 3 {
            0 => (
                "html",
                report_core::html::page(report, &Default::default()).into_bytes(),
            ),
            1 => (
                "docx",
                report_core::docx::render(report, &Default::default())
                    .expect("a Word document")
                    .docx,
            ),
            _ => (
                "pdf",
                report_typst::render(report, &Default::default()).expect("a PDF").pdf,
            ),
        };
        std::fs::write(mixed.join(format!("{i:05}.{ext}")), bytes)
            .expect("a document written");
    }
    let mut out = Vec::new();
    let mut peaks = Vec::new();
    for files in [n / 2, n] {
        let folder = dir.join(format!("mixed-{files}"));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("a folder of documents");
        for i in 0..files {
            let name = std::fs::read_dir(&mixed)
                .expect("the documents")
                .filter_map(Result::ok)
                .map(|e| e.file_name())
                .find(|f| f.to_string_lossy().starts_with(&format!("{i:05}.")))
                .expect("document i");
            std::fs::hard_link(mixed.join(&name), folder.join(&name))
                .or_else(|_| {
                    std::fs::copy(mixed.join(&name), folder.join(&name)).map(|_| ())
                })
                .expect("a document linked");
        }
        let mut walls = Vec::new();
        let mut peak = 0u64;
        for _ in 0..3 {
            let t = Instant::now();
            let mut child = Command::new(&gov)
                .args(["--lang", "zh", "audit"])
                .arg(&folder)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("govreport runs");
            // VmHWM (the peak resident memory) of the child, sampled until it exits.
            let pid = child.id().to_string();
            let status = loop {
                peak = peak.max(proc_kb(&pid, "VmHWM"));
                if let Some(status) = child.try_wait().expect("govreport waited for") {
                    break status;
                }
                std::thread::sleep(Duration::from_millis(2));
            };
            walls.push(t.elapsed());
            assert!(
                matches!(status.code(), Some(0 | 1)),
                "govreport audit failed: {status}"
            );
        }
        walls.sort();
        peaks.push(peak);
        out.push(row(
            &format!("{what}: {files} files"),
            format!("{} ms", walls[1].as_millis()),
            format!(
                "median of 3; {:.1} ms per file; peak memory {:.0} MB (VmHWM sampled every 2 ms)",
                walls[1].as_secs_f64() * 1000.0 / files as f64,
                peak as f64 / 1024.0
            ),
        ));
    }
    if let [half, all] = peaks[..] {
        out.push(row(
            "audit: peak memory of 200 files over that of 100",
            format!("{:.2}×", all as f64 / half.max(1) as f64),
            "flat is 1: each document is read twice (its tables, then its audit) and dropped; its audit is kept".into(),
        ));
    }
    out
}

/// A distinct report for every `i`: another agency, other numbers, totals consistent.
fn variant(i: usize) -> Report {
    const PLACES: [&str; 8] = [
        "济南市历下区",
        "青岛市市南区",
        "烟台市芝罘区",
        "潍坊市奎文区",
        "临沂市兰山区",
        "德州市德城区",
        "聊城市东昌府区",
        "滨州市滨城区",
    ];
    const BODIES: [&str; 6] = [
        "科学技术局",
        "教育局",
        "民政局",
        "财政局",
        "人力资源和社会保障局",
        "生态环境局",
    ];
    let mut r = report_examples::wendeng_2023();
    r.agency.name = format!(
        "{}{}第{}分局",
        PLACES[i % PLACES.len()],
        BODIES[(i / PLACES.len()) % BODIES.len()],
        i
    );
    let n = |k: usize| ((i * k + 3) % 50) as u64;
    r.active_disclosure.licensing = n(7);
    r.active_disclosure.penalties = n(11);
    r.active_disclosure.enforcement = n(13);
    let a = &mut r.applications;
    a.results.disclosed = ApplicantCounts {
        natural_persons: n(1),
        businesses: n(2),
        legal_service_providers: n(3),
        ..Default::default()
    };
    a.results.partially_disclosed =
        ApplicantCounts { natural_persons: n(5), ..Default::default() };
    a.results.unavailable.not_held = ApplicantCounts {
        natural_persons: n(17),
        businesses: n(19),
        ..Default::default()
    };
    a.received = a.results.computed_total();
    r.reviews_and_lawsuits.review =
        Outcomes { upheld: n(23) % 5, corrected: n(29) % 3, ..Default::default() };
    r.reviews_and_lawsuits.lawsuits_direct =
        Outcomes { upheld: n(31) % 4, other: n(37) % 2, ..Default::default() };
    r.overview.disclosure_on_request.paragraphs[0] =
        format!("本年度共收到政府信息公开申请{}件，均已按期答复。", a.received.total());
    r
}

/// `govreport edit` on the seed's data file: the time from a change posted (one cell of
/// 三, as the form posts it after a keystroke) to its answer (the file saved atomically,
/// checked, the state as JSON), over loopback, against the check alone (`datafile::load`
/// of the same text in this process), runs alternating; and the server's peak memory.
fn edit_keystroke(me: &Path, dir: &Path, runs: usize) -> Vec<[String; 3]> {
    use std::io::{BufRead, BufReader, Read, Write};
    let what = "edit: a keystroke's save and check (POST change → state)";
    let Some(gov) = govreport_beside(me) else { return vec![not_built(what)] };
    let folder = dir.join("edit");
    std::fs::create_dir_all(&folder).expect("out/bench/edit");
    let file = folder.join("wendeng_2023.toml");
    let seed = include_str!("data/wendeng_2023.toml");
    std::fs::write(&file, seed).expect("the seed's data file copied");
    let mut child = Command::new(&gov)
        .args(["--lang", "zh", "edit"])
        .arg(&file)
        .arg("--no-open")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("govreport edit runs");
    let stdout = child.stdout.take().expect("its output");
    let url = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.starts_with("http://"))
        .expect("the address printed");
    let rest = url.trim_start_matches("http://");
    let (address, path) = rest.split_once('/').expect("an address and a path");
    let request = |method: &str, route: &str, body: &str| -> String {
        let mut stream =
            std::net::TcpStream::connect(address).expect("the server listens");
        let head = format!(
            "{method} /{path}{route} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream
            .write_all(head.as_bytes())
            .and_then(|()| stream.write_all(body.as_bytes()))
            .expect("sent");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("an answer");
        assert!(
            answer.starts_with("HTTP/1.1 200"),
            "{}",
            answer.lines().next().unwrap_or("")
        );
        answer
    };
    let hash_of = |answer: &str| {
        let start = answer.find("\"hash\":\"").expect("a hash") + 8;
        answer[start..start + 32].to_owned()
    };
    let mut hash = hash_of(&request("GET", "state", ""));
    let cell = r#"["tables","table3_收到和处理政府信息公开申请情况","一、本年新收政府信息公开申请数量","自然人"]"#;
    let mut keystrokes = Vec::new();
    let mut checks = Vec::new();
    for i in 0..runs {
        let body = format!(
            r#"{{"base":"{hash}","op":"set","path":{cell},"value":"{}"}}"#,
            i % 10
        );
        let t = Instant::now();
        let answer = request("POST", "change", &body);
        keystrokes.push(t.elapsed());
        hash = hash_of(&answer);
        let text = std::fs::read_to_string(&file).expect("the file");
        let t = Instant::now();
        let source = report_core::datafile::Source::new(
            "r.toml",
            text,
            report_core::datafile::Format::Toml,
        );
        let loaded = report_core::datafile::load(source, None).expect("the file reads");
        std::hint::black_box(loaded);
        checks.push(t.elapsed());
    }
    let peak = proc_kb(&child.id().to_string(), "VmHWM");
    let _ = child.kill();
    let _ = child.wait();
    let (keystroke, check) = (Runs::of(keystrokes), Runs::of(checks));
    let (r, note) = ratio(&keystroke, &check);
    vec![
        row(
            &format!("{what}, the seed report, loopback"),
            format!("{:.1} ms", keystroke.median.as_secs_f64() * 1000.0),
            format!(
                "median of {runs}; min {:.1}, max {:.1} ms",
                keystroke.min.as_secs_f64() * 1000.0,
                keystroke.max.as_secs_f64() * 1000.0
            ),
        ),
        row(
            "edit: the keystroke over the check alone (datafile::load in this process)",
            r,
            note,
        ),
        row(
            "edit: the server's peak memory after the keystrokes",
            format!("{:.0} MB", peak as f64 / 1024.0),
            "VmHWM of `govreport edit`".into(),
        ),
    ]
}

/// A field of `/proc/self/status` in KB (0 where there is no such file).
fn status_kb(field: &str) -> u64 {
    proc_kb("self", field)
}

/// A field of process `pid`'s `/proc/PID/status` in KB (0 where there is no such file,
/// e.g. after it exited).
fn proc_kb(pid: &str, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// The `govreport` built beside the bench: the bench is target/release/examples/bench,
/// govreport target/release/govreport.
fn govreport_beside(me: &Path) -> Option<PathBuf> {
    let gov =
        me.parent()?.parent()?.join(format!("govreport{}", std::env::consts::EXE_SUFFIX));
    gov.exists().then_some(gov)
}

/// The row of a measure of `govreport` when it is not built.
fn not_built(what: &str) -> [String; 3] {
    row(
        what,
        "-".into(),
        "govreport not built (cargo build --release -p govreport)".into(),
    )
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1).map(|m| m.trim().to_owned()))
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rustc = Command::new("rustc")
        .arg("-V")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_owned())
        })
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or(String::new(), |kb| format!(", {:.0} GB RAM", kb as f64 / 1048576.0));
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .map_or(String::new(), |l| {
            let busy = l.parse::<f64>().is_ok_and(|l| l > cores as f64 + 0.5);
            let note =
                if busy { " (above the core count: other work competed)" } else { "" };
            format!("; load average {l} at the end{note}")
        });
    format!("Machine: {cpu}, {cores} cores{mem}; {rustc}; release profile{load}")
}

fn row(a: &str, b: String, c: String) -> [String; 3] {
    [a.to_owned(), b, c]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn kb(bytes: u64) -> String {
    format!("{:.0} KB", bytes as f64 / 1024.0)
}
