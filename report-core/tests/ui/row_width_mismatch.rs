//! A row whose type has fewer columns than the table's first row leaves a hole.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Three {
    #[table(label = "a")]
    a: u64,
    #[table(label = "b")]
    b: u64,
    #[table(label = "c")]
    c: u64,
}

#[derive(Table)]
#[table(row)]
struct Two {
    #[table(label = "a")]
    a: u64,
    #[table(label = "b")]
    b: u64,
}

#[derive(Table)]
#[table(rows)]
struct Block {
    #[table(label = "一")]
    first: Three,
    #[table(label = "二")]
    second: Two,
}

fn main() {}
