//! The report's outline, the same in every format: the six section titles and headings,
//! the run-in titles of items, and the statutory tables as grids. The Typst data
//! ([`crate::document`]), the web page, the Word document and the readers all take their
//! headings from here.

use crate::diagnostic::TableId;
use crate::model::Report;
use crate::numbering;
use crate::table::{Grid, Table};
use crate::tables::{ActiveDisclosure, Applications, ReviewsAndLawsuits};

/// The six section headings without their numbers, in order (docs/format.md §2).
pub const SECTION_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// The six section headings as printed, e.g. `一、总体情况`.
pub fn section_headings() -> [String; 6] {
    std::array::from_fn(|i| {
        format!("{}{}", numbering::label(1, i + 1), SECTION_TITLES[i])
    })
}

/// The title of an item as printed after its number: a full stop is added unless the
/// title already ends in punctuation.
pub fn run_in_title(title: &str) -> String {
    const ENDS: &[char] = &['。', '：', ':', '；', '！', '？', '.', '，'];
    if title.is_empty() || title.ends_with(ENDS) {
        title.to_owned()
    } else {
        format!("{title}。")
    }
}

/// The three statutory tables of `report` laid out as grids, in the order of the report.
pub fn statutory_grids(report: &Report) -> [(TableId, Grid); 3] {
    grids(&report.active_disclosure, &report.applications, &report.reviews_and_lawsuits)
}

/// The three statutory tables holding no data (every count 0), as grids: the labels
/// and merges every report prints.
pub fn blank_statutory_grids() -> [(TableId, Grid); 3] {
    grids(
        &ActiveDisclosure::default(),
        &Applications::default(),
        &ReviewsAndLawsuits::default(),
    )
}

fn grids(
    section2: &ActiveDisclosure,
    section3: &Applications,
    section4: &ReviewsAndLawsuits,
) -> [(TableId, Grid); 3] {
    [
        (TableId::Section2, section2.grid()),
        (TableId::Section3, section3.grid()),
        (TableId::Section4, section4.grid()),
    ]
}
