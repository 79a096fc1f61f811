//! Typst table markup of the three statutory tables, cell for cell as docs/format.md §3.
//!
//! The tables are declared with `#[derive(Table)]` on the types of [`crate::tables`]:
//! every label is an attribute there, every number is a field or a `total()`, and every
//! cell goes through [`crate::markup::cell`] as a string literal.

use crate::markup::Code;
use crate::table::Table;
use crate::tables::{ActiveDisclosure, Applications, ReviewsAndLawsuits};

/// Section 二 (4 columns × 14 rows).
pub fn active_disclosure_table(t: &ActiveDisclosure) -> Code {
    t.to_code()
}

/// Section 三 (10 grid columns × 28 rows; the 3 header rows repeat on page breaks).
pub fn applications_table(t: &Applications) -> Code {
    t.to_code()
}

/// Section 四 (15 columns × 4 rows; the 3 header rows repeat on page breaks).
pub fn reviews_table(t: &ReviewsAndLawsuits) -> Code {
    t.to_code()
}
