//! The custom_table example's report: its own table, merged header and all, is printed
//! in 六、其他需要报告的事项 under the item it belongs to.

#[path = "../../examples/custom_table.rs"]
mod example;

use report_tests::{assert_in_order, compact, extract_text};
use report_typst::{RenderOptions, render};

#[test]
fn the_custom_table_prints_in_section_six_with_its_merged_header() {
    let report = example::report_with_proposals();
    let rendered =
        render(&report, &RenderOptions::default()).expect("the report renders");
    let text = compact(&extract_text(&rendered.pdf));
    let from =
        text.find("人大代表建议和政协委员提案办理方面").expect("the item is printed");
    let to = text.find("（三）其他方面").expect("the next item is printed");
    let item = &text[from..to];
    // Text is extracted top to bottom. A cell spanning rows is centred across them, so
    // its text comes after the first row it spans: the corner 类别 (three header rows)
    // and 承办件数 (two) come between the first header rows and the last, and each group
    // label (two rows) between its two rows. The cells of the head and the groups come
    // first, above the labels they are merged over.
    assert_in_order(
        item,
        &[
            "共承办区政协提案1件",
            "办理情况（件）",
            "其中",
            "办理结果",
            "类别",
            "承办件数",
            "主办",
            "协办",
            "A类",
            "B类",
            "C类",
            "小计",
            "市级0000000",
            "人大代表建议",
            "区级2111102",
            "市级0000000",
            "政协提案",
            "区级1101001",
            // 合计 is computed by `with = Proposals::total`; 小计 by `total`.
            "合计3212103",
        ],
    );
}
