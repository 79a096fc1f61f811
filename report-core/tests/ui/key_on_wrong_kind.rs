//! Keys that belong to the other kind of struct.
use report_core::Table;

#[derive(Table)]
#[table(row, corner = "类别")]
struct Counts {
    #[table(label = "件数", block = "第二十条")]
    count: u64,
}

#[derive(Table)]
#[table(rows)]
struct Block {
    #[table(label = "一", group = "组")]
    first: Counts,
}

fn main() {}
