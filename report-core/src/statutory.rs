//! Typst table markup of the three statutory tables, cell for cell as FORMAT.md §3.
//!
//! Every label is a `&'static str` of this file and every number is formatted here, so
//! the tables carry no user text at all; cells go through [`crate::markup::cell`].

use crate::markup::{Align, Code, cell};
use crate::tables::{
    ActiveDisclosure, ApplicantCounts, Applications, ReviewsAndLawsuits,
};

fn label(text: &'static str, colspan: u32, rowspan: u32) -> Code {
    cell(Code::str(text), colspan, rowspan, Align::Center)
}

fn row_label(text: &'static str, colspan: u32, rowspan: u32) -> Code {
    cell(Code::str(text), colspan, rowspan, Align::Left)
}

fn number(value: u64, colspan: u32) -> Code {
    cell(Code::str(&value.to_string()), colspan, 1, Align::Center)
}

fn table(columns: Code, header_cells: usize, cells: Vec<Code>) -> Code {
    let (header, body) = cells.split_at(header_cells);
    let mut all = vec![Code::call("table.header", header.iter().cloned(), [])];
    all.extend(body.iter().cloned());
    Code::call("table", all, [("columns", columns)])
}

/// Section 二 (4 columns × 14 rows).
pub fn active_disclosure_table(t: &ActiveDisclosure) -> Code {
    let mut c = Vec::new();
    c.push(label("第二十条第（一）项", 4, 1));
    c.extend(
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
            .map(|l| label(l, 1, 1)),
    );
    for (name, counts) in [("规章", &t.rules), ("行政规范性文件", &t.normative_documents)]
    {
        c.push(label(name, 1, 1));
        c.extend([counts.issued, counts.repealed, counts.in_force].map(|v| number(v, 1)));
    }
    c.push(label("第二十条第（五）项", 4, 1));
    c.extend([label("信息内容", 1, 1), label("本年处理决定数量", 3, 1)]);
    c.extend([label("行政许可", 1, 1), number(t.licensing, 3)]);
    c.push(label("第二十条第（六）项", 4, 1));
    c.extend([label("信息内容", 1, 1), label("本年处理决定数量", 3, 1)]);
    c.extend([label("行政处罚", 1, 1), number(t.penalties, 3)]);
    c.extend([label("行政强制", 1, 1), number(t.enforcement, 3)]);
    c.push(label("第二十条第（八）项", 4, 1));
    c.extend([label("信息内容", 1, 1), label("本年收费金额（单位：万元）", 3, 1)]);
    c.extend([
        label("行政事业性收费", 1, 1),
        cell(Code::str(&t.fees.to_string()), 3, 1, Align::Center),
    ]);
    Code::call("table", c, [("columns", Code::trusted("(1.3fr, 1fr, 1fr, 1fr)"))])
}

/// The data columns of section 三, in order.
const APPLICANT_COLUMNS: usize = 7;

fn counts_row(row: &ApplicantCounts) -> impl Iterator<Item = Code> {
    row.printed().into_iter().map(|v| number(v, 1))
}

/// Section 三 (10 grid columns × 28 rows).
pub fn applications_table(t: &Applications) -> Code {
    let mut c = vec![
        label(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            3,
            3,
        ),
        label("申请人情况", APPLICANT_COLUMNS as u32, 1),
        label("自然人", 1, 2),
        label("法人或其他组织", 5, 1),
        label("总计", 1, 2),
    ];
    c.extend(
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
            .map(|l| label(l, 1, 1)),
    );
    c.push(row_label("一、本年新收政府信息公开申请数量", 3, 1));
    c.extend(counts_row(&t.received));
    c.push(row_label("二、上年结转政府信息公开申请数量", 3, 1));
    c.extend(counts_row(&t.carried_over));
    let r = &t.results;
    c.push(label("三、本年度办理结果", 1, 22));
    c.push(row_label("（一）予以公开", 2, 1));
    c.extend(counts_row(&r.disclosed));
    c.push(row_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2, 1));
    c.extend(counts_row(&r.partially_disclosed));
    let w = &r.withheld;
    let u = &r.unavailable;
    let n = &r.not_processed;
    let o = &r.other_handling;
    let groups: [(&'static str, Vec<(&'static str, &ApplicantCounts)>); 4] = [
        (
            "（三）不予公开",
            vec![
                ("1.属于国家秘密", &w.state_secrets),
                ("2.其他法律行政法规禁止公开", &w.prohibited_by_law),
                ("3.危及“三安全一稳定”", &w.security_and_stability),
                ("4.保护第三方合法权益", &w.third_party_rights),
                ("5.属于三类内部事务信息", &w.internal_affairs),
                ("6.属于四类过程性信息", &w.process_information),
                ("7.属于行政执法案卷", &w.enforcement_files),
                ("8.属于行政查询事项", &w.inquiry_matters),
            ],
        ),
        (
            "（四）无法提供",
            vec![
                ("1.本机关不掌握相关政府信息", &u.not_held),
                ("2.没有现成信息需要另行制作", &u.requires_creation),
                ("3.补正后申请内容仍不明确", &u.still_unclear),
            ],
        ),
        (
            "（五）不予处理",
            vec![
                ("1.信访举报投诉类申请", &n.petitions_and_complaints),
                ("2.重复申请", &n.repeated),
                ("3.要求提供公开出版物", &n.publications),
                ("4.无正当理由大量反复申请", &n.excessive),
                ("5.要求行政机关确认或重新出具已获取信息", &n.confirmation),
            ],
        ),
        (
            "（六）其他处理",
            vec![
                (
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    &o.no_correction,
                ),
                (
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    &o.fee_unpaid,
                ),
                ("3.其他", &o.other),
            ],
        ),
    ];
    for (group, rows) in groups {
        c.push(row_label(group, 1, rows.len() as u32));
        for (name, row) in rows {
            c.push(row_label(name, 1, 1));
            c.extend(counts_row(row));
        }
    }
    c.push(row_label("（七）总计", 2, 1));
    c.extend(counts_row(&r.total()));
    c.push(row_label("四、结转下年度继续办理", 3, 1));
    c.extend(counts_row(&t.carried_forward));
    table(
        Code::trusted(
            "(1.5em, 3.2em, 1fr, 3.4em, 3.4em, 3.4em, 3.4em, 3.4em, 3.4em, 3.6em)",
        ),
        10,
        c,
    )
}

/// Section 四 (15 columns × 4 rows).
pub fn reviews_table(t: &ReviewsAndLawsuits) -> Code {
    let outcome_labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut c = vec![label("行政复议", 5, 1), label("行政诉讼", 10, 1)];
    c.extend(outcome_labels.map(|l| label(l, 1, 2)));
    c.extend([label("未经复议直接起诉", 5, 1), label("复议后起诉", 5, 1)]);
    c.extend(outcome_labels.map(|l| label(l, 1, 1)));
    c.extend(outcome_labels.map(|l| label(l, 1, 1)));
    for o in [&t.review, &t.lawsuits_direct, &t.lawsuits_after_review] {
        c.extend(o.printed().map(|v| number(v, 1)));
    }
    Code::call("table", c, [("columns", Code::trusted("15"))])
}
