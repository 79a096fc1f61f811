//! The figures a report's prose talks about, each computed from the tables: [`Facts`].
//!
//! Each fact has one stable Chinese name, as a clerk would write it (`申请.本年新收`), and
//! a typed field (`facts.applications_received`). Both come from one list, the
//! `facts!` table below: the struct, [`Facts::NAMES`], [`Facts::get`] and
//! [`Facts::values`] are generated from it, so a name is written once.
//!
//! With last year's report, each fact also has its change ([`Change`]): absolute and
//! relative, printed `增加12件（14.5%）`, `减少3件（20.0%）` or `持平`.
//!
//! ```
//! use report_core::facts::Facts;
//! use report_core::chrono::NaiveDate;
//! use report_core::{AdminLevel, Agency, AgencyKind, ApplicantCounts, Report};
//!
//! let agency = Agency::new("某县教育局", AgencyKind::Department, AdminLevel::County);
//! let date = NaiveDate::from_ymd_opt(2026, 1, 20).expect("a date");
//! let mut report = Report::new(agency, 2025, date);
//! report.applications.received = ApplicantCounts { natural_persons: 95, ..Default::default() };
//! let facts = Facts::of(&report);
//! assert_eq!(facts.applications_received, 95);
//! assert_eq!(facts.get("申请.本年新收").map(|v| v.to_string()), Some("95".to_owned()));
//! ```

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::Report;
use crate::table::rows_of;
use crate::tables::{ApplicantCounts, Outcomes};

/// The value of one fact: a count, or the fee in 万元 (exact, as the table gives it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    /// A count (件).
    Count(u64),
    /// An amount in 万元.
    Amount(Decimal),
}

impl FactValue {
    /// The value as an exact decimal, for arithmetic on changes.
    pub fn as_decimal(self) -> Decimal {
        match self {
            FactValue::Count(n) => Decimal::from(n),
            FactValue::Amount(d) => d,
        }
    }

    /// The unit the prose writes after it: 件 or 万元.
    pub fn unit(self) -> &'static str {
        match self {
            FactValue::Count(_) => "件",
            FactValue::Amount(_) => "万元",
        }
    }
}

/// Prints as the table prints it: `95`, `96171.6`.
impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Count(n) => write!(f, "{n}"),
            FactValue::Amount(d) => write!(f, "{d}"),
        }
    }
}

impl From<u64> for FactValue {
    fn from(n: u64) -> Self {
        FactValue::Count(n)
    }
}

impl From<Decimal> for FactValue {
    fn from(d: Decimal) -> Self {
        FactValue::Amount(d)
    }
}

/// The change of one fact from last year to this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Change {
    /// Last year's value.
    pub previous: FactValue,
    /// This year's value.
    pub current: FactValue,
    /// This year minus last year.
    pub delta: Decimal,
    /// The change in per cent of last year's value, to one decimal place (half away from
    /// zero); `None` when last year's value was 0 (or the per cent is past `Decimal`'s
    /// range).
    pub percent: Option<Decimal>,
}

impl Change {
    /// The change from `previous` to `current`.
    pub fn new(previous: FactValue, current: FactValue) -> Change {
        let (p, c) = (previous.as_decimal(), current.as_decimal());
        // Saturating and checked: a fee near Decimal's limits is data, not a reason to panic.
        let delta = c.saturating_sub(p);
        let percent = (!p.is_zero())
            .then(|| delta.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(p))
            .flatten()
            .map(|x| x.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero));
        Change { previous, current, delta, percent }
    }

    /// How the prose says it: `增加12件（14.5%）`, `减少3件（20.0%）`, `增加5件` (from
    /// 0, where no percentage exists) or `持平`.
    pub fn text(&self) -> String {
        if self.delta.is_zero() {
            return "持平".to_owned();
        }
        let verb = if self.delta.is_sign_positive() { "增加" } else { "减少" };
        let amount = self.delta.abs().normalize();
        let unit = self.current.unit();
        match self.percent {
            Some(p) => format!("{verb}{amount}{unit}（{:.1}%）", p.abs()),
            None => format!("{verb}{amount}{unit}"),
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// The sum of the printed totals of rows.
fn row_totals<'a>(rows: impl IntoIterator<Item = &'a ApplicantCounts>) -> u64 {
    rows.into_iter().fold(0u64, |acc, r| acc.saturating_add(r.total()))
}

/// Sums one outcome column (or the totals) over both kinds of lawsuit.
fn lawsuits(report: &Report, part: impl Fn(&Outcomes) -> u64) -> u64 {
    let r = &report.reviews_and_lawsuits;
    part(&r.lawsuits_direct).saturating_add(part(&r.lawsuits_after_review))
}

/// Declares [`Facts`] from one list: field, type, stable name, and how it is computed.
macro_rules! facts {
    ($( $(#[$doc:meta])* $field:ident: $ty:ty = $name:literal, |$r:ident| $expr:expr; )*) => {
        /// Every figure the prose of a report talks about, computed from its tables (the
        /// numbers as printed: a stated total where the data states one).
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
        pub struct Facts {
            $( $(#[$doc])* #[doc = concat!("\n\nName: `", $name, "`.")] pub $field: $ty, )*
        }

        /// One fact, by its field's name: typed access to a fact without its value
        /// (`Fact::applications_received.name()` is `申请.本年新收`).
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Fact {
            $( $(#[$doc])* $field, )*
        }

        impl Fact {
            /// Every fact, in the order of [`Facts::values`].
            pub const ALL: &'static [Fact] = &[$(Fact::$field),*];

            /// The fact's stable name, e.g. `申请.本年新收`.
            pub const fn name(self) -> &'static str {
                match self { $( Fact::$field => $name, )* }
            }

            /// The fact named `name`, if any.
            pub fn from_name(name: &str) -> Option<Fact> {
                Fact::ALL.iter().copied().find(|f| f.name() == name)
            }
        }

        impl Facts {
            /// The value of `fact`.
            pub fn value(&self, fact: Fact) -> FactValue {
                match fact { $( Fact::$field => FactValue::from(self.$field), )* }
            }

            /// Every fact's stable name, in the order of [`Facts::values`].
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The facts of `report`.
            pub fn of(report: &Report) -> Facts {
                Facts { $( $field: { let $r = report; $expr }, )* }
            }

            /// Every fact with its name, in a fixed order.
            pub fn values(&self) -> Vec<(&'static str, FactValue)> {
                vec![$( ($name, FactValue::from(self.$field)) ),*]
            }
        }
    };
}

facts! {
    /// 一、本年新收 / 总计: applications received this year.
    applications_received: u64 = "申请.本年新收", |r| r.applications.received.total();
    /// 二、上年结转 / 总计: applications carried over from last year.
    applications_carried_over: u64 = "申请.上年结转", |r| r.applications.carried_over.total();
    /// 三、（七）总计 / 总计: applications closed this year.
    applications_closed: u64 = "申请.办结", |r| r.applications.results.total().total();
    /// 四、结转下年度继续办理 / 总计: applications carried forward.
    applications_carried_forward: u64 = "申请.结转下年度", |r| r.applications.carried_forward.total();
    /// （一）予以公开 / 总计.
    disclosed: u64 = "申请.予以公开", |r| r.applications.results.disclosed.total();
    /// （二）部分公开 / 总计.
    partially_disclosed: u64 = "申请.部分公开", |r| r.applications.results.partially_disclosed.total();
    /// （三）不予公开: the 总计 of its eight rows.
    withheld: u64 = "申请.不予公开", |r| row_totals(rows_of(&r.applications.results.withheld));
    /// （四）无法提供: the 总计 of its three rows.
    unavailable: u64 = "申请.无法提供", |r| row_totals(rows_of(&r.applications.results.unavailable));
    /// （五）不予处理: the 总计 of its five rows.
    not_processed: u64 = "申请.不予处理", |r| row_totals(rows_of(&r.applications.results.not_processed));
    /// （六）其他处理: the 总计 of its three rows.
    other_handling: u64 = "申请.其他处理", |r| row_totals(rows_of(&r.applications.results.other_handling));
    /// 行政复议 / 总计.
    review_total: u64 = "行政复议.总计", |r| r.reviews_and_lawsuits.review.total();
    /// 行政复议 / 结果维持.
    review_upheld: u64 = "行政复议.维持", |r| r.reviews_and_lawsuits.review.upheld;
    /// 行政复议 / 结果纠正.
    review_corrected: u64 = "行政复议.纠正", |r| r.reviews_and_lawsuits.review.corrected;
    /// 行政复议 / 其他结果.
    review_other: u64 = "行政复议.其他结果", |r| r.reviews_and_lawsuits.review.other;
    /// 行政复议 / 尚未审结.
    review_pending: u64 = "行政复议.尚未审结", |r| r.reviews_and_lawsuits.review.pending;
    /// 行政诉讼: the 总计 of both kinds.
    lawsuit_total: u64 = "行政诉讼.总计", |r| lawsuits(r, Outcomes::total);
    /// 行政诉讼 / 未经复议直接起诉 / 总计.
    lawsuit_direct: u64 = "行政诉讼.直接起诉", |r| r.reviews_and_lawsuits.lawsuits_direct.total();
    /// 行政诉讼 / 复议后起诉 / 总计.
    lawsuit_after_review: u64 = "行政诉讼.复议后起诉", |r| r.reviews_and_lawsuits.lawsuits_after_review.total();
    /// 行政诉讼, both kinds / 结果维持.
    lawsuit_upheld: u64 = "行政诉讼.维持", |r| lawsuits(r, |o| o.upheld);
    /// 行政诉讼, both kinds / 结果纠正.
    lawsuit_corrected: u64 = "行政诉讼.纠正", |r| lawsuits(r, |o| o.corrected);
    /// 行政诉讼, both kinds / 其他结果.
    lawsuit_other: u64 = "行政诉讼.其他结果", |r| lawsuits(r, |o| o.other);
    /// 行政诉讼, both kinds / 尚未审结.
    lawsuit_pending: u64 = "行政诉讼.尚未审结", |r| lawsuits(r, |o| o.pending);
    /// 规章 / 本年制发件数.
    rules_issued: u64 = "规章.本年制发", |r| r.active_disclosure.rules.issued;
    /// 规章 / 本年废止件数.
    rules_repealed: u64 = "规章.本年废止", |r| r.active_disclosure.rules.repealed;
    /// 规章 / 现行有效件数.
    rules_in_force: u64 = "规章.现行有效", |r| r.active_disclosure.rules.in_force;
    /// 行政规范性文件 / 本年制发件数.
    normative_issued: u64 = "规范性文件.本年制发", |r| r.active_disclosure.normative_documents.issued;
    /// 行政规范性文件 / 本年废止件数.
    normative_repealed: u64 = "规范性文件.本年废止", |r| r.active_disclosure.normative_documents.repealed;
    /// 行政规范性文件 / 现行有效件数.
    normative_in_force: u64 = "规范性文件.现行有效", |r| r.active_disclosure.normative_documents.in_force;
    /// 行政许可 / 本年处理决定数量.
    licensing: u64 = "行政许可.本年决定", |r| r.active_disclosure.licensing;
    /// 行政处罚 / 本年处理决定数量.
    penalties: u64 = "行政处罚.本年决定", |r| r.active_disclosure.penalties;
    /// 行政强制 / 本年处理决定数量.
    enforcement: u64 = "行政强制.本年决定", |r| r.active_disclosure.enforcement;
    /// 行政事业性收费 / 本年收费金额（单位：万元）.
    fees: Decimal = "收费.金额", |r| r.active_disclosure.fees;
}

impl Facts {
    /// The fact named `name` (one of [`Facts::NAMES`]), if there is one.
    pub fn get(&self, name: &str) -> Option<FactValue> {
        Fact::from_name(name).map(|f| self.value(f))
    }

    /// Each fact's change from `previous` (last year's facts), in the order of
    /// [`Facts::values`].
    pub fn changes(&self, previous: &Facts) -> Vec<(&'static str, Change)> {
        self.values()
            .into_iter()
            .zip(previous.values())
            .map(|((name, current), (_, before))| (name, Change::new(before, current)))
            .collect()
    }

    /// The change of the fact named `name` from `previous`, if there is such a fact.
    pub fn change(&self, name: &str, previous: &Facts) -> Option<Change> {
        Some(Change::new(previous.get(name)?, self.get(name)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_print_as_clerks_write_them() {
        let c = |p: u64, n: u64| Change::new(p.into(), n.into()).text();
        assert_eq!(c(83, 95), "增加12件（14.5%）");
        assert_eq!(c(15, 12), "减少3件（20.0%）");
        assert_eq!(c(7, 7), "持平");
        assert_eq!(c(0, 5), "增加5件");
        let fee = Change::new(Decimal::new(15, 1).into(), Decimal::new(30, 1).into());
        assert_eq!(fee.text(), "增加1.5万元（100.0%）");
        // At Decimal's limits: no panic.
        let huge = Change::new(Decimal::MIN.into(), Decimal::MAX.into());
        assert_eq!(huge.delta, Decimal::MAX);
        assert_eq!(Change::new(Decimal::ONE.into(), Decimal::MAX.into()).percent, None);
    }

    #[test]
    fn names_are_unique() {
        let mut names = Facts::NAMES.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Facts::NAMES.len());
    }
}
