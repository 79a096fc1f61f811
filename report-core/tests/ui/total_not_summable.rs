//! A `total` over values that cannot be summed.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Names {
    #[table(label = "甲")]
    first: String,
    #[table(label = "乙")]
    second: String,
    #[table(label = "合计", total)]
    stated_total: Option<String>,
}

fn main() {}
