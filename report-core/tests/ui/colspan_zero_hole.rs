//! A span of zero columns leaves a hole.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Counts {
    #[table(label = "件数", colspan = 0)]
    count: u64,
}

fn main() {}
