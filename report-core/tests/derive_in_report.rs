//! A table of the user's own inside a report: printed after its item's paragraphs, its
//! cells part of the report's text, and never part of the data file.

use crate::common;

use report_core::document::document;
use report_core::fields::{TextRole, fields};
use report_core::table::Table as _;
use report_core::{Item, Report, Table};

#[derive(Table)]
#[table(row, head = "建议提案办理情况")]
struct Proposals {
    #[table(label = "人大代表建议")]
    deputies: u64,
    #[table(label = "政协提案")]
    members: u64,
    #[table(label = "备注")]
    note: String,
}

fn report_with_table() -> (Report, Proposals) {
    let table = Proposals { deputies: 2, members: 1, note: "全部办结\"]#".into() };
    let mut report = common::built_report();
    let item =
        Item::new("人大代表建议和政协提案办理情况", ["办理如下表。"]).with_table(&table);
    report.other_matters.items.insert(0, item);
    (report, table)
}

#[test]
fn the_table_follows_its_items_paragraphs_in_the_document() {
    let (report, table) = report_with_table();
    let code = document(&report).into_string();
    let table_code = table.grid().to_code().into_string();
    let paragraph = code.find("\"办理如下表。\"").expect("the item's paragraph");
    let at = code.find(&table_code).expect("the table's code is in the document");
    assert!(paragraph < at);
    assert!(code[..at].ends_with("(kind: \"table\", body: "), "a table block");
    assert!(
        table_code.contains(r##""全部办结\"]#""##),
        "user text stays a string literal"
    );
}

#[test]
fn the_tables_cells_are_text_fields_of_the_report() {
    let (report, _) = report_with_table();
    let fields = fields(&report);
    let note = fields
        .iter()
        .find(|f| f.text == Some("全部办结\"]#"))
        .expect("the note is a text field");
    assert!(
        note.location
            .to_string()
            .ends_with("人大代表建议和政协提案办理情况 / 表1 / 第3行第3列"),
        "{}",
        note.location
    );
    assert_eq!(note.role, Some(TextRole::Body), "the note is printed in the body's font");
    assert_eq!(note.key, None, "data files cannot carry an item's own table");
    assert!(fields.iter().any(|f| f.text == Some("建议提案办理情况")));
}

#[test]
fn data_files_carry_no_tables() {
    let (report, _) = report_with_table();
    let json = serde_json::to_string(&report).unwrap();
    assert!(!json.contains("建议提案办理情况"), "serde skips tables");
    let back: Report = serde_json::from_str(&json).unwrap();
    assert!(back.other_matters.items[0].tables.is_empty());
    assert_eq!(back.other_matters.items[0].paragraphs, ["办理如下表。"]);
}
