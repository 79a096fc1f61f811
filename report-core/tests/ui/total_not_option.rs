//! A `total` must be an `Option`: `None` means computed.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Counts {
    #[table(label = "件数")]
    count: u64,
    #[table(label = "总计", total)]
    total: u64,
}

fn main() {}
