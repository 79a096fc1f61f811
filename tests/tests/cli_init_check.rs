//! `govreport init` and `govreport check`: skeletons that load, every problem with its
//! file, line, column, labels, expected and found values and hint; exit statuses 0/1/2;
//! `--format json`; `--previous`.

mod cli_common;

use cli_common::{govreport, seed};
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
        cli_common::root().join("report-core/schema/govreport.schema.json"),
    )
    .expect("committed");
    govreport().arg("schema").assert().success().stdout(committed);
}
