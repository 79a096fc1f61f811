//! A `nested` field whose type is not a derived row.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Counts {
    #[table(label = "件数")]
    count: u64,
    #[table(nested, label = "其他")]
    other: u64,
}

fn main() {}
