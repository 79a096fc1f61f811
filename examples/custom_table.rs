//! A table the statutes don't define, declared with `#[derive(Table)]` and printed in 六.
//!
//! `cargo run --release --example custom_table [-- OUT.pdf]`: declares
//! 人大代表建议和政协提案办理情况 with a three-level header (办理情况（件） → 办理结果 →
//! A类 …) and row groups (人大代表建议 over its rows), adds it to the seed report's item
//! 人大代表建议和政协委员提案办理方面 under 六、其他需要报告的事项, and writes the PDF to
//! `out/custom_table.pdf` unless a path is given. Its path is the last line printed.

use std::path::PathBuf;
use std::process::ExitCode;

use report_core::{Report, Table};

/// 办理结果: the outcome classes, 小计 computed unless stated.
#[derive(Debug, Clone, Default, Table)]
#[table(row)]
pub struct Outcome {
    /// A类: 所提问题已经解决或采纳.
    #[table(label = "A类")]
    pub solved: u64,
    /// B类: 正在解决或列入计划解决.
    #[table(label = "B类")]
    pub planned: u64,
    /// C类: 因条件限制留作参考.
    #[table(label = "C类")]
    pub reference: u64,
    /// 小计 as stated; `None` prints the sum of A, B and C.
    #[table(label = "小计", total)]
    pub stated_total: Option<u64>,
}

/// One row: how many were assigned, led or assisted, and their outcomes.
#[derive(Debug, Clone, Default, Table)]
#[table(row)]
pub struct Handling {
    /// 承办件数.
    #[table(label = "承办件数")]
    pub assigned: u64,
    /// 其中主办.
    #[table(label = "主办", group = "其中")]
    pub led: u64,
    /// 其中协办.
    #[table(label = "协办", group = "其中")]
    pub assisted: u64,
    /// 办理结果 by class.
    #[table(nested, label = "办理结果")]
    pub outcome: Outcome,
}

impl Handling {
    fn add(&self, other: &Handling) -> Handling {
        let (a, b) = (&self.outcome, &other.outcome);
        Handling {
            assigned: self.assigned + other.assigned,
            led: self.led + other.led,
            assisted: self.assisted + other.assisted,
            outcome: Outcome {
                solved: a.solved + b.solved,
                planned: a.planned + b.planned,
                reference: a.reference + b.reference,
                stated_total: None,
            },
        }
    }
}

/// Rows by the level of the congress or conference that made them.
#[derive(Debug, Clone, Default, Table)]
#[table(rows, label_align = "left")]
pub struct ByLevel {
    /// 市级.
    #[table(label = "市级")]
    pub city: Handling,
    /// 区级.
    #[table(label = "区级")]
    pub district: Handling,
}

/// 人大代表建议和政协提案办理情况.
#[derive(Debug, Clone, Default, Table)]
#[table(
    rows,
    corner = "类别",
    head = "办理情况（件）",
    widths("7em", "3em", "1fr", "1fr", "1fr", "1fr", "1fr", "1fr", "1fr")
)]
pub struct Proposals {
    /// 人大代表建议.
    #[table(nested, label = "人大代表建议")]
    pub deputies: ByLevel,
    /// 政协提案.
    #[table(nested, label = "政协提案")]
    pub members: ByLevel,
    /// 合计 as stated; `None` prints the sum of the four rows.
    #[table(label = "合计", with = Proposals::total)]
    pub stated_total: Option<Handling>,
}

impl Proposals {
    /// 合计: the stated row, else the sum of the four rows.
    pub fn total(&self) -> Handling {
        self.stated_total.clone().unwrap_or_else(|| {
            [&self.deputies.district, &self.members.city, &self.members.district]
                .into_iter()
                .fold(self.deputies.city.clone(), |acc, row| acc.add(row))
        })
    }
}

/// The seed report, its item on proposals carrying the table.
pub fn report_with_proposals() -> Report {
    let proposals = Proposals {
        deputies: ByLevel {
            city: Handling::default(),
            district: Handling {
                assigned: 2,
                led: 1,
                assisted: 1,
                outcome: Outcome {
                    solved: 1,
                    planned: 1,
                    reference: 0,
                    stated_total: None,
                },
            },
        },
        members: ByLevel {
            city: Handling::default(),
            district: Handling {
                assigned: 1,
                led: 1,
                assisted: 0,
                outcome: Outcome {
                    solved: 1,
                    planned: 0,
                    reference: 0,
                    stated_total: None,
                },
            },
        },
        stated_total: None,
    };
    let mut report = report_examples::wendeng_2023();
    let item = report
        .other_matters
        .items
        .iter_mut()
        .find(|i| i.title.starts_with("人大代表建议"))
        .expect("the seed report has an item on proposals");
    item.add_table(&proposals);
    report
}

#[allow(dead_code, reason = "tests include this file as a module for its report")]
fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("out/custom_table.pdf"), PathBuf::from);
    let report = report_with_proposals();
    let rendered =
        match report_typst::render(&report, &report_typst::RenderOptions::default()) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
    let written = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&out, &rendered.pdf))
        .and_then(|()| std::fs::canonicalize(&out));
    match written {
        Ok(path) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
