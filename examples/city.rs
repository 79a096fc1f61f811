//! A city's departments from one CSV file to one PDF each: what the `city_batch` example
//! runs, as a library so that the tests run the very same code.
//!
//! Each row of the CSV holds one department's key figures ([`Figures`], one field a
//! column; [`COLUMNS`] gives every column's official label). [`load`] reads every row,
//! builds a typed [`Report`] from it with [`Report::new`] and a template paragraph per
//! section ([`report`]), and validates it. [`render`] renders every valid report in
//! parallel through [`report_typst::batch::run_reports`] and returns a [`Summary`] whose
//! `Display` is the table of problems per department, errors and warnings by rule id.
//!
//! A row that cannot be read (a count that is not a whole number, a missing cell) is
//! reported under the pseudo rule `CSV`, naming the column and its official label; it
//! never stops the other rows.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use report_core::chrono::NaiveDate;
use report_core::diagnostic::has_errors;
use report_core::{
    AdminLevel, Agency, AgencyKind, ApplicantCounts, Decimal, Diagnostic, DocumentCounts,
    Item, Outcomes, Prose, Report, paragraphs,
};
use report_typst::batch::{self, BatchOptions, Failure, ReportJob};
use serde::{Deserialize, Deserializer};

/// The city's portal, where every department publishes its report.
pub const CITY_PORTAL: &str = "安澜市人民政府门户网站（www.anlan.example）";

/// Every column of the CSV, in order, with the official label of the cell or field it
/// fills. Applicants are 自然人 (`_natural`) and 法人或其他组织 / 商业企业
/// (`_business`); the other kinds of applicant and the other reasons of （三）–（六）
/// are 0.
pub const COLUMNS: [(&str, &str); 38] = [
    ("agency", "发布机关 / 名称"),
    ("year", "统计年度"),
    ("address", "发布机关 / 地址"),
    ("telephone", "发布机关 / 电话"),
    ("date", "成文日期 (YYYY-MM-DD)"),
    ("received_natural", "三 / 一、本年新收政府信息公开申请数量 / 自然人"),
    ("received_business", "三 / 一、本年新收政府信息公开申请数量 / 商业企业"),
    ("carried_over_natural", "三 / 二、上年结转政府信息公开申请数量 / 自然人"),
    ("carried_over_business", "三 / 二、上年结转政府信息公开申请数量 / 商业企业"),
    ("disclosed_natural", "三 / 三、本年度办理结果 /（一）予以公开 / 自然人"),
    ("disclosed_business", "三 / 三、本年度办理结果 /（一）予以公开 / 商业企业"),
    ("partially_disclosed_natural", "三 / 三、本年度办理结果 /（二）部分公开 / 自然人"),
    (
        "partially_disclosed_business",
        "三 / 三、本年度办理结果 /（二）部分公开 / 商业企业",
    ),
    (
        "withheld_third_party_natural",
        "三 / 三、本年度办理结果 /（三）不予公开 / 4.保护第三方合法权益 / 自然人",
    ),
    (
        "withheld_third_party_business",
        "三 / 三、本年度办理结果 /（三）不予公开 / 4.保护第三方合法权益 / 商业企业",
    ),
    (
        "not_held_natural",
        "三 / 三、本年度办理结果 /（四）无法提供 / 1.本机关不掌握相关政府信息 / 自然人",
    ),
    (
        "not_held_business",
        "三 / 三、本年度办理结果 /（四）无法提供 / 1.本机关不掌握相关政府信息 / 商业企业",
    ),
    (
        "petitions_natural",
        "三 / 三、本年度办理结果 /（五）不予处理 / 1.信访举报投诉类申请 / 自然人",
    ),
    (
        "petitions_business",
        "三 / 三、本年度办理结果 /（五）不予处理 / 1.信访举报投诉类申请 / 商业企业",
    ),
    (
        "no_correction_natural",
        "三 / 三、本年度办理结果 /（六）其他处理 / 1.申请人无正当理由逾期不补正 / 自然人",
    ),
    (
        "no_correction_business",
        "三 / 三、本年度办理结果 /（六）其他处理 / 1.申请人无正当理由逾期不补正 / 商业企业",
    ),
    ("carried_forward_natural", "三 / 四、结转下年度继续办理 / 自然人"),
    ("carried_forward_business", "三 / 四、结转下年度继续办理 / 商业企业"),
    ("normative_issued", "二 / 行政规范性文件 / 本年制发件数"),
    ("normative_repealed", "二 / 行政规范性文件 / 本年废止件数"),
    ("normative_in_force", "二 / 行政规范性文件 / 现行有效件数"),
    ("licensing", "二 / 行政许可 / 本年处理决定数量"),
    ("penalties", "二 / 行政处罚 / 本年处理决定数量"),
    ("enforcement", "二 / 行政强制 / 本年处理决定数量"),
    ("fees", "二 / 行政事业性收费 / 本年收费金额（单位：万元）"),
    ("review_upheld", "四 / 行政复议 / 结果维持"),
    ("review_corrected", "四 / 行政复议 / 结果纠正"),
    ("review_other", "四 / 行政复议 / 其他结果"),
    ("review_pending", "四 / 行政复议 / 尚未审结"),
    ("lawsuit_upheld", "四 / 行政诉讼 / 未经复议直接起诉 / 结果维持"),
    ("lawsuit_corrected", "四 / 行政诉讼 / 未经复议直接起诉 / 结果纠正"),
    ("lawsuit_other", "四 / 行政诉讼 / 未经复议直接起诉 / 其他结果"),
    ("lawsuit_pending", "四 / 行政诉讼 / 未经复议直接起诉 / 尚未审结"),
];

/// One department's row: its key figures, one field a column of [`COLUMNS`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// 发布机关 / 名称.
    pub agency: String,
    /// 统计年度.
    pub year: i32,
    /// 发布机关 / 地址.
    pub address: String,
    /// 发布机关 / 电话.
    pub telephone: String,
    /// 成文日期 (YYYY-MM-DD).
    pub date: NaiveDate,
    /// 三 / 一、本年新收政府信息公开申请数量 / 自然人.
    pub received_natural: u64,
    /// 三 / 一、本年新收政府信息公开申请数量 / 商业企业.
    pub received_business: u64,
    /// 三 / 二、上年结转政府信息公开申请数量 / 自然人.
    pub carried_over_natural: u64,
    /// 三 / 二、上年结转政府信息公开申请数量 / 商业企业.
    pub carried_over_business: u64,
    /// 三 / 三、本年度办理结果 /（一）予以公开 / 自然人.
    pub disclosed_natural: u64,
    /// 三 / 三、本年度办理结果 /（一）予以公开 / 商业企业.
    pub disclosed_business: u64,
    /// 三 / 三、本年度办理结果 /（二）部分公开 / 自然人.
    pub partially_disclosed_natural: u64,
    /// 三 / 三、本年度办理结果 /（二）部分公开 / 商业企业.
    pub partially_disclosed_business: u64,
    /// 三 / 三、本年度办理结果 /（三）不予公开 / 4.保护第三方合法权益 / 自然人.
    pub withheld_third_party_natural: u64,
    /// 三 / 三、本年度办理结果 /（三）不予公开 / 4.保护第三方合法权益 / 商业企业.
    pub withheld_third_party_business: u64,
    /// 三 / 三、本年度办理结果 /（四）无法提供 / 1.本机关不掌握相关政府信息 / 自然人.
    pub not_held_natural: u64,
    /// 三 / 三、本年度办理结果 /（四）无法提供 / 1.本机关不掌握相关政府信息 / 商业企业.
    pub not_held_business: u64,
    /// 三 / 三、本年度办理结果 /（五）不予处理 / 1.信访举报投诉类申请 / 自然人.
    pub petitions_natural: u64,
    /// 三 / 三、本年度办理结果 /（五）不予处理 / 1.信访举报投诉类申请 / 商业企业.
    pub petitions_business: u64,
    /// 三 / 三、本年度办理结果 /（六）其他处理 / 1.申请人无正当理由逾期不补正 / 自然人.
    pub no_correction_natural: u64,
    /// 三 / 三、本年度办理结果 /（六）其他处理 / 1.申请人无正当理由逾期不补正 / 商业企业.
    pub no_correction_business: u64,
    /// 三 / 四、结转下年度继续办理 / 自然人.
    pub carried_forward_natural: u64,
    /// 三 / 四、结转下年度继续办理 / 商业企业.
    pub carried_forward_business: u64,
    /// 二 / 行政规范性文件 / 本年制发件数.
    pub normative_issued: u64,
    /// 二 / 行政规范性文件 / 本年废止件数.
    pub normative_repealed: u64,
    /// 二 / 行政规范性文件 / 现行有效件数.
    pub normative_in_force: u64,
    /// 二 / 行政许可 / 本年处理决定数量.
    pub licensing: u64,
    /// 二 / 行政处罚 / 本年处理决定数量.
    pub penalties: u64,
    /// 二 / 行政强制 / 本年处理决定数量.
    pub enforcement: u64,
    #[serde(deserialize_with = "exact_decimal")]
    /// 二 / 行政事业性收费 / 本年收费金额（单位：万元）.
    pub fees: Decimal,
    /// 四 / 行政复议 / 结果维持.
    pub review_upheld: u64,
    /// 四 / 行政复议 / 结果纠正.
    pub review_corrected: u64,
    /// 四 / 行政复议 / 其他结果.
    pub review_other: u64,
    /// 四 / 行政复议 / 尚未审结.
    pub review_pending: u64,
    /// 四 / 行政诉讼 / 未经复议直接起诉 / 结果维持.
    pub lawsuit_upheld: u64,
    /// 四 / 行政诉讼 / 未经复议直接起诉 / 结果纠正.
    pub lawsuit_corrected: u64,
    /// 四 / 行政诉讼 / 未经复议直接起诉 / 其他结果.
    pub lawsuit_other: u64,
    /// 四 / 行政诉讼 / 未经复议直接起诉 / 尚未审结.
    pub lawsuit_pending: u64,
}

/// The fee exactly as written (`86.4`), never through a float.
fn exact_decimal<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Decimal, D::Error> {
    let text = String::deserialize(deserializer)?;
    Decimal::from_str(text.trim()).map_err(|e| {
        serde::de::Error::custom(format!(
            "{e} (a number of 万元 such as 86.4 is expected)"
        ))
    })
}

/// A count of 自然人 and of 商业企业, the other applicants 0, 总计 computed.
fn applicants(natural_persons: u64, businesses: u64) -> ApplicantCounts {
    ApplicantCounts { natural_persons, businesses, ..Default::default() }
}

/// The typed report of one department: its figures in the tables, every 总计 computed,
/// and one template paragraph a section with the department's own numbers.
pub fn report(f: &Figures) -> Report {
    let mut agency =
        Agency::new(f.agency.as_str(), AgencyKind::Department, AdminLevel::Prefecture);
    agency.address = f.address.clone();
    agency.telephone = f.telephone.clone();
    agency.website = "https://www.anlan.example".to_owned();
    let mut r = Report::new(agency, f.year, f.date);

    let t = &mut r.active_disclosure;
    t.normative_documents = DocumentCounts {
        issued: f.normative_issued,
        repealed: f.normative_repealed,
        in_force: f.normative_in_force,
    };
    t.licensing = f.licensing;
    t.penalties = f.penalties;
    t.enforcement = f.enforcement;
    t.fees = f.fees;

    let a = &mut r.applications;
    a.received = applicants(f.received_natural, f.received_business);
    a.carried_over = applicants(f.carried_over_natural, f.carried_over_business);
    a.results.disclosed = applicants(f.disclosed_natural, f.disclosed_business);
    a.results.partially_disclosed =
        applicants(f.partially_disclosed_natural, f.partially_disclosed_business);
    a.results.withheld.third_party_rights =
        applicants(f.withheld_third_party_natural, f.withheld_third_party_business);
    a.results.unavailable.not_held = applicants(f.not_held_natural, f.not_held_business);
    a.results.not_processed.petitions_and_complaints =
        applicants(f.petitions_natural, f.petitions_business);
    a.results.other_handling.no_correction =
        applicants(f.no_correction_natural, f.no_correction_business);
    a.carried_forward = applicants(f.carried_forward_natural, f.carried_forward_business);

    let cases = &mut r.reviews_and_lawsuits;
    cases.review = Outcomes {
        upheld: f.review_upheld,
        corrected: f.review_corrected,
        other: f.review_other,
        pending: f.review_pending,
        stated_total: None,
    };
    cases.lawsuits_direct = Outcomes {
        upheld: f.lawsuit_upheld,
        corrected: f.lawsuit_corrected,
        other: f.lawsuit_other,
        pending: f.lawsuit_pending,
        stated_total: None,
    };

    write_prose(&mut r, f);
    r
}

/// The template paragraphs, filled in with the figures as the tables print them.
fn write_prose(r: &mut Report, f: &Figures) {
    let (name, year) = (f.agency.as_str(), f.year);
    r.preamble = paragraphs([
        format!(
            "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，编制{name}{year}年政府信息公开工作年度报告。"
        ),
        format!(
            "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等部分组成。报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在{CITY_PORTAL}查阅或下载。如对本报告有疑问，请与{name}联系（地址：{}，电话：{}）。",
            f.address, f.telephone
        ),
    ]);
    r.overview.intro = paragraphs([format!(
        "{year}年，{name}认真贯彻落实《条例》和市委、市政府关于政务公开工作的部署，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开，政府信息公开工作取得新的进展。"
    )]);

    let t = &r.active_disclosure;
    let mut active = format!(
        "本年度依托{CITY_PORTAL}政府信息公开专栏主动公开政府信息，制发行政规范性文件{}件，废止{}件，现行有效{}件；公开行政许可决定{}件、行政处罚决定{}件、行政强制决定{}件",
        t.normative_documents.issued,
        t.normative_documents.repealed,
        t.normative_documents.in_force,
        t.licensing,
        t.penalties,
        t.enforcement
    );
    if t.fees.is_zero() {
        active.push('。');
    } else {
        active.push_str(&format!("，公开行政事业性收费{}万元。", t.fees));
    }
    r.overview.active_disclosure.paragraphs = paragraphs([active]);

    let a = &r.applications;
    let received = a.received.total();
    let mut on_request = if received == 0 {
        "本年度未收到政府信息公开申请".to_owned()
    } else {
        format!(
            "本年度收到政府信息公开申请{received}件，其中自然人{}件、商业企业{}件",
            a.received.natural_persons, a.received.businesses
        )
    };
    on_request.push_str(&format!(
        "，上年结转{}件；办结{}件，其中予以公开{}件、部分公开{}件，结转下年度继续办理{}件。",
        a.carried_over.total(),
        a.results.total().total(),
        a.results.disclosed.total(),
        a.results.partially_disclosed.total(),
        a.carried_forward.total()
    ));
    let cases = &r.reviews_and_lawsuits;
    let (reviews, lawsuits) = (cases.review.total(), cases.lawsuits_direct.total());
    on_request.push_str(&if reviews + lawsuits == 0 {
        "本年度未发生因政府信息公开被申请行政复议或提起行政诉讼的情况。".to_owned()
    } else {
        format!("因政府信息公开被申请行政复议{reviews}件、被提起行政诉讼{lawsuits}件。")
    });
    r.overview.disclosure_on_request.paragraphs = paragraphs([on_request]);

    r.overview.information_management.paragraphs = paragraphs([
        "严格执行政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”，及时清理行政规范性文件并公布清理结果。",
    ]);
    r.overview.platforms.paragraphs = paragraphs([format!(
        "依托{CITY_PORTAL}和政务新媒体发布政府信息，及时更新栏目内容，提升平台规范化水平。"
    )]);
    r.overview.oversight.paragraphs = paragraphs([
        "落实政务公开工作责任制，将政府信息公开工作纳入年度工作要点，组织开展业务培训，主动接受社会监督。",
    ]);
    r.problems = Prose::new([
        "政策解读形式较为单一，部分栏目更新不够及时。下一步，将丰富政策解读形式，加强栏目日常维护，不断提升政府信息公开工作质量。",
    ]);
    r.other_matters.fees = Item::new("信息处理费收取情况", ["本年度未收取信息处理费。"]);
}

/// Why the CSV could not be read at all (a row that cannot be read is a
/// [`Department`] with [`Department::report`] `Err` instead).
#[derive(Debug)]
pub enum Error {
    /// The file could not be opened or read.
    Read {
        /// The file.
        path: PathBuf,
        /// The reason.
        message: String,
    },
    /// The header is not [`COLUMNS`].
    Header {
        /// The file.
        path: PathBuf,
        /// Which columns are missing, unknown or out of order.
        message: String,
    },
    /// The output folder could not be created.
    OutDir {
        /// The folder.
        path: PathBuf,
        /// The reason.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, message } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
            Error::Header { path, message } => write!(f, "{}: {message}", path.display()),
            Error::OutDir { path, message } => {
                write!(f, "cannot create {}: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for Error {}

/// One department: its row, its report (or why the row could not be read) and what
/// validation found.
#[derive(Debug, Clone)]
pub struct Department {
    /// Its row among the data rows, from 1.
    pub row: usize,
    /// The line of the file the row starts on, from 1 (the header is line 1).
    pub line: u64,
    /// The agency's name as written (empty if the cell is).
    pub agency: String,
    /// The report, or why the row could not be read: the column, its official label
    /// and the reason.
    pub report: Result<Report, String>,
    /// Every problem validation found in the report, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl Department {
    /// Whether the department gets a PDF: its row was read and its report has no error.
    pub fn is_valid(&self) -> bool {
        self.report.is_ok() && !has_errors(&self.diagnostics)
    }
}

/// Reads every row of the CSV at `path`, builds each department's report and validates
/// it. Only an unreadable file or a wrong header is an `Err`; a bad row is a
/// [`Department`] whose `report` says why.
pub fn load(path: &Path) -> Result<Vec<Department>, Error> {
    let read_error = |e: &dyn fmt::Display| Error::Read {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_path(path)
        .map_err(|e| read_error(&e))?;
    let headers = reader.headers().map_err(|e| read_error(&e))?.clone();
    let expected: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    if headers.iter().ne(expected.iter().copied()) {
        let missing: Vec<&str> = expected
            .iter()
            .copied()
            .filter(|c| !headers.iter().any(|h| h == *c))
            .collect();
        let unknown: Vec<&str> =
            headers.iter().filter(|h| !expected.contains(h)).collect();
        return Err(Error::Header {
            path: path.to_owned(),
            message: format!(
                "the header must be the {} columns of city::COLUMNS in order; missing: [{}], unknown: [{}]",
                expected.len(),
                missing.join(", "),
                unknown.join(", ")
            ),
        });
    }
    let mut departments = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 1;
        let record = match record {
            Ok(record) => record,
            Err(e) if e.is_io_error() => return Err(read_error(&e)),
            Err(e) => {
                // A row that is not text (invalid UTF-8): the others are still read.
                let line = e.position().map_or(0, csv::Position::line);
                let report = Err(e.to_string());
                departments.push(Department {
                    row,
                    line,
                    agency: String::new(),
                    report,
                    diagnostics: Vec::new(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let agency = record.get(0).unwrap_or_default().to_owned();
        let report = if record.len() == headers.len() {
            record
                .deserialize::<Figures>(Some(&headers))
                .map(|f| report(&f))
                .map_err(|e| row_error(&e, &record))
        } else {
            Err(format!(
                "the row has {} cells, the header {}",
                record.len(),
                headers.len()
            ))
        };
        let diagnostics = report.as_ref().map(Report::validate).unwrap_or_default();
        departments.push(Department { row, line, agency, report, diagnostics });
    }
    Ok(departments)
}

/// Why `record` could not be read: the column, its official label, the value and the
/// reason, where the error names a column.
fn row_error(e: &csv::Error, record: &csv::StringRecord) -> String {
    let csv::ErrorKind::Deserialize { err, .. } = e.kind() else {
        return e.to_string();
    };
    let column = err.field().and_then(|i| usize::try_from(i).ok());
    match column.and_then(|i| COLUMNS.get(i).zip(record.get(i))) {
        Some(((column, label), value)) => {
            format!("column {column} ({label}) holds {value:?}: {}", err.kind())
        }
        None => err.to_string(),
    }
}

/// The PDF file name of a department: its row and its name, with the characters a file
/// name cannot hold replaced by `_`.
pub fn pdf_name(department: &Department) -> String {
    let name: String = department
        .agency
        .chars()
        .map(|c| if c.is_control() || r#"/\:*?"<>|"#.contains(c) { '_' } else { c })
        .collect();
    format!("{:02}-{name}.pdf", department.row)
}

/// What became of one department.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Its PDF was written.
    Written {
        /// The PDF.
        pdf: PathBuf,
        /// Its number of pages.
        pages: usize,
    },
    /// Its row could not be read (the reason is in [`Department::report`]).
    Unreadable,
    /// Its report has errors (in [`Department::diagnostics`]): no PDF.
    Invalid,
    /// Rendering or writing failed.
    Failed(Failure),
}

/// Every department with what became of it, in the order of the rows. Its `Display` is
/// the summary table: one line a department with its errors and warnings by rule id,
/// then every problem in full, department by department.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The departments and their outcomes.
    pub departments: Vec<(Department, Outcome)>,
}

impl Summary {
    /// The PDFs written.
    pub fn written(&self) -> Vec<&Path> {
        self.departments
            .iter()
            .filter_map(|(_, o)| match o {
                Outcome::Written { pdf, .. } => Some(pdf.as_path()),
                _ => None,
            })
            .collect()
    }

    /// The departments that got no PDF.
    pub fn failed(&self) -> Vec<&Department> {
        self.departments
            .iter()
            .filter(|(_, o)| !matches!(o, Outcome::Written { .. }))
            .map(|(d, _)| d)
            .collect()
    }
}

/// `T3-A (2), TEXT` from diagnostics of one severity, or `-`.
fn by_rule<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for id in ids {
        *counts.entry(id).or_default() += 1;
    }
    if counts.is_empty() {
        return "-".to_owned();
    }
    let parts: Vec<String> = counts
        .into_iter()
        .map(|(id, n)| if n == 1 { id.to_owned() } else { format!("{id} ({n})") })
        .collect();
    parts.join(", ")
}

fn display_name(agency: &str) -> String {
    if agency.trim().is_empty() {
        "(no name)".to_owned()
    } else {
        agency.escape_debug().to_string()
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows: Vec<[String; 6]> = self
            .departments
            .iter()
            .map(|(d, outcome)| {
                let errors = match &d.report {
                    Err(_) => "CSV".to_owned(),
                    Ok(_) => by_rule(
                        d.diagnostics
                            .iter()
                            .filter(|x| x.is_error())
                            .map(|x| x.rule.id()),
                    ),
                };
                let warnings = by_rule(
                    d.diagnostics.iter().filter(|x| !x.is_error()).map(|x| x.rule.id()),
                );
                let pdf = match outcome {
                    Outcome::Written { pages, .. } => format!("{pages} pages"),
                    _ => "none".to_owned(),
                };
                [
                    d.row.to_string(),
                    d.line.to_string(),
                    pdf,
                    errors,
                    warnings,
                    display_name(&d.agency),
                ]
            })
            .collect();
        let head = ["row", "line", "PDF", "errors", "warnings", "department"];
        let width = |i: usize| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([head[i].len()])
                .max()
                .unwrap_or(0)
        };
        let widths = [width(0), width(1), width(2), width(3), width(4)];
        let line = |f: &mut fmt::Formatter<'_>, cells: [&str; 6]| {
            writeln!(
                f,
                "{:>w0$}  {:>w1$}  {:<w2$}  {:<w3$}  {:<w4$}  {}",
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                cells[4],
                cells[5],
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2],
                w3 = widths[3],
                w4 = widths[4],
            )
        };
        line(f, head)?;
        for r in &rows {
            line(f, [&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]])?;
        }
        let written = self.written().len();
        let failed = self.failed();
        writeln!(
            f,
            "\n{} departments: {written} PDFs written, {} without a PDF.",
            self.departments.len(),
            failed.len()
        )?;
        for (d, outcome) in &self.departments {
            let written = matches!(outcome, Outcome::Written { .. });
            if written && d.diagnostics.is_empty() {
                continue;
            }
            let what = if written { "PDF written" } else { "no PDF" };
            writeln!(
                f,
                "\nrow {} (line {}), {}: {what}",
                d.row,
                d.line,
                display_name(&d.agency)
            )?;
            if let Err(reason) = &d.report {
                writeln!(f, "  error[CSV] {reason}")?;
            }
            for diagnostic in &d.diagnostics {
                writeln!(f, "  {diagnostic}")?;
            }
            if let Outcome::Failed(failure) = outcome {
                writeln!(f, "  {failure}")?;
            }
        }
        Ok(())
    }
}

/// Renders every valid department of `departments` into `out_dir` (created if need be)
/// in parallel through [`batch::run_reports`], calling `on_done` as each PDF is written
/// or fails; every department with its outcome.
pub fn render(
    departments: Vec<Department>,
    out_dir: &Path,
    options: &BatchOptions,
    on_done: &(dyn Fn() + Sync),
) -> Result<Summary, Error> {
    std::fs::create_dir_all(out_dir).map_err(|e| Error::OutDir {
        path: out_dir.to_owned(),
        message: e.to_string(),
    })?;
    let jobs: Vec<(usize, ReportJob)> = departments
        .iter()
        .enumerate()
        .filter(|(_, d)| d.is_valid())
        .filter_map(|(i, d)| {
            let report = d.report.as_ref().ok()?;
            Some((i, ReportJob { report, output: out_dir.join(pdf_name(d)) }))
        })
        .collect();
    let (indices, jobs): (Vec<usize>, Vec<ReportJob>) = jobs.into_iter().unzip();
    let rendered = batch::run_reports(jobs, options, &|_| on_done());
    let mut outcomes: Vec<Outcome> = departments
        .iter()
        .map(|d| if d.report.is_err() { Outcome::Unreadable } else { Outcome::Invalid })
        .collect();
    for (i, done) in indices.into_iter().zip(rendered) {
        outcomes[i] = match done.result {
            Ok(success) => {
                Outcome::Written { pdf: done.job.output, pages: success.pages }
            }
            Err(failure) => Outcome::Failed(failure),
        };
    }
    Ok(Summary { departments: departments.into_iter().zip(outcomes).collect() })
}

/// [`load`] then [`render`]: the whole of `city_batch`.
pub fn run(
    input: &Path,
    out_dir: &Path,
    options: &BatchOptions,
    on_done: &(dyn Fn() + Sync),
) -> Result<Summary, Error> {
    render(load(input)?, out_dir, options, on_done)
}
