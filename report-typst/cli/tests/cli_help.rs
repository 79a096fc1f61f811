//! Issue 26, item 2: `--help`, the usage and clap's own errors are in the language chosen
//! as for the diagnostics (`--lang`, else LC_ALL, LC_MESSAGES, LANG), with clap's exit
//! statuses: 0 for the help and the version (on stdout), 2 for a wrong command line.

use crate::common::govreport;

/// Runs `govreport args` under `LANG=lang`: (exit status, stdout, stderr).
fn run(lang: &str, args: &[&str]) -> (i32, String, String) {
    let out = govreport().env("LANG", lang).args(args).output().expect("govreport runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ZH: &str = "zh_CN.UTF-8";

/// Every subcommand, and the program itself (`[]`).
const COMMANDS: [&[&str]; 10] = [
    &[],
    &["init"],
    &["check"],
    &["render"],
    &["batch"],
    &["schema"],
    &["diff"],
    &["import"],
    &["audit"],
    &["help"],
];

/// clap's English words around the descriptions.
const ENGLISH_WORDS: [&str; 12] = [
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print help",
    "Print version",
    "Possible values",
    "possible values",
    "default:",
    "OPTIONS",
    "COMMAND",
    "see more",
];

fn cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// The lines of a help that describe something in words and have no Chinese in them:
/// each line's description is what follows its argument's or subcommand's column (two
/// spaces or more), or a value's name (`- zh: `), or the whole line; a description
/// that is only an argument's name or metavar (`--lang <LANG>`, `<FILE>`) is not one.
fn english_lines(help: &str) -> Vec<String> {
    help.lines()
        .filter_map(|line| {
            let text = line.trim();
            let description = text.rsplit("  ").next().unwrap_or(text).trim();
            let description = match description.strip_prefix("- ") {
                Some(value) => {
                    value.split_once([':', '：']).map_or(value, |(_, d)| d.trim())
                }
                None => description,
            };
            let spec = description.starts_with(['-', '<', '[']);
            let words = description.chars().any(|c| c.is_ascii_alphabetic());
            (words && !spec && !description.chars().any(cjk)).then(|| line.to_owned())
        })
        .collect()
}

#[test]
fn the_help_under_a_chinese_locale_is_chinese() {
    for flag in ["--help", "-h"] {
        let (code, out, err) = run(ZH, &[flag]);
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        for word in ENGLISH_WORDS {
            assert!(!out.contains(word), "{flag}: `{word}` in {out}");
        }
        assert!(out.contains("用法：govreport [选项] <命令>"), "{out}");
        assert!(out.contains("命令：") && out.contains("选项："), "{out}");
        // Each subcommand is described in Chinese.
        for name in
            ["init", "check", "render", "batch", "schema", "diff", "import", "audit"]
        {
            let line = out
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{name} ")))
                .unwrap_or_else(|| panic!("{name} is listed: {out}"));
            assert!(line.chars().any(cjk), "{line}");
        }
        assert!(out.contains("核对数据文件"), "{out}");
    }
}

#[test]
fn every_subcommands_help_under_a_chinese_locale_has_no_english_sentence() {
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let args: Vec<&str> = command.iter().copied().chain([flag]).collect();
            let (code, out, _) = run(ZH, &args);
            assert_eq!(code, 0, "{args:?}");
            assert_eq!(english_lines(&out), Vec::<String>::new(), "{args:?}: {out}");
            for word in ENGLISH_WORDS {
                assert!(!out.contains(word), "{args:?}: `{word}` in {out}");
            }
            // The same check finds English in the English help: it is not blind.
            let (_, english, _) = run("C", &args);
            assert!(!english_lines(&english).is_empty(), "{args:?}: {english}");
        }
    }
    // `help COMMAND` prints that command's help in Chinese.
    let (code, out, _) = run(ZH, &["help", "init"]);
    assert_eq!(code, 0);
    assert!(out.contains("用法：govreport init [选项] --agency <AGENCY>"), "{out}");
    assert!(out.contains("机关的规范全称"), "{out}");
    assert_eq!(english_lines(&out), Vec::<String>::new(), "{out}");
}

#[test]
fn init_without_arguments_under_a_chinese_locale_names_them_in_chinese() {
    let (code, out, err) = run(ZH, &["init"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "");
    assert!(err.starts_with("错误：缺少以下必需的参数：\n"), "{err}");
    for missing in ["  --agency <AGENCY>\n", "  --year <YEAR>\n", "  <OUTPUT>\n"] {
        assert!(err.contains(missing), "{missing} in {err}");
    }
    assert!(err.contains("\n用法：govreport init [选项] --agency <AGENCY>"), "{err}");
    assert!(err.contains("--help"), "{err}");
    for word in ["error", "Usage", "required", "For more information"] {
        assert!(!err.contains(word), "`{word}` in {err}");
    }
}

#[test]
fn an_unknown_argument_under_a_chinese_locale_is_refused_in_chinese() {
    let (code, out, err) = run(ZH, &["render", "--bogus"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.starts_with("错误：无法识别的参数“--bogus”\n"), "{err}");
    assert!(err.contains("提示：如要把“--bogus”作为值传入，请写“-- --bogus”"), "{err}");
    assert!(err.contains("用法：govreport render [选项] --output"), "{err}");
    for word in ["error", "unexpected", "Usage", "tip"] {
        assert!(!err.contains(word), "`{word}` in {err}");
    }
}

/// clap's other errors, in Chinese: an invalid value with the possible ones, a number
/// that is not one, an unknown subcommand with the similar one, no subcommand at all.
#[test]
fn claps_other_errors_under_a_chinese_locale_are_chinese() {
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["init", "x", "--agency", "a", "--year", "2023", "--kind", "bureau"],
            &[
                "“--kind <KIND>”的值“bureau”无效",
                "（可选值：department、peoples-government）",
            ],
        ),
        (
            &["init", "x", "--agency", "a", "--year", "二〇二三"],
            &["“--year <YEAR>”的值“二〇二三”无效：不是整数"],
        ),
        (&["rendr"], &["无法识别的子命令“rendr”", "提示：有相近的子命令：“render”"]),
        (&["check", "--prev", "a"], &["提示：有相近的参数：“--previous”"]),
        (&["check", "--format"], &["“--format <FORMAT>”需要一个值，但没有给出"]),
        (&[], &["“govreport”需要一个子命令，但没有给出"]),
    ];
    for (args, expected) in cases {
        let (code, _, err) = run("C", &[&["--lang", "zh"], args].concat());
        assert_eq!(code, 2, "{args:?}: {err}");
        for e in expected {
            assert!(err.contains(e), "{args:?}: `{e}` in {err}");
        }
        assert!(err.starts_with("错误："), "{args:?}: {err}");
        assert!(!err.contains("error") && !err.contains("Usage"), "{args:?}: {err}");
    }
    // No argument at all: the help, on stderr, with clap's status 2.
    let (code, out, err) = run(ZH, &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("用法：govreport [选项] <命令>"), "{err}");
}

/// Under `LANG=C`, or with `--lang en` under a Chinese locale, the help and the errors
/// stay clap's English, as before.
#[test]
fn the_help_and_errors_stay_english_under_lang_c_or_lang_en() {
    for (lang, flag) in [("C", None), (ZH, Some("en"))] {
        let prefix: Vec<&'static str> =
            flag.map(|f| vec!["--lang", f]).unwrap_or_default();
        let with = |args: &[&'static str]| -> Vec<&'static str> {
            prefix.iter().chain(args).copied().collect()
        };
        let (code, out, _) = run(lang, &with(&["--help"]));
        assert_eq!(code, 0);
        assert!(out.contains("Usage: govreport [OPTIONS] <COMMAND>"), "{out}");
        assert!(out.contains("\nCommands:\n") && out.contains("\nOptions:\n"), "{out}");
        assert!(out.contains("Check a data file: every problem"), "{out}");
        assert!(out.contains("Print help (see a summary with '-h')"), "{out}");
        let (code, _, err) = run(lang, &with(&["init"]));
        assert_eq!(code, 2);
        assert!(
            err.starts_with(
                "error: the following required arguments were not provided:\n"
            ),
            "{err}"
        );
        assert!(
            err.contains(
                "\nUsage: govreport init --agency <AGENCY> --year <YEAR> <OUTPUT>\n"
            ),
            "{err}"
        );
        assert!(err.ends_with("For more information, try '--help'.\n"), "{err}");
        let (code, _, err) = run(lang, &with(&["render", "--bogus"]));
        assert_eq!(code, 2);
        assert!(err.starts_with("error: unexpected argument '--bogus' found\n"), "{err}");
        assert!(
            err.contains("tip: to pass '--bogus' as a value, use '-- --bogus'"),
            "{err}"
        );
        let (code, _, err) = run(lang, &with(&["init", "--help"]));
        assert_eq!((code, err.as_str()), (0, ""));
    }
    // The version is the same in both, on stdout.
    for lang in ["C", ZH] {
        let (code, out, _) = run(lang, &["--version"]);
        assert_eq!(
            (code, out.trim()),
            (0, format!("govreport {}", env!("CARGO_PKG_VERSION")).as_str())
        );
    }
}
