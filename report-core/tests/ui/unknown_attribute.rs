//! An unknown key, on the struct and on a field.
use report_core::Table;

#[derive(Table)]
#[table(row, colour = "red")]
struct Counts {
    #[table(label = "件数", bold)]
    count: u64,
}

fn main() {}
