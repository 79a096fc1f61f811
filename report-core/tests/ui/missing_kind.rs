//! Neither `row` nor `rows`.
use report_core::Table;

#[derive(Table)]
struct Counts {
    #[table(label = "件数")]
    count: u64,
}

fn main() {}
