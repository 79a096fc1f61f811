//! The report as typed data: agency, dates, prose sections and the three tables.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::table::{Grid, Table};
use crate::tables::{ActiveDisclosure, Applications, ReviewsAndLawsuits};

/// The whole annual report on government information disclosure of one agency and year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The agency that publishes the report.
    pub agency: Agency,
    /// The statistical year the report covers (1月1日 to 12月31日).
    pub year: i32,
    /// 成文日期: the date printed under the signature.
    pub date: NaiveDate,
    /// The untitled preamble, one string a paragraph.
    pub preamble: Vec<String>,
    /// 一、总体情况.
    pub overview: Overview,
    /// 二、主动公开政府信息情况.
    pub active_disclosure: ActiveDisclosure,
    /// 三、收到和处理政府信息公开申请情况.
    pub applications: Applications,
    /// 四、政府信息公开行政复议、行政诉讼情况.
    pub reviews_and_lawsuits: ReviewsAndLawsuits,
    /// 五、存在的主要问题及改进情况.
    pub problems: Prose,
    /// 六、其他需要报告的事项.
    pub other_matters: OtherMatters,
}

impl Report {
    /// The title as printed, line by line: the agency's name (broken into balanced lines
    /// at the end of a place or body name when it is too long for one 22 pt line), then
    /// `2023年政府信息公开工作年度报告`.
    pub fn title_lines(&self) -> Vec<String> {
        let mut lines = title::break_name(&self.agency.name, title::LINE_CAPACITY);
        lines.push(format!("{}年政府信息公开工作年度报告", self.year));
        lines
    }

    /// The title on one line.
    pub fn title(&self) -> String {
        self.title_lines().concat()
    }

    /// The date as printed: `2024年1月22日` (Arabic numerals, no zero padding).
    pub fn date_text(&self) -> String {
        format_date(self.date)
    }
}

/// A date as the format prints it: `2024年1月22日`.
pub fn format_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The publishing agency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Full official name, e.g. 威海市文登区科学技术局; also the signature.
    pub name: String,
    /// What kind of body it is.
    pub kind: AgencyKind,
    /// The level of government it belongs to.
    pub level: AdminLevel,
    /// Contact address printed in the preamble.
    #[serde(default)]
    pub address: String,
    /// Contact telephone printed in the preamble.
    #[serde(default)]
    pub telephone: String,
    /// The website where the electronic version is published.
    #[serde(default)]
    pub website: String,
}

/// Whether the report is a department's or a people's government's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// A government department (部门), due by 1月31日.
    Department,
    /// A people's government reporting on itself (本级政府), due by 3月31日.
    PeoplesGovernment,
}

/// The level of government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdminLevel {
    /// 国务院 and its departments.
    National,
    /// Provinces, autonomous regions and municipalities.
    Provincial,
    /// 设区的市 (prefecture-level cities).
    Prefecture,
    /// Counties and districts (县级).
    County,
    /// Townships and sub-districts (乡镇、街道).
    Township,
}

/// 一、总体情况: an introduction and the conventional sub-sections, numbered （一）… in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// Paragraphs before the first sub-section.
    #[serde(default)]
    pub intro: Vec<String>,
    /// 主动公开情况.
    pub active_disclosure: Item,
    /// 依申请公开情况.
    pub disclosure_on_request: Item,
    /// 政府信息管理情况.
    pub information_management: Item,
    /// 政府信息公开平台建设情况.
    pub platforms: Item,
    /// 政府信息公开监督保障情况.
    pub oversight: Item,
    /// 工作考核、社会评议和责任追究结果情况: required of people's governments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Item>,
}

impl Overview {
    /// The conventional titles of the sub-sections, in printed order: 主动公开情况,
    /// 依申请公开情况, 政府信息管理情况, 政府信息公开平台建设情况, 政府信息公开监督保障情况,
    /// and 工作考核、社会评议和责任追究结果情况 (people's governments only).
    pub const TITLES: [&'static str; 6] = [
        "主动公开情况",
        "依申请公开情况",
        "政府信息管理情况",
        "政府信息公开平台建设情况",
        "政府信息公开监督保障情况",
        "工作考核、社会评议和责任追究结果情况",
    ];

    /// The sub-sections in printed order.
    pub fn items(&self) -> Vec<&Item> {
        let mut items = vec![
            &self.active_disclosure,
            &self.disclosure_on_request,
            &self.information_management,
            &self.platforms,
            &self.oversight,
        ];
        items.extend(self.assessment.as_ref());
        items
    }
}

/// A numbered sub-item: its title is printed run-in before its first paragraph, and its
/// number (（一）, 1., （1）) is generated from its place, never written by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The title without its number, e.g. 主动公开情况. A full stop (。) is added after it
    /// unless it already ends in punctuation such as ： or 。.
    pub title: String,
    /// The paragraphs; the first one follows the title on the same line.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Numbered sub-items of the next level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// Tables printed after the paragraphs, before the sub-items: tables of the user's
    /// own declared with `#[derive(Table)]` (e.g. 人大代表建议和政协提案办理情况 in
    /// section 六), added with [`Item::with_table`]. Built in code only: a data file
    /// cannot carry them, serde skips them.
    #[serde(skip)]
    pub tables: Vec<Grid>,
}

impl Item {
    /// An item with a title and paragraphs.
    pub fn new(
        title: impl Into<String>,
        paragraphs: impl IntoIterator<Item = String>,
    ) -> Self {
        Item {
            title: title.into(),
            paragraphs: paragraphs.into_iter().collect(),
            items: vec![],
            tables: vec![],
        }
    }

    /// The item with `table` laid out and added after its paragraphs.
    pub fn with_table(mut self, table: &impl Table) -> Self {
        self.tables.push(table.grid());
        self
    }
}

/// Structured prose: plain paragraphs, then numbered items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prose {
    /// Paragraphs before the numbered items.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Numbered items （一）（二）….
    #[serde(default)]
    pub items: Vec<Item>,
}

/// 六、其他需要报告的事项: the fee item (always present) and further numbered items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherMatters {
    /// Paragraphs before the numbered items.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// 信息处理费: the fees charged under 国办函〔2020〕109号, or that none were; item （一）.
    pub fees: Item,
    /// Further items （二）….
    #[serde(default)]
    pub items: Vec<Item>,
}

impl OtherMatters {
    /// The conventional title of the fee item, 六（一）.
    pub const FEES_TITLE: &'static str = "信息处理费收取情况";
}

// Numbering and the title's line breaking have modules of their own; their old paths
// (`model::numbering`, `model::title`) still work.
pub use crate::{numbering, title};
