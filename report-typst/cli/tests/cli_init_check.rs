//! `govreport init` and `govreport check`: skeletons that load, every problem with its
//! file, line, column, labels, expected and found values and hint; exit statuses 0/1/2;
//! `--format json`; `--previous`.

use crate::common;

use common::{govreport, seed};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

#[test]
fn init_writes_a_skeleton_that_checks_with_warnings_only() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for name in ["a.toml", "a.json"] {
        let path = dir.path().join(name);
        govreport()
            .args(["init", "--agency", "某市某局", "--year", "2025"])
            .arg(&path)
            .assert()
            .success();
        let text = std::fs::read_to_string(&path).expect("written");
        assert!(text.contains("某市某局"));
        assert!(text.contains("\"1.属于国家秘密\""), "official labels as keys");
        if name.ends_with(".toml") {
            assert!(
                text.contains("# 三、收到和处理政府信息公开申请情况"),
                "comments quote labels"
            );
        } else {
            serde_json::from_str::<Value>(&text).expect("JSON");
        }
        govreport()
            .arg("check")
            .arg(&path)
            .assert()
            .code(0)
            .stderr(contains("warning[EMPTY]").and(contains("error[").not()));
    }
}

#[test]
fn init_refuses_to_overwrite_unless_forced() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("a.toml");
    std::fs::write(&path, "keep").expect("written");
    let args =
        ["init", "--agency", "某局", "--year", "2025", "--kind", "peoples-government"];
    govreport().args(args).arg(&path).assert().code(1).stderr(contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "keep");
    govreport().args(args).arg(&path).arg("--force").assert().success();
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("peoples_government") && text.contains("工作考核"));
}

#[test]
fn check_of_the_seed_is_clean() {
    govreport().arg("check").arg(seed()).assert().code(0).stderr(contains("no errors"));
}

#[test]
fn check_names_a_changed_cell_by_its_labels_and_its_line() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = std::fs::read_to_string(seed()).expect("seed");
    // 行政复议 / 结果维持 0 → 4, with its 总计 stated as 0.
    let header = "[tables.\"table4_政府信息公开行政复议、行政诉讼情况\".\"行政复议\"]";
    let at = text.find(header).expect("the row is in the seed");
    let (head, tail) = text.split_at(at);
    let tail = tail.replacen("\"结果维持\" = 0", "\"结果维持\" = 4", 1).replacen(
        "\"尚未审结\" = 0",
        "\"尚未审结\" = 0\n\"总计\" = 0",
        1,
    );
    let changed = format!("{head}{tail}");
    let line =
        changed.lines().position(|l| l.starts_with("\"总计\" = 0")).expect("there") + 1;
    let path = dir.path().join("changed.toml");
    std::fs::write(&path, &changed).expect("written");
    let out = govreport().arg("check").arg(&path).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("error[T4-A]"), "{stderr}");
    assert!(stderr.contains(&format!("changed.toml:{line}:")), "{stderr}");
    assert!(stderr.contains("cell: 行政复议 / 总计"), "{stderr}");
    assert!(stderr.contains("expected 4, found 0"), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
    assert!(
        stderr.contains(&format!("{line} | \"总计\" = 0")),
        "the line is quoted: {stderr}"
    );

    let out = govreport().args(["check", "--format", "json"]).arg(&path).assert().code(1);
    let v: Value =
        serde_json::from_slice(&out.get_output().stdout).expect("JSON on stdout");
    assert_eq!(v["ok"], false);
    let p = v["problems"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["rule"] == "T4-A"))
        .expect("T4-A in the JSON");
    assert_eq!(p["location"], "行政复议 / 总计");
    assert_eq!(p["line"], line as u64);
    assert_eq!(p["expected"], "4");
    assert_eq!(p["found"], "0");
}

#[test]
fn check_with_last_years_file_checks_continuity() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = std::fs::read_to_string(seed()).expect("seed");
    // Last year carried 2 applications forward; this year says none were carried over.
    let mut last = text.replacen("year = 2023", "year = 2022", 1).replacen(
        "date = 2024-01-22",
        "date = 2023-01-20",
        1,
    );
    let header = "\"四、结转下年度继续办理\"]\n\"自然人\" = 0";
    assert!(last.contains(header));
    last = last.replacen(header, "\"四、结转下年度继续办理\"]\n\"自然人\" = 2", 1);
    last = last.replacen(
        "\"一、本年新收政府信息公开申请数量\"]\n\"自然人\" = 0",
        "\"一、本年新收政府信息公开申请数量\"]\n\"自然人\" = 2",
        1,
    );
    let previous = dir.path().join("2022.toml");
    std::fs::write(&previous, last).expect("written");
    govreport()
        .arg("check")
        .arg(seed())
        .arg("--previous")
        .arg(&previous)
        .assert()
        .code(0)
        .stderr(
            contains("warning[Y-CONT]")
                .and(contains("二、上年结转政府信息公开申请数量 / 自然人")),
        );
    govreport()
        .arg("check")
        .arg(seed())
        .arg("--previous")
        .arg(dir.path().join("missing.toml"))
        .assert()
        .code(2);
}

#[test]
fn check_exit_status_is_2_for_unreadable_input_and_usage_errors() {
    govreport()
        .args(["check", "/nonexistent/file.toml"])
        .assert()
        .code(2)
        .stderr(contains("cannot read"));
    govreport().args(["check"]).assert().code(2);
    govreport().args(["frobnicate"]).assert().code(2);
}

#[test]
fn schema_prints_the_committed_schema() {
    let committed = std::fs::read_to_string(
        common::root().join("report-core/schema/govreport.schema.json"),
    )
    .expect("committed");
    govreport().arg("schema").assert().success().stdout(committed);
}

#[test]
fn check_of_a_published_report_with_one_cell_changed_names_the_cell_and_its_line() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fixture = common::root().join("tests/fixtures/real_reports.json");
    let fixture: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).expect("readable"))
            .expect("JSON");
    let skeleton = dir.path().join("skeleton.json");
    govreport()
        .args(["init", "--agency", "淮安市人民政府", "--year", "2024"])
        .args(["--kind", "peoples-government", "--level", "prefecture"])
        .arg(&skeleton)
        .assert()
        .success();
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string(&skeleton).expect("written"))
            .expect("JSON");
    for report in fixture["reports"].as_array().expect("reports") {
        file["tables"] = report["tables"].clone();
        let clean = dir.path().join("clean.json");
        std::fs::write(&clean, serde_json::to_string_pretty(&file).expect("JSON"))
            .expect("w");
        govreport().arg("check").arg(&clean).assert().code(0);

        // 二、上年结转 / 自然人 one more: T3-C on its row, T3-A on its column.
        let mut changed = file.clone();
        let cell = &mut changed["tables"]["table3_收到和处理政府信息公开申请情况"]["二、上年结转政府信息公开申请数量"]
            ["自然人"];
        *cell = Value::from(cell.as_u64().expect("a count") + 1);
        let text = serde_json::to_string_pretty(&changed).expect("JSON");
        let path = dir.path().join("changed.json");
        std::fs::write(&path, &text).expect("written");
        let row =
            text.lines().position(|l| l.contains("二、上年结转")).expect("there") + 1;
        let out = govreport().arg("check").arg(&path).assert().code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains("error[T3-C]"), "{stderr}");
        assert!(
            stderr.contains("cell: 二、上年结转政府信息公开申请数量 / 总计"),
            "{stderr}"
        );
        // The row's 总计 is written below the row's key: its line is after it.
        let at = stderr
            .lines()
            .skip_while(|l| !l.starts_with("error[T3-C]"))
            .find_map(|l| l.trim().strip_prefix(&format!("--> {}:", path.display())))
            .and_then(|rest| rest.split(':').next()?.parse::<usize>().ok())
            .expect("a position");
        assert!(at > row && at < row + 9, "line {at}, row at {row}: {stderr}");
        assert!(
            text.lines().nth(at - 1).is_some_and(|l| l.contains("\"总计\"")),
            "{stderr}"
        );
        assert!(stderr.contains("error[T3-A]"), "{stderr}");
    }
}

/// `govreport check` on the files of `tests/fixtures/check`, in that folder (so that the
/// file is named as given), against the output of the `govreport` before diagnostics
/// became one type: the JSON byte for byte, and the text too, as annotate-snippets draws
/// it (a line shown whole up to 140 columns, cut with `...` beyond).
#[test]
fn check_output_is_unchanged_for_files_with_problems() {
    let dir = common::root().join("tests/fixtures/check");
    for file in ["cells.toml", "labels.toml", "shape.toml", "totals.json"] {
        let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        let expected = |ext: &str| {
            std::fs::read_to_string(dir.join(format!("{stem}.check.{ext}")))
                .expect("the expected output")
        };
        let out = govreport()
            .current_dir(&dir)
            .args(["check", "--format", "json", file])
            .assert()
            .code(1);
        let json = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert_eq!(json, expected("json"), "{file}: the JSON changed");
        let out = govreport().current_dir(&dir).args(["check", file]).assert().code(1);
        let text = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert_eq!(text, expected("txt"), "{file}: the text changed");
    }
}

/// The operating system's common errors are said in the chosen language: a missing file,
/// a folder given for a file.
#[test]
fn os_errors_read_in_chinese() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("nonexist.toml");
    let out = govreport()
        .env("LANG", "zh_CN.UTF-8")
        .arg("check")
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("找不到该文件或文件夹"), "{stderr}");
    assert!(!stderr.contains("No such file") && !stderr.contains("os error"), "{stderr}");
    let out = govreport()
        .env("LANG", "zh_CN.UTF-8")
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("这是文件夹，不是文件"), "{stderr}");
}
