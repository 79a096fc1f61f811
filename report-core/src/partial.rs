//! The cells of a report's tables that could not be read: blank, `/`, not a number,
//! missing, or under a label that could not be matched. Validation skips every rule
//! that needs one of them, and runs every other rule ([`crate::validate::validate_partial`]).
//!
//! The set is held as a mask in the shape of the tables themselves ([`Tables`]): a cell
//! is 1 where its value is unknown and 0 where it is known. So the rules walk the mask
//! with the same typed accessors as the values, and a computed total of the mask (say,
//! [`ApplicantCounts::total`](crate::ApplicantCounts::total)) is non-zero exactly when a
//! part it is computed from is unknown.

use rust_decimal::Decimal;

use crate::tables::Tables;

/// Which cells of the three tables are unknown. [`Unknown::default`] is none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unknown {
    mask: Tables,
}

impl Unknown {
    /// No cell unknown: every rule runs.
    pub fn none() -> Self {
        Unknown::default()
    }

    /// The mask: each cell 1 where the value is unknown, 0 where it is known (the fee
    /// 1 or 0 likewise); a stated total is `Some` where the data stated one.
    pub fn from_mask(mask: Tables) -> Self {
        Unknown { mask }
    }

    /// The mask (see [`Unknown::from_mask`]).
    pub fn mask(&self) -> &Tables {
        &self.mask
    }

    /// Whether every cell is known.
    pub fn is_empty(&self) -> bool {
        self.mask == Tables::default() || {
            let m = &self.mask;
            let ad = &m.active_disclosure;
            let none_2 = [&ad.rules, &ad.normative_documents]
                .iter()
                .all(|d| d.issued == 0 && d.repealed == 0 && d.in_force == 0)
                && ad.licensing == 0
                && ad.penalties == 0
                && ad.enforcement == 0
                && ad.fees == Decimal::ZERO;
            let apps = &m.applications;
            let none_3 = crate::labels::application_rows(apps)
                .iter()
                .all(|(_, r)| r.printed() == [0; 7])
                && apps.results.total().printed() == [0; 7];
            let r = &m.reviews_and_lawsuits;
            let none_4 = [&r.review, &r.lawsuits_direct, &r.lawsuits_after_review]
                .iter()
                .all(|o| o.printed() == [0; 5]);
            none_2 && none_3 && none_4
        }
    }
}
