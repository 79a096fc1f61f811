//! Malformed input of every kind gives a clear message with its position and a non-zero
//! exit status, never a panic: syntax errors, wrong types, negative and too large
//! numbers, unknown keys, missing sections, text that is not UTF-8, an empty file and a
//! 1 TiB (sparse) file.

use crate::common;

use std::path::{Path, PathBuf};

use common::{govreport, seed};

/// Runs `check` on `bytes` saved as `name`; returns the exit status and stderr.
fn check(dir: &Path, name: &str, bytes: &[u8]) -> (i32, String) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    run_check(&path)
}

fn run_check(path: &PathBuf) -> (i32, String) {
    let out = govreport().arg("check").arg(path).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().expect("an exit status, not a signal"), stderr)
}

fn seed_text() -> String {
    std::fs::read_to_string(seed()).expect("seed")
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("the needle is there") + 1
}

fn json_seed() -> String {
    let report = report_examples::wendeng_2023();
    report_core::datafile::write::to_json(&report)
}

#[test]
fn syntax_errors_are_status_2_with_their_position() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = seed_text().replacen("kind = \"department\"", "kind = \"department", 1);
    let line = line_of(&text, "kind = \"department");
    let (code, err) = check(dir.path(), "a.toml", text.as_bytes());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("invalid TOML") && err.contains(&format!("a.toml:{line}:")),
        "{err}"
    );

    let json = json_seed().replacen("\"year\": 2023,", "\"year\": 2023,,", 1);
    let line = line_of(&json, "\"year\": 2023,,");
    let (code, err) = check(dir.path(), "a.json", json.as_bytes());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("invalid JSON") && err.contains(&format!("a.json:{line}:")),
        "{err}"
    );

    let deep = format!("{{\"a\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let (code, err) = check(dir.path(), "deep.json", deep.as_bytes());
    assert_eq!(code, 2, "{err}");
    let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (code, err) = check(dir.path(), "deep.toml", deep.as_bytes());
    assert_eq!(code, 2, "{err}");
}

#[test]
fn wrong_types_are_errors_at_the_value() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (from, to, needle) in [
        ("year = 2023", "year = \"二〇二三\"", "year ="),
        ("date = 2024-01-22", "date = \"2024年1月22日\"", "date ="),
        ("kind = \"department\"", "kind = \"bureau\"", "kind ="),
        ("\"本年制发件数\" = 0", "\"本年制发件数\" = \"零\"", "\"零\""),
        ("\"自然人\" = 0", "\"自然人\" = 1.5", "1.5"),
        ("\"商业企业\" = 0", "\"商业企业\" = 3.0", "3.0"),
        ("\"其他\" = 0", "\"其他\" = true", "true"),
    ] {
        let text = seed_text().replacen(from, to, 1);
        assert_ne!(text, seed_text());
        let line = line_of(&text, needle);
        let (code, err) = check(dir.path(), "t.toml", text.as_bytes());
        assert_eq!(code, 1, "{to}: {err}");
        assert!(err.contains(&format!("t.toml:{line}:")), "{to}: {err}");
    }
}

#[test]
fn negative_and_too_large_numbers_are_errors_at_the_value() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (to, name) in [
        ("\"自然人\" = -1", "neg.toml"),
        ("\"自然人\" = 99999999999999999999", "big.toml"),
    ] {
        let text = seed_text().replacen("\"自然人\" = 0", to, 1);
        let line = line_of(&text, to);
        let (code, err) = check(dir.path(), name, text.as_bytes());
        assert_ne!(code, 0, "{err}");
        assert!(err.contains(&format!("{name}:{line}:")), "{err}");
    }
    let json =
        json_seed().replacen("\"自然人\": 0", "\"自然人\": 184467440737095516160", 1);
    let line = line_of(&json, "184467440737095516160");
    let (code, err) = check(dir.path(), "big.json", json.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[ALL]") && err.contains(&format!("big.json:{line}:")),
        "{err}"
    );
    let json = json_seed().replacen("\"year\": 2023", "\"year\": 99999999999", 1);
    let (code, err) = check(dir.path(), "year.json", json.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("year.json:{}:", line_of(&json, "99999999999"))),
        "{err}"
    );
}

#[test]
fn unknown_keys_and_missing_sections_are_named() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = seed_text().replacen("year = 2023", "year = 2023\ncolour = \"red\"", 1);
    let (code, err) = check(dir.path(), "k.toml", text.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("colour")
            && err.contains(&format!("k.toml:{}:", line_of(&text, "colour"))),
        "{err}"
    );

    let text = seed_text().replacen("telephone =", "phone =", 1);
    let (code, err) = check(dir.path(), "k.toml", text.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("phone")
            && err.contains(&format!("k.toml:{}:", line_of(&text, "phone ="))),
        "{err}"
    );

    let mut v: serde_json::Value = serde_json::from_str(&json_seed()).expect("json");
    v.as_object_mut().expect("object").remove("overview");
    let (code, err) = check(dir.path(), "m.json", v.to_string().as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("missing field `overview`"), "{err}");

    let mut v: serde_json::Value = serde_json::from_str(&json_seed()).expect("json");
    let t = v["tables"].as_object_mut().expect("tables");
    t.remove(*report_core::labels::TABLE4_KEY);
    let (code, err) = check(dir.path(), "t.json", v.to_string().as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("table4_政府信息公开行政复议、行政诉讼情况")
            && err.contains("missing"),
        "{err}"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_status_2_with_the_position_of_the_first_bad_byte() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut bytes = b"year = 2023\n# ".to_vec();
    bytes.extend_from_slice(&[0xCE, 0xC4, 0xB5, 0xC7]); // 文登 in GBK
    let (code, err) = check(dir.path(), "gbk.toml", &bytes);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not UTF-8") && err.contains("gbk.toml:2:3"), "{err}");
}

#[test]
fn an_empty_file_is_status_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, bytes) in [("e.toml", &b""[..]), ("w.json", &b"  \n\t\n"[..])] {
        let (code, err) = check(dir.path(), name, bytes);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("empty"), "{err}");
    }
}

#[test]
fn a_file_larger_than_the_limit_is_refused_by_its_size_before_it_is_read() {
    // A sparse file of 1 TiB: it reports its size without holding the bytes. Only the
    // check of the file's metadata can refuse it with that size: a reader that read it
    // (bounded at the limit) would report 16 MiB + 1 bytes, an unbounded one would never
    // finish.
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("huge.toml");
    let size: u64 = 1 << 40;
    let file = std::fs::File::create(&path).expect("created");
    file.set_len(size).expect("a sparse file");
    drop(file);
    assert_eq!(std::fs::metadata(&path).expect("metadata").len(), size);
    let (code, err) = run_check(&path);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("larger than the limit") && err.contains("16 MiB"), "{err}");
    assert!(err.contains(&format!("is {size} bytes")), "not refused by its size: {err}");
    let out = govreport()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(dir.path().join("huge.pdf"))
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("is {size} bytes")), "not refused by its size: {err}");
    assert!(!dir.path().join("huge.pdf").exists());
}

#[test]
fn a_folder_or_a_missing_file_is_status_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (code, _) = run_check(&dir.path().to_path_buf());
    assert_eq!(code, 2);
    let (code, err) = run_check(&dir.path().join("none.toml"));
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn a_section_of_120_items_is_numbered_on_past_99() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut v: serde_json::Value = serde_json::from_str(&json_seed()).expect("json");
    let items: Vec<serde_json::Value> = (0..120)
        .map(|i| serde_json::json!({"title": format!("问题{i}"), "paragraphs": ["说明"]}))
        .collect();
    v["problems"]["items"] = serde_json::Value::Array(items);
    let (code, err) = check(dir.path(), "many.json", v.to_string().as_bytes());
    assert_eq!(code, 0, "{err}");
    let pdf = dir.path().join("many.pdf");
    govreport()
        .arg("render")
        .arg(dir.path().join("many.json"))
        .arg("-o")
        .arg(&pdf)
        .assert()
        .code(0);
    let text = report_tests::compact(&report_tests::extract_text(
        &std::fs::read(&pdf).expect("the PDF"),
    ));
    assert!(text.contains("（一百二十）问题119"), "the 120th item is numbered");
}

#[test]
fn check_format_json_reports_an_unreadable_file_on_stdout() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "{\"year\": }").expect("written");
    let out = govreport()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(v["readable"], false);
    assert_eq!(v["problems"][0]["rule"], "READ");
    assert_eq!(v["problems"][0]["line"], 1);
    assert!(v["problems"][0]["column"].as_u64().is_some_and(|c| c > 1));
}
