//! `govreport import` and `govreport audit` on the published fixture pages: the data file
//! written reads back in `check` (a blank cell stays unknown, with its comment), and the
//! audit of the folder writes a summary CSV that reads back row for row.

use std::collections::HashMap;

use report_core::Rule;

use crate::common::{govreport, root};

fn folder() -> std::path::PathBuf {
    root().join("tests/fixtures/published")
}

/// `govreport import` of jjp_2022 (a 2019 label, a blank cell) into `out`.
fn import_jjp_2022(out: &std::path::Path) -> std::process::Output {
    govreport()
        .arg("import")
        .arg(folder().join("jjp_2022.html"))
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn import_writes_a_data_file_that_check_reads_with_the_doubtful_cell_commented() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("jjp_2022.toml");
    let run = import_jjp_2022(&out);
    // The page has errors (a 2019 label, a blank cell): status 1, the file written.
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stderr));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("error[ALL] line 355, table 2 row 28 column 5"), "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    // The blank cell: its comment says why, and it is written blank, not 0.
    let at = text.find("# the cell is blank").expect("the comment");
    assert!(
        text[at..].lines().nth(1).unwrap().ends_with("= \"\""),
        "{}",
        &text[at..at + 200]
    );
    // `check` reads the file and reports the blank cell (ALL), never a 0.
    let check = govreport().arg("check").arg(&out).output().unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[ALL]"), "{stderr}");
    // A clean page: the data file checks and renders.
    let out = dir.path().join("jtj_2024.toml");
    let run = govreport()
        .arg("import")
        .arg(folder().join("jtj_2024.html"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let check = govreport().arg("check").arg(&out).output().unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn audit_with_last_years_page_runs_the_continuity_rules() {
    let run = govreport()
        .arg("audit")
        .arg(folder().join("zrz_2024.html"))
        .arg("--previous")
        .arg(folder().join("zrz_2023.html"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("zrz_2024.html: 平潭综合实验区自然资源与生态环境局 2024"),
        "{stderr}"
    );
    assert!(!stderr.contains("PREV"), "last year's page is accepted: {stderr}");
    // The real pages chain; last year's page doctored (行政规范性文件's 现行有效件数 35 →
    // 40) breaks 2024's stock chain, at that cell: last year's page is read and used.
    assert!(!stderr.contains("S-CONT") && !stderr.contains("Y-CONT"), "{stderr}");
    let doctored = report_tests::doctored_zrz_2023();
    let dir = tempfile::tempdir().unwrap();
    let last_year = dir.path().join("zrz_2023_doctored.html");
    std::fs::write(&last_year, doctored).unwrap();
    let run = govreport()
        .args(["--lang", "en", "audit"])
        .arg(folder().join("zrz_2024.html"))
        .arg("--previous")
        .arg(&last_year)
        .output()
        .unwrap();
    let doctored_err = String::from_utf8_lossy(&run.stderr);
    let line = doctored_err
        .lines()
        .find(|l| l.contains("[S-CONT]"))
        .unwrap_or_else(|| panic!("no S-CONT: {doctored_err}"));
    assert!(
        doctored_err.contains("行政规范性文件") && doctored_err.contains("现行有效件数"),
        "{doctored_err}"
    );
    assert!(line.contains("40") || doctored_err.contains("40"), "{doctored_err}");
    // Not HTML: a clear error, status 2.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.html");
    std::fs::write(&bad, [0u8, 1, 2, 3]).unwrap();
    let run = govreport().arg("audit").arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("not an HTML page"));
}

#[test]
fn audit_of_the_fixture_folder_writes_a_summary_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("summary.csv");
    let run = govreport()
        .arg("audit")
        .arg(folder())
        .arg("--summary")
        .arg(&csv_path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    // Some pages have errors: status 1.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> =
        reader.headers().unwrap().iter().map(str::to_owned).collect();
    for column in ["file", "agency", "year", "tables_read", "errors", "warnings"] {
        assert!(header.contains(&column.to_owned()), "{header:?}");
    }
    for rule in Rule::ALL {
        assert!(header.contains(&rule.id().to_owned()), "{rule}");
    }
    let rows: Vec<HashMap<String, String>> = reader
        .records()
        .map(|r| {
            header.iter().cloned().zip(r.unwrap().iter().map(str::to_owned)).collect()
        })
        .collect();
    assert_eq!(rows.len(), 8, "one row per page");
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(folder().join("MANIFEST.json")).unwrap(),
    )
    .unwrap();
    for entry in manifest["files"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        let row =
            rows.iter().find(|r| r["file"] == file).unwrap_or_else(|| panic!("{file}"));
        assert_eq!(row["agency"], entry["issuer"].as_str().unwrap());
        assert_eq!(row["year"], entry["year"].to_string());
        assert_eq!(row["tables_read"], "true");
        // The counts by rule add up to the errors and warnings.
        // The rule columns (the key figures follow them).
        let by_rule: usize = Rule::ALL
            .iter()
            .chain([&Rule::Data])
            .map(|r| row[r.id()].parse::<usize>().unwrap())
            .sum();
        let total = row["errors"].parse::<usize>().unwrap()
            + row["warnings"].parse::<usize>().unwrap();
        assert_eq!(by_rule, total, "{file}");
        // The summary agrees with the library's audit of the same page (the folder
        // supplies last year's page where it has one).
        let bytes = std::fs::read(folder().join(file)).unwrap();
        let imported = report_core::import::import(&bytes).unwrap();
        let previous = manifest["files"].as_array().unwrap().iter().find(|e| {
            e["issuer"] == entry["issuer"]
                && e["year"].as_i64() == entry["year"].as_i64().map(|y| y - 1)
        });
        let previous = previous.map(|e| {
            let bytes =
                std::fs::read(folder().join(e["file"].as_str().unwrap())).unwrap();
            report_core::import::import(&bytes).unwrap().report
        });
        let audit = imported.audit(previous.as_ref());
        for rule in Rule::ALL {
            let n = audit.iter().filter(|p| p.rule == rule).count();
            assert_eq!(row[rule.id()], n.to_string(), "{file}: {rule}");
        }
    }
    // The manifest's defects are in the summary: zrz_2023's two T3-C and its T3-A.
    let zrz = rows.iter().find(|r| r["file"] == "zrz_2023.html").unwrap();
    assert_eq!((zrz["T3-C"].as_str(), zrz["T3-A"].as_str()), ("2", "1"));
    let nyn = rows.iter().find(|r| r["file"] == "nyn_2025.html").unwrap();
    assert_eq!((nyn["T3-C"].as_str(), nyn["T3-B"].as_str()), ("4", "1"));
    std::fs::copy(
        &csv_path,
        std::env::temp_dir().join("govreport-published-summary.csv"),
    )
    .ok();
    println!("{stdout}");
}

/// JSON carries no comment, so an unknown cell is written `""` there too: `check` reports
/// it (ALL) instead of reading 0.
#[test]
fn import_to_json_writes_an_unknown_cell_blank_not_zero() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("jjp_2022.json");
    let run = import_jjp_2022(&out);
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let tables = json["tables"].as_object().unwrap();
    let blanks = tables
        .values()
        .flat_map(|t| leaves(t))
        .filter(|v| v.as_str() == Some(""))
        .count();
    assert_eq!(blanks, 1, "the one blank cell of the page");
    let check = govreport().arg("check").arg(&out).output().unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[ALL]"), "{stderr}");
}

fn leaves(v: &serde_json::Value) -> Vec<&serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => m.values().flat_map(leaves).collect(),
        other => vec![other],
    }
}

/// `import` and `audit` speak the language chosen as `check` does: the locale, or
/// `--lang`; each problem's place in the page in it too.
#[test]
fn import_and_audit_print_in_the_chosen_language() {
    let page = folder().join("jjp_2022.html");
    let zh =
        govreport().env("LANG", "zh_CN.UTF-8").arg("audit").arg(&page).output().unwrap();
    let stderr = String::from_utf8_lossy(&zh.stderr);
    assert_eq!(zh.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("错误[ALL] 源码第 355 行，表2第28行第5列"), "{stderr}");
    assert!(stderr.contains("此格为空白，数值不明（未按 0 计）；提示："), "{stderr}");
    assert!(
        stderr
            .contains("jjp_2022.html：平潭综合实验区金井片区管理局 2022 年度：3 处错误"),
        "{stderr}"
    );
    let en = govreport()
        .env("LANG", "zh_CN.UTF-8")
        .args(["--lang", "en", "audit"])
        .arg(&page)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&en.stderr);
    assert!(stderr.contains("error[ALL] line 355, table 2 row 28 column 5"), "{stderr}");
    assert!(!stderr.contains("错误["), "{stderr}");
    // The data file's comments are in the chosen language too.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.toml");
    let run = govreport()
        .args(["--lang", "zh", "import"])
        .arg(&page)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("读取页面发现 3 处错误"), "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("# 此格为空白，数值不明（未按 0 计）"), "{text}");
    // A file that is no page: the reason in Chinese.
    let not_html = dir.path().join("x.html");
    std::fs::write(&not_html, b"\0\0\0").unwrap();
    let run =
        govreport().args(["--lang", "zh", "audit"]).arg(&not_html).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("错误：") && stderr.contains("该文件不是网页（HTML）"),
        "{stderr}"
    );
}

/// `import` of a page reports what `audit` of it does, and exits as it does: on every
/// fixture page (one of them has an error only validation finds, a citation of the 2019
/// notice in its preamble, which `import` once let pass with status 0).
#[test]
fn import_and_audit_report_the_same_diagnostics_and_exit_status_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let diagnostics = |stderr: &[u8]| -> Vec<String> {
        String::from_utf8_lossy(stderr)
            .lines()
            .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
            .map(str::to_owned)
            .collect()
    };
    let mut pages = 0;
    let mut validation_only = 0;
    for entry in std::fs::read_dir(folder()).unwrap() {
        let page = entry.unwrap().path();
        if page.extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let audit = govreport().arg("audit").arg(&page).output().unwrap();
        let out = dir.path().join("r.toml");
        let import =
            govreport().arg("import").arg(&page).arg("-o").arg(&out).output().unwrap();
        let (a, i) = (diagnostics(&audit.stderr), diagnostics(&import.stderr));
        assert_eq!(a, i, "{}", page.display());
        assert_eq!(audit.status.code(), import.status.code(), "{}", page.display());
        // A page whose only errors are validation's: reading alone would say 0.
        let text = std::fs::read(&page).unwrap();
        let read = report_core::import::import(&text).unwrap();
        if !read.has_errors() && a.iter().any(|l| l.starts_with("error[")) {
            validation_only += 1;
            assert_eq!(import.status.code(), Some(1), "{}", page.display());
        }
    }
    assert_eq!(pages, 8);
    assert!(validation_only >= 1, "a page with validation's errors only");
}

/// The other producers' forms of the published pages (issue 27).
fn converted() -> std::path::PathBuf {
    folder().join("converted")
}

#[test]
fn the_old_doc_an_encrypted_pdf_and_a_scanned_pdf_are_refused_in_chinese_with_nothing_written()
 {
    let dir = tempfile::tempdir().unwrap();
    for (file, said) in [
        ("zrz_2024.libreoffice.doc", "另存为 .docx"),
        ("encrypted.qpdf.pdf", "加密"),
        ("scanned.chromium.pdf", "第 1–4 页"),
    ] {
        let out = dir.path().join("out.toml");
        let run = govreport()
            .args(["--lang", "zh", "import"])
            .arg(converted().join(file))
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{file}: {stderr}");
        assert!(stderr.contains(said), "{file}: {stderr}");
        assert!(stderr.starts_with("错误："), "{file}: {stderr}");
        assert!(!out.exists(), "{file}: nothing written");
    }
}

#[test]
fn a_word_file_imports_into_a_data_file_placed_by_paragraph_that_check_reads() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("jjp_2022.toml");
    // Named .html: the format is told by content, not by the name.
    let renamed = dir.path().join("jjp_2022.html");
    std::fs::copy(converted().join("jjp_2022.libreoffice.docx"), &renamed).unwrap();
    let run = govreport()
        .args(["--lang", "zh", "import"])
        .arg(&renamed)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    // The blank cell of 四、结转下年度继续办理, placed by the Word file's paragraph.
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("错误[ALL] 第 "), "{stderr}");
    assert!(stderr.contains(" 段，表2第"), "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("= \"\""), "the blank cell is written blank");
    let check = govreport().arg("check").arg(&out).output().unwrap();
    assert_eq!(
        check.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn audit_of_a_mixed_folder_reads_pages_word_files_and_pdfs_with_their_format_in_the_summary()
 {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for (from, to) in [
        (folder().join("zrz_2023.html"), "zrz_2023.html"),
        (converted().join("zrz_2024.libreoffice.docx"), "zrz_2024.docx"),
        (converted().join("jtj_2024.chromium.pdf"), "jtj_2024.pdf"),
        (converted().join("jtj_2025.libreoffice.pdf"), "jtj_2025.pdf"),
        (converted().join("zrz_2024.libreoffice.doc"), "old.doc"),
        (folder().join("MANIFEST.json"), "MANIFEST.json"),
    ] {
        std::fs::copy(from, docs.join(to)).unwrap();
    }
    let csv = dir.path().join("summary.csv");
    let run = govreport()
        .args(["--lang", "zh", "audit"])
        .arg(&docs)
        .arg("--summary")
        .arg(&csv)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    // The .doc cannot be read: status 2; the manifest is no document: skipped and named.
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("已跳过 1 个") && stderr.contains("MANIFEST.json"),
        "{stderr}"
    );
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[1], "format");
    let rows: HashMap<String, csv::StringRecord> =
        reader.records().map(|r| r.unwrap()).map(|r| (r[0].to_owned(), r)).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (file, format, year) in [
        ("zrz_2023.html", "HTML", "2023"),
        ("zrz_2024.docx", "DOCX", "2024"),
        ("jtj_2024.pdf", "PDF", "2024"),
        ("jtj_2025.pdf", "PDF", "2025"),
    ] {
        let row = &rows[file];
        assert_eq!(&row[1], format, "{file}");
        assert_eq!(&row[col("year")], year, "{file}");
        assert_eq!(&row[col("tables_read")], "true", "{file}");
        assert_eq!(&row[col("failure")], "", "{file}");
    }
    // Last year's report is found in the folder whatever its form (交通与建设局's 2024
    // printed by Chromium for its 2025 saved by LibreOffice), and their figures chain.
    assert_eq!(&rows["jtj_2025.pdf"][col("Y-CONT")], "0");
    let old = &rows["old.doc"];
    assert_eq!(&old[1], "DOC");
    assert!(old[col("failure")].contains("另存为 .docx"), "{:?}", old);
    assert!(!rows.contains_key("MANIFEST.json"));
    // 自然资源 2023's page has its three arithmetic errors, as in its page.
    assert_eq!(&rows["zrz_2023.html"][col("errors")], "3");
}
