//! A key given twice, in one attribute or across two.
use report_core::Table;

#[derive(Table)]
#[table(row)]
#[table(row)]
struct Counts {
    #[table(label = "件数", label = "数量")]
    count: u64,
}

fn main() {}
