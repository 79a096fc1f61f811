//! A row of a block that is neither a derived row nor marked `value` or `nested`.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Counts {
    #[table(label = "件数")]
    count: u64,
}

#[derive(Table)]
#[table(rows)]
struct Block {
    #[table(label = "一")]
    first: Counts,
    #[table(label = "二")]
    second: u64,
    #[table(nested, label = "三")]
    third: Counts,
}

fn main() {}
