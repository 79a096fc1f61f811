//! The three statutory tables of the 2021 format (docs/format.md §3) as Rust types.
//!
//! Every count is a `u64`; the fee is an exact [`Decimal`]. A table built in code has its
//! totals computed from its parts. A table read from data may carry *stated* totals
//! (`stated_total`), which are kept as given so that validation can check them.
//!
//! Each table is declared with `#[derive(Table)]`: its `#[table(...)]` attributes are
//! the official layout (docs/format.md §3), and the printed totals are `total()`: stated
//! where the data has them, else computed.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::Table;
use crate::table::rows_of;

// Labels that two tables share, or that code names by themselves (the reader of
// label-keyed data, validation). Every other label is written once, in its attribute.

/// 总计: the total column of sections 三 and 四.
pub const TOTAL: &str = "总计";
/// The group over the five columns of organisations in section 三.
const ORGANISATIONS: &str = "法人或其他组织";
/// The group over the two kinds of lawsuit in section 四.
const LAWSUITS: &str = "行政诉讼";
/// The corner cell of every block of section 二.
const CONTENT: &str = "信息内容";
/// The head over the single value column of the 行政许可, 行政处罚 and 行政强制 rows.
const DECISIONS: &str = "本年处理决定数量";
/// Section 三, row 一.
pub const RECEIVED: &str = "一、本年新收政府信息公开申请数量";
/// Section 三, row 二.
pub const CARRIED_OVER: &str = "二、上年结转政府信息公开申请数量";
/// Section 三, the group of result rows.
pub const RESULTS: &str = "三、本年度办理结果";
/// Section 三, the row （七）总计 under [`RESULTS`].
pub const TOTAL_ROW: &str = "（七）总计";
/// Section 三, row 四.
pub const CARRIED_FORWARD: &str = "四、结转下年度继续办理";
/// Section 三, the group （六）其他处理 (a single row in the 2019 trial format).
pub const OTHER_HANDLING: &str = "（六）其他处理";

/// 本年制发件数 / 本年废止件数 / 现行有效件数 of one kind of document (section 二),
/// written by name: `DocumentCounts { issued: 2, in_force: 14, ..Default::default() }`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table,
)]
#[serde(deny_unknown_fields)]
#[table(row)]
pub struct DocumentCounts {
    /// 本年制发件数: documents issued this year.
    #[table(label = "本年制发件数")]
    pub issued: u64,
    /// 本年废止件数: documents repealed this year.
    #[table(label = "本年废止件数")]
    pub repealed: u64,
    /// 现行有效件数: documents in force at the end of the year.
    #[table(label = "现行有效件数")]
    pub in_force: u64,
}

/// Section 二, 主动公开政府信息情况: the table of proactively disclosed information.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table)]
#[serde(deny_unknown_fields)]
#[table(rows, widths("1.3fr", "1fr", "1fr", "1fr"))]
pub struct ActiveDisclosure {
    /// 第二十条第（一）项 / 规章.
    #[table(block = "第二十条第（一）项", corner = CONTENT, label = "规章")]
    pub rules: DocumentCounts,
    /// 第二十条第（一）项 / 行政规范性文件.
    #[table(label = "行政规范性文件")]
    pub normative_documents: DocumentCounts,
    /// 第二十条第（五）项 / 行政许可 / 本年处理决定数量.
    #[table(
        block = "第二十条第（五）项",
        corner = CONTENT,
        head = DECISIONS,
        label = "行政许可",
        value
    )]
    pub licensing: u64,
    /// 第二十条第（六）项 / 行政处罚 / 本年处理决定数量.
    #[table(
        block = "第二十条第（六）项",
        corner = CONTENT,
        head = DECISIONS,
        label = "行政处罚",
        value
    )]
    pub penalties: u64,
    /// 第二十条第（六）项 / 行政强制 / 本年处理决定数量.
    #[table(label = "行政强制", value)]
    pub enforcement: u64,
    /// 第二十条第（八）项 / 行政事业性收费 / 本年收费金额（单位：万元）, exactly as given.
    #[table(
        block = "第二十条第（八）项",
        corner = CONTENT,
        head = "本年收费金额（单位：万元）",
        label = "行政事业性收费",
        value
    )]
    pub fees: Decimal,
}

/// One row of section 三: a count per kind of applicant, and the row's 总计.
///
/// Write the counts by name, the rest 0 and 总计 computed:
///
/// ```
/// use report_core::ApplicantCounts;
///
/// let row = ApplicantCounts { natural_persons: 12, businesses: 3, ..Default::default() };
/// assert_eq!((row.total(), row.stated_total), (15, None));
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table,
)]
#[serde(deny_unknown_fields)]
#[table(row)]
pub struct ApplicantCounts {
    /// 自然人.
    #[table(label = "自然人")]
    pub natural_persons: u64,
    /// 法人或其他组织 / 商业企业.
    #[table(label = "商业企业", group = ORGANISATIONS)]
    pub businesses: u64,
    /// 法人或其他组织 / 科研机构.
    #[table(label = "科研机构", group = ORGANISATIONS)]
    pub research_institutions: u64,
    /// 法人或其他组织 / 社会公益组织.
    #[table(label = "社会公益组织", group = ORGANISATIONS)]
    pub public_interest_organizations: u64,
    /// 法人或其他组织 / 法律服务机构.
    #[table(label = "法律服务机构", group = ORGANISATIONS)]
    pub legal_service_providers: u64,
    /// 法人或其他组织 / 其他.
    #[table(label = "其他", group = ORGANISATIONS)]
    pub others: u64,
    /// 总计 as stated by the data, if it stated one; `None` means computed.
    #[table(label = TOTAL, with = ApplicantCounts::total)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<u64>,
}

impl ApplicantCounts {
    /// A row from its six parts in column order (自然人, 商业企业, 科研机构, 社会公益组织,
    /// 法律服务机构, 其他), 总计 computed: the inverse of [`ApplicantCounts::parts`], for
    /// code that holds a row as an array. Counts written by hand read better by name,
    /// where they cannot be put in the wrong column:
    /// `ApplicantCounts { natural_persons: 12, ..Default::default() }`.
    pub const fn from_parts(parts: [u64; 6]) -> Self {
        let [a, b, c, d, e, f] = parts;
        ApplicantCounts {
            natural_persons: a,
            businesses: b,
            research_institutions: c,
            public_interest_organizations: d,
            legal_service_providers: e,
            others: f,
            stated_total: None,
        }
    }

    /// The six parts in column order.
    pub const fn parts(&self) -> [u64; 6] {
        [
            self.natural_persons,
            self.businesses,
            self.research_institutions,
            self.public_interest_organizations,
            self.legal_service_providers,
            self.others,
        ]
    }

    /// 总计 computed from the six parts (saturating: a sum past `u64::MAX` is not a count).
    pub fn computed_total(&self) -> u64 {
        self.parts().iter().fold(0u64, |acc, v| acc.saturating_add(*v))
    }

    /// 总计 as printed: the stated one where the data gave it, else the computed one.
    pub fn total(&self) -> u64 {
        self.stated_total.unwrap_or_else(|| self.computed_total())
    }

    /// The seven printed values: six parts and 总计.
    pub fn printed(&self) -> [u64; 7] {
        let p = self.parts();
        [p[0], p[1], p[2], p[3], p[4], p[5], self.total()]
    }

    /// The column-wise sum of rows, totals computed.
    pub fn sum<'a>(
        rows: impl IntoIterator<Item = &'a ApplicantCounts>,
    ) -> ApplicantCounts {
        let mut acc = [0u64; 6];
        for row in rows {
            for (a, v) in acc.iter_mut().zip(row.parts()) {
                *a = a.saturating_add(v);
            }
        }
        ApplicantCounts::from_parts(acc)
    }
}

/// （三）不予公开: the eight reasons for withholding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table)]
#[serde(deny_unknown_fields)]
#[table(rows, label_align = "left")]
pub struct Withheld {
    /// 1.属于国家秘密.
    #[table(label = "1.属于国家秘密")]
    pub state_secrets: ApplicantCounts,
    /// 2.其他法律行政法规禁止公开.
    #[table(label = "2.其他法律行政法规禁止公开")]
    pub prohibited_by_law: ApplicantCounts,
    /// 3.危及“三安全一稳定”.
    #[table(label = "3.危及“三安全一稳定”")]
    pub security_and_stability: ApplicantCounts,
    /// 4.保护第三方合法权益.
    #[table(label = "4.保护第三方合法权益")]
    pub third_party_rights: ApplicantCounts,
    /// 5.属于三类内部事务信息.
    #[table(label = "5.属于三类内部事务信息")]
    pub internal_affairs: ApplicantCounts,
    /// 6.属于四类过程性信息.
    #[table(label = "6.属于四类过程性信息")]
    pub process_information: ApplicantCounts,
    /// 7.属于行政执法案卷.
    #[table(label = "7.属于行政执法案卷")]
    pub enforcement_files: ApplicantCounts,
    /// 8.属于行政查询事项.
    #[table(label = "8.属于行政查询事项")]
    pub inquiry_matters: ApplicantCounts,
}

/// （四）无法提供: the three reasons the information could not be provided.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table)]
#[serde(deny_unknown_fields)]
#[table(rows, label_align = "left")]
pub struct Unavailable {
    /// 1.本机关不掌握相关政府信息.
    #[table(label = "1.本机关不掌握相关政府信息")]
    pub not_held: ApplicantCounts,
    /// 2.没有现成信息需要另行制作.
    #[table(label = "2.没有现成信息需要另行制作")]
    pub requires_creation: ApplicantCounts,
    /// 3.补正后申请内容仍不明确.
    #[table(label = "3.补正后申请内容仍不明确")]
    pub still_unclear: ApplicantCounts,
}

/// （五）不予处理: the five reasons an application was not processed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table)]
#[serde(deny_unknown_fields)]
#[table(rows, label_align = "left")]
pub struct NotProcessed {
    /// 1.信访举报投诉类申请.
    #[table(label = "1.信访举报投诉类申请")]
    pub petitions_and_complaints: ApplicantCounts,
    /// 2.重复申请.
    #[table(label = "2.重复申请")]
    pub repeated: ApplicantCounts,
    /// 3.要求提供公开出版物.
    #[table(label = "3.要求提供公开出版物")]
    pub publications: ApplicantCounts,
    /// 4.无正当理由大量反复申请.
    #[table(label = "4.无正当理由大量反复申请")]
    pub excessive: ApplicantCounts,
    /// 5.要求行政机关确认或重新出具已获取信息.
    #[table(label = "5.要求行政机关确认或重新出具已获取信息")]
    pub confirmation: ApplicantCounts,
}

/// （六）其他处理: the three other ways an application was closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table)]
#[serde(deny_unknown_fields)]
#[table(rows, label_align = "left")]
pub struct OtherHandling {
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请.
    #[table(label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")]
    pub no_correction: ApplicantCounts,
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请.
    #[table(
        label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )]
    pub fee_unpaid: ApplicantCounts,
    /// 3.其他.
    #[table(label = "3.其他")]
    pub other: ApplicantCounts,
}

/// 三、本年度办理结果: how this year's applications were handled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table)]
#[serde(deny_unknown_fields)]
#[table(rows, label_align = "left")]
pub struct Results {
    /// （一）予以公开.
    #[table(label = "（一）予以公开")]
    pub disclosed: ApplicantCounts,
    /// （二）部分公开（区分处理的，只计这一情形，不计其他情形）.
    #[table(label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]
    pub partially_disclosed: ApplicantCounts,
    /// （三）不予公开.
    #[table(nested, label = "（三）不予公开")]
    pub withheld: Withheld,
    /// （四）无法提供.
    #[table(nested, label = "（四）无法提供")]
    pub unavailable: Unavailable,
    /// （五）不予处理.
    #[table(nested, label = "（五）不予处理")]
    pub not_processed: NotProcessed,
    /// （六）其他处理.
    #[table(nested, label = OTHER_HANDLING)]
    pub other_handling: OtherHandling,
    /// （七）总计 as stated by the data, if it stated one; `None` means computed.
    #[table(label = TOTAL_ROW, with = Results::total)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<ApplicantCounts>,
}

impl Results {
    /// The 21 result rows of （一）–（六） in table order (as declared: [`rows_of`]).
    pub fn rows(&self) -> Vec<&ApplicantCounts> {
        rows_of(self)
    }

    /// （七）总计 computed from the rows of （一）–（六）.
    pub fn computed_total(&self) -> ApplicantCounts {
        ApplicantCounts::sum(self.rows())
    }

    /// （七）总计 as printed: the stated row where the data gave it, else the computed one.
    pub fn total(&self) -> ApplicantCounts {
        self.stated_total.unwrap_or_else(|| self.computed_total())
    }
}

/// Section 三, 收到和处理政府信息公开申请情况: applications received and handled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table)]
#[serde(deny_unknown_fields)]
#[table(
    rows,
    label_align = "left",
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    head = "申请人情况",
    // At 9 pt: eight digits in each applicant column, nine in 总计, labels wrapping in
    // the rest of the 156 mm (docs/format.md §5; checked by tests/tests/layout.rs).
    widths(
        "1.6em", "4.5em", "1fr", "4.5em", "4.5em", "4.5em", "4.5em", "4.5em", "4.5em",
        "5em"
    )
)]
pub struct Applications {
    /// 一、本年新收政府信息公开申请数量.
    #[table(label = RECEIVED)]
    pub received: ApplicantCounts,
    /// 二、上年结转政府信息公开申请数量.
    #[table(label = CARRIED_OVER)]
    pub carried_over: ApplicantCounts,
    /// 三、本年度办理结果.
    #[table(nested, label = RESULTS, align = "center")]
    pub results: Results,
    /// 四、结转下年度继续办理.
    #[table(label = CARRIED_FORWARD)]
    pub carried_forward: ApplicantCounts,
}

/// The outcomes of one kind of case (section 四): 结果维持 … 总计.
///
/// Write the counts by name, the rest 0 and 总计 computed:
///
/// ```
/// use report_core::Outcomes;
///
/// let review = Outcomes { upheld: 3, pending: 1, ..Default::default() };
/// assert_eq!(review.printed(), [3, 0, 0, 1, 4]);
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table,
)]
#[serde(deny_unknown_fields)]
#[table(row)]
pub struct Outcomes {
    /// 结果维持.
    #[table(label = "结果维持")]
    pub upheld: u64,
    /// 结果纠正.
    #[table(label = "结果纠正")]
    pub corrected: u64,
    /// 其他结果.
    #[table(label = "其他结果")]
    pub other: u64,
    /// 尚未审结.
    #[table(label = "尚未审结")]
    pub pending: u64,
    /// 总计 as stated by the data, if it stated one; `None` means computed.
    #[table(label = TOTAL, with = Outcomes::total)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<u64>,
}

impl Outcomes {
    /// 总计 computed from the four parts.
    pub fn computed_total(&self) -> u64 {
        [self.upheld, self.corrected, self.other, self.pending]
            .iter()
            .fold(0u64, |acc, v| acc.saturating_add(*v))
    }

    /// 总计 as printed: the stated one where the data gave it, else the computed one.
    pub fn total(&self) -> u64 {
        self.stated_total.unwrap_or_else(|| self.computed_total())
    }

    /// The five printed values.
    pub fn printed(&self) -> [u64; 5] {
        [self.upheld, self.corrected, self.other, self.pending, self.total()]
    }
}

/// Section 四, 政府信息公开行政复议、行政诉讼情况: administrative review and litigation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Table)]
#[serde(deny_unknown_fields)]
#[table(row)]
pub struct ReviewsAndLawsuits {
    /// 行政复议.
    #[table(nested, label = "行政复议")]
    pub review: Outcomes,
    /// 行政诉讼 / 未经复议直接起诉.
    #[table(nested, label = "未经复议直接起诉", group = LAWSUITS)]
    pub lawsuits_direct: Outcomes,
    /// 行政诉讼 / 复议后起诉.
    #[table(nested, label = "复议后起诉", group = LAWSUITS)]
    pub lawsuits_after_review: Outcomes,
}

/// The three statutory tables of one report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    /// Section 二.
    pub active_disclosure: ActiveDisclosure,
    /// Section 三.
    pub applications: Applications,
    /// Section 四.
    pub reviews_and_lawsuits: ReviewsAndLawsuits,
}
