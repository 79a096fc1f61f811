//! Golden files of the Typst code of the three statutory tables, as the renderer gets it
//! (`tests/golden/*.typ`; `UPDATE_GOLDEN=1` rewrites them after a deliberate change).

use std::path::PathBuf;

use report_core::table::Table;
use report_core::{
    ActiveDisclosure, ApplicantCounts, Applications, Outcomes, ReviewsAndLawsuits,
};

fn assert_golden(name: &str, code: &str) {
    let path: PathBuf =
        [env!("CARGO_MANIFEST_DIR"), "tests", "golden", &format!("{name}.typ")]
            .iter()
            .collect();
    // One cell a line, so that a diff shows the cell that changed.
    let text = code
        .replace(", table.cell(", ",\n  table.cell(")
        .replace("(table.cell(", "(\n  table.cell(")
        + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("missing {}; run with UPDATE_GOLDEN=1", path.display())
    });
    assert!(
        expected == text,
        "{name}: the code differs from {}:\n{text}",
        path.display()
    );
}

#[test]
fn section_2_code_is_the_golden_file() {
    let t = ActiveDisclosure {
        licensing: 12,
        penalties: 3_985_758,
        fees: "24252.311082".parse().unwrap(),
        ..ActiveDisclosure::default()
    };
    assert_golden("active_disclosure", t.grid().to_code().as_str());
}

#[test]
fn section_3_code_is_the_golden_file() {
    let mut t = Applications {
        received: ApplicantCounts {
            natural_persons: 5,
            businesses: 1,
            ..Default::default()
        },
        ..Applications::default()
    };
    t.results.disclosed =
        ApplicantCounts { natural_persons: 4, businesses: 1, ..Default::default() };
    t.carried_forward =
        ApplicantCounts { stated_total: Some(9), ..ApplicantCounts::from_parts([1; 6]) };
    assert_golden("applications", t.grid().to_code().as_str());
}

#[test]
fn section_4_code_is_the_golden_file() {
    let t = ReviewsAndLawsuits {
        review: Outcomes { upheld: 1, pending: 1, ..Default::default() },
        lawsuits_direct: Outcomes {
            stated_total: Some(3),
            ..Outcomes { upheld: 1, corrected: 1, ..Default::default() }
        },
        lawsuits_after_review: Outcomes::default(),
    };
    assert_golden("reviews", t.grid().to_code().as_str());
}
