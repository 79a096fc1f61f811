//! A field type that cannot be a table cell.
use report_core::Table;

struct Opaque;

#[derive(Table)]
#[table(row)]
struct Counts {
    #[table(label = "件数")]
    count: u64,
    #[table(label = "对象")]
    thing: Opaque,
}

fn main() {}
