//! `widths` must give one width per grid column, each a Typst length.
use report_core::Table;

#[derive(Table)]
#[table(row, widths("1fr", "2fr", "3fr"))]
struct Counts {
    #[table(label = "件数")]
    count: u64,
    #[table(label = "金额")]
    amount: u64,
}

#[derive(Table)]
#[table(row, widths("1fr", "wide"))]
struct Other {
    #[table(label = "件数")]
    count: u64,
    #[table(label = "金额")]
    amount: u64,
}

fn main() {}
