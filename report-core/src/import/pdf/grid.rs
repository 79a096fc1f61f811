//! A page's ruling lines into tables: collinear pieces merged, rulings grouped into
//! tables by connectivity, each table's grid from the distinct x of its vertical and y
//! of its horizontal rulings, cells merged where their separating edge is not drawn,
//! and each glyph put in the cell that holds its centre.

use super::device::{Glyph, Rule};
use super::lines::{self, Line};

/// Positions closer than this (points) are one.
const SNAP: f64 = 1.5;
/// A vertical and a horizontal ruling closer than this touch.
const TOUCH: f64 = 2.0;

/// More rulings than this on a page (after merging) are a drawing, not tables; the
/// bound keeps grouping them (horizontal × vertical) from taking long.
const MAX_RULINGS: usize = 4000;

/// A table found on one page.
#[derive(Debug, Clone)]
pub(super) struct PageTable {
    /// The x of its column boundaries, left to right (at least three).
    pub xs: Vec<f64>,
    /// The y of its row boundaries, top to bottom (at least three).
    pub ys: Vec<f64>,
    /// Its cells, row by row, each left to right, each listed once.
    pub cells: Vec<Cell>,
}

impl PageTable {
    /// Its top edge.
    pub fn top(&self) -> f64 {
        self.ys.first().copied().unwrap_or(0.0)
    }
    /// Its bottom edge.
    pub fn bottom(&self) -> f64 {
        self.ys.last().copied().unwrap_or(0.0)
    }
    /// Whether a point is inside it.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        match (self.xs.first(), self.xs.last()) {
            (Some(&x0), Some(&x1)) => {
                x >= x0 && x <= x1 && y >= self.top() && y <= self.bottom()
            }
            _ => false,
        }
    }
}

/// One cell of a [`PageTable`]: grid rows `row..row + rowspan`, columns `col..col + colspan`.
#[derive(Debug, Clone, Default)]
pub(super) struct Cell {
    /// Its first row (from 0).
    pub row: usize,
    /// Its first column (from 0).
    pub col: usize,
    /// Rows spanned.
    pub rowspan: usize,
    /// Columns spanned.
    pub colspan: usize,
    /// Its text (lines top to bottom joined), not yet normalised.
    pub text: String,
    /// In the first row, whether its top edge is not drawn (the cell continues one of
    /// the page before).
    pub open_top: bool,
    /// In the last row, whether its bottom edge is not drawn (it goes on next page).
    pub open_bottom: bool,
}

/// Merges collinear pieces: rulings at the same position (within [`SNAP`]) that touch
/// or overlap become one.
pub(super) fn merge(rules: &[Rule]) -> Vec<Rule> {
    let mut sorted: Vec<Rule> = rules.to_vec();
    sorted.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    // Cluster by position, then merge along the direction within each cluster.
    let mut out = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i + 1;
        while j < sorted.len() && sorted[j].at - sorted[j - 1].at <= SNAP {
            j += 1;
        }
        let at = sorted[i..j].iter().map(|r| r.at).sum::<f64>() / (j - i) as f64;
        let mut run: Vec<Rule> = sorted[i..j].to_vec();
        run.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Rule> = None;
        for r in run {
            match cur.as_mut() {
                Some(c) if r.from <= c.to + SNAP => c.to = c.to.max(r.to),
                _ => {
                    out.extend(cur.take());
                    cur = Some(Rule { at, from: r.from, to: r.to });
                }
            }
        }
        out.extend(cur);
        i = j;
    }
    out
}

/// Distinct positions, snapped: values within [`SNAP`] of the previous become one.
fn distinct(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for v in values {
        match out.last() {
            Some(&l) if v - l <= SNAP => {}
            _ => out.push(v),
        }
    }
    out
}

/// Union-find's root.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Whether some ruling at `at` covers the middle of `from..to`.
fn covered(rules: &[Rule], at: f64, from: f64, to: f64) -> bool {
    let mid = (from + to) / 2.0;
    rules.iter().any(|r| (r.at - at).abs() <= SNAP + 0.5 && r.from <= mid && r.to >= mid)
}

/// The tables of a page from its rulings (merged by [`merge`]) and glyphs. Groups of
/// rulings with fewer than two columns are no table (a line, a box round a paragraph);
/// a group of one row is returned (it may continue a table of the page before). Returns the tables top to bottom and, for each glyph, whether a table
/// took it.
pub(super) fn tables(
    h: &[Rule],
    v: &[Rule],
    glyphs: &[Glyph],
    height: f64,
) -> (Vec<PageTable>, Vec<bool>) {
    let n = h.len() + v.len();
    if n > MAX_RULINGS {
        // A drawing (a map, a chart of hatching), not tables: its text is prose.
        return (Vec::new(), vec![false; glyphs.len()]);
    }
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            if b.at >= a.from - TOUCH
                && b.at <= a.to + TOUCH
                && a.at >= b.from - TOUCH
                && a.at <= b.to + TOUCH
            {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, h.len() + j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> =
        Default::default();
    for i in 0..n {
        let r = root(&mut parent, i);
        let e = groups.entry(r).or_default();
        if i < h.len() {
            e.0.push(h[i]);
        } else {
            e.1.push(v[i - h.len()]);
        }
    }
    let groups = attach_lone_verticals(groups.into_values().collect());
    let mut out: Vec<PageTable> = Vec::new();
    for (gh, gv) in groups {
        // Where rulings reach beyond the outermost ones across them (a table broken by
        // the page: its vertical rules go on past its last horizontal one), the reach
        // is a boundary too.
        let mut xs: Vec<f64> = gv.iter().map(|r| r.at).collect();
        let mut ys: Vec<f64> = gh.iter().map(|r| r.at).collect();
        extend(&mut xs, &gh);
        extend(&mut ys, &gv);
        let xs = distinct(xs);
        let ys = distinct(ys);
        // One row is kept: it may continue a table of the page before (else the reader
        // makes it prose); one column is no table.
        if xs.len() < 3 || ys.len() < 2 {
            continue;
        }
        out.push(build(xs, ys, &gh, &gv));
    }
    out.sort_by(|a, b| a.top().total_cmp(&b.top()));
    let taken = fill(&mut out, glyphs, height);
    (out, taken)
}

/// Vertical rulings touching no horizontal one, beside a table and as tall as (most
/// of) it, join that table: the left edge of a label column whose horizontal rules
/// all start further right (a rowspan on both sides of a page break).
fn attach_lone_verticals(
    groups: Vec<(Vec<Rule>, Vec<Rule>)>,
) -> Vec<(Vec<Rule>, Vec<Rule>)> {
    let (mut tables, lone): (Vec<_>, Vec<_>) =
        groups.into_iter().partition(|(h, _)| !h.is_empty());
    for (_, vs) in lone {
        for v in vs {
            let best = tables
                .iter_mut()
                .filter_map(|(h, gv)| {
                    let x0 = h.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
                    let x1 = h.iter().map(|r| r.to).fold(f64::NEG_INFINITY, f64::max);
                    let y0 = gv.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
                    let y1 = gv.iter().map(|r| r.to).fold(f64::NEG_INFINITY, f64::max);
                    let overlap = v.to.min(y1) - v.from.max(y0);
                    let distance = if v.at < x0 { x0 - v.at } else { v.at - x1 };
                    (overlap >= 0.8 * (v.to - v.from)
                        && distance > 0.0
                        && distance <= 120.0)
                        .then_some((distance, gv))
                })
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, gv)) = best {
                gv.push(v);
            }
        }
    }
    tables
}

/// Adds to `ats` (positions of rulings across `along`) where `along` reach beyond them.
fn extend(ats: &mut Vec<f64>, along: &[Rule]) {
    let lo = ats.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = ats.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let from = along.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
    let to = along.iter().map(|r| r.to).fold(f64::NEG_INFINITY, f64::max);
    if from < lo - 3.0 {
        ats.push(from);
    }
    if to > hi + 3.0 {
        ats.push(to);
    }
}

/// The cells of a grid: a cell grows right while the edge on its right is not drawn,
/// then down while no edge below any of its columns is drawn.
fn build(xs: Vec<f64>, ys: Vec<f64>, h: &[Rule], v: &[Rule]) -> PageTable {
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    let right = |r: usize, c: usize| covered(v, xs[c + 1], ys[r], ys[r + 1]);
    let below = |r: usize, c: usize| covered(h, ys[r + 1], xs[c], xs[c + 1]);
    let mut owner = vec![vec![false; cols]; rows];
    let mut cells = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if owner[r][c] {
                continue;
            }
            let mut colspan = 1;
            while c + colspan < cols
                && !right(r, c + colspan - 1)
                && !owner[r][c + colspan]
            {
                colspan += 1;
            }
            let mut rowspan = 1;
            while r + rowspan < rows
                && (c..c + colspan)
                    .all(|k| !below(r + rowspan - 1, k) && !owner[r + rowspan][k])
            {
                rowspan += 1;
            }
            for row in owner.iter_mut().skip(r).take(rowspan) {
                for o in row.iter_mut().skip(c).take(colspan) {
                    *o = true;
                }
            }
            let (x0, x1) = (xs[c], xs[c + colspan]);
            let open_top = r == 0 && !covered(h, ys[0], x0, x1);
            let open_bottom = r + rowspan == rows && !covered(h, ys[rows], x0, x1);
            cells.push(Cell {
                row: r,
                col: c,
                rowspan,
                colspan,
                text: String::new(),
                open_top,
                open_bottom,
            });
        }
    }
    PageTable { xs, ys, cells }
}

/// Puts each glyph in the cell holding its centre (found by binary search in the
/// table's boundaries, so the work is glyphs × log cells) and sets each cell's text;
/// says which glyphs a table took. A glyph within an em past an edge not drawn, where
/// that edge is in the top or bottom sixth of the page (`height` high), belongs to the
/// cell there: its text runs over the page break.
fn fill(tables: &mut [PageTable], glyphs: &[Glyph], height: f64) -> Vec<bool> {
    let mut taken = vec![false; glyphs.len()];
    for t in tables.iter_mut() {
        let (rows, cols) = (t.ys.len() - 1, t.xs.len() - 1);
        let mut index = vec![vec![usize::MAX; cols]; rows];
        for (k, cell) in t.cells.iter().enumerate() {
            for row in index.iter_mut().skip(cell.row).take(cell.rowspan) {
                for i in row.iter_mut().skip(cell.col).take(cell.colspan) {
                    *i = k;
                }
            }
        }
        let mut inside: Vec<Vec<&Glyph>> = vec![Vec::new(); t.cells.len()];
        let (left, right) = (t.xs[0], t.xs[cols]);
        for (gi, g) in glyphs.iter().enumerate() {
            let (x, y) = g.centre();
            if taken[gi] || x < left || x > right {
                continue;
            }
            // A glyph just past an edge not drawn (a cell's text running over the page
            // break) belongs to that cell.
            let past_top = y < t.top() && t.top() < height / 6.0;
            let past_bottom = y > t.bottom() && t.bottom() > height * 5.0 / 6.0;
            if (y < t.top() && !past_top) || (y > t.bottom() && !past_bottom) {
                continue;
            }
            if (past_top && y < t.top() - 1.2 * g.size)
                || (past_bottom && y > t.bottom() + 1.2 * g.size)
            {
                continue;
            }
            let c = t.xs.partition_point(|&b| b <= x).saturating_sub(1).min(cols - 1);
            let r = t.ys.partition_point(|&b| b <= y).saturating_sub(1).min(rows - 1);
            let k = index[r][c];
            let open = match t.cells.get(k) {
                Some(cell) if past_top => cell.open_top,
                Some(cell) if past_bottom => cell.open_bottom,
                _ => true,
            };
            if k != usize::MAX && open {
                inside[k].push(g);
                taken[gi] = true;
            }
        }
        for (cell, gs) in t.cells.iter_mut().zip(inside) {
            let ls: Vec<Line> = lines::lines(&gs);
            cell.text = lines::join(&ls);
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(at: f64, from: f64, to: f64) -> Rule {
        Rule { at, from, to }
    }

    #[test]
    fn pieces_merge_and_missing_edges_span() {
        // A 3 × 2 grid drawn in pieces, Chromium-style; the edge between (0,0) and
        // (0,1) is missing (a colspan), and the one between (1,0) and (2,0) too (rowspan).
        let hs = vec![
            h(0.0, 0.0, 50.0),
            h(0.0, 50.0, 100.0),
            h(20.0, 0.0, 50.0),
            h(20.0, 50.0, 100.0),
            h(40.3, 50.0, 100.0),
            h(60.0, 0.0, 100.0),
        ];
        let vs = vec![
            h(0.0, 0.0, 60.0),
            h(50.0, 20.0, 60.0),
            h(100.0, 0.0, 30.0),
            h(100.0, 30.0, 60.0),
        ];
        let (mh, mv) = (merge(&hs), merge(&vs));
        assert_eq!(mh.len(), 4);
        assert_eq!(mv.len(), 3);
        let glyph = |t: &str, x: f64, y: f64| Glyph {
            text: t.into(),
            x0: x,
            x1: x + 10.0,
            y,
            size: 10.0,
        };
        let gs = vec![
            glyph("甲", 40.0, 15.0),
            glyph("乙", 10.0, 45.0),
            glyph("丙", 60.0, 55.0),
            glyph("外", 10.0, 90.0),
        ];
        let (ts, taken) = tables(&mh, &mv, &gs, 1000.0);
        assert_eq!(ts.len(), 1);
        let cells: Vec<(usize, usize, usize, usize, &str)> = ts[0]
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.rowspan, c.colspan, c.text.as_str()))
            .collect();
        assert_eq!(
            cells,
            [
                (0, 0, 1, 2, "甲"),
                (1, 0, 2, 1, "乙"),
                (1, 1, 1, 1, ""),
                (2, 1, 1, 1, "丙")
            ]
        );
        assert_eq!(taken, [true, true, true, false]);
    }

    #[test]
    fn a_box_round_a_paragraph_is_no_table() {
        let hs = vec![h(0.0, 0.0, 100.0), h(50.0, 0.0, 100.0)];
        let vs = vec![h(0.0, 0.0, 50.0), h(100.0, 0.0, 50.0)];
        assert!(tables(&hs, &vs, &[], 1000.0).0.is_empty());
    }
}
