//! One source for the format's words: every official label, section title and
//! conventional item title is written exactly once in the workspace's non-test source,
//! so a revision of the format is one edit (docs/format.md §3).
//!
//! The labels come from the official grid fixture, the titles from the crate itself. A
//! label counts where it stands as a whole string literal (`"总计"`), and a label of six
//! characters or more also where it stands inside a longer literal (a message or a
//! comment written for the user), since a copy there drifts just the same. Doc comments
//! and comments are prose for developers and are not counted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use report_core::outline::SECTION_TITLES;
use report_core::{OtherMatters, Overview};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace").to_path_buf()
}

/// The official labels of the three tables, from the grid fixture.
fn official_labels() -> Vec<String> {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/official-grid.json"
    ));
    let grid: serde_json::Value = serde_json::from_str(text).expect("the grid fixture");
    let mut labels: Vec<String> = grid["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .flat_map(|t| t["cells"].as_array().expect("cells").iter())
        .filter_map(|c| c["label"].as_str().map(str::to_owned))
        .filter(|l| !l.is_empty())
        .collect();
    labels.sort();
    labels.dedup();
    labels
}

/// Every `.rs` file of the library crates' `src` folders, with unit-test modules
/// (`#[cfg(test)]` and `tests.rs`) and comments left out.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for krate in ["report-core", "report-derive", "report-typst"] {
        walk(&workspace().join(krate).join("src"), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a source file");
            // Unit tests sit at the end of a file, after `#[cfg(test)]`.
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_owned();
            // Comments are blanked, so that line numbers stay the file's.
            let code: String = code
                .lines()
                .map(|l| {
                    if l.trim_start().starts_with("//") {
                        "\n".to_owned()
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect();
            (path, code)
        })
        .collect()
}

/// Where `word` is written: as a whole literal, or (long words) inside one.
fn places(word: &str, sources: &[(PathBuf, String)]) -> Vec<String> {
    let whole = format!("\"{word}\"");
    let mut out = Vec::new();
    for (path, code) in sources {
        for (n, line) in code.lines().enumerate() {
            let count = if word.chars().count() >= 6 {
                line.matches(word).count()
            } else {
                line.matches(&whole).count()
            };
            for _ in 0..count {
                let name = path.strip_prefix(workspace()).unwrap_or(path);
                out.push(format!("{}:{}", name.display(), n + 1));
            }
        }
    }
    out
}

#[test]
fn every_official_label_and_title_is_written_once() {
    let sources = sources();
    assert!(sources.len() > 20, "the source files were not found");
    let mut words: Vec<String> = official_labels();
    assert!(words.len() > 60, "the grid fixture gave only {} labels", words.len());
    words.extend(SECTION_TITLES.iter().map(|t| (*t).to_owned()));
    words.extend(Overview::TITLES.iter().map(|t| (*t).to_owned()));
    words.push(OtherMatters::FEES_TITLE.to_owned());
    let mut repeated = BTreeMap::new();
    let mut missing = Vec::new();
    for word in &words {
        let at = places(word, &sources);
        match at.len() {
            0 => missing.push(word.clone()),
            1 => {}
            _ => {
                repeated.insert(word.clone(), at);
            }
        }
    }
    assert!(repeated.is_empty(), "written more than once: {repeated:#?}");
    // Every word is written somewhere: a label that is found nowhere would mean this
    // test looks in the wrong place (the 2019 labels are not part of the grid).
    assert!(missing.is_empty(), "written nowhere in the source: {missing:?}");
}

#[test]
fn the_scan_finds_a_repeated_label() {
    // The scan itself: a label written twice is found twice.
    let sources = vec![
        (
            workspace().join("a.rs"),
            "let a = \"总计\";\nlet b = [\"总计\", \"其他\"];\n".into(),
        ),
        (workspace().join("b.rs"), "msg(\"请核对（七）总计与各行之和\");\n".into()),
    ];
    assert_eq!(places("总计", &sources), ["a.rs:1", "a.rs:2"]);
    assert_eq!(places("其他", &sources), ["a.rs:2"]);
    assert_eq!(places("核对（七）总计", &sources), ["b.rs:1"]);
}
