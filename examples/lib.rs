//! Sample reports as typed data, shared by the example programs and the integration tests.
//!
//! [`wendeng_2023`] is the seed report: 威海市文登区科学技术局's report on 2023, every
//! paragraph as published. Its tables were published as images, so their numbers are
//! reconstructed from the prose; [`WENDENG_2023_ASSUMED`] lists which are assumed.
//! [`city`] is the `city_batch` example: a city's departments from a CSV file to PDFs.

pub mod city;

/// The README's Rust snippets, compiled and run as doctests of this crate (which depends
/// on both report-core and report-typst).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

use report_core::chrono::NaiveDate;
use report_core::{
    ActiveDisclosure, AdminLevel, Agency, AgencyKind, ApplicantCounts, Applications,
    Decimal, DocumentCounts, Item, OtherMatters, Outcomes, Overview, Prose, Report,
    ReviewsAndLawsuits, paragraphs,
};

/// Which numbers of [`wendeng_2023`] the published text states, and which are assumed.
pub const WENDENG_2023_ASSUMED: &str = "\
Stated by the text: 本年制发 行政规范性文件 0 (2023年度未出台行政规范性文件); 行政处罚 0 and \
行政强制 0 (无行政处罚和行政强制公开情况); every cell of section 三 is 0 (本年度未收到依申请公开案件，\
较去年无变化, so nothing was carried over either). \
Assumed (the tables were images): 规章 0/0/0 (a county bureau makes no 规章); 行政规范性文件 \
本年废止 0 and 现行有效 0; 行政许可 0; 行政事业性收费 0 万元; every cell of section 四 is 0 \
(the text mentions no review or lawsuit).";

/// The seed report, 威海市文登区科学技术局 2023年政府信息公开工作年度报告, dated 2024年1月22日.
pub fn wendeng_2023() -> Report {
    let name = "威海市文登区科学技术局";
    Report {
        agency: Agency {
            name: name.to_owned(),
            kind: AgencyKind::Department,
            level: AdminLevel::County,
            address: "威海市文登区圣经山路91号20楼".to_owned(),
            telephone: "0631-8480818".to_owned(),
            website: "http://www.wendeng.gov.cn".to_owned(),
        },
        year: 2023,
        date: NaiveDate::from_ymd_opt(2024, 1, 22).expect("a valid date"),
        preamble: paragraphs([
            "根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，结合{报告.年度}年{机关.名称}政府信息公开工作实际，编制发布本报告。",
            "本报告内容包括：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他事项，以及相关指标统计附表等。报告中所列数据统计期限从{报告.年度}年1月1日到12月31日止。报告电子版可从威海市文登区人民政府网站（网址：{机关.网址}）政府信息公开栏查阅或下载。公众如需进一步咨询了解相关信息，请与{机关.名称}联系（地址：{机关.地址}，电话：{机关.电话}）。",
        ]),
        overview: Overview {
            intro: paragraphs([
                "2023年，区科学技术局认真落实区委、区政府关于政府信息公开工作部署和任务要求，不断健全工作机制，优化工作流程，拓展公开渠道，不断深入推进政务信息公开制度建设，持续提升政务公开标准化、规范化、流程化水平，切实回应社会关切，做到了保障公民、法人和其他组织能够依法获取政府信息，提高了工作透明度，持续提升人民群众获得感、幸福感、安全感。",
            ]),
            active_disclosure: Item::new(
                "主动公开情况",
                [
                    "2023年来，我局围绕群众关切内容，共主动公开政务信息244条。政府网站主动公开46条，其中，本年度制定和公开部门文件1件，公开文字解读1件、图文解读1件、领导干部解读1件、新闻发布会1件；公开人事任免1件、其他公示6件、工作动态30件；公开2022年财政决算2件、2023年财政预算2件；无行政处罚和行政强制公开情况等。",
                ],
            ),
            disclosure_on_request: Item::new(
                "依申请公开情况",
                [
                    "我局高度重视政府信息依申请公开工作，严格按照规定对依申请公开事项进行接收、登记、办理、审查、归档。同时畅通信息依申请公开渠道，群众可通过政务网站窗口“依申请公开”栏目、当面或书面通过信函等途径进行申请。本年度未收到依申请公开案件，较去年无变化。",
                ],
            ),
            information_management: Item::new(
                "政府信息管理情况",
                [
                    "根据《条例》等文件公开了威海市文登区科学技术局2023年度主动公开基本目录，共12个类目；加强组织领导，确保领导重视、机构健全、人员到位，有序推进工作开展。严格保密信息审查工作，履行信息发布“三审三校”制度并定期排查，确保政府信息无涉密涉敏信息和典型错别字等情况。贯彻落实《威海市文登区科技局信息发布工作规定》等制度，依法、及时公开各种信息，对已失效规范性文件进行清理。2023年度未出台行政规范性文件。",
                ],
            ),
            platforms: Item::new(
                "平台建设情况",
                [
                    "加强政府信息公开专栏和政务新媒体规范管理，严把政治关、保密关、文字关，动态发布工作动态、新闻热点、惠企政策等栏目信息，并定期开展发布内容检查整改。统筹推进政务新媒体与网站的协同联动、融合发展，加大公开力度，为群众了解科技信息提供方便。“文登科技”微信公众号内设“职能介绍”“政策法规”“通知公告”三个栏目，用于公开各类依法应主动公开的政府信息，2023年公开发布197条。",
                ],
            ),
            oversight: Item::new(
                "监督保障情况",
                [
                    "积极参与全区政务公开工作培训会议，及时整改第三方测评发现问题；建立责任追究机制，确保信息公开工作落实到位。2023年度科技局组织全体干部职工开展政务公开工作专题培训，周密做好政务公开重点任务部署，积极做好依申请公开工作，不断提高工作效能，全面提升政务公开工作水平。",
                ],
            ),
            assessment: None,
        },
        active_disclosure: ActiveDisclosure {
            rules: DocumentCounts::default(),
            normative_documents: DocumentCounts::default(),
            licensing: 0,
            penalties: 0,
            enforcement: 0,
            fees: Decimal::ZERO,
        },
        applications: Applications::default(),
        reviews_and_lawsuits: ReviewsAndLawsuits::default(),
        problems: Prose {
            paragraphs: paragraphs([
                "工作中存在的主要问题：去年区科技局在推进政府信息公开工作方面取得了一定的成效，但仍存在一定问题，如：政府网站和政务新媒体发布内容存在用词不准确、排版格式有误的情况，以音频视频、H5动画、卡通动漫等形式开展的政策解读相对不足等。",
                "下一步工作计划：一是积极与政务公开部门主动沟通，及时更新信息，认真做好政府网站和政务新媒体信息维护工作，确保信息及时准确公开、错误及时整改；二是完善培训计划，定期组织全体干部职工学习政务公开工作制度文件，进一步提高干部对政务公开工作重视程度，在把好政治关、保密关、文字关的同时，创新工作方式方法，把政务公开工作与“群众满意度”“为民办实事”等工作有机结合起来，做到互相融合、互相补充。",
            ]),
            items: vec![],
        },
        other_matters: OtherMatters {
            paragraphs: vec![],
            fees: Item::new(
                "政府信息公开收费方面：",
                ["{报告.年度}年{机关.名称}未收取政府信息公开信息处理费。"],
            ),
            items: vec![
                Item::new(
                    "人大代表建议和政协委员提案办理方面：",
                    [
                        "2023年威海市文登区科学技术局共承办区政协提案1件。目前，已全部办理完成，办复率100%，办理结果为A类1件。",
                    ],
                ),
                Item::new(
                    "其他方面：",
                    [
                        "2023年度本单位深入贯彻落实上级政务公开工作要点，联合区财政局对2022年的区级科技政策进行修订，出台了《威海市文登区关于加快推进科技创新工作的扶持意见》（威文科字〔2023〕5号），通过政策支持引导，以科技创新为企业赋能，助力企业跑出高质量发展“加速度”；召开政策解读新闻发布会，组织我区企业参加各级科技部门组织的线上线下科技政策培训会；2023年参加各类培训人数累计400余人次，营造尊重知识、崇尚创新、尊重人才的浓厚氛围，使广大群众及企业近距离了解科技职能，感受科技服务。",
                    ],
                ),
            ],
        },
    }
}

/// Renders `report` and writes the PDF to `path` atomically (a temporary file in the
/// same folder, then a rename), printing every diagnostic and warning to stderr. Returns the path
/// written, made absolute.
pub fn write_pdf(
    report: &Report,
    options: &report_typst::RenderOptions,
    path: &std::path::Path,
) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let rendered = report_typst::render(report, options)?;
    for diagnostic in &rendered.diagnostics {
        eprintln!("{diagnostic}");
    }
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
    write_atomically(path, &rendered.pdf)
}

/// Writes `report` as a standalone web page ([`report_core::html::page`]) to `path`
/// atomically, like [`write_pdf`]. Returns the path written, made absolute.
pub fn write_html(
    report: &Report,
    path: &std::path::Path,
) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let page =
        report_core::html::page(report, &report_core::html::HtmlOptions::default());
    write_atomically(path, page.as_bytes())
}

/// Writes `report` as an editable Word document ([`report_typst::docx::render`], with
/// `options`' Word-meaningful settings) to `path` atomically, like [`write_pdf`]. Returns
/// the path written, made absolute.
pub fn write_docx(
    report: &Report,
    options: &report_typst::RenderOptions,
    path: &std::path::Path,
) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let rendered = report_typst::docx::render(report, options)?;
    write_atomically(path, &rendered.docx)
}

/// Writes `bytes` to a temporary file in `path`'s folder (created if missing), then
/// renames it to `path`; returns the path made absolute.
fn write_atomically(
    path: &std::path::Path,
    bytes: &[u8],
) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let file_name = path.file_name().ok_or("the output path names no file")?;
    let tmp =
        dir.join(format!(".{}.tmp{}", file_name.to_string_lossy(), std::process::id()));
    std::fs::write(&tmp, bytes)?;
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    Ok(std::fs::canonicalize(path)?)
}

/// A long report that stretches the layout: a county government office with a name too
/// long for one title line, every prose section several pages, and real-size numbers
/// (3985758 in every data column of section 三, five-digit case counts in section 四, the
/// fee 24252.311082 万元), all totals consistent.
pub fn long_report() -> Report {
    let mut r = wendeng_2023();
    r.agency = Agency {
        name: "新疆维吾尔自治区伊犁哈萨克自治州霍城县人民政府办公室".to_owned(),
        kind: AgencyKind::Department,
        level: AdminLevel::County,
        address: "霍城县水定镇".to_owned(),
        telephone: "0999-3022222".to_owned(),
        website: "http://www.xjhc.gov.cn".to_owned(),
    };
    // Pure Han sentences of known length, so full lines can be counted.
    let sentence = "本机关坚持以公开为常态不公开为例外推进决策执行管理服务结果全过程公开";
    let paragraph = |n: usize| sentence.repeat(n) + "。";
    let pages_of_prose = |paragraphs: usize| -> Vec<String> {
        (0..paragraphs).map(|i| paragraph(3 + i % 4)).collect()
    };
    r.preamble = vec![paragraph(2), paragraph(3)];
    r.overview.intro = pages_of_prose(6);
    for item in [
        &mut r.overview.active_disclosure,
        &mut r.overview.disclosure_on_request,
        &mut r.overview.information_management,
        &mut r.overview.platforms,
        &mut r.overview.oversight,
    ] {
        item.paragraphs = pages_of_prose(5);
        item.items = vec![
            Item::new("工作机制", pages_of_prose(2)),
            Item::new("制度建设", pages_of_prose(2)),
        ];
    }
    r.problems.paragraphs = pages_of_prose(12);
    r.other_matters.fees.paragraphs = vec![paragraph(2)];
    for item in &mut r.other_matters.items {
        item.paragraphs = pages_of_prose(6);
    }
    let big = ApplicantCounts {
        natural_persons: 3985758,
        businesses: 3985758,
        research_institutions: 3985758,
        public_interest_organizations: 3985758,
        legal_service_providers: 3985758,
        others: 3985758,
        stated_total: None,
    };
    let a = &mut r.applications;
    let res = &mut a.results;
    for row in [
        &mut res.disclosed,
        &mut res.partially_disclosed,
        &mut res.withheld.state_secrets,
        &mut res.withheld.inquiry_matters,
        &mut res.unavailable.not_held,
        &mut res.not_processed.repeated,
        &mut res.other_handling.other,
    ] {
        *row = big;
    }
    a.carried_over = big;
    a.carried_forward = big;
    // 一 + 二 = （七） + 四, column by column.
    let total = res.computed_total();
    a.received = total;
    r.active_disclosure = ActiveDisclosure {
        rules: DocumentCounts::default(),
        normative_documents: DocumentCounts {
            issued: 3985758,
            repealed: 3985758,
            in_force: 3985758,
        },
        licensing: 3985758,
        penalties: 3985758,
        enforcement: 3985758,
        fees: "24252.311082".parse().expect("a decimal"),
    };
    // Case counts: five digits, as a State Council department may have; the fifteen
    // columns of section 四 hold no more at 9 pt.
    let big_case = Outcomes {
        upheld: 12345,
        corrected: 23456,
        other: 34567,
        pending: 45678,
        stated_total: None,
    };
    r.reviews_and_lawsuits = ReviewsAndLawsuits {
        review: big_case,
        lawsuits_direct: big_case,
        lawsuits_after_review: big_case,
    };
    r
}
