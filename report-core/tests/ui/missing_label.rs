//! A value column without its header label.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Counts {
    #[table(label = "件数")]
    count: u64,
    other: u64,
}

fn main() {}
