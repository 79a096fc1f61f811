//! The broken data files of issue 12, made from the seed's: the library's reading
//! (`tests/tests/recovery.rs`) and `govreport check` (`report-typst/cli/tests`) are tested
//! on the same files.

/// The key of table 三 in a data file, as a TOML path.
pub const T3: &str = "tables.\"table3_收到和处理政府信息公开申请情况\"";
/// The key of table 四 in a data file, as a TOML path.
pub const T4: &str = "tables.\"table4_政府信息公开行政复议、行政诉讼情况\"";

/// `text` with `line` inserted after the line `header` (which must be there).
fn after(text: &str, header: &str, line: &str) -> String {
    let header = format!("{header}\n");
    assert!(text.contains(&header), "{header} is in the seed");
    text.replacen(&header, &format!("{header}{line}\n"), 1)
}

/// The broken file of the issue, from the seed.
pub fn broken() -> String {
    let seed = std::fs::read_to_string(crate::seed()).expect("the seed");
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
pub fn with_blanks() -> String {
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

/// The line of the first line of `text` that is `line` after the line `header`.
pub fn line_of(text: &str, header: &str, line: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.ends_with(header)).expect("the header");
    at + 1 + lines[at..].iter().position(|l| *l == line).expect("the line")
}
