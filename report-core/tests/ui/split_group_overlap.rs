//! A header group split by another column: its cell would overlap that column's header.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Counts {
    #[table(label = "商业企业", group = "法人或其他组织")]
    businesses: u64,
    #[table(label = "自然人")]
    persons: u64,
    #[table(label = "其他", group = "法人或其他组织")]
    others: u64,
}

fn main() {}
