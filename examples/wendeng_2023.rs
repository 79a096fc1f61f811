//! Writes the seed report (威海市文登区科学技术局, 2023) as a PDF and prints its path.

fn main() {
    let report = report_examples::wendeng_2023();
    println!("{}", report.title());
}
