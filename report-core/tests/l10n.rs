//! Issue 12: every rule's message and hint in Chinese and English, from the message
//! files; the Chinese reads as Chinese (no English word but the rule id and data quoted
//! from elsewhere: a parser's or Typst's own words, a font or file name).

use report_core::chrono::NaiveDate;
use report_core::datafile::{self, Format, Source};
use report_core::diagnostic::Location;
use report_core::l10n::{self, Lang, arg};
use report_core::labelled::{LabelNode, read_labels};
use report_core::validate::{check_title_year, validate};
use report_core::{
    AdminLevel, Agency, AgencyKind, ApplicantCounts, Decimal, Diagnostic, Item, Outcomes,
    Report, Rule, paragraphs,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn county(name: &str) -> Report {
    Report::new(
        Agency::new(name, AgencyKind::Department, AdminLevel::County),
        2025,
        date(2026, 1, 20),
    )
}

/// Diagnostics of every rule, each made by the code that makes it in use.
fn samples() -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Tables: T3-A/B/C, T4-A/B/C, ALL (negative fee), ISSUER; prose: TEXT, CITE,
    // NUMBERING, EMPTY, PROSE, F2019 (citing 2019); header: DATE.
    let mut r = county("某县教育局");
    r.applications.received = ApplicantCounts {
        natural_persons: 12,
        stated_total: Some(10),
        ..Default::default()
    };
    r.applications.results.stated_total =
        Some(ApplicantCounts { natural_persons: 1, ..Default::default() });
    let wrong = Outcomes {
        upheld: 3,
        corrected: 1,
        other: 2,
        stated_total: Some(5),
        ..Default::default()
    };
    r.reviews_and_lawsuits.review = wrong;
    r.reviews_and_lawsuits.lawsuits_direct = wrong;
    r.reviews_and_lawsuits.lawsuits_after_review = wrong;
    r.active_disclosure.fees = Decimal::new(-1, 0);
    r.active_disclosure.rules.issued = 1;
    r.preamble = paragraphs([
        "依据国办公开办函[2021] 30号编制。\n第二段",
        "本年度收到政府信息公开申请17件。",
        "参照国办公开办函〔2019〕60号。",
    ]);
    r.overview.active_disclosure.title = "（一）主动公开情况".into();
    r.date = date(2026, 5, 1);
    out.extend(validate(&r, None));
    // AGENCY, F2019 (year), DATE (year), ASSESS.
    let mut r = Report::new(
        Agency::new("", AgencyKind::PeoplesGovernment, AdminLevel::County),
        2020,
        date(2023, 1, 20),
    );
    r.overview.assessment = None;
    out.extend(validate(&r, None));
    // Y-CONT, S-CONT, PREV.
    let this = county("某县教育局");
    let mut last = county("某县教育局（旧称）");
    last.year = 2024;
    last.applications.carried_forward.natural_persons = 3;
    last.active_disclosure.normative_documents.in_force = 5;
    out.extend(validate(&this, Some(&last)));
    last.year = 2020;
    out.extend(validate(&this, Some(&last)));
    // PLACEHOLDER (each kind of problem), EMPTY of an empty agency detail, PROSE of a
    // number and of a "none" claim on other facts than the applications.
    let mut r = county("某县教育局");
    r.reviews_and_lawsuits.lawsuits_direct = Outcomes { upheld: 2, ..Default::default() };
    r.preamble = paragraphs([
        "收到申请{申请.本年新增}件。",
        "{某某某某某某某某}",
        "较上年{申请.本年新收.较上年}。",
        "未闭合{申请.本年新收",
        "多余}括号",
        "地址：{机关.地址}。",
        "本年度共发生行政复议3件。",
        "本年度未发生行政诉讼。",
    ]);
    out.extend(validate(&r, None));
    // TITLE-YEAR.
    out.extend(check_title_year("某县教育局2020年政府信息公开工作年度报告", 2025));
    out.extend(check_title_year("某县教育局政府信息公开工作年度报告", 2025));
    // LABEL, LABEL-VARIANT, F2019 (labels and the single row), ALL (blank, bad, missing).
    let tables: LabelNode = serde_json::from_str(
        r#"{"table2_主动公开政府信息情况": {"第二十条第（九）项": {}, "第二十条第（一）项": {"规范性文件": {}, "规章": {"本年制发件数": "", "本年废止件数": "x", "现形有效件数": 0}}},
            "table3_收到和处理政府信息公开申请情况": {"三、本年度办理结果": {"（六）其他处理": {"自然人": 0}, "（三）不予公开": {"1、属于国家秘密": {}}}},
            "table9_不存在": {}}"#,
    )
    .expect("JSON");
    out.extend(read_labels(&tables).diagnostics);
    // ALL: a fee with more significant digits than are kept exactly.
    let fee: LabelNode = serde_json::from_str(
        r#"{"table2_主动公开政府信息情况": {"第二十条第（八）项": {"行政事业性收费": {"本年收费金额（单位：万元）": "1.2345678901234567890123456789"}}}}"#,
    )
    .expect("JSON");
    out.extend(read_labels(&fee).diagnostics);
    // DATA and the TOML float count.
    let loaded =
        datafile::load(Source::new("坏.toml", "year = \"二〇二五\"", Format::Toml), None)
            .expect("parses");
    out.extend(loaded.problems.into_iter().map(|p| p.diagnostic));
    // FONT and TYPST come from the renderer (report-typst), with these ids.
    out.push(Diagnostic::from_id(
        Rule::Font,
        Location::text(&["导语", "第1段"]),
        "font-fallback",
        vec![
            arg("char", '𠀀'),
            arg("code", "U+20000"),
            arg("family", "FangSong_GB2312"),
            arg("fallback", "Noto Serif CJK SC"),
            arg("role", "body"),
        ],
    ));
    out.push(Diagnostic::from_id(
        Rule::Font,
        Location::Report,
        "font-unreadable",
        vec![arg("file", "a.ttf")],
    ));
    out.push(Diagnostic::from_id(
        Rule::Font,
        Location::Report,
        "font-folder-empty",
        vec![arg("dir", "fonts")],
    ));
    out.push(Diagnostic::from_id(
        Rule::Typeset,
        Location::Report,
        "typst",
        vec![arg("detail", "unknown font family"), arg("hints", "")],
    ));
    out.extend(import_samples());
    out.extend(more_samples());
    out
}

/// Samples of the messages the cases above do not reach.
fn more_samples() -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // DATE of a people's government, EMPTY of a blank paragraph, T3-C and T4 sums too
    // large to be counts.
    let mut r = Report::new(
        Agency::new("某县人民政府", AgencyKind::PeoplesGovernment, AdminLevel::County),
        2025,
        date(2026, 6, 1),
    );
    r.overview.intro = paragraphs(["  "]);
    r.applications.received = ApplicantCounts {
        natural_persons: u64::MAX,
        businesses: u64::MAX,
        ..Default::default()
    };
    r.reviews_and_lawsuits.review =
        Outcomes { upheld: u64::MAX, corrected: u64::MAX, ..Default::default() };
    out.extend(validate(&r, None));
    // Labels: twice, read as the one table name one edit away, unknown with and without
    // a closest one, a value where rows belong.
    let tables: LabelNode = serde_json::from_str(
        r#"{"table2_主动公开政府信息情形": {"第二十条第（一）项": {"规章": {}, "规 章": {}, "行政规范类文件件": {}, "天气预报": {}}, "第二十条第（五）项": 5},
            "完全无关的名称": {}}"#,
    )
    .expect("JSON");
    out.extend(read_labels(&tables).diagnostics);
    // A float count; last year's file with errors, read in part or not at all.
    let agency = Agency::new("某县教育局", AgencyKind::Department, AdminLevel::County);
    let skeleton = datafile::write::skeleton(agency, 2024, Format::Toml);
    let float = skeleton.replacen("\"本年制发件数\" = 0", "\"本年制发件数\" = 1.0", 1);
    assert!(float != skeleton, "the skeleton has the cell");
    let loaded = datafile::load(Source::new("上年.toml", float, Format::Toml), None)
        .expect("parses");
    out.extend(loaded.problems.iter().map(|p| p.diagnostic.clone()));
    out.extend(loaded.previous_note().map(|p| p.diagnostic));
    let unread = datafile::load(
        Source::new("上年.toml", "year = \"二〇二四\"", Format::Toml),
        None,
    )
    .expect("parses");
    out.extend(unread.previous_note().map(|p| p.diagnostic));
    out
}

/// A page as `report_core::html` writes it, with `edits` (text replaced) applied.
fn edited_page(edits: &[(&str, &str)]) -> Vec<u8> {
    let mut r = county("某县教育局");
    r.preamble = paragraphs(["根据条例编制本报告。"]);
    r.overview.intro = paragraphs(["本年度认真贯彻落实条例。"]);
    r.problems = report_core::Prose {
        paragraphs: paragraphs(["解读形式较为单一。"]),
        items: Vec::new(),
    };
    let mut text =
        report_core::html::page(&r, &report_core::html::HtmlOptions::default());
    for (from, to) in edits {
        assert!(text.contains(from), "the page has {from}");
        text = text.replacen(from, to, 1);
    }
    text.into_bytes()
}

/// One `<tr>` of the page rendered by [`edited_page`], by the id of its header cell.
fn row_of(id: &str) -> String {
    let text = String::from_utf8(edited_page(&[])).expect("UTF-8");
    let cell = text.find(&format!("id=\"{id}\"")).expect("the row");
    let at = text[..cell].rfind("<tr>").expect("its start");
    let end = text[at..].find("</tr>").expect("its end") + at + "</tr>".len();
    text[at..end].to_owned()
}

/// The importer's diagnostics, from pages edited to hold every kind of problem.
fn import_samples() -> Vec<Diagnostic> {
    let carried = row_of("t2-r27c0");
    let twice = format!("{carried}{carried}");
    let group = "<tr><th colspan=\"3\">三、本年度办理结果</th><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td><td>2</td></tr>";
    let group_row = format!("{group}{carried}");
    let tables = [
        (">2.重复申请<", ">2.重复 申请<"),
        (">3.要求提供公开出版物<", ">3.要求提供公开出板物<"),
        (">行政强制<", ">某某某某某某某某<"),
        (carried.as_str(), twice.as_str()),
        (
            "<td headers=\"t2-r0c3 t2-r1c3 t2-r3c0\" class=\"num\">0</td>",
            "<td headers=\"t2-r0c3 t2-r1c3 t2-r3c0\" class=\"num\"></td>",
        ),
        (
            "<td headers=\"t2-r0c3 t2-r1c3 t2-r4c0\" class=\"num\">0</td>",
            "<td headers=\"t2-r0c3 t2-r1c3 t2-r4c0\" class=\"num\">无</td>",
        ),
        ("<td headers=\"t2-r0c3 t2-r1c9 t2-r5c0 t2-r5c1\" class=\"num\">0</td>", ""),
        (
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）</th>",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）</th><td>0</td>",
        ),
        (">行政规范性文件<", ">规范性文件<"),
        (">本年制发件数<", ">本年新制作数量<"),
        (">现行有效件数<", ">先行有效件数<"),
        (
            "<td headers=\"t2-r0c3 t2-r1c3 t2-r5c0 t2-r7c1 t2-r7c2\" class=\"num\">0</td>",
            "<td rowspan=\"2\" headers=\"t2-r0c3 t2-r1c3 t2-r5c0 t2-r7c1 t2-r7c2\" class=\"num\">3</td>",
        ),
        (
            "<td headers=\"t2-r0c3 t2-r1c3 t2-r5c0 t2-r7c1 t2-r8c2\" class=\"num\">0</td>",
            "",
        ),
    ];
    let mut pages = vec![edited_page(&tables)];
    pages.push(edited_page(&[(carried.as_str(), group_row.as_str())]));
    let (start, end) =
        ("<div class=\"table-scroll\">", "</div></section><section><h2>三");
    let text = String::from_utf8(edited_page(&[])).expect("UTF-8");
    let a = text.find(start).expect("the first table");
    let b = text.find(end).expect("its end");
    let without_first = format!("{}{}", &text[..a], &text[b..]);
    let c = text.rfind(start).expect("the last table");
    let d = text.rfind("</div></section><section><h2>五").expect("its end");
    let image =
        format!("{}<p><img src=\"表.png\" alt=\"表\"></p>{}", &text[..c], &text[d..]);
    pages.push(without_first.into_bytes());
    pages.push(image.into_bytes());
    pages.push(edited_page(&[
        ("<h2>五、", "<h2>七、"),
        ("<h2>六、其他需要报告的事项", "<h2>六、需要说明的其他事项与附表"),
        ("<h2>一、总体情况</h2>", ""),
        ("某县教育局<br>2025年", "某县教育局 2025年"),
        ("<p class=\"signature\">某县教育局</p><p class=\"date\">2026年1月20日</p>", ""),
        ("<h2>二、主动公开政府信息情况</h2>", "<h2>二、主动公开政府信息情况</h2><p>本部分数据如下表。</p>"),
        (
            "<h2>三、收到和处理政府信息公开申请情况</h2>",
            "<h2>三、收到和处理政府信息公开申请情况</h2><table><tr><td>某某统计</td><td>5</td></tr></table>",
        ),
    ]));
    let mut bad = edited_page(&[
        ("2026年1月20日</p>", "2026年1月20日</p><p>附件：办理情况表</p>"),
        (
            "<h1 class=\"title\">某县教育局<br>2025年政府信息公开工作年度报告</h1>",
            "<h1 class=\"title\">年度报告</h1>",
        ),
    ]);
    let at = bad.len() - 40;
    bad.insert(at, 0xFF);
    pages.push(bad);
    // A Word file made from a real page: the site's footer after the date.
    let converted = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/published/converted/jtj_2024.libreoffice.docx"
    );
    pages.push(std::fs::read(converted).expect("the converted Word file"));
    let mut out = Vec::new();
    for page in pages {
        let imported = report_core::import::import(&page).expect("a report page");
        out.extend(imported.problems.into_iter().map(|p| p.diagnostic));
    }
    out
}

#[test]
fn every_diagnostic_message_has_a_sample() {
    let samples = samples();
    let used: std::collections::HashSet<&str> =
        samples.iter().filter_map(|d| d.text.as_ref()).map(|t| t.id).collect();
    // A message with a hint is a diagnostic's; the others frame them (words, places,
    // summaries, files that cannot be read).
    let missing: Vec<String> = message_ids(Lang::En)
        .into_iter()
        .filter(|(id, hint)| *hint && !used.contains(id.as_str()))
        .map(|(id, _)| id)
        .collect();
    // Messages not sampled: this list may only shrink (a new message without a sample
    // fails here).
    let not_yet = [
        // A label where no official label could be suggested: the label-keyed reader
        // always has candidates in the samples' shapes.
        "label-unknown-none",
        "label-unknown-top-none",
    ];
    assert_eq!(missing, not_yet, "no sample of the first list's messages");
}

#[test]
fn the_importers_messages_read_in_chinese() {
    let mut place = report_core::import::PagePlace::default();
    (place.table, place.row, place.column, place.line) = (Some(2), Some(5), Some(3), 812);
    assert_eq!(place.to_string(), "line 812, table 2 row 5 column 3");
    assert_eq!(place.in_lang(Lang::Zh), "源码第 812 行，表2第5行第3列");
    // A Word file's paragraph, a PDF's page, instead of the line.
    let mut word = place.clone();
    word.paragraph = Some(40);
    assert_eq!(word.to_string(), "paragraph 40, table 2 row 5 column 3");
    assert_eq!(word.in_lang(Lang::Zh), "第 40 段，表2第5行第3列");
    let mut pdf = place.clone();
    pdf.page = Some(4);
    assert_eq!(pdf.in_lang(Lang::Zh), "第 4 页，表2第5行第3列");
    let error = report_core::import::import(b"\0\0binary").expect_err("no page");
    assert_eq!(error.in_lang(Lang::Zh), "该文件不是网页（HTML）");
    assert_eq!(error.to_string(), "the file is not an HTML page");
    let page = edited_page(&[(
        "<td headers=\"t2-r0c3 t2-r1c3 t2-r3c0\" class=\"num\">0</td>",
        "<td headers=\"t2-r0c3 t2-r1c3 t2-r3c0\" class=\"num\"></td>",
    )]);
    let imported = report_core::import::import(&page).expect("a page");
    let blank = imported.problems.iter().find(|p| p.rule == Rule::Cells).expect("ALL");
    let zh = blank.in_lang(Lang::Zh);
    assert!(zh.starts_with("错误[ALL] 源码第"), "{zh}");
    assert!(zh.contains("表2第4行第4列"), "{zh}");
    assert!(zh.contains("此格为空白，数值不明（未按 0 计）；提示："), "{zh}");
    let doubt = &imported.doubts[0];
    assert_eq!(doubt.reason_in(Lang::Zh), "此格为空白，数值不明（未按 0 计）");
    assert_eq!(blank.in_lang(Lang::En), blank.to_string());
}

/// The English words of `text`: runs of two or more ASCII letters with a small letter.
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_lowercase()))
        .map(str::to_owned)
        .collect()
}

/// Arguments quoted from elsewhere, not written by us: left out of the check. A parser's
/// or Typst's words, font and file names, and the data file's keys as written (a table's
/// key is `table4_…`).
/// A command-line option is quoted as it is typed (`--previous`).
const QUOTED: [&str; 10] = [
    "detail", "hints", "family", "fallback", "file", "dir", "key", "closest", "label",
    "option",
];

#[test]
fn every_rule_reads_in_chinese_and_in_english() {
    let samples = samples();
    for rule in Rule::ALL.into_iter().chain(Rule::OTHER) {
        let of_rule: Vec<&Diagnostic> =
            samples.iter().filter(|d| d.rule == rule).collect();
        assert!(!of_rule.is_empty(), "no sample of {rule}");
        for d in of_rule {
            let text = d.text.as_ref().expect("from the message files");
            let zh = d.in_lang(Lang::Zh).to_string();
            let en = d.in_lang(Lang::En).to_string();
            assert_eq!(en, d.to_string(), "English is the default Display");
            assert!(
                zh.starts_with(&format!("{}[{rule}]", d.severity.name(Lang::Zh))),
                "{zh}"
            );
            assert!(
                !d.message_in(Lang::Zh).is_empty() && !d.hint_in(Lang::Zh).is_empty()
                    || rule == Rule::Typeset,
                "{zh}"
            );
            // The place is the file's own keys as written (a table's key is `table4_…`).
            let mut checked = zh.replace(&d.location.to_string(), "");
            for (name, value) in &text.args {
                if QUOTED.contains(name) && !value.is_empty() {
                    checked = checked.replace(value.as_str(), "");
                }
            }
            let words = english_words(&checked);
            assert!(
                words.is_empty(),
                "English {words:?} in the Chinese of {}: {zh}",
                text.id
            );
            assert!(!english_words(&en).is_empty(), "{en}");
        }
    }
}

#[test]
fn the_chinese_reads_as_a_clerk_writes_it() {
    let mut r = county("某县教育局");
    r.reviews_and_lawsuits.review = Outcomes {
        upheld: 3,
        corrected: 1,
        other: 2,
        stated_total: Some(5),
        ..Default::default()
    };
    let d = validate(&r, None).into_iter().find(|d| d.rule == Rule::T4A).expect("T4-A");
    assert_eq!(
        d.in_lang(Lang::Zh).to_string(),
        "错误[T4-A] 行政复议 / 总计：行政复议“总计”应为 6（结果维持 3 + 结果纠正 1 + 其他结果 2 + 尚未审结 0），实填 5；提示：请核对各项数字，或按各项之和更正总计"
    );
    assert_eq!(d.hint_in(Lang::Zh), "请核对各项数字，或按各项之和更正总计");
    // The English stays as it was, Display unchanged.
    assert!(
        d.to_string()
            .starts_with("error[T4-A] 行政复议 / 总计: 总计 is not the sum of its parts")
    );
}

#[test]
fn both_message_files_have_the_same_messages_and_hints() {
    let en = message_ids(Lang::En);
    let zh = message_ids(Lang::Zh);
    assert!(en.len() > 50, "{en:?}");
    assert_eq!(
        en, zh,
        "the same ids, in the same order, with a hint where English has one"
    );
}

#[test]
fn the_language_comes_from_the_environment() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    assert_eq!(
        Lang::from_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "en_US"), ("LC_MESSAGES", "zh_TW")])),
        Lang::Zh
    );
    assert_eq!(Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "zh")])), Lang::Zh);
    assert_eq!(Lang::from_env(env(&[])), Lang::En);
    assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Lang::En);
}

#[test]
fn a_diagnostic_built_from_english_text_reads_the_same_in_every_language() {
    let d = Diagnostic::new(Rule::Empty, Location::Report, "a message", "a hint");
    assert_eq!(d.message_in(Lang::Zh), "a message");
    assert_eq!(d.hint_in(Lang::Zh), "a hint");
    assert!(d.in_lang(Lang::Zh).to_string().starts_with("警告[EMPTY]"));
    let _ = Item::new("x", ["y"]);
}

/// The ids of every message of `lang`'s file, in file order, with whether it has a
/// `.hint`; a file that does not parse fails the test.
fn message_ids(lang: Lang) -> Vec<(String, bool)> {
    let resource = fluent_syntax::parser::parse(l10n::messages(lang))
        .unwrap_or_else(|(_, errors)| panic!("{lang:?}'s message file: {errors:?}"));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some((
                m.id.name.to_owned(),
                m.attributes.iter().any(|a| a.id.name == "hint"),
            )),
            _ => None,
        })
        .collect()
}

/// The operating system's common errors in the reader's words, any other in its own.
#[test]
fn common_os_errors_read_in_the_chosen_language() {
    use std::io::{Error, ErrorKind};
    for (kind, zh, en) in [
        (ErrorKind::NotFound, "找不到该文件或文件夹", "no such file or folder"),
        (ErrorKind::PermissionDenied, "没有访问权限", "permission denied"),
        (ErrorKind::IsADirectory, "这是文件夹，不是文件", "it is a folder, not a file"),
        (ErrorKind::StorageFull, "磁盘已满", "the disk is full"),
        (ErrorKind::InvalidData, "文本不是 UTF-8 编码", "the text is not UTF-8"),
    ] {
        let error = Error::new(kind, "the system's words");
        assert_eq!(l10n::io_reason(Lang::Zh, &error), zh, "{kind:?}");
        assert_eq!(l10n::io_reason(Lang::En, &error), en, "{kind:?}");
    }
    let other = Error::other("a rare failure");
    assert_eq!(l10n::io_reason(Lang::Zh, &other), "a rare failure");
}
