//! `govreport batch`: a folder of 200 data files, 3 of them broken, rendered in parallel:
//! 197 PDFs, the 3 failures named with why, a non-zero exit status.

use crate::common;

use common::{govreport, seed};
use predicates::str::contains;
use report_typst::batch::{self, BatchOptions, Failure};

/// 200 data files in `dir`: the seed under 200 agency names; numbers 17, 101 and 150 are
/// broken (a syntax error, a total that does not add up, a file that is not UTF-8).
fn city(dir: &std::path::Path) {
    let seed = std::fs::read_to_string(seed()).expect("seed");
    for i in 0..200 {
        let text = seed.replace("威海市文登区科学技术局", &format!("威海市第{i}局"));
        let name = dir.join(format!("agency_{i:03}.toml"));
        let bytes = match i {
            17 => text.replacen("year = 2023", "year = = 2023", 1).into_bytes(),
            101 => text
                .replacen("\"结果维持\" = 0", "\"结果维持\" = 1\n\"总计\" = 0", 1)
                .into_bytes(),
            150 => {
                let mut b = text.into_bytes();
                b.extend_from_slice(b"\n# \xB9\xFA\xBC\xD2\n"); // GBK, not UTF-8
                b
            }
            _ => text.into_bytes(),
        };
        std::fs::write(name, bytes).expect("written");
    }
    std::fs::write(dir.join("notes.txt"), "not a data file").expect("written");
}

#[test]
fn batch_renders_197_of_200_and_names_the_3_failures() {
    let data = tempfile::tempdir().expect("a temp dir");
    city(data.path());
    let out = tempfile::tempdir().expect("a temp dir");
    let out_dir = out.path().join("pdf");
    let run = govreport()
        .arg("batch")
        .arg(data.path())
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .code(1)
        .stdout(contains("rendered 197 of 200"))
        .stderr(contains("3 of 200 failed"));
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(
        stderr.contains("agency_017.toml") && stderr.contains("invalid TOML"),
        "{stderr}"
    );
    assert!(stderr.contains("agency_101.toml") && stderr.contains("T4-A"), "{stderr}");
    assert!(
        stderr.contains("agency_150.toml") && stderr.contains("not UTF-8"),
        "{stderr}"
    );
    let pdfs: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("listed")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(pdfs.len(), 197, "only PDFs, no temporary files: {pdfs:?}");
    assert!(pdfs.iter().all(|p| p.ends_with(".pdf")));
    for broken in ["agency_017.pdf", "agency_101.pdf", "agency_150.pdf"] {
        assert!(!out_dir.join(broken).exists());
    }
    let one = std::fs::read(out_dir.join("agency_199.pdf")).expect("written");
    let text = report_tests::compact(&report_tests::extract_text(&one));
    assert!(text.contains("威海市第199局"), "each PDF is its own agency's");
}

#[test]
fn batch_of_a_clean_folder_succeeds_and_of_a_missing_one_is_status_2() {
    let data = tempfile::tempdir().expect("a temp dir");
    std::fs::copy(seed(), data.path().join("a.toml")).expect("copied");
    let out = tempfile::tempdir().expect("a temp dir");
    govreport()
        .arg("batch")
        .arg(data.path())
        .arg("-o")
        .arg(out.path())
        .arg("--jobs")
        .arg("1")
        .assert()
        .code(0)
        .stdout(contains("rendered 1 of 1"));
    assert!(out.path().join("a.pdf").exists());
    govreport()
        .arg("batch")
        .arg(data.path().join("missing"))
        .arg("-o")
        .arg(out.path())
        .assert()
        .code(2);
}

#[test]
fn the_library_batch_keeps_input_order_and_isolates_failures() {
    let data = tempfile::tempdir().expect("a temp dir");
    let seed = std::fs::read_to_string(seed()).expect("seed");
    for i in 0..6 {
        let text = if i == 2 { "year = [".to_owned() } else { seed.clone() };
        std::fs::write(data.path().join(format!("{i}.toml")), text).expect("written");
    }
    let out = tempfile::tempdir().expect("a temp dir");
    let jobs = batch::jobs_in_dir(data.path(), out.path()).expect("listed");
    let expected: Vec<_> = jobs.clone();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let options = BatchOptions { threads: 3, ..BatchOptions::default() };
    let outcomes = batch::run(jobs, &options, &|_| {
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    });
    assert_eq!(done.into_inner(), 6);
    let order: Vec<_> = outcomes.iter().map(|o| o.job.clone()).collect();
    assert_eq!(order, expected);
    for (i, o) in outcomes.iter().enumerate() {
        match (&o.result, i) {
            (Err(Failure::Load(_)), 2) => {}
            (Ok(success), i) if i != 2 => assert!(success.pages >= 1),
            (other, i) => panic!("job {i}: {other:?}"),
        }
    }
}

/// `batch --previous LASTDIR`: each data file paired with last year's of the same agency
/// (year − 1) renders as `render --previous` does (its `.较上年` placeholder filled, its
/// stock checked against last year's), and an agency with no pair is a warning in the
/// summary, in the chosen language, without failing the batch.
#[test]
fn batch_pairs_last_years_files_by_agency_and_names_the_unpaired() {
    let seed_text = std::fs::read_to_string(seed()).expect("seed");
    let with_change = seed_text.replacen(
        "preamble = [",
        "preamble = [\n  \"本年新收申请{申请.本年新收.较上年}。\",",
        1,
    );
    assert_ne!(with_change, seed_text, "the seed has a preamble");
    let this = tempfile::tempdir().expect("a temp dir");
    let last = tempfile::tempdir().expect("a temp dir");
    let out = tempfile::tempdir().expect("a temp dir");
    std::fs::write(this.path().join("wendeng.toml"), &with_change).unwrap();
    let other = seed_text.replace("威海市文登区科学技术局", "威海市文登区教育和体育局");
    std::fs::write(this.path().join("jiaoti.toml"), other).unwrap();
    // Last year: the same agency, 2022, the same applications (持平) and a stock that
    // does not chain (7 in force last year, none issued or repealed, 0 this year).
    let last_text = seed_text
        .replacen("year = 2023", "year = 2022", 1)
        .replacen(
            "[tables.\"table2_主动公开政府信息情况\".\"第二十条第（一）项\".\"行政规范性文件\"]\n\"本年制发件数\" = 0\n\"本年废止件数\" = 0\n\"现行有效件数\" = 0",
            "[tables.\"table2_主动公开政府信息情况\".\"第二十条第（一）项\".\"行政规范性文件\"]\n\"本年制发件数\" = 0\n\"本年废止件数\" = 0\n\"现行有效件数\" = 7",
            1,
        );
    assert!(
        last_text.contains("\"现行有效件数\" = 7"),
        "the seed's table 二 as expected"
    );
    let last_file = last.path().join("wendeng_2022.toml");
    std::fs::write(&last_file, &last_text).unwrap();
    // Another agency's last year: no pair for this year's second agency.
    std::fs::write(
        last.path().join("other_2022.toml"),
        last_text.replace("威海市文登区科学技术局", "威海市某某局"),
    )
    .unwrap();

    let run = govreport()
        .env("LANG", "zh_CN.UTF-8")
        .args(["batch", "--format", "html", "--previous"])
        .arg(last.path())
        .arg(this.path())
        .arg("-o")
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    // The unpaired agency, named in the summary, and only it.
    assert!(stderr.contains("警告：1 份数据文件在"), "{stderr}");
    assert!(
        stderr
            .contains("jiaoti.toml：威海市文登区教育和体育局（2023 年，未找到 2022 年）"),
        "{stderr}"
    );
    assert!(!stderr.contains("wendeng.toml：威海市文登区科学技术局（"), "{stderr}");
    // The paired one was checked against last year: S-CONT, placed in its file.
    assert!(
        stderr.lines().any(|l| l.contains("wendeng.toml") && l.contains("警告[S-CONT]")),
        "{stderr}"
    );
    assert!(
        !stderr.lines().any(|l| l.contains("jiaoti.toml") && l.contains("S-CONT")),
        "{stderr}"
    );
    // Its page is the one `render --previous` writes: the placeholder filled.
    let single = out.path().join("single.html");
    let render = govreport()
        .arg("render")
        .arg(this.path().join("wendeng.toml"))
        .arg("--previous")
        .arg(&last_file)
        .arg("-o")
        .arg(&single)
        .output()
        .unwrap();
    assert_eq!(
        render.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    let batch_page = std::fs::read(out.path().join("wendeng.html")).unwrap();
    assert_eq!(batch_page, std::fs::read(&single).unwrap());
    assert!(String::from_utf8_lossy(&batch_page).contains("本年新收申请持平。"));
    // Without --previous the placeholder cannot be filled: the report is refused.
    let alone = govreport()
        .args(["batch", "--format", "html"])
        .arg(this.path())
        .arg("-o")
        .arg(out.path().join("alone"))
        .output()
        .unwrap();
    assert_eq!(
        alone.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&alone.stderr)
    );
}
