//! The traits `#[derive(Table)]` implements, and the grid of cells a table lays out.
//!
//! A derived struct is either a *row* (`#[table(row)]`: its fields are laid out left to
//! right as value columns under a column header) or a *block of rows*
//! (`#[table(rows)]`: its fields are laid out top to bottom, each with a row label).
//! Both are also a whole [`Table`]. The attribute language is documented on the
//! [`Table`](macro@crate::Table) derive.
//!
//! Layout happens at run time from the trait constants and methods below, into a
//! [`Grid`]: every cell with its explicit position and spans. [`Grid::to_code`] (in
//! [`crate::markup`]) is the only way from a grid to Typst code; it goes through
//! [`crate::markup::cell`], so every label
//! and value reaches Typst as a string literal.
//!
//! ```
//! use report_core::Table;
//! use report_core::table::Table as _;
//!
//! #[derive(Table)]
//! #[table(row)]
//! struct Outcomes {
//!     #[table(label = "结果维持")]
//!     upheld: u64,
//!     #[table(label = "其他结果")]
//!     other: u64,
//!     #[table(label = "总计", total)]
//!     stated_total: Option<u64>,
//! }
//!
//! #[derive(Table)]
//! #[table(row)]
//! struct Cases {
//!     #[table(nested, label = "行政复议")]
//!     review: Outcomes,
//!     #[table(nested, label = "未经复议直接起诉", group = "行政诉讼")]
//!     direct: Outcomes,
//! }
//!
//! let o = |upheld, other| Outcomes { upheld, other, stated_total: None };
//! let grid = Cases { review: o(1, 2), direct: o(3, 4) }.grid();
//! assert_eq!((grid.rows, grid.columns, grid.header_rows), (4, 6, 3));
//! // 行政复议's leaves reach down to the last header row.
//! assert_eq!(grid.cell_at(1, 0).unwrap().rowspan, 2);
//! assert_eq!(grid.cell_at(1, 3).unwrap().text, "未经复议直接起诉");
//! let body: Vec<&str> = grid.cells.iter().filter(|c| c.row == 3).map(|c| c.text.as_str()).collect();
//! assert_eq!(body, ["1", "2", "3", "3", "4", "7"]);
//! ```

use std::fmt;

use rust_decimal::Decimal;

pub mod catalogue;

use catalogue::ValueKind;

/// How a table cell's content is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Align {
    /// Centred both ways (headers and numbers).
    #[default]
    Center,
    /// Left, vertically centred (row labels).
    Left,
}

/// Whether a cell is a label written in the program or a value taken from the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// A label: header, block title, corner or row label.
    Label,
    /// A value: a number or text from the data.
    Value,
}

/// What a header cell heads: the cells below it, or the cells right of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderScope {
    /// A column header: it heads the columns it spans, in the rows below it.
    Column,
    /// A row label: it heads the rows it spans, in the columns right of it.
    Row,
}

/// One cell of a [`Grid`], at its top-left corner (0-based), with its spans.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GridCell {
    /// Row of the top-left corner, from 0.
    pub row: u32,
    /// Column of the top-left corner, from 0.
    pub col: u32,
    /// Rows covered, at least 1.
    pub rowspan: u32,
    /// Columns covered, at least 1.
    pub colspan: u32,
    /// Label or value.
    pub kind: CellKind,
    /// The text printed, exactly.
    pub text: String,
    /// How the text is aligned.
    pub align: Align,
}

/// A laid-out table: size, header rows and every cell with its position.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Grid {
    /// Number of rows.
    pub rows: u32,
    /// Number of columns.
    pub columns: u32,
    /// The first `header_rows` rows are the header, repeated on page breaks.
    pub header_rows: u32,
    /// Column widths as Typst code, e.g. `(1fr, 2em)`; `None` means equal `auto` columns.
    /// Like [`crate::markup::Code::trusted`], a `&'static str`: text of the program, never of the data.
    pub widths: Option<&'static str>,
    /// The cells, in row-major order of their top-left corners.
    pub cells: Vec<GridCell>,
}

/// A grid whose cells do not tile it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GridError {
    /// A cell has a span of 0 or reaches past the grid.
    OutOfBounds {
        /// The cell's text.
        text: String,
        /// Its row.
        row: u32,
        /// Its column.
        col: u32,
    },
    /// Two cells cover the same slot.
    Overlap {
        /// The slot's row.
        row: u32,
        /// The slot's column.
        col: u32,
        /// The text of the cell placed first.
        first: String,
        /// The text of the cell placed second.
        second: String,
    },
    /// No cell covers a slot.
    Hole {
        /// The slot's row.
        row: u32,
        /// The slot's column.
        col: u32,
    },
}

impl fmt::Display for GridError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GridError::OutOfBounds { text, row, col } => {
                write!(
                    f,
                    "cell {text:?} at row {row}, column {col} reaches past the table"
                )
            }
            GridError::Overlap { row, col, first, second } => write!(
                f,
                "cells {first:?} and {second:?} both cover row {row}, column {col}"
            ),
            GridError::Hole { row, col } => {
                write!(f, "no cell covers row {row}, column {col}")
            }
        }
    }
}

impl std::error::Error for GridError {}

impl Grid {
    /// Checks that the cells tile the grid: no span past its edges, no overlap, no hole.
    pub fn check(&self) -> Result<(), GridError> {
        let (rows, cols) = (self.rows as usize, self.columns as usize);
        let mut owner: Vec<Option<usize>> = vec![None; rows * cols];
        for (i, c) in self.cells.iter().enumerate() {
            let out = || GridError::OutOfBounds {
                text: c.text.clone(),
                row: c.row,
                col: c.col,
            };
            if c.rowspan == 0 || c.colspan == 0 {
                return Err(out());
            }
            let (r1, c1) = (
                c.row as usize + c.rowspan as usize,
                c.col as usize + c.colspan as usize,
            );
            if r1 > rows || c1 > cols {
                return Err(out());
            }
            for r in c.row as usize..r1 {
                for k in c.col as usize..c1 {
                    let slot = &mut owner[r * cols + k];
                    if let Some(first) = *slot {
                        return Err(GridError::Overlap {
                            row: r as u32,
                            col: k as u32,
                            first: self.cells[first].text.clone(),
                            second: c.text.clone(),
                        });
                    }
                    *slot = Some(i);
                }
            }
        }
        match owner.iter().position(Option::is_none) {
            Some(i) => {
                Err(GridError::Hole { row: (i / cols) as u32, col: (i % cols) as u32 })
            }
            None => Ok(()),
        }
    }

    /// The cell whose top-left corner is at `row`, `col`, if any.
    pub fn cell_at(&self, row: u32, col: u32) -> Option<&GridCell> {
        self.cells.iter().find(|c| c.row == row && c.col == col)
    }

    /// Whether row `row` is a header row: one of the first [`Grid::header_rows`], or a row
    /// that no value cell covers (the title and head rows of a block in section 二).
    pub fn is_header_row(&self, row: u32) -> bool {
        row < self.header_rows
            || !self.cells.iter().any(|c| {
                c.kind == CellKind::Value && c.row <= row && row < c.row + c.rowspan
            })
    }

    /// Whether `cell` is a header cell, and what it heads: the labels of header rows head
    /// columns, the other labels (row labels) head rows; values head nothing. The HTML
    /// page's `<th scope>` and the PDF's `TH` tags both come from here.
    pub fn header_scope(&self, cell: &GridCell) -> Option<HeaderScope> {
        match cell.kind {
            CellKind::Value => None,
            CellKind::Label if self.is_header_row(cell.row) => Some(HeaderScope::Column),
            CellKind::Label => Some(HeaderScope::Row),
        }
    }
}

/// A node of a column header: a leaf over value columns, or a group over its children.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Header {
    /// The label printed.
    pub label: &'static str,
    /// The columns a leaf covers (ignored for a group, which covers its children).
    pub colspan: u32,
    /// The nodes under a group; empty for a leaf.
    pub children: Vec<Header>,
}

impl Header {
    /// A leaf over `colspan` value columns.
    pub fn leaf(label: &'static str, colspan: u32) -> Header {
        Header { label, colspan, children: Vec::new() }
    }

    /// A group over `children`.
    pub fn group(label: &'static str, children: Vec<Header>) -> Header {
        Header { label, colspan: 0, children }
    }

    /// The columns the node covers.
    pub fn width(&self) -> u32 {
        if self.children.is_empty() {
            self.colspan
        } else {
            self.children.iter().map(Header::width).sum()
        }
    }

    /// The header rows the node needs: 1 for a leaf, 1 + its deepest child for a group.
    pub fn depth(&self) -> u32 {
        1 + self.children.iter().map(Header::depth).max().unwrap_or(0)
    }
}

/// The header rows a list of header nodes needs.
pub fn header_depth(nodes: &[Header]) -> u32 {
    nodes.iter().map(Header::depth).max().unwrap_or(0)
}

/// A type whose values can be a table cell: how it is printed.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a table cell",
    label = "this field's type is not a cell value",
    note = "cells hold integers, `Decimal`, `String`/`&str`, or an `Option` of one; \
            mark a field of a derived table type `nested`, or give it `with = path`"
)]
pub trait CellValue {
    /// What the cell holds, for the table's catalogue.
    const KIND: ValueKind = ValueKind::Text;
    /// The text printed in the cell.
    fn cell_text(&self) -> String;
}

macro_rules! display_cells {
    ($kind:ident: $($t:ty),*) => {$(
        impl CellValue for $t {
            const KIND: ValueKind = ValueKind::$kind;
            fn cell_text(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

// Integers print in full without separators; a Decimal keeps the scale it was given.
display_cells!(Integer: u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);
display_cells!(Decimal: Decimal);
display_cells!(Text: String, str);

impl<T: CellValue + ?Sized> CellValue for &T {
    const KIND: ValueKind = T::KIND;
    fn cell_text(&self) -> String {
        (**self).cell_text()
    }
}

impl<T: CellValue> CellValue for Option<T> {
    const KIND: ValueKind = T::KIND;
    /// `None` prints as an empty cell.
    fn cell_text(&self) -> String {
        self.as_ref().map(CellValue::cell_text).unwrap_or_default()
    }
}

/// A value that a `total` cell can sum: zero and saturating addition.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be summed into a `total` cell",
    note = "totals sum integers or `Decimal`"
)]
pub trait Summable: Sized {
    /// The sum of nothing.
    fn zero() -> Self;
    /// `self + other`, saturating rather than overflowing.
    fn add(self, other: &Self) -> Self;
}

macro_rules! int_sums {
    ($($t:ty),*) => {$(
        impl Summable for $t {
            fn zero() -> Self {
                0
            }
            fn add(self, other: &Self) -> Self {
                self.saturating_add(*other)
            }
        }
    )*};
}

int_sums!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

impl Summable for Decimal {
    fn zero() -> Self {
        Decimal::ZERO
    }
    fn add(self, other: &Self) -> Self {
        self.saturating_add(*other)
    }
}

/// A row of value columns: what `#[derive(Table)]` with `#[table(row)]` implements.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a table row",
    note = "derive `Table` with `#[table(row)]` on it"
)]
pub trait Row {
    /// The number of value columns.
    const WIDTH: u32;
    /// The column header over the value columns.
    fn header() -> Vec<Header>;
    /// Appends this row's value cells, covering [`Row::WIDTH`] columns.
    #[doc(hidden)]
    fn values(&self, out: &mut Vec<__private::Value>);
    /// Walks this row's cells for the catalogue ([`Table::catalogue`]).
    #[doc(hidden)]
    fn __cells(walk: &mut __private::Walk);
}

/// A block of labelled rows: what `#[derive(Table)]` with `#[table(rows)]` implements.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a block of table rows",
    note = "derive `Table` with `#[table(rows)]` on it"
)]
pub trait Rows {
    /// The number of value columns of every row.
    const WIDTH: u32;
    /// The number of label columns its row labels need (1 + the deepest nesting).
    const LABEL_DEPTH: u32;
    /// The column header over the value columns (the first row's).
    fn header() -> Vec<Header>;
    /// Lays the rows out, their labels from label column `depth` on.
    #[doc(hidden)]
    fn emit(&self, layout: &mut __private::Layout, depth: u32);
    /// Walks these rows' cells for the catalogue ([`Table::catalogue`]).
    #[doc(hidden)]
    fn __cells(walk: &mut __private::Walk);
    /// Calls `f` with each row's field, top to bottom, nested blocks included.
    #[doc(hidden)]
    fn __rows<'a>(&'a self, f: &mut dyn FnMut(&'a dyn std::any::Any));
    /// Calls `f` with each row's field, mutable, top to bottom.
    #[doc(hidden)]
    fn __rows_mut<'a>(&'a mut self, f: &mut dyn FnMut(&'a mut dyn std::any::Any));
}

/// The rows of type `R` of a block of rows, top to bottom, nested blocks included, in the
/// order of its declaration (rows of other types, e.g. a stated total row
/// `Option<R>`, are left out).
pub fn rows_of<T: Rows, R: 'static>(table: &T) -> Vec<&R> {
    let mut out = Vec::new();
    table.__rows(&mut |row| out.extend(row.downcast_ref::<R>()));
    out
}

/// The rows of [`rows_of`], mutable.
pub fn rows_of_mut<T: Rows, R: 'static>(table: &mut T) -> Vec<&mut R> {
    let mut out = Vec::new();
    table.__rows_mut(&mut |row| out.extend(row.downcast_mut::<R>()));
    out
}

/// A whole table: implemented by every `#[derive(Table)]` struct.
pub trait Table {
    /// The number of grid columns.
    const COLUMNS: u32;
    /// The table laid out as a grid.
    fn grid(&self) -> Grid;
    /// Every value cell with its labels, field path and kind, in grid order
    /// ([`catalogue`]).
    fn catalogue() -> Vec<catalogue::Cell>
    where
        Self: Sized;
}

/// The runtime of the generated code: `#[derive(Table)]` calls these; they are not an
/// API of their own (serde keeps its derive's runtime the same way).
#[doc(hidden)]
pub mod __private {
    use super::Align;
    use super::{CellKind, CellValue, Grid, GridCell, Header, Row, Rows, header_depth};

    pub use super::catalogue::{Mark, Source, ValueKind, Walk, kind_of, row_cells_of};

    /// One value cell of a row: its text and the columns it covers.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct Value {
        /// The text printed.
        pub text: String,
        /// Columns covered.
        pub colspan: u32,
        /// Alignment.
        pub align: Align,
    }

    /// A group label waiting for its rows (see [`Layout::open_group`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[must_use = "close the group with `Layout::close_group`"]
    pub struct OpenGroup {
        index: usize,
        start: u32,
        depth: u32,
    }

    impl OpenGroup {
        /// The label column where the group's own rows put their labels.
        pub fn depth(&self) -> u32 {
            self.depth
        }
    }

    /// The larger of two numbers, usable in constants (the derive's label depths).
    pub const fn max(a: u32, b: u32) -> u32 {
        if a > b { a } else { b }
    }

    /// The layout of a table being built: the next free row and the cells so far.
    ///
    /// Generated code calls it; it is public for that, and for hand-written [`Rows`] impls.
    #[derive(Debug, Clone)]
    pub struct Layout {
        columns: u32,
        label_columns: u32,
        row: u32,
        cells: Vec<GridCell>,
    }

    impl Layout {
        /// An empty layout of `columns` grid columns, the first `label_columns` for labels.
        pub fn new(columns: u32, label_columns: u32) -> Layout {
            Layout { columns, label_columns, row: 0, cells: Vec::new() }
        }

        /// The next free row.
        pub fn row(&self) -> u32 {
            self.row
        }

        fn push(
            &mut self,
            (row, col): (u32, u32),
            (rowspan, colspan): (u32, u32),
            kind: CellKind,
            text: String,
            align: Align,
        ) {
            self.cells.push(GridCell { row, col, rowspan, colspan, kind, text, align });
        }

        /// Header rows: `corner` over the label columns and all header rows (when there are
        /// label columns), the nodes over the value columns, leaves reaching down to the last
        /// header row.
        pub fn header(&mut self, corner: &'static str, nodes: &[Header]) {
            let depth = header_depth(nodes).max(1);
            if self.label_columns > 0 {
                self.push(
                    (self.row, 0),
                    (depth, self.label_columns),
                    CellKind::Label,
                    corner.to_owned(),
                    Align::Center,
                );
            }
            let mut col = self.label_columns;
            for node in nodes {
                self.header_node(node, self.row, depth, col);
                col += node.width();
            }
            self.row += depth;
        }

        fn header_node(&mut self, node: &Header, row: u32, rows_left: u32, col: u32) {
            let leaf = node.children.is_empty();
            let rowspan = if leaf { rows_left } else { 1 };
            self.push(
                (row, col),
                (rowspan, node.width()),
                CellKind::Label,
                node.label.to_owned(),
                Align::Center,
            );
            let mut col = col;
            for child in &node.children {
                self.header_node(child, row + 1, rows_left - 1, col);
                col += child.width();
            }
        }

        /// A block: a title row across the whole table, then its header rows.
        pub fn block(
            &mut self,
            title: &'static str,
            corner: &'static str,
            nodes: &[Header],
        ) {
            self.push(
                (self.row, 0),
                (1, self.columns),
                CellKind::Label,
                title.to_owned(),
                Align::Center,
            );
            self.row += 1;
            self.header(corner, nodes);
        }

        fn row_label(&mut self, depth: u32, label: &'static str, align: Align) {
            if self.label_columns > depth {
                self.push(
                    (self.row, depth),
                    (1, self.label_columns - depth),
                    CellKind::Label,
                    label.to_owned(),
                    align,
                );
            }
        }

        /// Value cells from the first value column on, in the next row; the row is complete.
        pub fn values(&mut self, values: Vec<Value>) {
            let mut col = self.label_columns;
            for v in values {
                let colspan = v.colspan;
                self.push(
                    (self.row, col),
                    (1, colspan),
                    CellKind::Value,
                    v.text,
                    v.align,
                );
                col += colspan;
            }
            self.row += 1;
        }

        /// A labelled row: the label from column `depth` to the last label column, then the
        /// row's values.
        pub fn push_row<R: Row + ?Sized>(
            &mut self,
            depth: u32,
            label: &'static str,
            align: Align,
            row: &R,
        ) {
            let mut values = Vec::with_capacity(R::WIDTH as usize);
            row.values(&mut values);
            self.push_row_values(depth, label, align, values);
        }

        /// A labelled row of values already collected.
        pub fn push_row_values(
            &mut self,
            depth: u32,
            label: &'static str,
            align: Align,
            values: Vec<Value>,
        ) {
            self.row_label(depth, label, align);
            self.values(values);
        }

        /// A labelled row of one value spanning `colspan` value columns.
        pub fn push_value<V: CellValue + ?Sized>(
            &mut self,
            depth: u32,
            label: &'static str,
            align: Align,
            value: &V,
            colspan: u32,
        ) {
            self.push_row_values(
                depth,
                label,
                align,
                vec![Value { text: value.cell_text(), colspan, align: Align::Center }],
            );
        }

        /// A nested block of rows under a label spanning all its rows: the label covers the
        /// label columns its rows' labels leave free.
        pub fn push_group<G: Rows + ?Sized>(
            &mut self,
            depth: u32,
            label: &'static str,
            align: Align,
            group: &G,
        ) {
            let open = self.open_group(depth, label, align, G::LABEL_DEPTH);
            group.emit(self, open.depth());
            self.close_group(open);
        }

        /// Starts a group whose rows need `label_depth` label columns: its label goes from
        /// column `depth` up to those columns. Lay the rows out from [`OpenGroup::depth`],
        /// then [`Layout::close_group`] makes the label span them.
        pub fn open_group(
            &mut self,
            depth: u32,
            label: &'static str,
            align: Align,
            label_depth: u32,
        ) -> OpenGroup {
            let colspan = self.label_columns.saturating_sub(depth + label_depth).max(1);
            let open = OpenGroup {
                index: self.cells.len(),
                start: self.row,
                depth: depth + colspan,
            };
            self.push(
                (self.row, depth),
                (1, colspan),
                CellKind::Label,
                label.to_owned(),
                align,
            );
            open
        }

        /// Ends a group: its label spans every row laid out since [`Layout::open_group`].
        pub fn close_group(&mut self, open: OpenGroup) {
            self.cells[open.index].rowspan = (self.row - open.start).max(1);
        }

        /// The grid laid out so far; its first `header_rows` rows are its header.
        pub fn finish(self, header_rows: u32, widths: Option<&'static str>) -> Grid {
            let mut cells = self.cells;
            cells.sort_by_key(|c| (c.row, c.col));
            let grid = Grid {
                rows: self.row,
                columns: self.columns,
                header_rows,
                widths,
                cells,
            };
            // The derive's checks make every grid tile; a hand-written `Rows` may not.
            debug_assert_eq!(
                grid.check(),
                Ok(()),
                "the laid-out cells do not tile the grid"
            );
            grid
        }
    }
}

#[cfg(test)]
mod tests {
    use super::__private::Layout;
    use super::*;

    fn grid(cells: Vec<(u32, u32, u32, u32)>) -> Grid {
        Grid {
            rows: 2,
            columns: 2,
            header_rows: 0,
            widths: None,
            cells: cells
                .into_iter()
                .map(|(row, col, rowspan, colspan)| GridCell {
                    row,
                    col,
                    rowspan,
                    colspan,
                    kind: CellKind::Label,
                    text: format!("{row},{col}"),
                    align: Align::Center,
                })
                .collect(),
        }
    }

    #[test]
    fn check_finds_overlaps_holes_and_overflow() {
        assert_eq!(grid(vec![(0, 0, 2, 1), (0, 1, 1, 1), (1, 1, 1, 1)]).check(), Ok(()));
        assert!(matches!(
            grid(vec![(0, 0, 2, 1), (0, 1, 1, 1), (1, 0, 1, 2)]).check(),
            Err(GridError::Overlap { row: 1, col: 0, .. })
        ));
        assert_eq!(
            grid(vec![(0, 0, 1, 2), (1, 0, 1, 1)]).check(),
            Err(GridError::Hole { row: 1, col: 1 })
        );
        assert!(matches!(
            grid(vec![(0, 0, 1, 3)]).check(),
            Err(GridError::OutOfBounds { .. })
        ));
    }

    #[test]
    fn header_leaves_reach_the_last_header_row() {
        let mut layout = Layout::new(4, 1);
        layout.header(
            "corner",
            &[
                Header::leaf("a", 1),
                Header::group("g", vec![Header::leaf("b", 1), Header::leaf("c", 1)]),
            ],
        );
        let g = layout.finish(2, None);
        assert_eq!(g.check(), Ok(()));
        let a = g.cell_at(0, 1).unwrap();
        assert_eq!((a.text.as_str(), a.rowspan), ("a", 2));
        assert_eq!(g.cell_at(0, 0).unwrap().rowspan, 2);
        assert_eq!(g.cell_at(0, 2).unwrap().colspan, 2);
    }

    #[test]
    fn values_print_integers_and_decimals_as_given() {
        assert_eq!(3_985_758u64.cell_text(), "3985758");
        assert_eq!(
            "24252.311082".parse::<Decimal>().unwrap().cell_text(),
            "24252.311082"
        );
        assert_eq!("1.50".parse::<Decimal>().unwrap().cell_text(), "1.50");
        assert_eq!(None::<u64>.cell_text(), "");
    }
}
