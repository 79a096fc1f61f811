//! Issue 12 at the command line: one `govreport check` of the broken file reports every
//! problem once, each with its position, in Chinese and in English, as text or JSON; blank
//! cells are named; the underline is as wide as the value. The files are
//! [`report_tests::broken`]'s, the ones `tests/tests/recovery.rs` reads with the library.

use crate::common::{govreport, seed};
use report_core::datafile::{self, Format, Source};
use report_core::l10n::Lang;
use report_tests::broken::{broken, line_of, with_blanks};
use serde_json::Value;

/// Runs `check` on `path` with the language given by `LANG` or `--lang`.
fn check(path: &std::path::Path, zh: bool, json: bool) -> (i32, String, String) {
    let mut cmd = govreport();
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES");
    if zh {
        cmd.env("LANG", "zh_CN.UTF-8");
    } else {
        cmd.env("LANG", "zh_CN.UTF-8").args(["--lang", "en"]);
    }
    cmd.arg("check").arg(path);
    if json {
        cmd.args(["--format", "json"]);
    }
    let out = cmd.output().expect("govreport runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_reports_everything_once_in_chinese_and_in_english() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("broken.toml");
    let text = broken();
    std::fs::write(&path, &text).expect("written");
    let t4c_line = line_of(&text, "\"复议后起诉\"]", "\"总计\" = 1");

    let (code, _, zh) = check(&path, true, false);
    assert_eq!(code, 1, "{zh}");
    assert_eq!(zh.matches("错误[T3-C]：").count(), 3, "{zh}");
    for head in ["错误[LABEL]：", "错误[F2019]：", "错误[T4-C]："] {
        assert_eq!(zh.matches(head).count(), 1, "{head}: {zh}");
    }
    assert!(
        zh.contains("错误[T4-C]：复议后起诉“总计”应为 0（结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 0），实填 1"),
        "{zh}"
    );
    assert!(zh.contains("提示：请核对各项数字，或按各项之和更正总计"), "{zh}");
    assert!(zh.contains(&format!("broken.toml:{t4c_line}:")), "{zh}");
    assert!(zh.contains("位置：行政诉讼 / 复议后起诉 / 总计"), "{zh}");
    assert!(zh.contains("应为 现行有效件数，实填 现形有效件数"), "{zh}");
    assert!(!zh.contains("error[") && !zh.contains("hint:"), "{zh}");

    let (code, _, en) = check(&path, false, false);
    assert_eq!(code, 1, "{en}");
    assert_eq!(en.matches("error[T3-C]: ").count(), 3, "{en}");
    for head in ["error[LABEL]: ", "error[F2019]: ", "error[T4-C]: "] {
        assert_eq!(en.matches(head).count(), 1, "{head}: {en}");
    }
    assert!(en.contains(&format!("broken.toml:{t4c_line}:")), "{en}");
    assert!(!en.contains("错误["), "{en}");

    // JSON: the rule, the place as fields, the arguments, the message in the language.
    for zh in [true, false] {
        let (code, out, _) = check(&path, zh, true);
        assert_eq!(code, 1);
        let v: Value = serde_json::from_str(&out).expect("JSON");
        let problems = v["problems"].as_array().expect("problems");
        let t4c = problems.iter().find(|p| p["rule"] == "T4-C").expect("T4-C");
        assert_eq!(t4c["place"]["kind"], "table");
        assert_eq!(t4c["place"]["table"], "section4");
        assert_eq!(t4c["place"]["labels"][2], "总计");
        assert_eq!(t4c["arguments"]["found"], "1");
        assert_eq!(t4c["line"], t4c_line as u64);
        assert_eq!(t4c["lang"], if zh { "zh" } else { "en" });
        let message = t4c["message"].as_str().expect("a message");
        assert_eq!(message.contains("应为"), zh, "{message}");
    }
}

#[test]
fn blank_cells_in_the_cli_and_last_years_file_with_errors_is_used_not_fatal() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("blanks.toml");
    std::fs::write(&path, with_blanks()).expect("written");
    let (code, _, zh) = check(&path, true, false);
    assert_eq!(code, 1, "{zh}");
    assert_eq!(zh.matches("错误[ALL]：此格为空白").count(), 3, "{zh}");

    // Last year's file with blank cells and errors of its own: used, summarised once.
    let seed_text = std::fs::read_to_string(seed()).expect("the seed");
    let last = seed_text
        .replacen("year = 2023", "year = 2022", 1)
        .replacen("date = 2024-01-22", "date = 2023-01-20", 1)
        .replacen(
            "\"四、结转下年度继续办理\"]\n\"自然人\" = 0",
            "\"四、结转下年度继续办理\"]\n\"自然人\" = 2",
            1,
        )
        .replacen(
            "\"一、本年新收政府信息公开申请数量\"]\n\"自然人\" = 0",
            "\"一、本年新收政府信息公开申请数量\"]\n\"自然人\" = 2",
            1,
        )
        .replacen("\"本年处理决定数量\" = 0", "\"本年处理决定数量\" = \"\"", 1);
    let previous = dir.path().join("2022.toml");
    std::fs::write(&previous, last).expect("written");
    for (lang, args) in [(Lang::Zh, vec![]), (Lang::En, vec!["--lang", "en"])] {
        let out = govreport()
            .env("LANG", "zh_CN.UTF-8")
            .args(args)
            .arg("check")
            .arg(seed())
            .arg("--previous")
            .arg(&previous)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "only warnings: {stderr}");
        let (y_cont, note) = match lang {
            Lang::Zh => ("警告[Y-CONT]", "警告[PREV]：上年数据文件"),
            Lang::En => ("warning[Y-CONT]", "warning[PREV]: last year's file"),
            other => unreachable!("{other:?}: the two languages are tested"),
        };
        assert!(stderr.contains(y_cont), "the cross-year check ran: {stderr}");
        assert_eq!(stderr.matches(note).count(), 1, "{stderr}");
    }
}

#[test]
fn the_underline_is_as_wide_as_the_value_and_long_lines_are_cut_on_both_sides() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // The broken file as one line of JSON.
    let loaded = datafile::load(Source::new("broken.toml", broken(), Format::Toml), None)
        .expect("the file parses");
    let report = loaded.partial.expect("read");
    let mut json: Value =
        serde_json::from_str(&report_core::datafile::write::to_json(&report))
            .expect("JSON");
    json["tables"][*report_core::labels::TABLE4_KEY]["行政复议"]["总计"] = Value::from(9);
    let line = serde_json::to_string(&json).expect("one line");
    let path = dir.path().join("one-line.json");
    std::fs::write(&path, &line).expect("written");
    let (code, _, en) = check(&path, false, false);
    assert_eq!(code, 1, "{en}");
    let block = en.split("error[T4-A]").nth(1).expect("T4-A");
    let shown = block.lines().find(|l| l.starts_with("1 | ")).expect("the line");
    // annotate-snippets marks a cut with `...`.
    assert!(
        shown.starts_with("1 | ...") && shown.ends_with("..."),
        "cut on both sides: {shown}"
    );
    assert!(shown.chars().count() < 200, "{shown}");
    assert_eq!(underlined(block), "9", "the value 9: {block}");
    // A CJK value is underlined two columns a character: the misspelt label.
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, broken()).expect("written");
    let (_, _, en) = check(&path, false, false);
    let label_block = en.split("error[LABEL]").nth(1).expect("LABEL");
    let carets = label_block.lines().find(|l| l.contains('^')).expect("carets");
    let width = unicode_width::UnicodeWidthStr::width("\"现形有效件数\"");
    assert_eq!(carets.matches('^').count(), width, "{label_block}");
}

/// The text of a diagnostic's quoted line that its carets stand under, measured in
/// terminal columns (a CJK character is two): the first `N | text` line of `block` and
/// the `  | ^^^` line after it.
fn underlined(block: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let lines: Vec<&str> = block.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            l.split_once(" | ").is_some_and(|(n, _)| n.trim().parse::<usize>().is_ok())
        })
        .expect("a quoted line");
    let (gutter, text) = lines[at].split_once(" | ").expect("the gutter");
    let carets = &lines[at + 1][gutter.len() + 3..];
    let from = carets.find('^').expect("carets");
    let to = from + carets[from..].find(|c| c != '^').unwrap_or(carets.len() - from);
    let mut column = 0;
    let mut out = String::new();
    for c in text.chars() {
        if (from..to).contains(&column) {
            out.push(c);
        }
        column += c.width().unwrap_or(1);
    }
    out
}

/// The carets stand under the value in terminal columns, whatever the text before it:
/// after CJK labels (two columns a character, three bytes), in both languages.
#[test]
fn the_carets_stand_under_the_value_after_cjk_text() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let labels = crate::common::root().join("tests/fixtures/check/labels.toml");
    let text = std::fs::read_to_string(labels).expect("the fixture");
    let path = dir.path().join("labels.toml");
    std::fs::write(&path, &text).expect("written");
    for zh in [false, true] {
        let (code, _, stderr) = check(&path, zh, false);
        assert_eq!(code, 1, "{stderr}");
        // The misspelt row label at the end of a table header full of CJK.
        let block = stderr
            .split("\n\n")
            .find(|b| b.contains("\"2.其他法律行政止公开\"]"))
            .expect("the misspelt row");
        assert_eq!(underlined(block), "\"2.其他法律行政止公开\"", "{block}");
        let block = stderr
            .split("\n\n")
            .find(|b| b.contains("\"3、危及“三安全一稳定”\"]"))
            .expect("the row numbered with 、");
        assert_eq!(underlined(block), "\"3、危及“三安全一稳定”\"", "{block}");
    }
    // A number after a CJK key: in `"总计" = 7` the 7 is byte 12, character 8, column 9.
    let changed = text.replacen("\"结果纠正\" = 0", "\"结果纠正\" = 0\n\"总计\" = 7", 1);
    std::fs::write(&path, &changed).expect("written");
    let (_, _, stderr) = check(&path, true, false);
    let block = stderr.split("\n\n").find(|b| b.contains("[T4-A]")).expect("T4-A");
    assert!(block.contains("\"总计\" = "), "{block}");
    assert_eq!(underlined(block), "7", "{block}");
}
