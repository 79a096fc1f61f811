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
    /// section 六), added with [`Item::add_table`] or [`Item::with_table`]. Built in code
    /// only: a data file cannot carry them, serde skips them.
    #[serde(skip)]
    pub tables: Vec<Grid>,
}

impl Item {
    /// An item with a title and paragraphs, each given as `&str` or `String`:
    /// `Item::new("依申请公开情况", ["本年度收到政府信息公开申请12件。"])`. For an item
    /// without paragraphs yet, [`Item::titled`].
    pub fn new(
        title: impl Into<String>,
        paragraphs: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Item {
            title: title.into(),
            paragraphs: self::paragraphs(paragraphs),
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

/// Paragraphs from texts given as `&str` or `String`, for the `Vec<String>` fields of the
/// model: `report.preamble = paragraphs(["根据……", "本报告……"])`.
pub fn paragraphs(texts: impl IntoIterator<Item = impl Into<String>>) -> Vec<String> {
    texts.into_iter().map(Into::into).collect()
}

/// Building a report in code.
impl Report {
    /// An empty report of `agency` on the statistical `year`, dated `date` (成文日期):
    /// the conventional titles of 一's sub-sections (and 工作考核… for a people's
    /// government, which must have it) and of the fee item 六（一）, no prose yet, every
    /// table cell 0 and every 总计 computed from its parts (no stated total), so setting
    /// a cell is all a count needs.
    ///
    /// It validates without an error; its warnings (EMPTY) name the prose still to be
    /// written: the preamble, section 五 and the fee item. Not to be confused with
    /// [`crate::datafile::write::skeleton_report`], the template of a *data file*, whose
    /// 总计 are written out as 0 for a clerk to fill in.
    ///
    /// ```
    /// use report_core::chrono::NaiveDate;
    /// use report_core::{
    ///     AdminLevel, Agency, AgencyKind, ApplicantCounts, Prose, Report, paragraphs,
    /// };
    ///
    /// let agency = Agency::new("某县教育局", AgencyKind::Department, AdminLevel::County);
    /// let date = NaiveDate::from_ymd_opt(2026, 1, 20).expect("a valid date");
    /// let mut report = Report::new(agency, 2025, date);
    /// let twelve = ApplicantCounts { natural_persons: 12, ..Default::default() };
    /// report.applications.received = twelve;
    /// report.applications.results.disclosed = twelve;
    /// report.preamble = paragraphs(["根据《中华人民共和国政府信息公开条例》，编制本报告。"]);
    /// report.problems = Prose::new(["个别栏目更新不够及时。"]);
    /// report.other_matters.fees.paragraphs = paragraphs(["本年度未收取信息处理费。"]);
    /// let diagnostics = report.validate();
    /// assert!(diagnostics.is_empty(), "{diagnostics:?}");
    /// assert_eq!(report.applications.results.total().total(), 12);
    /// ```
    pub fn new(agency: Agency, year: i32, date: NaiveDate) -> Report {
        let assessment = (agency.kind == AgencyKind::PeoplesGovernment)
            .then(|| Item::titled(Overview::TITLES[5]));
        Report {
            agency,
            year,
            date,
            preamble: Vec::new(),
            overview: Overview {
                intro: Vec::new(),
                active_disclosure: Item::titled(Overview::TITLES[0]),
                disclosure_on_request: Item::titled(Overview::TITLES[1]),
                information_management: Item::titled(Overview::TITLES[2]),
                platforms: Item::titled(Overview::TITLES[3]),
                oversight: Item::titled(Overview::TITLES[4]),
                assessment,
            },
            active_disclosure: ActiveDisclosure::default(),
            applications: Applications::default(),
            reviews_and_lawsuits: ReviewsAndLawsuits::default(),
            problems: Prose::default(),
            other_matters: OtherMatters {
                paragraphs: Vec::new(),
                fees: Item::titled(OtherMatters::FEES_TITLE),
                items: Vec::new(),
            },
        }
    }
}

/// Building an agency in code.
impl Agency {
    /// An agency by its full official name, its kind and its level; no contact details
    /// (set `address`, `telephone` and `website` by name).
    pub fn new(name: impl Into<String>, kind: AgencyKind, level: AdminLevel) -> Agency {
        Agency {
            name: name.into(),
            kind,
            level,
            address: String::new(),
            telephone: String::new(),
            website: String::new(),
        }
    }
}

/// Building items in code.
impl Item {
    /// An item with its title only, paragraphs to come.
    pub fn titled(title: impl Into<String>) -> Item {
        Item { title: title.into(), ..Item::default() }
    }

    /// Lays out `table` and adds it after the item's paragraphs, in place: for an item
    /// that is already part of a report (`report.other_matters.fees.add_table(&t)`).
    /// [`Item::with_table`] does the same by value.
    pub fn add_table(&mut self, table: &impl Table) -> &mut Item {
        self.tables.push(table.grid());
        self
    }

    /// The item with `items` added as its numbered sub-items.
    pub fn with_items(mut self, items: impl IntoIterator<Item = Item>) -> Item {
        self.items.extend(items);
        self
    }
}

/// Building prose in code.
impl Prose {
    /// Prose of paragraphs only, each given as `&str` or `String`; numbered items go in
    /// [`Prose::items`].
    pub fn new(paragraphs: impl IntoIterator<Item = impl Into<String>>) -> Prose {
        Prose { paragraphs: self::paragraphs(paragraphs), items: Vec::new() }
    }
}
