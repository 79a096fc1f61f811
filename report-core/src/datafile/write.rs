//! Writing data files: a report as TOML (with comments quoting the official labels) or
//! JSON, its tables in the labelled form; and the skeleton `govreport init` writes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::Format;
use crate::facts::Fact;
use crate::labelled::{LabelNode, tables_to_labels};
use crate::labels;
use crate::model::numbering;
use crate::model::{
    AdminLevel, Agency, AgencyKind, Item, OtherMatters, Overview, Prose, Report,
};
use crate::outline::section_headings;
use crate::placeholders::{self, TextName};
use crate::tables::Tables;
use crate::tables::{ApplicantCounts, Outcomes, ReviewsAndLawsuits};

/// A value to write, keys in order, with an optional comment before it.
#[derive(Debug, Clone)]
enum Out {
    Str(String),
    /// A number written as is (`0`, `24252.311082`).
    Num(String),
    Date(NaiveDate),
    List(Vec<Out>),
    Obj(Vec<(String, Out, Option<String>)>),
}

fn s(text: &str) -> Out {
    Out::Str(text.to_owned())
}

fn strings(texts: &[String]) -> Out {
    Out::List(texts.iter().map(|t| s(t)).collect())
}

fn item(item: &Item) -> Out {
    let mut e = vec![
        ("title".to_owned(), s(&item.title), None),
        ("paragraphs".to_owned(), strings(&item.paragraphs), None),
    ];
    if !item.items.is_empty() {
        e.push((
            "items".to_owned(),
            Out::List(item.items.iter().map(self::item).collect()),
            None,
        ));
    }
    Out::Obj(e)
}

fn label_node(node: &LabelNode) -> Out {
    match node {
        LabelNode::Number(n) => Out::Num(n.clone()),
        LabelNode::Text(t) => Out::Str(t.clone()),
        LabelNode::Bool(b) => Out::Num(b.to_string()),
        LabelNode::Null => Out::Str(String::new()),
        LabelNode::List(items) => Out::List(items.iter().map(label_node).collect()),
        LabelNode::Map(entries) => Out::Obj(
            entries.iter().map(|(k, v)| (k.clone(), label_node(v), None)).collect(),
        ),
    }
}

fn kind_name(kind: AgencyKind) -> &'static str {
    match kind {
        AgencyKind::Department => "department",
        AgencyKind::PeoplesGovernment => "peoples_government",
    }
}

fn level_name(level: AdminLevel) -> &'static str {
    match level {
        AdminLevel::National => "national",
        AdminLevel::Provincial => "provincial",
        AdminLevel::Prefecture => "prefecture",
        AdminLevel::County => "county",
        AdminLevel::Township => "township",
    }
}

fn c(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn report_out(report: &Report) -> Out {
    let a = &report.agency;
    let agency = Out::Obj(vec![
        ("name".into(), s(&a.name), c("发布机关全称，也是标题和署名")),
        (
            "kind".into(),
            s(kind_name(a.kind)),
            c("department（部门）或 peoples_government（本级人民政府）"),
        ),
        (
            "level".into(),
            s(level_name(a.level)),
            c(
                "national、provincial、prefecture（设区的市）、county（县级）或 township（乡镇、街道）",
            ),
        ),
        ("address".into(), s(&a.address), c("联系地址")),
        ("telephone".into(), s(&a.telephone), c("联系电话")),
        ("website".into(), s(&a.website), c("报告电子版发布网站")),
    ]);
    let o = &report.overview;
    let headings = section_headings();
    // The sub-sections of 一 with their numbered titles as comments; `assessment` only
    // where the report has it (people's governments).
    let fields = [
        (&o.active_disclosure, "active_disclosure", ""),
        (&o.disclosure_on_request, "disclosure_on_request", ""),
        (&o.information_management, "information_management", ""),
        (&o.platforms, "platforms", ""),
        (&o.oversight, "oversight", ""),
    ];
    let assessment = o.assessment.as_ref().map(|a| (a, "assessment", "（人民政府必填）"));
    let mut overview = vec![("intro".into(), strings(&o.intro), c("总体情况的引言段落"))];
    for (i, (value, key, note)) in fields.into_iter().chain(assessment).enumerate() {
        let title = Overview::TITLES[i];
        let comment = format!("{}{title}{note}", numbering::label(2, i + 1));
        overview.push((key.into(), item(value), Some(comment)));
    }
    let prose = |p: &Prose| {
        Out::Obj(vec![
            ("paragraphs".into(), strings(&p.paragraphs), None),
            ("items".into(), Out::List(p.items.iter().map(item).collect()), None),
        ])
    };
    let m = &report.other_matters;
    let other = Out::Obj(vec![
        ("paragraphs".into(), strings(&m.paragraphs), None),
        (
            "fees".into(),
            item(&m.fees),
            Some(format!(
                "{}{}（国办函〔2020〕109号）",
                numbering::label(2, 1),
                OtherMatters::FEES_TITLE
            )),
        ),
        ("items".into(), Out::List(m.items.iter().map(item).collect()), None),
    ]);
    let tables = Tables {
        active_disclosure: report.active_disclosure.clone(),
        applications: report.applications.clone(),
        reviews_and_lawsuits: report.reviews_and_lawsuits.clone(),
    };
    let mut tables = label_node(&tables_to_labels(&tables));
    if let Out::Obj(entries) = &mut tables {
        // The notes for clerks, after each table's section heading.
        let notes = [
            "（表格按官方标签填写，单位：件；收费单位：万元）",
            "（每格填数字，没有填 0；“总计”可省略，省略则自动计算，填写则校验）",
            "（“总计”可省略）",
        ];
        let keys = [*labels::TABLE2_KEY, *labels::TABLE3_KEY, *labels::TABLE4_KEY];
        for (key, _, comment) in entries.iter_mut() {
            *comment = keys
                .iter()
                .position(|k| k == key)
                .map(|i| format!("{}{}", headings[i + 1], notes[i]));
        }
    }
    Out::Obj(vec![
        ("year".into(), Out::Num(report.year.to_string()), c("统计年度")),
        ("date".into(), Out::Date(report.date), c("成文日期（署名下的日期）")),
        ("preamble".into(), strings(&report.preamble), c("导语：每段一个字符串")),
        ("agency".into(), agency, c("发布机关")),
        ("overview".into(), Out::Obj(overview), Some(headings[0].clone())),
        ("problems".into(), prose(&report.problems), Some(headings[4].clone())),
        ("other_matters".into(), other, Some(headings[5].clone())),
        ("tables".into(), tables, c("二、三、四 的三张统计表")),
    ])
}

/// The report as a data file in `format`, tables labelled by the official labels.
/// Reading it back ([`super::load`]) gives the same report.
pub fn to_string(report: &Report, format: Format) -> String {
    match format {
        Format::Toml => to_toml(report),
        Format::Json => to_json(report),
    }
}

/// The report as TOML: scalars first, then one `[section]` a table, every key commented
/// with what it is.
pub fn to_toml(report: &Report) -> String {
    to_toml_annotated(report, &[])
}

/// A note on one cell of the tables for [`to_toml_annotated`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellNote<'a> {
    /// The cell's labels in the data file, the table's key first.
    pub labels: &'a [&'a str],
    /// The comment written before the cell.
    pub comment: &'a str,
    /// Whether the value is unknown: then written `""`, which the reader reports (ALL)
    /// instead of taking it for 0.
    pub unknown: bool,
}

/// The report as a data file in `format` with its noted cells ([`to_toml_annotated`],
/// [`to_json_annotated`]).
pub fn to_string_annotated(
    report: &Report,
    notes: &[CellNote<'_>],
    format: Format,
) -> String {
    match format {
        Format::Toml => to_toml_annotated(report, notes),
        Format::Json => to_json_annotated(report, notes),
    }
}

/// The report as TOML, as [`to_toml`], with a comment before each noted cell of its
/// tables and unknown cells written `""`: for a report read from a published page
/// (`govreport import`), whose doubtful cells a person must look at.
pub fn to_toml_annotated(report: &Report, notes: &[CellNote<'_>]) -> String {
    let mut out = String::new();
    out.push_str(
        "# 政府信息公开工作年度报告 数据文件（govreport）。\n\
         # 检查：govreport check 本文件；生成 PDF：govreport render 本文件 -o 报告.pdf\n\n",
    );
    if let Out::Obj(mut entries) = report_out(report) {
        if let Some((_, tables, _)) = entries.iter_mut().find(|(k, _, _)| k == "tables") {
            for note in notes {
                annotate(tables, note.labels, note.comment, note.unknown);
            }
        }
        toml_table(&mut out, &[], &entries);
    }
    out
}

fn annotate(node: &mut Out, labels: &[&str], comment: &str, unknown: bool) {
    let (Some((first, rest)), Out::Obj(entries)) = (labels.split_first(), node) else {
        return;
    };
    if !entries.iter().any(|(k, _, _)| k == first) {
        if !rest.is_empty() || !unknown {
            return;
        }
        // A total left to be computed, but unknown in the page: written out blank.
        entries.push(((*first).to_owned(), Out::Str(String::new()), None));
    }
    let Some(entry) = entries.iter_mut().find(|(k, _, _)| k == first) else { return };
    if rest.is_empty() {
        entry.2 = Some(match entry.2.take() {
            Some(c) => format!("{c}\n{comment}"),
            None => comment.to_owned(),
        });
        if unknown {
            entry.1 = Out::Str(String::new());
        }
    } else {
        annotate(&mut entry.1, rest, comment, unknown);
    }
}

fn toml_key(key: &str) -> String {
    if !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_owned()
    } else {
        toml_string(key)
    }
}

fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            ch if ch.is_control() => {
                let _ = write!(out, "\\u{:04X}", ch as u32);
            }
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

fn toml_number(n: &str) -> String {
    // A number TOML cannot give back exactly (e.g. more digits than an f64 holds) is
    // written as a string; the reader accepts both.
    if n.parse::<i64>().is_ok() {
        return n.to_owned();
    }
    match n.parse::<f64>() {
        Ok(f) if f.is_finite() && f.to_string() == n => {
            if n.contains('.') {
                n.to_owned()
            } else {
                format!("{n}.0")
            }
        }
        _ => toml_string(n),
    }
}

fn is_table_like(v: &Out) -> bool {
    match v {
        Out::Obj(_) => true,
        Out::List(items) => {
            !items.is_empty() && items.iter().all(|i| matches!(i, Out::Obj(_)))
        }
        _ => false,
    }
}

fn toml_inline(v: &Out) -> String {
    match v {
        Out::Str(t) => toml_string(t),
        Out::Num(n) => toml_number(n),
        Out::Date(d) => d.format("%Y-%m-%d").to_string(),
        Out::List(items) if items.is_empty() => "[]".to_owned(),
        Out::List(items) => {
            let parts: Vec<String> =
                items.iter().map(|i| format!("  {},\n", toml_inline(i))).collect();
            format!("[\n{}]", parts.concat())
        }
        Out::Obj(entries) => {
            let parts: Vec<String> = entries
                .iter()
                .map(|(k, v, _)| format!("{} = {}", toml_key(k), toml_inline(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
    }
}

fn comment(out: &mut String, text: &Option<String>) {
    if let Some(text) = text {
        for line in text.lines() {
            let _ = writeln!(out, "# {line}");
        }
    }
}

fn toml_table(
    out: &mut String,
    path: &[String],
    entries: &[(String, Out, Option<String>)],
) {
    for (k, v, note) in entries {
        if !is_table_like(v) {
            comment(out, note);
            let _ = writeln!(out, "{} = {}", toml_key(k), toml_inline(v));
        }
    }
    for (k, v, note) in entries {
        let mut here = path.to_vec();
        here.push(toml_key(k));
        match v {
            Out::Obj(children) => {
                let has_scalars = children.iter().any(|(_, v, _)| !is_table_like(v));
                if has_scalars || children.is_empty() {
                    out.push('\n');
                    comment(out, note);
                    let _ = writeln!(out, "[{}]", here.join("."));
                } else if note.is_some() {
                    out.push('\n');
                    comment(out, note);
                }
                toml_table(out, &here, children);
            }
            Out::List(items) if is_table_like(v) => {
                for item in items {
                    out.push('\n');
                    comment(out, note);
                    let _ = writeln!(out, "[[{}]]", here.join("."));
                    if let Out::Obj(children) = item {
                        toml_table(out, &here, children);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The report as JSON, two-space indented, keys in the order of the template.
pub fn to_json(report: &Report) -> String {
    to_json_annotated(report, &[])
}

/// The report as JSON, as [`to_json`], with the unknown cells of `notes` written `""`
/// (which the reader reports, ALL, instead of taking it for 0), as
/// [`to_toml_annotated`] writes them; JSON has no comments, so the notes' comments are
/// left out.
pub fn to_json_annotated(report: &Report, notes: &[CellNote<'_>]) -> String {
    let mut out = String::new();
    let mut root = report_out(report);
    if let Out::Obj(entries) = &mut root
        && let Some((_, tables, _)) = entries.iter_mut().find(|(k, _, _)| k == "tables")
    {
        for note in notes.iter().filter(|n| n.unknown) {
            annotate(tables, note.labels, "", true);
        }
    }
    json_value(&mut out, &root, 0);
    out.push('\n');
    out
}

fn json_value(out: &mut String, v: &Out, indent: usize) {
    let pad = "  ".repeat(indent + 1);
    let end = "  ".repeat(indent);
    match v {
        Out::Str(t) => out.push_str(&serde_json::Value::String(t.clone()).to_string()),
        Out::Num(n) => out.push_str(n),
        Out::Date(d) => {
            let _ = write!(out, "\"{}\"", d.format("%Y-%m-%d"));
        }
        Out::List(items) if items.is_empty() => out.push_str("[]"),
        Out::List(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad);
                json_value(out, item, indent + 1);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{end}]");
        }
        Out::Obj(entries) if entries.is_empty() => out.push_str("{}"),
        Out::Obj(entries) => {
            out.push_str("{\n");
            for (i, (k, v, _)) in entries.iter().enumerate() {
                let _ = write!(out, "{pad}{}: ", serde_json::Value::String(k.clone()));
                json_value(out, v, indent + 1);
                out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{end}}}");
        }
    }
}

/// The skeleton of a *data file* (what `govreport init` writes) for `agency` on `year`,
/// dated 20 January of the next year: the conventional titles of 一 and 六（一）, no
/// prose, every table cell 0 with every 总计 stated (0), so that a clerk who fills in a
/// cell without its total is caught.
///
/// To build a report in code, use [`Report::new`] instead: its totals are computed, so
/// setting a cell is enough.
pub fn skeleton_report(agency: Agency, year: i32) -> Report {
    let date = NaiveDate::from_ymd_opt(year.saturating_add(1), 1, 20)
        .or_else(|| NaiveDate::from_ymd_opt(2024, 1, 20))
        .unwrap_or_default();
    // The report built in code, with every 总计 stated as 0 for the clerk.
    let mut report = Report::new(agency, year, date);
    let zero_row =
        ApplicantCounts { stated_total: Some(0), ..ApplicantCounts::default() };
    let applications = &mut report.applications;
    for (_, row) in labels::application_rows_mut(applications) {
        *row = zero_row;
    }
    applications.results.stated_total = Some(zero_row);
    let outcome = Outcomes { stated_total: Some(0), ..Outcomes::default() };
    report.reviews_and_lawsuits = ReviewsAndLawsuits {
        review: outcome,
        lawsuits_direct: outcome,
        lawsuits_after_review: outcome,
    };
    let prose = skeleton_prose();
    report.preamble = prose.preamble;
    report.overview.disclosure_on_request.paragraphs = vec![prose.applications];
    report.overview.oversight.paragraphs = vec![prose.reviews];
    report
}

/// The standard paragraphs `init` writes, made of placeholders
/// ([`crate::placeholders`]), so that their figures and contact details come from the
/// tables and the agency.
pub struct SkeletonProse {
    /// The preamble: legal basis, parts, statistical period, where the electronic
    /// version is published, contact.
    pub preamble: Vec<String>,
    /// 依申请公开情况: applications received, carried over, closed by outcome, carried
    /// forward.
    pub applications: String,
    /// 行政复议、行政诉讼: the counts and results.
    pub reviews: String,
}

/// The paragraphs of [`SkeletonProse`]; every placeholder name is taken from
/// [`Fact`] and [`placeholders::TEXT_NAMES`], the section titles from
/// [`crate::outline::SECTION_TITLES`], the citation from [`crate::validate::CITATION`].
pub fn skeleton_prose() -> SkeletonProse {
    let f = |fact: Fact| format!("{{{}}}", fact.name());
    let t = |name: TextName| format!("{{{}}}", placeholders::text_name(name));
    let (year, agency) = (t(TextName::Year), t(TextName::AgencyName));
    let preamble = vec![
        format!(
            "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（{}）要求，编制本报告。",
            crate::validate::CITATION
        ),
        format!(
            "本报告由{}六个部分组成。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告的电子版可在{}查阅或下载。如对本报告有疑问，请与{agency}联系（地址：{}；电话：{}）。",
            crate::outline::SECTION_TITLES.join("、"),
            t(TextName::Website),
            t(TextName::Address),
            t(TextName::Telephone),
        ),
    ];
    let applications = format!(
        "{year}年，本机关新收政府信息公开申请{}件，上年结转{}件；办结{}件，其中予以公开{}件、部分公开{}件、不予公开{}件、无法提供{}件、不予处理{}件、其他处理{}件；结转下年度继续办理{}件。",
        f(Fact::applications_received),
        f(Fact::applications_carried_over),
        f(Fact::applications_closed),
        f(Fact::disclosed),
        f(Fact::partially_disclosed),
        f(Fact::withheld),
        f(Fact::unavailable),
        f(Fact::not_processed),
        f(Fact::other_handling),
        f(Fact::applications_carried_forward),
    );
    let reviews = format!(
        "{year}年，本机关发生政府信息公开行政复议{}件，其中维持{}件、纠正{}件、其他结果{}件、尚未审结{}件；发生政府信息公开行政诉讼{}件，其中维持{}件、纠正{}件、其他结果{}件、尚未审结{}件。",
        f(Fact::review_total),
        f(Fact::review_upheld),
        f(Fact::review_corrected),
        f(Fact::review_other),
        f(Fact::review_pending),
        f(Fact::lawsuit_total),
        f(Fact::lawsuit_upheld),
        f(Fact::lawsuit_corrected),
        f(Fact::lawsuit_other),
        f(Fact::lawsuit_pending),
    );
    SkeletonProse { preamble, applications, reviews }
}

/// The skeleton data file of [`skeleton_report`] in `format`.
pub fn skeleton(agency: Agency, year: i32, format: Format) -> String {
    to_string(&skeleton_report(agency, year), format)
}
