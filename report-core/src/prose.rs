//! The claims prose makes about the tables' figures, read with regular expressions from
//! the phrasings real reports use, and checked against the [`Facts`] (rule PROSE).
//!
//! Each kind of claim ([`ClaimKind`]) has its phrasings: a number (`共收到政府信息公开申请
//! 25件`, `受理政府信息公开申请 12 件`, `上年结转3件`, `依法办结政府信息公开申请58件`,
//! `答复政府信息公开申请23件`, `结转下年度继续办理2件`, `发生政府信息公开行政复议1件`,
//! `现行有效规范性文件35件`, `制发规范性文件3件` …) or none (`未收到…申请`, `未发生行政复议`,
//! `无行政处罚`, `未出台行政规范性文件`). A text is read clause by clause (up to `，。；`), so a
//! number is only ever taken from the clause that names its kind; in a clause the first
//! phrasing that matches a kind wins. A number may stand between spaces (`申请 12 件`).
//!
//! A count or a negation of applications is tied to the noun it governs: where a phrasing
//! marks the words its verb governs (the group `object`), a match whose object is another
//! matter (`未收到…行政复议、行政诉讼的申请`, `收到因…申请提起的行政复议2件`) is no claim of
//! that kind (`governs_the_application`). The corpus of real phrasings and their tests
//! is `tests/fixtures/prose_corpus.toml`.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Location, Rule};
use crate::facts::{Fact, FactValue, Facts};
use crate::l10n::arg;
use crate::labels::statutory_cells;

/// What a claim is about (in data, snake case: `received`, `carried_over` …).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimKind {
    /// Applications received this year (一), or received and carried over (一 + 二).
    Received,
    /// Applications carried over from last year (二).
    CarriedOver,
    /// Applications closed this year (（七）总计).
    Closed,
    /// Applications carried forward to next year (四).
    CarriedForward,
    /// 行政复议 cases (总计).
    Reviews,
    /// 行政诉讼 cases (总计 of both kinds).
    Lawsuits,
    /// 行政许可 decisions.
    Licensing,
    /// 行政处罚 decisions.
    Penalties,
    /// 行政强制 decisions.
    Enforcement,
    /// 行政规范性文件 issued this year.
    NormativeIssued,
    /// 行政规范性文件 repealed this year.
    NormativeRepealed,
    /// 行政规范性文件 in force.
    NormativeInForce,
    /// 行政事业性收费, in 万元.
    Fee,
}

impl ClaimKind {
    /// Every kind, in the order claims are looked for.
    pub const ALL: [ClaimKind; 13] = [
        ClaimKind::Received,
        ClaimKind::CarriedOver,
        ClaimKind::Closed,
        ClaimKind::CarriedForward,
        ClaimKind::Reviews,
        ClaimKind::Lawsuits,
        ClaimKind::Licensing,
        ClaimKind::Penalties,
        ClaimKind::Enforcement,
        ClaimKind::NormativeIssued,
        ClaimKind::NormativeRepealed,
        ClaimKind::NormativeInForce,
        ClaimKind::Fee,
    ];

    /// The fact the claim is checked against.
    pub const fn fact(self) -> Fact {
        match self {
            ClaimKind::Received => Fact::applications_received,
            ClaimKind::CarriedOver => Fact::applications_carried_over,
            ClaimKind::Closed => Fact::applications_closed,
            ClaimKind::CarriedForward => Fact::applications_carried_forward,
            ClaimKind::Reviews => Fact::review_total,
            ClaimKind::Lawsuits => Fact::lawsuit_total,
            ClaimKind::Licensing => Fact::licensing,
            ClaimKind::Penalties => Fact::penalties,
            ClaimKind::Enforcement => Fact::enforcement,
            ClaimKind::NormativeIssued => Fact::normative_issued,
            ClaimKind::NormativeRepealed => Fact::normative_repealed,
            ClaimKind::NormativeInForce => Fact::normative_in_force,
            ClaimKind::Fee => Fact::fees,
        }
    }

    /// The kind's id in the message files, which name what the claim counts in the
    /// reader's language (the selector `$kind` of `prose-number` and `prose-none`).
    pub const fn id(self) -> &'static str {
        match self {
            ClaimKind::Received => "received",
            ClaimKind::CarriedOver => "carried-over",
            ClaimKind::Closed => "closed",
            ClaimKind::CarriedForward => "carried-forward",
            ClaimKind::Reviews => "reviews",
            ClaimKind::Lawsuits => "lawsuits",
            ClaimKind::Licensing => "licensing",
            ClaimKind::Penalties => "penalties",
            ClaimKind::Enforcement => "enforcement",
            ClaimKind::NormativeIssued => "normative-issued",
            ClaimKind::NormativeRepealed => "normative-repealed",
            ClaimKind::NormativeInForce => "normative-in-force",
            ClaimKind::Fee => "fee",
        }
    }
}

/// What the prose states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Claimed {
    /// This number (the fee may have decimals).
    Number(Decimal),
    /// None at all (未收到, 未发生, 无 …).
    None,
}

/// One claim of a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Claim {
    /// What it is about.
    pub kind: ClaimKind,
    /// What it states.
    pub claimed: Claimed,
    /// The words that state it, as written.
    pub words: String,
}

/// A claim of a report's text, checked against its tables
/// ([`crate::validate::prose_claims`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedClaim {
    /// Where the text is.
    pub location: Location,
    /// What it claims.
    pub claim: Claim,
    /// The tables' value of the figure it is about.
    pub actual: FactValue,
    /// Whether it was checked: `false` if the figure adds up a cell that could not be
    /// read (then [`CheckedClaim::agrees`] says nothing).
    pub checked: bool,
    /// Whether the claim and the tables agree ([`agrees`]).
    pub agrees: bool,
}

/// A phrasing: its kind, whether it states a number or none, and its expression (a
/// number is the group `n`; the words its verb governs, where they name what is counted,
/// the group `object`, which [`governs_the_application`] judges).
struct Phrasing {
    kind: ClaimKind,
    regex: Regex,
}

/// A count: ASCII or full-width digits, maybe after a space (`申请 12 件`).
const N: &str = r"\s*(?P<n>[0-9０-９]+)";
/// The counters prose writes after a count, maybe after a space.
const U: &str = r"\s*(?:件|条|份|项|起|宗)";
/// A gap of words without digits or clause ends.
const G: &str = r"[^0-9０-９，。；]{0,24}?";
/// 申请 (not 申请人) and the words it modifies, to the clause's end: the object of a
/// negation (`未收到…申请`, `未收到因…申请提起的行政复议`).
const APPLICATION_TO_END: &str = r"申请(?:[^人][^，。；]*)?$";
/// The qualifiers that, right before a phrasing's words, make its count a part of the
/// figure: 延期答复3件 are some of the closed applications, 不予受理…2件 some of the
/// received, not all.
const PART_OF: [&str; 3] = ["延期", "逾期", "不予"];

/// The matters other than the information-disclosure application itself that a clause
/// about applications may name: a count or a negation whose object names one of them is
/// about it (`行政复议申请`, `因…申请提起的行政诉讼`, `投诉举报类申请`), not about applications.
const OTHER_MATTERS: [&str; 4] = ["复议", "诉讼", "投诉", "举报"];

/// Words that join two nouns: a noun after one is not modified by the noun before it.
const CONJUNCTIONS: [char; 6] = ['和', '及', '与', '、', '或', '暨'];

/// Whether the words a verb or a negation governs (a phrasing's group `object`) are about
/// the application itself, not another matter ([`OTHER_MATTERS`]). The application is the
/// first 申请 that is not 申请人; the words before it that modify it (back to a conjunction
/// or a number: `收到人大建议5件和政府信息公开申请17件`) and the words after it that it
/// modifies (unless a conjunction follows it: `未收到政府信息公开申请及相关投诉`) must not
/// name another matter. An object without 申请 is judged as a whole.
fn governs_the_application(object: &str) -> bool {
    let head = object
        .match_indices("申请")
        .map(|(i, _)| i)
        .find(|&i| !object[i + "申请".len()..].starts_with('人'));
    let (before, after) = match head {
        Some(i) => (&object[..i], &object[i + "申请".len()..]),
        None => (object, ""),
    };
    let before = before
        .rsplit(|c: char| CONJUNCTIONS.contains(&c) || c.is_numeric())
        .next()
        .unwrap_or(before);
    let after = if after.starts_with(CONJUNCTIONS) { "" } else { after };
    !OTHER_MATTERS.iter().any(|m| before.contains(m) || after.contains(m))
}

/// The table's own word for the fee row, from its declaration (one source).
fn fee_label() -> String {
    statutory_cells()
        .iter()
        .find(|c| c.english.last() == Some(&"fees"))
        .and_then(|c| c.cell.row.last())
        .map_or_else(String::new, |l| regex::escape(l))
}

/// The phrasings of number claims, in order: for a kind, the first that matches wins.
static NUMBERS: LazyLock<Vec<Phrasing>> = LazyLock::new(|| {
    let fee = fee_label();
    let amount = r"\s*(?P<n>[0-9０-９]+(?:\.[0-9０-９]+)?)\s*";
    let list: Vec<(ClaimKind, String)> = vec![
        (
            ClaimKind::Received,
            format!(
                r"(?:收到|新收|受理|接收|接到)(?P<object>[^，。；]{{0,30}}?申请[^0-9０-９，。；人]{{0,8}}?){N}{U}"
            ),
        ),
        // The count before the noun: 共受理25件政府信息公开申请.
        (
            ClaimKind::Received,
            format!(
                r"(?:收到|新收|受理|接收|接到)(?:了|的)?{N}{U}(?P<object>[^0-9０-９，。；]{{0,12}}?{APPLICATION_TO_END})"
            ),
        ),
        (ClaimKind::Received, format!(r"新收(?P<object>{G}){N}{U}")),
        (ClaimKind::CarriedOver, format!(r"上一?年度?结转(?P<object>{G}){N}{U}")),
        (ClaimKind::CarriedOver, format!(r"{N}{U}(?:为|系|是)?上一?年度?结转")),
        (ClaimKind::Closed, format!(r"办结(?P<object>{G}){N}{U}")),
        (
            ClaimKind::Closed,
            format!(
                r"办理(?:完毕|完成)?(?P<object>[^0-9０-９，。；]{{0,12}}?申请[^0-9０-９，。；人]{{0,8}}?){N}{U}"
            ),
        ),
        // 答复 counts the closed applications: 依法答复政府信息公开申请23件, 已按时答复23件.
        (
            ClaimKind::Closed,
            format!(
                r"(?:答复|办复)(?P<object>[^0-9０-９，。；]{{0,12}}?申请[^0-9０-９，。；人]{{0,8}}?){N}{U}"
            ),
        ),
        (
            ClaimKind::Closed,
            format!(
                r"(?:已|均已|共|累计|全部)(?:按时|按期|依法|及时)?(?:答复|办复)(?:完毕)?{N}{U}"
            ),
        ),
        (
            ClaimKind::Closed,
            format!(
                r"{N}{U}(?:申请)?(?:已|均已|全部|均)?(?:按时|按期|依法|及时)?(?:办结|办理完毕|答复)"
            ),
        ),
        (
            ClaimKind::CarriedForward,
            format!(r"结转(?:至|到)?下一?年度?(?:继续办理|办理)?(?P<object>{G}){N}{U}"),
        ),
        (
            ClaimKind::CarriedForward,
            format!(r"{N}{U}(?:申请)?(?:需|将|已)?结转(?:至|到)?下一?年"),
        ),
        (ClaimKind::Reviews, format!(r"行政复议(?:案件|申请)?(?:共|合计)?(?:为)?{N}{U}")),
        (ClaimKind::Reviews, format!(r"{N}{U}[^0-9０-９，。；、]{{0,10}}?行政复议")),
        (ClaimKind::Lawsuits, format!(r"行政诉讼(?:案件)?(?:共|合计)?(?:为)?{N}{U}")),
        (ClaimKind::Lawsuits, format!(r"{N}{U}[^0-9０-９，。；、]{{0,10}}?行政诉讼")),
        (
            ClaimKind::Licensing,
            format!(r"行政许可(?:决定|事项|信息|办件)?书?(?:共|合计)?(?:为)?{N}{U}"),
        ),
        (
            ClaimKind::Penalties,
            format!(r"行政处罚(?:决定|案件|信息)?书?(?:共|合计)?(?:为)?{N}{U}"),
        ),
        (
            ClaimKind::Enforcement,
            format!(r"行政强制(?:决定|措施|案件|信息)?书?(?:共|合计)?(?:为)?{N}{U}"),
        ),
        (
            ClaimKind::NormativeIssued,
            format!(r"(?:制发|出台|印发|制定)了?(?:行政)?规范性文件(?:共|合计)?{N}{U}"),
        ),
        (
            ClaimKind::NormativeIssued,
            format!(r"规范性文件{G}(?:制发|出台|印发)了?(?:共|合计)?{N}{U}"),
        ),
        (
            ClaimKind::NormativeIssued,
            format!(r"(?:制发|出台|印发)了?{N}{U}(?:行政)?规范性文件"),
        ),
        (
            ClaimKind::NormativeRepealed,
            format!(r"废止了?(?:行政)?规范性文件(?:共|合计)?{N}{U}"),
        ),
        (
            ClaimKind::NormativeRepealed,
            format!(r"规范性文件{G}废止了?(?:共|合计)?{N}{U}"),
        ),
        (ClaimKind::NormativeRepealed, format!(r"废止了?{N}{U}(?:行政)?规范性文件")),
        (
            ClaimKind::NormativeInForce,
            format!(r"现行有效的?(?:行政)?规范性文件(?:共|合计)?(?:为)?{N}{U}"),
        ),
        (
            ClaimKind::NormativeInForce,
            format!(r"规范性文件{G}现行有效的?(?:共|合计)?(?:为)?{N}{U}"),
        ),
        (ClaimKind::NormativeInForce, format!(r"现行有效的?{N}{U}(?:行政)?规范性文件")),
        (ClaimKind::Fee, format!(r"{fee}(?:金额)?(?:共|合计|为|共计)*{amount}万元")),
        (ClaimKind::Fee, format!(r"收费金额(?:共|合计|为|共计)*{amount}万元")),
    ];
    compile(list)
});

/// The phrasings that state none: for a kind, they are looked for before the numbers.
static NONE: LazyLock<Vec<Phrasing>> = LazyLock::new(|| {
    let fee = fee_label();
    let no = r"(?:未|没有|无)";
    let list: Vec<(ClaimKind, String)> = vec![
        // What the negation governs is the object: 未收到政府信息公开申请 is none received,
        // 未收到…行政复议、行政诉讼的申请 is not.
        (
            ClaimKind::Received,
            format!(
                r"{no}(?:收到|受理|接到|接收|新收)(?P<object>{G}{APPLICATION_TO_END})"
            ),
        ),
        (
            ClaimKind::Received,
            format!(
                r"(?:本年度?|全年|今年)无(?P<object>(?:政府信息公开|依申请公开)?{APPLICATION_TO_END})"
            ),
        ),
        (ClaimKind::CarriedOver, format!(r"{no}上一?年度?结转")),
        (ClaimKind::CarriedOver, r"上一?年度?(?:无|没有|未有)结转".to_owned()),
        (ClaimKind::CarriedForward, format!(r"{no}{G}结转(?:至|到)?下一?年")),
        (ClaimKind::Reviews, format!(r"{no}(?:发生|收到|产生|出现|涉及){G}行政复议")),
        (ClaimKind::Reviews, r"无(?:政府信息公开)?行政复议".to_owned()),
        (
            ClaimKind::Lawsuits,
            format!(r"{no}(?:发生|收到|产生|出现|涉及|被提起){G}行政诉讼"),
        ),
        (
            ClaimKind::Lawsuits,
            r"无(?:政府信息公开)?(?:行政复议[和及、])?行政诉讼".to_owned(),
        ),
        (ClaimKind::Licensing, format!(r"{no}(?:作出|发生|办理|实施)?(?:的)?行政许可")),
        (
            ClaimKind::Penalties,
            format!(r"{no}(?:作出|发生|实施)?(?:的)?(?:行政许可[和及、])?行政处罚"),
        ),
        (
            ClaimKind::Enforcement,
            format!(
                r"{no}(?:作出|发生|实施)?(?:的)?(?:行政(?:许可|处罚)[和及、])*行政强制"
            ),
        ),
        (
            ClaimKind::NormativeIssued,
            format!(r"{no}(?:制发|出台|印发|制定)(?:行政)?规范性文件"),
        ),
        (ClaimKind::NormativeRepealed, format!(r"{no}废止(?:行政)?规范性文件")),
        (ClaimKind::NormativeInForce, r"无现行有效的?(?:行政)?规范性文件".to_owned()),
        (ClaimKind::Fee, format!(r"{no}(?:收取)?{fee}")),
    ];
    compile(list)
});

fn compile(list: Vec<(ClaimKind, String)>) -> Vec<Phrasing> {
    list.into_iter()
        .map(|(kind, pattern)| Phrasing {
            kind,
            // The patterns are the program's own, not input: a test compiles them all.
            regex: Regex::new(&pattern).expect("a phrasing compiles"),
        })
        .collect()
}

/// A number written with ASCII or full-width digits.
fn number(text: &str) -> Option<Decimal> {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    ascii.parse().ok()
}

/// The first match in `clause` of the phrasings of `kind` among `phrasings` whose object,
/// if it marks one, is the application itself and which no qualifier of a part
/// ([`PART_OF`]) precedes: its words (trimmed) and its number, if it states one.
fn find(
    phrasings: &[Phrasing],
    kind: ClaimKind,
    clause: &str,
) -> Option<(String, Option<Decimal>)> {
    phrasings.iter().filter(|p| p.kind == kind).find_map(|p| {
        let caps = p.regex.captures_iter(clause).find(|caps| {
            let whole = caps.get(0).map_or(0, |m| m.start());
            caps.name("object").is_none_or(|o| governs_the_application(o.as_str()))
                && !PART_OF.iter().any(|q| clause[..whole].ends_with(q))
        })?;
        let words = caps.get(0)?.as_str().trim().to_owned();
        match caps.name("n") {
            Some(n) => Some((words, Some(number(n.as_str())?))),
            None => Some((words, None)),
        }
    })
}

/// Every claim `text` makes about the tables' figures, clause by clause.
pub fn claims(text: &str) -> Vec<Claim> {
    let mut out = Vec::new();
    for clause in text.split(['，', '。', '；', ',', ';', '！', '？', '：']) {
        for kind in ClaimKind::ALL {
            if let Some((words, _)) = find(&NONE, kind, clause) {
                out.push(Claim { kind, claimed: Claimed::None, words });
                continue;
            }
            if let Some((words, Some(n))) = find(&NUMBERS, kind, clause) {
                out.push(Claim { kind, claimed: Claimed::Number(n), words });
            }
        }
    }
    out
}

/// Whether `claim` agrees with `facts`.
pub fn agrees(claim: &Claim, facts: &Facts) -> bool {
    let actual = facts.value(claim.kind.fact()).as_decimal();
    match claim.claimed {
        Claimed::None => actual.is_zero(),
        Claimed::Number(n) if claim.kind == ClaimKind::Received => {
            let with_carried =
                actual.saturating_add(Decimal::from(facts.applications_carried_over));
            n == actual || n == with_carried
        }
        Claimed::Number(n) => n == actual,
    }
}

/// The PROSE warning for a claim the tables contradict: both numbers and the place. The
/// claim's kind is named in the reader's language by the message files (`$kind`).
pub fn mismatch(claim: &Claim, actual: FactValue, location: Location) -> Diagnostic {
    let (id, found) = match claim.claimed {
        Claimed::Number(n) => ("prose-number", n.to_string()),
        Claimed::None => ("prose-none", "0".to_owned()),
    };
    Diagnostic::from_id(
        Rule::Prose,
        location,
        id,
        vec![
            arg("words", &claim.words),
            arg("n", &found),
            arg("kind", claim.kind.id()),
            arg("actual", actual),
            arg("fact", claim.kind.fact().name()),
        ],
    )
    .values(actual, found)
}

/// The PROSE warnings of one text (placeholders already filled) at `location`.
pub fn check(facts: &Facts, location: &Location, text: &str) -> Vec<Diagnostic> {
    check_known(facts, location, text, |_| true)
}

/// [`check`] for the claims whose fact is `known`: a claim about a fact computed from a
/// cell that could not be read is skipped, every other claim is checked.
pub fn check_known(
    facts: &Facts,
    location: &Location,
    text: &str,
    known: impl Fn(Fact) -> bool,
) -> Vec<Diagnostic> {
    claims(text)
        .iter()
        .filter(|c| known(c.kind.fact()) && !agrees(c, facts))
        .map(|c| mismatch(c, facts.value(c.kind.fact()), location.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrasing_compiles() {
        assert!(NUMBERS.len() > ClaimKind::ALL.len());
        assert!(NONE.len() >= ClaimKind::ALL.len() - 2);
        assert!(!fee_label().is_empty());
    }
}
