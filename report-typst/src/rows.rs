//! Fixed row heights for the three statutory tables.
//!
//! With every row `auto`, Typst measures each row of a table before laying it out, and
//! since the measure depends on where the table lands on the page, none of it is reused
//! from one report to the next. The rows' heights depend only on the labels (fixed by the
//! format), the fonts and the numbers' widths; so they are worked out once per font set
//! and the template sets them as fixed lengths (`set table(rows: …)`). A table kept whole
//! then also needs no measuring to find the next grid line below it: its height is the
//! sum of its rows.
//!
//! **Calibration.** The template's `calibrate` lays each table out alone, every row
//! `auto`, twice: with every count `0` and with every count as wide as
//! [`DIGITS`] allows. The rows' boundaries are read off the horizontal rules Typst draws
//! between them. A table whose two layouts differ (its widest numbers would wrap) keeps
//! `auto` rows, and so does a report with a count wider than that, or any value that is
//! not a plain count: fixed heights are only ever used where they are proven to be the
//! heights `auto` would give.
//!
//! For the bundled fonts the result is committed (`templates/bundled-rows.txt`), so that
//! a cold render does not pay for a calibration: a unit test recomputes it and fails when
//! it is stale (regenerate with `GOVREPORT_BLESS_ROWS=1 cargo test --release -p
//! report-typst rows`). A font set with the user's folders is calibrated at its first
//! render, one small compile.

use std::sync::Arc;

use report_core::TableId;
use report_core::document::{TableStyle, table_block};
use report_core::labels::table_of_key;
use report_core::markup::Code;
use report_core::outline::{blank_statutory_grids, statutory_grids};
use report_core::table::{CellKind, Grid};
use typst::foundations::Datetime;
use typst::layout::{Abs, Frame, FrameItem, Point};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

use crate::fonts::FontSet;
use crate::world::ReportWorld;

/// The widest counts each table's fixed rows are proven for, in digits, in the order of
/// [`TableId::ALL`]: 二's columns are wide; 三's applicant columns hold eight digits at
/// 9 pt (docs/format.md §5); 四's fifteen columns about five.
pub(crate) const DIGITS: [usize; 3] = [8, 8, 5];

/// The committed calibration of the bundled fonts.
const BUNDLED: &str = include_str!("../templates/bundled-rows.txt");

/// One table's rows: their heights in points, top to bottom, and the widest count (in
/// digits) for which they hold.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableRows {
    pub(crate) digits: usize,
    pub(crate) heights: Vec<f64>,
}

/// The fixed rows of the three statutory tables for one font set, `None` for a table that
/// keeps `auto` rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct FixedRows {
    pub(crate) tables: [Option<TableRows>; 3],
}

impl FixedRows {
    /// The heights to set for `grid`, statutory table `id` of a report: its rows when
    /// every value is a count of at most the proven width, else `None` (`auto` rows).
    pub(crate) fn for_grid(&self, id: TableId, grid: &Grid) -> Option<&[f64]> {
        let rows = self.tables[id as usize].as_ref()?;
        let fits = grid.cells.iter().filter(|c| c.kind == CellKind::Value).all(|c| {
            c.text.len() <= rows.digits && c.text.bytes().all(|b| b.is_ascii_digit())
        });
        (fits && rows.heights.len() == grid.rows as usize).then_some(&rows.heights[..])
    }

    /// The template's `meta.rows`: for each statutory table in the order of
    /// [`TableId::ALL`], its rows' heights or `none`.
    pub(crate) fn meta(&self, report: &report_core::Report) -> Code {
        Code::array(statutory_grids(report).iter().map(|(id, grid)| {
            match self.for_grid(*id, grid) {
                Some(heights) => Code::array(heights.iter().map(|h| Code::pt(*h))),
                None => Code::none(),
            }
        }))
    }

    /// The committed calibration of the bundled fonts; `None` if it cannot be read.
    pub(crate) fn bundled() -> Option<FixedRows> {
        parse(BUNDLED)
    }

    /// The rows for `fonts`: the committed ones for the bundled set, else a calibration.
    pub(crate) fn for_fonts(fonts: &Arc<FontSet>) -> FixedRows {
        let committed = if fonts.is_bundled() { FixedRows::bundled() } else { None };
        committed.unwrap_or_else(|| calibrate(fonts))
    }
}

/// Reads the text form ([`format`]).
fn parse(text: &str) -> Option<FixedRows> {
    let mut out = FixedRows::default();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut words = line.split_whitespace();
        let key = words.next()?;
        let id = table_of_key(key)?;
        let digits = words.next()?.strip_prefix("digits=")?.parse().ok()?;
        let heights = words.map(|w| w.parse().ok()).collect::<Option<Vec<f64>>>()?;
        out.tables[id as usize] = Some(TableRows { digits, heights });
    }
    Some(out)
}

/// The text form: a line per table with fixed rows, its key, `digits=N` and the heights
/// in points (Rust's shortest exact form of each `f64`).
#[cfg(test)]
fn format(rows: &FixedRows) -> String {
    let mut out = String::from(
        "# Row heights (pt) of the statutory tables with the bundled fonts, computed by\n\
         # report-typst's calibration (src/rows.rs); do not edit. Regenerate with\n\
         # GOVREPORT_BLESS_ROWS=1 cargo test --release -p report-typst rows\n",
    );
    for id in TableId::ALL {
        if let Some(t) = &rows.tables[id as usize] {
            let key = report_core::labels::table_key(id);
            out.push_str(&format!("{key} digits={}", t.digits));
            for h in &t.heights {
                out.push_str(&format!(" {h}"));
            }
            out.push('\n');
        }
    }
    out
}

/// `grid` with every value cell reading `text`.
fn filled(grid: &Grid, text: &str) -> Grid {
    let mut grid = grid.clone();
    for cell in grid.cells.iter_mut().filter(|c| c.kind == CellKind::Value) {
        cell.text = text.to_owned();
    }
    grid
}

/// Calibrates the tables with `fonts`: one compile of six small pages. A table whose
/// boundaries cannot be read keeps `auto` rows; so does every table if the compile fails.
pub(crate) fn calibrate(fonts: &Arc<FontSet>) -> FixedRows {
    let grids = blank_statutory_grids();
    let mut blocks = Vec::new();
    for (i, (id, grid)) in grids.iter().enumerate() {
        for text in ["0".to_owned(), "8".repeat(DIGITS[i])] {
            let code = filled(grid, &text).to_code();
            blocks.push(table_block(code, TableStyle::of(*id), None));
        }
    }
    let source = format!(
        "#import \"/template.typ\": calibrate\n#calibrate({}, {})\n",
        Code::array(blocks),
        crate::font_dict(fonts)
    );
    let today = Datetime::from_ymd(2000, 1, 1).expect("a valid date");
    let world = ReportWorld::new(source, fonts.clone(), today);
    let Ok(document) = typst::compile::<PagedDocument>(&world).output else {
        return FixedRows::default();
    };
    let mut out = FixedRows::default();
    for (i, (_, grid)) in grids.iter().enumerate() {
        let pages = document.pages().get(2 * i..2 * i + 2);
        let [zero, widest] = match pages {
            Some([a, b]) => [boundaries(&a.frame), boundaries(&b.frame)],
            _ => continue,
        };
        let heights = |b: Vec<f64>| b.windows(2).map(|w| w[1] - w[0]).collect::<Vec<_>>();
        let (zero, widest) = (heights(zero), heights(widest));
        if zero.len() == grid.rows as usize && zero == widest {
            out.tables[i] = Some(TableRows { digits: DIGITS[i], heights: zero });
        }
    }
    out
}

/// The distinct vertical positions (pt) of the horizontal rules in `frame`, top first:
/// a table's row boundaries.
fn boundaries(frame: &Frame) -> Vec<f64> {
    fn walk(frame: &Frame, offset: Point, out: &mut Vec<f64>) {
        for (pos, item) in frame.items() {
            let at = offset + *pos;
            match item {
                FrameItem::Group(group) => walk(&group.frame, at, out),
                FrameItem::Shape(shape, _) => {
                    if let Geometry::Line(to) = shape.geometry
                        && to.y == Abs::zero()
                        && to.x != Abs::zero()
                    {
                        out.push(at.y.to_pt());
                    }
                }
                _ => {}
            }
        }
    }
    let mut ys = Vec::new();
    walk(frame, Point::zero(), &mut ys);
    ys.sort_by(f64::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
    ys
}

#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use super::*;

    /// The committed calibration of the bundled fonts is what calibrating them gives now.
    #[test]
    fn rows_committed_for_the_bundled_fonts_are_current() {
        let computed = calibrate(&FontSet::bundled());
        let text = format(&computed);
        if std::env::var_os("GOVREPORT_BLESS_ROWS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/templates/bundled-rows.txt");
            std::fs::write(path, &text).expect("write the calibration");
        }
        for (i, t) in computed.tables.iter().enumerate() {
            assert!(t.is_some(), "table {i}: the calibration found no fixed rows");
        }
        assert_eq!(
            FixedRows::bundled().as_ref(),
            Some(&computed),
            "templates/bundled-rows.txt is stale: regenerate it with \
             GOVREPORT_BLESS_ROWS=1 cargo test --release -p report-typst rows"
        );
        assert_eq!(parse(&text), Some(computed), "the text form reads back");
    }

    /// A table gets its fixed rows only while every value is a count no wider than the
    /// calibration proved.
    #[test]
    fn rows_are_fixed_only_for_counts_as_wide_as_proven() {
        let rows = FixedRows::bundled().expect("the committed calibration reads");
        for (i, (id, blank)) in blank_statutory_grids().into_iter().enumerate() {
            let digits = rows.tables[i].as_ref().expect("fixed rows").digits;
            let with = |text: &str| {
                let mut grid = blank.clone();
                let cell = grid.cells.iter_mut().find(|c| c.kind == CellKind::Value);
                cell.expect("a value cell").text = text.to_owned();
                rows.for_grid(id, &grid).is_some()
            };
            assert!(with("0"), "{id:?}: a zero");
            assert!(with(&"9".repeat(digits)), "{id:?}: {digits} digits");
            assert!(!with(&"9".repeat(digits + 1)), "{id:?}: {} digits", digits + 1);
            assert!(!with("1.5"), "{id:?}: not a count");
            assert!(!with("１２"), "{id:?}: full-width digits");
        }
    }
}
