//! Issue 12: reading recovers, so one `check` reports every problem of a broken file,
//! each with its position, in Chinese or English. The file is the seed with 二 misspelt
//! (`现形有效件数`), a 2019 row in 三 (（六）其他处理 as one row), 三's 总计 wrong in three
//! rows and 四's 复议后起诉 总计 wrong; then the same file with blank cells.

use crate::cli_common::{govreport, seed};
use report_core::Rule;
use report_core::datafile::{self, Format, Loaded, Source};
use report_core::l10n::Lang;
use serde_json::Value;

const T3: &str = "tables.\"table3_收到和处理政府信息公开申请情况\"";
const T4: &str = "tables.\"table4_政府信息公开行政复议、行政诉讼情况\"";

/// `text` with `line` inserted after the line `header` (which must be there).
fn after(text: &str, header: &str, line: &str) -> String {
    let header = format!("{header}\n");
    assert!(text.contains(&header), "{header} is in the seed");
    text.replacen(&header, &format!("{header}{line}\n"), 1)
}

/// The broken file of the issue, from the seed.
fn broken() -> String {
    let seed = std::fs::read_to_string(seed()).expect("the seed");
    // 二: a misspelt column, one edit from 现行有效件数.
    let text = seed.replacen("\"现行有效件数\" = 0", "\"现形有效件数\" = 0", 1);
    // 三: （六）其他处理 as one row, as the 2019 format had it.
    let six = format!("[{T3}.\"三、本年度办理结果\".\"（六）其他处理\".");
    let mut kept = Vec::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with('[') {
            skipping = line.starts_with(&six);
        }
        if !skipping {
            kept.push(line);
        }
    }
    let mut text = kept.join("\n");
    text.push_str(&format!(
        "\n\n[{T3}.\"三、本年度办理结果\".\"（六）其他处理\"]\n\"自然人\" = 0\n\"商业企业\" = 0\n\
         \"科研机构\" = 0\n\"社会公益组织\" = 0\n\"法律服务机构\" = 0\n\"其他\" = 0\n"
    ));
    // 三: 总计 wrong in three rows (every part is 0).
    for row in [
        "\"一、本年新收政府信息公开申请数量\"",
        "\"三、本年度办理结果\".\"（一）予以公开\"",
        "\"四、结转下年度继续办理\"",
    ] {
        text = after(&text, &format!("[{T3}.{row}]"), "\"总计\" = 7");
    }
    // 四: 复议后起诉's 总计 wrong.
    after(&text, &format!("[{T4}.\"行政诉讼\".\"复议后起诉\"]"), "\"总计\" = 1")
}

/// The broken file with three cells blank: one in a row whose 总计 is wrong (its T3-C
/// must not run), one in 行政复议 (whose stated 总计 3 is right if the blank is 3, wrong
/// if it were read as 0), one in 二.
fn with_blanks() -> String {
    let text = broken();
    let text = text.replacen(
        &format!("[{T3}.\"三、本年度办理结果\".\"（一）予以公开\"]\n\"总计\" = 7\n\"自然人\" = 0"),
        &format!("[{T3}.\"三、本年度办理结果\".\"（一）予以公开\"]\n\"总计\" = 7\n\"自然人\" = \"\""),
        1,
    );
    let text = after(&text, &format!("[{T4}.\"行政复议\"]"), "\"总计\" = 3");
    let text = text.replacen(
        &format!("[{T4}.\"行政复议\"]\n\"总计\" = 3\n\"结果维持\" = 0\n\"结果纠正\" = 0"),
        &format!(
            "[{T4}.\"行政复议\"]\n\"总计\" = 3\n\"结果维持\" = 0\n\"结果纠正\" = \"/\""
        ),
        1,
    );
    text.replacen("\"本年处理决定数量\" = 0", "\"本年处理决定数量\" = \"—\"", 1)
}

fn load(name: &str, text: &str) -> Loaded {
    datafile::load(Source::new(name, text, Format::Toml), None).expect("the file parses")
}

fn count(loaded: &Loaded, rule: Rule) -> usize {
    loaded.problems.iter().filter(|p| p.rule == rule).count()
}

/// The line of the first line of `text` that is `line` after the line `header`.
fn line_of(text: &str, header: &str, line: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.ends_with(header)).expect("the header");
    at + 1 + lines[at..].iter().position(|l| *l == line).expect("the line")
}

#[test]
fn one_check_reports_label_2019_row_three_row_totals_and_the_lawsuit_total() {
    let text = broken();
    let loaded = load("broken.toml", &text);
    assert!(loaded.has_errors());
    assert_eq!(count(&loaded, Rule::Label), 1, "{:#?}", loaded.problems);
    assert_eq!(count(&loaded, Rule::Format2019), 1, "{:#?}", loaded.problems);
    assert_eq!(count(&loaded, Rule::T3C), 3, "{:#?}", loaded.problems);
    assert_eq!(count(&loaded, Rule::T4C), 1, "{:#?}", loaded.problems);
    // The 2019 row's cells are unknown, not reported as missing one by one.
    assert_eq!(count(&loaded, Rule::Cells), 0, "{:#?}", loaded.problems);
    // Every one of them is placed in the file.
    for p in &loaded.problems {
        if [Rule::Label, Rule::Format2019, Rule::T3C, Rule::T4C].contains(&p.rule) {
            assert!(p.position.is_some(), "{p}");
        }
    }
    let label = loaded.problems.iter().find(|p| p.rule == Rule::Label).expect("LABEL");
    assert_eq!(label.found.as_deref(), Some("现形有效件数"));
    assert_eq!(label.expected.as_deref(), Some("现行有效件数"));
    let line =
        text.lines().position(|l| l.starts_with("\"现形有效件数\"")).expect("there");
    assert_eq!(label.position.as_ref().map(|p| p.line), Some(line + 1));
    let t4c = loaded.problems.iter().find(|p| p.rule == Rule::T4C).expect("T4-C");
    assert_eq!(
        t4c.position.as_ref().map(|p| p.line),
        Some(line_of(&text, "\"复议后起诉\"]", "\"总计\" = 1"))
    );
    assert_eq!((t4c.expected.as_deref(), t4c.found.as_deref()), (Some("0"), Some("1")));
    // The misspelt cell was read: the tables carry no unknown cell but the 2019 row's.
    let t3c_rows: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.rule == Rule::T3C)
        .map(|p| p.location.to_string())
        .collect();
    assert!(t3c_rows[0].starts_with("一、本年新收政府信息公开申请数量"), "{t3c_rows:?}");
    assert!(t3c_rows[1].contains("（一）予以公开"), "{t3c_rows:?}");
    assert!(t3c_rows[2].starts_with("四、结转下年度继续办理"), "{t3c_rows:?}");
}

#[test]
fn blank_cells_are_reported_once_never_read_as_0_and_other_rows_still_checked() {
    let text = with_blanks();
    let loaded = load("blanks.toml", &text);
    let blanks: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.rule == Rule::Cells)
        .map(|p| p.location.to_string())
        .collect();
    assert_eq!(
        blanks,
        [
            "第二十条第（五）项 / 行政许可 / 本年处理决定数量",
            "三、本年度办理结果 /（一）予以公开 / 自然人",
            "行政复议 / 结果纠正",
        ],
        "each blank once, with its labels: {:#?}",
        loaded.problems
    );
    for p in loaded.problems.iter().filter(|p| p.rule == Rule::Cells) {
        assert!(p.position.is_some(), "{p}");
        assert!(p.message.contains("not as 0"), "{p}");
    }
    // （一）予以公开 has a blank: its wrong 总计 is not judged; the other two rows are.
    assert_eq!(count(&loaded, Rule::T3C), 2, "{:#?}", loaded.problems);
    assert!(
        !loaded
            .problems
            .iter()
            .any(|p| p.rule == Rule::T3C
                && p.location.to_string().contains("（一）予以公开")),
        "a row with a blank is not checked"
    );
    // 行政复议 says 总计 3 with 结果纠正 blank: read as 0 it would be a T4-A error.
    assert_eq!(count(&loaded, Rule::T4A), 0, "{:#?}", loaded.problems);
    assert_eq!(count(&loaded, Rule::T4C), 1);
    assert_eq!(count(&loaded, Rule::Label), 1);
    assert_eq!(count(&loaded, Rule::Format2019), 1);
    // The unknown cells are marked, and nothing was printed from them.
    assert!(!loaded.unknown.is_empty());
    assert!(loaded.report.is_none(), "a report with unknown cells is not for printing");
    assert!(loaded.partial.is_some());
}

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
    let loaded = load("broken.toml", &broken());
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
    let block: Vec<&str> =
        en.split("error[T4-A]").nth(1).expect("T4-A").lines().collect();
    let shown = block.iter().find(|l| l.starts_with("1 | ")).expect("the line");
    let carets = block.iter().find(|l| l.contains('^')).expect("the carets");
    assert!(
        shown.starts_with("1 | …") && shown.ends_with('…'),
        "cut on both sides: {shown}"
    );
    assert!(shown.chars().count() < 200, "{shown}");
    assert_eq!(carets.matches('^').count(), 1, "the value 9: {carets}");
    // A CJK value is underlined two columns a character: the misspelt label.
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, broken()).expect("written");
    let (_, _, en) = check(&path, false, false);
    let label_block = en.split("error[LABEL]").nth(1).expect("LABEL");
    let carets = label_block.lines().find(|l| l.contains('^')).expect("carets");
    let width = unicode_width::UnicodeWidthStr::width("\"现形有效件数\"");
    assert_eq!(carets.matches('^').count(), width, "{label_block}");
}

/// PROSE with a blank cell: a claim about a figure that reads the blank is not judged,
/// and every claim whose figure was read in full still is.
#[test]
fn prose_is_checked_against_every_figure_read_in_full() {
    let seed = std::fs::read_to_string(seed()).expect("the seed");
    // 行政复议's 结果纠正 blank: the 行政复议 figures are unknown, 三's are all read.
    let review = format!("[{T4}.\"行政复议\"]\n\"结果维持\" = 0\n\"结果纠正\" = 0");
    assert!(seed.contains(&review), "the seed's 行政复议");
    let text = seed.replacen(
        &review,
        &format!("[{T4}.\"行政复议\"]\n\"结果维持\" = 0\n\"结果纠正\" = \"\""),
        1,
    );
    // Two claims the tables contradict if read as 0: five applications received (三 says
    // 0), three reviews (行政复议 is unknown).
    let said = "本年度未收到依申请公开案件，较去年无变化。";
    assert!(text.contains(said), "the seed's sentence");
    let text = text.replacen(
        said,
        "本年度共收到政府信息公开申请5件。本年度发生政府信息公开行政复议3件。",
        1,
    );
    let loaded = load("prose.toml", &text);
    assert!(!loaded.unknown.is_empty());
    let prose: Vec<_> =
        loaded.problems.iter().filter(|p| p.rule == Rule::Prose).collect();
    assert_eq!(prose.len(), 1, "{:#?}", loaded.problems);
    assert_eq!(
        (prose[0].expected.as_deref(), prose[0].found.as_deref()),
        (Some("0"), Some("5")),
        "{}",
        prose[0]
    );
    // Without the blank, both claims are judged: the check above skipped one, not both.
    let known = text.replacen("\"结果纠正\" = \"\"", "\"结果纠正\" = 0", 1);
    let loaded = load("prose.toml", &known);
    assert!(loaded.unknown.is_empty());
    assert_eq!(count(&loaded, Rule::Prose), 2, "{:#?}", loaded.problems);
}
