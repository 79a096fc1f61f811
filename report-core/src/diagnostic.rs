//! The one diagnostic type: a problem of a report, of a data file or of a render, named by
//! its [`Rule`], placed by a structured [`Location`], with the expected and found values
//! and a hint.
//!
//! Validation ([`crate::validate()`]), the reading of label-keyed tables
//! ([`crate::labels`]), data files ([`crate::datafile`], which adds a position in the file
//! by wrapping a [`Diagnostic`]) and the renderer all speak in [`Diagnostic`]s.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::l10n::{self, Arg, Lang, arg};

/// How grave a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// A rule of the template is broken, or the report cannot be printed as it is: a
    /// report with an error must not be published.
    Error,
    /// Implausible, and worth a look by a person: the report may still be right.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// The rules, each with a stable id ([`Rule::id`]) that never changes meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub enum Rule {
    /// T3-A: per column, 一（本年新收） + 二（上年结转） = （七）总计 + 四（结转下年度继续办理）.
    #[serde(rename = "T3-A")]
    T3A,
    /// T3-B: per column, （七）总计 = the sum of the rows of （一）–（六）.
    #[serde(rename = "T3-B")]
    T3B,
    /// T3-C: per row of section 三, 总计 = the sum of the six applicant columns.
    #[serde(rename = "T3-C")]
    T3C,
    /// T4-A: 行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    #[serde(rename = "T4-A")]
    T4A,
    /// T4-B: the same for 行政诉讼 / 未经复议直接起诉.
    #[serde(rename = "T4-B")]
    T4B,
    /// T4-C: the same for 行政诉讼 / 复议后起诉.
    #[serde(rename = "T4-C")]
    T4C,
    /// ALL: every cell a non-negative integer (the fee a non-negative decimal), never
    /// blank or "/".
    #[serde(rename = "ALL")]
    Cells,
    /// TEXT: a text field holds a character that cannot be printed (a control character
    /// such as a line break or tab, or an invisible formatting character).
    #[serde(rename = "TEXT")]
    Text,
    /// AGENCY: the agency's name is empty; it is the title and the signature.
    #[serde(rename = "AGENCY")]
    AgencyName,
    /// F2019: the report follows the superseded 2019 trial format, or covers a year the
    /// 2021 format does not apply to.
    #[serde(rename = "F2019")]
    Format2019,
    /// CITE: the format's citation is not written exactly `国办公开办函〔2021〕30号`
    /// (issuer, 六角括号 U+3014/U+3015, no spaces).
    #[serde(rename = "CITE")]
    Citation,
    /// NUMBERING: a sub-item's title starts with a number written by hand (`（一）`,
    /// `一、`, `1.`, `1、`, `（1）`); numbers are generated, so it would print twice.
    #[serde(rename = "NUMBERING")]
    Numbering,
    /// ASSESS: a people's government's report lacks 工作考核、社会评议和责任追究结果情况.
    #[serde(rename = "ASSESS")]
    Assessment,
    /// LABEL: a table label of imported data is not an official one (see [`crate::labels`]).
    #[serde(rename = "LABEL")]
    Label,
    /// LABEL-VARIANT: a table label of imported data differs from the official one only in
    /// punctuation or spacing (e.g. `1、` for `1.`); it was read as the official label.
    #[serde(rename = "LABEL-VARIANT")]
    LabelVariant,
    /// EMPTY: a text that prints as nothing: a blank paragraph or title, no preamble, an
    /// empty section 五, or a fee item (六（一）) that says nothing.
    #[serde(rename = "EMPTY")]
    Empty,
    /// PROSE: the prose states a number of applications received that the table does
    /// not (e.g. 收到政府信息公开申请17件 while 一、本年新收 says 95), or says none were
    /// received (未收到…申请) while the table counts some.
    #[serde(rename = "PROSE")]
    Prose,
    /// Y-CONT: this year's 二、上年结转 differs from last year's 四、结转下年度继续办理.
    #[serde(rename = "Y-CONT")]
    YearContinuity,
    /// S-CONT: last year's 现行有效件数 + 本年制发件数 − 本年废止件数 differs from this
    /// year's 现行有效件数.
    #[serde(rename = "S-CONT")]
    StockContinuity,
    /// PREV: the report given as last year's is not last year's report of this agency.
    #[serde(rename = "PREV")]
    PreviousReport,
    /// ISSUER: 规章 reported by an agency whose level makes no 规章 (only 国务院部门 and
    /// the governments of provinces and 设区的市 do).
    #[serde(rename = "ISSUER")]
    RulesIssuer,
    /// DATE: the publication date is not in the year after the statistical year, or is
    /// after the deadline (1月31日 for departments, 3月31日 for a people's government).
    #[serde(rename = "DATE")]
    PublicationDate,
    /// TITLE-YEAR: the year in the title differs from the statistical year.
    #[serde(rename = "TITLE-YEAR")]
    TitleYear,
    /// PLACEHOLDER: a placeholder of the prose cannot be filled: an unknown name, a
    /// change from last year without last year's report, an empty agency detail, or a
    /// brace that opens or closes nothing (see [`crate::placeholders`]).
    #[serde(rename = "PLACEHOLDER")]
    Placeholder,
    /// DATA: a data file's shape is wrong (a wrong type, an unknown key, a missing
    /// section), found before validation can run. Not a rule of validation.
    #[serde(rename = "DATA")]
    Data,
    /// FONT: a character of the report is not in its role's font and is drawn from the
    /// broad fallback font, or a font file or folder gave no font. From the renderer.
    #[serde(rename = "FONT")]
    Font,
    /// TYPST: a warning of the Typst compiler. From the renderer.
    #[serde(rename = "TYPST")]
    Typeset,
}

impl Rule {
    /// Every rule of validation ([`crate::validate()`] and the reading of label-keyed
    /// tables), in the order of this enum: the rules a report is checked against.
    pub const ALL: [Rule; 24] = [
        Rule::T3A,
        Rule::T3B,
        Rule::T3C,
        Rule::T4A,
        Rule::T4B,
        Rule::T4C,
        Rule::Cells,
        Rule::Text,
        Rule::AgencyName,
        Rule::Format2019,
        Rule::Citation,
        Rule::Numbering,
        Rule::Assessment,
        Rule::Label,
        Rule::LabelVariant,
        Rule::Empty,
        Rule::Prose,
        Rule::YearContinuity,
        Rule::StockContinuity,
        Rule::PreviousReport,
        Rule::RulesIssuer,
        Rule::PublicationDate,
        Rule::TitleYear,
        Rule::Placeholder,
    ];

    /// The rules that are no rule of validation: a data file's shape ([`Rule::Data`])
    /// and the renderer's warnings ([`Rule::Font`], [`Rule::Typeset`]).
    pub const OTHER: [Rule; 3] = [Rule::Data, Rule::Font, Rule::Typeset];

    /// The stable id, e.g. `T3-A`.
    pub const fn id(self) -> &'static str {
        match self {
            Rule::T3A => "T3-A",
            Rule::T3B => "T3-B",
            Rule::T3C => "T3-C",
            Rule::T4A => "T4-A",
            Rule::T4B => "T4-B",
            Rule::T4C => "T4-C",
            Rule::Cells => "ALL",
            Rule::Text => "TEXT",
            Rule::AgencyName => "AGENCY",
            Rule::Format2019 => "F2019",
            Rule::Citation => "CITE",
            Rule::Numbering => "NUMBERING",
            Rule::Assessment => "ASSESS",
            Rule::Label => "LABEL",
            Rule::LabelVariant => "LABEL-VARIANT",
            Rule::Empty => "EMPTY",
            Rule::Prose => "PROSE",
            Rule::YearContinuity => "Y-CONT",
            Rule::StockContinuity => "S-CONT",
            Rule::PreviousReport => "PREV",
            Rule::RulesIssuer => "ISSUER",
            Rule::PublicationDate => "DATE",
            Rule::TitleYear => "TITLE-YEAR",
            Rule::Placeholder => "PLACEHOLDER",
            Rule::Data => "DATA",
            Rule::Font => "FONT",
            Rule::Typeset => "TYPST",
        }
    }

    /// How grave a breach of this rule is.
    pub const fn severity(self) -> Severity {
        match self {
            Rule::T3A
            | Rule::T3B
            | Rule::T3C
            | Rule::T4A
            | Rule::T4B
            | Rule::T4C
            | Rule::Cells
            | Rule::Text
            | Rule::AgencyName
            | Rule::Format2019
            | Rule::Citation
            | Rule::Numbering
            | Rule::Assessment
            | Rule::Label
            | Rule::Placeholder
            | Rule::Data => Severity::Error,
            Rule::LabelVariant
            | Rule::Empty
            | Rule::Prose
            | Rule::YearContinuity
            | Rule::StockContinuity
            | Rule::PreviousReport
            | Rule::RulesIssuer
            | Rule::PublicationDate
            | Rule::TitleYear
            | Rule::Font
            | Rule::Typeset => Severity::Warning,
        }
    }

    /// The rule with the given id, e.g. `"T4-A"` or `"DATA"`.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().chain(Rule::OTHER).find(|r| r.id() == id)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A rule equals its id: `rule == "T4-A"`.
impl PartialEq<str> for Rule {
    fn eq(&self, id: &str) -> bool {
        self.id() == id
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, id: &&str) -> bool {
        self.id() == *id
    }
}

/// One of the three statutory tables. (Named by section, not by type: a variant named like
/// a table type would make rustc spell that type out in full in its messages.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// Section 二, 主动公开政府信息情况 ([`crate::ActiveDisclosure`]).
    Section2,
    /// Section 三, 收到和处理政府信息公开申请情况 ([`crate::Applications`]).
    Section3,
    /// Section 四, 政府信息公开行政复议、行政诉讼情况 ([`crate::ReviewsAndLawsuits`]).
    Section4,
}

impl TableId {
    /// The three tables, in the order of the report.
    pub const ALL: [TableId; 3] =
        [TableId::Section2, TableId::Section3, TableId::Section4];
}

/// Where a diagnostic is, structured; [`Display`](fmt::Display) prints it for people.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Location {
    /// The report as a whole, or no one place (a problem of a data file's shape that only
    /// its position in the file places). Printed as nothing.
    Report,
    /// The report given as last year's (PREV). Printed `上年报告`.
    Previous,
    /// A place in one of the statutory tables: the table and the labels naming the cell,
    /// row, column or group as printed (row labels outermost first, then column labels).
    /// Printed as [`join_path`] does: `三、本年度办理结果 /（七）总计 / 自然人`.
    Table {
        /// The table.
        table: TableId,
        /// The labels, outermost first.
        labels: Vec<String>,
    },
    /// A text field or a place of the prose: section and item headings as printed, then
    /// the field (`标题`, `署名`, `第2段` …), e.g. `一、总体情况 / （一）主动公开情况 / 第2段`.
    /// Printed with ` / ` between the parts.
    Text {
        /// The parts, outermost first.
        path: Vec<String>,
    },
    /// A key of the label-keyed tables that is no cell of the report: an unknown table, or
    /// a whole table (its key). Printed as [`join_path`] does.
    Key {
        /// The keys, outermost first, from the tables' object down.
        path: Vec<String>,
    },
}

impl Location {
    /// A place in `table`, by its labels.
    pub fn cell<S: AsRef<str>>(table: TableId, labels: &[S]) -> Location {
        Location::Table {
            table,
            labels: labels.iter().map(|l| l.as_ref().to_owned()).collect(),
        }
    }

    /// A text field or place of the prose, by its parts.
    pub fn text<S: AsRef<str>>(path: &[S]) -> Location {
        Location::Text { path: path.iter().map(|p| p.as_ref().to_owned()).collect() }
    }

    /// A key of the label-keyed tables.
    pub fn key<S: AsRef<str>>(path: &[S]) -> Location {
        Location::Key { path: path.iter().map(|p| p.as_ref().to_owned()).collect() }
    }

    /// The same text location one part deeper, e.g. `… / 标题`.
    pub fn child(&self, part: impl Into<String>) -> Location {
        let mut out = self.clone();
        match &mut out {
            Location::Table { labels: path, .. }
            | Location::Text { path }
            | Location::Key { path } => path.push(part.into()),
            Location::Report | Location::Previous => {}
        }
        out
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Report => Ok(()),
            Location::Previous => f.write_str("上年报告"),
            Location::Table { labels: path, .. } | Location::Key { path } => {
                f.write_str(&join_path(path))
            }
            Location::Text { path } => f.write_str(&path.join(" / ")),
        }
    }
}

/// A location serialises as it prints.
impl Serialize for Location {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Location {
    /// Whether the location prints as `text` (compared as it is written, no allocation).
    pub fn prints(&self, text: &str) -> bool {
        struct Rest<'a>(&'a str);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(text);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

/// A location equals the text it prints: `location == "导语 / 第1段"`.
impl PartialEq<str> for Location {
    fn eq(&self, text: &str) -> bool {
        self.prints(text)
    }
}

impl PartialEq<&str> for Location {
    fn eq(&self, text: &&str) -> bool {
        self.prints(text)
    }
}

impl PartialEq<String> for Location {
    fn eq(&self, text: &String) -> bool {
        self.prints(text)
    }
}

/// A path of labels as a person reads it: `三、本年度办理结果 /（七）总计 / 自然人`.
/// Parts are separated by ` / `, without the space before a full-width `（`.
pub fn join_path<S: AsRef<str>>(parts: &[S]) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let part = part.as_ref();
        if i > 0 {
            out.push_str(if part.starts_with('（') { " /" } else { " / " });
        }
        out.push_str(part);
    }
    out
}

/// One problem: of a report, of a data file, or of a render.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    /// The rule that is broken.
    pub rule: Rule,
    /// How grave it is (always `rule.severity()`).
    pub severity: Severity,
    /// The cell or text, by its official labels (printed e.g.
    /// `三、本年度办理结果 /（七）总计 / 自然人` or `一、总体情况 / 第1段`).
    pub location: Location,
    /// The value the rule expects there, where there is one.
    pub expected: Option<String>,
    /// The value found there, where there is one.
    pub found: Option<String>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// The message as data, for every language: its id in the message files and its
    /// arguments ([`crate::l10n`]). `None` for a diagnostic built from English text
    /// ([`Diagnostic::new`]), which reads the same in every language.
    #[serde(skip)]
    pub text: Option<Text>,
}

/// A diagnostic's message as data: the id of a message of the `.ftl` files and its
/// arguments. The message's value is the message, its `.hint` attribute the hint.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    /// The message's id, e.g. `t4-sum`.
    pub id: &'static str,
    /// The arguments, by name: official labels, numbers, values found.
    pub args: Vec<Arg>,
}

impl Diagnostic {
    /// A diagnostic of `rule` at `location`, without expected or found value.
    pub fn new(
        rule: Rule,
        location: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity(),
            location,
            expected: None,
            found: None,
            message: message.into(),
            hint: hint.into(),
            text: None,
        }
    }

    /// A diagnostic of `rule` at `location` whose message and hint are the message `id`
    /// of the message files ([`crate::l10n`]) with `args`: written in the reader's
    /// language by [`Diagnostic::in_lang`], in English by `Display` (and in
    /// [`Diagnostic::message`] and [`Diagnostic::hint`]).
    pub fn from_id(
        rule: Rule,
        location: Location,
        id: &'static str,
        args: Vec<Arg>,
    ) -> Self {
        let message = l10n::tr(Lang::En, id, &args);
        let hint = l10n::text(Lang::En, id, Some("hint"), &args).unwrap_or_default();
        let mut d = Diagnostic::new(rule, location, message, hint);
        d.text = Some(Text { id, args });
        d
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.text {
            Some(t) if lang != Lang::En => l10n::tr(lang, t.id, &t.args),
            _ => self.message.clone(),
        }
    }

    /// The hint in `lang` (empty if there is none).
    pub fn hint_in(&self, lang: Lang) -> String {
        match &self.text {
            Some(t) if lang != Lang::En => {
                l10n::text(lang, t.id, Some("hint"), &t.args).unwrap_or_default()
            }
            _ => self.hint.clone(),
        }
    }

    /// The diagnostic written on one line in `lang`: `Display` of the result.
    pub fn in_lang(&self, lang: Lang) -> InLang<'_> {
        InLang { diagnostic: self, lang, at: None }
    }

    /// The same diagnostic with its expected and found values.
    pub fn values(mut self, expected: impl ToString, found: impl ToString) -> Self {
        self.expected = Some(expected.to_string());
        self.found = Some(found.to_string());
        self
    }

    /// Whether this is an error (not only a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `error[T4-A] 行政复议 / 总计: … (expected 10, found 0); hint: …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, None)
    }
}

/// A diagnostic written in a chosen language ([`Diagnostic::in_lang`]): in English as
/// `Display` of the diagnostic; in Chinese
/// `错误[T4-A] 行政复议 / 总计：行政复议“总计”应为 6（…），实填 5；提示：…`.
#[derive(Debug, Clone, Copy)]
pub struct InLang<'a> {
    diagnostic: &'a Diagnostic,
    lang: Lang,
    at: Option<&'a str>,
}

impl<'a> InLang<'a> {
    /// The same, with a place in a file (`12:5`) after the rule.
    pub fn at(mut self, at: Option<&'a str>) -> Self {
        self.at = at;
        self
    }
}

impl fmt::Display for InLang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        if self.lang == Lang::En {
            return d.write(f, self.at);
        }
        write!(f, "{}[{}]", d.severity.name(self.lang), d.rule)?;
        if let Some(at) = self.at {
            write!(f, " {at}")?;
        }
        let location = d.location.to_string();
        if !location.is_empty() {
            write!(f, " {location}")?;
        }
        write!(f, "{}{}", l10n::tr(self.lang, "colon", &[]), d.message_in(self.lang))?;
        let hint = d.hint_in(self.lang);
        if !hint.is_empty() {
            write!(f, "{}", l10n::tr(self.lang, "then-hint", &[arg("hint", hint)]))?;
        }
        Ok(())
    }
}

impl Severity {
    /// The severity's word in `lang`: `error`, `错误` …
    pub fn name(self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (Severity::Error, _) => l10n::tr(lang, "severity-error", &[]),
            (Severity::Warning, _) => l10n::tr(lang, "severity-warning", &[]),
        }
    }
}

impl Diagnostic {
    /// Writes the diagnostic on one line, with `at` (a place in a file, `12:5`) after
    /// the rule if given. The hint is always written `hint: …`, as the CLI writes it.
    pub(crate) fn write(
        &self,
        f: &mut fmt::Formatter<'_>,
        at: Option<&str>,
    ) -> fmt::Result {
        write!(f, "{}[{}]", self.severity, self.rule)?;
        if let Some(at) = at {
            write!(f, " {at}")?;
        }
        let location = self.location.to_string();
        if !location.is_empty() {
            write!(f, " {location}")?;
        }
        write!(f, ": {}", self.message)?;
        match (&self.expected, &self.found) {
            (Some(e), Some(v)) => write!(f, " (expected {e}, found {v})")?,
            (Some(e), None) => write!(f, " (expected {e})")?,
            (None, Some(v)) => write!(f, " (found {v})")?,
            (None, None) => {}
        }
        if !self.hint.is_empty() {
            write!(f, "; {HINT}{}", self.hint)?;
        }
        Ok(())
    }
}

/// How a hint is introduced wherever one is printed: in every `Display` and in the CLI.
pub const HINT: &str = "hint: ";

/// Whether any of `diagnostics` is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Diagnostics with at least one error among them: a report (or its label-keyed tables)
/// that must not be used, with every diagnostic found, warnings included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// Every diagnostic, in the order they were found.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        write!(f, "the report has {errors} error(s)")?;
        for d in &self.diagnostics {
            write!(f, "\n  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

impl Invalid {
    /// `Err` with every diagnostic if any is an error, else `Ok` with them (warnings).
    pub fn check(diagnostics: Vec<Diagnostic>) -> Result<Vec<Diagnostic>, Invalid> {
        if has_errors(&diagnostics) {
            Err(Invalid { diagnostics })
        } else {
            Ok(diagnostics)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_print_as_the_labels_did() {
        // A cell: no space before a full-width bracket, as `join_path` has always written.
        let cell = Location::cell(
            TableId::Section3,
            &["三、本年度办理结果", "（七）总计", "自然人"],
        );
        assert_eq!(cell.to_string(), "三、本年度办理结果 /（七）总计 / 自然人");
        // A text: ` / ` between every part, the item's number included.
        let text = Location::text(&["一、总体情况", "（一）主动公开情况"]).child("第2段");
        assert_eq!(text.to_string(), "一、总体情况 / （一）主动公开情况 / 第2段");
        // A key of the tables' object that is no cell.
        let key = Location::key(&["table5_不存在的表"]);
        assert_eq!(key.to_string(), "table5_不存在的表");
        assert_eq!(Location::Previous.to_string(), "上年报告");
        assert_eq!(Location::Report.to_string(), "");
        assert!(cell == "三、本年度办理结果 /（七）总计 / 自然人");
        assert!(cell != "三、本年度办理结果 /（七）总计");
        assert!(cell != "三、本年度办理结果 /（七）总计 / 自然人 / x");
    }

    #[test]
    fn a_diagnostic_serialises_its_location_and_rule_as_text() {
        let d = Diagnostic::new(
            Rule::T4A,
            Location::cell(TableId::Section4, &["行政复议", "总计"]),
            "总计 is not the sum of its parts",
            "correct 总计",
        )
        .values(10, 0);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(
            json,
            r#"{"rule":"T4-A","severity":"error","location":"行政复议 / 总计","expected":"10","found":"0","message":"总计 is not the sum of its parts","hint":"correct 总计"}"#
        );
        assert_eq!(
            d.to_string(),
            "error[T4-A] 行政复议 / 总计: 总计 is not the sum of its parts (expected 10, found 0); \
             hint: correct 总计"
        );
    }

    #[test]
    fn rules_outside_validation_have_ids_and_severities_of_their_own() {
        assert_eq!(Rule::ALL.len(), 24, "the rules of validation");
        for rule in Rule::ALL.into_iter().chain(Rule::OTHER) {
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
        }
        assert!(!Rule::ALL.contains(&Rule::Data));
        assert_eq!(Rule::Data.severity(), Severity::Error);
        assert_eq!(Rule::Font.severity(), Severity::Warning);
        assert_eq!(Rule::Typeset.id(), "TYPST");
        assert!(Rule::Data == "DATA");
    }
}
