//! A value row wider than the table's value columns overlaps; one narrower leaves a hole.
use report_core::Table;

#[derive(Table)]
#[table(row)]
struct Documents {
    #[table(label = "本年制发件数")]
    issued: u64,
    #[table(label = "本年废止件数")]
    repealed: u64,
    #[table(label = "现行有效件数")]
    in_force: u64,
}

#[derive(Table)]
#[table(rows)]
struct Active {
    #[table(label = "规章")]
    rules: Documents,
    #[table(label = "行政许可", value, colspan = 4)]
    licensing: u64,
    #[table(label = "行政处罚", value, colspan = 2)]
    penalties: u64,
}

fn main() {}
