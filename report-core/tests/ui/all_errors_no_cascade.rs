//! Several mistakes are all reported at once, and the struct's uses raise no second error.
use report_core::Table;
use report_core::table::Table as _;

#[derive(Table)]
#[table(row)]
struct Counts {
    #[table(label = "件数", colspan = 0)]
    count: u64,
    #[table(lable = "金额")]
    amount: u64,
    #[table(label = "其他", nested, skip)]
    other: u64,
}

fn main() {
    let _ = Counts { count: 1, amount: 2, other: 3 }.grid();
}
