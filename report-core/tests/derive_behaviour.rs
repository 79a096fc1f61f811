//! Behaviour of `#[derive(Table)]` on structs of a user's own: grids, totals, formatting,
//! escaping, widths, and the Typst code that reaches the renderer.

use report_core::Decimal;
use report_core::Table;
use report_core::table::Align;
use report_core::table::{CellKind, Grid, GridCell, Row, Rows, Table as _};

/// 人大代表建议 / 政协提案: counts, a total computed unless stated.
#[derive(Debug, Clone, Default, Table)]
#[table(row)]
struct Handled {
    #[table(label = "件数")]
    received: u64,
    #[table(label = "已办结", group = "办理情况")]
    closed: u64,
    #[table(label = "办理中", group = "办理情况")]
    open: u64,
    #[table(label = "合计", total)]
    stated_total: Option<u64>,
    #[table(skip)]
    #[allow(dead_code, reason = "a field the table leaves out")]
    note: String,
}

#[derive(Debug, Clone, Default, Table)]
#[table(
    row,
    head = "办理情况汇总",
    widths("1fr", "1fr", "1fr", "1fr", "1fr", "1fr", "1fr", "1fr", "2fr")
)]
struct Proposals {
    #[table(nested, label = "人大代表建议")]
    deputies: Handled,
    #[table(nested, label = "政协提案")]
    members: Handled,
    #[table(label = "备注", align = "left")]
    remark: String,
}

#[derive(Debug, Clone, Default, Table)]
#[table(rows, label_align = "left")]
struct Sources {
    #[table(label = "1.来信")]
    letters: Handled,
    #[table(label = "2.来访")]
    visits: Handled,
}

#[derive(Debug, Clone, Default, Table)]
#[table(rows, corner = "类别", head = "数量")]
struct ByKind {
    #[table(label = "一、建议")]
    suggestions: Handled,
    #[table(nested, label = "二、按来源")]
    sources: Sources,
    #[table(label = "三、合计", with = ByKind::sum)]
    stated_sum: Option<Handled>,
    #[table(label = "四、经费（万元）", value, colspan = 4)]
    budget: Decimal,
}

impl ByKind {
    /// The stated sum if there is one, else the sum of the rows.
    fn sum(&self) -> Handled {
        if let Some(stated) = &self.stated_sum {
            return stated.clone();
        }
        let rows = [&self.suggestions, &self.sources.letters, &self.sources.visits];
        Handled {
            received: rows.iter().map(|r| r.received).sum(),
            closed: rows.iter().map(|r| r.closed).sum(),
            open: rows.iter().map(|r| r.open).sum(),
            stated_total: None,
            note: String::new(),
        }
    }
}

fn handled(received: u64, closed: u64, open: u64) -> Handled {
    Handled { received, closed, open, stated_total: None, note: "不印出".into() }
}

fn at(grid: &Grid, row: u32, col: u32) -> &GridCell {
    grid.cell_at(row, col).unwrap_or_else(|| panic!("no cell at {row},{col}: {grid:#?}"))
}

fn span(cell: &GridCell) -> (u32, u32) {
    (cell.rowspan, cell.colspan)
}

#[test]
fn a_total_column_prints_the_stated_total_else_the_sum_of_its_row() {
    assert_eq!(Handled::WIDTH, 4);
    let mut values = Vec::new();
    handled(5, 3, 2).values(&mut values);
    let texts: Vec<&str> = values.iter().map(|v| v.text.as_str()).collect();
    assert_eq!(texts, ["5", "3", "2", "10"]);
    values.clear();
    Handled { stated_total: Some(7), ..handled(5, 3, 2) }.values(&mut values);
    assert_eq!(values[3].text, "7");
    values.clear();
    handled(u64::MAX, 1, 0).values(&mut values);
    assert_eq!(values[3].text, u64::MAX.to_string(), "the sum saturates");
}

#[test]
fn nested_rows_make_a_multi_level_header() {
    let t = Proposals {
        deputies: handled(1, 2, 3),
        members: Handled { stated_total: Some(99), ..handled(4, 5, 6) },
        remark: "无".into(),
    };
    assert_eq!(<Proposals as report_core::table::Table>::COLUMNS, 9);
    let g = t.grid();
    g.check().unwrap();
    assert_eq!((g.rows, g.columns, g.header_rows), (5, 9, 4));
    assert_eq!(
        (at(&g, 0, 0).text.as_str(), span(at(&g, 0, 0))),
        ("办理情况汇总", (1, 9))
    );
    assert_eq!(
        (at(&g, 1, 0).text.as_str(), span(at(&g, 1, 0))),
        ("人大代表建议", (1, 4))
    );
    assert_eq!((at(&g, 1, 4).text.as_str(), span(at(&g, 1, 4))), ("政协提案", (1, 4)));
    // A leaf reaches down to the last header row; a group sits over its leaves.
    assert_eq!((at(&g, 1, 8).text.as_str(), span(at(&g, 1, 8))), ("备注", (3, 1)));
    assert_eq!((at(&g, 2, 0).text.as_str(), span(at(&g, 2, 0))), ("件数", (2, 1)));
    assert_eq!((at(&g, 2, 1).text.as_str(), span(at(&g, 2, 1))), ("办理情况", (1, 2)));
    assert_eq!((at(&g, 3, 1).text.as_str(), span(at(&g, 3, 1))), ("已办结", (1, 1)));
    assert_eq!((at(&g, 2, 7).text.as_str(), span(at(&g, 2, 7))), ("合计", (2, 1)));
    let body: Vec<&str> =
        g.cells.iter().filter(|c| c.row == 4).map(|c| c.text.as_str()).collect();
    assert_eq!(body, ["1", "2", "3", "6", "4", "5", "6", "99", "无"]);
    assert!(g.cells.iter().filter(|c| c.row == 4).all(|c| c.kind == CellKind::Value));
    assert_eq!(at(&g, 4, 8).align, Align::Left);
    assert_eq!(g.widths, Some("(1fr, 1fr, 1fr, 1fr, 1fr, 1fr, 1fr, 1fr, 2fr)"));
}

#[test]
fn nested_blocks_of_rows_get_spanning_labels_and_enough_label_columns() {
    assert_eq!(<Sources as Rows>::LABEL_DEPTH, 1);
    assert_eq!(<ByKind as Rows>::LABEL_DEPTH, 2);
    let t = ByKind {
        suggestions: handled(1, 1, 0),
        sources: Sources { letters: handled(2, 1, 1), visits: handled(3, 3, 0) },
        stated_sum: None,
        budget: "12.50".parse().unwrap(),
    };
    let g = t.grid();
    g.check().unwrap();
    assert_eq!((g.rows, g.columns, g.header_rows), (8, 6, 3));
    // Corner over both label columns and both header rows; the head over the values.
    assert_eq!((at(&g, 0, 0).text.as_str(), span(at(&g, 0, 0))), ("类别", (3, 2)));
    assert_eq!((at(&g, 0, 2).text.as_str(), span(at(&g, 0, 2))), ("数量", (1, 4)));
    // A row label reaches the last label column; a group label spans its rows.
    assert_eq!((at(&g, 3, 0).text.as_str(), span(at(&g, 3, 0))), ("一、建议", (1, 2)));
    assert_eq!((at(&g, 4, 0).text.as_str(), span(at(&g, 4, 0))), ("二、按来源", (2, 1)));
    assert_eq!((at(&g, 4, 1).text.as_str(), span(at(&g, 4, 1))), ("1.来信", (1, 1)));
    assert_eq!(at(&g, 4, 1).align, Align::Left, "the nested struct's label_align");
    assert_eq!(at(&g, 3, 0).align, Align::Center, "this struct's default");
    assert_eq!(at(&g, 5, 1).text, "2.来访");
    // The `with` row is computed; the value row spans all value columns, as given.
    let sum: Vec<&str> =
        g.cells.iter().filter(|c| c.row == 6).map(|c| c.text.as_str()).collect();
    assert_eq!(sum, ["三、合计", "6", "5", "1", "12"]);
    assert_eq!((at(&g, 7, 2).text.as_str(), span(at(&g, 7, 2))), ("12.50", (1, 4)));
}

#[test]
fn user_text_reaches_typst_as_a_string_literal() {
    let t = Proposals {
        remark: "#read(\"/etc/passwd\") ]*x* // \\".into(),
        ..Default::default()
    };
    let code = t.grid().to_code().into_string();
    assert!(
        code.contains(
            r##"table.cell("#read(\"/etc/passwd\") ]*x* // \\", align: left + horizon)"##
        ),
        "{code}"
    );
    assert!(
        code.starts_with("table(table.header(table.cell(\"办理情况汇总\", colspan: 9")
    );
    assert!(code.ends_with("columns: (1fr, 1fr, 1fr, 1fr, 1fr, 1fr, 1fr, 1fr, 2fr))"));
}

#[test]
fn code_lists_header_rows_in_table_header_and_cells_in_reading_order() {
    let code = ByKind::default().grid().to_code().into_string();
    // The first row label, a header cell outside the header rows, is marked one.
    let header_end = code
        .find("), pdf.header-cell(table.cell(\"一、建议\"")
        .expect("header closes before the body");
    assert!(
        code[..header_end].starts_with(
            "table(table.header(table.cell(\"类别\", colspan: 2, rowspan: 3"
        )
    );
    assert!(!code[header_end..].contains("table.header"));
    assert!(code.ends_with("columns: 6)"), "no widths: equal auto columns");
    let order: Vec<usize> =
        ["\"一、建议\"", "\"二、按来源\"", "\"1.来信\"", "\"2.来访\"", "\"三、合计\""]
            .iter()
            .map(|l| code.find(l).unwrap())
            .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{code}");
}

#[test]
fn numbers_print_in_full_and_decimals_as_given() {
    #[derive(Table)]
    #[table(row)]
    struct Money {
        #[table(label = "金额")]
        amount: Decimal,
        #[table(label = "件数")]
        count: u64,
        #[table(label = "可选")]
        maybe: Option<i32>,
        #[table(label = "名称", colspan = 2)]
        name: &'static str,
    }
    let g = Money {
        amount: "24252.311082".parse().unwrap(),
        count: 3_985_758,
        maybe: None,
        name: "甲",
    }
    .grid();
    g.check().unwrap();
    let body: Vec<&str> =
        g.cells.iter().filter(|c| c.row == 1).map(|c| c.text.as_str()).collect();
    assert_eq!(body, ["24252.311082", "3985758", "", "甲"]);
    assert_eq!(span(at(&g, 0, 3)), (1, 2), "a colspan widens the header too");
    assert_eq!(span(at(&g, 1, 3)), (1, 2));
}

/// A row whose last cell is computed by a function from a field that is no stated value.
#[derive(Debug, Clone, Default, Table)]
#[table(row)]
struct Shares {
    #[table(label = "甲")]
    a: u64,
    #[table(label = "比例", with = Shares::ratio)]
    #[allow(
        dead_code,
        reason = "the cell shows `ratio`; the field only carries the label"
    )]
    ratio_basis: (),
}

impl Shares {
    fn ratio(&self) -> String {
        format!("{}%", self.a)
    }
}

#[test]
fn the_catalogue_gives_every_value_cell_with_its_labels_keys_fields_and_source() {
    use report_core::table::catalogue::{Source, ValueKind};
    let cells = ByKind::catalogue();
    // 5 cells in each of 4 rows of `Handled`, and the budget.
    assert_eq!(cells.len(), 4 * 4 + 1);
    let first = &cells[0];
    assert_eq!(first.row, ["一、建议"]);
    assert_eq!(first.column, ["数量", "件数"]);
    assert_eq!(first.keys, ["一、建议", "件数"]);
    assert_eq!(first.fields, ["suggestions", "received"]);
    assert_eq!(
        (first.kind, first.source, first.stated_row),
        (ValueKind::Integer, Source::Data, None)
    );
    // A column group is a heading, not a key; the skipped field is no cell.
    let closed = &cells[1];
    assert_eq!(closed.column, ["数量", "办理情况", "已办结"]);
    assert_eq!(closed.keys, ["一、建议", "已办结"]);
    assert_eq!(cells[3].source, Source::StatedOrComputed);
    // A nested block's label is part of its rows' labels and keys.
    assert_eq!(cells[4].row, ["二、按来源", "1.来信"]);
    assert_eq!(cells[4].fields, ["sources", "letters", "received"]);
    // A `with` row of `Option` type may be stated as a whole: keyed from its 2nd label.
    let sum = &cells[12];
    assert_eq!(sum.keys, ["三、合计", "件数"]);
    assert_eq!((sum.source, sum.stated_row), (Source::Data, Some(1)));
    assert_eq!(cells[15].source, Source::StatedOrComputed);
    let budget = cells.last().unwrap();
    assert_eq!(
        (budget.kind, budget.fields.as_slice()),
        (ValueKind::Decimal, &["budget"][..])
    );
    // A nested row's label and a group over nested rows key their columns.
    let p = Proposals::catalogue();
    assert_eq!(p[0].column, ["办理情况汇总", "人大代表建议", "件数"]);
    assert_eq!(p[0].keys, ["人大代表建议", "件数"]);
    assert_eq!(p.last().unwrap().kind, ValueKind::Text);
    // `with` on a field that holds no value: computed, never data.
    let s = Shares::catalogue();
    assert_eq!((s[1].kind, s[1].source), (ValueKind::Text, Source::Computed));
}

#[test]
fn rows_of_gives_the_rows_of_one_type_in_declaration_order() {
    let mut t = ByKind::default();
    t.sources.visits.received = 7;
    let rows = report_core::table::rows_of::<_, Handled>(&t);
    // 一, 1.来信, 2.来访; the stated sum is an Option and not a row of this type.
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2].received, 7);
    for row in report_core::table::rows_of_mut::<_, Handled>(&mut t) {
        row.closed = 1;
    }
    assert_eq!((t.suggestions.closed, t.sources.letters.closed), (1, 1));
}

/// A crate that reaches report_core only through another crate's re-export (as an
/// embedder of report-typst does: `report_typst::report_core`) names that path once.
mod through_a_reexport {
    /// Stands for `report_typst`: report_core under another path.
    pub mod renderer {
        pub use report_core;
    }

    #[derive(Debug, Clone, Default, renderer::report_core::Table)]
    #[table(row, crate = "self::renderer::report_core")]
    pub struct Counts {
        #[table(label = "件数")]
        pub count: u64,
        #[table(label = "合计", total)]
        pub stated_total: Option<u64>,
    }
}

#[test]
fn the_derive_names_report_core_through_the_given_path() {
    use through_a_reexport::renderer::report_core::table::Table as _;
    let grid = through_a_reexport::Counts { count: 3, stated_total: None }.grid();
    let cells: Vec<&str> = grid.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(cells, ["件数", "合计", "3", "3"]);
}
